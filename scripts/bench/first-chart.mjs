// Time to the first chart, from navigation start, in a fresh browser context per sample (empty
// cache, cache disabled), under each condition (1×, 4× CPU, slow 4G with 4× CPU):
// - the article with the embed code at the top (bench/generated/article-*.html): when the
//   chart's picture is first shown (issue #17: ≤ 0.3 × Chart.js's first chart), and when the
//   interactive chart has taken its place (≤ 0.8 ×), both from the same load;
// - the same article without its chart: its first contentful paint, the floor of "seen";
// - the element way (bench/ours-*.html, <khuyencong-chart> at 800 px: the figure of issue #8,
//   ≤ 0.6 ×, kept for comparison);
// - Chart.js drawing the same bars in a box of the same CSS size as each (bench/chartjs.html).
// "Seen" is the presentation time of the first frame that shows the chart, for both: the
// picture's Element Timing entry (its renderTime comes after the SVG is decoded, painted and
// rasterized; img.decode() and a frame would resolve before the rasterization, and LCP reports
// only the largest element), and for Chart.js the entry of a marker drawn in the same task as
// its canvas. "Ready" and Chart.js's "painted" are both the first animation frame after the
// chart has drawn, as issue #8's figure always was.

import { CONDITIONS, median, mdTable, ms, num, ratio, spread, stats, verdict, rotate } from "./common.mjs";
import { CASES, articlePage, peerPage, textPage } from "./pages.mjs";

export const BUDGET = { seen: 0.3, ready: 0.8, element: 0.6 };

/** Where the time went in a loaded page, from its resource and navigation timing (ms). */
function timeline() {
  const res = performance.getEntriesByType("resource");
  const end = (re) => {
    const e = res.find((r) => re.test(new URL(r.name).pathname));
    return e ? e.responseEnd : NaN;
  };
  const code = res.filter((e) => /\.(m?js|wasm)$/.test(new URL(e.name).pathname));
  const data = res.find((e) => new URL(e.name).pathname.startsWith("/www/data/"));
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint");
  return {
    html: nav.responseEnd,
    // The page's first frame with any content: a picture in the HTML cannot be seen before it.
    firstPaint: paint ? paint.startTime : NaN,
    dcl: nav.domContentLoadedEventEnd,
    code: code.length ? Math.max(...code.map((e) => e.responseEnd)) : NaN,
    loader: end(/\/embed\.js$/),
    drawer: end(/\/embed-draw\.js$/),
    wasm: end(/\.wasm$/),
    dataStart: data ? data.startTime : NaN,
    dataEnd: data ? data.responseEnd : NaN,
  };
}

/** One load of `address` under `condition`: window.__bench's `keys` and the page's timeline;
 * `check(page)` after it, if given. */
async function load(h, condition, address, keys, check) {
  const { context, page, errors } = await h.freshPage(condition);
  try {
    const bench = await h.loadUntil(page, address, keys, errors);
    if (check) await check(page);
    return { ...bench, ...(await page.evaluate(timeline)) };
  } finally {
    await h.closeQuietly(context);
  }
}

