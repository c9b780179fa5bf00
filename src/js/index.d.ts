// Types of khuyencong-charts (hand-written; they describe JSON schema version 1).

/** An amount: canonical decimal text ("1234.5": dot decimal, no grouping) or a JSON number. */
export type Amount = string | number;

/** The unit every amount of one input is in. */
export type Unit = "dong" | "nghin_dong" | "trieu_dong" | "ty_dong";

/** A funding source that records refer to by `key`. */
export interface FundingSource {
  key: string;
  label?: string;
  level?: "national" | "local" | "other";
}

/** One row of data. At least one of plan, actual, counterpart, projects is required. */
export interface FundingRecord {
  /** A declared source key; a record without it counts in the totals only. */
  source?: string;
  region?: string;
  year?: number;
  category?: string;
  /** Planned funding (kế hoạch). */
  plan?: Amount;
  /** Funding spent (thực hiện). */
  actual?: Amount;
  /** Counterpart capital of beneficiaries (vốn đối ứng). */
  counterpart?: Amount;
  /** Number of projects (đề án). */
  projects?: number;
}

/**
 * Input data, schema version 1.
 * @example
 * const data: FundingData = {
 *   title: "Kinh phí khuyến công 28 tỉnh, thành phố phía Bắc năm 2022",
 *   unit: "ty_dong",
 *   records: [{ source: "kcqg", plan: "80.9", actual: "79.5" }],
 * };
 */
export interface FundingData {
  version?: 1;
  title: string;
  subtitle?: string;
  /** Where the figures come from (shown as "Nguồn: …"). */
  source?: string;
  notes?: string;
  /** Author-written description for screen readers. */
  description?: string;
  unit: Unit;
  /** Defaults to kcqg "Khuyến công quốc gia" (national) and kcdp "Khuyến công địa phương" (local). */
  sources?: FundingSource[];
  records: FundingRecord[];
  /** Published totals; when given they are the totals, and the sum of the parts is compared with them. */
  reported?: { plan?: Amount; actual?: Amount; counterpart?: Amount; projects?: number };
}

/**
 * Options of `analyze`.
 * @example
 * analyze(data, { locale: "en", amountDigits: 1 }).total.text.actual; // "170.4 billion VND"
 */
export interface AnalyzeOptions {
  /** Language of texts and number formats; default "vi". */
  locale?: "vi" | "en" | (string & {});
  /** Fraction digits of percentages, 0–6; default 1. */
  percentDigits?: number;
  /** Fraction digits of leverage ratios, 0–6; default 2. */
  ratioDigits?: number;
  /** Most fraction digits shown for amounts, 0–9; default 2. */
  amountDigits?: number;
  /**
   * How regions are grouped. "names" (default): province names are recognized however they are
   * written ("tỉnh Ha Giang", "TP.HCM") and shown by their name of the time; "2025": figures of
   * the 63 former provinces are added up under the 34 units since 1 July 2025 (Nghị quyết
   * 202/2025/QH15); "as-written": every region exactly as the data writes it.
   */
  regions?: "names" | "2025" | "as-written";
}

/** Display strings in the chosen locale; "–" where the value is null. */
export interface FigureText {
  plan: string;
  actual: string;
  counterpart: string;
  projects: string;
  attainment: string;
  share: string;
  leverage: string;
}

/**
 * Exact figures. Amounts are canonical decimal strings ("179.1"), null when no record carries
 * the measure. Ratios are rounded half away from zero; null on a zero divisor.
 */
export interface Figure {
  plan: string | null;
  actual: string | null;
  counterpart: string | null;
  projects: number | null;
  /** 100 × actual / plan. */
  attainment: string | null;
  /** 100 × actual / total actual (null on the total). */
  share: string | null;
  /** counterpart / actual. */
  leverage: string | null;
  text: FigureText;
}

/** A figure for one source, region, year or category. */
export interface Group extends Figure {
  key: string;
  label: string;
}

/** Something worth knowing about usable data. */
export interface Warning {
  code:
    | "total_mismatch" | "possible_grouping" | "ratio_overflow" | "possible_province"
    | "former_province" | (string & {});
  path: string;
  message: string;
}

/**
 * The result of `analyze`.
 * @example
 * const a: Analysis = analyze(data);
 * a.total.text.actual; // "170,4 tỷ đồng"
 * a.bySource.map((g) => `${g.label}: ${g.text.share}`); // ["Khuyến công quốc gia: 46,7%", …]
 */
export interface Analysis {
  unit: Unit;
  locale: "vi" | "en";
  total: Figure;
  bySource: Group[];
  byRegion: Group[];
  byYear: Group[];
  byCategory: Group[];
  /** What recognizing and regrouping the regions did (see `RegionInfo`). */
  regions: RegionInfo;
  warnings: Warning[];
}

