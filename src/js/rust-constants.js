// Generated from the Rust constants named below by tests/js_constants.rs; do not edit. After
// changing one of them: UPDATE_JS=1 cargo test --test js_constants.

/** The canvas's font list, as the wasm writes it (chart::paint::FONT). */
export const CANVAS_FONT = "-apple-system, Segoe UI, Roboto, Noto Sans, Arial, sans-serif";

/** The chart themes' colours that the controls around the chart take (chart::theme::Theme): the
 * chart's background, text and muted text, and its first series' colour as the accent. */
export const THEME = {
  light: { background: "#ffffff", text: "#1f2328", muted: "#57606a", accent: "#0a5cad" },
  dark: { background: "#15191e", text: "#f0f3f6", muted: "#a9b1ba", accent: "#6cb6ff" },
};

/** The most input the library reads, in bytes (limits::MAX_INPUT_BYTES). */
export const MAX_INPUT_BYTES = 33554432;

/** Schema v1's members in its order (model::TOP_FIELDS, RECORD_FIELDS, REPORTED_FIELDS): the
 * data's, a record's, and those holding figures. */
export const SCHEMA = {
  top: ["version", "title", "subtitle", "source", "notes", "description", "unit", "sources", "records", "reported"],
  record: ["source", "region", "year", "category", "plan", "actual", "counterpart", "projects"],
  figures: ["plan", "actual", "counterpart", "projects"],
};
