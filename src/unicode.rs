//! Unicode questions about text fields: NFC normalization, marks and case. Vietnamese text is
//! answered here without tables; anything else goes to the platform's tables (`host`).

use crate::host;

/// `s` in Unicode Normalization Form C. Text that surely is already (see [`surely_nfc`]) is
/// returned as it is, without asking the Unicode tables (in the browser, a call into the
/// engine per text field).
pub fn nfc(s: &str) -> String {
    if surely_nfc(s) {
        return s.to_string();
    }
    host::nfc(s)
}

/// True when every character of `s` is one whose NFC quick-check property is Yes and which
/// no following character can combine with, in the blocks Vietnamese text is written in:
/// Basic Latin to IPA (U+0000–U+02FF, no combining marks there), Latin Extended Additional
/// (U+1E00–U+1EFF: ạ ả ấ ầ … ỹ, all precomposed) and the dashes, quotes and ellipsis of
/// General Punctuation (U+2010–U+2027). Such a string is its own NFC form. Anything else
/// (a combining accent, another script) goes to the full normalization.
pub fn surely_nfc(s: &str) -> bool {
    s.chars().all(
        |c| matches!(c, '\u{0}'..='\u{02FF}' | '\u{1E00}'..='\u{1EFF}' | '\u{2010}'..='\u{2027}'),
    )
}

/// Whether `c` is a mark (general category Mn, Mc or Me). There is none below U+0300 nor in
/// Latin Extended Additional: those (all of Vietnamese in NFC) are answered without a table.
pub fn is_mark(c: char) -> bool {
    if matches!(c, '\u{0}'..='\u{02FF}' | '\u{1E00}'..='\u{1EFF}') {
        return false;
    }
    host::is_mark(c)
}

/// Whether `c` is a combining mark (general category M), which must follow a letter: the
/// combining blocks Vietnamese and symbols use are answered without a table.
pub fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
        || is_mark(c)
}

/// Whether `c` is upper case (the Unicode property Uppercase: "Đ", "Ấ", "K"). ASCII is
/// answered here, anything else by the Unicode tables: in the browser the engine's, as std's
/// case tables would be a large part of the reader's wasm file for a few labels.
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    host::is_upper(c)
}

/// `c` in lower case ("Đ" → "đ"; one character may become several, as in std).
pub fn lower(c: char) -> String {
    if c.is_ascii() {
        return c.to_ascii_lowercase().to_string();
    }
    host::lower(c)
}

/// `c` in upper case ("ư" → "Ư"; one character may become several: "ß" → "SS").
pub fn upper(c: char) -> String {
    if c.is_ascii() {
        return c.to_ascii_uppercase().to_string();
    }
    host::upper(c)
}

#[cfg(test)]
mod tests {
    /// The shortcut agrees with the Unicode tables: every character it passes is unchanged
    /// by NFC alone, next to any other it passes, and is not a mark.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_shortcut_agrees_with_the_tables() {
        use unicode_normalization::char::is_combining_mark;
        use unicode_normalization::UnicodeNormalization;
        let passed: Vec<char> = (0..=0x2FFF_u32)
            .filter_map(char::from_u32)
            .filter(|c| super::surely_nfc(&c.to_string()))
            .collect();
        assert!(passed.len() > 900);
        for &c in &passed {
            let s = c.to_string();
            assert_eq!(s.nfc().collect::<String>(), s, "U+{:04X}", c as u32);
            assert!(!is_combining_mark(c), "U+{:04X}", c as u32);
            assert_eq!(super::is_mark(c), is_combining_mark(c));
        }
        // Pairs: nothing the shortcut passes composes with what follows (a letter and a
        // letter stay two letters), sampled across the blocks.
        for &a in passed.iter().step_by(7) {
            for &b in passed.iter().step_by(5) {
                let s: String = [a, b].iter().collect();
                assert_eq!(s.nfc().collect::<String>(), s);
            }
        }
        for c in [
            '\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{2000}', '\u{2126}',
        ] {
            assert!(!super::surely_nfc(&format!("a{c}")), "U+{:04X}", c as u32);
        }
        assert!(super::surely_nfc(
            "Sở Công Thương tỉnh Hà Giang – “Khuyến công” …"
        ));
    }

    /// The ASCII shortcuts and the tables agree with std over Latin, Vietnamese and beyond.
    #[test]
    fn case_agrees_with_std() {
        for c in (0..=0x2FFF_u32).filter_map(char::from_u32) {
            assert_eq!(super::is_upper(c), c.is_uppercase(), "U+{:04X}", c as u32);
            assert_eq!(super::lower(c), c.to_lowercase().collect::<String>());
            assert_eq!(super::upper(c), c.to_uppercase().collect::<String>());
        }
        assert_eq!(super::lower('Đ'), "đ");
        assert_eq!(super::upper('ư'), "Ư");
    }

    #[test]
    fn decomposed_vietnamese_becomes_precomposed() {
        assert_eq!(super::nfc("Ha\u{300} Giang"), "Hà Giang");
        assert_eq!(super::nfc("Tuye\u{302}\u{301}n"), "Tuyến");
        assert_eq!(super::nfc("plain"), "plain");
    }
}
