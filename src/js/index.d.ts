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

/** Options of `analyze`. */
export interface AnalyzeOptions {
  /** Language of texts and number formats; default "vi". */
  locale?: "vi" | "en" | (string & {});
  /** Fraction digits of percentages, 0–6; default 1. */
  percentDigits?: number;
  /** Fraction digits of leverage ratios, 0–6; default 2. */
  ratioDigits?: number;
  /** Most fraction digits shown for amounts, 0–9; default 2. */
  amountDigits?: number;
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
  code: "total_mismatch" | "possible_grouping" | (string & {});
  path: string;
  message: string;
}

/** The result of `analyze`. */
export interface Analysis {
  unit: Unit;
  locale: "vi" | "en";
  total: Figure;
  bySource: Group[];
  byRegion: Group[];
  byYear: Group[];
  byCategory: Group[];
  warnings: Warning[];
}

/** Stable error codes. */
export type ErrorCode =
  | "invalid_json" | "too_deep" | "duplicate_key" | "wrong_type" | "missing_field"
  | "no_measure" | "unknown_field" | "invalid_amount" | "negative_amount" | "unknown_source"
  | "unknown_unit" | "invalid_value" | "unsupported_version" | "duplicate_source" | "empty"
  | "invalid_text" | "too_large" | "invalid_option" | "overflow"
  | "not_ready" | "load_failed" | "internal";

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
 * Loads the WebAssembly module once; idempotent. Pass the wasm's URL, a `Response`, bytes or a
 * compiled module when it is not served next to this file.
 * @example
 * await ready();
 */
export function ready(wasm?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;

/**
 * Computes exact funding figures. Synchronous after `ready()`.
 * @throws {KhuyenCongError}
 * @example
 * const a = analyze(data, { locale: "vi" });
 * a.total.text.attainment; // "95,2%"
 */
export function analyze(data: FundingData | string, options?: AnalyzeOptions): Analysis;
