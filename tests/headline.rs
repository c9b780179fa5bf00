//! The headline figures are never cut: every kind laid out at phone widths (320, 360, 390 px)
//! and a desktop width, with long units ("nghìn đồng", "triệu đồng") and 7-digit figures, keeps
//! every digit of every figure. A figure may move its unit to a second line or shrink; only a
//! name may be shortened with "…", and never inside a number. Every text stays inside the
//! chart; the donut's total inside its hole (or under the ring), each tile's text inside it.

use std::fs;
use std::path::PathBuf;

use khuyencong_charts::chart::spec::Baseline;
use khuyencong_charts::chart::{
    export, layout, ApproxMeasure, ChartOptions, Input, Kind, Mark, Measure, Mode, Shape, Spec,
};
use khuyencong_charts::output::Texts;
use khuyencong_charts::{analyze, json, model::parse_data, Analysis, FundingData};

const WIDTHS: [f64; 4] = [320.0, 360.0, 390.0, 1024.0];

/// 1 234 567 spent of 1 300 000 planned, counterpart 12,35 times each record's spending (so the
/// leverage of every group and of the total is 12,35), by two sources, three regions, five
/// years and three activities.
fn data(unit: &str) -> String {
    let records = [
        (
            "kcqg",
            "Hà Giang",
            2021,
            "Máy móc thiết bị tiên tiến",
            "250000",
            "234567",
            "2896902.45",
            3,
        ),
        (
            "kcqg",
            "Thành phố Hồ Chí Minh",
            2022,
            "Đào tạo nghề",
            "200000",
            "200000",
            "2470000",
            2,
        ),
        (
            "kcdp",
            "Bà Rịa – Vũng Tàu",
            2023,
            "Máy móc thiết bị tiên tiến",
            "450000",
            "400000",
            "4940000",
            5,
        ),
        (
            "kcdp",
            "Hà Giang",
            2024,
            "Sản phẩm công nghiệp nông thôn tiêu biểu",
            "300000",
            "300000",
            "3705000",
            4,
        ),
        (
            "kcqg",
            "Thành phố Hồ Chí Minh",
            2025,
            "Đào tạo nghề",
            "100000",
            "100000",
            "1235000",
            1,
        ),
    ];
    let records: Vec<String> = records
        .iter()
        .map(|(source, region, year, category, plan, actual, counterpart, projects)| {
            format!(
                r#"{{"source":"{source}","region":"{region}","year":{year},"category":"{category}","plan":"{plan}","actual":"{actual}","counterpart":"{counterpart}","projects":{projects}}}"#
            )
        })
        .collect();
    format!(
        r#"{{"title":"Kinh phí khuyến công 2021–2025","source":"Sở Công Thương","unit":"{unit}",
            "records":[{}]}}"#,
        records.join(",")
    )
}

/// Data and options read and analyzed once, to lay out at any size.
struct Prepared {
    data: FundingData,
    options: ChartOptions,
    analysis: Analysis,
}

impl Prepared {
    fn new(data: &str, options: &str) -> Self {
        let data = parse_data(&json::parse(data).expect("json")).expect("valid data");
        let options =
            ChartOptions::from_value(&json::parse(options).expect("options")).expect("options");
        let analysis = analyze(&data, &options.analysis).expect("analysis");
        Prepared {
            data,
            options,
            analysis,
        }
    }

    fn layout(&self, width: f64, height: Option<f64>) -> Spec {
        self.layout_with(width, height, &ApproxMeasure)
    }

    /// Laid out with the text widths of `measure`.
    fn layout_with(&self, width: f64, height: Option<f64>, measure: &dyn Measure) -> Spec {
        layout(&Input {
            data: &self.data,
            analysis: &self.analysis,
            options: &self.options,
            mode: Mode::Light,
            width,
            height,
            hidden: &[],
            measure,
        })
    }

