// Memory: wasm memory and JS heap after mounting 20 charts (after forced GC), with Chart.js's
// JS heap for 20 charts of the same two kinds for contrast. Reported.

import { mdTable, mib, num, spread, stats } from "./common.mjs";

/** Records every WebAssembly instance the page creates (its memory is read later). */
function captureWasm() {
  window.__wasmInstances = [];
  const keep = (result) => {
    window.__wasmInstances.push(result.instance ?? result);
    return result;
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then(keep);
  };
  if (instantiateStreaming) {
    WebAssembly.instantiateStreaming = function (...args) {
      return instantiateStreaming.apply(this, args).then(keep);
    };
  }
}

/** The page after forced GC: { heap, wasm: [bytes per instance] }. Ours' charts are drawn as a
 * reader scrolls to them (the loader draws a chart a screen ahead): the page scrolls down a
 * screen at a time until all `expected` are drawn (none for the empty page). */
async function memoryOf(h, address, expected) {
  const { context, page, cdp, errors } = await h.freshPage(1, { initScript: captureWasm, metrics: true });
  try {
    await page.goto(h.at(null, address));
    const deadline = Date.now() + 120_000;
    while (expected > 0) {
      const s = await page.evaluate(() => {
        const b = window.__bench;
        const ours = document.querySelectorAll("khuyencong-chart");
        const drawn = ours.length ? document.querySelectorAll('khuyencong-chart[data-kc-state="ready"]').length : b?.ready ?? 0;
        return { drawn, failed: b ? b.error ?? (b.errors ?? []).join("; ") : "no window.__bench" };
      });
      if (s.failed || errors.length) throw new Error(`${address}: ${s.failed} ${errors.join("; ")}`);
      if (s.drawn >= expected) break;
      if (Date.now() > deadline) throw new Error(`${address}: ${s.drawn} of ${expected} charts drawn in 120 s`);
      await page.evaluate(() => scrollBy(0, innerHeight));
      await page.waitForTimeout(100);
    }
    await h.frame(page);
    await h.frame(page);
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const m = Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
    const wasm = await page.evaluate(() =>
      window.__wasmInstances.map((i) => (i.exports.memory ? i.exports.memory.buffer.byteLength : 0)),
    );
    return { heap: m.JSHeapUsedSize, wasm };
  } finally {
    await h.closeQuietly(context);
  }
}

export async function measure(h, { surveyed, runs }) {
  const boxes = surveyed.boxes;
  const pages = {
    blank: ["bench/blank.html", 0],
    various: ["bench/ours-memory.html", 20],
    pair: ["bench/ours-memory-pair.html", 20],
    peerPair: [`bench/chartjs.html?case=pair&count=20&w=${boxes.seed.element.width}&hseed=${boxes.seed.element.height}&h63=${boxes.p63.element.height}`, 20],
  };
  const samples = Math.min(runs, 5);
  const results = { samples };
  for (const [name, [address, expected]] of Object.entries(pages)) {
    const got = [];
    for (let i = 0; i < samples; i++) got.push(await memoryOf(h, address, expected));
    const counts = new Set(got.map((r) => r.wasm.length));
    results[name] = {
      heap: stats(got.map((r) => r.heap)),
      wasm: stats(got.map((r) => r.wasm.reduce((a, b) => a + b, 0))),
      instances: [...counts].join("/"),
    };
    h.log(`memory, ${name}: JS heap ${mib(results[name].heap.median)}, wasm ${mib(results[name].wasm.median)} (${results[name].instances} instances)`);
  }
  return results;
}

export function summary(m) {
  const ours = m.pair.wasm.median + m.pair.heap.median;
  return [
    ["memory, 20 charts of every kind: wasm memory", "–", mib(m.various.wasm.median), "–", "–", "(reported)", "–"],
    ["memory, 20 charts (10 seed + 10 × 63): wasm + JS heap", "–", mib(ours), mib(m.peerPair.heap.median), num(ours / m.peerPair.heap.median, 2), "(reported)", "–"],
  ];
}

export function section(m) {
  const md = [];
  md.push("## Memory");
  md.push("");
  md.push(
    "Twenty charts of the element way on one page in a fresh context (the page scrolled down a screen at a time until the loader has drawn " +
      "them all), then two forced garbage collections (CDP `HeapProfiler.collectGarbage`). " +
      "wasm memory: the byteLength of every WebAssembly instance's memory (instances recorded by wrapping `WebAssembly.instantiate*` before the page runs; " +
      "one instance serves every chart); JS heap: CDP `Performance.getMetrics` JSHeapUsedSize (the wasm memory is not in it). " +
      `Unthrottled only (memory does not depend on CPU speed); ${m.samples} samples each.`,
  );
  md.push("");
  md.push(
    ...mdTable(
      ["page", "charts", "wasm instances", "wasm memory", "JS heap"],
      ["---", "---:", "---:", "---:", "---:"],
      [
        ["empty page (`bench/blank.html`)", "0", "0", "–", spread(m.blank.heap, mib)],
        ["ours, every kind (`bench/ours-memory.html`: summary, sources, plan-actual, regions, leverage, trend, categories ×2, in turn)", "20", m.various.instances, spread(m.various.wasm, mib), spread(m.various.heap, mib)],
        ["ours, 10 seed plan-actual + 10 × 63-province regions (`bench/ours-memory-pair.html`)", "20", m.pair.instances, spread(m.pair.wasm, mib), spread(m.pair.heap, mib)],
        ["Chart.js, the same 10 + 10 (`bench/chartjs.html?case=pair`)", "20", "–", "–", spread(m.peerPair.heap, mib)],
      ],
    ),
  );
  md.push("");
  md.push("The canvases' pixel buffers (the same size for both) are in neither figure. A WebAssembly memory only grows: its size is the high-water mark of the work done so far.");
  md.push("");
  return md;
}
