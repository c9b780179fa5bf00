// Exactness: analyze() (the built wasm in www/pkg, loaded in Node with ready(bytes)) against an
// independent computation with decimal.js, over thousands of random data sets from a seeded
// generator (the seed is printed; KC_SEED=… reruns one, KC_DATASETS=… changes the count).
//
// Checked for every data set, for the total and every group (by source, region, year,
// category): the exact sums (canonical text), projects, attainment = 100 × actual / plan,
// share = 100 × actual / total actual, leverage = counterpart / actual, each rounded half away
// from zero (ROUND_HALF_UP on non-negative numbers) to percentDigits / ratioDigits; `null` for a
// zero divisor or a missing measure, and for a quotient too large for a 96-bit mantissa
// (with one ratio_overflow warning); the groups' keys and order; the warnings' codes.
//
// Shares are rounded one by one (README, "Output"): with n shares of one whole rounded to d
// digits, each is off by at most half a unit (0.5 × 10^-d), so they add up to 100 ± n × 0.5 ×
// 10^-d (100 ± n × 0.05 with the default percentDigits 1), and never further. When the groups
// do not cover the whole (records without the dimension, or a published total that differs),
// the same bound holds around the exact sum of the unrounded shares. Both are checked, and
// the largest deviation seen is reported.
//
// Run: node --test tests/e2e/exactness.test.mjs   (needs www/pkg/ built: make www-pkg)

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { before, test } from "node:test";
import Decimal from "decimal.js";
import { prng } from "../../bench/prng.js";
import { repoPath } from "./helpers.mjs";

const D = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });
const DATASETS = Number(process.env.KC_DATASETS ?? 2500);
const SEED = Number(process.env.KC_SEED ?? 20240607);
/** rust_decimal holds a mantissa of at most 96 bits: a rounded ratio above it is null. */
const MAX_MANTISSA = new D(2).pow(96).minus(1);
/** Ratios met whose exact value lies halfway between two rounded values (the oracle counts). */
let halfwayCount = 0;

let kc;
before(async () => {
  assert.ok(existsSync(repoPath("www", "pkg", "index.js")), "www/pkg is missing: make www-pkg");
  kc = await import("../../www/pkg/index.js");
  await kc.ready(readFileSync(repoPath("www", "pkg", "khuyencong_charts_bg.wasm")));
});

// ---- data ---------------------------------------------------------------------------------------

// Province names as the package writes them (their canonical form: it shows "Bà Rịa – Vũng Tàu"
// for "Bà Rịa - Vũng Tàu"), so that the oracle's groups, made of the names as written, are its.
const REGIONS = [
  "Hà Giang",
  "Cao Bằng",
  "Bắc Kạn",
  "Lạng Sơn",
  "Tuyên Quang",
  "Thái Nguyên",
  "Đắk Lắk",
  "Bình Định",
  "Quảng Ninh",
  "Thừa Thiên Huế",
  "Bà Rịa – Vũng Tàu",
  "Thành phố Hồ Chí Minh",
];
const CATEGORIES = [
  "Máy móc thiết bị tiên tiến",
  "Đào tạo nghề",
  "Tư vấn, trợ giúp",
  "Hội chợ, triển lãm",
  "Sản phẩm công nghiệp nông thôn tiêu biểu",
  "Quản lý chương trình",
];

/** 100 × a / b of two of these is often exactly halfway (100 × 1 / 8 = 12.5, 1 / 16 = 6.25). */
const HALVES = ["1", "2", "3", "4", "8", "16", "32", "64", "0.5", "0.25", "0.125", "12.5", "40", "80", "200", "1.6"];

/**
 * Whether zeros may be written with fraction digits ("0.0", "0.00"). On: src/exact.rs add()
 * once took rust_decimal's unchanged other operand (when one is zero) for a rounding and
 * refused such sums as `overflow`; the test at the end pins that down.
 */
let zeroFractions = true;

