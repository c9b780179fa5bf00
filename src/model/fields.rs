//! Reading one value of the input with its JSON path: objects whose keys are all known, text
//! fields, amounts, whole numbers and the measures of a record or of the published totals.

use rust_decimal::Decimal;
use std::borrow::Cow;

use super::Measures;
use crate::error::{clip, Error, ErrorKind, Expected, Limit, Result};
use crate::exact;
use crate::json::{same, Member, Value};
use crate::limits;
use crate::unicode::{is_combining, nfc};
use crate::warning::{Warning, WarningKind};

/// Joins a path and a field name: `records[3]` + `plan` → `records[3].plan`. Below the root
/// it borrows the name: records are validated with paths relative to the record, and the
/// record's own path is only written when there is an error to report.
pub fn join<'a>(path: &str, field: &'a str) -> Cow<'a, str> {
    if field.is_empty() {
        Cow::Owned(path.to_string())
    } else if path.is_empty() {
        Cow::Borrowed(field)
    } else {
        Cow::Owned(format!("{path}.{field}"))
    }
}

pub(super) fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// The members of an object, after checking that every key is known.
pub(crate) fn object<'a>(
    v: &'a Value,
    path: &str,
    known: &[&'static str],
) -> Result<&'a [Member<'a>]> {
    let Value::Object(members) = v else {
        return Err(wrong_type(v, Expected::Object, path));
    };
    for (k, _) in members {
        if !known.iter().any(|name| same(k, name)) {
            return Err(Error::new(
                ErrorKind::UnknownField {
                    suggestion: suggest(k, known),
                },
                join(path, &clip(k)),
            ));
        }
    }
    Ok(members)
}

/// The value of `name`, treating `null` as absent.
pub(crate) fn get<'a>(members: &'a [Member<'a>], name: &str) -> Option<&'a Value<'a>> {
    members
        .iter()
        .find(|(k, _)| same(k, name))
        .map(|(_, v)| v)
        .filter(|v| !matches!(v, Value::Null))
}

pub(crate) fn wrong_type(v: &Value, expected: Expected, path: &str) -> Error {
    Error::new(
        ErrorKind::WrongType {
            expected,
            found: v.type_name(),
        },
        path,
    )
}

