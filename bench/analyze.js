// Analysis throughput (scripts/bench.mjs): khuyencong-charts' analyze() against the same sums
// and ratios computed in JavaScript with decimal.js, what a JS developer uses for exact money.
//
// Both get the same JSON text of N records (a deterministic generator, below) and return the
// figures as canonical decimal strings: the total, and by source, region, year and category the
// exact sums of plan, actual and counterpart, the projects, and attainment = 100 × actual / plan,
// share = 100 × actual / total actual, leverage = counterpart / actual, rounded half away from
// zero to 1 (percentages) and 2 (leverage) digits. The decimal.js side does only that: JSON.parse
// and the arithmetic. analyze() also validates every field (types, unknown fields, amount
// notation, text rules), normalizes the labels to NFC, checks for warnings and formats every
// figure for readers ("13.800 triệu đồng", "95,2%"): more work, counted against it.
//
// window.bench.check(n): both results for n records, compared field by field; throws on the
// first difference. window.bench.time(n, samples): per sample, milliseconds per call of each
// (enough calls per sample to last ≥ 25 ms), after warm-up calls.
import Decimal from "/node_modules/decimal.js/decimal.mjs";
import { prng } from "./prng.js";

// ?build=fast: the fast build (khuyencong-charts/fast, www/pkg/fast.js); otherwise the main entry
// point, with the wasm every embed loads.
const BUILD = new URLSearchParams(location.search).get("build") === "fast" ? "fast" : "default";
const { analyze, ready } = await import(BUILD === "fast" ? "/www/pkg/fast.js" : "/www/pkg/index.js");
await ready();

// ---- the data ------------------------------------------------------------------------------------

const CATEGORIES = [
  "Máy móc thiết bị tiên tiến",
  "Đào tạo nghề",
  "Tư vấn, trợ giúp",
  "Hội chợ, triển lãm",
  "Sản phẩm công nghiệp nông thôn tiêu biểu",
  "Quản lý chương trình",
];

/** An amount in triệu đồng: 1–99 999 with 0–3 fraction digits, no trailing zero (a trailing
 * zero after 3 digits would look like Vietnamese grouping and add a warning per record). */
function amount(r) {
  const int = String(r.int(1, 99999));
  let frac = "";
  for (let i = r.int(0, 3); i > 0; i--) frac += String(r.int(0, 9));
  frac = frac.replace(/0+$/, "");
  return frac ? `${int}.${frac}` : int;
}

/** JSON text of `n` records: 63 provinces × 2 sources × 10 years × 6 activities; plan and
 * actual on every record, counterpart on half, projects on most; one amount in five written as
 * a JSON number (the schema allows both). */
export function dataset(n, regions, seed = 20260101) {
  const r = prng(seed + n);
  const money = () => {
    const text = amount(r);
    return r.next() < 0.2 && String(Number(text)) === text ? Number(text) : text;
  };
  const records = new Array(n);
  for (let i = 0; i < n; i++) {
    const rec = {
      source: r.next() < 0.45 ? "kcqg" : "kcdp",
      region: r.pick(regions),
      year: r.int(2016, 2025),
      category: r.pick(CATEGORIES),
      plan: money(),
      actual: money(),
    };
    if (r.next() < 0.5) rec.counterpart = money();
    if (r.next() < 0.8) rec.projects = r.int(0, 20);
    records[i] = rec;
  }
  return JSON.stringify({
    version: 1,
    title: `Số liệu sinh ngẫu nhiên: ${n} bản ghi`,
    unit: "trieu_dong",
    records,
  });
}

// ---- the peer: decimal.js ---------------------------------------------------------------------------

// 40 significant digits hold any sum here (at most 10^5 × 10^5 with 3 fraction digits) exactly;
// ROUND_HALF_UP is half away from zero on these non-negative numbers.
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
const HUNDRED = new D(100);
const DEFAULT_SOURCES = [{ key: "kcqg" }, { key: "kcdp" }];

/** Plain notation without trailing zeros ("179.1", "0"), as analyze() writes exact figures. */
function canonical(d) {
  let s = d.toFixed();
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return s;
}

function newSums() {
  return { plan: null, actual: null, counterpart: null, projects: null };
}

function add(s, rec) {
  if (rec.plan !== undefined) s.plan = s.plan === null ? new D(rec.plan) : s.plan.plus(rec.plan);
  if (rec.actual !== undefined) s.actual = s.actual === null ? new D(rec.actual) : s.actual.plus(rec.actual);
  if (rec.counterpart !== undefined) {
    s.counterpart = s.counterpart === null ? new D(rec.counterpart) : s.counterpart.plus(rec.counterpart);
  }
  if (rec.projects !== undefined) s.projects = (s.projects ?? 0) + rec.projects;
}

/** factor × n / d rounded half away from zero to dp digits; null for a missing value or d = 0. */
function ratio(n, d, factor, dp) {
  if (n === null || d === null || d.isZero()) return null;
  return canonical(n.times(factor).div(d).toDecimalPlaces(dp, D.ROUND_HALF_UP));
}