/** A random amount as canonical decimal text: 0–8 fraction digits, below 10^15. */
function amountText(r, scale) {
  // Mostly figures as published (units to millions of the unit), some tiny, some huge, and
  // some small powers of two whose ratios fall exactly halfway between two rounded values.
  if (scale === "halfway") return r.pick(HALVES);
  if (scale === "tiny" && r.chance(0.3)) return `0.${"0".repeat(r.int(4, 7))}${r.int(1, 9)}`;
  const magnitude =
    scale === "huge" ? r.int(10, 15) : scale === "tiny" ? r.int(0, 1) : r.pick([0, 1, 1, 2, 3, 4, 6]);
  let int = "0";
  if (magnitude > 0) {
    int = String(r.int(1, 9));
    for (let i = 1; i < magnitude; i++) int += String(r.int(0, 9));
  }
  const frac = r.int(0, 8);
  let digits = "";
  for (let i = 0; i < frac; i++) digits += String(r.int(0, 9));
  if (int === "0" && /^0*$/.test(digits) && !zeroFractions) return "0";
  return frac === 0 ? int : `${int}.${digits}`;
}

/** The amount as it appears in the JSON: its text, or sometimes a JSON number that reads the
 * same (its shortest round-trip text is the canonical text). */
function amountValue(r, text) {
  if (r.chance(0.3) && String(Number(text)) === canonical(new D(text))) return Number(text);
  return text;
}

/** NFD spelling of a label sometimes: the library must group it with the NFC one. */
const spell = (r, label) => (r.chance(0.15) ? label.normalize("NFD") : label);

function generate(r) {
  const scale = r.chance(0.04)
    ? "extreme"
    : r.chance(0.1)
      ? "huge"
      : r.chance(0.1)
        ? "halfway"
        : "normal";
  const n = r.chance(0.6) ? r.int(1, 30) : r.chance(0.8) ? r.int(31, 400) : r.int(401, 2000);
  const sources = r.chance(0.4)
    ? null
    : Array.from({ length: r.int(1, 6) }, (_, i) => ({
        key: `s${i}`,
        label: `Nguồn ${i}`,
        level: r.pick(["national", "local", "other"]),
      }));
  const keys = sources ? sources.map((s) => s.key) : ["kcqg", "kcdp"];
  const regions = REGIONS.slice(0, r.int(1, REGIONS.length));
  const categories = CATEGORIES.slice(0, r.int(1, CATEGORIES.length));
  const withRegion = r.next();
  const withCategory = r.next();
  const withYear = r.next();
  const withSource = r.chance(0.2) ? r.next() : 1 - r.next() * 0.1;
  const measureOdds = { plan: r.next(), actual: 0.3 + 0.7 * r.next(), counterpart: r.next() * 0.8 };
  const records = [];
  for (let i = 0; i < n; i++) {
    const rec = {};
    if (r.next() < withSource) rec.source = r.pick(keys);
    if (r.next() < withRegion) rec.region = spell(r, r.pick(regions));
    if (r.next() < withYear) rec.year = r.int(2015, 2025);
    if (r.next() < withCategory) rec.category = spell(r, r.pick(categories));
    for (const m of ["plan", "actual", "counterpart"]) {
      if (r.next() < measureOdds[m]) {
        const s = scale === "extreme" ? r.pick(["tiny", "huge", "normal"]) : scale;
        rec[m] = amountValue(r, amountText(r, s));
      }
    }
    if (r.chance(0.15)) rec.projects = r.int(0, 50);
    if (!("plan" in rec || "actual" in rec || "counterpart" in rec || "projects" in rec)) {
      rec.actual = amountValue(r, amountText(r, "normal"));
    }
    records.push(rec);
  }
  const data = { title: "Kinh phí khuyến công (ngẫu nhiên)", unit: r.pick(["dong", "trieu_dong", "ty_dong"]), records };
  if (sources) data.sources = sources;
  if (r.chance(0.25)) {
    // Published totals: some measures, sometimes equal to the sum, sometimes not.
    data.reported = {};
    for (const m of ["plan", "actual", "counterpart"]) {
      if (r.chance(0.6)) data.reported[m] = amountText(r, scale === "huge" ? "huge" : "normal");
    }
    if (r.chance(0.3)) data.reported.projects = r.int(0, 500);
  }
  const options = {};
  if (r.chance(0.5)) options.percentDigits = r.int(0, 6);
  if (r.chance(0.4)) options.ratioDigits = r.int(0, 6);
  if (scale === "extreme" && r.chance(0.5)) {
    // 100 × 10^15 / 10^-8 to 6 digits: a quotient past rust_decimal's 96-bit mantissa.
    records.push({ plan: "0.00000001", actual: "1000000000000000", counterpart: "1000000000000000" });
    options.percentDigits = r.int(4, 6);
  }
  if (r.chance(0.2)) options.amountDigits = r.int(0, 9);
  if (r.chance(0.3)) options.locale = "en";
  return { data, options };
}

