// Typed usage of khuyencong-charts, checked by `tsc --noEmit --strict -p tests/types` against the
// built package (pkg/), and by scripts/test-npm.mjs against the installed tarball (moduleResolution
// "bundler" and "nodenext"). Every exported type is used here; each `@ts-expect-error` line is
// wrong usage the types must reject (tsc fails if such a line compiles).
// Never run: it only has to type-check.
import {
  analyze,
  KhuyenCongError,
  mount,
  ready,
  type Amount,
  type Analysis,
  type AnalyzeOptions,
  type ChartHandle,
  type ChartKind,
  type ChartOptions,
  type ChartView,
  type ErrorCode,
  type Figure,
  type FigureText,
  type FundingData,
  type FundingRecord,
  type FundingSource,
  type Group,
  type RegionInfo,
  type Unit,
  type Warning,
  type WasmSource,
} from "khuyencong-charts";
import { chartOf } from "khuyencong-charts/embed";
import * as fast from "khuyencong-charts/fast";

// ---- helpers: exact type equality ---------------------------------------------------------
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | void {}

// ---- input ---------------------------------------------------------------------------------
const sources: FundingSource[] = [
  { key: "kcqg", label: "Khuyến công quốc gia", level: "national" },
  { key: "kcdp", label: "Khuyến công địa phương", level: "local" },
  { key: "khac", level: "other" },
];
const amount: Amount = "80.9";
const records: FundingRecord[] = [
  { source: "kcqg", region: "Hà Giang", year: 2022, category: "Máy móc", plan: amount, actual: 79.5 },
  { source: "kcdp", plan: "98.2", actual: "90.9", counterpart: "12.3", projects: 7 },
  { projects: 3 },
];
const unit: Unit = "ty_dong";
const data: FundingData = {
  version: 1,
  title: "Kinh phí khuyến công 28 tỉnh, thành phố phía Bắc năm 2022",
  subtitle: "Thực hiện so với kế hoạch",
  source: "Cục Công Thương địa phương",
  notes: "…",
  description: "…",
  unit,
  sources,
  records,
  reported: { plan: "179", actual: "170.4", counterpart: 10.8, projects: 33 },
};
const minimal: FundingData = { title: "T", unit: "dong", records: [{ plan: 1 }] };

// @ts-expect-error the unit is one of four Vietnamese units, not a currency code
const badUnit: FundingData = { title: "T", unit: "usd", records: [] };
// @ts-expect-error schema version 1 is the only one
const badVersion: FundingData = { version: 2, title: "T", unit: "dong", records: [] };
// @ts-expect-error title is required
const noTitle: FundingData = { unit: "dong", records: [] };
// @ts-expect-error a source's level is national, local or other
const badLevel: FundingSource = { key: "x", level: "provincial" };
// @ts-expect-error amounts are text or numbers, not booleans
const badAmount: FundingRecord = { plan: true };
// @ts-expect-error unknown fields are refused at run time, and by the types
const typo: FundingRecord = { plann: "1" };

// ---- analyze ---------------------------------------------------------------------------------
const options: AnalyzeOptions = { locale: "en", percentDigits: 1, ratioDigits: 2, amountDigits: 2 };
const viOptions: AnalyzeOptions = { locale: "vi-VN" }; // any BCP 47 tag; "en…" is English
// @ts-expect-error digits are numbers
const badDigits: AnalyzeOptions = { percentDigits: "1" };
// Regions: by name (the default), the 34 units since 2025, or exactly as written.
const byToday: AnalyzeOptions = { regions: "2025" };
const asWritten: AnalyzeOptions = { regions: "as-written" };
// @ts-expect-error the arrangement is named by its year, as text
const yearNumber: AnalyzeOptions = { regions: 2025 };
// @ts-expect-error there is no "34" mode: "2025" is the arrangement's year
const thirtyFour: AnalyzeOptions = { regions: "34" };

async function analysis(): Promise<Analysis> {
  await ready();
  await ready("/static/khuyencong_charts_bg.wasm");
  await ready(new URL("https://example.com/khuyencong_charts_bg.wasm"));
  await ready(await fetch("/khuyencong_charts_bg.wasm"));
  await ready(new ArrayBuffer(8));
  await ready(new Uint8Array(8));
  await ready(await WebAssembly.compileStreaming(fetch("/khuyencong_charts_bg.wasm")));
  const sources: WasmSource[] = ["/a.wasm", new URL("https://example.com/a.wasm"), new Uint8Array(8)];
  await ready(sources[0]);
  // @ts-expect-error ready() takes the wasm (its URL, a Response, bytes or a compiled module)
  await ready(42);
  // @ts-expect-error not any object either (TypeScript's WebAssembly.Module is an empty interface)
  await ready({ locale: "vi" });
  expectType<Equal<ReturnType<typeof ready>, Promise<void>>>();

  const a = analyze(data, options);
  analyze(JSON.stringify(data)); // JSON text
  analyze(minimal, viOptions);
  // @ts-expect-error the data is an object or its JSON text
  analyze(42);
  // @ts-expect-error options are checked too
  analyze(data, { locale: "vi", percentDigit: 1 });
  analyze(data, byToday);
  analyze(data, asWritten);
  return a;
}

