//! Every chart kind, laid out natively and drawn by the shipped SVG export
//! (`chart::export::svg`: the painter through plotters' SVG backend, what the wasm's `toSVG()`
//! returns), compared with the committed snapshots in tests/snapshots/
//! (`UPDATE_SNAPSHOTS=1 cargo test --test charts` rewrites them; look at the change before
//! committing it). Also: hit-testing is a pure function of the spec and a point.

use std::fs;
use std::path::PathBuf;

use khuyencong_charts::chart::{
    export, layout, ApproxMeasure, ChartOptions, Input, Mark, Measure, Mode, Shape, Spec,
};
use khuyencong_charts::{analyze, json, model::parse_data, Analysis, FundingData};

struct Case {
    name: &'static str,
    data: &'static str,
    options: &'static str,
    width: f64,
    mode: Mode,
}

const CASES: &[Case] = &[
    Case {
        name: "summary-phia-bac",
        data: "phia-bac-2022.json",
        options: r#"{"kind":"summary"}"#,
        width: 720.0,
        mode: Mode::Light,
    },
    Case {
        name: "summary-cao-bang-360",
        data: "cao-bang-2021-2025.json",
        options: r#"{"kind":"summary"}"#,
        width: 360.0,
        mode: Mode::Light,
    },
    Case {
        name: "sources-phia-bac",
        data: "phia-bac-2022.json",
        options: r#"{"kind":"sources"}"#,
        width: 640.0,
        mode: Mode::Light,
    },
    Case {
        name: "sources-phia-bac-360-dark",
        data: "phia-bac-2022.json",
        options: r#"{"kind":"sources"}"#,
        width: 360.0,
        mode: Mode::Dark,
    },
    Case {
        name: "plan-actual-phia-bac",
        data: "phia-bac-2022.json",
        options: r#"{"kind":"plan-actual"}"#,
        width: 640.0,
        mode: Mode::Light,
    },
    Case {
        name: "plan-actual-phia-bac-en",
        data: "phia-bac-2022.json",
        options: r#"{"kind":"plan-actual","locale":"en"}"#,
        width: 640.0,
        mode: Mode::Light,
    },
    Case {
        name: "regions-provinces",
        data: "dia-phuong-cong-bo.json",
        options: r#"{"kind":"regions"}"#,
        width: 640.0,
        mode: Mode::Light,
    },
    Case {
        name: "regions-63",
        data: "63-tinh-minh-hoa.json",
        options: r#"{"kind":"regions"}"#,
        width: 640.0,
        mode: Mode::Light,
    },
    Case {
        name: "leverage-cao-bang",
        data: "cao-bang-2021-2025.json",
        options: r#"{"kind":"leverage"}"#,
        width: 640.0,
        mode: Mode::Light,
    },
    Case {
        name: "leverage-provinces",
        data: "dia-phuong-cong-bo.json",
        options: r#"{"kind":"leverage","by":"region"}"#,
        width: 640.0,
        mode: Mode::Dark,
    },
    Case {
        name: "trend-provinces",
        data: "dia-phuong-cong-bo.json",
        options: r#"{"kind":"trend"}"#,
        width: 640.0,
        mode: Mode::Light,
    },
    Case {
        name: "categories-dak-lak",
        data: "dak-lak-2020.json",
        options: r#"{"kind":"categories"}"#,
        width: 640.0,
        mode: Mode::Light,
    },
    Case {
        name: "categories-binh-dinh-360",
        data: "binh-dinh-2021.json",
        options: r#"{"kind":"categories"}"#,
        width: 360.0,
        mode: Mode::Light,
    },
    Case {
        name: "regions-34-360",
        data: "34-tinh-minh-hoa.json",
        options: r#"{"kind":"regions"}"#,
        width: 360.0,
        mode: Mode::Light,
    },
    Case {
        name: "regions-34-1280",
        data: "34-tinh-minh-hoa.json",
        options: r#"{"kind":"regions"}"#,
        width: 1280.0,
        mode: Mode::Light,
    },
    Case {
        name: "regions-merger-names",
        data: "xu-huong-2021-2026-minh-hoa.json",
        options: r#"{"kind":"regions"}"#,
        width: 640.0,
        mode: Mode::Light,
    },
    Case {
        name: "regions-merger-2025",
        data: "xu-huong-2021-2026-minh-hoa.json",
        options: r#"{"kind":"regions","regions":"2025"}"#,
        width: 640.0,
        mode: Mode::Light,
    },
    Case {
        name: "trend-merger-2025-en",
        data: "xu-huong-2021-2026-minh-hoa.json",
        options: r#"{"kind":"trend","regions":"2025","locale":"en"}"#,
        width: 640.0,
        mode: Mode::Light,
    },
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Data and chart options read and analyzed once, to lay out at any size.
struct Prepared {
    data: FundingData,
    options: ChartOptions,
    analysis: Analysis,
}

impl Prepared {
    /// From JSON texts.
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

    /// A case's data file (www/data) and options.
    fn of(case: &Case) -> Self {
        let text = fs::read_to_string(root().join("www/data").join(case.data)).expect("data file");
        Prepared::new(&text, case.options)
    }

    /// Laid out with the approximate text widths.
    fn layout(&self, mode: Mode, width: f64, height: Option<f64>, hidden: &[String]) -> Spec {
        layout(&Input {
            data: &self.data,
            analysis: &self.analysis,
            options: &self.options,
            mode,
            width,
            height,
            hidden,
            measure: &ApproxMeasure,
        })
    }
}

fn build(case: &Case) -> Spec {
    Prepared::of(case).layout(case.mode, case.width, None, &[])
}

#[test]
fn every_kind_matches_its_snapshot() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for case in CASES {
        let spec = build(case);
        assert!(
            !spec.items.is_empty(),
            "{}: a chart with nothing to point at",
            case.name
        );
        assert!(
            spec.height > 100.0 && spec.height < 3000.0,
            "{}: height {}",
            case.name,
            spec.height
        );
        // The function the product ships, not a copy of it.
        let out = export::svg(&spec).expect("svg export");
        assert!(out.contains("<text"), "{}: has text", case.name);
        let path = root()
            .join("tests/snapshots")
            .join(format!("{}.svg", case.name));
        if update || !path.exists() {
            fs::write(&path, &out).expect("write snapshot");
            continue;
        }
        let want = fs::read_to_string(&path).expect("snapshot");
        if want != out {
            fs::write(path.with_extension("new.svg"), &out).expect("write new");
            failures.push(case.name);
        }
    }
    assert!(
        failures.is_empty(),
        "snapshots differ (see tests/snapshots/*.new.svg): {failures:?}"
    );
}

