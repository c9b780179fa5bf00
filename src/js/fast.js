// khuyencong-charts/fast: the package's API with the WebAssembly build compiled for speed
// (khuyencong_charts_fast_bg.wasm: this crate at opt-level 2 instead of "z"). analyze() runs
// about 1.6 times as fast (100 000 records: ~125 ms instead of ~200 ms in Chromium) and the file
// is ~14 KB larger gzipped. For servers, workers and dashboards that analyze large data; a news
// page's embeds keep the small build. One page has one build: the first ready() to run decides
// (the embed script's, if it ran first).
import { load, located } from "./core.js";

export { KhuyenCongError } from "./core.js";
export { analyze } from "./analyze.js";
export { mount } from "./chart.js";

/**
 * Loads the fast build of the WebAssembly module, once (see `ready` in the main entry point).
 * Pass a URL, `Response`, `ArrayBuffer` or `WebAssembly.Module` when the file is served from
 * somewhere else.
 */
export function ready(wasm) {
  return load(() => (wasm === undefined ? located(new URL("./khuyencong_charts_fast_bg.wasm", import.meta.url)) : wasm));
}
