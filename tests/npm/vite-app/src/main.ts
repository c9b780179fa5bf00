// A Vite app using khuyencong-charts as an npm dependency, the way its README says.
// scripts/test-npm.mjs installs the packed tarball here, builds the app for production and runs
// its dev server, and opens this page in Chromium with ?wasm=<how ready() gets the wasm>:
//   default     ready() finds the wasm next to the package (Vite rewrites or serves it)
//   url         ready(url string): the wasm through the package's "./khuyencong_charts_bg.wasm"
//               export, imported with Vite's ?url
//   url-object  ready(new URL(…))
//   response    ready(await fetch(…))
//   bytes       ready(ArrayBuffer)
//   module      ready(WebAssembly.Module)
//   embed       no ready() call at all: only <khuyencong-chart> elements, as in an article
//               (its SVG and CSV then load the full build on demand)
//   fast        khuyencong-charts/fast's ready() first: the page's analyze() and mount() then
//               run on the fast build (one module state); reports which wasm files loaded
// In every mode, a <khuyencong-chart> three screens below the fold is not drawn (nor its wasm
// fetched) until it is scrolled to, as embed.js loads what draws when a chart comes near; and
// the chart's toEmbedCode() (a Promise: the picture, the link and the table), put in the page,
// becomes the interactive chart in the picture's box.
// The test reads window.__done when it resolves.
import { ready, analyze, mount, KhuyenCongError } from "khuyencong-charts";
import type { Analysis, ChartHandle } from "khuyencong-charts";
import { chartOf } from "khuyencong-charts/embed";
import { ready as readyFast } from "khuyencong-charts/fast";
import wasmUrl from "khuyencong-charts/khuyencong_charts_bg.wasm?url";

const DATA_URL = "/data/phia-bac-2022.json";

export interface Result {
  mode: string;
  actual?: string;
  attainment?: string;
  actualEn?: string;
  errorCode?: string;
  errorPath?: string;
  items?: number;
  firstItem?: string;
  ink?: number;
  pixels?: number;
  embedState?: string | null;
  embedItems?: number;
  embedSame?: boolean;
  embedSvg?: boolean;
  embedCsv?: boolean;
  farLazy?: boolean;
  farState?: string | null;
  codeIsPromise?: boolean;
  pictureState?: string | null;
  pictureSame?: boolean;
  pictureHidden?: boolean;
  failure?: string;
  wasmFiles?: string[];
}

declare global {
  interface Window {
    __done: Promise<Result>;
  }
}

async function wasmFor(mode: string): Promise<Parameters<typeof ready>[0]> {
  switch (mode) {
    case "default":
      return undefined;
    case "fast":
      await readyFast();
      return undefined;
    case "url":
      return wasmUrl;
    case "url-object":
      return new URL(wasmUrl, location.href);
    case "response":
      return fetch(wasmUrl);
    case "bytes":
      return (await fetch(wasmUrl)).arrayBuffer();
    case "module":
      return WebAssembly.compileStreaming(fetch(wasmUrl));
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

/** Pixels of the canvas that differ from its top left one (the background). */
function inkOf(canvas: HTMLCanvasElement): { ink: number; pixels: number } {
  const ctx = canvas.getContext("2d");
  if (!ctx) return { ink: 0, pixels: 0 };
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) ink++;
  }
  return { ink, pixels: data.length / 4 };
}

/** A <khuyencong-chart> added to `where`; resolves once it has drawn (or failed). */
function embed(where = "embeds"): Promise<HTMLElementTagNameMap["khuyencong-chart"]> {
  const el = document.createElement("khuyencong-chart");
  el.setAttribute("kind", "plan-actual");
  el.setAttribute("src", DATA_URL);
  el.setAttribute("theme", "light");
  const p = new Promise<typeof el>((resolve) => {
    el.addEventListener("khuyencong-chart:ready", () => resolve(el), { once: true });
    el.addEventListener("khuyencong-chart:error", () => resolve(el), { once: true });
  });
  document.getElementById(where)!.append(el);
  return p;
}