function figure(s, totalActual, isTotal) {
  return {
    plan: s.plan === null ? null : canonical(s.plan),
    actual: s.actual === null ? null : canonical(s.actual),
    counterpart: s.counterpart === null ? null : canonical(s.counterpart),
    projects: s.projects,
    attainment: ratio(s.actual, s.plan, HUNDRED, 1),
    share: isTotal ? null : ratio(s.actual, totalActual, HUNDRED, 1),
    leverage: ratio(s.counterpart, s.actual, 1, 2),
  };
}

/** The same figures as analyze(), from the JSON text, with decimal.js. */
export function decimalAnalyze(text) {
  const data = JSON.parse(text);
  const total = newSums();
  const bySource = new Map((data.sources ?? DEFAULT_SOURCES).map((s) => [s.key, null]));
  const byRegion = new Map();
  const byYear = new Map();
  const byCategory = new Map();
  const into = (map, key, rec) => {
    let s = map.get(key);
    if (!s) map.set(key, (s = newSums()));
    add(s, rec);
  };
  for (const rec of data.records) {
    add(total, rec);
    if (rec.source !== undefined) into(bySource, rec.source, rec);
    if (rec.region !== undefined) into(byRegion, rec.region, rec);
    if (rec.year !== undefined) into(byYear, rec.year, rec);
    if (rec.category !== undefined) into(byCategory, rec.category, rec);
  }
  if (data.reported) {
    for (const m of ["plan", "actual", "counterpart"]) {
      if (data.reported[m] !== undefined) total[m] = new D(data.reported[m]);
    }
    if (data.reported.projects !== undefined) total.projects = data.reported.projects;
  }
  const groups = (entries) =>
    entries.filter(([, s]) => s !== null).map(([key, s]) => ({ key: String(key), ...figure(s, total.actual, false) }));
  return {
    total: figure(total, null, true),
    bySource: groups([...bySource]),
    byRegion: groups([...byRegion]),
    byYear: groups([...byYear].sort((a, b) => a[0] - b[0])),
    byCategory: groups([...byCategory]),
  };
}

// ---- the harness's side ---------------------------------------------------------------------------

const FIELDS = ["plan", "actual", "counterpart", "projects", "attainment", "share", "leverage"];
const DIMENSIONS = ["bySource", "byRegion", "byYear", "byCategory"];
const texts = new Map();
let regions = null;

async function textOf(n) {
  if (!regions) {
    const sample = await (await fetch("/www/data/63-tinh-minh-hoa.json")).json();
    regions = [...new Set(sample.records.map((r) => r.region))];
    if (regions.length !== 63) throw new Error(`expected 63 provinces, found ${regions.length}`);
  }
  if (!texts.has(n)) texts.set(n, dataset(n, regions));
  return texts.get(n);
}

/** Compares analyze() with decimal.js on n records, every figure of every group. */
async function check(n) {
  const text = await textOf(n);
  const ours = analyze(text);
  const peer = decimalAnalyze(text);
  const differences = [];
  const compare = (where, a, b) => {
    for (const f of FIELDS) {
      if (a[f] !== b[f]) differences.push(`${where}.${f}: analyze ${JSON.stringify(a[f])}, decimal.js ${JSON.stringify(b[f])}`);
    }
  };
  compare("total", ours.total, peer.total);
  let groups = 0;
  for (const dim of DIMENSIONS) {
    if (ours[dim].length !== peer[dim].length) {
      differences.push(`${dim}: analyze has ${ours[dim].length} groups, decimal.js ${peer[dim].length}`);
      continue;
    }
    ours[dim].forEach((g, i) => {
      if (g.key !== peer[dim][i].key) differences.push(`${dim}[${i}].key: ${g.key} ≠ ${peer[dim][i].key}`);
      compare(`${dim}[${i}]`, g, peer[dim][i]);
      groups++;
    });
  }
  if (ours.warnings.length) differences.push(`analyze warned: ${ours.warnings.map((w) => w.code).join(", ")}`);
  return {
    n,
    bytes: new TextEncoder().encode(text).length,
    groups,
    total: { actual: ours.total.actual, plan: ours.total.plan, attainment: ours.total.attainment, leverage: ours.total.leverage },
    sample: { region: ours.byRegion[0].key, share: ours.byRegion[0].share, peerShare: peer.byRegion[0].share },
    differences: differences.slice(0, 20),
    differenceCount: differences.length,
  };
}

/** Milliseconds per call, `samples` times, ours and decimal.js in turn (which goes first
 * alternates). Each sample repeats the call until it has run ≥ 25 ms (the timer is coarse). */
async function time(n, samples, minMs = 25) {
  const text = await textOf(n);
  const run = { ours: () => analyze(text), peer: () => decimalAnalyze(text) };
  // Warm-up: JIT for the JS, the wasm memory grown to its size for ours.
  const reps = {};
  for (const [name, f] of Object.entries(run)) {
    const t0 = performance.now();
    f();
    f();
    const once = (performance.now() - t0) / 2;
    reps[name] = Math.max(1, Math.ceil(minMs / Math.max(once, 0.01)));
  }
  const out = { ours: [], peer: [], reps };
  for (let s = 0; s < samples; s++) {
    const order = s % 2 === 0 ? ["ours", "peer"] : ["peer", "ours"];
    for (const name of order) {
      const k = reps[name];
      const t0 = performance.now();
      for (let i = 0; i < k; i++) run[name]();
      out[name].push((performance.now() - t0) / k);
    }
  }
  return out;
}

window.bench = { check, time, build: BUILD, ready: true };