// ---- the independent computation -----------------------------------------------------------------

const dec = (v) => new D(typeof v === "number" ? String(v) : v);
/** Canonical text: plain notation, no trailing zeros ("179.1", "0.00000001", "0"). */
function canonical(d) {
  let s = d.toFixed();
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return s === "-0" ? "0" : s;
}

/**
 * round(factor × n / d) half away from zero to `dp` digits, as canonical text; null when a
 * value is missing or d is 0; "overflow" when the rounded value's mantissa exceeds 96 bits.
 * Computed twice: by integer division with the remainder compared to half the divisor, and by
 * decimal.js's own division and toDecimalPlaces(ROUND_HALF_UP); both must agree.
 */
function ratio(n, d, factor, dp) {
  if (n === null || d === null || d.isZero()) return null;
  const scaledNum = n.times(factor).times(new D(10).pow(dp));
  const q = scaledNum.divToInt(d);
  const r = scaledNum.minus(q.times(d));
  const rounded = r.times(2).gte(d) ? q.plus(1) : q;
  if (r.times(2).eq(d)) halfwayCount++;
  const viaDivision = n.times(factor).div(d).toDecimalPlaces(dp, D.ROUND_HALF_UP);
  const viaIntegers = rounded.div(new D(10).pow(dp));
  if (!viaDivision.eq(viaIntegers)) {
    throw new Error(`oracle disagrees with itself: ${n} × ${factor} / ${d} to ${dp}`);
  }
  if (rounded.gt(MAX_MANTISSA)) return "overflow";
  return canonical(viaIntegers);
}

function emptySums() {
  return { plan: null, actual: null, counterpart: null, projects: null };
}

function addTo(sums, rec) {
  for (const m of ["plan", "actual", "counterpart"]) {
    if (rec[m] !== undefined) sums[m] = (sums[m] ?? new D(0)).plus(dec(rec[m]));
  }
  if (rec.projects !== undefined) sums.projects = (sums.projects ?? 0) + rec.projects;
}

/** Keys of a text dimension: trimmed, NFC (the library's normalization). */
const keyOf = (s) => s.trim().normalize("NFC");

function expected({ data, options }) {
  const pd = options.percentDigits ?? 1;
  const rd = options.ratioDigits ?? 2;
  const total = emptySums();
  const bySource = new Map((data.sources ?? [{ key: "kcqg" }, { key: "kcdp" }]).map((s) => [s.key, null]));
  const byRegion = new Map();
  const byCategory = new Map();
  const byYear = new Map();
  const sourced = { plan: true, actual: true, counterpart: true, projects: true };
  const into = (map, key, rec) => {
    if (!map.get(key)) map.set(key, emptySums());
    addTo(map.get(key), rec);
  };
  for (const rec of data.records) {
    addTo(total, rec);
    if (rec.source !== undefined) into(bySource, rec.source, rec);
    if (rec.region !== undefined) into(byRegion, keyOf(rec.region), rec);
    if (rec.category !== undefined) into(byCategory, keyOf(rec.category), rec);
    if (rec.year !== undefined) into(byYear, String(rec.year), rec);
  }
  const warnings = [];
  for (const rec of data.records) {
    for (const m of ["plan", "actual", "counterpart"]) {
      if (typeof rec[m] === "string" && looksGrouped(rec[m])) warnings.push("possible_grouping");
    }
  }
  const totals = { ...total };
  if (data.reported) {
    for (const m of ["plan", "actual", "counterpart", "projects"]) {
      const rep = data.reported[m];
      if (rep === undefined) continue;
      const repValue = m === "projects" ? rep : dec(rep);
      if (m !== "projects" && looksGrouped(rep)) warnings.push("possible_grouping");
      const computed = total[m];
      const differs = m === "projects" ? computed !== null && computed !== rep : computed !== null && !computed.eq(repValue);
      if (differs) warnings.push("total_mismatch");
      totals[m] = repValue;
    }
  }
  let overflow = false;
  const ratioOr = (...args) => {
    const v = ratio(...args);
    if (v === "overflow") {
      overflow = true;
      return null;
    }
    return v;
  };
  const figure = (s, isTotal) => ({
    plan: s.plan === null ? null : canonical(s.plan),
    actual: s.actual === null ? null : canonical(s.actual),
    counterpart: s.counterpart === null ? null : canonical(s.counterpart),
    projects: s.projects,
    attainment: ratioOr(s.actual, s.plan, 100, pd),
    share: isTotal ? null : ratioOr(s.actual, totals.actual, 100, pd),
    leverage: ratioOr(s.counterpart, s.actual, 1, rd),
  });
  const groups = (entries) => entries.map(([key, s]) => ({ key, ...figure(s, false), exact: s }));
  const years = [...byYear].sort((a, b) => Number(a[0]) - Number(b[0]));
  const out = {
    total: figure(totals, true),
    bySource: groups([...bySource].filter(([, s]) => s !== null)),
    byRegion: groups([...byRegion]),
    byYear: groups(years),
    byCategory: groups([...byCategory]),
    totalActual: totals.actual,
    percentDigits: pd,
  };
  if (overflow) warnings.push("ratio_overflow");
  out.warnings = warnings.sort();
  return out;
}