/** The .wasm files the page has fetched so far (Vite's hashes in their names). */
function wasmFiles(): string[] {
  return (
    performance
      .getEntriesByType("resource")
      // Not Vite's dev-server module for the `?url` import above (…wasm?import&url): no wasm.
      .filter((e) => !new URL(e.name).searchParams.has("import"))
      .map((e) => new URL(e.name).pathname.split("/").pop() ?? "")
      .filter((name) => name.endsWith(".wasm"))
  );
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with `selector`'s element once there is one (null after `ms`). */
async function appears(selector: string, ms = 10_000): Promise<Element | null> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const found = document.querySelector(selector);
    if (found) return found;
    await sleep(50);
  }
  return null;
}

async function run(mode: string): Promise<Result> {
  const result: Result = { mode };
  // A chart three screens down (under a spacer, set through the CSSOM: the page runs under a
  // strict CSP): embed.js leaves it, and the reader's wasm, alone until it comes near.
  const spacer = document.getElementById("spacer")!;
  spacer.style.setProperty("height", `${3 * innerHeight}px`);
  const far = embed("far");
  await frame();
  await frame();
  await sleep(300);
  result.farLazy =
    document.querySelector("#far khuyencong-chart")!.getAttribute("data-kc-state") === null &&
    !wasmFiles().some((f) => f.includes("khuyencong_charts_view"));
  let chart: ChartHandle | null = null;
  if (mode !== "embed") {
    await ready(await wasmFor(mode));

    const data = await (await fetch(DATA_URL)).json();
    const a: Analysis = analyze(data);
    result.actual = a.total.text.actual;
    result.attainment = a.total.text.attainment;
    result.actualEn = analyze(data, { locale: "en" }).total.text.actual;
    try {
      analyze({ ...data, records: [{ source: "kcqg", plan: "1,5" }] });
    } catch (e) {
      if (!(e instanceof KhuyenCongError)) throw e;
      result.errorCode = e.code;
      result.errorPath = e.path;
    }

    chart = await mount(document.getElementById("chart")!, DATA_URL, {
      kind: "sources",
      theme: "light",
    });
    const view = chart.view();
    result.items = view.items.length;
    result.firstItem = view.items[0]?.title;
    Object.assign(result, chart.canvas ? inkOf(chart.canvas) : {});
  }

  const el = await embed();
  result.embedState = el.getAttribute("data-kc-state");
  result.embedItems = el.chart?.view().items.length;
  result.embedSame = el.chart !== null && chartOf(el) === el.chart;
  result.wasmFiles = wasmFiles();
  // The embed's SVG and CSV: its own build leaves them out; exportReady() loads the full build
  // through the package's embed-export.js, which the bundler must have followed.
  if (el.chart) {
    await el.chart.exportReady();
    result.embedSvg = el.chart.toSVG().startsWith("<svg");
    result.embedCsv = el.chart.toCSV().startsWith("\ufeff");
  }

  // The far chart, once scrolled to.
  document.querySelector("#far khuyencong-chart")!.scrollIntoView();
  result.farState = (await far).getAttribute("data-kc-state");
  scrollTo(0, 0);

  // The embed code (the picture way) in the page: embed.js finds its link and draws the chart in
  // the picture's box. (Its link opens chart.html where this module is, unless `base` says
  // where the package's files are on the site: a bundler copies no HTML page.)
  const handle = chart ?? el.chart;
  if (handle) {
    const pending = handle.toEmbedCode();
    result.codeIsPromise = pending instanceof Promise;
    document.getElementById("pictures")!.innerHTML = await pending;
    const box = await appears('.kc-embed[data-kc-state="ready"]');
    result.pictureState = box?.getAttribute("data-kc-state") ?? null;
    const img = document.querySelector<HTMLImageElement>("#pictures img")!;
    const drawn = chartOf(img);
    result.pictureSame =
      drawn !== null &&
      chartOf(box!) === drawn &&
      drawn.view().kind === handle.view().kind &&
      drawn.view().items.length === handle.view().items.length;
    result.pictureHidden = getComputedStyle(img).display === "none";
  }
  return result;
}

const mode = new URLSearchParams(location.search).get("wasm") ?? "default";
window.__done = run(mode).catch((e: unknown) => ({
  mode,
  failure: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
}));
