//! Numbers and units as the press prints them, for `vi` (CLDR: decimal `,`, grouping `.`,
//! percent `95,2%`) and `en` (`.`, `,`, `95.2%`).
//!
//! Formatting takes exact decimals and rounds them half away from zero. Amounts and ratios
//! show at most N fraction digits, trailing zeros dropped (`Intl.NumberFormat(locale,
//! { maximumFractionDigits: N })` given the same decimal string); percentages show exactly N,
//! as statistical tables print them ("58,0%" beside "40,7%": `minimumFractionDigits` and
//! `maximumFractionDigits` both N). The browser tests use `Intl` as the oracle. The spoken
//! form drops a percentage's trailing zeros too: a voice says "58 phần trăm", not "58 phẩy
//! không phần trăm".

use rust_decimal::Decimal;

use crate::exact::{round, split_digits};
// The language is defined below the text (options and the analysis choose by it too) and
// named here as well, beside the formats that speak it.
pub use crate::locale::Locale;
use crate::model::Unit;

/// Shown where a figure cannot be computed (a division by zero, a measure nobody reported).
pub const DASH: &str = "–";

/// Number formatting for one locale, for the eye ([`NumberFormat::new`]) or for the ear
/// ([`NumberFormat::spoken`]).
#[derive(Debug, Clone, Copy)]
pub struct NumberFormat {
    decimal: char,
    group: char,
    locale: Locale,
    spoken: bool,
}

impl NumberFormat {
    /// The format of `locale`.
    pub fn new(locale: Locale) -> Self {
        match locale {
            Locale::Vi => NumberFormat {
                decimal: ',',
                group: '.',
                locale,
                spoken: false,
            },
            Locale::En => NumberFormat {
                decimal: '.',
                group: ',',
                locale,
                spoken: false,
            },
        }
    }

    /// The same figures for text that a screen reader speaks (the accessible description, the
    /// announcement of each point): no grouping separator, which speech engines read as a
    /// pause between two numbers ("2.400" as "2 … 400"), and the per cent sign in words, as a
    /// newsreader says it. The decimal mark stays: Vietnamese voices read "170,4" as "một
    /// trăm bảy mươi phẩy bốn", English ones "170.4" as "one hundred seventy point four".
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use khuyencong_charts::{format::NumberFormat, model::Unit, Locale};
    /// let vi = NumberFormat::spoken(Locale::Vi);
    /// assert_eq!(vi.amount(Decimal::new(24005, 1), Unit::TrieuDong, 2), "2400,5 triệu đồng");
    /// assert_eq!(vi.percent(Decimal::new(952, 1), 1), "95,2 phần trăm");
    /// assert_eq!(NumberFormat::spoken(Locale::En).percent(Decimal::new(952, 1), 1), "95.2 percent");
    /// ```
    pub fn spoken(locale: Locale) -> Self {
        NumberFormat {
            spoken: true,
            ..NumberFormat::new(locale)
        }
    }

    /// The language of the text.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// Whether this is the [`NumberFormat::spoken`] form.
    pub fn spoken_form(&self) -> bool {
        self.spoken
    }

    /// `d` rounded half away from zero to at most `max_digits` fraction digits, grouped.
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use khuyencong_charts::{format::NumberFormat, Locale};
    /// let vi = NumberFormat::new(Locale::Vi);
    /// assert_eq!(vi.decimal(Decimal::new(24005, 1), 2), "2.400,5");
    /// assert_eq!(NumberFormat::new(Locale::En).decimal(Decimal::new(24005, 1), 2), "2,400.5");
    /// ```
    pub fn decimal(&self, d: Decimal, max_digits: u32) -> String {
        self.rounded(d, max_digits, false)
    }

    /// `d` rounded half away from zero to `digits` fraction digits, trailing zeros kept when
    /// `fixed` (`"58,0"`), dropped otherwise (`"58"`), grouped.
    fn rounded(&self, d: Decimal, digits: u32, fixed: bool) -> String {
        let r = round(d, digits);
        let (int, mut frac) = split_digits(r);
        if fixed {
            // `round` normalizes, so `frac` has at most `digits` digits: pad it back.
            let want = digits as usize;
            while frac.len() < want {
                frac.push('0');
            }
        }
        let mut out = String::with_capacity(int.len() + frac.len() + 4);
        if r.is_sign_negative() && !r.is_zero() {
            out.push('-');
        }
        self.push_grouped(&mut out, &int);
        if !frac.is_empty() {
            out.push(self.decimal);
            out.push_str(&frac);
        }
        out
    }

