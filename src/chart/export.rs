//! The chart leaving the page: SVG drawn by the same painter as the canvas, and CSV of the
//! figures behind it.

use plotters::prelude::*;

use super::paint::{paint, Scale};
use super::{Kind, Spec};
use crate::compute::{Analysis, Dim, Figure, Group};
use crate::exact::canonical_text;
use crate::format::{NumberFormat, DASH};
use crate::locale::Locale;
use crate::model::FundingData;
use crate::options::Options;
use crate::output::Texts;

/// The chart as an SVG document: text stays text (Vietnamese intact, escaped), drawn by the
/// same painter as the canvas through plotters' SVG backend.
///
/// ```
/// use khuyencong_charts::{analyze, json, model::parse_data, chart::*};
/// let data = parse_data(&json::parse(include_str!("../../www/data/phia-bac-2022.json")).unwrap()).unwrap();
/// let options = ChartOptions::default();
/// let analysis = analyze(&data, &options.analysis).unwrap();
/// let spec = layout(&Input { data: &data, analysis: &analysis, options: &options, mode: Mode::Light,
///     width: 640.0, height: None, hidden: &[], measure: &ApproxMeasure });
/// let svg = export::svg(&spec).unwrap();
/// assert!(svg.starts_with("<svg") && svg.contains("170,4 tỷ đồng"));
/// ```
pub fn svg(spec: &Spec) -> Result<String, String> {
    let mut out = String::new();
    {
        let size = (spec.width.ceil() as u32, spec.height.ceil() as u32);
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        // plotters' SVG backend writes font-size as size / 1.24: scale text to match the canvas.
        paint(
            spec,
            &area,
            Scale {
                px: 1.0,
                text: 1.24,
            },
            None,
        )?;
        area.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

fn dim_of(kind: Kind, by: Option<Dim>, a: &Analysis) -> Dim {
    let default = match kind {
        Kind::Regions => Dim::Region,
        Kind::Trend => Dim::Year,
        Kind::Categories => Dim::Category,
        _ => Dim::Source,
    };
    let dim = by.unwrap_or(default);
    let has = |d: Dim| !groups(a, d).is_empty();
    if has(dim) {
        dim
    } else {
        [Dim::Source, Dim::Region, Dim::Year, Dim::Category]
            .into_iter()
            .find(|d| has(*d))
            .unwrap_or(dim)
    }
}

fn dim_name(dim: Dim, vi: bool) -> &'static str {
    match (dim, vi) {
        (Dim::Source, true) => "Nguồn kinh phí",
        (Dim::Region, true) => "Địa phương",
        (Dim::Year, true) => "Năm",
        (Dim::Category, true) => "Nội dung hoạt động",
        (Dim::Source, false) => "Funding source",
        (Dim::Region, false) => "Region",
        (Dim::Year, false) => "Year",
        (Dim::Category, false) => "Activity",
    }
}

fn groups(a: &Analysis, d: Dim) -> &[Group] {
    match d {
        Dim::Source => &a.by_source,
        Dim::Region => &a.by_region,
        Dim::Year => &a.by_year,
        Dim::Category => &a.by_category,
    }
}

/// `-12`, `+1.5`, `-2e3`: a number a spreadsheet reads as a number, not a formula. (Not
/// `str::parse::<f64>`, which would link Rust's float parser into the wasm file for this.)
fn plain_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let mut n = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

fn field(out: &mut String, s: &str) {
    // RFC 4180: quote when needed, double the quotes. A leading =, +, - or @ would be read as a
    // formula by spreadsheets: prefix it with an apostrophe (text stays text).
    let s = if s.starts_with(['=', '+', '-', '@']) && !plain_number(s) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&s);
    }
}

