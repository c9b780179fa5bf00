// Scrolled into view (issue #17, reported beside the budget figure of first-chart.mjs): an
// article whose chart is below, loaded at the top; at a fixed time after the load event the page
// scrolls (in one step) so that the chart is in view, and the figure is the time from the scroll
// to the first animation frame that shows the interactive chart (that frame comes after both the
// scroll and the chart's readiness: a chart drawn before the scroll counts one frame).
// Two placements: `below`, within the screen the loader looks ahead, so its drawing starts at
// load; `far`, several screens down, so it starts only with the scroll (a reader jumping to it).
// Before the scroll the far article must have downloaded the loader alone.

import { CONDITIONS, codeFiles, median, mdTable, ms, num, rel, spread, stats } from "./common.mjs";
import { CASES, articlePage } from "./pages.mjs";

/** When the page scrolls, in ms after its load event ended: a reader reading the start. */
export const SCROLL_AFTER = 1000;
/** Where the chart's top is put by the scroll, in CSS px from the viewport's top. */
const SCROLL_MARGIN = 100;

const PLACEMENT_NAME = {
  below: "below the fold, within the screen the loader looks ahead",
  far: "several screens down, the page jumped to it",
};

/** One load of the article, the scroll, the interactive chart: times in ms from navigation start. */
async function sample(h, condition, address, { loaderOnly, box }) {
  const { context, page, errors } = await h.freshPage(condition);
  try {
    await page.goto(address);
    const before = await h.evaluateQuietly(
      page,
      `new Promise((resolve) => {
        const loaded = performance.getEntriesByType("navigation")[0].loadEventEnd || performance.now();
        setTimeout(() => {
          const b = window.__bench;
          const target = document.querySelector(".kc-embed") ?? document.querySelector("img[elementtiming]");
          const top = target.getBoundingClientRect().top + scrollY;
          const requested = performance.getEntriesByType("resource").map((e) => e.name);
          b.drawnBefore = b.ready !== undefined;
          b.scrolled = performance.now();
          scrollTo(0, top - ${SCROLL_MARGIN});
          requestAnimationFrame(() => { b.scrollFrame = performance.now(); });
          resolve(requested);
        }, Math.max(0, loaded + ${SCROLL_AFTER} - performance.now()));
      })`,
      errors,
    );
    const got = await h.waitBench(page, ["ready", "scrollFrame"], errors, address);
    const drawn = await page.evaluate(() => {
      const el = document.querySelector(".kc-embed");
      const r = el.getBoundingClientRect();
      const drawer = performance.getEntriesByType("resource").find((e) => /\/embed-draw\.js$/.test(new URL(e.name).pathname));
      return { state: el.getAttribute("data-kc-state"), width: r.width, height: r.height, top: r.top, drawer: drawer ? drawer.startTime : NaN };
    });
    if (drawn.state !== "ready" || Math.abs(drawn.width - box.width) > 0.5 || Math.abs(drawn.height - box.height) > 0.5) {
      throw new Error(`${address}: ${JSON.stringify(drawn)}`);
    }
    if (Math.abs(drawn.top - SCROLL_MARGIN) > 1) throw new Error(`${address}: after the scroll the chart is at ${drawn.top} px`);
    if (loaderOnly) {
      const files = codeFiles(before.map((u) => ({ url: u, type: "" })), new URL(address).origin).map(rel).sort();
      if (JSON.stringify(files) !== JSON.stringify(loaderOnly)) {
        throw new Error(`${address}: before the scroll it downloaded ${files.join(", ")}, not ${loaderOnly.join(", ")}`);
      }
      if (got.drawnBefore) throw new Error(`${address}: the chart was drawn before it came near the viewport`);
    }
    return {
      shown: Math.max(got.scrollFrame, got.ready) - got.scrolled,
      drawnBefore: got.drawnBefore,
      scrolled: got.scrolled,
      ready: got.ready,
      drawer: drawn.drawer,
    };
  } finally {
    await h.closeQuietly(context);
  }
}

