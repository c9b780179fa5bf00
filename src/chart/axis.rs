//! Value axes: "nice" tick values (1, 2 or 5 × 10^k), as exact decimals so tick labels are
//! formatted like every other number.

use rust_decimal::Decimal;

/// Decimal → f64, for pixel positions only.
pub fn to_f64(d: Decimal) -> f64 {
    let m = d.mantissa() as f64;
    m / 10f64.powi(d.scale() as i32)
}

/// Ticks from 0 to at least `max`, about `target` of them. The last tick is the axis end.
pub fn ticks(max: f64, target: usize) -> Vec<Decimal> {
    let target = target.clamp(2, 10) as f64;
    if !max.is_finite() || max <= 0.0 {
        return vec![Decimal::ZERO, Decimal::ONE];
    }
    let raw = max / target;
    let exp = raw.log10().floor() as i32;
    let mag = 10f64.powi(exp);
    // Steps of 1, 2, 2.5, 5 or 10 × 10^exp, as (mantissa, extra decimal places).
    let (m, extra): (i64, i32) = [(10, 1), (20, 1), (25, 1), (50, 1), (100, 1)]
        .into_iter()
        .find(|(m, _)| (*m as f64) / 10.0 * mag >= raw)
        .unwrap_or((100, 1));
    let e = exp - extra;
    let step = if e >= 0 {
        Decimal::from(m).checked_mul(Decimal::from(10i64.pow(e.min(18) as u32)))
    } else {
        Some(Decimal::new(m, (-e).min(28) as u32).normalize())
    };
    let Some(step) = step else {
        return vec![Decimal::ZERO, Decimal::ONE];
    };
    let mut out = vec![Decimal::ZERO];
    let mut v = Decimal::ZERO;
    while to_f64(v) < max && out.len() < 12 {
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
        let t: Vec<String> = ticks(0.45, 4)
            .iter()
            .map(|d| d.normalize().to_string())
            .collect();
        assert_eq!(t, ["0", "0.2", "0.4", "0.6"]);
        assert_eq!(ticks(0.0, 5).len(), 2);
        let t = ticks(5024.0, 5);
        assert!(
            to_f64(*t.last().unwrap()) >= 5024.0 && t.len() <= 8,
            "{t:?}"
        );
    }
}
