//! The constants the JavaScript shell shares with the Rust core (the canvas's font list, the
//! theme colours its controls take, the input limit, the schema's member names) come from one
//! generated module, src/js/rust-constants.js, which this test writes from the Rust values themselves (as
//! rust-analyzer's sourcegen tests keep generated files): `UPDATE_JS=1 cargo test --test
//! js_constants` writes it; without UPDATE_JS the test fails while the file differs.
//! A wasm export was the other way: the shell needs these before the wasm has loaded (fonts
//! are warmed and the input's size is checked while it downloads).

use khuyencong_charts::chart::paint::FONT;
use khuyencong_charts::chart::theme::{Mode, Rgba, Theme};
use khuyencong_charts::limits::MAX_INPUT_BYTES;
use khuyencong_charts::model::{RECORD_FIELDS, REPORTED_FIELDS, TOP_FIELDS};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/js/rust-constants.js");

fn hex(c: Rgba) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

fn theme(mode: Mode) -> String {
    let t = Theme::new(mode);
    format!(
        "{{ background: \"{}\", text: \"{}\", muted: \"{}\", accent: \"{}\" }}",
        hex(t.background),
        hex(t.text),
        hex(t.muted),
        hex(t.series[0]),
    )
}

fn list(names: &[&str]) -> String {
    serde_json::to_string(names)
        .expect("strings")
        .replace(',', ", ")
}

/// The module's text.
fn module() -> String {
    let font = serde_json::to_string(FONT).expect("a string");
    format!(
        r#"// Generated from the Rust constants named below by tests/js_constants.rs; do not edit. After
// changing one of them: UPDATE_JS=1 cargo test --test js_constants.

/** The canvas's font list, as the wasm writes it (chart::paint::FONT). */
export const CANVAS_FONT = {font};

/** The chart themes' colours that the controls around the chart take (chart::theme::Theme): the
 * chart's background, text and muted text, and its first series' colour as the accent. */
export const THEME = {{
  light: {light},
  dark: {dark},
}};

/** The most input the library reads, in bytes (limits::MAX_INPUT_BYTES). */
export const MAX_INPUT_BYTES = {MAX_INPUT_BYTES};

/** Schema v1's members in its order (model::TOP_FIELDS, RECORD_FIELDS, REPORTED_FIELDS): the
 * data's, a record's, and those holding figures. */
export const SCHEMA = {{
  top: {top},
  record: {record},
  figures: {figures},
}};
"#,
        top = list(TOP_FIELDS),
        record = list(RECORD_FIELDS),
        figures = list(REPORTED_FIELDS),
        light = theme(Mode::Light),
        dark = theme(Mode::Dark),
    )
}

#[test]
fn rust_constants_js_is_generated_from_the_rust_values() {
    let want = module();
    if std::env::var_os("UPDATE_JS").is_some() {
        std::fs::write(FILE, &want).expect("write src/js/rust-constants.js");
        return;
    }
    let have = std::fs::read_to_string(FILE).unwrap_or_default();
    assert!(
        have == want,
        "src/js/rust-constants.js differs from the Rust constants: run \
         UPDATE_JS=1 cargo test --test js_constants\n--- the file should be:\n{want}"
    );
}

#[test]
fn the_accent_is_readable_as_text() {
    // The shell writes its buttons' text in the accent colour (WCAG 2.1 1.4.3).
    for mode in [Mode::Light, Mode::Dark] {
        let t = Theme::new(mode);
        let ratio = t.series[0].contrast(t.background);
        assert!(ratio >= 4.5, "{mode:?}: {ratio:.2}");
    }
}
