// What a reader downloads, from the requests the survey recorded (pages.mjs), each file
// compressed from disk on its own as a server sends it (gzip -9, brotli 11), against Chart.js 4's
// chart.umd.min.js:
// - a chart the reader never comes near (issue #17: ≤ 0.05 × Chart.js gzip): the article with
//   the chart far down, left at the top until the network is idle;
// - an interactive chart (issue #8: ≤ 0.85 ×): the article with the chart in view;
// - the picture's bytes in the article's HTML (reported), and the reader's wasm beside the
//   one-kind files it replaced (reported, for that decision).

import path from "node:path";
import { CHARTJS_FILE, compressedSizes, downloadStages, sizeTable } from "../check-size.mjs";
import { NETWORK, ROOT, bytes, mdTable, ms, num, rel, verdict } from "./common.mjs";
import { CASES, articlePage } from "./pages.mjs";

/** Issue #17's budget for a chart the reader never nears: the loader alone. */
export const LOADER_RATIO = 0.05;
/** Issue #8's budget for an interactive chart's download. */
export const BUDGET_RATIO = 0.85;
const READER_WASM = path.join(ROOT, "www", "pkg", "khuyencong_charts_view_bg.wasm");

/**
 * The one-kind wasm files, removed: what the history says of them. Sizes from BENCHMARKS.md at
 * 43fc479 (commit 13e6e07), the last with them; the 9-17 KB range over the seven kinds from
 * commit 5c41138; the slow-4G first chart before (BENCHMARKS.md at ce7b813, commit 353a43f:
 * every kind's file, 84,304 B gzip) and after (at 15fb6f9, commit a2303fc: the kind's file).
 */
const ONE_KIND = {
  at: "43fc479",
  files: { "plan-actual": 69032, regions: 71328, all: 80683 },
  saving: [9000, 17000],
  slow4g: [
    { which: "seed", kindFile: 72608, allFile: 84304, before: 1059, after: 970, beforeRatio: 0.86, afterRatio: 0.8 },
    { which: "p63", kindFile: 74842, allFile: 84304, before: 1122, after: 1061, beforeRatio: 0.87, afterRatio: 0.83 },
  ],
};

/** ms to download `n` bytes at the emulated slow 4G's throughput (no latency, no overhead). */
const downloadMs = (n) => (n / NETWORK.downloadThroughput) * 1000;

export async function measure(h, { surveyed, articles }) {
  const peer = sizeTable([CHARTJS_FILE]);
  const sets = {};
  for (const which of Object.keys(CASES)) {
    for (const key of ["peerPicture", "peerElement"]) {
      const files = surveyed.codeFiles(`${which}:${key}`);
      if (files.length !== 1 || files[0] !== CHARTJS_FILE) throw new Error(`the Chart.js page requested ${files.map(rel).join(", ")}`);
    }
    const loader = surveyed.codeFiles(`${which}:far`);
    const chart = surveyed.codeFiles(`${which}:picture`);
    const element = surveyed.codeFiles(`${which}:element`);
    sets[which] = {
      loader: sizeTable(loader),
      chart: sizeTable(chart),
      elementSame: JSON.stringify(element.map(rel).sort()) === JSON.stringify(chart.map(rel).sort()),
      element: element.map(rel).sort(),
    };
    h.log(`size, ${CASES[which].short}: loader alone ${bytes(sets[which].loader.total.gzip)} gzip, interactive chart ${bytes(sets[which].chart.total.gzip)}, Chart.js ${bytes(peer.total.gzip)}`);
  }
  // The static scan make test uses (scripts/check-size.mjs) should find the same stages.
  let scan;
  try {
    const [loader, chart = [], ...later] = await downloadStages(path.join(ROOT, "www", "pkg", "embed.js"));
    const same = (a, b) => JSON.stringify(a.map(rel).sort()) === JSON.stringify(b.map(rel).sort());
    const agree = Object.values(sets).every(
      (s) => same(loader, s.loader.rows.map((r) => r.file)) && same([...loader, ...chart], s.chart.rows.map((r) => r.file)),
    );
    scan = { agree, loader: loader.map(rel), chart: chart.map(rel), onDemand: sizeTable(later.flat()) };
  } catch (e) {
    scan = { error: e.message };
  }
  // The picture, the link and the table, as the article's HTML holds them.
  const pieces = {};
  for (const [which, a] of Object.entries(articles)) {
    const [picture, link, ...table] = a.code.split("\n");
    const size = (text) => compressedSizes(Buffer.from(text, "utf8"));
    pieces[which] = { picture: size(picture), link: size(link), table: size(table.join("\n")), code: size(a.code), box: a.picture };
  }
  const wasm = sizeTable([READER_WASM]).total;
  return { peer, sets, scan, pieces, wasm };
}

