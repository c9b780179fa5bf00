//! Amounts as the data writes them: a canonical decimal string or a JSON number literal, read
//! exactly, with the canonical form named when a refused text has an unambiguous intent.

use rust_decimal::Decimal;

#[cfg(feature = "messages")]
use super::canonical_text;
use crate::error::{clip, AmountReason, ErrorKind, Limit};
use crate::host;
use crate::limits;

/// Why an amount's text was refused (before a path is attached).
fn amount_error(text: &str, reason: AmountReason, canonical: Option<String>) -> ErrorKind {
    ErrorKind::InvalidAmount {
        text: clip(text),
        canonical,
        other: None,
        reason,
    }
}

/// Builds a Decimal from ASCII digits `int` and `frac` (already validated).
fn from_digits(int: &str, frac: &str) -> Option<Decimal> {
    if int.len() + frac.len() <= 18 {
        // The usual amount: 64-bit arithmetic (i128 multiplication is a library call in
        // WebAssembly).
        // Two loops, not a chained iterator: at opt-level "z" the chain's `next` is a call.
        let mut mantissa: i64 = 0;
        for &b in int.as_bytes() {
            mantissa = mantissa * 10 + i64::from(b.checked_sub(b'0')?);
        }
        for &b in frac.as_bytes() {
            mantissa = mantissa * 10 + i64::from(b.checked_sub(b'0')?);
        }
        return Decimal::try_new(mantissa, u32::try_from(frac.len()).ok()?).ok();
    }
    let mut mantissa: i128 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        let d = i128::from(b.checked_sub(b'0')?);
        mantissa = mantissa.checked_mul(10)?.checked_add(d)?;
    }
    let scale = u32::try_from(frac.len()).ok()?;
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

