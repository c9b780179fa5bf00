//! The host outside the browser: std and unicode-normalization.

use unicode_normalization::UnicodeNormalization;

pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

pub fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

pub fn lower(c: char) -> String {
    c.to_lowercase().collect()
}

pub fn upper(c: char) -> String {
    c.to_uppercase().collect()
}

/// Rust prints a double as its shortest round-trip decimal, without an exponent.
pub fn shortest_round_trip(literal: &str) -> Option<String> {
    let f: f64 = literal.parse().ok()?;
    f.is_finite().then(|| format!("{f}"))
}

pub fn sin(x: f64) -> f64 {
    x.sin()
}

pub fn cos(x: f64) -> f64 {
    x.cos()
}

pub fn atan2(y: f64, x: f64) -> f64 {
    y.atan2(x)
}

pub fn log10(x: f64) -> f64 {
    x.log10()
}
