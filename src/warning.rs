//! Warnings: the data is usable, but a reader or editor should know something. Data only, like
//! errors: the sentence of each, `Warning::message`, is written in `messages`.

use rust_decimal::Decimal;

/// Which measure a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// kế hoạch
    Plan,
    /// thực hiện
    Actual,
    /// vốn đối ứng
    Counterpart,
    /// số đề án
    Projects,
}

/// What the warning says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarningKind {
    /// The parts add up to something other than the published total. Both are kept: the
    /// published total is used for the total, the parts for the groups.
    TotalMismatch {
        /// Which measure.
        measure: Measure,
        /// The sum of the records.
        computed: Decimal,
        /// The published figure.
        reported: Decimal,
        /// Whether every record with this measure names a source (the sum is "by source").
        by_source: bool,
    },
    /// A ratio too large to hold exactly was left out (shown "–").
    RatioOverflow,
    /// An amount such as `"2.400"` is read as 2.4, but looks like Vietnamese grouping.
    PossibleGrouping {
        /// The text as given.
        text: String,
    },
    /// A region that names no province but is one or two letters from one: kept as written.
    /// (Only with the "messages" feature: the reader's build warns about no name.)
    #[cfg(feature = "messages")]
    PossibleProvince {
        /// The region as written.
        text: String,
        /// The province it is close to.
        suggestion: &'static str,
    },
    /// A record dated after the 2025 merger names a province that no longer exists.
    #[cfg(feature = "messages")]
    FormerProvince {
        /// The region as written.
        text: String,
        /// The record's year.
        year: i64,
        /// The current unit the province became part of.
        current: &'static str,
        /// Whether its figures were added up under that unit (`regions: "2025"`).
        merged: bool,
    },
}

/// A warning and the JSON path it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// What it says.
    pub kind: WarningKind,
    /// Where (`reported.plan`, `records[2].actual`).
    pub path: String,
}

impl Warning {
    /// A warning of `kind` at `path`.
    pub fn new(kind: WarningKind, path: impl Into<String>) -> Self {
        Warning {
            kind,
            path: path.into(),
        }
    }

    /// The stable code: `total_mismatch`, `possible_grouping`, `ratio_overflow`,
    /// `possible_province`, `former_province`.
    pub fn code(&self) -> &'static str {
        match self.kind {
            WarningKind::TotalMismatch { .. } => "total_mismatch",
            WarningKind::PossibleGrouping { .. } => "possible_grouping",
            WarningKind::RatioOverflow => "ratio_overflow",
            #[cfg(feature = "messages")]
            WarningKind::PossibleProvince { .. } => "possible_province",
            #[cfg(feature = "messages")]
            WarningKind::FormerProvince { .. } => "former_province",
        }
    }
}