function looksGrouped(s) {
  const dot = s.indexOf(".");
  if (dot < 0) return false;
  const int = s.slice(0, dot);
  const frac = s.slice(dot + 1);
  return int.length >= 1 && int.length <= 3 && int !== "0" && frac.length === 3 && frac.endsWith("0");
}

const FIELDS = ["plan", "actual", "counterpart", "projects", "attainment", "share", "leverage"];
const pickFields = (f) => Object.fromEntries(FIELDS.map((k) => [k, f[k]]));

// ---- the test ---------------------------------------------------------------------------------------

test(`analyze() equals decimal.js on ${DATASETS} random data sets (seed ${SEED})`, () => {
  const r = prng(SEED);
  const stats = {
    datasets: 0,
    records: 0,
    groups: 0,
    ratios: 0,
    halfwayRatios: 0,
    nullRatios: 0,
    overflowDatasets: 0,
    shareSums: 0,
    wholeShareSums: 0,
    worstShareDeviation: "0",
    worstShareUnits: 0,
  };
  let worst = new D(0);
  for (let i = 0; i < DATASETS; i++) {
    const set = generate(r);
    const want = expected(set);
    let got;
    try {
      got = kc.analyze(JSON.stringify(set.data), set.options);
    } catch (e) {
      assert.fail(`data set ${i} (seed ${SEED}): ${e.code} ${e.path}: ${e.message}`);
    }
    const where = (what) => `data set ${i} (seed ${SEED}, KC_DATASETS=${i + 1}), ${what}`;
    assert.deepEqual(pickFields(got.total), want.total, where("total"));
    for (const dim of ["bySource", "byRegion", "byYear", "byCategory"]) {
      assert.deepEqual(
        got[dim].map((g) => g.key),
        want[dim].map((g) => g.key),
        where(`${dim} keys and order`),
      );
      got[dim].forEach((g, j) => {
        const { key, exact, ...figure } = want[dim][j];
        assert.deepEqual({ key: g.key, ...pickFields(g) }, { key, ...figure }, where(`${dim}[${j}]`));
      });
      stats.groups += got[dim].length;

      // Shares of one whole: within n half-units of the exact sum of the unrounded shares.
      const shared = want[dim].filter((g) => g.share !== null);
      if (shared.length > 0 && want.totalActual !== null && !want.totalActual.isZero()) {
        const unit = new D(10).pow(-want.percentDigits);
        const rounded = shared.reduce((s, g) => s.plus(g.share), new D(0));
        const exactSum = shared
          .reduce((s, g) => s.plus(g.exact.actual), new D(0))
          .times(100)
          .div(want.totalActual);
        const deviation = rounded.minus(exactSum).abs();
        const bound = unit.times(shared.length).div(2);
        assert.ok(
          deviation.lte(bound),
          where(`${dim}: shares add up to ${rounded}, the exact ${exactSum} ± ${bound} allowed`),
        );
        stats.shareSums++;
        // The documented case: the groups cover the whole, so the exact sum is 100.
        if (exactSum.eq(100)) {
          stats.wholeShareSums++;
          assert.ok(rounded.minus(100).abs().lte(bound), where(`${dim}: 100 ± n × half a unit`));
        }
        const units = deviation.div(unit).toNumber();
        if (deviation.gt(worst)) {
          worst = deviation;
          stats.worstShareDeviation = `${deviation.toSignificantDigits(4)} (${shared.length} shares to ${want.percentDigits} digits)`;
        }
        stats.worstShareUnits = Math.max(stats.worstShareUnits, Math.round(units * 1000) / 1000);
      }
    }
    for (const f of [want.total, ...["bySource", "byRegion", "byYear", "byCategory"].flatMap((d) => want[d])]) {
      for (const k of ["attainment", "share", "leverage"]) {
        stats.ratios++;
        if (f[k] === null) stats.nullRatios++;
      }
    }
    assert.deepEqual(got.warnings.map((w) => w.code).sort(), want.warnings, where("warnings"));
    if (want.warnings.includes("ratio_overflow")) stats.overflowDatasets++;
    stats.datasets++;
    stats.records += set.data.records.length;
  }
  // Halfway cases must have been met for the rounding direction to be tested at all.
  stats.halfwayRatios = halfwayCount;
  console.log(`exactness: ${JSON.stringify(stats)}`);
  assert.ok(stats.datasets >= 2000);
  assert.ok(stats.halfwayRatios > 0, "no exactly-halfway ratio was generated");
  assert.ok(stats.overflowDatasets > 0, "no ratio_overflow case was generated");
});