fn center(shape: &Shape) -> (f64, f64) {
    match *shape {
        Shape::Rect { x, y, w, h } => (x + w / 2.0, y + h / 2.0),
        Shape::Sector {
            cx,
            cy,
            r0,
            r1,
            a0,
            a1,
        } => {
            let (a, r) = ((a0 + a1) / 2.0, (r0 + r1) / 2.0);
            (
                cx + r * (a - std::f64::consts::FRAC_PI_2).cos(),
                cy + r * (a - std::f64::consts::FRAC_PI_2).sin(),
            )
        }
    }
}

#[test]
fn hit_testing_finds_each_item_at_its_centre_and_nothing_outside() {
    for case in CASES {
        let spec = build(case);
        for (i, item) in spec.items.iter().enumerate() {
            let (x, y) = center(&item.shape);
            assert_eq!(
                spec.hit(x, y, 0.0),
                Some(i),
                "{}: item {i} ({})",
                case.name,
                item.title
            );
            assert!(
                !item.rows.is_empty() && !item.speech.is_empty(),
                "{}: item {i} has tooltip text",
                case.name
            );
        }
        assert_eq!(spec.hit(-10.0, -10.0, 8.0), None, "{}", case.name);
        assert_eq!(
            spec.hit(spec.width / 2.0, 2.0, 0.0),
            None,
            "{}: the title is not a data point",
            case.name
        );
    }
}

