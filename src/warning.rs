//! Warnings: the data is usable, but a reader or editor should know something.

use rust_decimal::Decimal;

use crate::format::{Locale, NumberFormat};
use crate::model::Unit;

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

    /// A sentence in `locale`. Amounts are shown in full (up to 9 fraction digits), so that
    /// two numbers that differ never read the same.
    pub fn message(&self, locale: Locale, unit: Unit) -> String {
        let nf = NumberFormat::new(locale);
        match &self.kind {
            WarningKind::TotalMismatch {
                measure,
                computed,
                reported,
                by_source,
            } => {
                let show = |d: Decimal| match measure {
                    Measure::Projects => nf.projects(u64::try_from(d).unwrap_or(0)),
                    _ => nf.amount(d, unit, 9),
                };
                match locale {
                    Locale::Vi => {
                        let what = match measure {
                            Measure::Plan => "kế hoạch",
                            Measure::Actual => "kinh phí thực hiện",
                            Measure::Counterpart => "vốn đối ứng",
                            Measure::Projects => "số đề án",
                        };
                        let how = if *by_source {
                            "theo nguồn"
                        } else {
                            "cộng từ các bản ghi"
                        };
                        format!(
                            "Tổng {what} {how} là {}, khác số công bố {}.",
                            show(*computed),
                            show(*reported)
                        )
                    }
                    Locale::En => {
                        let what = match measure {
                            Measure::Plan => "plan",
                            Measure::Actual => "actual spending",
                            Measure::Counterpart => "counterpart capital",
                            Measure::Projects => "projects",
                        };
                        let how = if *by_source {
                            "by source"
                        } else {
                            "summed over the records"
                        };
                        format!(
                            "The total {what} {how} is {}, which differs from the published {}.",
                            show(*computed),
                            show(*reported)
                        )
                    }
                }
            }
            WarningKind::RatioOverflow => match locale {
                Locale::Vi => "Có tỷ lệ quá lớn để tính chính xác (số chia gần bằng 0 so với số bị chia); tỷ lệ đó được để trống (–).".to_string(),
                Locale::En => "A ratio is too large to compute exactly (its divisor is nearly zero against its dividend); it is left empty (–).".to_string(),
            },
            WarningKind::PossibleGrouping { text } => {
                let int: String = text.chars().filter(char::is_ascii_digit).collect();
                let int = int.trim_start_matches('0');
                match locale {
                    Locale::Vi => format!(
                        "Số \"{text}\" được hiểu là {} (dấu chấm là dấu thập phân). Nếu ý bạn là {}, hãy viết \"{int}\".",
                        nf.decimal(crate::exact::parse_amount(text).unwrap_or_default(), 9),
                        nf.integer(int.parse().unwrap_or(0)),
                    ),
                    Locale::En => format!(
                        "\"{text}\" is read as {} (the dot is the decimal mark). If you meant {}, write \"{int}\".",
                        nf.decimal(crate::exact::parse_amount(text).unwrap_or_default(), 9),
                        nf.integer(int.parse().unwrap_or(0)),
                    ),
                }
            }
            #[cfg(feature = "messages")]
            WarningKind::PossibleProvince { text, suggestion } => match locale {
                Locale::Vi => format!(
                    "\"{text}\" không khớp tên tỉnh, thành phố nào; có phải là \"{suggestion}\"? Số liệu vẫn được giữ theo tên đã ghi."
                ),
                Locale::En => format!(
                    "\"{text}\" matches no province or city; did you mean \"{suggestion}\"? Its figures stay under the name as written."
                ),
            },
            #[cfg(feature = "messages")]
            WarningKind::FormerProvince {
                text,
                year,
                current,
                merged,
            } => {
                // A validated year (1900–2100), formatted as the u32 that the reader's wasm
                // already formats (no i64 formatting linked in for it).
                let year = u32::try_from(*year).unwrap_or(0);
                let mut s = match locale {
                    Locale::Vi => format!(
                        "\"{text}\" nay thuộc {current} (sắp xếp năm 2025), nhưng bản ghi năm {year} vẫn ghi tên cũ."
                    ),
                    Locale::En => format!(
                        "\"{text}\" is now part of {current} (2025 arrangement), but a record of {year} still uses the old name."
                    ),
                };
                if *merged {
                    s.push_str(match locale {
                        Locale::Vi => " Số liệu được cộng vào ",
                        Locale::En => " Its figures are added to ",
                    });
                    s.push_str(current);
                    s.push('.');
                }
                s
            }
        }
    }
}
