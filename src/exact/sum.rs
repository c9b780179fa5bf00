//! Exact sums: rust_decimal's addition rounds silently when a sum needs more digits than it
//! holds; these refuse instead, and add the usual amounts in 64-bit integers.

use rust_decimal::Decimal;

use crate::error::{Error, ErrorKind, Result};

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

#[cfg(test)]
mod tests {
    use super::*;
    use core::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
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
