//! The host in the browser: the JavaScript engine, through js-sys.

pub fn nfc(s: &str) -> String {
    String::from(js_sys::JsString::from(s).normalize("NFC"))
}

pub fn is_mark(c: char) -> bool {
    js_sys::RegExp::new("^\\p{M}$", "u").test(&c.to_string())
}

pub fn is_upper(c: char) -> bool {
    js_sys::RegExp::new("^\\p{Uppercase}$", "u").test(&c.to_string())
}

pub fn lower(c: char) -> String {
    String::from(js_sys::JsString::from(c.to_string()).to_lower_case())
}

pub fn upper(c: char) -> String {
    String::from(js_sys::JsString::from(c.to_string()).to_upper_case())
}

/// `Number.prototype.toString`: the same algorithm `JSON.stringify` uses.
pub fn shortest_round_trip(literal: &str) -> Option<String> {
    let n = js_sys::Number::parse_float(literal);
    if !n.is_finite() {
        return None;
    }
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .ok()
        .map(String::from)
}

pub fn sin(x: f64) -> f64 {
    js_sys::Math::sin(x)
}

pub fn cos(x: f64) -> f64 {
    js_sys::Math::cos(x)
}

pub fn atan2(y: f64, x: f64) -> f64 {
    js_sys::Math::atan2(y, x)
}

pub fn log10(x: f64) -> f64 {
    js_sys::Math::log10(x)
}
