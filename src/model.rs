//! The input schema (version 1), parsed and validated from JSON with a path in every error.
//!
//! See the README's "Input" section for the schema. Everything here is strict: unknown fields,
//! wrong types, non-canonical amounts and undeclared sources are errors, because a chart on a
//! government site must never show a number the data did not say.

use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::rc::Rc;

use crate::error::{Error, ErrorKind, Expected, Limit, Result};
use crate::exact;
use crate::json::{clip, same, Member, Value};
use crate::limits;
use crate::unicode::nfc;
use crate::warning::{Warning, WarningKind};

/// The unit all amounts of one input are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// đồng
    Dong,
    /// nghìn đồng (thousand VND)
    NghinDong,
    /// triệu đồng (million VND)
    TrieuDong,
    /// tỷ đồng (billion VND)
    TyDong,
}

impl Unit {
    /// The schema's name: `"ty_dong"`...
    pub fn key(self) -> &'static str {
        match self {
            Unit::Dong => "dong",
            Unit::NghinDong => "nghin_dong",
            Unit::TrieuDong => "trieu_dong",
            Unit::TyDong => "ty_dong",
        }
    }

    fn parse(s: &str) -> Option<Unit> {
        match s {
            "dong" => Some(Unit::Dong),
            "nghin_dong" => Some(Unit::NghinDong),
            "trieu_dong" => Some(Unit::TrieuDong),
            "ty_dong" => Some(Unit::TyDong),
            _ => None,
        }
    }
}

/// Whether a source is national (khuyến công quốc gia) or local (địa phương) money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Khuyến công quốc gia.
    National,
    /// Khuyến công địa phương.
    Local,
    /// Anything else (ODA, socialised funds...).
    Other,
}

impl Level {
    /// The schema's name.
    pub fn key(self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Local => "local",
            Level::Other => "other",
        }
    }
}

/// A declared funding source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Key records refer to (`"kcqg"`).
    pub key: String,
    /// Label shown to readers.
    pub label: String,
    /// National, local or other, if declared.
    pub level: Option<Level>,
}

/// The measures a record or a total can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Measures {
    /// Planned funding (kế hoạch).
    pub plan: Option<Decimal>,
    /// Funding actually spent (thực hiện).
    pub actual: Option<Decimal>,
    /// Counterpart capital of beneficiaries (vốn đối ứng).
    pub counterpart: Option<Decimal>,
    /// Number of projects (đề án).
    pub projects: Option<u64>,
}

impl Measures {
    fn is_empty(&self) -> bool {
        self.plan.is_none()
            && self.actual.is_none()
            && self.counterpart.is_none()
            && self.projects.is_none()
    }
}

/// One row of data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Index into [`FundingData::sources`].
    pub source: Option<usize>,
    /// Province or other region (records naming the same region share the text).
    pub region: Option<Rc<str>>,
    /// Year.
    pub year: Option<i64>,
    /// Activity category (shared, like `region`).
    pub category: Option<Rc<str>>,
    /// The figures.
    pub measures: Measures,
}

/// Validated input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FundingData {
    /// Chart and table title.
    pub title: String,
    /// Optional subtitle.
    pub subtitle: Option<String>,
    /// Where the figures come from ("Nguồn: …").
    pub source: Option<String>,
    /// Free notes.
    pub notes: Option<String>,
    /// An author-written description for screen readers.
    pub description: Option<String>,
    /// Unit of every amount.
    pub unit: Unit,
    /// Declared sources (the two defaults when omitted).
    pub sources: Vec<Source>,
    /// Whether `sources` was omitted (labels may then follow the locale).
    pub default_sources: bool,
    /// The records.
    pub records: Vec<Record>,
    /// Published totals, when given.
    pub reported: Option<Measures>,
    /// Warnings found while reading (e.g. an amount that looks like Vietnamese grouping).
    pub warnings: Vec<Warning>,
}

const TOP_FIELDS: &[&str] = &[
    "version",
    "title",
    "subtitle",
    "source",
    "notes",
    "description",
    "unit",
    "sources",
    "records",
    "reported",
];
const SOURCE_FIELDS: &[&str] = &["key", "label", "level"];
const RECORD_FIELDS: &[&str] = &[
    "source",
    "region",
    "year",
    "category",
    "plan",
    "actual",
    "counterpart",
    "projects",
];
const REPORTED_FIELDS: &[&str] = &["plan", "actual", "counterpart", "projects"];

/// The default sources' keys and their labels in Vietnamese and English.
pub const DEFAULT_SOURCES: [(&str, &str, &str, Level); 2] = [
    (
        "kcqg",
        "Khuyến công quốc gia",
        "National industrial promotion",
        Level::National,
    ),
    (
        "kcdp",
        "Khuyến công địa phương",
        "Local industrial promotion",
        Level::Local,
    ),
];

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

