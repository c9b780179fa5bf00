//! The browser shell: the only module that knows about wasm-bindgen and web-sys (js-sys also
//! answers the core's few questions to the engine, in `host`).
//!
//! Every export converts its arguments, calls a plain Rust function and converts the result
//! back; nothing else happens here. Errors cross to JavaScript in one place, [`to_js_error`],
//! as a real `Error` with `name === "KhuyenCongError"`, `code` and `path`.

mod canvas;
mod chart;
mod interop;

pub use chart::Chart;

#[cfg(feature = "export")]
use wasm_bindgen::prelude::*;

/// Analyzes funding data (an object or its JSON text) and returns the analysis object.
///
/// `options` is `{ locale?: "vi" | "en", percentDigits?, ratioDigits?, amountDigits? }`.
/// Throws a `KhuyenCongError` (`code`, `path`, localized `message`) on bad input.
#[cfg(feature = "export")]
#[wasm_bindgen]
pub fn analyze(data: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let data = interop::json_text(&data, "")?;
    let options = interop::json_text(&options, "options")?;
    let out = crate::analyze_to_json(&data, &options)
        .map_err(|(e, locale)| interop::to_js_error(&e, locale))?;
    interop::parse_json(&out)
}