    /// A whole number, grouped (`1.234`).
    pub fn integer(&self, n: u64) -> String {
        let mut out = String::new();
        self.push_grouped(&mut out, &n.to_string());
        out
    }

    fn push_grouped(&self, out: &mut String, digits: &str) {
        let len = digits.len();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (len - i) % 3 == 0 && !self.spoken {
                out.push(self.group);
            }
            out.push(c);
        }
    }

    /// An amount with its unit in words: `"170,4 tỷ đồng"`, `"2,400 million VND"`.
    pub fn amount(&self, d: Decimal, unit: Unit, max_digits: u32) -> String {
        format!(
            "{} {}",
            self.decimal(d, max_digits),
            unit.words(self.locale)
        )
    }

    /// A percentage (already rounded by the caller) with exactly `digits` fraction digits, as
    /// statistical tables print them, so that the figures of one chart line up: `"58,0%"`
    /// beside `"40,7%"`. Spoken, trailing zeros are dropped: `"58 phần trăm"`.
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use khuyencong_charts::{format::NumberFormat, Locale};
    /// let vi = NumberFormat::new(Locale::Vi);
    /// assert_eq!(vi.percent(Decimal::new(407, 1), 1), "40,7%");
    /// assert_eq!(vi.percent(Decimal::from(58), 1), "58,0%");
    /// assert_eq!(vi.percent(Decimal::from(100), 1), "100,0%");
    /// assert_eq!(vi.percent(Decimal::from(58), 0), "58%");
    /// assert_eq!(NumberFormat::new(Locale::En).percent(Decimal::new(5, 1), 2), "0.50%");
    /// assert_eq!(NumberFormat::spoken(Locale::Vi).percent(Decimal::from(100), 1), "100 phần trăm");
    /// ```
    pub fn percent(&self, d: Decimal, digits: u32) -> String {
        if self.spoken {
            let n = self.rounded(d, digits, false);
            format!("{n} {}", percent_words(self.locale))
        } else {
            let n = self.rounded(d, digits, true);
            format!("{n}%")
        }
    }

    /// A count of projects: `"33 đề án"`, `"1 project"`.
    pub fn projects(&self, n: u64) -> String {
        match self.locale {
            Locale::Vi => format!("{} đề án", self.integer(n)),
            Locale::En if n == 1 => "1 project".to_string(),
            Locale::En => format!("{} projects", self.integer(n)),
        }
    }
}

fn percent_words(locale: Locale) -> &'static str {
    match locale {
        Locale::Vi => "phần trăm",
        Locale::En => "percent",
    }
}

/// What a screen reader says where the eye sees [`DASH`].
pub fn no_data(locale: Locale) -> &'static str {
    match locale {
        Locale::Vi => "không có số liệu",
        Locale::En => "no data",
    }
}

/// A value that [`NumberFormat::new`] wrote for the eye (`"2.400 triệu đồng"`, `"95,2%"`,
/// `"58,0%"`, `"1.200 đề án"`, [`DASH`]) as [`NumberFormat::spoken`] writes it (`"2400 triệu
/// đồng"`, `"95,2 phần trăm"`, `"58 phần trăm"`, `"1200 đề án"`, `"không có số liệu"`). Only
/// for this module's output: an author's text is never rewritten.
///
/// ```
/// use khuyencong_charts::{format::speak, Locale};
/// assert_eq!(speak("1.234.567,5 tỷ đồng", Locale::Vi), "1234567,5 tỷ đồng");
/// assert_eq!(speak("1,200 projects; 95.2%", Locale::En), "1200 projects; 95.2 percent");
/// assert_eq!(speak("100,0%; 1.000,50%", Locale::Vi), "100 phần trăm; 1000,5 phần trăm");
/// assert_eq!(speak("–", Locale::Vi), "không có số liệu");
/// ```
pub fn speak(display: &str, locale: Locale) -> String {
    if display == DASH {
        return no_data(locale).to_string();
    }
    let NumberFormat { group, decimal, .. } = NumberFormat::new(locale);
    let chars: Vec<char> = display.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut out = String::with_capacity(display.len() + 12);
    for (i, &c) in chars.iter().enumerate() {
        let after_digit = i > 0 && digit(i - 1);
        if c == group && after_digit && digit(i + 1) {
            continue;
        }
        if c == '%' && after_digit {
            drop_trailing_zeros(&mut out, decimal);
            out.push(' ');
            out.push_str(percent_words(locale));
            continue;
        }
        out.push(c);
    }
    out
}

