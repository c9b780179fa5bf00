// khuyencong-charts: the package's entry point. Importing it has no side effects and touches
// no browser global; everything happens inside the functions.
export { ready, KhuyenCongError } from "./core.js";
export { analyze } from "./analyze.js";
export { mount } from "./chart.js";