export async function measure(h, { surveyed, runs, conditions = CONDITIONS }) {
  const results = {};
  for (const condition of conditions) {
    for (const [which, c] of Object.entries(CASES)) {
      const boxes = surveyed.boxes[which];
      const pictureOk = async (page) => {
        const s = await page.evaluate(() => {
          const box = document.querySelector(".kc-embed");
          const r = box.getBoundingClientRect();
          return { state: box.getAttribute("data-kc-state"), width: r.width, height: r.height };
        });
        if (s.state !== "ready" || Math.abs(s.width - boxes.picture.width) > 0.5 || Math.abs(s.height - boxes.picture.height) > 0.5) {
          throw new Error(`${articlePage(which)}: ${JSON.stringify(s)}`);
        }
      };
      const elementOk = async (page) => {
        const s = await page.evaluate(() => {
          const el = document.querySelector("khuyencong-chart");
          return { state: el.getAttribute("data-kc-state"), items: el.chart?.view().items.length };
        });
        if (s.state !== "ready" || s.items !== boxes.element.items) throw new Error(`${c.element}: ${JSON.stringify(s)}`);
      };
      const got = await rotate(
        {
          picture: () => load(h, condition, h.at(condition, articlePage(which)), ["seen", "ready"], pictureOk),
          text: () => load(h, condition, h.at(condition, textPage(which)), ["firstPaint"]),
          peerPicture: () => load(h, condition, h.at(condition, peerPage(which, boxes.picture)), ["painted", "presented"]),
          element: () => load(h, condition, h.at(condition, c.element), ["painted"], elementOk),
          peerElement: () => load(h, condition, h.at(condition, peerPage(which, boxes.element)), ["painted"]),
        },
        runs,
      );
      const pick = (key, field) => stats(got[key].map((x) => x[field]));
      const phases = (key) => Object.fromEntries(Object.keys(got[key][0]).map((k) => [k, median(got[key].map((x) => x[k]))]));
      const r = {
        seen: pick("picture", "seen"),
        textPaint: pick("text", "firstPaint"),
        ready: pick("picture", "ready"),
        peerPresented: pick("peerPicture", "presented"),
        peerPainted: pick("peerPicture", "painted"),
        element: pick("element", "painted"),
        peerElement: pick("peerElement", "painted"),
        phases: { picture: phases("picture"), peerPicture: phases("peerPicture"), element: phases("element"), peerElement: phases("peerElement") },
      };
      r.seenRatio = r.seen.median / r.peerPresented.median;
      r.readyRatio = r.ready.median / r.peerPainted.median;
      r.elementRatio = r.element.median / r.peerElement.median;
      results[`${which}@${condition.key}`] = { condition, which, ...r };
      h.log(
        `first chart, ${c.short}, ${condition.name}: picture seen ${ms(r.seen.median)} (the page's first paint ${ms(r.phases.picture.firstPaint)}, without the chart ${ms(r.textPaint.median)}; Chart.js ${ms(r.peerPresented.median)}, ${num(r.seenRatio, 2)}), ` +
          `interactive ${ms(r.ready.median)} (Chart.js ${ms(r.peerPainted.median)}, ${num(r.readyRatio, 2)}), ` +
          `element way ${ms(r.element.median)} (Chart.js ${ms(r.peerElement.median)}, ${num(r.elementRatio, 2)})`,
      );
    }
  }
  return results;
}

const each = (results) => Object.values(results);
/** Issue #8's budget for the element way held on 127.0.0.1; on slow 4G it was reported. */
const elementBudget = (r) => (r.condition.network ? ["(reported)", "–"] : [`≤ ${BUDGET.element}`, verdict(r.elementRatio <= BUDGET.element)]);

export function summary(results) {
  const rows = [];
  for (const r of each(results)) {
    const name = CASES[r.which].short;
    rows.push([`first chart seen: the picture of the embed code, ${name}`, r.condition.short, ms(r.seen.median), ms(r.peerPresented.median), ratio(r.seen.median, r.peerPresented.median), `≤ ${BUDGET.seen}`, verdict(r.seenRatio <= BUDGET.seen)]);
  }
  for (const r of each(results)) {
    const name = CASES[r.which].short;
    rows.push([`the same article without its chart: first paint (what a picture in it cannot beat), ${name}`, r.condition.short, ms(r.textPaint.median), ms(r.peerPresented.median), ratio(r.textPaint.median, r.peerPresented.median), "(reported)", "–"]);
  }
  for (const r of each(results)) {
    const name = CASES[r.which].short;
    rows.push([`interactive chart ready, chart in view at load, ${name}`, r.condition.short, ms(r.ready.median), ms(r.peerPainted.median), ratio(r.ready.median, r.peerPainted.median), `≤ ${BUDGET.ready}`, verdict(r.readyRatio <= BUDGET.ready)]);
  }
  for (const r of each(results)) {
    const name = CASES[r.which].short;
    const [budget, result] = elementBudget(r);
    rows.push([`time to first chart, the element way, ${name}`, r.condition.short, ms(r.element.median), ms(r.peerElement.median), ratio(r.element.median, r.peerElement.median), budget, result]);
  }
  return rows;
}

