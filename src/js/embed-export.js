// The SVG and CSV exports for charts drawn by embed.js, loaded on demand.
//
// embed.js (the bundle a news page loads) draws with the reader's build of the wasm
// (khuyencong_charts_view_bg.wasm), which leaves out what only an export needs. When a reader
// asks for an SVG or CSV file (the chart's menu, or a script's `await chart.exportReady()`),
// embed.js imports this module: the package's full build, with its own glue and wasm
// (khuyencong_charts.js, khuyencong_charts_bg.wasm). A reader who never exports never
// downloads it.
export { ready } from "./core.js";
export { Chart } from "./khuyencong_charts.js";