/// The figures behind a chart of `kind` as CSV: UTF-8 with a byte-order mark (so Excel reads
/// Vietnamese correctly), comma-separated (RFC 4180), one row per group and a total row;
/// machine columns in canonical form ("170.4"), then the same figures formatted for the locale.
///
/// ```
/// use khuyencong_charts::{analyze, json, model::parse_data, chart::{export, Kind}, Options};
/// let data = parse_data(&json::parse(include_str!("../../www/data/phia-bac-2022.json")).unwrap()).unwrap();
/// let a = analyze(&data, &Options::default()).unwrap();
/// let csv = export::csv(&data, &a, Kind::Sources, None);
/// assert!(csv.starts_with('\u{feff}'));
/// assert!(csv.contains("Khuyến công quốc gia,80.9,79.5,,,98.3,46.7,,"));
/// ```
pub fn csv(data: &FundingData, a: &Analysis, kind: Kind, by: Option<Dim>) -> String {
    let o: &Options = &a.options;
    let vi = o.locale == Locale::Vi;
    let dim = dim_of(kind, by, a);
    let dim_name = dim_name(dim, vi);
    let unit = data.unit.key();
    let machine: [String; 7] = if vi {
        [
            format!("Kế hoạch ({unit})"),
            format!("Thực hiện ({unit})"),
            format!("Vốn đối ứng ({unit})"),
            "Số đề án".into(),
            "Đạt kế hoạch (%)".into(),
            "Tỷ trọng (%)".into(),
            "Vốn đối ứng trên 1 đồng khuyến công".into(),
        ]
    } else {
        [
            format!("Plan ({unit})"),
            format!("Actual ({unit})"),
            format!("Counterpart ({unit})"),
            "Projects".into(),
            "Of plan (%)".into(),
            "Share (%)".into(),
            "Counterpart per VND of support".into(),
        ]
    };
    let shown = if vi {
        [
            "Kế hoạch",
            "Thực hiện",
            "Vốn đối ứng",
            "Đạt kế hoạch",
            "Tỷ trọng",
        ]
    } else {
        ["Plan", "Actual", "Counterpart", "Of plan", "Share"]
    };
    let mut out = String::from('\u{feff}');
    let mut header: Vec<String> = vec![dim_name.to_string()];
    header.extend(machine);
    header.extend(shown.iter().map(|s| {
        if vi {
            format!("{s} (hiển thị)")
        } else {
            format!("{s} (display)")
        }
    }));
    push_row(&mut out, &header);
    let dec = |d: Option<rust_decimal::Decimal>| d.map(canonical_text).unwrap_or_default();
    let row = |label: &str, f: &Figure| -> Vec<String> {
        let s = &f.sums;
        let t = Texts::new(a);
        let (amount, pct) = (|d| t.amount(d), |d| t.percent(d));
        vec![
            label.to_string(),
            dec(s.plan),
            dec(s.actual),
            dec(s.counterpart),
            s.projects.map(|n| n.to_string()).unwrap_or_default(),
            dec(f.attainment),
            dec(f.share),
            dec(f.leverage),
            amount(s.plan),
            amount(s.actual),
            amount(s.counterpart),
            pct(f.attainment),
            pct(f.share),
        ]
    };
    for g in groups(a, dim) {
        push_row(&mut out, &row(&g.label, &g.figure));
    }
    push_row(
        &mut out,
        &row(if vi { "Tổng cộng" } else { "Total" }, &a.total),
    );
    out
}

/// A data table for readers (what the chart shows, as text): header cells, then rows whose
/// first cell is the row's header. Columns that are empty in every row are left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Column headers; the first names the groups.
    pub head: Vec<String>,
    /// Rows of formatted cells; the last is the total.
    pub rows: Vec<Vec<String>>,
}

