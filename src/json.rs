//! A small, strict JSON reader and writer.
//!
//! Why not serde_json: the schema needs things a generic deserializer hides. Number literals
//! are kept as text so amounts stay exact; a key repeated in one object is an error (JSON.parse
//! silently keeps the last one, which can hide a wrong figure); nesting depth is bounded so
//! hostile input cannot exhaust the stack; and every error carries its line and column. It is
//! also much smaller in WebAssembly than serde_json.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind, JsonReason, Result};
use crate::limits;

/// A parsed JSON value. Objects keep their members in input order. Text borrows from the
/// input where it can (numbers always; strings and keys without escapes): reading 100 000
/// records then allocates per object, not per string.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number, as its literal text (validated against the JSON grammar).
    Number(Cow<'a, str>),
    /// A string, unescaped.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object: members in input order, keys unique.
    Object(Vec<Member<'a>>),
}

/// An object's member: its key and value.
pub type Member<'a> = (Cow<'a, str>, Value<'a>);

impl Value<'_> {
    /// The JSON type's name, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

/// Parses `text` as one JSON value.
///
/// ```
/// use khuyencong_charts::json::{parse, Value};
/// assert_eq!(parse(" [1.50, \"a\"] ").unwrap(),
///            Value::Array(vec![Value::Number("1.50".into()), Value::String("a".into())]));
/// assert_eq!(parse("{\"a\":1,\"a\":2}").unwrap_err().code(), "duplicate_key");
/// ```
pub fn parse(text: &str) -> Result<Value<'_>> {
    if text.len() > limits::MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorKind::TooLarge {
                limit: crate::error::Limit::InputBytes,
            },
            "",
        ));
    }
    let mut p = Parser {
        src: text,
        bytes: text.as_bytes(),
        pos: 0,
        path: Vec::new(),
        members_hint: 0,
    };
    p.skip_ws();
    if p.pos >= p.bytes.len() {
        return Err(*p.error(JsonReason::Empty));
    }
    let value = p.value(0).map_err(|e| *e)?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(*p.error(JsonReason::TrailingText));
    }
    Ok(value)
}

/// The parser's results: errors boxed, so that a `Result<Value>` is as small as a `Value` and
/// returning one per value (800 000 for 100 000 records) moves 32 bytes, not 104.
type PResult<T> = std::result::Result<T, Box<Error>>;

/// A step of the path to where the parser is: a member (the position of its key's opening
/// quote: the key is read again only to write an error's path) or an array index.
enum Seg {
    Key(usize),
    Index(usize),
}

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Where we are, for duplicate-key and depth errors.
    path: Vec<Seg>,
    /// The member count of the object read last.
    members_hint: usize,
}