/**
 * The regions of an analysis: which option grouped them, the former provinces the data names,
 * and which written names went into each group.
 * @example
 * const { regions } = analyze(data, { regions: "2025" });
 * regions.former; // ["Hà Giang", "Bình Dương"]: an offer to regroup looks for these
 * regions.combined[0]; // { key: "Tuyên Quang", from: [{ text: "tỉnh Ha Giang", name: "Hà Giang", records: 2, first: 0 }, …] }
 */
export interface RegionInfo {
  mode: "names" | "2025" | "as-written";
  /** Former provinces (no longer units) named in the data, by their name of the time, in order of first appearance. */
  former: string[];
  /** Region groups made of several written names, or of a name written otherwise, in byRegion's order. */
  combined: {
    /** The group's key, as in byRegion. */
    key: string;
    /** Each distinct text as the data writes it, the province it names, how many records carry it and the index of the first. */
    from: { text: string; name: string; records: number; first: number }[];
  }[];
}

/** Stable error codes. */
export type ErrorCode =
  | "invalid_json" | "too_deep" | "duplicate_key" | "wrong_type" | "missing_field"
  | "no_measure" | "unknown_field" | "invalid_amount" | "negative_amount" | "unknown_source"
  | "unknown_unit" | "invalid_value" | "unsupported_version" | "duplicate_source" | "empty"
  | "invalid_text" | "too_large" | "invalid_option" | "overflow"
  | "not_ready" | "load_failed" | "internal" | "fetch_failed" | "cross_origin";

/**
 * Thrown by every function of this package.
 * @example
 * try { analyze(data); } catch (e) { if (e instanceof KhuyenCongError) console.log(e.code, e.path); }
 */
export class KhuyenCongError extends Error {
  constructor(message: string, code: ErrorCode, path?: string);
  readonly name: "KhuyenCongError";
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** JSON path of the offending value ("records[3].plan"); "" for the whole input. */
  readonly path: string;
}

/**
 * Loads the WebAssembly module once; idempotent (later calls return the same promise; after a
 * `load_failed` rejection the next call tries again). Without an argument it loads the file next
 * to the package (from disk under Node). Pass the wasm's URL, a `Response`, bytes or a compiled
 * module when it is served elsewhere.
 * @example
 * await ready();
 * await ready("https://cdn.example.com/khuyencong-charts@0.1.0/khuyencong_charts_bg.wasm");
 */
export function ready(wasm?: WasmSource): Promise<void>;

/**
 * What `ready()` accepts: the wasm's URL (a string or `URL`), a `Response` of it, its bytes, or a
 * compiled `WebAssembly.Module`.
 * @example
 * const wasm: WasmSource = await fetch("/static/khuyencong_charts_bg.wasm");
 */
export type WasmSource =
  | string
  | URL
  | Response
  | BufferSource
  // TypeScript's WebAssembly.Module is an empty interface, which numbers and any object would
  // match; `object` and the tag keep them out while every real module still fits.
  | (WebAssembly.Module & object & { readonly [Symbol.toStringTag]?: "WebAssembly.Module" });

/**
 * Computes exact funding figures. Synchronous after `ready()`.
 * @throws {KhuyenCongError}
 * @example
 * const a = analyze(data, { locale: "vi" });
 * a.total.text.attainment; // "95,2%"
 */
export function analyze(data: FundingData | string, options?: AnalyzeOptions): Analysis;

// kinds:begin (written by scripts/kinds.mjs from the table in src/chart/mod.rs)
/** The kinds of chart. */
export type ChartKind =
  | "summary" | "sources" | "plan-actual" | "regions" | "leverage" | "trend" | "categories";
// kinds:end

/**
 * Options of `mount`: analyze's options plus the chart's own.
 * @example
 * await mount(el, data, { kind: "plan-actual", by: "region", theme: "light", height: 420 });
 */
export interface ChartOptions extends AnalyzeOptions {
  /** Which chart; default "sources". */
  kind?: ChartKind;
  /** The dimension, for kinds that allow a choice (plan-actual, leverage, regions, categories). */
  by?: "source" | "region" | "year" | "category";
  /** Bar order: "value" (largest first; default for regions and categories) or "input". */
  sort?: "value" | "input";
  /** "auto" (default) follows the reader's prefers-color-scheme. */
  theme?: "auto" | "light" | "dark";
  /** CSS length (a number means px); default: the chart's natural height at its width. */
  height?: string | number;
  /** Allow `data` to be a URL on another origin (default: same origin only). */
  allowCrossOrigin?: boolean;
  /** "none" hides the "Tải xuống / chia sẻ" (download / share) menu; default "auto". The
   * "Xem bảng số liệu" (data table) toggle stays. */
  menu?: "auto" | "none";
}

