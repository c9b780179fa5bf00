//! Quotients rounded correctly: `Decimal`'s own division returns 28 significant digits, already
//! rounded, and rounding that again can go wrong just below a midpoint. Here the quotient is
//! an integer long division, checked exactly.

use core::cmp::Ordering;

use rust_decimal::Decimal;

use crate::error::ErrorKind;

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
    use super::*;
    use crate::exact::ROUNDING;
    use core::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
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
}