/** An editor's offer: former provinces named, then the figures added up under today's units. */
function regroup(d: FundingData): string[] {
  const named = analyze(d);
  const info: RegionInfo = named.regions;
  expectType<Equal<RegionInfo["mode"], "names" | "2025" | "as-written">>();
  const former: string[] = info.former; // ["Hà Giang", "Bình Dương"]
  if (former.length === 0) return [];
  const today = analyze(d, { regions: "2025" });
  const lines = today.regions.combined.map(
    ({ key, from }) => `${key}: ${from.map((f) => `${f.text} (${f.name}, ${f.records} from #${f.first})`).join(", ")}`,
  );
  const first: number = today.regions.combined[0].from[0].first;
  const count: number = today.regions.combined[0].from[0].records;
  // @ts-expect-error combined holds groups, not names
  const wrong: string = today.regions.combined[0];
  // @ts-expect-error the mode is one of the three the option takes
  today.regions.mode = "bogus";
  for (const w of today.warnings) {
    if (w.code === "possible_province" || w.code === "former_province") lines.push(`${w.path}: ${w.message}`);
  }
  return [...former, ...lines, String(first + count), wrong];
}

function read(a: Analysis): string[] {
  expectType<Equal<Analysis["unit"], Unit>>();
  expectType<Equal<Analysis["locale"], "vi" | "en">>();
  const total: Figure = a.total;
  expectType<Equal<Figure["plan"], string | null>>();
  expectType<Equal<Figure["projects"], number | null>>();
  expectType<Equal<Figure["attainment"], string | null>>();
  const text: FigureText = total.text;
  const attainment: string = text.attainment; // "95,2%", or "–" when null
  // @ts-expect-error exact figures may be null (a measure no record carries)
  const plan: string = total.plan;
  const groups: Group[] = [...a.bySource, ...a.byRegion, ...a.byYear, ...a.byCategory];
  const labels = groups.map((g) => `${g.key}: ${g.label} ${g.text.share}`);
  const warnings: Warning[] = a.warnings;
  for (const w of warnings) {
    if (w.code === "total_mismatch") labels.push(`${w.path}: ${w.message}`);
  }
  return [attainment, plan, ...labels];
}

// ---- errors ---------------------------------------------------------------------------------
function explain(e: unknown): string {
  if (!(e instanceof KhuyenCongError)) throw e;
  expectType<Equal<typeof e.code, ErrorCode>>();
  const path: string = e.path;
  const name: "KhuyenCongError" = e.name;
  // @ts-expect-error code is a closed set of stable strings
  if (e.code === "not_a_code") return "";
  switch (e.code) {
    case "invalid_amount":
    case "negative_amount":
      return `số tiền sai tại ${path}`;
    case "unsupported_version":
      return "phiên bản lược đồ không được hỗ trợ";
    case "not_ready":
    case "load_failed":
      return "chưa tải được thư viện";
    case "fetch_failed":
    case "cross_origin":
      return "không tải được dữ liệu";
    case "invalid_json":
    case "too_deep":
    case "too_large":
    case "duplicate_key":
    case "wrong_type":
    case "missing_field":
    case "unknown_field":
    case "no_measure":
    case "unknown_source":
    case "duplicate_source":
    case "unknown_unit":
    case "invalid_value":
    case "empty":
    case "invalid_text":
    case "invalid_option":
    case "overflow":
    case "internal":
      return `${name} ${e.code}: ${e.message}`;
    default: {
      // Every code is handled above: a new code added to ErrorCode fails here.
      const unreachable: never = e.code;
      return unreachable;
    }
  }
}
const made = new KhuyenCongError("records[0].plan: …", "invalid_amount", "records[0].plan");
// @ts-expect-error codes are the stable ones
new KhuyenCongError("…", "oops");
// @ts-expect-error code is read-only
made.code = "internal";

// ---- charts ---------------------------------------------------------------------------------
const kinds: ChartKind[] = ["summary", "sources", "plan-actual", "regions", "leverage", "trend", "categories"];
const chartOptions: ChartOptions = {
  ...options,
  kind: "plan-actual",
  by: "region",
  sort: "value",
  theme: "auto",
  height: "50vh",
  allowCrossOrigin: false,
};
// A chart by today's 34 provinces (the embed code writes regions="2025").
const todayOptions: ChartOptions = { kind: "regions", regions: "2025" };
expectType<Equal<ChartOptions["regions"], "names" | "2025" | "as-written" | undefined>>();
// @ts-expect-error regions is a mode, not a list of provinces
const regionList: ChartOptions = { regions: ["Hà Giang"] };
// @ts-expect-error there is no pie chart: "sources" is the donut
const pie: ChartOptions = { kind: "pie" };
// @ts-expect-error themes are auto, light and dark
const sepia: ChartOptions = { theme: "sepia" };
// @ts-expect-error by is a dimension of the data
const byMonth: ChartOptions = { by: "month" };

async function charts(host: HTMLElement): Promise<void> {
  const chart: ChartHandle = await mount(host, data, chartOptions);
  await mount(host, "/data/phia-bac-2022.json", { kind: "sources", height: 360 });
  await mount(host, new URL("https://example.com/data.json"), { allowCrossOrigin: true });
  await chart.update(minimal);
  await chart.update("/data/phia-bac-2022.json");
  await chart.update();
  await chart.setOptions({ kind: kinds[0], locale: "en" });
  await chart.setOptions(todayOptions);
  await chart.setOptions({ regions: undefined }); // back to the names as written
  const view: ChartView = chart.view();
  const first: string | undefined = view.items[0]?.title;
  const rows: [string, string][] = view.items.flatMap((it) => it.rows);
  const [x, y, w, h] = view.items[0].rect;
  const legend = view.legend.filter((l) => !l.hidden).map((l) => l.label);
  const kind: ChartKind = view.kind;
  const warnings: Warning[] = view.warnings;
  const element: Element = chart.element;
  const canvas: HTMLCanvasElement | null = chart.canvas;
  // @ts-expect-error the handle's element is read-only
  chart.element = host;
  // @ts-expect-error mount needs an element, not a selector
  await mount("#chart", data);
  // The embed code: asynchronous (the picture is drawn, the link's data compressed), the
  // picture, link and table by default; the other ways by name.
  expectType<Equal<ReturnType<ChartHandle["toEmbedCode"]>, Promise<string>>>();
  const code: string = await chart.toEmbedCode();
  await chart.toEmbedCode({ way: "element" });
  await chart.toEmbedCode({ way: "plain", base: "https://static.example.vn/khuyencong-charts/" });
  await chart.toEmbedCode({ way: "iframe", dataUrl: "https://static.example.vn/data/2022.json" });
  await chart.toEmbedCode({ way: "picture", picture: "https://example.vn/uploads/khuyencong-2022.png" });
  // @ts-expect-error toEmbedCode() returns a Promise of the code, not the code
  const notAwaited: string = chart.toEmbedCode();
  // @ts-expect-error the ways are picture, element, plain and iframe
  await chart.toEmbedCode({ way: "script" });
  // The picture as the embed code lays it out, as SVG text or a PNG to upload.
  const pictureSvg: string = chart.toSVG({ picture: true });
  const picturePng: Blob = await chart.toPNG({ picture: true });
  const plainPng: Blob = await chart.toPNG();
  // @ts-expect-error picture is a boolean
  chart.toSVG({ picture: "yes" });
  chart.destroy();
  console.log(first, rows, x + y + w + h, legend, kind, warnings, element, canvas, view.height);
  console.log(code, notAwaited, pictureSvg.length, picturePng.size, plainPng.size);
}

// ---- khuyencong-charts/embed ------------------------------------------------------------------
function embedded(): ChartHandle | null {
  const el = document.createElement("khuyencong-chart"); // typed by the element map
  el.setAttribute("kind", "sources");
  const fromProperty: ChartHandle | null = el.chart;
  // @ts-expect-error the element's chart is read-only
  el.chart = null;
  el.addEventListener("khuyencong-chart:ready", async (e) => {
    const c: ChartHandle = e.detail.chart;
    c.view();
    // An embed's SVG and CSV come from the full build, loaded on demand.
    const loaded: Promise<void> = c.exportReady();
    await loaded;
    const svg: string = c.toSVG();
    console.log(svg.length, c.toCSV().length);
  });
  el.addEventListener("khuyencong-chart:error", (e) => {
    const code: ErrorCode = e.detail.error.code;
    console.log(code);
  });
  const found = document.querySelector("khuyencong-chart"); // typed by the element map too
  const plain = document.querySelector("[data-khuyencong]");
  // The embed code's chart: by its picture, its link, or the box it is drawn in.
  const picture = document.querySelector<HTMLImageElement>('img[src*="khuyencong"]');
  const link = document.querySelector<HTMLAnchorElement>('a[href*="#khuyencong="]');
  const box = document.querySelector(".kc-embed");
  const drawn = (picture && chartOf(picture)) ?? (link && chartOf(link)) ?? (box && chartOf(box));
  // @ts-expect-error chartOf takes an element, not a selector
  chartOf(".kc-embed");
  return fromProperty ?? (found && found.chart) ?? (plain && chartOf(plain)) ?? drawn;
}

// ---- khuyencong-charts/fast: the same API, the build compiled for speed -------------------------
async function bulk(text: string): Promise<Analysis> {
  await fast.ready();
  const a: Analysis = fast.analyze(text, { locale: "en" });
  // @ts-expect-error analyze needs data
  fast.analyze();
  const handle: ChartHandle = await fast.mount(document.createElement("div"), text, { kind: "sources" });
  handle.destroy();
  return a;
}

export { analysis, read, regroup, explain, charts, embedded, made, bulk };
export type Unused = [typeof badUnit, typeof badVersion, typeof noTitle, typeof badLevel, typeof badAmount,
  typeof typo, typeof badDigits, typeof pie, typeof sepia, typeof byMonth, typeof yearNumber,
  typeof thirtyFour, typeof regionList];