test("documented: shares of the seed article add up to exactly 100, and 3 equal thirds to 99.9", () => {
  const thirds = kc.analyze({
    title: "T",
    unit: "ty_dong",
    records: ["a", "b", "c"].map((region) => ({ region, actual: "1" })),
  });
  // 33.3 × 3 = 99.9: the documented "100 ± a few rounding units", here 1 unit, within 3 × 0.05.
  assert.deepEqual(
    thirds.byRegion.map((g) => g.share),
    ["33.3", "33.3", "33.3"],
  );
  const seed = kc.analyze(readFileSync(repoPath("www", "data", "phia-bac-2022.json"), "utf8"));
  assert.deepEqual(
    seed.bySource.map((g) => g.share),
    ["46.7", "53.3"],
  );
  // Halfway cases round away from zero: 100 × 1 / 8 = 12.5 → 13 (0 digits); 100 × 1 / 16 =
  // 6.25 → 6.3 (1 digit); a half-even rounding would give 12 and 6.2.
  const half = kc.analyze(
    { title: "T", unit: "ty_dong", records: [{ plan: "8", actual: "1" }] },
    { percentDigits: 0 },
  );
  assert.equal(half.total.attainment, "13");
  const half1 = kc.analyze({ title: "T", unit: "ty_dong", records: [{ plan: "16", actual: "1" }] });
  assert.equal(half1.total.attainment, "6.3");
});

// A regression test: rust_decimal's checked_add returns the other operand unchanged when one is
// zero, so "0.0" + "2" comes back with scale 0, which src/exact.rs add() once took for a
// rounding (and refused valid data as `overflow`).
test(
  'a zero written with fraction digits ("0.0", "0.00") sums like any other amount',
  () => {
    for (const records of [
      [{ plan: "0.0" }, { plan: "2" }],
      [{ plan: "2" }, { plan: "0.00" }],
      [{ counterpart: "0.0" }, { counterpart: "0" }],
    ]) {
      const a = kc.analyze({ title: "T", unit: "ty_dong", records });
      assert.equal(a.total.plan ?? a.total.counterpart, records[0].plan ? "2" : "0");
    }
    zeroFractions = true;
    try {
      const r = prng(SEED + 1);
      for (let i = 0; i < 300; i++) {
        const set = generate(r);
        const want = expected(set);
        const got = kc.analyze(JSON.stringify(set.data), set.options);
        assert.deepEqual(pickFields(got.total), want.total, `data set ${i}`);
      }
    } finally {
      zeroFractions = true;
    }
  },
);
