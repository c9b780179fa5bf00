//! Exact decimal arithmetic on top of `rust_decimal`: reading amounts, adding without silent
//! rescaling, and dividing with correctly rounded results.
//!
//! `Decimal`'s own division returns 28 significant digits, already rounded; rounding that again
//! to one decimal place can go wrong when the true quotient lies just below a midpoint (double
//! rounding). [`round_div`] therefore checks its answer with exact integer comparisons, so
//! `attainment`, `share` and `leverage` are the true quotient rounded half away from zero.
//!
//! The parts: reading amounts from JSON text (`amount`), exact sums (`sum`), correctly rounded
//! quotients (`divide`), and here the canonical text of a result and its rounding.

mod amount;
mod divide;
mod sum;

pub use amount::{amount_from_number, max_amount, parse_amount};
pub use divide::round_div;
pub use sum::{add, sum, Running};

use rust_decimal::{Decimal, RoundingStrategy};

/// The rounding the press uses, and the only one this crate applies: half away from zero.
pub const ROUNDING: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

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

/// Rounds an exact value half away from zero to `dp` fraction digits.
pub fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, ROUNDING).normalize()
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(digits_of(v), v.to_string());
        }
    }
}