/// The closest known name within two edits (or equal ignoring case and `_`/`-`). Only the
/// error's sentence uses it: the reader's build (without "messages") suggests nothing.
#[cfg(not(feature = "messages"))]
pub(crate) fn suggest(_field: &str, _known: &[&'static str]) -> Option<&'static str> {
    None
}

/// The closest known name within two edits (or equal ignoring case and `_`/`-`).
#[cfg(feature = "messages")]
pub(crate) fn suggest(field: &str, known: &[&'static str]) -> Option<&'static str> {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| *c != '_' && *c != '-')
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let f = squash(field);
    known
        .iter()
        .map(|k| (edit_distance(&f, &squash(k)), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(feature = "messages")]
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    if a.chars().count() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(usize::MAX)
}

/// How a text field may look.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TextKind {
    /// One line: titles, labels, keys.
    Line,
    /// May hold line breaks and tabs: notes, descriptions.
    Paragraph,
}

fn is_forbidden(c: char, kind: TextKind) -> bool {
    let allowed_ws = kind == TextKind::Paragraph && matches!(c, '\n' | '\t' | '\r');
    (c.is_control() && !allowed_ws)
        // Bidirectional embeddings, overrides and isolates can make text display as
        // something other than what it says.
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        // Line and paragraph separators, and the byte-order mark / noncharacters.
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Characters that show nothing by themselves: a text of only these (and white space) looks
/// empty, so it is empty.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FFA0}')
}

/// A validated text field: at most 500 characters, no control or bidi-override characters,
/// trimmed, and (when `required`) not empty.
pub(super) fn text(v: &Value, path: &str, kind: TextKind) -> Result<String> {
    let Value::String(s) = v else {
        return Err(wrong_type(v, Expected::Text, path));
    };
    // The limit is on the text as it is kept: trimmed. (No text has more characters than
    // bytes: only long ones are counted.)
    let t = s.trim();
    if t.len() > limits::MAX_TEXT_CHARS && t.chars().count() > limits::MAX_TEXT_CHARS {
        return Err(Error::new(
            ErrorKind::TooLarge {
                limit: Limit::TextChars,
            },
            path,
        ));
    }
    if let Some(ch) = s.chars().find(|c| is_forbidden(*c, kind)) {
        return Err(Error::new(ErrorKind::InvalidText { ch }, path));
    }
    if let Some(ch) = t.chars().next().filter(|c| is_combining(*c)) {
        // A combining mark with nothing to combine with.
        return Err(Error::new(ErrorKind::InvalidText { ch }, path));
    }
    if t.chars().all(is_invisible) {
        return Err(Error::new(ErrorKind::Empty, path));
    }
    // "Hà Giang" typed with a separate combining accent (NFD, common from macOS and some
    // Vietnamese keyboards) must be the same region as the precomposed one.
    Ok(nfc(t))
}

pub(super) fn opt_text(
    members: &[Member<'_>],
    name: &str,
    path: &str,
    kind: TextKind,
) -> Result<Option<String>> {
    get(members, name)
        .map(|v| text(v, &join(path, name), kind))
        .transpose()
}

pub(super) fn required<'a>(
    members: &'a [Member<'a>],
    name: &str,
    path: &str,
) -> Result<&'a Value<'a>> {
    get(members, name).ok_or_else(|| Error::new(ErrorKind::MissingField, join(path, name)))
}

/// An amount: a canonical string or a JSON number.
fn amount(v: &Value, path: &str, warnings: &mut Vec<Warning>) -> Result<Decimal> {
    let result = match v {
        Value::String(s) => {
            let d = exact::parse_amount(s);
            if d.is_ok() && looks_grouped(s) {
                warnings.push(Warning::new(
                    WarningKind::PossibleGrouping { text: clip(s) },
                    path,
                ));
            }
            d
        }
        Value::Number(n) => {
            let d = exact::amount_from_number(n);
            if d.is_ok() && looks_grouped(n) {
                warnings.push(Warning::new(
                    WarningKind::PossibleGrouping { text: clip(n) },
                    path,
                ));
            }
            d
        }
        other => return Err(wrong_type(other, Expected::Amount, path)),
    };
    result.map_err(|kind| Error::new(kind, path))
}

/// `"2.400"`, `"13.800"`: valid (2.4, 13.8) but written the way Vietnamese groups thousands.
fn looks_grouped(s: &str) -> bool {
    // `s` is a valid amount (one dot at most, digits): "d.ddd" to "ddd.ddd" (or with a minus),
    // the last digit 0, and not "0.ddd".
    let b = s.as_bytes();
    let n = b.len();
    (5..=7).contains(&n)
        && n.checked_sub(4).and_then(|i| b.get(i)) == Some(&b'.')
        && b.last() == Some(&b'0')
        && !(n == 5 && b.first() == Some(&b'0'))
}

/// A whole number (`2022`, `2022.0`, `2.022e3`). A fraction is `wrong_type`; a whole number
/// beyond ±10^18 is `invalid_value` with `allowed`.
pub(super) fn integer(v: &Value, path: &str, allowed: &'static str) -> Result<i64> {
    let Value::Number(n) = v else {
        return Err(wrong_type(v, Expected::Integer, path));
    };
    let not_integer = || {
        Error::new(
            ErrorKind::WrongType {
                expected: Expected::Integer,
                found: "number",
            },
            path,
        )
    };
    let out_of_range = || {
        Error::new(
            ErrorKind::InvalidValue {
                value: clip(n),
                allowed,
            },
            path,
        )
    };
    // The common case, a plain whole number ("2022", "12"): read it at once. (The JSON reader
    // has checked the literal's syntax: no leading zero unless it is "0".)
    if (1..=18).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(n
            .bytes()
            .fold(0i64, |acc, b| acc * 10 + i64::from(b - b'0')));
    }
    let (negative, unsigned) = match n.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, n.as_ref()),
    };
    let (mantissa, exp) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (
            m,
            e.strip_prefix('+')
                .unwrap_or(e)
                .parse::<i64>()
                .map_err(|_| out_of_range())?,
        ),
        None => (unsigned, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let frac = frac.trim_end_matches('0');
    let int = int.trim_start_matches('0');
    // value = (int frac) × 10^(exp − len(frac)); whole only if that exponent is ≥ 0.
    let shift = exp - i64::try_from(frac.len()).map_err(|_| out_of_range())?;
    if shift < 0 {
        // Trailing zeros of the digits may still make it whole ("2.0220e3" is trimmed above).
        return Err(not_integer());
    }
    let len = int.len() + frac.len();
    if len == 0 {
        return Ok(0);
    }
    if i64::try_from(len).map_or(true, |l| l + shift > 18) {
        return Err(out_of_range());
    }
    // At most 18 digits: no i64 overflow. (Arithmetic, not text: this runs for every year
    // and project count of every record.)
    let mut value: i64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        value = value * 10 + i64::from(b - b'0');
    }
    for _ in 0..shift {
        value *= 10;
    }
    Ok(if negative { -value } else { value })
}

