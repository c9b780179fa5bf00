// khuyencong-charts/fast: the same API as the main entry point, with the WebAssembly build
// compiled for speed (khuyencong_charts_fast_bg.wasm). `ready()` without an argument loads that
// file; everything else is the main entry point's.
export * from "./index.js";
