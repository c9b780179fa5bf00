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
//   embed       no ready() call at all: only a <khuyencong-chart> element, as in an article
//               (its SVG and CSV then load the full build on demand)
//   fast        khuyencong-charts/fast's ready() first: the page's analyze() and mount() then
//               run on the fast build (one module state); reports which wasm files loaded
// and reads window.__result when window.__done resolves.
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

/** A <khuyencong-chart> added to the page; resolves once it has drawn (or failed). */
function embed(): Promise<HTMLElementTagNameMap["khuyencong-chart"]> {
  const el = document.createElement("khuyencong-chart");
  el.setAttribute("kind", "plan-actual");
  el.setAttribute("src", DATA_URL);
  el.setAttribute("theme", "light");
  const p = new Promise<typeof el>((resolve) => {
    el.addEventListener("khuyencong-chart:ready", () => resolve(el), { once: true });
    el.addEventListener("khuyencong-chart:error", () => resolve(el), { once: true });
  });
  document.getElementById("embeds")!.append(el);
  return p;
}

async function run(mode: string): Promise<Result> {
  const result: Result = { mode };
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

    const chart: ChartHandle = await mount(document.getElementById("chart")!, DATA_URL, {
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
  result.wasmFiles = performance
    .getEntriesByType("resource")
    // Not Vite's dev-server module for the `?url` import above (…wasm?import&url): no wasm.
    .filter((e) => !new URL(e.name).searchParams.has("import"))
    .map((e) => new URL(e.name).pathname.split("/").pop() ?? "")
    .filter((name) => name.endsWith(".wasm"));
  // The embed's SVG and CSV: its own build leaves them out; exportReady() loads the full build
  // through the package's embed-export.js, which the bundler must have followed.
  if (el.chart) {
    await el.chart.exportReady();
    result.embedSvg = el.chart.toSVG().startsWith("<svg");
    result.embedCsv = el.chart.toCSV().startsWith("\ufeff");
  }
  return result;
}

const mode = new URLSearchParams(location.search).get("wasm") ?? "default";
window.__done = run(mode).catch((e: unknown) => ({
  mode,
  failure: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
}));