fn index(path: &str, i: usize) -> String {
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
enum TextKind {
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

/// Whether `c` is a combining mark (general category M: Mn, Mc, Me); it must follow a letter.
pub(crate) fn is_combining(c: char) -> bool {
    // The Vietnamese and symbol blocks without a lookup; every other script's marks from the
    // Unicode tables.
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
        || crate::unicode::is_mark(c)
}

/// Characters that show nothing by themselves: a text of only these (and white space) looks
/// empty, so it is empty.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FFA0}')
}

/// A validated text field: at most 500 characters, no control or bidi-override characters,
/// trimmed, and (when `required`) not empty.
fn text(v: &Value, path: &str, kind: TextKind) -> Result<String> {
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

fn opt_text(
    members: &[Member<'_>],
    name: &str,
    path: &str,
    kind: TextKind,
) -> Result<Option<String>> {
    get(members, name)
        .map(|v| text(v, &join(path, name), kind))
        .transpose()
}

fn required<'a>(members: &'a [Member<'a>], name: &str, path: &str) -> Result<&'a Value<'a>> {
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
fn integer(v: &Value, path: &str, allowed: &'static str) -> Result<i64> {
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

fn year(v: &Value, path: &str) -> Result<i64> {
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

fn measures(members: &[Member<'_>], path: &str, warnings: &mut Vec<Warning>) -> Result<Measures> {
    let slots = [
        get(members, "plan"),
        get(members, "actual"),
        get(members, "counterpart"),
        get(members, "projects"),
    ];
    measures_of(slots, path, warnings)
}

/// Plan, actual, counterpart and projects, from their values (absent or `null`: `None`).
fn measures_of(
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

fn parse_sources(v: Option<&Value>) -> Result<(Vec<Source>, bool)> {
    let Some(v) = v else {
        let defaults = DEFAULT_SOURCES
            .iter()
            .map(|(key, label, _, level)| Source {
                key: (*key).to_string(),
                label: (*label).to_string(),
                level: Some(*level),
            })
            .collect();
        return Ok((defaults, true));
    };
    let Value::Array(items) = v else {
        return Err(wrong_type(v, Expected::Array, "sources"));
    };
    if items.len() > limits::MAX_SOURCES {
        return Err(Error::new(
            ErrorKind::TooLarge {
                limit: Limit::Sources,
            },
            "sources",
        ));
    }
    if items.is_empty() {
        return Err(Error::new(ErrorKind::Empty, "sources"));
    }
    let mut sources: Vec<Source> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = index("sources", i);
        let m = object(item, &path, SOURCE_FIELDS)?;
        let key = text(
            required(m, "key", &path)?,
            &join(&path, "key"),
            TextKind::Line,
        )?;
        if sources.iter().any(|s| s.key == key) {
            return Err(Error::new(
                ErrorKind::DuplicateSource { key: clip(&key) },
                join(&path, "key"),
            ));
        }
        let label = match get(m, "label") {
            Some(v) => text(v, &join(&path, "label"), TextKind::Line)?,
            None => key.clone(),
        };
        let level = match get(m, "level") {
            None => None,
            Some(Value::String(s)) => Some(match s.as_ref() {
                "national" => Level::National,
                "local" => Level::Local,
                "other" => Level::Other,
                _ => {
                    return Err(Error::new(
                        ErrorKind::InvalidValue {
                            value: clip(s),
                            allowed: "\"national\", \"local\", \"other\"",
                        },
                        join(&path, "level"),
                    ))
                }
            }),
            Some(other) => return Err(wrong_type(other, Expected::Text, &join(&path, "level"))),
        };
        sources.push(Source { key, label, level });
    }
    Ok((sources, false))
}

/// Validated labels by their text as written: 100 000 records name a few dozen regions and
/// categories, so each distinct text is validated and normalized once and the records share it:
/// equal texts (also "Hà Giang" typed precomposed and decomposed) are one `Rc`, which lets the
/// analysis find a record's group by address. A small table indexed by a few of the text's
/// bytes finds most texts with one comparison, before the B-tree. (`BTreeMap<String, usize>`
/// is the type the analysis already uses: no second copy of the B-tree code in the wasm file.)
#[derive(Default)]
struct Labels {
    /// The shared texts, as kept.
    shared: Vec<Rc<str>>,
    /// Each distinct text as written, with its index in `shared`.
    written: Vec<(String, usize)>,
    /// As written → index in `written`.
    by_written: BTreeMap<String, usize>,
    /// As kept → index in `shared`.
    by_kept: BTreeMap<String, usize>,
    /// [`RECENT`] slots: 1 + an index in `written`, or 0.
    recent: Vec<usize>,
}

/// Slots of the tables that find a label (here) or a group (in the analysis) at once.
pub(crate) const RECENT: usize = 256;

/// A slot for `s` from its length and a few of its bytes (a miss only costs a B-tree lookup).
fn slot_of(s: &str) -> usize {
    let b = s.as_bytes();
    let n = b.len();
    let at = |i: usize| usize::from(b.get(i).copied().unwrap_or(0));
    (n.wrapping_mul(31)
        ^ at(0)
        ^ at(n / 2).wrapping_mul(7)
        ^ at(n.wrapping_sub(1)).wrapping_mul(13)
        ^ at(n.wrapping_sub(2)).wrapping_mul(131))
        % RECENT
}

impl Labels {
    fn new() -> Self {
        Labels {
            recent: vec![0; RECENT],
            ..Labels::default()
        }
    }

    fn get(&mut self, v: &Value<'_>, path: &str) -> Result<Rc<str>> {
        let written = match v {
            Value::String(s) => s.as_ref(),
            _ => "",
        };
        let slot = slot_of(written);
        let cached = self.recent.get(slot).copied().unwrap_or(0);
        let i = match self.written.get(cached.wrapping_sub(1)) {
            Some((t, i)) if same(t, written) => *i,
            _ => {
                let w = match self.by_written.get(written) {
                    Some(&w) => w,
                    None => {
                        let kept = text(v, path, TextKind::Line)?;
                        let i = match self.by_kept.get(&kept) {
                            Some(&i) => i,
                            None => {
                                self.shared.push(Rc::from(kept.as_str()));
                                self.by_kept.insert(kept, self.shared.len() - 1);
                                self.shared.len() - 1
                            }
                        };
                        self.written.push((written.to_string(), i));
                        self.by_written
                            .insert(written.to_string(), self.written.len() - 1);
                        self.written.len() - 1
                    }
                };
                if let Some(r) = self.recent.get_mut(slot) {
                    *r = w + 1;
                }
                self.written.get(w).map_or(0, |(_, i)| *i)
            }
        };
        self.shared
            .get(i)
            .map(Rc::clone)
            .ok_or_else(|| Error::new(ErrorKind::Empty, path))
    }
}

/// One record, with paths relative to it (`plan`, not `records[3].plan`). Runs for every
/// record: the members are matched to fields in one pass (an unknown name is reported as
/// [`object`] does, at the first one), then read in a fixed order.
fn parse_record<'v>(
    item: &'v Value<'_>,
    sources: &[Source],
    labels: &mut Labels,
    warnings: &mut Vec<Warning>,
) -> Result<Record> {
    let path = "";
    let Value::Object(members) = item else {
        return Err(wrong_type(item, Expected::Object, path));
    };
    // RECORD_FIELDS' order: source, region, year, category, plan, actual, counterpart, projects.
    let mut slots: [Option<&'v Value<'_>>; 8] = [None; 8];
    for (k, v) in members {
        let k: &str = k;
        let Some(i) = RECORD_FIELDS.iter().position(|name| same(k, name)) else {
            return Err(Error::new(
                ErrorKind::UnknownField {
                    suggestion: suggest(k, RECORD_FIELDS),
                },
                join(path, &clip(k)),
            ));
        };
        if let Some(slot) = slots.get_mut(i) {
            *slot = Some(v).filter(|v| !matches!(v, Value::Null));
        }
    }
    let [source_v, region_v, year_v, category_v, plan, actual, counterpart, projects_v] = slots;
    let source = match source_v {
        None => None,
        Some(Value::String(key)) => {
            let found = sources.iter().position(|s| same(&s.key, key));
            Some(found.ok_or_else(|| {
                Error::new(
                    ErrorKind::UnknownSource {
                        key: clip(key),
                        known: sources.iter().map(|s| clip(&s.key)).collect(),
                    },
                    join(path, "source"),
                )
            })?)
        }
        Some(other) => return Err(wrong_type(other, Expected::Text, &join(path, "source"))),
    };
    let region = region_v
        .map(|v| labels.get(v, &join(path, "region")))
        .transpose()?;
    let category = category_v
        .map(|v| labels.get(v, &join(path, "category")))
        .transpose()?;
    let year = year_v.map(|v| year(v, &join(path, "year"))).transpose()?;
    let measures = measures_of([plan, actual, counterpart, projects_v], path, warnings)?;
    if measures.is_empty() {
        return Err(Error::new(ErrorKind::NoMeasure, path));
    }
    Ok(Record {
        source,
        region,
        year,
        category,
        measures,
    })
}

/// Validates a parsed JSON value as schema version 1.
///
/// ```
/// use khuyencong_charts::{json, model::FundingData};
/// let v = json::parse(r#"{"title":"T","unit":"ty_dong","records":[{"source":"kcqg","actual":"1"}]}"#).unwrap();
/// let data = FundingData::from_value(&v).unwrap();
/// assert_eq!(data.sources.len(), 2); // the two default sources
/// ```
pub fn parse_data(v: &Value) -> Result<FundingData> {
    let top = object(v, "", TOP_FIELDS)?;
    if let Some(ver) = get(top, "version") {
        // A whole number too large to read is still just another version.
        let n = integer(ver, "version", "1").map_err(|e| match e.kind {
            ErrorKind::InvalidValue { value, .. } => {
                Error::new(ErrorKind::UnsupportedVersion { value }, "version")
            }
            _ => e,
        })?;
        if n != 1 {
            return Err(Error::new(
                ErrorKind::UnsupportedVersion {
                    value: n.to_string(),
                },
                "version",
            ));
        }
    }
    let title = text(required(top, "title", "")?, "title", TextKind::Line)?;
    let subtitle = opt_text(top, "subtitle", "", TextKind::Line)?;
    let source = opt_text(top, "source", "", TextKind::Line)?;
    let notes = opt_text(top, "notes", "", TextKind::Paragraph)?;
    let description = opt_text(top, "description", "", TextKind::Paragraph)?;
    let unit = match required(top, "unit", "")? {
        Value::String(s) => Unit::parse(s)
            .ok_or_else(|| Error::new(ErrorKind::UnknownUnit { value: clip(s) }, "unit"))?,
        other => return Err(wrong_type(other, Expected::Text, "unit")),
    };
    let (sources, default_sources) = parse_sources(get(top, "sources"))?;

    let records_v = required(top, "records", "")?;
    let Value::Array(items) = records_v else {
        return Err(wrong_type(records_v, Expected::Array, "records"));
    };
    if items.is_empty() {
        return Err(Error::new(ErrorKind::Empty, "records"));
    }
    if items.len() > limits::MAX_RECORDS {
        return Err(Error::new(
            ErrorKind::TooLarge {
                limit: Limit::Records,
            },
            "records",
        ));
    }
    let mut warnings = Vec::new();
    let mut records = Vec::with_capacity(items.len());
    let mut labels = Labels::new();
    for (i, item) in items.iter().enumerate() {
        let first_warning = warnings.len();
        let record =
            parse_record(item, &sources, &mut labels, &mut warnings).map_err(|mut e| {
                e.path = join(&index("records", i), &e.path).into_owned();
                e
            })?;
        if warnings.len() > first_warning {
            let path = index("records", i);
            for w in warnings.iter_mut().skip(first_warning) {
                w.path = join(&path, &w.path).into_owned();
            }
        }
        records.push(record);
    }
    let reported = match get(top, "reported") {
        None => None,
        Some(v) => {
            let m = object(v, "reported", REPORTED_FIELDS)?;
            Some(measures(m, "reported", &mut warnings)?)
        }
    };
    Ok(FundingData {
        title,
        subtitle,
        source,
        notes,
        description,
        unit,
        sources,
        default_sources,
        records,
        reported,
        warnings,
    })
}

impl FundingData {
    /// Validates a parsed JSON value (see [`parse_data`]).
    pub fn from_value(v: &Value) -> Result<FundingData> {
        parse_data(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records naming one region share its text, also when it is typed precomposed in one
    /// and decomposed (NFD) in another; a region and a category of equal text share it too.
    #[test]
    fn records_share_equal_labels() {
        let text = r#"{"title":"T","unit":"ty_dong","records":[
            {"region":"Hà Giang","category":"Hà Giang","actual":"1"},
            {"region":"Ha\u0300 Giang","actual":"2"},
            {"region":"Hà Giang","actual":"3"},
            {"region":"Hà Nam","actual":"4"}]}"#;
        let value = crate::json::parse(text).unwrap();
        let data = parse_data(&value).unwrap();
        let region = |i: usize| data.records.get(i).unwrap().region.clone().unwrap();
        assert_eq!(&*region(1), "Hà Giang");
        assert!(Rc::ptr_eq(&region(0), &region(1)));
        assert!(Rc::ptr_eq(&region(0), &region(2)));
        let category = data.records.first().unwrap().category.clone().unwrap();
        assert!(Rc::ptr_eq(&region(0), &category));
        assert_eq!(&*region(3), "Hà Nam");
        assert!(!Rc::ptr_eq(&region(0), &region(3)));
    }

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
