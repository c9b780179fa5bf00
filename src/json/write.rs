//! JSON text out ([`Writer`]), with numbers written without the float formatting machinery
//! ([`plain_decimal`]).

/// Builds JSON text. Used for the analysis output (one `JSON.parse` on the JS side is faster
/// and smaller than building objects across the wasm boundary one property at a time).
#[derive(Default)]
pub struct Writer {
    out: String,
    /// One entry per open container: whether it already has a member.
    first: Vec<bool>,
}

impl Writer {
    /// An empty writer.
    pub fn new() -> Self {
        Self::default()
    }

    /// The finished text.
    pub fn finish(self) -> String {
        self.out
    }

    fn sep(&mut self) {
        if let Some(first) = self.first.last_mut() {
            if *first {
                *first = false;
            } else {
                self.out.push(',');
            }
        }
    }

    /// Opens an object (as a value).
    pub fn begin_object(&mut self) {
        self.sep();
        self.out.push('{');
        self.first.push(true);
    }

    /// Closes the innermost object.
    pub fn end_object(&mut self) {
        self.out.push('}');
        self.first.pop();
    }

    /// Opens an array (as a value).
    pub fn begin_array(&mut self) {
        self.sep();
        self.out.push('[');
        self.first.push(true);
    }

    /// Closes the innermost array.
    pub fn end_array(&mut self) {
        self.out.push(']');
        self.first.pop();
    }

    /// Writes an object key; the next call writes its value.
    pub fn key(&mut self, key: &str) {
        self.sep();
        write_string(&mut self.out, key);
        self.out.push(':');
        // The value that follows must not write another separator.
        if let Some(first) = self.first.last_mut() {
            *first = true;
        }
    }

    /// Writes a string value.
    pub fn string(&mut self, s: &str) {
        self.sep();
        write_string(&mut self.out, s);
    }

    /// Writes a string value or `null`.
    pub fn opt_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.raw("null"),
        }
    }

    /// Writes an unsigned integer or `null`.
    pub fn opt_u64(&mut self, n: Option<u64>) {
        match n {
            Some(n) => self.raw(&n.to_string()),
            None => self.raw("null"),
        }
    }

    /// Writes a finite number (rounded to 2 decimals: these are pixel positions), or `null`.
    pub fn number(&mut self, v: f64) {
        if v.is_finite() {
            self.raw(&plain_decimal(v, 2));
        } else {
            self.raw("null");
        }
    }

    /// Writes `true` or `false`.
    pub fn boolean(&mut self, b: bool) {
        self.raw(if b { "true" } else { "false" });
    }

    fn raw(&mut self, s: &str) {
        self.sep();
        self.out.push_str(s);
    }

    /// Writes `"key": "value"`.
    pub fn field_str(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // U+2028/2029 are escaped so the text is also safe inside a JS string literal.
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `v` rounded to `places` decimals (at most 6; halves away from zero), as the shortest plain
/// decimal text: "12.5", "0", "-3.25", never an exponent. What `format!("{}", rounded)` prints,
/// but with integers only: the float formatting machinery (Grisu and Dragon4) would cost the
/// reader's wasm ~4 KB. Magnitudes past 2^53 / 10^places are written as whole numbers. For pixel
/// sizes and alphas: not for NaN, infinities or magnitudes past i64's (~9.2e18, written as it).
pub fn plain_decimal(v: f64, places: u32) -> String {
    let places = places.min(6);
    let unit = 10u64.pow(places);
    #[allow(clippy::cast_precision_loss)]
    let scaled = (v * unit as f64).round();
    // Exact in an f64 up to 2^53; past that only whole numbers matter.
    let (n, places, unit) = if scaled.abs() < 9_007_199_254_740_992.0 {
        (scaled, places, unit)
    } else {
        (v.round(), 0, 1)
    };
    #[allow(clippy::cast_possible_truncation)]
    let n = n as i64;
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    let n = n.unsigned_abs();
    out.push_str(&(n / unit).to_string());
    let mut frac = n % unit;
    if frac != 0 {
        out.push('.');
        let mut digits = places;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        let text = frac.to_string();
        for _ in text.len()..digits as usize {
            out.push('0');
        }
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_decimal_prints_what_rounding_and_display_would() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut values = vec![
            0.0,
            0.004,
            0.005,
            -0.005,
            0.015,
            1.0,
            -1.0,
            12.5,
            13.333_333,
            0.85,
            1e6,
            123_456.789,
            -0.12,
            1e14,
            3e17,
        ];
        for _ in 0..20_000 {
            let r = next();
            #[allow(clippy::cast_precision_loss)]
            let x = (r >> 11) as f64 / (1u64 << 53) as f64;
            let exp = (r % 16) as i32 - 4;
            values.push((x - 0.5) * 10f64.powi(exp));
        }
        for v in values {
            for places in [0u32, 1, 2, 3] {
                let unit = 10f64.powi(places as i32);
                let rounded = (v * unit).round() / unit;
                let want = if rounded == 0.0 {
                    "0".to_string()
                } else {
                    format!("{rounded}")
                };
                assert_eq!(plain_decimal(v, places), want, "{v} to {places} places");
            }
        }
    }

    #[test]
    fn writer_round_trips_through_serde_json() {
        let mut w = Writer::new();
        w.begin_object();
        w.field_str("a", "x\"y\n\u{1}\u{2028}");
        w.key("b");
        w.begin_array();
        w.opt_u64(Some(3));
        w.opt_string(None);
        w.begin_object();
        w.end_object();
        w.end_array();
        w.end_object();
        let text = w.finish();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["a"], "x\"y\n\u{1}\u{2028}", "{text}");
        assert_eq!(v["b"], serde_json::json!([3, null, {}]), "{text}");
    }
}
