// Analysis throughput: analyze() on the JSON text of 1 000, 10 000 and 100 000 records, in the
// main build and in the fast build (khuyencong-charts/fast), against JSON.parse + the same sums
// and ratios with decimal.js, checked equal first (bench/analyze.html). Budgets (issue #8): at
// 100 000 records decimal.js ÷ ours ≥ 5, and linear growth.

import { THROTTLES, cpuName, kib, mdTable, ms, num, spread, stats, verdict } from "./common.mjs";

export const SIZES = [1000, 10000, 100000];
// The main build (what embeds load) and the fast build (khuyencong-charts/fast, for bulk analysis).
export const BUILDS = ["default", "fast"];
const BUILD_NAME = { default: "main build", fast: "fast build (khuyencong-charts/fast)" };
/** Throttled, the largest size takes seconds per sample: fewer samples there. */
const bigSamples = (runs) => Math.max(3, Math.ceil(runs / 3));

export async function measure(h, { runs }) {
  const results = { checks: {}, times: {}, bigSamples: bigSamples(runs) };
  for (const rate of THROTTLES) {
    for (const build of BUILDS) {
      const { context, page, errors } = await h.freshPage(rate);
      try {
        await page.goto(h.at(null, `bench/analyze.html?build=${build}`));
        await page.waitForFunction(() => window.bench?.ready, null, { timeout: 60_000 });
        if ((await page.evaluate(() => window.bench.build)) !== build) throw new Error(`analyze.html did not load the ${build} build`);
        for (const n of SIZES) {
          if (rate === 1) {
            const c = await page.evaluate((n) => window.bench.check(n), n);
            if (c.differenceCount) {
              throw new Error(`analyze() (${build} build) and decimal.js disagree on ${n} records (${c.differenceCount} differences):\n  ${c.differences.join("\n  ")}`);
            }
            results.checks[n] = c;
          }
          const samples = rate > 1 && n === 100000 ? bigSamples(runs) : runs;
          const t = await page.evaluate(({ n, samples }) => window.bench.time(n, samples), { n, samples });
          const r = { ours: stats(t.ours), peer: stats(t.peer), reps: t.reps };
          r.ratio = r.peer.median / r.ours.median;
          results.times[`${build}:${n}@${rate}`] = r;
          h.log(`analysis, ${build} build, ${n} records, ${cpuName(rate)}: ours ${ms(r.ours.median)}, decimal.js ${ms(r.peer.median)} (decimal.js / ours ${num(r.ratio, 2)})`);
        }
        if (errors.length) throw new Error(`analyze.html: ${errors.join("; ")}`);
      } finally {
        await context.close();
      }
    }
  }
  return results;
}

/** Ours' time per record at 100 000 records ÷ at 1 000 (and the peer's). */
function growth(a, build, rate) {
  const big = a.times[`${build}:100000@${rate}`];
  const small = a.times[`${build}:1000@${rate}`];
  return { big, ours: big.ours.median / 100000 / (small.ours.median / 1000), peer: big.peer.median / 100000 / (small.peer.median / 1000) };
}

export function summary(a) {
  const rows = [];
  for (const build of BUILDS) {
    for (const rate of THROTTLES) {
      const g = growth(a, build, rate);
      rows.push([`analysis, 100 000 records (decimal.js ÷ ours), ${BUILD_NAME[build]}`, `${rate}×`, ms(g.big.ours.median), ms(g.big.peer.median), num(g.big.ratio, 2), "≥ 5", verdict(g.big.ratio >= 5)]);
      rows.push([`analysis, growth: time per record 100 000 ÷ 1 000, ${BUILD_NAME[build]}`, `${rate}×`, num(g.ours, 2), num(g.peer, 2), "–", "≤ 1.5 (linear)", verdict(g.ours <= 1.5)]);
    }
  }
  return rows;
}

export function section(a) {
  const md = [];
  md.push("## Analysis throughput");
  md.push("");
  md.push(
    "In a Chromium page (`bench/analyze.html`): deterministic data sets of N records (63 provinces × 2 sources × 10 years × 6 activities; " +
      "plan and actual on every record, counterpart on half, projects on most; amounts in triệu đồng with 0–3 fraction digits, one in five as a JSON number). " +
      "Ours: `analyze(text)` on the JSON text, in two builds of the same code, each in its own page (`?build=`): the main build " +
      "(`www/pkg/index.js`, compiled for size) and the fast build (`www/pkg/fast.js`, `khuyencong-charts/fast` in the " +
      "npm package: this crate compiled at opt-level 2, for servers, workers and dashboards that analyze large data; ~14 KB larger gzipped). Peer: `JSON.parse(text)` and the same figures with decimal.js " +
      "(precision 40, ROUND_HALF_UP): the total and, by source, province, year and activity, the exact sums of plan, actual and counterpart, " +
      "the projects, attainment (100 × actual / plan, 1 digit), share (100 × actual / total actual, 1 digit) and leverage (counterpart / actual, " +
      "2 digits), as canonical decimal strings. analyze() does more: it validates every field, normalizes labels to NFC, looks for warnings and " +
      "formats every figure for readers. Before timing, both results are compared figure by figure for each N (the run stops on any difference). " +
      "A sample is the mean of as many calls as last ≥ 25 ms, after two warm-up calls; ours and the peer alternate. " +
      `With 4× throttling the 100 000-record size has ${a.bigSamples} samples.`,
  );
  md.push("");
  md.push(
    ...mdTable(
      ["records", "JSON", "groups checked", "total actual", "total attainment"],
      ["---:", "---:", "---:", "---:", "---:"],
      SIZES.map((n) => {
        const c = a.checks[n];
        return [num(n, 0), kib(c.bytes), `${c.groups} + total, equal`, c.total.actual, c.total.attainment];
      }),
    ),
  );
  md.push("");
  const rows = [];
  for (const build of BUILDS) {
    for (const rate of THROTTLES) {
      for (const n of SIZES) {
        const r = a.times[`${build}:${n}@${rate}`];
        rows.push([build, num(n, 0), cpuName(rate), spread(r.ours), spread(r.peer), num(r.ratio, 2), num(n / (r.ours.median / 1000), 0), num(n / (r.peer.median / 1000), 0), num((r.ours.median * 1000) / n, 2)]);
      }
    }
  }
  md.push(
    ...mdTable(
      ["build", "records", "CPU", "ours", "decimal.js", "decimal.js ÷ ours", "ours, records/s", "decimal.js, records/s", "ours, µs per record"],
      ["---", "---:", "---", "---:", "---:", "---:", "---:", "---:", "---:"],
      rows,
    ),
  );
  md.push("");
  md.push("Budgets: at 100 000 records decimal.js ÷ ours ≥ 5; linear growth, taken as ours' time per record at 100 000 records ≤ 1.5 × at 1 000 (fixed costs make small sizes dearer per record, which is fine):");
  md.push("");
  for (const build of BUILDS) {
    for (const rate of THROTTLES) {
      const g = growth(a, build, rate);
      md.push(`- ${BUILD_NAME[build]}, ${cpuName(rate)}: speed-up ${num(g.big.ratio, 2)}× (${verdict(g.big.ratio >= 5)}); growth ${num(g.ours, 2)} (${verdict(g.ours <= 1.5)}).`);
    }
  }
  md.push("");
  return md;
}