/// `"12.5"` → (`"12"`, `"5"`); `"12"` → (`"12"`, `""`). (A byte search: this runs for every
/// amount of every record.)
fn split_at_point(s: &str) -> (&str, &str) {
    match s.bytes().position(|b| b == b'.') {
        Some(i) => (s.get(..i).unwrap_or(""), s.get(i + 1..).unwrap_or("")),
        None => (s, ""),
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Reads an amount written as a JSON string: canonical form only (`"1234.5"`: optional
/// fraction after a dot, no sign, no grouping, no exponent, no leading zeros).
///
/// Refusals name the canonical form when the intent is clear: `"1,5"` → `"1.5"`,
/// `"2.400,5"` → `"2400.5"`, `"1.234.567"` → `"1234567"`, `"007"` → `"7"`.
///
/// ```
/// use khuyencong_charts::exact::parse_amount;
/// assert_eq!(parse_amount("170.4").unwrap().to_string(), "170.4");
/// assert!(parse_amount("1,5").is_err());
/// ```
pub fn parse_amount(text: &str) -> Result<Decimal, ErrorKind> {
    if let Some(rest) = text.strip_prefix('-') {
        match parse_amount(rest) {
            // "-0" is zero written with a sign: not negative, just not canonical.
            Ok(v) if v.is_zero() => {
                return Err(amount_error(text, AmountReason::Notation, Some("0".into())))
            }
            Ok(_) => {
                return Err(ErrorKind::NegativeAmount {
                    text: clip(text),
                    count: false,
                })
            }
            Err(_) => {}
        }
    }
    let (int, frac) = match text.bytes().position(|b| b == b'.') {
        Some(i) => (text.get(..i).unwrap_or(""), text.get(i + 1..)),
        None => (text, None),
    };
    let canonical_ok =
        all_digits(int) && (int == "0" || !int.starts_with('0')) && frac.is_none_or(all_digits);
    if canonical_ok {
        let frac = frac.unwrap_or("");
        if u32::try_from(frac.len()).map_or(true, |n| n > limits::MAX_FRACTION_DIGITS) {
            return Err(amount_error(text, AmountReason::TooPrecise, None));
        }
        if int.len() > limits::MAX_AMOUNT_EXP as usize + 1 {
            return Err(ErrorKind::TooLarge {
                limit: Limit::Amount,
            });
        }
        let value = from_digits(int, frac)
            .ok_or_else(|| amount_error(text, AmountReason::NotANumber, None))?;
        // Fewer integer digits than 10^MAX_AMOUNT_EXP has: below it, no comparison needed.
        if int.len() > limits::MAX_AMOUNT_EXP as usize && value > max_amount() {
            return Err(ErrorKind::TooLarge {
                limit: Limit::Amount,
            });
        }
        return Ok(value);
    }
    // "1,500": Vietnamese 1.5 or English 1500. Guessing loses money: name both readings.
    #[cfg(feature = "messages")]
    let (int, frac) = text.split_once(',').unwrap_or(("", ""));
    #[cfg(feature = "messages")]
    if (1..=3).contains(&int.len()) && frac.len() == 3 && all_digits(int) && all_digits(frac) {
        return Err(ErrorKind::InvalidAmount {
            text: clip(text),
            canonical: join(int, frac.trim_end_matches('0')),
            other: Some(strip_leading_zeros(&format!("{int}{frac}"))),
            reason: AmountReason::Ambiguous,
        });
    }
    let (reason, canonical) = diagnose(text);
    Err(amount_error(text, reason, canonical))
}

/// Without the error sentences (the reader's build), the reason and the canonical form, which
/// only they use, are not worked out: the full build that says the sentence does that.
#[cfg(not(feature = "messages"))]
fn diagnose(_text: &str) -> (AmountReason, Option<String>) {
    (AmountReason::Notation, None)
}

/// Classifies a non-canonical amount and, when the intent is unambiguous, gives its
/// canonical form.
#[cfg(feature = "messages")]
fn diagnose(text: &str) -> (AmountReason, Option<String>) {
    let t = text.trim();
    let compact: String = t
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_'))
        .collect();
    if compact.is_empty() || !compact.bytes().any(|b| b.is_ascii_digit()) {
        return (AmountReason::NotANumber, None);
    }
    if !compact
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        // Letters, signs, exponents...: maybe a number with an exponent or plus sign.
        return (AmountReason::NotANumber, canonical_from_number(&compact));
    }
    let dots = compact.matches('.').count();
    let commas = compact.matches(',').count();
    let canonical = match (dots, commas) {
        // "007", " 12 ", "1 234": only grouping/whitespace/leading zeros to fix.
        (0, 0) => Some(strip_leading_zeros(&compact)),
        // "1,5": Vietnamese decimal comma.
        (0, 1) => {
            let (i, f) = compact.split_once(',').unwrap_or((&compact, ""));
            join(i, f)
        }
        // "2.400,5" or "1.234.567,89": Vietnamese grouping dots and decimal comma.
        (_, 1) if grouped(compact.split_once(',').map_or("", |p| p.0), '.') => {
            let (i, f) = compact.split_once(',').unwrap_or((&compact, ""));
            join(&i.replace('.', ""), f)
        }
        // "1.234.567": several dots can only be grouping.
        (d, 0) if d > 1 && grouped(&compact, '.') => {
            Some(strip_leading_zeros(&compact.replace('.', "")))
        }
        // "1,234.5" or "1,234,567": English grouping commas.
        (_, c)
            if c >= 1
                && grouped(
                    compact.split_once('.').map_or(compact.as_str(), |p| p.0),
                    ',',
                )
                && dots <= 1 =>
        {
            let (i, f) = compact.split_once('.').unwrap_or((&compact, ""));
            join(&i.replace(',', ""), f)
        }
        // ".5", "5.", "01.5"
        (1, 0) => {
            let (i, f) = compact.split_once('.').unwrap_or((&compact, ""));
            join(i, f)
        }
        _ => None,
    };
    (AmountReason::Notation, canonical)
}

/// Whether `s` is digits grouped in threes by `sep` (`1.234.567`).
#[cfg(feature = "messages")]
fn grouped(s: &str, sep: char) -> bool {
    let mut parts = s.split(sep);
    let first_ok = parts
        .next()
        .is_some_and(|p| !p.is_empty() && p.len() <= 3 && all_digits(p));
    let mut n = 0;
    for p in parts {
        if p.len() != 3 || !all_digits(p) {
            return false;
        }
        n += 1;
    }
    first_ok && n >= 1
}

#[cfg(feature = "messages")]
fn strip_leading_zeros(s: &str) -> String {
    let t = s.trim_start_matches('0');
    if t.is_empty() || t.starts_with('.') {
        format!("0{t}")
    } else {
        t.to_string()
    }
}

#[cfg(feature = "messages")]
fn join(int: &str, frac: &str) -> Option<String> {
    let int = if int.is_empty() { "0" } else { int };
    if !all_digits(int) || !(frac.is_empty() || all_digits(frac)) {
        return None;
    }
    let int = strip_leading_zeros(int);
    if frac.is_empty() {
        Some(int)
    } else {
        Some(format!("{int}.{frac}"))
    }
}

/// The canonical text of a JSON-number-like string (`"1e3"` → `"1000"`), if it is one.
#[cfg(feature = "messages")]
fn canonical_from_number(s: &str) -> Option<String> {
    let s = s.strip_prefix('+').unwrap_or(s);
    let d = number_literal(s).ok()?;
    Some(canonical_text(d))
}

/// The largest amount, 10^15.
pub fn max_amount() -> Decimal {
    Decimal::from(10u64.pow(limits::MAX_AMOUNT_EXP))
}

/// Reads an amount given as a JSON number literal. The value is the number's shortest
/// round-trip decimal (what `JSON.stringify` prints), so `0.1` is exactly 0.1 and a literal
/// with more digits than a double holds is taken as the double it denotes.
///
/// ```
/// use khuyencong_charts::exact::amount_from_number;
/// assert_eq!(amount_from_number("0.1").unwrap().to_string(), "0.1");
/// assert_eq!(amount_from_number("1.5e3").unwrap().to_string(), "1500");
/// assert_eq!(amount_from_number("0.1000000000000000055511151231257827").unwrap().to_string(), "0.1");
/// ```
pub fn amount_from_number(literal: &str) -> Result<Decimal, ErrorKind> {
    if literal.starts_with('-') && literal.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        let mantissa_part = literal.split(['e', 'E']).next().unwrap_or("");
        if mantissa_part.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            return Err(ErrorKind::NegativeAmount {
                text: clip(literal),
                count: false,
            });
        }
    }
    let literal = literal.strip_prefix('-').unwrap_or(literal);
    let significant = significant_digits(literal);
    let exact = if significant <= 15 {
        // Up to 15 significant digits a decimal survives the trip through a double
        // unchanged, so the literal already is the shortest round-trip text.
        number_literal(literal)?
    } else {
        let shortest = host::shortest_round_trip(literal).ok_or(ErrorKind::TooLarge {
            limit: Limit::Amount,
        })?;
        number_literal(&shortest)?
    };
    if exact > max_amount() {
        return Err(ErrorKind::TooLarge {
            limit: Limit::Amount,
        });
    }
    if exact.scale() > limits::MAX_FRACTION_DIGITS {
        return Err(amount_error(literal, AmountReason::TooPrecise, None));
    }
    Ok(exact)
}

