//! What the core asks of the platform it runs on: the Unicode tables (NFC, marks, case), the
//! shortest text of a double, and the few transcendental functions of the charts' geometry.
//!
//! In the browser the JavaScript engine answers (`web`): its tables, its number printing and its
//! `Math` are already in the page, where Rust's would bring their tables and code into every
//! reader's wasm file. Natively, std and unicode-normalization answer (`native`). One of the
//! two is compiled, chosen by target, as plotters' `style/font` picks its font backend; the
//! rest of the crate calls only this module, never the engine, so everything below the browser
//! shell is plain Rust (`tests/layers.rs` checks it).
//!
//! Callers answer the common cases themselves first (ASCII, precomposed Vietnamese, short
//! number literals: see `unicode` and `exact`): in the browser each call here crosses into
//! the engine.

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(not(target_arch = "wasm32"))]
use native as imp;
#[cfg(target_arch = "wasm32")]
use web as imp;

/// `s` in Unicode Normalization Form C.
pub fn nfc(s: &str) -> String {
    imp::nfc(s)
}

/// Whether `c` is a mark (general category Mn, Mc or Me).
pub fn is_mark(c: char) -> bool {
    imp::is_mark(c)
}

/// Whether `c` has the Unicode property Uppercase.
pub fn is_upper(c: char) -> bool {
    imp::is_upper(c)
}

/// `c` in lower case (one character may become several).
pub fn lower(c: char) -> String {
    imp::lower(c)
}

/// `c` in upper case (one character may become several: "ß" → "SS").
pub fn upper(c: char) -> String {
    imp::upper(c)
}

/// The shortest decimal text that reads back as the same double as the JSON number `literal`
/// (what `JSON.stringify` prints; it may use exponent notation, which the caller reads), or
/// `None` if that double is not finite.
pub fn shortest_round_trip(literal: &str) -> Option<String> {
    imp::shortest_round_trip(literal)
}

/// The sine of `x` radians. For pixel positions only: no figure is computed with it.
pub fn sin(x: f64) -> f64 {
    imp::sin(x)
}

/// The cosine of `x` radians. For pixel positions only.
pub fn cos(x: f64) -> f64 {
    imp::cos(x)
}

/// The angle of the point (`x`, `y`), in radians. For hit-testing only.
pub fn atan2(y: f64, x: f64) -> f64 {
    imp::atan2(y, x)
}

/// The base-10 logarithm of `x`. For an axis' order of magnitude only.
pub fn log10(x: f64) -> f64 {
    imp::log10(x)
}