#[test]
fn tooltips_carry_exact_figures_and_full_labels() {
    let spec = build(&CASES[2]); // sources donut of the seed figures
    let kcqg = &spec.items[0];
    assert_eq!(kcqg.title, "Khuyến công quốc gia");
    assert!(
        kcqg.rows
            .contains(&("Thực hiện".into(), "79,5 tỷ đồng".into())),
        "{:?}",
        kcqg.rows
    );
    assert!(
        kcqg.rows.contains(&("Tỷ trọng".into(), "46,7%".into())),
        "{:?}",
        kcqg.rows
    );
    let spec = build(&CASES[7]); // 63 provinces: long names are shortened on the axis only
    let longest = spec
        .items
        .iter()
        .map(|i| i.title.chars().count())
        .max()
        .unwrap_or(0);
    assert!(longest >= 18, "full names in tooltips, got {longest} chars");
}

#[test]
fn hiding_a_series_removes_its_marks_and_rescales() {
    let prepared = Prepared::of(&CASES[4]); // plan-actual
    let all = prepared.layout(Mode::Light, 640.0, None, &[]);
    let some = prepared.layout(Mode::Light, 640.0, None, &["plan".to_string()]);
    assert_eq!(all.items.len(), 6); // 3 rows (2 sources + total) × plan, actual
    assert_eq!(some.items.len(), 3);
    assert!(some.legend.iter().any(|l| l.key == "plan" && l.hidden));
}

#[test]
fn an_explicit_height_is_honoured_when_it_is_larger_than_needed() {
    for (case, height) in [(&CASES[4], 600.0), (&CASES[2], 600.0), (&CASES[10], 500.0)] {
        let spec = Prepared::of(case).layout(Mode::Light, 640.0, Some(height), &[]);
        assert!(
            (spec.height - height).abs() < 1.0,
            "{}: asked {height}, got {}",
            case.name,
            spec.height
        );
    }
}

#[test]
fn a_wide_short_donut_names_its_slices_in_full_within_the_chart() {
    // Long source names, a wide chart and a height that keeps the ring small: the names have
    // room beside the ring, so they are written in full (once cut at a fixed 140 px), and no
    // text leaves the chart.
    let text = r#"{"title":"Kinh phí khuyến công tỉnh Đắk Lắk năm 2024","unit":"trieu_dong",
        "sources":[{"key":"qg","label":"Khuyến công quốc gia (Bộ Công Thương giao)","level":"national"},
                   {"key":"dp","label":"Khuyến công địa phương (ngân sách tỉnh)","level":"local"}],
        "records":[{"source":"qg","actual":"795"},{"source":"dp","actual":"909"}]}"#;
    let prepared = Prepared::new(text, r#"{"kind":"sources"}"#);
    for (width, height, full) in [(1000.0, 420.0, true), (480.0, 420.0, false)] {
        let spec = prepared.layout(Mode::Light, width, Some(height), &[]);
        let texts: Vec<(f64, f64, String)> = spec
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text {
                    x,
                    text,
                    size,
                    weight,
                    align,
                    ..
                } => {
                    let w = ApproxMeasure.width(text, *size, *weight);
                    let left = align.left(*x, w);
                    Some((left, left + w, text.clone()))
                }
                _ => None,
            })
            .collect();
        for (left, right, t) in &texts {
            assert!(
                *left >= 0.0 && *right <= width,
                "{width} px: {t:?} spans {left:.0}–{right:.0}"
            );
        }
        for source in &prepared.data.sources {
            // The legend writes each name too: count the ones beside the ring.
            let n = texts.iter().filter(|(_, _, t)| *t == source.label).count();
            assert_eq!(
                n >= 2,
                full,
                "{width} px: {:?} in full {n} times",
                source.label
            );
        }
    }
}