export async function measure(h, { surveyed, runs, conditions = CONDITIONS }) {
  const results = {};
  for (const condition of conditions) {
    for (const [which, c] of Object.entries(CASES)) {
      const loaderOnly = surveyed.codeFiles(`${which}:far`).map(rel).sort();
      const box = surveyed.boxes[which].picture;
      for (const placement of ["below", "far"]) {
        const address = h.at(condition, articlePage(which, placement));
        const options = { loaderOnly: placement === "far" ? loaderOnly : null, box };
        await sample(h, condition, address, options); // not counted (first-time costs)
        const xs = [];
        for (let i = 0; i < runs; i++) xs.push(await sample(h, condition, address, options));
        const r = {
          condition,
          which,
          placement,
          shown: stats(xs.map((x) => x.shown)),
          drawnBefore: xs.filter((x) => x.drawnBefore).length,
          n: xs.length,
          scrolled: median(xs.map((x) => x.scrolled)),
          ready: median(xs.map((x) => x.ready)),
          drawer: median(xs.map((x) => x.drawer)),
        };
        results[`${which}:${placement}@${condition.key}`] = r;
        h.log(`scrolled into view, ${c.short}, ${placement}, ${condition.name}: ${ms(r.shown.median)} from the scroll (drawn before it in ${r.drawnBefore} of ${r.n})`);
      }
    }
  }
  return results;
}

/** Chart.js's first chart in the picture's box under the same condition, if measured. */
const peerOf = (first, r) => first?.[`${r.which}@${r.condition.key}`]?.peerPainted;

export function summary(results, { first }) {
  return Object.values(results).map((r) => {
    const peer = peerOf(first, r);
    return [
      `interactive chart ready after the scroll, chart ${r.placement === "below" ? "below the fold (a screen ahead)" : "far down (jumped to)"}, ${CASES[r.which].short}`,
      r.condition.short,
      ms(r.shown.median),
      peer ? ms(peer.median) : "–",
      peer ? num(r.shown.median / peer.median, 2) : "–",
      "(reported)",
      "–",
    ];
  });
}

export function section(results, { first }) {
  const md = [];
  md.push("## Scrolled into view");
  md.push("");
  md.push(
    "The article page of the figure above with the chart below: a reader opens it at the top, and " +
      `${num(SCROLL_AFTER, 0)} ms after the load event the page scrolls in one step (\`scrollTo\`) so that the chart's top is ${SCROLL_MARGIN} px ` +
      "below the viewport's. The figure is the time from the scroll to the first animation frame that shows the interactive chart: the " +
      "frame after both the scroll and the chart's `khuyencong-chart:ready` (a chart drawn before the scroll counts that one frame). " +
      `Two placements: the chart ${PLACEMENT_NAME.below} (it starts 1.05-1.8 screens down: embed.js starts drawing it at load); and ` +
      `${PLACEMENT_NAME.far} (3.5 screens or more: nothing but embed.js is downloaded before the scroll, checked in every sample). ` +
      "The same conditions and fresh contexts as above. Reported beside the budget figure (the chart in view at load, above); " +
      "÷ Chart.js is against Chart.js's first chart in the same box under the same condition.",
  );
  md.push("");
  md.push(
    ...mdTable(
      ["data", "chart", "conditions", "scroll → interactive chart shown", "drawn before the scroll", "scroll at", "embed-draw.js requested at", "ready at", "÷ Chart.js first chart"],
      ["---", "---", "---", "---:", "---:", "---:", "---:", "---:", "---:"],
      Object.values(results).map((r) => {
        const peer = peerOf(first, r);
        return [
          CASES[r.which].short,
          r.placement === "below" ? "below the fold" : "far down",
          r.condition.name,
          spread(r.shown),
          `${r.drawnBefore} of ${r.n}`,
          ms(r.scrolled),
          ms(r.drawer),
          ms(r.ready),
          peer ? num(r.shown.median / peer.median, 2) : "–",
        ];
      }),
    ),
  );
  md.push("");
  md.push("Times in ms from navigation start are medians.");
  md.push("");
  return md;
}
