//! All JsValue ↔ Rust conversion lives here.

use js_sys::{Error as JsError, Reflect, JSON};
use wasm_bindgen::prelude::*;

use crate::error::{Error, ErrorKind, JsonReason};
use crate::format::Locale;

/// The crate's error as a JS `Error` named `KhuyenCongError`, with `code` and `path`.
pub fn to_js_error(e: &Error, locale: Locale) -> JsValue {
    let err = JsError::new(&e.message(locale));
    err.set_name("KhuyenCongError");
    // Setting a property on a fresh Error object cannot fail; ignore the Result anyway
    // rather than unwrap across the boundary.
    let _ = Reflect::set(&err, &"code".into(), &e.code().into());
    let _ = Reflect::set(&err, &"path".into(), &e.path().into());
    err.into()
}

/// JSON text of `v`: a string is taken as JSON text; `undefined`/`null` is empty (meaning
/// "defaults" for options, "missing" for data); anything else goes through `JSON.stringify`.
pub fn json_text(v: &JsValue, path: &str) -> Result<String, JsValue> {
    if let Some(s) = v.as_string() {
        return Ok(s);
    }
    if v.is_undefined() || v.is_null() {
        return Ok(String::new());
    }
    match JSON::stringify(v) {
        Ok(s) => Ok(s.as_string().unwrap_or_default()),
        // Cycles and BigInt make stringify throw.
        Err(_) => Err(to_js_error(
            &Error::new(
                ErrorKind::InvalidJson {
                    line: 1,
                    column: 1,
                    reason: JsonReason::UnexpectedChar('?'),
                },
                path,
            ),
            Locale::Vi,
        )),
    }
}

/// `JSON.parse` of text this crate wrote (always valid JSON).
#[cfg(feature = "export")]
pub fn parse_json(text: &str) -> Result<JsValue, JsValue> {
    JSON::parse(text)
}