export function section(results, { surveyed }) {
  const b = surveyed.boxes;
  const md = [];
  md.push("## First chart seen, and the interactive chart ready");
  md.push("");
  md.push(
    "From navigation start (performance.now() = 0), in a fresh browser context per sample (empty cache, cache disabled, so that every file is " +
      "downloaded, compiled and run again), under three conditions: unthrottled and with 4× CPU throttling on 127.0.0.1, and over Chrome's emulated " +
      "slow 4G with 4× CPU throttling (see *Machine and command*). The four pages of a case load in turn, the order rotating from sample to sample.",
  );
  md.push("");
  md.push(
    "- **Ours**: an article page as a portal serves it (`bench/article.html`, written into `bench/generated/` at the start of the run): the " +
      "template's `<script type=\"module\" src=\"/www/pkg/embed.js\">` in the head, and in the article the embed code that the built package's " +
      "`toEmbedCode()` writes for the chart (its picture as an SVG data: URL, the link to chart.html with the data in its fragment, the table), " +
      "the chart at the top of the article. *Seen*: the renderTime of the picture's Element Timing entry (an `elementtiming` attribute on the " +
      "bench's copy of the picture), the presentation time of the first frame that painted it decoded; not img.decode() and a frame, which " +
      "resolves before the SVG is rasterized. *Ready*: the first animation frame after the interactive chart has taken the picture's place " +
      "(`.kc-embed[data-kc-state=\"ready\"]`, its `khuyencong-chart:ready` event): embed.js saw the picture in view, loaded embed-draw.js and the " +
      "reader's wasm, inflated the link's data and drew. Both from the same load.",
  );
  md.push(
    "- **Chart.js**: `chart.umd.min.js` as a classic script in the head, inline code that fetches the same JSON, sums it with parseFloat and " +
      "calls `new Chart()` with `animation: false` (it has drawn when the constructor returns), in a box of the interactive chart's CSS size " +
      `(seed ${b.seed.picture.width}×${b.seed.picture.height} px, 63 provinces ${b.p63.picture.width}×${b.p63.picture.height} px: the picture's box). ` +
      "Its first chart *painted*: the next requestAnimationFrame (the measure of our *ready*); *presented*: the renderTime of the Element Timing " +
      "entry of a one-character marker added in the same task as `new Chart()` (a canvas has no entry of its own), the measure of our *seen*.",
  );
  md.push(
    "- **The element way** (issue #8's figure, for comparison): `<script type=\"module\" src=\"/www/pkg/embed.js\">` + " +
      "`<khuyencong-chart kind=… src=…>` in an 800 px column (`bench/ours-seed.html`, `bench/ours-63.html`), timed at the first " +
      "requestAnimationFrame after the element's `khuyencong-chart:ready`; embed.js now loads embed-draw.js and the wasm for it as for a picture. " +
      `Against Chart.js painted in a box of its size (seed ${b.seed.element.width}×${b.seed.element.height} px, 63 provinces ` +
      `${b.p63.element.width}×${b.p63.element.height} px; Chart.js fills the box).`,
  );
  md.push("");
  md.push(`- seed: ours \`kind="${CASES.seed.kind}"\` (${b.seed.element.items} bars) against Chart.js ${CASES.seed.peerKind}.`);
  md.push(`- 63 provinces: ours \`kind="${CASES.p63.kind}"\` (${b.p63.element.items} bar segments) against Chart.js ${CASES.p63.peerKind}.`);
  md.push("");
  md.push(`Budgets (issue #17): seen ≤ ${BUDGET.seen} × Chart.js presented; ready ≤ ${BUDGET.ready} × Chart.js painted (the chart in view at load, the worst case: see *Scrolled into view* for a chart below). Issue #8's element way: ≤ ${BUDGET.element} × Chart.js painted on 127.0.0.1 (on slow 4G reported, as before).`);
  md.push("");
  md.push(
    ...mdTable(
      ["data", "conditions", "ours: picture seen", "Chart.js presented", "ratio", "result", "ours: interactive ready", "Chart.js painted", "ratio", "result"],
      ["---", "---", "---:", "---:", "---:", "---", "---:", "---:", "---:", "---"],
      each(results).map((r) => [
        CASES[r.which].title,
        r.condition.name,
        spread(r.seen),
        spread(r.peerPresented),
        num(r.seenRatio, 2),
        verdict(r.seenRatio <= BUDGET.seen),
        spread(r.ready),
        spread(r.peerPainted),
        num(r.readyRatio, 2),
        verdict(r.readyRatio <= BUDGET.ready),
      ]),
    ),
  );
  md.push("");
  md.push(
    "Where the time goes (medians, ms from navigation start; resource and navigation timing of the same samples). Ours: the article's HTML " +
      "received (the picture is in it), the first contentful paint of the same article without its chart (the portal's template " +
      "unchanged: what a picture in the article cannot beat), the page's first contentful paint (its first frame with anything in it: the picture cannot be " +
      "seen sooner), the picture seen, embed.js received, embed-draw.js and the wasm received, ready. Chart.js: the page's first " +
      "contentful paint, chart.umd.min.js received, the JSON received, painted, presented.",
  );
  md.push("");
  const n0 = (x) => (Number.isFinite(x) ? num(x, 0) : "–");
  md.push(
    ...mdTable(
      ["data", "conditions", "HTML", "without the chart: first paint", "first paint", "seen", "embed.js", "embed-draw.js", "wasm", "ready", "Chart.js: first paint", "code", "data", "painted", "presented"],
      ["---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"],
      each(results).map((r) => {
        const p = r.phases.picture;
        const q = r.phases.peerPicture;
        return [CASES[r.which].short, r.condition.name, n0(p.html), n0(r.textPaint.median), n0(p.firstPaint), n0(r.seen.median), n0(p.loader), n0(p.drawer), n0(p.wasm), n0(r.ready.median), n0(q.firstPaint), n0(q.code), n0(q.dataEnd), n0(r.peerPainted.median), n0(r.peerPresented.median)];
      }),
    ),
  );
  md.push("");
  md.push("The element way:");
  md.push("");
  md.push(
    ...mdTable(
      ["data", "conditions", "ours", "Chart.js", "ratio", "budget", "result"],
      ["---", "---", "---:", "---:", "---:", "---", "---"],
      each(results).map((r) => [CASES[r.which].title, r.condition.name, spread(r.element), spread(r.peerElement), num(r.elementRatio, 2), ...elementBudget(r)]),
    ),
  );
  md.push("");
  md.push(
    "Where the time goes, the element way (medians, ms, ours / Chart.js): code = the last JS or wasm file received; DOMContentLoaded; " +
      "data = the JSON file requested and received; painted = the figure above.",
  );
  md.push("");
  const pair = (a, b2) => `${n0(a)} / ${n0(b2)}`;
  md.push(
    ...mdTable(
      ["data", "conditions", "code received", "DOMContentLoaded", "data requested", "data received", "painted"],
      ["---", "---", "---:", "---:", "---:", "---:", "---:"],
      each(results).map((r) => {
        const p = r.phases.element;
        const q = r.phases.peerElement;
        return [CASES[r.which].short, r.condition.name, pair(p.code, q.code), pair(p.dcl, q.dcl), pair(p.dataStart, q.dataStart), pair(p.dataEnd, q.dataEnd), pair(r.element.median, r.peerElement.median)];
      }),
    ),
  );
  md.push("");
  return md;
}