    /// The figures the kind puts in large type, as the analysis formats them (those the data
    /// has: a missing one is no tile).
    fn headlines(&self) -> Vec<String> {
        let a = &self.analysis;
        let t = Texts::new(a);
        let vi = a.options.locale == khuyencong_charts::Locale::Vi;
        let h = match self.options.kind {
            Kind::Summary => {
                let mut h = vec![
                    t.amount(a.total.sums.actual),
                    t.percent(a.total.attainment),
                    t.ratio(a.total.leverage),
                ];
                if a.total.attainment.is_some() {
                    // The caption holds a figure too.
                    h.push(format!(
                        "{} ({})",
                        if vi {
                            "đạt kế hoạch"
                        } else {
                            "of the plan"
                        },
                        t.amount(a.total.sums.plan)
                    ));
                }
                h.extend(a.by_source.iter().map(|g| t.percent(g.figure.share)));
                h
            }
            Kind::Sources => {
                let mut h = vec![t.amount(a.total.sums.actual)];
                h.extend(a.by_source.iter().map(|g| t.percent(g.figure.share)));
                h
            }
            Kind::Leverage => {
                let r = t.ratio(a.total.leverage);
                vec![if vi {
                    format!("1 đồng khuyến công thu hút {r} đồng vốn đối ứng")
                } else {
                    format!("1 VND of promotion funds attracted {r} VND of counterpart capital")
                }]
            }
            _ => Vec::new(),
        };
        h.into_iter().filter(|h| !h.contains('–')).collect()
    }
}

/// A text mark and its box, as the approximate widths place it.
struct Placed {
    text: String,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

fn texts(spec: &Spec) -> Vec<Placed> {
    texts_with(spec, &ApproxMeasure)
}

/// The text marks of `spec` placed with the widths of `m` (those it was laid out with).
fn texts_with(spec: &Spec, measure: &dyn Measure) -> Vec<Placed> {
    spec.marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text {
                x,
                y,
                text,
                size,
                weight,
                align,
                baseline,
                ..
            } => {
                let w = measure.width(text, *size, *weight);
                let left = align.left(*x, w);
                let top = match baseline {
                    Baseline::Top => *y,
                    Baseline::Middle => y - size / 2.0,
                    Baseline::Bottom => y - size,
                };
                Some(Placed {
                    text: text.clone(),
                    left,
                    right: left + w,
                    top,
                    bottom: top + size,
                })
            }
            _ => None,
        })
        .collect()
}