pub(super) fn year(v: &Value, path: &str) -> Result<i64> {
    let y = integer(v, path, "1900–2100")?;
    if limits::YEARS.contains(&y) {
        Ok(y)
    } else {
        Err(Error::new(
            ErrorKind::InvalidValue {
                value: y.to_string(),
                allowed: "1900–2100",
            },
            path,
        ))
    }
}

fn projects(v: &Value, path: &str) -> Result<u64> {
    let n = integer(v, path, "0–1000000000")?;
    if n < 0 {
        return Err(Error::new(
            ErrorKind::NegativeAmount {
                text: n.to_string(),
                count: true,
            },
            path,
        ));
    }
    let n = n.unsigned_abs();
    if n > limits::MAX_PROJECTS {
        return Err(Error::new(
            ErrorKind::InvalidValue {
                value: n.to_string(),
                allowed: "0–1000000000",
            },
            path,
        ));
    }
    Ok(n)
}

pub(super) fn measures(
    members: &[Member<'_>],
    path: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Measures> {
    let slots = [
        get(members, "plan"),
        get(members, "actual"),
        get(members, "counterpart"),
        get(members, "projects"),
    ];
    measures_of(slots, path, warnings)
}

/// Plan, actual, counterpart and projects, from their values (absent or `null`: `None`).
pub(super) fn measures_of(
    [plan, actual, counterpart, projects_v]: [Option<&Value<'_>>; 4],
    path: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Measures> {
    let mut amount_of = |v: Option<&Value<'_>>, name: &str| -> Result<Option<Decimal>> {
        v.map(|v| amount(v, &join(path, name), warnings))
            .transpose()
    };
    Ok(Measures {
        plan: amount_of(plan, "plan")?,
        actual: amount_of(actual, "actual")?,
        counterpart: amount_of(counterpart, "counterpart")?,
        projects: projects_v
            .map(|v| projects(v, &join(path, "projects")))
            .transpose()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RECORD_FIELDS;

    #[test]
    fn suggestions() {
        assert_eq!(suggest("plann", RECORD_FIELDS), Some("plan"));
        assert_eq!(suggest("Actual", RECORD_FIELDS), Some("actual"));
        assert_eq!(suggest("counter_part", RECORD_FIELDS), Some("counterpart"));
        assert_eq!(suggest("budget", RECORD_FIELDS), None);
    }

    #[test]
    fn integers() {
        for (lit, want) in [
            ("2022", Some(2022)),
            ("2.022e3", Some(2022)),
            ("2022.0", Some(2022)),
            ("2022.5", None),
            ("1e-1", None),
        ] {
            let got = integer(&Value::Number(lit.into()), "year", "any").ok();
            assert_eq!(got, want, "literal {lit}");
        }
    }

    #[test]
    fn grouping_lookalikes() {
        assert!(looks_grouped("2.400"));
        assert!(looks_grouped("13.800"));
        assert!(!looks_grouped("18.246"));
        assert!(!looks_grouped("0.500"));
        assert!(!looks_grouped("2400"));
        assert!(looks_grouped("-12.400"));
        assert!(looks_grouped("100.000"));
        assert!(!looks_grouped("1000.000"));
        assert!(!looks_grouped("12.3400"));
        assert!(!looks_grouped("2.400e0"));
        assert!(!looks_grouped("2.40"));
    }
}
