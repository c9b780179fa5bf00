//! The sentence of each warning, in Vietnamese and English.

use rust_decimal::Decimal;

use crate::exact::parse_amount;
use crate::format::NumberFormat;
use crate::locale::Locale;
use crate::model::Unit;
use crate::warning::{Measure, Warning, WarningKind};

impl Warning {
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
                        nf.decimal(parse_amount(text).unwrap_or_default(), 9),
                        nf.integer(int.parse().unwrap_or(0)),
                    ),
                    Locale::En => format!(
                        "\"{text}\" is read as {} (the dot is the decimal mark). If you meant {}, write \"{int}\".",
                        nf.decimal(parse_amount(text).unwrap_or_default(), 9),
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