/// `"58,0"` → `"58"`, `"40,70"` → `"40,7"` at the end of `out` (a percentage's fixed digits,
/// as a voice should say them); `"100"` stays.
fn drop_trailing_zeros(out: &mut String, decimal: char) {
    let frac = out.len() - out.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let before = &out[..out.len() - frac];
    let Some(int) = before.strip_suffix(decimal) else {
        return;
    };
    if frac == 0 || !int.ends_with(|c: char| c.is_ascii_digit()) {
        return;
    }
    let kept = out.trim_end_matches('0').len();
    let int_end = int.len();
    out.truncate(if kept == int_end + 1 { int_end } else { kept });
}

impl Unit {
    /// The unit in words, as the press writes it.
    pub fn words(self, locale: Locale) -> &'static str {
        match (locale, self) {
            (Locale::Vi, Unit::Dong) => "đồng",
            (Locale::Vi, Unit::NghinDong) => "nghìn đồng",
            (Locale::Vi, Unit::TrieuDong) => "triệu đồng",
            (Locale::Vi, Unit::TyDong) => "tỷ đồng",
            (Locale::En, Unit::Dong) => "VND",
            (Locale::En, Unit::NghinDong) => "thousand VND",
            (Locale::En, Unit::TrieuDong) => "million VND",
            (Locale::En, Unit::TyDong) => "billion VND",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::str::FromStr;

    #[test]
    fn vietnamese_and_english_numbers() {
        let vi = NumberFormat::new(Locale::Vi);
        let en = NumberFormat::new(Locale::En);
        for (input, digits, want_vi, want_en) in [
            ("170.4", 2, "170,4", "170.4"),
            ("2400", 2, "2.400", "2,400"),
            ("1234567.891", 2, "1.234.567,89", "1,234,567.89"),
            ("0.005", 2, "0,01", "0.01"),
            ("0.004", 2, "0", "0"),
            ("999.995", 2, "1.000", "1,000"),
            ("100", 0, "100", "100"),
            ("12.50", 2, "12,5", "12.5"),
            ("0", 2, "0", "0"),
            (
                "1000000000000000",
                2,
                "1.000.000.000.000.000",
                "1,000,000,000,000,000",
            ),
        ] {
            let d = Decimal::from_str(input).unwrap();
            assert_eq!(vi.decimal(d, digits), want_vi, "vi {input} /{digits}");
            assert_eq!(en.decimal(d, digits), want_en, "en {input} /{digits}");
        }
    }

    #[test]
    fn amounts_percent_projects() {
        let vi = NumberFormat::new(Locale::Vi);
        let en = NumberFormat::new(Locale::En);
        let d = Decimal::from_str("170.4").unwrap();
        assert_eq!(vi.amount(d, Unit::TyDong, 2), "170,4 tỷ đồng");
        assert_eq!(en.amount(d, Unit::TyDong, 2), "170.4 billion VND");
        assert_eq!(
            vi.amount(Decimal::from(2400), Unit::TrieuDong, 2),
            "2.400 triệu đồng"
        );
        assert_eq!(
            en.amount(Decimal::from(2400), Unit::TrieuDong, 2),
            "2,400 million VND"
        );
        assert_eq!(vi.percent(Decimal::from_str("95.2").unwrap(), 1), "95,2%");
        assert_eq!(en.percent(Decimal::from_str("95.2").unwrap(), 1), "95.2%");
        assert_eq!(vi.projects(33), "33 đề án");
        assert_eq!(en.projects(1), "1 project");
        assert_eq!(en.projects(1200), "1,200 projects");
    }

    #[test]
    fn percentages_show_exactly_their_digits() {
        let vi = NumberFormat::new(Locale::Vi);
        let en = NumberFormat::new(Locale::En);
        let (vi_ear, en_ear) = (
            NumberFormat::spoken(Locale::Vi),
            NumberFormat::spoken(Locale::En),
        );
        for (input, digits, want_vi, want_en, said_vi) in [
            ("58", 1, "58,0%", "58.0%", "58 phần trăm"),
            ("40.7", 1, "40,7%", "40.7%", "40,7 phần trăm"),
            ("100", 1, "100,0%", "100.0%", "100 phần trăm"),
            ("0", 1, "0,0%", "0.0%", "0 phần trăm"),
            ("58", 0, "58%", "58%", "58 phần trăm"),
            ("58.5", 0, "59%", "59%", "59 phần trăm"),
            ("46.65", 1, "46,7%", "46.7%", "46,7 phần trăm"),
            ("46.649", 1, "46,6%", "46.6%", "46,6 phần trăm"),
            ("99.96", 1, "100,0%", "100.0%", "100 phần trăm"),
            ("0.5", 2, "0,50%", "0.50%", "0,5 phần trăm"),
            (
                "12.3456",
                6,
                "12,345600%",
                "12.345600%",
                "12,3456 phần trăm",
            ),
            ("1250", 1, "1.250,0%", "1,250.0%", "1250 phần trăm"),
        ] {
            let d = Decimal::from_str(input).unwrap();
            assert_eq!(vi.percent(d, digits), want_vi, "vi {input} /{digits}");
            assert_eq!(en.percent(d, digits), want_en, "en {input} /{digits}");
            assert_eq!(
                vi_ear.percent(d, digits),
                said_vi,
                "spoken vi {input} /{digits}"
            );
            assert_eq!(
                speak(want_vi, Locale::Vi),
                said_vi,
                "speak vi {input} /{digits}"
            );
            let said_en = said_vi.replace(',', ".").replace("phần trăm", "percent");
            assert_eq!(
                en_ear.percent(d, digits),
                said_en,
                "spoken en {input} /{digits}"
            );
            assert_eq!(
                speak(want_en, Locale::En),
                said_en,
                "speak en {input} /{digits}"
            );
        }
        // Amounts and ratios still drop trailing zeros.
        assert_eq!(vi.decimal(Decimal::from(58), 1), "58");
        assert_eq!(
            vi.amount(Decimal::new(1250, 1), Unit::TyDong, 2),
            "125 tỷ đồng"
        );
    }

    #[test]
    fn spoken_numbers_have_no_grouping_and_say_percent() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        for (locale, big, pct, projects, words) in [
            (
                Locale::Vi,
                "1234567,89 triệu đồng",
                "95,25 phần trăm",
                "1200 đề án",
                "không có số liệu",
            ),
            (
                Locale::En,
                "1234567.89 million VND",
                "95.25 percent",
                "1200 projects",
                "no data",
            ),
        ] {
            let spoken = NumberFormat::spoken(locale);
            assert_eq!(spoken.amount(d("1234567.891"), Unit::TrieuDong, 2), big);
            assert_eq!(spoken.percent(d("95.25"), 2), pct);
            assert_eq!(spoken.projects(1200), projects);
            assert_eq!(speak(DASH, locale), words);
        }
        // The display text of every figure, spoken, is what the spoken format writes: over
        // amounts from 0 to 10^15 with 0..=8 fraction digits, at 0..=3 digits.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..4000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let scale = (x % 9) as u32;
            let value = Decimal::from_i128_with_scale((x >> 8) as i128 % 10_i128.pow(15), scale);
            let digits = (x >> 60) as u32 % 4;
            for locale in [Locale::Vi, Locale::En] {
                let (eye, ear) = (NumberFormat::new(locale), NumberFormat::spoken(locale));
                let shown = eye.amount(value, Unit::TyDong, digits);
                let said = ear.amount(value, Unit::TyDong, digits);
                assert_eq!(speak(&shown, locale), said, "{value} /{digits}");
                assert!(!said.contains(eye.group), "{said}");
                let shown = eye.percent(value, digits);
                assert_eq!(speak(&shown, locale), ear.percent(value, digits));
                let n = x >> 20;
                assert_eq!(speak(&eye.projects(n), locale), ear.projects(n));
            }
        }
    }
}
