//! A description of the figures in the press's phrasing, for screen readers (the chart's
//! accessible description) and for the page text around a chart.

use crate::compute::Analysis;
use crate::format::{no_data, NumberFormat, DASH};
use crate::locale::Locale;
use crate::model::FundingData;
use crate::unicode::{is_upper, lower, upper};

/// "Tổng kinh phí khuyến công thực hiện là 170,4 tỷ đồng, đạt 95,2% kế hoạch (179 tỷ đồng).
/// Khuyến công quốc gia chiếm 46,7%, khuyến công địa phương chiếm 53,3%." An author-written
/// `description` comes first when the data has one.
///
/// ```
/// use khuyencong_charts::{analyze, json, model::parse_data, chart::describe, Options};
/// let data = parse_data(&json::parse(include_str!("../../www/data/phia-bac-2022.json")).unwrap()).unwrap();
/// let a = analyze(&data, &Options::default()).unwrap();
/// assert_eq!(describe(&data, &a),
///   "Tổng kinh phí khuyến công thực hiện là 170,4 tỷ đồng, đạt 95,2% kế hoạch (179 tỷ đồng). \
///    Khuyến công quốc gia chiếm 46,7%, khuyến công địa phương chiếm 53,3%.");
/// ```
pub fn describe(data: &FundingData, a: &Analysis) -> String {
    describe_with(data, a, NumberFormat::new(a.options.locale))
}

/// The same description for a screen reader to speak (the chart's accessible description):
/// numbers without grouping separators, per cent in words ([`NumberFormat::spoken`]).
///
/// ```
/// use khuyencong_charts::{analyze, json, model::parse_data, chart::describe_spoken, Options};
/// let data = parse_data(&json::parse(include_str!("../../www/data/phia-bac-2022.json")).unwrap()).unwrap();
/// let a = analyze(&data, &Options::default()).unwrap();
/// assert_eq!(describe_spoken(&data, &a),
///   "Tổng kinh phí khuyến công thực hiện là 170,4 tỷ đồng, đạt 95,2 phần trăm kế hoạch (179 tỷ đồng). \
///    Khuyến công quốc gia chiếm 46,7 phần trăm, khuyến công địa phương chiếm 53,3 phần trăm.");
/// ```
pub fn describe_spoken(data: &FundingData, a: &Analysis) -> String {
    describe_with(data, a, NumberFormat::spoken(a.options.locale))
}

fn describe_with(data: &FundingData, a: &Analysis, nf: NumberFormat) -> String {
    let locale = a.options.locale;
    let o = &a.options;
    let amount = |d| nf.amount(d, a.unit, o.amount_digits);
    let pct = |d| nf.percent(d, o.percent_digits);
    let mut parts: Vec<String> = Vec::new();
    if let Some(d) = &data.description {
        parts.push(ensure_period(d));
    }
    let t = &a.total;
    if let Some(actual) = t.sums.actual {
        let mut s = match locale {
            Locale::Vi => format!("Tổng kinh phí khuyến công thực hiện là {}", amount(actual)),
            Locale::En => format!("Industrial promotion spending totalled {}", amount(actual)),
        };
        if let (Some(att), Some(plan)) = (t.attainment, t.sums.plan) {
            s.push_str(&match locale {
                Locale::Vi => format!(", đạt {} kế hoạch ({})", pct(att), amount(plan)),
                Locale::En => format!(", {} of the plan ({})", pct(att), amount(plan)),
            });
        }
        parts.push(format!("{s}."));
    }
    let shares: Vec<String> = a
        .by_source
        .iter()
        .filter_map(|g| {
            let share = g.figure.share?;
            Some(match locale {
                Locale::Vi => format!("{} chiếm {}", g.label, pct(share)),
                Locale::En => format!("{} {}", g.label, pct(share)),
            })
        })
        .collect();
    if !shares.is_empty() {
        let joined = lower_after_first(&shares).join(", ");
        parts.push(match locale {
            Locale::Vi => format!("{joined}."),
            Locale::En => format!("Shares: {joined}."),
        });
    }
    if let Some(lev) = t.leverage {
        let lev = nf.decimal(lev, o.ratio_digits);
        parts.push(match locale {
            Locale::Vi => format!("1 đồng khuyến công thu hút được {lev} đồng vốn đối ứng."),
            Locale::En => {
                format!("Each VND of promotion funds attracted {lev} VND of counterpart capital.")
            }
        });
    }
    if let Some(n) = t.sums.projects {
        parts.push(match locale {
            Locale::Vi => format!("Có {}.", nf.projects(n)),
            Locale::En => format!("{} in all.", capitalize(&nf.projects(n))),
        });
    }
    if let Some(note) = a.regions.note(locale).filter(|_| !parts.is_empty()) {
        parts.push(note.to_string());
    }
    if parts.is_empty() {
        return if nf.spoken_form() {
            no_data(locale).to_string()
        } else {
            DASH.to_string()
        };
    }
    parts.join(" ")
}

fn ensure_period(s: &str) -> String {
    let t = s.trim_end();
    if t.ends_with(['.', '!', '?', '…']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// "Khuyến công quốc gia chiếm 46,7%, khuyến công địa phương chiếm 53,3%": mid-sentence
/// labels start in lower case when they begin a capitalized phrase.
fn lower_after_first(items: &[String]) -> Vec<String> {
    items
        .iter()
        .enumerate()
        .map(|(i, s)| if i == 0 { s.clone() } else { lower_first(s) })
        .collect()
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        // Keep acronyms and names written in capitals (KCQG, ODA) as they are.
        Some(c) if is_upper(c) && !chars.clone().next().is_some_and(is_upper) => {
            lower(c) + chars.as_str()
        }
        _ => s.to_string(),
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => upper(c) + chars.as_str(),
        None => String::new(),
    }
}
