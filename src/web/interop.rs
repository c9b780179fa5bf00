//! All JsValue ↔ Rust conversion lives here.

use js_sys::{Error as JsError, Reflect, JSON};
use wasm_bindgen::prelude::*;

use crate::error::{Error, ErrorKind, JsonReason};
use crate::locale::Locale;

/// The crate's error as a JS `Error` named `KhuyenCongError`, with `code` and `path`.
pub fn to_js_error(e: &Error, locale: Locale) -> JsValue {
    #[cfg(feature = "messages")]
    let err = JsError::new(&e.message(locale));
    // The reader's build has no sentences: the message is "path: code" (an internal error's,
    // its detail) and `brief` is true; the shell, which holds the data and options, asks the
    // full build for the sentence (`explained` in src/js/chart-errors.js).
    #[cfg(not(feature = "messages"))]
    let err = {
        let _ = locale;
        let text = match &e.kind {
            ErrorKind::Internal { detail } => detail.clone(),
            _ => e.to_string(),
        };
        let err = JsError::new(&text);
        let _ = Reflect::set(&err, &"brief".into(), &true.into());
        err
    };
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
