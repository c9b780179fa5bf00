// Benchmark of the interactive charts in headless Chromium (not a test: nothing here fails on
// a slow machine). Serves www/ on 127.0.0.1 and reports medians of:
//   - first chart painted, cold: a fresh browser context imports the package, loads the wasm,
//     fetches the data, parses, analyses, lays out and paints (mount() resolves after the
//     paint), then the next frame;
//   - mount, warm: the same page mounting again (wasm loaded, data given as an object);
//   - hover redraw: main-thread task time per pointer move between two items (each move
//     repaints), from CDP Performance.getMetrics TaskDuration, and the pointermove handler's
//     own time measured in the page.
// for the seed data (sources donut of phia-bac-2022.json) and the 63-province data (regions).
//
//   make www-pkg && node scripts/bench-charts.mjs [runs=15] [moves=200]

import { readFileSync } from "node:fs";
import os from "node:os";
import { serve } from "./serve.mjs";
import { launchChromium, repoPath } from "../tests/e2e/helpers.mjs";

const RUNS = Number(process.argv[2] ?? 15);
const MOVES = Number(process.argv[3] ?? 200);
const BLANK = "__bench__/blank.html";
const CASES = [
  {
    name: "seed (phia-bac-2022, sources)",
    url: "/data/phia-bac-2022.json",
    options: { kind: "sources" },
  },
  {
    name: "63 provinces (regions)",
    url: "/data/63-tinh-minh-hoa.json",
    options: { kind: "regions" },
  },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(2)} ms`;

const site = await serve({ root: repoPath("www") });
const browser = await launchChromium();

/** A new context and page on the site's origin, showing an empty document 800 px wide. */
async function blankPage() {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.route(`${site.url}${BLANK}`, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body style="margin:0"><div id="c"></div></body></html>',
    }),
  );
  await page.goto(`${site.url}${BLANK}`);
  return { context, page };
}

async function coldFirstPaint({ url, options }) {
  const { context, page } = await blankPage();
  try {
    return await page.evaluate(
      async ({ url, options }) => {
        const t0 = performance.now();
        const kc = await import("/pkg/index.js");
        await kc.mount(document.getElementById("c"), url, options);
        const painted = performance.now() - t0;
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        return { painted, frame: performance.now() - t0 };
      },
      { url, options },
    );
  } finally {
    await context.close();
  }
}

async function warmAndHover({ url, options }) {
  const { context, page } = await blankPage();
  try {
    const data = JSON.parse(readFileSync(repoPath("www", url), "utf8"));
    const warm = await page.evaluate(
      async ({ data, options, runs }) => {
        const kc = await import("/pkg/index.js");
        await kc.ready();
        const times = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          const chart = await kc.mount(document.getElementById("c"), data, options);
          times.push(performance.now() - t0);
          chart.destroy();
        }
        window.chart = await kc.mount(document.getElementById("c"), data, options);
        // Time spent in the chart's own pointermove handler (hit test, paint, tooltip).
        window.handlerTimes = [];
        window.chart.canvas.addEventListener(
          "pointermove",
          () => (window.moveStart = performance.now()),
          { capture: true },
        );
        window.chart.canvas.parentElement.addEventListener("pointermove", () =>
          window.handlerTimes.push(performance.now() - window.moveStart),
        );
        return times;
      },
      { data, options, runs: RUNS * 2 },
    );

    // Two items in the middle of the chart, in viewport coordinates after scrolling there.
    const points = await page.evaluate(() => {
      const { items } = window.chart.view();
      const pick = [items[Math.floor(items.length / 2) - 1], items[Math.floor(items.length / 2)]];
      const centre = ([x, y, w, h], [ax, ay], donut) =>
        donut ? [ax + (x + w / 2 - ax) * 0.2, ay + (y + h / 2 - ay) * 0.2] : [x + w / 2, y + h / 2];
      const donut = window.chart.view().kind === "sources";
      const local = pick.map((it) => centre(it.rect, it.anchor, donut));
      scrollTo(
        0,
        window.chart.canvas.getBoundingClientRect().top + scrollY + local[0][1] - innerHeight / 2,
      );
      const r = window.chart.canvas.getBoundingClientRect();
      return local.map(([x, y]) => ({ x: r.left + x, y: r.top + y }));
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const taskDuration = async () =>
      (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")
        .value;
    await page.mouse.move(points[0].x, points[0].y);
    await page.evaluate(() => (window.handlerTimes.length = 0));
    const perMove = [];
    let total = 0;
    for (let i = 0; i < MOVES; i++) {
      const p = points[(i + 1) % 2];
      const before = await taskDuration();
      await page.mouse.move(p.x, p.y);
      const delta = (await taskDuration()) - before;
      perMove.push(delta * 1000);
      total += delta * 1000;
    }
    const handler = await page.evaluate(() => window.handlerTimes);
    return { warm, perMove, mean: total / MOVES, handler };
  } finally {
    await context.close();
  }
}

console.log(`$ node scripts/bench-charts.mjs ${RUNS} ${MOVES}`);
console.log(
  `Chromium ${browser.version()} headless, ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, Node ${process.version}`,
);
const wasmBytes = readFileSync(repoPath("www", "pkg", "khuyencong_charts_bg.wasm")).length;
console.log(
  `wasm ${(wasmBytes / 1024).toFixed(0)} KB; ${RUNS} cold runs, ${RUNS * 2} warm mounts, ${MOVES} hover moves per data set\n`,
);
for (const c of CASES) {
  const cold = [];
  for (let i = 0; i < RUNS; i++) cold.push(await coldFirstPaint(c));
  const h = await warmAndHover(c);
  console.log(c.name);
  console.log(
    `  first chart painted, cold (import + wasm + fetch + layout + paint): median ${ms(median(cold.map((r) => r.painted)))}`,
  );
  console.log(
    `  ... and its frame presented:                                       median ${ms(median(cold.map((r) => r.frame)))}`,
  );
  console.log(
    `  mount, warm (parse + analysis + layout + paint):                  median ${ms(median(h.warm))}`,
  );
  console.log(
    `  hover redraw, main-thread TaskDuration per move:                  median ${ms(median(h.perMove))}, mean ${ms(h.mean)}`,
  );
  console.log(
    `  hover redraw, pointermove handler (hit + paint + tooltip):        median ${ms(median(h.handler))} over ${h.handler.length} moves\n`,
  );
}

await browser.close();
await site.close();