/// Every text of `spec`, in paint order, one space between: a figure wrapped on two lines reads
/// whole here.
fn joined(spec: &Spec) -> String {
    texts(spec)
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The checks every layout passes; `what` names the case in messages.
fn check(spec: &Spec, headlines: &[String], what: &str) {
    check_with(spec, headlines, what, &ApproxMeasure);
}

/// [`check`] of a layout measured with `m`.
fn check_with(spec: &Spec, headlines: &[String], what: &str, m: &dyn Measure) {
    let placed = texts_with(spec, m);
    for t in &placed {
        assert!(
            !(t.text.contains('…') && t.text.chars().any(|c| c.is_ascii_digit())),
            "{what}: a text with a figure was shortened: {:?}",
            t.text
        );
        assert!(
            t.left >= -0.5 && t.right <= spec.width + 0.5,
            "{what}: {:?} spans {:.1}–{:.1} of {}",
            t.text,
            t.left,
            t.right,
            spec.width
        );
        assert!(
            t.top >= -0.5 && t.bottom <= spec.height + 0.5,
            "{what}: {:?} spans y {:.1}–{:.1} of {}",
            t.text,
            t.top,
            t.bottom,
            spec.height
        );
    }
    // A figure held together for wrapping is drawn and named with plain spaces.
    for text in placed
        .iter()
        .map(|t| &t.text)
        .chain(spec.items.iter().map(|i| &i.title))
    {
        assert!(
            !text.contains('\u{a0}'),
            "{what}: a no-break space in {text:?}"
        );
    }
    let all = joined(spec);
    for h in headlines {
        assert!(
            all.contains(h.as_str()),
            "{what}: {h:?} not whole in {all:?}"
        );
    }
    // Each text drawn in a tile lies inside it.
    for item in &spec.items {
        if let Shape::Rect { x, y, w, h } = item.shape {
            if w < 60.0 || h < 60.0 {
                continue; // a bar, not a tile
            }
            for t in placed
                .iter()
                .filter(|t| t.left >= x - 1.0 && t.left <= x + w && t.top >= y && t.top <= y + h)
            {
                assert!(
                    t.right <= x + w - 4.0 && t.bottom <= y + h - 4.0,
                    "{what}: {:?} leaves its tile ({:.1}–{:.1} of {x:.1}–{:.1}, bottom {:.1} of {:.1})",
                    t.text,
                    t.left,
                    t.right,
                    x + w,
                    t.bottom,
                    y + h
                );
            }
        }
    }
    // The donut's total: inside the hole when it is drawn there.
    if let Some(Shape::Sector { cx, cy, r0, .. }) = spec.items.first().map(|i| i.shape) {
        for t in placed
            .iter()
            .filter(|t| ((t.left + t.right) / 2.0 - cx).abs() < 1.0)
            .filter(|t| t.top < cy + r0 && t.bottom > cy - r0)
        {
            for (px, py) in [
                (t.left, t.top),
                (t.right, t.top),
                (t.left, t.bottom),
                (t.right, t.bottom),
            ] {
                assert!(
                    ((px - cx).powi(2) + (py - cy).powi(2)).sqrt() <= r0,
                    "{what}: {:?} reaches into the ring (r0 {r0:.1})",
                    t.text
                );
            }
        }
    }
}

/// The leverage sentence, if drawn, reads whole: "1 đồng khuyến công thu hút", a number,
/// "đồng vốn đối ứng".
fn leverage_sentence_is_whole(spec: &Spec, what: &str) {
    let all = joined(spec);
    let Some((_, rest)) = all.split_once("1 đồng khuyến công thu hút ") else {
        return;
    };
    let (number, rest) = rest.split_once(' ').unwrap_or((rest, ""));
    assert!(
        number
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && rest.starts_with("đồng vốn đối ứng"),
        "{what}: the sentence is cut: {all:?}"
    );
}

fn options(kind: Kind, locale: &str) -> String {
    format!(r#"{{"kind":"{}","locale":"{locale}"}}"#, kind.key())
}

#[test]
fn seven_digit_figures_with_long_units_are_whole_at_every_width() {
    for unit in ["nghin_dong", "trieu_dong"] {
        for locale in ["vi", "en"] {
            for kind in Kind::ALL {
                let prepared = Prepared::new(&data(unit), &options(kind, locale));
                let headlines = prepared.headlines();
                for width in WIDTHS {
                    let spec = prepared.layout(width, None);
                    check(
                        &spec,
                        &headlines,
                        &format!("{} {unit} {locale} at {width} px", kind.key()),
                    );
                }
            }
        }
    }
}

/// The approximate widths, `0` times wider: a phone's font may set wider than the table.
struct Wider(f64);

impl Measure for Wider {
    fn width(&self, text: &str, size: f64, weight: khuyencong_charts::chart::text::Weight) -> f64 {
        ApproxMeasure.width(text, size, weight) * self.0
    }
}

#[test]
fn wider_fonts_wrap_and_shrink_the_figures_instead_of_cutting_them() {
    for font in [Wider(1.15), Wider(1.3)] {
        for kind in [Kind::Sources, Kind::Summary, Kind::Leverage] {
            let prepared = Prepared::new(&data("nghin_dong"), &options(kind, "vi"));
            let headlines = prepared.headlines();
            for width in [320.0, 360.0, 390.0] {
                let spec = prepared.layout_with(width, None, &font);
                let what = format!("{} at {width} px, fonts {}× wider", kind.key(), font.0);
                check_with(&spec, &headlines, &what, &font);
            }
        }
    }
}

#[test]
fn the_headline_figures_are_the_seven_digit_ones() {
    // The checks above look for these exact texts: make sure they are the long ones.
    let prepared = Prepared::new(&data("trieu_dong"), &options(Kind::Summary, "vi"));
    assert_eq!(
        prepared.headlines()[..3],
        ["1.234.567 triệu đồng", "95,0%", "12,35"]
    );
    let prepared = Prepared::new(&data("nghin_dong"), &options(Kind::Leverage, "vi"));
    assert_eq!(
        prepared.headlines(),
        ["1 đồng khuyến công thu hút 12,35 đồng vốn đối ứng"]
    );
}

#[test]
fn a_figure_too_wide_for_one_line_puts_its_unit_on_the_next() {
    // 360 px: two tiles a row, 144 px for "1.234.567 triệu đồng".
    let prepared = Prepared::new(&data("trieu_dong"), &options(Kind::Summary, "vi"));
    let spec = prepared.layout(360.0, None);
    let lines: Vec<String> = texts(&spec).into_iter().map(|t| t.text).collect();
    let at = lines
        .iter()
        .position(|l| l == "1.234.567")
        .unwrap_or_else(|| panic!("the number on a line of its own: {lines:?}"));
    assert_eq!(lines[at + 1], "triệu đồng", "{lines:?}");
    // At 320 px a caption's figure keeps its unit whole on the next line.
    let spec = prepared.layout(320.0, None);
    let lines: Vec<String> = texts(&spec).into_iter().map(|t| t.text).collect();
    let at = lines
        .iter()
        .position(|l| l.ends_with("(1.300.000"))
        .unwrap_or_else(|| panic!("the caption's figure on one line: {lines:?}"));
    assert_eq!(lines[at + 1], "triệu đồng)", "{lines:?}");
    // The donut at 320 px: the hole holds the number over its unit.
    let prepared = Prepared::new(&data("nghin_dong"), &options(Kind::Sources, "vi"));
    let spec = prepared.layout(320.0, None);
    let lines: Vec<String> = texts(&spec).into_iter().map(|t| t.text).collect();
    let at = lines
        .iter()
        .position(|l| l == "1.234.567")
        .unwrap_or_else(|| panic!("the number on a line of its own: {lines:?}"));
    assert_eq!(lines[at + 1], "nghìn đồng", "{lines:?}");
}

#[test]
fn a_fixed_height_too_small_keeps_every_digit() {
    for kind in [Kind::Sources, Kind::Summary, Kind::Leverage] {
        let prepared = Prepared::new(&data("nghin_dong"), &options(kind, "vi"));
        let headlines = prepared.headlines();
        for width in [320.0, 360.0, 640.0] {
            for height in [120.0, 240.0, 320.0] {
                let spec = prepared.layout(width, Some(height));
                check(
                    &spec,
                    &headlines,
                    &format!("{} at {width}×{height} px", kind.key()),
                );
            }
        }
    }
}

#[test]
fn a_fixed_height_larger_than_needed_is_the_height() {
    for kind in [Kind::Sources, Kind::Summary, Kind::Leverage] {
        let prepared = Prepared::new(&data("trieu_dong"), &options(kind, "vi"));
        for width in [320.0, 640.0] {
            let spec = prepared.layout(width, Some(1400.0));
            assert!(
                (spec.height - 1400.0).abs() < 1.0,
                "{} at {width} px: asked 1400, got {}",
                kind.key(),
                spec.height
            );
        }
    }
}

#[test]
fn the_published_data_keeps_its_figures_on_phones() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/data");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("www/data")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    for file in &files {
        let text = fs::read_to_string(file).expect("data file");
        for kind in Kind::ALL {
            let prepared = Prepared::new(&text, &options(kind, "vi"));
            // The leverage sentence speaks of the groups shown, not always of the total: its
            // shape is checked instead.
            let headlines = match kind {
                Kind::Leverage => Vec::new(),
                _ => prepared.headlines(),
            };
            for width in WIDTHS {
                let spec = prepared.layout(width, None);
                let what = format!("{} {} at {width} px", file.display(), kind.key());
                // A kind the data has no figures for says so, and has no headline.
                let headlines = if spec.items.is_empty() {
                    &[][..]
                } else {
                    &headlines[..]
                };
                check(&spec, headlines, &what);
                if kind == Kind::Leverage {
                    leverage_sentence_is_whole(&spec, &what);
                }
            }
        }
    }
}

/// Draws the headline kinds at phone widths to target/screenshots/headline-<kind>-<width>.svg,
/// through the SVG export, for a look by eye (as PNG: `chromium --headless --no-sandbox
/// --disable-gpu --screenshot=x.png --window-size=<width>,<height> file://…svg`).
#[test]
fn headline_kinds_export_at_phone_widths() {
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    fs::create_dir_all(&out).expect("target/screenshots");
    for kind in [Kind::Sources, Kind::Summary, Kind::Leverage] {
        let prepared = Prepared::new(&data("trieu_dong"), &options(kind, "vi"));
        for width in [320.0, 360.0] {
            let svg = export::svg(&prepared.layout(width, None)).expect("svg");
            assert!(
                svg.contains("1.234.567") || svg.contains("12,35"),
                "{}",
                kind.key()
            );
            fs::write(
                out.join(format!("headline-{}-{width}.svg", kind.key())),
                svg,
            )
            .expect("write svg");
        }
    }
}