fn significant_digits(literal: &str) -> usize {
    let mantissa = literal.split(['e', 'E']).next().unwrap_or("");
    // Digits from the first non-zero one to the last, the decimal point not counted.
    let (mut count, mut first, mut last) = (0, None, 0);
    for b in mantissa.bytes().filter(u8::is_ascii_digit) {
        if b != b'0' {
            first.get_or_insert(count);
            last = count;
        }
        count += 1;
    }
    first.map_or(0, |f| last - f + 1)
}

/// An unsigned JSON number literal (grammar already checked) as an exact, normalized Decimal.
fn number_literal(literal: &str) -> Result<Decimal, ErrorKind> {
    let too_large = || ErrorKind::TooLarge {
        limit: Limit::Amount,
    };
    // The usual literal, `1234.5` (no exponent, within the limits): read directly, trailing
    // zeros of the fraction dropped as below.
    if !literal.bytes().any(|b| b == b'e' || b == b'E') {
        let (int, frac) = split_at_point(literal);
        let frac = frac.trim_end_matches('0');
        if all_digits(int)
            && (frac.is_empty() || all_digits(frac))
            && int.trim_start_matches('0').len() <= limits::MAX_AMOUNT_EXP as usize
            && frac.len() <= limits::MAX_FRACTION_DIGITS as usize
        {
            if let Some(value) = from_digits(int, frac) {
                return Ok(value);
            }
        }
    }
    let (mantissa, exp) = match literal.split_once(['e', 'E']) {
        Some((m, e)) => {
            let e = e.strip_prefix('+').unwrap_or(e);
            let e: i64 = e.parse().map_err(|_| too_large())?;
            (m, e)
        }
        None => (literal, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if !all_digits(int) || !(frac.is_empty() || all_digits(frac)) {
        return Err(amount_error(literal, AmountReason::NotANumber, None));
    }
    let digits = format!("{int}{frac}");
    let digits = digits.trim_start_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    // value = digits × 10^(exp − len(frac))
    let point = exp - i64::try_from(frac.len()).map_err(|_| too_large())?;
    let sig = digits.trim_end_matches('0');
    let sig = if sig.is_empty() { "0" } else { sig };
    let point = point + i64::try_from(digits.len() - sig.len()).map_err(|_| too_large())?;
    if sig == "0" {
        return Ok(Decimal::ZERO);
    }
    if point >= 0 {
        let int_len = i64::try_from(sig.len()).map_err(|_| too_large())? + point;
        if int_len > i64::from(limits::MAX_AMOUNT_EXP) + 1 {
            return Err(too_large());
        }
        let zeros = "0".repeat(usize::try_from(point).map_err(|_| too_large())?);
        from_digits(&format!("{sig}{zeros}"), "").ok_or_else(too_large)
    } else {
        let scale = u64::try_from(-point).map_err(|_| too_large())?;
        if scale > u64::from(limits::MAX_FRACTION_DIGITS) {
            return Err(amount_error(literal, AmountReason::TooPrecise, None));
        }
        let scale = usize::try_from(scale).map_err(|_| too_large())?;
        let padded = format!("{}{sig}", "0".repeat(scale.saturating_sub(sig.len())));
        let split = padded.len() - scale;
        let (i, f) = (
            padded.get(..split).unwrap_or(""),
            padded.get(split..).unwrap_or(""),
        );
        from_digits(if i.is_empty() { "0" } else { i }, f).ok_or_else(too_large)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::canonical_text;

    #[test]
    fn canonical_amounts() {
        for (text, want) in [
            ("0", "0"),
            ("170.4", "170.4"),
            ("1.50", "1.5"),
            ("1000000000000000", "1000000000000000"),
            ("0.00000001", "0.00000001"),
        ] {
            assert_eq!(
                canonical_text(parse_amount(text).unwrap()),
                want,
                "input {text}"
            );
        }
    }

    #[test]
    fn non_canonical_amounts_name_the_canonical_form() {
        for (text, want) in [
            ("1,5", Some("1.5")),
            ("2.400,5", Some("2400.5")),
            ("1.234.567", Some("1234567")),
            ("1.234.567,89", Some("1234567.89")),
            ("1,234.5", Some("1234.5")),
            ("007", Some("7")),
            (".5", Some("0.5")),
            (" 12 ", Some("12")),
            ("1 234", Some("1234")),
            ("1e3", Some("1000")),
            ("abc", None),
            ("NaN", None),
            ("Infinity", None),
            ("", None),
            ("1.2.3,4", None),
            ("-0", Some("0")),
        ] {
            match parse_amount(text) {
                Err(ErrorKind::InvalidAmount { canonical, .. }) => {
                    assert_eq!(canonical.as_deref(), want, "input {text:?}")
                }
                other => panic!("input {text:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn one_comma_and_three_digits_is_ambiguous() {
        match parse_amount("1,500") {
            Err(ErrorKind::InvalidAmount {
                canonical,
                other,
                reason: AmountReason::Ambiguous,
                ..
            }) => assert_eq!(
                (canonical.as_deref(), other.as_deref()),
                (Some("1.5"), Some("1500"))
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn limits_on_amounts() {
        assert!(matches!(
            parse_amount("-5"),
            Err(ErrorKind::NegativeAmount { .. })
        ));
        assert!(matches!(
            parse_amount("1000000000000000.1"),
            Err(ErrorKind::TooLarge { .. })
        ));
        assert!(matches!(
            parse_amount("10000000000000000"),
            Err(ErrorKind::TooLarge { .. })
        ));
        assert!(matches!(
            parse_amount("0.000000001"),
            Err(ErrorKind::InvalidAmount {
                reason: AmountReason::TooPrecise,
                ..
            })
        ));
    }

    #[test]
    fn numbers_take_their_shortest_round_trip_value() {
        for (lit, want) in [
            ("0.1", "0.1"),
            ("79.5", "79.5"),
            ("1e2", "100"),
            ("1.5E+1", "15"),
            ("250e-2", "2.5"),
            ("0", "0"),
            ("-0", "0"),
            ("0.30000000000000004", "0.30000000000000004"),
            ("12345678.123456789012", "12345678.12345679"),
            ("1234567.12345678", "1234567.12345678"),
        ] {
            match amount_from_number(lit) {
                Ok(d) => assert_eq!(canonical_text(d), want, "literal {lit}"),
                Err(ErrorKind::InvalidAmount {
                    reason: AmountReason::TooPrecise,
                    ..
                }) => {
                    assert!(
                        want.split('.').nth(1).is_some_and(|f| f.len() > 9),
                        "literal {lit}"
                    )
                }
                Err(e) => panic!("literal {lit}: {e:?}"),
            }
        }
        assert!(matches!(
            amount_from_number("-1"),
            Err(ErrorKind::NegativeAmount { .. })
        ));
        assert!(matches!(
            amount_from_number("1e400"),
            Err(ErrorKind::TooLarge { .. })
        ));
        assert!(matches!(
            amount_from_number("1e16"),
            Err(ErrorKind::TooLarge { .. })
        ));
        assert!(matches!(
            amount_from_number("1e-400"),
            Err(ErrorKind::InvalidAmount {
                reason: AmountReason::TooPrecise,
                ..
            })
        ));
    }
}
