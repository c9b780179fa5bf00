//! Exact decimal arithmetic on top of `rust_decimal`: reading amounts, adding without silent
//! rescaling, and dividing with correctly rounded results.
//!
//! `Decimal`'s own division returns 28 significant digits, already rounded; rounding that again
//! to one decimal place can go wrong when the true quotient lies just below a midpoint (double
//! rounding). [`round_div`] therefore checks its answer with exact integer comparisons, so
//! `attainment`, `share` and `leverage` are the true quotient rounded half away from zero.

use core::cmp::Ordering;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::{AmountReason, Error, ErrorKind, Limit, Result};
use crate::json::clip;
use crate::limits;

/// The rounding the press uses, and the only one this crate applies: half away from zero.
pub const ROUNDING: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

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
        let shortest = shortest_round_trip(literal).ok_or(ErrorKind::TooLarge {
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

/// The shortest decimal text that reads back as the same double as `literal` (what
/// `JSON.stringify` prints), or `None` if the double is not finite.
#[cfg(not(target_arch = "wasm32"))]
fn shortest_round_trip(literal: &str) -> Option<String> {
    let f: f64 = literal.parse().ok()?;
    // Rust prints a double as its shortest round-trip decimal, without an exponent.
    f.is_finite().then(|| format!("{f}"))
}

/// In the browser the engine's own `Number` does this (the same algorithm `JSON.stringify`
/// uses), which keeps Rust's float parsing and printing code out of the wasm file.
#[cfg(target_arch = "wasm32")]
fn shortest_round_trip(literal: &str) -> Option<String> {
    crate::web::shortest_round_trip(literal)
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

/// A Decimal's canonical text: no exponent, no trailing fraction zeros (`"179.1"`, `"95"`).
///
/// ```
/// use rust_decimal::Decimal;
/// assert_eq!(khuyencong_charts::exact::canonical_text(Decimal::new(17910, 2)), "179.1");
/// ```
pub fn canonical_text(d: Decimal) -> String {
    let (int, frac) = split_digits(d);
    let sign = if d.is_sign_negative() && !d.is_zero() {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// The decimal digits of `n`, through 64-bit formatting: u128's own `Display` would be ~1.3 KB
/// of the reader's wasm for this one use (a `Decimal`'s mantissa, under 2^96).
fn digits_of(n: u128) -> String {
    const E19: u128 = 10_000_000_000_000_000_000;
    if let Ok(small) = u64::try_from(n) {
        return small.to_string();
    }
    let mut out = digits_of(n / E19);
    let low = u64::try_from(n % E19).map_or_else(|_| String::new(), |l| l.to_string());
    for _ in low.len()..19 {
        out.push('0');
    }
    out.push_str(&low);
    out
}

/// The integer digits and the fraction digits (trailing zeros removed) of `|d|`.
pub fn split_digits(d: Decimal) -> (String, String) {
    let d = d.normalize();
    let digits = digits_of(d.mantissa().unsigned_abs());
    let scale = d.scale() as usize;
    if scale == 0 {
        return (digits, String::new());
    }
    let padded = if digits.len() <= scale {
        format!("{}{digits}", "0".repeat(scale + 1 - digits.len()))
    } else {
        digits
    };
    let split = padded.len() - scale;
    (
        padded.get(..split).unwrap_or("0").to_string(),
        padded.get(split..).unwrap_or("").to_string(),
    )
}

/// `a + b`, or an `overflow` error if the sum cannot be held exactly (rust_decimal would
/// otherwise round it silently to fewer fraction digits).
pub fn add(a: Decimal, b: Decimal, path: &str) -> Result<Decimal> {
    sum(a, b).ok_or_else(|| Error::new(ErrorKind::Overflow, path))
}

/// `a + b` exactly, or `None` if the sum cannot be held exactly (see [`add`]). The analysis
/// calls this for every measure of every record in each of its groups, so the common case (both
/// mantissas within 64 bits, neither zero) is done with 64-bit integer arithmetic: aligning
/// scales through rust_decimal's 96-bit routines is a multiplication loop per add, and a
/// 128-bit multiplication is a library call in wasm. The result is the one rust_decimal
/// gives, scale included (tested against it).
pub fn sum(a: Decimal, b: Decimal) -> Option<Decimal> {
    if !a.is_zero() && !b.is_zero() {
        if let (Ok(ma), Ok(mb)) = (i64::try_from(a.mantissa()), i64::try_from(b.mantissa())) {
            if let Some((m, scale)) = aligned_add(ma, a.scale(), mb, b.scale()) {
                if let Ok(d) = Decimal::try_new(m, scale) {
                    return Some(d);
                }
            }
        }
    }
    let sum = a.checked_add(b)?;
    // An exact sum keeps the larger scale; rust_decimal lowers it (rounding) only when the
    // mantissa would not fit. When one operand is zero it returns the other as it is, with that
    // one's scale: exact, whatever the scales.
    if sum.scale() < a.scale().max(b.scale()) && !a.is_zero() && !b.is_zero() {
        return None;
    }
    Some(sum)
}

/// A running exact sum, for the analysis's loop over records: what a chain of [`sum`] calls
/// gives (value and scale), kept as an i64 mantissa and a scale while it fits. Each add then
/// unpacks only the record's amount and packs nothing; the total is made a `Decimal` once, by
/// [`Running::value`]. Every case the 64-bit path does not cover (a zero on either side, a
/// mantissa past 64 bits, an overflow) is handed to [`sum`] itself, so the two cannot differ
/// (tested against it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Running {
    /// Nothing added yet.
    #[default]
    Empty,
    /// `mantissa × 10^-scale`.
    Small(i64, u32),
    /// Past 64 bits.
    Big(Decimal),
}

impl Running {
    /// Adds `v`; `None` when the sum does not fit a `Decimal` exactly (as [`sum`]).
    pub fn add(&mut self, v: Decimal) -> Option<()> {
        if let Running::Small(m, s) = *self {
            if m != 0 && !v.is_zero() {
                if let Ok(vm) = i64::try_from(v.mantissa()) {
                    if let Some((x, scale)) = aligned_add(m, s, vm, v.scale()) {
                        *self = Running::Small(x, scale);
                        return Some(());
                    }
                }
            }
        }
        let total = match self.value() {
            None => v,
            Some(a) => sum(a, v)?,
        };
        *self = match i64::try_from(total.mantissa()) {
            Ok(m) => Running::Small(m, total.scale()),
            Err(_) => Running::Big(total),
        };
        Some(())
    }

    /// The sum so far; `None` before the first add.
    pub fn value(self) -> Option<Decimal> {
        match self {
            Running::Empty => None,
            // Scales come from Decimals (≤ 28), so this cannot fail.
            Running::Small(m, s) => Decimal::try_new(m, s).ok(),
            Running::Big(d) => Some(d),
        }
    }
}

/// `ma × 10^-sa + mb × 10^-sb` at the larger scale, if every step fits in an i64.
fn aligned_add(ma: i64, sa: u32, mb: i64, sb: u32) -> Option<(i64, u32)> {
    if sa >= sb {
        scaled(mb, sa - sb)
            .and_then(|mb| ma.checked_add(mb))
            .map(|m| (m, sa))
    } else {
        scaled(ma, sb - sa)
            .and_then(|ma| ma.checked_add(mb))
            .map(|m| (m, sb))
    }
}

/// `m × 10^e` if it fits in an i64. Compared against a bound first: `checked_mul` on i64 is a
/// 128-bit multiplication (a library call) in wasm.
fn scaled(m: i64, e: u32) -> Option<i64> {
    let p = pow10_i64(e)?;
    (m.unsigned_abs() <= (i64::MAX / p).unsigned_abs()).then(|| m * p)
}

/// 10^e as an i64, for e ≤ 18.
fn pow10_i64(e: u32) -> Option<i64> {
    const POW10: [i64; 19] = [
        1,
        10,
        100,
        1_000,
        10_000,
        100_000,
        1_000_000,
        10_000_000,
        100_000_000,
        1_000_000_000,
        10_000_000_000,
        100_000_000_000,
        1_000_000_000_000,
        10_000_000_000_000,
        100_000_000_000_000,
        1_000_000_000_000_000,
        10_000_000_000_000_000,
        100_000_000_000_000_000,
        1_000_000_000_000_000_000,
    ];
    POW10.get(e as usize).copied()
}

/// `factor × n / d` rounded half away from zero to `dp` fraction digits, exactly.
/// `None` when `d` is zero. `n` and `d` must be non-negative.
///
/// The quotient is computed by integer long division on the decimals' mantissas,
/// `q = ⌊factor · n_m · 10^(dp + d_s) / (d_m · 10^n_s)⌋`, and rounded up when twice the remainder
/// reaches the divisor: no intermediate rounding anywhere.
///
/// ```
/// use rust_decimal::Decimal;
/// use khuyencong_charts::exact::round_div;
/// // 100 × 170.4 / 179 = 95.195… → 95.2
/// let a = round_div(Decimal::new(1704, 1), Decimal::from(179), 100, 1).unwrap().unwrap();
/// assert_eq!(a.to_string(), "95.2");
/// ```
pub fn round_div(
    n: Decimal,
    d: Decimal,
    factor: u32,
    dp: u32,
) -> Result<Option<Decimal>, ErrorKind> {
    if d.is_zero() {
        return Ok(None);
    }
    if n.is_sign_negative() && !n.is_zero() || d.is_sign_negative() {
        return Err(ErrorKind::Overflow);
    }
    let dp = dp.min(12);
    if let Some(q) = round_div_u128(n, d, factor, dp) {
        return Decimal::try_from_i128_with_scale(q, dp)
            .map(|v| Some(v.normalize()))
            .map_err(|_| ErrorKind::Overflow);
    }
    let num = Big::from_u128(n.mantissa().unsigned_abs())
        .mul_u128(u128::from(factor))
        .mul_pow10(dp + d.scale());
    let den = Big::from_u128(d.mantissa().unsigned_abs()).mul_pow10(n.scale());
    let (q, r) = num.div_rem(&den);
    // Half away from zero: up when 2r ≥ den.
    let q = if r.shl1().cmp(&den) == Ordering::Less {
        q
    } else {
        q.add_one()
    };
    let q = q.to_u128().ok_or(ErrorKind::Overflow)?;
    let q = i128::try_from(q).map_err(|_| ErrorKind::Overflow)?;
    Decimal::try_from_i128_with_scale(q, dp)
        .map(|v| Some(v.normalize()))
        .map_err(|_| ErrorKind::Overflow)
}

/// The same quotient in native 128-bit integers, when every intermediate fits (the usual
/// case: published figures have few digits). `None` sends the caller to the big-integer path.
fn round_div_u128(n: Decimal, d: Decimal, factor: u32, dp: u32) -> Option<i128> {
    let num = n
        .mantissa()
        .unsigned_abs()
        .checked_mul(u128::from(factor))?
        .checked_mul(10u128.checked_pow(dp + d.scale())?)?;
    let den = d
        .mantissa()
        .unsigned_abs()
        .checked_mul(10u128.checked_pow(n.scale())?)?;
    let (q, r) = (num.checked_div(den)?, num.checked_rem(den)?);
    // 2r ≥ den, written so that it cannot overflow (r < den).
    let q = if r >= den - r { q.checked_add(1)? } else { q };
    i128::try_from(q).ok()
}

/// Rounds an exact value half away from zero to `dp` fraction digits.
pub fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, ROUNDING).normalize()
}

/// A little unsigned big integer (base 2^32, little-endian, no trailing zero limbs): just
/// enough for exact division of scaled decimal mantissas (a few hundred bits at most).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Big(Vec<u32>);

impl Big {
    fn trim(mut self) -> Big {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        self
    }

    fn from_u128(mut v: u128) -> Big {
        let mut limbs = Vec::with_capacity(4);
        while v > 0 {
            limbs.push((v & 0xFFFF_FFFF) as u32);
            v >>= 32;
        }
        Big(limbs)
    }

    fn to_u128(&self) -> Option<u128> {
        if self.0.len() > 4 {
            return None;
        }
        Some(
            self.0
                .iter()
                .rev()
                .fold(0u128, |acc, &limb| (acc << 32) | u128::from(limb)),
        )
    }

    fn mul_u128(&self, m: u128) -> Big {
        let other = Big::from_u128(m);
        let mut out = vec![0u32; self.0.len() + other.0.len() + 1];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry: u64 = 0;
            for (j, &b) in other.0.iter().enumerate() {
                if let Some(slot) = out.get_mut(i + j) {
                    let t = u64::from(*slot) + u64::from(a) * u64::from(b) + carry;
                    *slot = (t & 0xFFFF_FFFF) as u32;
                    carry = t >> 32;
                }
            }
            if let Some(slot) = out.get_mut(i + other.0.len()) {
                // The slot is still zero here: a product row never carries further.
                *slot = (carry & 0xFFFF_FFFF) as u32;
            }
        }
        Big(out).trim()
    }

    fn mul_pow10(&self, mut e: u32) -> Big {
        let mut v = self.clone();
        while e > 0 {
            let step = e.min(19);
            v = v.mul_u128(10u128.pow(step));
            e -= step;
        }
        v
    }

    fn bits(&self) -> usize {
        match self.0.last() {
            Some(&top) => (self.0.len() - 1) * 32 + (32 - top.leading_zeros() as usize),
            None => 0,
        }
    }

    fn bit(&self, i: usize) -> bool {
        self.0
            .get(i / 32)
            .is_some_and(|limb| (limb >> (i % 32)) & 1 == 1)
    }

    fn shl1(&self) -> Big {
        let mut out = Vec::with_capacity(self.0.len() + 1);
        let mut carry = 0u32;
        for &limb in &self.0 {
            out.push((limb << 1) | carry);
            carry = limb >> 31;
        }
        out.push(carry);
        Big(out).trim()
    }

    fn set_bit0(&mut self) {
        match self.0.first_mut() {
            Some(limb) => *limb |= 1,
            None => self.0.push(1),
        }
    }

    fn add_one(&self) -> Big {
        let mut out = self.0.clone();
        for limb in out.iter_mut() {
            let (v, overflow) = limb.overflowing_add(1);
            *limb = v;
            if !overflow {
                return Big(out);
            }
        }
        out.push(1);
        Big(out)
    }

    /// `self − other`, for `self ≥ other`.
    fn sub(&self, other: &Big) -> Big {
        let mut out = Vec::with_capacity(self.0.len());
        let mut borrow = 0i64;
        for (i, &a) in self.0.iter().enumerate() {
            let b = i64::from(other.0.get(i).copied().unwrap_or(0));
            let mut t = i64::from(a) - b - borrow;
            borrow = 0;
            if t < 0 {
                t += 1 << 32;
                borrow = 1;
            }
            out.push((t & 0xFFFF_FFFF) as u32);
        }
        Big(out).trim()
    }

    /// Quotient and remainder by binary long division (the operands are a few hundred bits).
    fn div_rem(&self, den: &Big) -> (Big, Big) {
        let mut q = Big::default();
        let mut r = Big::default();
        for i in (0..self.bits()).rev() {
            r = r.shl1();
            if self.bit(i) {
                r.set_bit0();
            }
            q = q.shl1();
            if r.cmp(den) != Ordering::Less {
                r = r.sub(den);
                q.set_bit0();
            }
        }
        (q, r)
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn digits_of_is_u128_display() {
        let mut values = vec![
            0u128,
            9,
            10,
            u128::from(u64::MAX),
            u128::from(u64::MAX) + 1,
            10u128.pow(19),
            10u128.pow(19) - 1,
            10u128.pow(38),
            u128::MAX,
            (1u128 << 96) - 1,
        ];
        let mut x: u128 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..10_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.push(x >> (x % 128) as u32);
        }
        for v in values {
            assert_eq!(super::digits_of(v), v.to_string());
        }
    }

    use super::*;
    use core::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

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

    #[test]
    fn round_div_is_exact_at_midpoints() {
        // 1/8 = 0.125 → 0.13 (half away from zero), banker's would give 0.12.
        assert_eq!(
            round_div(dec("1"), dec("8"), 1, 2).unwrap().unwrap(),
            dec("0.13")
        );
        // 100 × 1 / 3 = 33.333… → 33.3
        assert_eq!(
            round_div(dec("1"), dec("3"), 100, 1).unwrap().unwrap(),
            dec("33.3")
        );
        // 100 × 2 / 3 = 66.666… → 66.7
        assert_eq!(
            round_div(dec("2"), dec("3"), 100, 1).unwrap().unwrap(),
            dec("66.7")
        );
        // Exactly 1.005 → 1.01.
        assert_eq!(
            round_div(dec("2.01"), dec("2"), 1, 2).unwrap().unwrap(),
            dec("1.01")
        );
        assert_eq!(round_div(dec("5"), dec("0"), 100, 1).unwrap(), None);
        assert_eq!(
            round_div(dec("0"), dec("7"), 100, 1).unwrap().unwrap(),
            dec("0")
        );
    }

    #[test]
    fn round_div_survives_quotients_just_below_a_midpoint() {
        // n/d = 0.05 − 10^-30-ish: Decimal's 28-digit quotient rounds up to 0.05000…,
        // and naive rounding to 1 digit would give 0.1. The exact answer is 0.0.
        let d = dec("1000000000000000");
        let n = dec("49999999999999.999999999");
        let q = round_div(n, d, 1, 1).unwrap().unwrap();
        assert_eq!(
            q,
            dec("0"),
            "naive: {}",
            (n / d).round_dp_with_strategy(1, ROUNDING)
        );
    }

    #[test]
    fn round_div_matches_integer_arithmetic() {
        // Deterministic pseudo-random pairs with small scales, checked against i128 maths.
        let mut x: u64 = 0x2545F4914F6CDD1D;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let nm = (x % 10_000_000) as i128;
            let dm = ((x >> 24) % 1_000_000 + 1) as i128;
            let (ns, ds) = ((x >> 44) % 4, (x >> 50) % 4);
            let n = Decimal::from_i128_with_scale(nm, ns as u32);
            let d = Decimal::from_i128_with_scale(dm, ds as u32);
            // 100 × n/d to 1 dp: q = round(1000 × nm × 10^ds / (dm × 10^ns))
            let num = 1000 * nm * 10i128.pow(ds as u32);
            let den = dm * 10i128.pow(ns as u32);
            let (q, r) = (num / den, num % den);
            let want = if 2 * r >= den { q + 1 } else { q };
            let got = round_div(n, d, 100, 1).unwrap().unwrap();
            assert_eq!(
                got,
                Decimal::from_i128_with_scale(want, 1).normalize(),
                "100 × {n} / {d}"
            );
        }
    }

    /// xorshift64: a deterministic stream of pseudo-random u64s.
    fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
        move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        }
    }

    #[test]
    fn running_equals_a_chain_of_sums() {
        // The same amounts on every run; runs of 1–60 adds, zeros and scales 0–28 mixed in,
        // some mantissas past 64 bits, so every path of `Running::add` is taken.
        let mut next = xorshift(0x2545_F491_4F6C_DD1D);
        let (mut small, mut big, mut failed) = (0, 0, 0);
        for _ in 0..20_000 {
            let len = next() % 60 + 1;
            let mut running = Running::default();
            let mut chain: Option<Decimal> = None;
            let mut ok = true;
            for _ in 0..len {
                let r = next();
                let m = match r % 10 {
                    0 => 0,
                    1 => i128::from(next()) * i128::from(u32::MAX),
                    2 => i128::from(next() >> 1),
                    _ => i128::from(next() % 100_000_000),
                };
                let scale = match (r >> 8) % 8 {
                    0 => ((r >> 16) % 29) as u32,
                    k => (k as u32) - 1,
                };
                let Ok(v) = Decimal::try_from_i128_with_scale(m, scale) else {
                    continue;
                };
                let want = match chain {
                    None => Some(v),
                    Some(a) => sum(a, v),
                };
                let got = running.add(v);
                assert_eq!(got.is_some(), want.is_some(), "{chain:?} + {v}");
                let Some(want) = want else {
                    ok = false;
                    break;
                };
                chain = Some(want);
                let value = running.value().unwrap();
                assert_eq!(value, want);
                assert_eq!(value.scale(), want.scale(), "scale of {want}");
                match running {
                    Running::Small(..) => small += 1,
                    Running::Big(_) => big += 1,
                    Running::Empty => unreachable!(),
                }
            }
            failed += usize::from(!ok);
        }
        assert!(
            small > 50_000 && big > 10_000 && failed > 1_000,
            "{small} {big} {failed}"
        );
    }

    #[test]
    fn sum_fast_path_equals_rust_decimal() {
        // The same pairs on every run.
        let mut next = xorshift(0x9E37_79B9_7F4A_7C15);
        let mut checked = 0;
        for _ in 0..200_000 {
            let r = next();
            // Mantissas from 0 to the full 64 bits (and beyond, by a second word), either sign,
            // scales 0..=28, zeros with scales.
            let bits = (r % 65) as u32;
            let mut m = i128::from(next() >> (64 - bits.max(1))) * i128::from(bits > 0);
            if r & (1 << 8) != 0 {
                m = -m;
            }
            if r & (1 << 9) != 0 && r & (1 << 10) != 0 {
                m = m * i128::from(u32::MAX) + 7;
            }
            let scale = ((r >> 16) % 29) as u32;
            let m2 = i128::from(next() % 1_000_000_000_000) * i128::from(r & (1 << 11) == 0);
            let scale2 = ((r >> 24) % 29) as u32;
            let (Ok(a), Ok(b)) = (
                Decimal::try_from_i128_with_scale(m, scale),
                Decimal::try_from_i128_with_scale(m2, scale2),
            ) else {
                continue;
            };
            for (x, y) in [(a, b), (b, a)] {
                let expected = x.checked_add(y).filter(|s| {
                    !(s.scale() < x.scale().max(y.scale()) && !x.is_zero() && !y.is_zero())
                });
                let got = sum(x, y);
                assert_eq!(got, expected, "{x} + {y}");
                if let (Some(g), Some(e)) = (got, expected) {
                    assert_eq!(g.scale(), e.scale(), "scale of {x} + {y}");
                    assert_eq!(g.to_string(), e.to_string(), "{x} + {y}");
                }
                checked += 1;
            }
        }
        assert!(checked > 300_000, "{checked}");
    }

    #[test]
    fn add_refuses_to_round() {
        let big = dec("79228162514264337593543950.335");
        assert!(add(big, dec("0.001"), "p").is_err());
        assert_eq!(add(dec("80.9"), dec("98.2"), "p").unwrap(), dec("179.1"));
    }
}