export function summary(r) {
  const rows = [];
  const peerGzip = r.peer.total.gzip;
  for (const [which, s] of Object.entries(r.sets)) {
    const g = s.loader.total.gzip;
    rows.push([`bytes for a chart the reader never nears (the loader alone), gzip -9, ${CASES[which].short}`, "–", bytes(g), bytes(peerGzip), num(g / peerGzip, 3), `≤ ${LOADER_RATIO}`, verdict(g <= LOADER_RATIO * peerGzip)]);
  }
  for (const [which, s] of Object.entries(r.sets)) {
    const t = s.chart.total;
    rows.push([`transfer size of an interactive chart, gzip -9, ${CASES[which].short}`, "–", bytes(t.gzip), bytes(peerGzip), num(t.gzip / peerGzip, 2), `≤ ${BUDGET_RATIO}`, verdict(t.gzip <= BUDGET_RATIO * peerGzip)]);
    rows.push([`transfer size of an interactive chart, brotli 11, ${CASES[which].short}`, "–", bytes(t.brotli), bytes(r.peer.total.brotli), num(t.brotli / r.peer.total.brotli, 2), "(reported)", "–"]);
  }
  for (const [which, p] of Object.entries(r.pieces)) {
    rows.push([`the picture in the article's HTML, raw / gzip -9, ${CASES[which].short}`, "–", `${bytes(p.picture.raw)} / ${bytes(p.picture.gzip)}`, "–", "–", "(reported)", "–"]);
  }
  rows.push(["the reader's wasm (every kind), gzip -9", "–", bytes(r.wasm.gzip), "–", "–", "(reported)", "–"]);
  return rows;
}