impl<'a> Parser<'a> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn path_string(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Seg::Key(at) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    let mut key = Parser {
                        src: self.src,
                        bytes: self.bytes,
                        pos: *at,
                        path: Vec::new(),
                        members_hint: 0,
                    };
                    out.push_str(&key.string().unwrap_or_default());
                }
                Seg::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    /// An `invalid_json` error at the current position.
    fn error(&self, reason: JsonReason) -> Box<Error> {
        // Only the error's sentence gives the line and column: the reader's build, which has
        // none (the "messages" feature), leaves them 0 and the code that counts them out.
        let (line, column) = if cfg!(feature = "messages") {
            let pos = self.pos.min(self.src.len());
            let before = self.src.get(..pos).unwrap_or("");
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
            (line, column)
        } else {
            (0, 0)
        };
        Box::new(Error::new(
            ErrorKind::InvalidJson {
                line: u32::try_from(line).unwrap_or(u32::MAX),
                column: u32::try_from(column).unwrap_or(u32::MAX),
                reason,
            },
            self.path_string(),
        ))
    }

    fn unexpected(&self) -> Box<Error> {
        match self.src.get(self.pos..).and_then(|s| s.chars().next()) {
            Some(c) => self.error(JsonReason::UnexpectedChar(c)),
            None => self.error(JsonReason::UnexpectedEnd),
        }
    }

    fn expect_literal(&mut self, lit: &str, value: Value<'a>) -> PResult<Value<'a>> {
        if self.src.get(self.pos..).is_some_and(|s| s.starts_with(lit)) {
            self.pos += lit.len();
            Ok(value)
        } else {
            Err(self.unexpected())
        }
    }

    fn value(&mut self, depth: usize) -> PResult<Value<'a>> {
        match self.peek() {
            None => Err(self.error(JsonReason::UnexpectedEnd)),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b't') => self.expect_literal("true", Value::Bool(true)),
            Some(b'f') => self.expect_literal("false", Value::Bool(false)),
            Some(b'n') => self.expect_literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.unexpected()),
        }
    }

    fn check_depth(&self, depth: usize) -> PResult<()> {
        if depth > limits::MAX_DEPTH {
            Err(Box::new(Error::new(ErrorKind::TooDeep, self.path_string())))
        } else {
            Ok(())
        }
    }

    fn object(&mut self, depth: usize) -> PResult<Value<'a>> {
        self.check_depth(depth)?;
        self.pos += 1; // '{'
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(Vec::new()));
        }
        // Room for as many members as the object before had: the records of an array share
        // their shape, so each takes one allocation of the right size (no growth, no waste).
        let mut members: Vec<Member<'a>> = Vec::with_capacity(self.members_hint.clamp(1, 16));
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected());
            }
            let at = self.pos;
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.unexpected());
            }
            self.pos += 1;
            self.skip_ws();
            self.path.push(Seg::Key(at));
            if members.iter().any(|(m, _)| same(m, &key)) {
                return Err(Box::new(Error::new(
                    ErrorKind::DuplicateKey { key: clip(&key) },
                    self.path_string(),
                )));
            }
            let value = self.value(depth)?;
            self.path.pop();
            members.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    self.members_hint = members.len();
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn array(&mut self, depth: usize) -> PResult<Value<'a>> {
        self.check_depth(depth)?;
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            self.path.push(Seg::Index(items.len()));
            let value = self.value(depth)?;
            self.path.pop();
            items.push(value);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn hex4(&mut self) -> PResult<u32> {
        let digits = self
            .src
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error(JsonReason::BadEscape))?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.error(JsonReason::BadEscape));
        }
        let v = u32::from_str_radix(digits, 16).map_err(|_| self.error(JsonReason::BadEscape))?;
        self.pos += 4;
        Ok(v)
    }

    fn string(&mut self) -> PResult<Cow<'a, str>> {
        self.pos += 1; // opening quote
                       // Most strings have no escape: borrow them from the input.
        let start = self.pos;
        let rest = self.bytes.get(start..).unwrap_or(&[]);
        self.pos += rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len());
        if self.peek() == Some(b'"') {
            let text = self.src.get(start..self.pos).unwrap_or("");
            self.pos += 1;
            return Ok(Cow::Borrowed(text));
        }
        self.pos = start;
        let mut out = String::new();
        loop {
            // Copy the run of plain characters in one go.
            let start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.src.get(start..self.pos).unwrap_or(""));
            match self.peek() {
                None => return Err(self.error(JsonReason::UnexpectedEnd)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let esc = self
                        .peek()
                        .ok_or_else(|| self.error(JsonReason::UnexpectedEnd))?;
                    self.pos += 1;
                    match esc {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if self.src.get(self.pos..self.pos + 2) != Some("\\u") {
                                    return Err(self.error(JsonReason::BadEscape));
                                }
                                self.pos += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error(JsonReason::BadEscape));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            let ch = char::from_u32(code)
                                .ok_or_else(|| self.error(JsonReason::BadEscape))?;
                            out.push(ch);
                        }
                        _ => {
                            self.pos -= 1;
                            return Err(self.error(JsonReason::BadEscape));
                        }
                    }
                }
                Some(_) => return Err(self.error(JsonReason::ControlInString)),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> PResult<Value<'a>> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.error(JsonReason::BadNumber));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error(JsonReason::BadNumber)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error(JsonReason::BadNumber));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error(JsonReason::BadNumber));
            }
        }
        Ok(Value::Number(Cow::Borrowed(
            self.src.get(start..self.pos).unwrap_or(""),
        )))
    }
}

/// `a == b` for the short names of object members: length, then first byte, then the rest.
/// Runs for every pair of members of every record (duplicate keys) and every field lookup,
/// where most names of equal length differ in their first byte ("source", "region", "actual").
#[inline(always)]
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.first() == b.first() && a == b
}

/// Shortens user text quoted back in a message to [`limits::MAX_QUOTED_CHARS`] characters.
pub fn clip(text: &str) -> String {
    match text.char_indices().nth(limits::MAX_QUOTED_CHARS) {
        Some((i, _)) => format!("{}…", text.get(..i).unwrap_or("")),
        None => text.to_string(),
    }
}

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

    #[test]
    fn plain_decimal_prints_what_rounding_and_display_would() {
        use super::plain_decimal;
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

    use super::*;

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

    #[test]
    fn errors_have_line_column_and_path() {
        let e = parse("{\n  \"records\": [1, tru]\n}").unwrap_err();
        assert_eq!(e.path, "records[1]");
        match e.kind {
            ErrorKind::InvalidJson { line, column, .. } => assert_eq!((line, column), (2, 18)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "[".repeat(10_000);
        assert_eq!(parse(&deep).unwrap_err().code(), "too_deep");
        let ok = format!(
            "{}{}",
            "[".repeat(limits::MAX_DEPTH),
            "]".repeat(limits::MAX_DEPTH)
        );
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn strings_unescape_and_reject_lone_surrogates() {
        assert_eq!(
            parse(r#""\u1ea0\ud83d\ude00\/""#).unwrap(),
            Value::String("\u{1ea0}😀/".into())
        );
        assert_eq!(parse(r#""\ud83d""#).unwrap_err().code(), "invalid_json");
        assert_eq!(parse("\"a\u{1}\"").unwrap_err().code(), "invalid_json");
    }

    #[test]
    fn numbers_follow_the_grammar() {
        for good in ["0", "-0", "1.5", "1e3", "2.5E-7", "10"] {
            assert_eq!(parse(good).unwrap(), Value::Number(good.into()), "{good}");
        }
        for bad in ["01", "1.", ".5", "+1", "1e", "-", "NaN", "Infinity", "0x10"] {
            assert_eq!(parse(bad).unwrap_err().code(), "invalid_json", "{bad}");
        }
    }
}