/** What a mounted chart shows, for tests and custom UIs. */
export interface ChartView {
  title: string;
  /** The figures in the press's phrasing, as printed ("… đạt 95,2% kế hoạch"). */
  description: string;
  /** The same for a screen reader to speak, the chart's accessible description: numbers
   * without grouping separators, per cent in words ("… đạt 95,2 phần trăm kế hoạch"). */
  spokenDescription: string;
  /** The data's source line and notes, if any. */
  source: string | null;
  notes: string | null;
  locale: "vi" | "en";
  kind: ChartKind;
  /** Height of the canvas in CSS px (the band of controls under the chart included). */
  height: number;
  /** `speech`: what is announced when the point is reached by keyboard (spoken form). */
  items: { title: string; rows: [string, string][]; speech: string; anchor: [number, number]; rect: [number, number, number, number] }[];
  legend: { key: string; label: string; hidden: boolean; rect: [number, number, number, number] }[];
  /** The figures as a table: column headers, then rows whose first cell heads the row; the
   * last row is the total. Formatted for the locale. */
  table: { head: string[]; rows: string[][] };
  warnings: Warning[];
}

/** A mounted chart. */
export interface ChartHandle {
  /** The host element given to `mount`. */
  readonly element: Element;
  /** The canvas the chart is painted on (null after destroy). */
  readonly canvas: HTMLCanvasElement | null;
  /** Replaces the data (object, JSON text or URL; none: reload the current URL). Rejects with
   * KhuyenCongError; the chart keeps its last good data. */
  update(data?: FundingData | string | URL): Promise<void>;
  /** Changes options (merged with the current ones). */
  setOptions(options: ChartOptions): Promise<void>;
  /** Removes every listener, observer and DOM node the chart made, and frees its wasm memory. */
  destroy(): void;
  /** What the chart shows now. */
  view(): ChartView;
  /** The chart as a PNG image at twice its CSS width (or, with `picture: true`, laid out as
   * the embed code's picture), light theme, solid background, title, legend and source line
   * included.
   * @example
   * const url = URL.createObjectURL(await chart.toPNG());
   */
  toPNG(options?: { picture?: boolean }): Promise<Blob>;
  /** The chart as an SVG document, drawn by the same painter (text stays text), light theme,
   * at its CSS width (or, with `picture: true`, laid out as the embed code's picture: 440 px
   * wide, tall enough for the chart on a 360 px phone), with <title> and <desc>. On a chart
   * drawn by embed.js, after `await chart.exportReady()` (else a `KhuyenCongError` with code
   * "not_ready"). */
  toSVG(options?: { picture?: boolean }): string;
  /** The figures behind the chart as CSV: UTF-8 with a byte-order mark, RFC 4180, canonical
   * and formatted columns, a total row. On a chart drawn by embed.js, after
   * `await chart.exportReady()` (else a `KhuyenCongError` with code "not_ready"). */
  toCSV(): string;
  /** Resolves when toSVG() and toCSV() can run: at once for a chart of `mount()`; for one drawn
   * by embed.js (whose WebAssembly build leaves the exports out, to keep a reader's download
   * small) the first call loads the full build (embed-export.js, ~115 KB gzipped), once a page.
   * @example
   * const chart = document.querySelector("khuyencong-chart").chart;
   * await chart.exportReady();
   * const svg = chart.toSVG();
   */
  exportReady(): Promise<void>;
  /** HTML that shows this chart in an article. By default (`way: "picture"`) what rich-text
   * editors keep: the chart's picture (an SVG data URL, `alt` the figures in words), a link to
   * the package's chart.html that carries the chart (the data inline) and draws it interactive,
   * and the table of the figures; a site whose template loads `khuyencong-charts/embed` puts the
   * interactive chart in the picture's place. `"element"`, `"plain"`: embed.js and a
   * `<khuyencong-chart>` / `<div data-khuyencong>`; `"iframe"`: embed.html (for a chart
   * mounted from a URL, or given `dataUrl`; rejects otherwise). `base`: the package folder's
   * URL on the site (default: where this module is); `picture`: the URL of the picture as an
   * uploaded file (`toPNG({ picture: true })`) instead of the SVG inside the code; `dataUrl`:
   * the data's URL for the element and iframe ways.
   * @example
   * const code = await chart.toEmbedCode();
   */
  toEmbedCode(options?: {
    way?: "picture" | "element" | "plain" | "iframe";
    base?: string;
    picture?: string;
    dataUrl?: string;
  }): Promise<string>;
}

/**
 * Draws an interactive chart inside `element`. `data` is an object, its JSON text, or a URL to
 * fetch (same origin unless `allowCrossOrigin`). Rejects with `KhuyenCongError`, after showing
 * the error in place.
 * @example
 * const chart = await mount(document.querySelector("#chart"), "/data/khuyen-cong-2022.json", { kind: "sources" });
 * chart.destroy();
 */
export function mount(element: Element, data: FundingData | string | URL, options?: ChartOptions): Promise<ChartHandle>;