/// The table behind a chart of `kind`, formatted for the locale.
///
/// ```
/// use khuyencong_charts::{analyze, json, model::parse_data, chart::{export, Kind}, Options};
/// let data = parse_data(&json::parse(include_str!("../../www/data/phia-bac-2022.json")).unwrap()).unwrap();
/// let a = analyze(&data, &Options::default()).unwrap();
/// let t = export::table(&a, Kind::Sources, None);
/// assert_eq!(t.head, ["Nguồn kinh phí", "Kế hoạch", "Thực hiện", "Đạt kế hoạch", "Tỷ trọng"]);
/// assert_eq!(t.rows[0], ["Khuyến công quốc gia", "80,9 tỷ đồng", "79,5 tỷ đồng", "98,3%", "46,7%"]);
/// assert_eq!(t.rows[2][0], "Tổng cộng");
/// ```
pub fn table(a: &Analysis, kind: Kind, by: Option<Dim>) -> Table {
    let o = &a.options;
    let nf = NumberFormat::new(o.locale);
    let vi = o.locale == Locale::Vi;
    let dim = dim_of(kind, by, a);
    let t = |v: &'static str, e: &'static str| if vi { v } else { e };
    let dim_name = dim_name(dim, vi);
    let names = [
        t("Kế hoạch", "Plan"),
        t("Thực hiện", "Actual"),
        t("Vốn đối ứng", "Counterpart capital"),
        t("Số đề án", "Projects"),
        t("Đạt kế hoạch", "Of plan"),
        t("Tỷ trọng", "Share"),
        t(
            "Vốn đối ứng / 1 đồng khuyến công",
            "Counterpart per VND of support",
        ),
    ];
    let cells = |f: &Figure| -> [Option<String>; 7] {
        let s = &f.sums;
        [
            s.plan.map(|d| nf.amount(d, a.unit, o.amount_digits)),
            s.actual.map(|d| nf.amount(d, a.unit, o.amount_digits)),
            s.counterpart.map(|d| nf.amount(d, a.unit, o.amount_digits)),
            s.projects.map(|n| nf.integer(n)),
            f.attainment.map(|d| nf.percent(d, o.percent_digits)),
            f.share.map(|d| nf.percent(d, o.percent_digits)),
            f.leverage.map(|d| nf.decimal(d, o.ratio_digits)),
        ]
    };
    let mut rows: Vec<(String, [Option<String>; 7])> = groups(a, dim)
        .iter()
        .map(|g| (g.label.clone(), cells(&g.figure)))
        .collect();
    rows.push((t("Tổng cộng", "Total").to_string(), cells(&a.total)));
    let keep: Vec<bool> = (0..7)
        .map(|c| {
            rows.iter()
                .any(|(_, r)| r.get(c).is_some_and(Option::is_some))
        })
        .collect();
    let mut head = vec![dim_name.to_string()];
    head.extend(
        names
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(n, _)| (*n).to_string()),
    );
    let rows = rows
        .into_iter()
        .map(|(label, r)| {
            let mut out = vec![label];
            out.extend(
                r.into_iter()
                    .zip(&keep)
                    .filter(|(_, k)| **k)
                    .map(|(c, _)| c.unwrap_or_else(|| DASH.to_string())),
            );
            out
        })
        .collect();
    Table { head, rows }
}

fn push_row(out: &mut String, cells: &[String]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, c);
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formula_safe() {
        let mut s = String::new();
        field(&mut s, "a,b \"c\"");
        assert_eq!(s, "\"a,b \"\"c\"\"\"");
        let mut s = String::new();
        field(&mut s, "=HYPERLINK(\"x\")");
        assert_eq!(s, "\"'=HYPERLINK(\"\"x\"\")\"");
        let mut s = String::new();
        field(&mut s, "-12.5");
        assert_eq!(s, "-12.5");
        for yes in ["-1", "+1.5", "-.5", "-2.", "-2e3", "+1E-7", "7"] {
            assert!(plain_number(yes), "{yes}");
        }
        for no in [
            "-", "+", "-.", "-e3", "-1e", "-1e+", "-inf", "-NaN", "-1-1", "=1", "1 ", "@2",
        ] {
            assert!(!plain_number(no), "{no}");
        }
    }
}