export function section(r, { first }) {
  const md = [];
  const peerGzip = r.peer.total.gzip;
  md.push("## Transfer size");
  md.push("");
  md.push(
    "The JavaScript and WebAssembly files each page requested (recorded from the browser in one unthrottled load per page, not the page " +
      "itself nor a data JSON), each compressed from disk on its own, as a server sends it (node:zlib gzip level 9, brotli quality 11). " +
      `The peer is Chart.js's \`chart.umd.min.js\`, the one file its page loads: ${bytes(peerGzip)} gzip -9.`,
  );
  md.push("");
  md.push("### A chart the reader never nears");
  md.push("");
  md.push(
    `The article with the chart far down (\`${articlePage("seed", "far")}\`, its chart more than 3.5 screens down; and the same for the ` +
      "63 provinces), loaded and left at the top until the network has been idle for 500 ms (Playwright's `networkidle`) and a second more: " +
      `the bytes of what was downloaded. Issue #17's budget: ≤ ${LOADER_RATIO} × Chart.js gzip = ${bytes(Math.floor(LOADER_RATIO * peerGzip))}.`,
  );
  md.push("");
  md.push(
    ...mdTable(
      ["data", "files", "raw", "gzip -9", "brotli 11", "÷ Chart.js gzip", "budget", "result"],
      ["---", "---", "---:", "---:", "---:", "---:", "---", "---"],
      Object.entries(r.sets).map(([which, s]) => {
        const t = s.loader.total;
        return [CASES[which].short, s.loader.rows.map((x) => `\`${rel(x.file)}\``).join(", "), bytes(t.raw), bytes(t.gzip), bytes(t.brotli), num(t.gzip / peerGzip, 3), `≤ ${LOADER_RATIO}`, verdict(t.gzip <= LOADER_RATIO * peerGzip)];
      }),
    ),
  );
  md.push("");
  md.push("### An interactive chart");
  md.push("");
  md.push(
    `The article with the chart in view (\`${articlePage("seed")}\`): the loader, then what it loads for the chart. ` +
      `Issue #8's budget: gzip ≤ ${BUDGET_RATIO} × Chart.js = ${bytes(Math.floor(BUDGET_RATIO * peerGzip))}. ` +
      `The element way's pages requested ${Object.values(r.sets).every((s) => s.elementSame) ? "the same files" : `**other files**: ${Object.values(r.sets).map((s) => s.element.join(", ")).join("; ")}`}.`,
  );
  md.push("");
  const listed = new Set();
  const fileRows = [];
  for (const s of Object.values(r.sets)) {
    for (const x of s.chart.rows) {
      if (listed.has(x.file)) continue;
      listed.add(x.file);
      fileRows.push([`\`${rel(x.file)}\``, bytes(x.raw), bytes(x.gzip), bytes(x.brotli)]);
    }
  }
  for (const [which, s] of Object.entries(r.sets)) {
    const t = s.chart.total;
    fileRows.push([`**${CASES[which].short}, total**`, `**${bytes(t.raw)}**`, `**${bytes(t.gzip)}**`, `**${bytes(t.brotli)}**`]);
  }
  fileRows.push([`Chart.js \`chart.umd.min.js\``, bytes(r.peer.total.raw), bytes(peerGzip), bytes(r.peer.total.brotli)]);
  md.push(...mdTable(["file", "raw", "gzip -9", "brotli 11"], ["---", "---:", "---:", "---:"], fileRows));
  md.push("");
  for (const [which, s] of Object.entries(r.sets)) {
    const g = s.chart.total.gzip;
    const budget = Math.floor(BUDGET_RATIO * peerGzip);
    md.push(`Budget, ${CASES[which].short}: ${verdict(g <= budget)} (${g <= budget ? `${bytes(budget - g)} to spare` : `${bytes(g - budget)} over`}, ratio ${num(g / peerGzip, 2)}).`);
    md.push("");
  }
  if (r.scan.error) {
    md.push(`\`scripts/check-size.mjs\`'s static scan (for \`make test\`) could not run: ${r.scan.error}.`);
  } else {
    md.push(
      `\`scripts/check-size.mjs\` (for \`make test\`) finds the stages statically from \`www/pkg/embed.js\`'s imports: ${r.scan.agree ? "it agrees with the recorded requests" : `**it does not agree** (loader: ${r.scan.loader.join(", ")}; chart: ${r.scan.chart.join(", ")})`}. ` +
        "Not counted, because a reader who only reads does not download them: what embed-draw.js imports when a reader asks for an SVG or CSV " +
        `file or an error needs its sentence: ${r.scan.onDemand.rows.map((x) => `\`${rel(x.file)}\` ${bytes(x.gzip)}`).join(", ")}; ${bytes(r.scan.onDemand.total.gzip)} gzip in all, once per page.`,
    );
  }
  md.push("");
  md.push("### The picture in the article's HTML");
  md.push("");
  md.push(
    "The embed code as toEmbedCode() writes it, split into its three parts (each line as the code has it: the paragraph of the picture, that " +
      "of the link, whose fragment carries the data, and the table), each compressed on its own (in the article they compress with the page, " +
      "a little better). Reported.",
  );
  md.push("");
  const cell = (s) => `${bytes(s.raw)} / ${bytes(s.gzip)}`;
  md.push(
    ...mdTable(
      ["data", "picture (CSS px)", "`<p><img …></p>`, raw / gzip -9", "the link's `<p>`", "the table", "the whole code"],
      ["---", "---", "---:", "---:", "---:", "---:"],
      Object.entries(r.pieces).map(([which, p]) => [`${CASES[which].title}, \`${CASES[which].kind}\``, `${p.box.width}×${p.box.height}`, cell(p.picture), cell(p.link), cell(p.table), cell(p.code)]),
    ),
  );
  md.push("");
  md.push("### One wasm for every kind");
  md.push("");
  const [lo, hi] = ONE_KIND.saving;
  const slow = (which) => first?.[`${which}@slow4g`];
  const readyNote = ["seed", "p63"]
    .filter((w) => slow(w))
    .map((w) => `${CASES[w].short} ${ms(slow(w).ready.median)}`)
    .join(", ");
  md.push(
    `The reader's wasm (\`${rel(READER_WASM)}\`), every chart kind in one file: ${bytes(r.wasm.raw)} raw, **${bytes(r.wasm.gzip)} gzip -9**, ${bytes(r.wasm.brotli)} brotli 11. ` +
      `The one-kind files it replaced saved ${num(lo / 1000, 0)}-${num(hi / 1000, 0)} KB gzip a chart (commit 5c41138; at ${ONE_KIND.at}, BENCHMARKS.md of commit 13e6e07: ` +
      `plan-actual ${bytes(ONE_KIND.files["plan-actual"])}, regions ${bytes(ONE_KIND.files.regions)}, every kind ${bytes(ONE_KIND.files.all)}). ` +
      `At the slow 4G's ${num((NETWORK.downloadThroughput * 8) / 1e6, 1)} Mbit/s (${bytes(NETWORK.downloadThroughput)}/s), ${num(lo, 0)}-${num(hi, 0)} B take ` +
      `**${num(downloadMs(lo), 0)}-${num(downloadMs(hi), 0)} ms** to download (arithmetic: bytes ÷ throughput, no latency: the wasm downloads beside embed-draw.js, ` +
      "so on a saturated link its extra bytes delay the chart by about that much, and not at all for a chart the loader drew a screen ahead)" +
      `${readyNote ? `, against an interactive chart ready at ${readyNote} on slow 4G in this run` : ""}. ` +
      "Measured when the one-kind files came (slow 4G, 4× CPU, the element way with its wasm preloaded; RUNS=11 on a busy machine): " +
      ONE_KIND.slow4g
        .map(
          (x) =>
            `${CASES[x.which].short} ${num(x.before, 0)} → ${num(x.after, 0)} ms (${num(x.beforeRatio, 2)} → ${num(x.afterRatio, 2)} of Chart.js) for ${bytes(x.allFile - x.kindFile)} less, ` +
            `${ms(downloadMs(x.allFile - x.kindFile))} by the arithmetic`,
        )
        .join("; ") +
      " (BENCHMARKS.md at ce7b813, commit 353a43f, then at 15fb6f9, commit a2303fc: `git log -p BENCHMARKS.md`).",
  );
  md.push("");
  return md;
}
