//! Value axes: "nice" tick values (1, 2 or 5 × 10^k), as exact decimals so tick labels are
//! formatted like every other number.

use rust_decimal::Decimal;

/// Decimal → f64, for pixel positions only.
pub fn to_f64(d: Decimal) -> f64 {
    let m = d.mantissa() as f64;
    m / 10f64.powi(d.scale() as i32)
}

/// Ticks from 0 to at least `max`, at most about `target` + 1 intervals, with the step
/// (1, 2, 2.5 or 5 × 10^k) that ends the axis closest above `max`. The last tick is the end.
pub fn ticks(max: f64, target: usize) -> Vec<Decimal> {
    let target = target.clamp(2, 10) as f64;
    if !max.is_finite() || max <= 0.0 {
        return vec![Decimal::ZERO, Decimal::ONE];
    }
    let exp = crate::host::log10(max / target).floor() as i32;
    // Candidate steps as (mantissa, power of ten): 1, 2, 2.5, 5 × 10^k around the raw step.
    let mut best: Option<(f64, f64, i64, i32)> = None; // (axis end, intervals, mantissa, power)
    for k in [exp - 1, exp, exp + 1] {
        for (m, p) in [(1i64, k), (2, k), (25, k - 1), (5, k)] {
            let step = m as f64 * 10f64.powi(p);
            let n = (max / step - 1e-9).ceil().max(1.0);
            if n > target + 1.0 || n < 2.0 {
                continue;
            }
            let end = n * step;
            // The end closest above max; between equal ends, the count closest to the target.
            let closer = |bn: f64| (n - target).abs() < (bn - target).abs();
            if best.is_none_or(|(e, bn, _, _)| {
                end < e - 1e-9 || ((end - e).abs() < 1e-9 && closer(bn))
            }) {
                best = Some((end, n, m, p));
            }
        }
    }
    let Some((_, n, m, p)) = best else {
        return vec![Decimal::ZERO, Decimal::ONE];
    };
    let step = if p >= 0 {
        Decimal::from(m).checked_mul(Decimal::from(10i64.pow(p.min(18) as u32)))
    } else {
        Some(Decimal::new(m, (-p).min(28) as u32).normalize())
    };
    let Some(step) = step else {
        return vec![Decimal::ZERO, Decimal::ONE];
    };
    let mut out = vec![Decimal::ZERO];
    let mut v = Decimal::ZERO;
    for _ in 0..(n as usize).min(12) {
        match v.checked_add(step) {
            Some(next) => v = next,
            None => break,
        }
        out.push(v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks() {
        let t: Vec<String> = ticks(179.1, 5).iter().map(|d| d.to_string()).collect();
        assert_eq!(t, ["0", "50", "100", "150", "200"]);
        // A narrow axis: 10.8 ends at 15, not 20.
        let t: Vec<String> = ticks(10.8, 2).iter().map(|d| d.to_string()).collect();
        assert_eq!(t, ["0", "5", "10", "15"]);
        let t: Vec<String> = ticks(13800.0, 4).iter().map(|d| d.to_string()).collect();
        assert_eq!(t, ["0", "5000", "10000", "15000"]);
        let t: Vec<String> = ticks(0.45, 4)
            .iter()
            .map(|d| d.normalize().to_string())
            .collect();
        assert_eq!(t, ["0", "0.1", "0.2", "0.3", "0.4", "0.5"]);
        assert_eq!(ticks(0.0, 5).len(), 2);
        let t = ticks(5024.0, 5);
        assert!(
            to_f64(*t.last().unwrap()) >= 5024.0 && t.len() <= 8,
            "{t:?}"
        );
    }
}
