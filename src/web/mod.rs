//! The browser shell: the only module that knows about wasm-bindgen and js-sys.
//!
//! Every export converts its arguments, calls a plain Rust function and converts the result
//! back; nothing else happens here. Errors cross to JavaScript in one place, [`to_js_error`],
//! as a real `Error` with `name === "KhuyenCongError"`, `code` and `path`.

mod chart;
mod interop;

pub use chart::Chart;

#[cfg(feature = "export")]
use wasm_bindgen::prelude::*;

/// Analyzes funding data (an object or its JSON text) and returns the analysis object.
#[cfg(feature = "export")]
///
/// `options` is `{ locale?: "vi" | "en", percentDigits?, ratioDigits?, amountDigits? }`.
/// Throws a `KhuyenCongError` (`code`, `path`, localized `message`) on bad input.
#[wasm_bindgen]
pub fn analyze(data: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let data = interop::json_text(&data, "")?;
    let options = interop::json_text(&options, "options")?;
    let out = crate::analyze_to_json(&data, &options)
        .map_err(|(e, locale)| interop::to_js_error(&e, locale))?;
    interop::parse_json(&out)
}

/// The shortest round-trip text of the double nearest to a JSON number literal, by the
/// engine's `Number.prototype.toString` (may use exponent notation, which the caller reads).
pub(crate) fn shortest_round_trip(literal: &str) -> Option<String> {
    let n = js_sys::Number::parse_float(literal);
    if !n.is_finite() {
        return None;
    }
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .ok()
        .map(String::from)
}

/// Whether `c` is a Unicode mark (Mn, Mc, Me), by the engine's `/^\p{M}$/u`.
pub(crate) fn is_mark(c: char) -> bool {
    js_sys::RegExp::new("^\\p{M}$", "u").test(&c.to_string())
}

/// Whether `c` is upper case, by the engine's `/^\p{Uppercase}$/u`.
pub(crate) fn is_upper(c: char) -> bool {
    js_sys::RegExp::new("^\\p{Uppercase}$", "u").test(&c.to_string())
}

/// `c` in lower case, by the engine's `String.prototype.toLowerCase`.
pub(crate) fn lower(c: char) -> String {
    String::from(js_sys::JsString::from(c.to_string()).to_lower_case())
}

/// `c` in upper case, by the engine's `String.prototype.toUpperCase`.
pub(crate) fn upper(c: char) -> String {
    String::from(js_sys::JsString::from(c.to_string()).to_upper_case())
}

/// `s` in Unicode Normalization Form C, by the engine's `String.prototype.normalize`.
pub(crate) fn nfc(s: &str) -> String {
    String::from(js_sys::JsString::from(s).normalize("NFC"))
}
