//! A small, strict JSON reader and writer.
//!
//! Why not serde_json: the schema needs things a generic deserializer hides. Number literals
//! are kept as text so amounts stay exact; a key repeated in one object is an error (JSON.parse
//! silently keeps the last one, which can hide a wrong figure); nesting depth is bounded so
//! hostile input cannot exhaust the stack; and every error carries its line and column. It is
//! also much smaller in WebAssembly than serde_json. The writer is in `write`.

mod write;

pub use write::{plain_decimal, Writer};

use std::borrow::Cow;

use crate::error::{clip, Error, ErrorKind, JsonReason, Limit, Result};
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
                limit: Limit::InputBytes,
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

#[cfg(test)]
mod tests {
    use super::*;

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
