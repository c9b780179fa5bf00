//! Unicode normalization (NFC) of text fields.

/// `s` in Unicode Normalization Form C. ASCII text is returned as it is.
pub fn nfc(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    normalize(s)
}

#[cfg(not(target_arch = "wasm32"))]
fn normalize(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc().collect()
}

/// Whether `c` is a mark (general category Mn, Mc or Me).
#[cfg(not(target_arch = "wasm32"))]
pub fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// In the browser the engine's Unicode tables answer (`/^\p{M}$/u`).
#[cfg(target_arch = "wasm32")]
pub fn is_mark(c: char) -> bool {
    crate::web::is_mark(c)
}

/// In the browser the engine's `String.prototype.normalize` does it.
#[cfg(target_arch = "wasm32")]
fn normalize(s: &str) -> String {
    crate::web::nfc(s)
}

#[cfg(test)]
mod tests {
    #[test]
    fn decomposed_vietnamese_becomes_precomposed() {
        assert_eq!(super::nfc("Ha\u{300} Giang"), "Hà Giang");
        assert_eq!(super::nfc("Tuye\u{302}\u{301}n"), "Tuyến");
        assert_eq!(super::nfc("plain"), "plain");
    }
}
