//! The input schema (version 1), parsed and validated from JSON with a path in every error.
//!
//! See the README's "Input" section for the schema. Everything here is strict: unknown fields,
//! wrong types, non-canonical amounts and undeclared sources are errors, because a chart on a
//! government site must never show a number the data did not say.
//!
//! Here the validated types; `parse` reads the top level, sources and records; `fields` reads
//! one value with its path (text, amounts, whole numbers, objects with known keys); `labels`
//! shares the region and category texts that records repeat.

mod fields;
mod labels;
mod parse;

pub use fields::join;
pub(crate) use fields::{get, suggest};
pub(crate) use labels::RECENT;
pub use parse::parse_data;

use rust_decimal::Decimal;
use std::rc::Rc;

use crate::error::Result;
use crate::json::Value;
use crate::warning::Warning;

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

/// The data's members, in the order schema v1 lists them (the editor writes its JSON in this order).
pub const TOP_FIELDS: &[&str] = &[
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
/// A record's members.
pub const RECORD_FIELDS: &[&str] = &[
    "source",
    "region",
    "year",
    "category",
    "plan",
    "actual",
    "counterpart",
    "projects",
];
/// The members with figures: of `reported`, and of a record (which needs at least one).
pub const REPORTED_FIELDS: &[&str] = &["plan", "actual", "counterpart", "projects"];

impl FundingData {
    /// Validates a parsed JSON value (see [`parse_data`]).
    pub fn from_value(v: &Value) -> Result<FundingData> {
        parse_data(v)
    }
}
