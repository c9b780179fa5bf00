//! The province table and what is built on it: the table's shape against the published
//! arrangement, 250 spellings a journalist might type (tests/provinces/spellings.tsv), exact
//! sums when regrouping (random data, compared with the ungrouped figures to the last digit),
//! the chart's note in both languages, and the illustrative 34-unit file.

use std::collections::{BTreeMap, BTreeSet};

use khuyencong_charts::chart::{describe, layout, ApproxMeasure, ChartOptions, Input, Mark, Mode};
use khuyencong_charts::compute::{cross_by_source, Dim};
use khuyencong_charts::format::Locale;
use khuyencong_charts::regions::{Regions, Table};
use khuyencong_charts::{analyze, analyze_json, json, model::parse_data, Analysis, Options};
use rust_decimal::Decimal;

const TSV: &str = include_str!("../src/regions/provinces.tsv");

/// The arrangement as published (Nghị quyết 60-NQ/TW's list, which Nghị quyết 202/2025/QH15
/// enacted), typed here apart from the table: current unit, then the former units joined to
/// it besides the one of its own name.
const PUBLISHED: [(&str, &[&str]); 34] = [
    ("Hà Nội", &[]),
    ("Huế", &["Thừa Thiên Huế"]),
    ("Lai Châu", &[]),
    ("Điện Biên", &[]),
    ("Sơn La", &[]),
    ("Lạng Sơn", &[]),
    ("Quảng Ninh", &[]),
    ("Thanh Hóa", &[]),
    ("Nghệ An", &[]),
    ("Hà Tĩnh", &[]),
    ("Cao Bằng", &[]),
    ("Tuyên Quang", &["Hà Giang"]),
    ("Lào Cai", &["Yên Bái"]),
    ("Thái Nguyên", &["Bắc Kạn"]),
    ("Phú Thọ", &["Vĩnh Phúc", "Hòa Bình"]),
    ("Bắc Ninh", &["Bắc Giang"]),
    ("Hưng Yên", &["Thái Bình"]),
    ("Hải Phòng", &["Hải Dương"]),
    ("Ninh Bình", &["Hà Nam", "Nam Định"]),
    ("Quảng Trị", &["Quảng Bình"]),
    ("Đà Nẵng", &["Quảng Nam"]),
    ("Quảng Ngãi", &["Kon Tum"]),
    ("Gia Lai", &["Bình Định"]),
    ("Khánh Hòa", &["Ninh Thuận"]),
    ("Lâm Đồng", &["Đắk Nông", "Bình Thuận"]),
    ("Đắk Lắk", &["Phú Yên"]),
    (
        "Thành phố Hồ Chí Minh",
        &["Bình Dương", "Bà Rịa – Vũng Tàu"],
    ),
    ("Đồng Nai", &["Bình Phước"]),
    ("Tây Ninh", &["Long An"]),
    ("Cần Thơ", &["Sóc Trăng", "Hậu Giang"]),
    ("Vĩnh Long", &["Bến Tre", "Trà Vinh"]),
    ("Đồng Tháp", &["Tiền Giang"]),
    ("Cà Mau", &["Bạc Liêu"]),
    ("An Giang", &["Kiên Giang"]),
];

/// The 29 names that no longer exist, as tienphong.vn listed them.
const GONE: [&str; 29] = [
    "Hà Giang",
    "Yên Bái",
    "Bắc Kạn",
    "Vĩnh Phúc",
    "Hòa Bình",
    "Bắc Giang",
    "Thái Bình",
    "Hải Dương",
    "Hà Nam",
    "Nam Định",
    "Quảng Bình",
    "Quảng Nam",
    "Kon Tum",
    "Bình Định",
    "Ninh Thuận",
    "Đắk Nông",
    "Bình Thuận",
    "Phú Yên",
    "Bà Rịa – Vũng Tàu",
    "Bình Dương",
    "Bình Phước",
    "Long An",
    "Sóc Trăng",
    "Hậu Giang",
    "Bến Tre",
    "Trà Vinh",
    "Tiền Giang",
    "Bạc Liêu",
    "Kiên Giang",
];

fn current_of(name: &str) -> &'static str {
    for (current, others) in PUBLISHED {
        if current == name || others.contains(&name) {
            return current;
        }
    }
    name.strip_suffix(" (cũ)").map_or("", current_of)
}

#[test]
fn the_table_has_the_resolutions_shape() {
    assert!(TSV.starts_with("# Nguồn: Nghị quyết số 202/2025/QH15 ngày 12/6/2025"));
    // The file itself: one line per current unit, its own former unit first where it had one.
    let mut formers: Vec<&str> = Vec::new();
    let mut lines = 0;
    for line in TSV.lines().filter(|l| !l.starts_with(['#', '='])) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "{line}");
        assert!(matches!(cols[1], "tp" | "tỉnh"), "{line}");
        let members: Vec<&str> = cols[2].split(", ").collect();
        if cols[0] != "Huế" {
            assert_eq!(members[0], cols[0], "{line}: the unit itself comes first");
        }
        formers.extend(members);
        lines += 1;
    }
    assert_eq!(lines, 34);
    assert_eq!(formers.len(), 63);
    let distinct: BTreeSet<&str> = formers.iter().copied().collect();
    assert_eq!(
        distinct.len(),
        63,
        "each former unit in exactly one current unit"
    );

    let t = Table::new();
    assert_eq!(t.current.len(), 34);
    assert_eq!(t.names.iter().filter(|n| n.former).count(), 63);
    assert_eq!(t.names.iter().filter(|n| n.is_current).count(), 34);
    assert_eq!(
        t.names.len(),
        64,
        "every current unit but Huế kept a former unit's name"
    );
    let cities: BTreeSet<&str> = t
        .current
        .iter()
        .filter(|c| c.city)
        .map(|c| c.name)
        .collect();
    let expected: BTreeSet<&str> = [
        "Hà Nội",
        "Huế",
        "Hải Phòng",
        "Đà Nẵng",
        "Thành phố Hồ Chí Minh",
        "Cần Thơ",
    ]
    .into_iter()
    .collect();
    assert_eq!(cities, expected);
    for n in &t.names {
        assert_eq!(khuyencong_charts::unicode::nfc(n.name), n.name, "NFC");
        let current = t.current[n.current].name;
        assert_eq!(current, current_of(n.name), "{}", n.name);
        if n.is_current {
            assert_eq!(current, n.name);
        }
    }
    // The arrangement as published, unit by unit.
    for (current, others) in PUBLISHED {
        let c = t.current.iter().position(|c| c.name == current).unwrap();
        let mut members: Vec<&str> = t
            .names
            .iter()
            .filter(|n| n.former && n.current == c)
            .map(|n| n.name)
            .collect();
        members.sort_unstable();
        let mut want: Vec<&str> = others.to_vec();
        if current != "Huế" {
            want.push(current);
        }
        want.sort_unstable();
        assert_eq!(members, want, "{current}");
    }
    let gone: BTreeSet<&str> = t
        .names
        .iter()
        .filter(|n| !n.is_current)
        .map(|n| n.name)
        .collect();
    let mut published_gone: BTreeSet<&str> = GONE.into_iter().collect();
    published_gone.insert("Thừa Thiên Huế"); // renamed Huế on 1/1/2025
    assert_eq!(gone, published_gone);
    // The illustrative 63-unit file names exactly the 63 former units.
    let a = analyze_json(
        include_str!("../www/data/63-tinh-minh-hoa.json"),
        &Options {
            regions: Regions::AsWritten,
            ..Options::default()
        },
    )
    .unwrap();
    let in_file: BTreeSet<&str> = a.by_region.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(in_file, distinct);
    // No two names, and no name and another spelling, fold to one key.
    let mut keys: BTreeMap<&str, usize> = BTreeMap::new();
    for (k, i) in t.keys() {
        assert!(!k.is_empty());
        if let Some(j) = keys.insert(k, i) {
            panic!("{k}: {} and {}", t.names[i].name, t.names[j].name);
        }
    }
}

/// Reads a spelling as written in the fixture (its `\uXXXX` escapes applied).
fn unescape(s: &str) -> String {
    serde_json::from_str(&format!("\"{s}\"")).unwrap()
}

fn one_record(region: &str, options: Options) -> Analysis {
    let data = serde_json::json!({
        "title": "T", "unit": "ty_dong", "records": [{ "region": region, "actual": "1" }]
    });
    analyze_json(&data.to_string(), &options).unwrap()
}

#[test]
fn spellings_map_to_the_right_province() {
    let text = include_str!("provinces/spellings.tsv");
    let mut n = 0;
    let mut problems = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (written, expected) = line.split_once('\t').unwrap();
        let written = unescape(written);
        n += 1;
        for regions in [Regions::Names, Regions::Merged2025] {
            let a = one_record(
                &written,
                Options {
                    regions,
                    ..Options::default()
                },
            );
            let key = a.by_region[0].key.as_str();
            let codes: Vec<&str> = a.warnings.iter().map(|w| w.code()).collect();
            let as_written = written.trim();
            let ok = match (expected, regions) {
                ("-", _) => key == as_written && codes.is_empty(),
                (e, _) if e.starts_with('?') => {
                    let message = a.warnings.first().map(|w| w.message(Locale::Vi, a.unit));
                    key == as_written
                        && codes == ["possible_province"]
                        && message.is_some_and(|m| m.contains(&format!("\"{}\"", &e[1..])))
                }
                (e, Regions::Names) => key == e && codes.is_empty(),
                (e, _) => key == current_of(e) && codes.is_empty(),
            };
            if !ok {
                problems.push(format!(
                    "{written:?} ({}): expected {expected}, got {key:?} {codes:?}",
                    regions.key()
                ));
            }
        }
    }
    assert!(n >= 250, "{n} spellings");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn as_written_recognizes_nothing() {
    let o = Options {
        regions: Regions::AsWritten,
        ..Options::default()
    };
    for s in ["tỉnh Ha Giang", "Quảng Nihn", "TP.HCM"] {
        let a = one_record(s, o);
        assert_eq!((a.by_region[0].key.as_str(), a.warnings.len()), (s, 0));
        assert!(a.regions.combined.is_empty() && a.regions.former.is_empty());
    }
}

/// xorshift64*: a small deterministic generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn amount(&mut self) -> String {
        let int = self.next() % 1_000_000_000;
        match self.below(3) {
            0 => int.to_string(),
            _ => {
                let digits = 1 + self.below(8);
                let frac = self.next() % 10u64.pow(digits as u32);
                format!("{int}.{frac:0digits$}")
            }
        }
    }
}

/// A name as someone might write it: as is, without marks, with "tỉnh", in capitals.
fn spelled(rng: &mut Rng, name: &str) -> String {
    match rng.below(5) {
        0 => name.to_string(),
        1 => format!("tỉnh {name}"),
        2 => name.to_uppercase(),
        3 => khuyencong_charts::regions::table::fold(name),
        _ => format!("  {name} "),
    }
}

fn sums(a: &Analysis) -> [Option<Decimal>; 4] {
    let t = &a.total.sums;
    [
        t.plan,
        t.actual,
        t.counterpart,
        t.projects.map(Decimal::from),
    ]
}

#[test]
fn regrouping_keeps_every_digit() {
    let table = Table::new();
    let places: Vec<&str> = table
        .names
        .iter()
        .map(|n| n.name)
        .chain(["Khu vực phía Bắc", "Cụm công nghiệp Tân Phú"])
        .collect();
    let mut rng = Rng(0x5EED_2025);
    for round in 0..60 {
        let n = 1 + rng.below(400);
        let mut records = Vec::new();
        for _ in 0..n {
            let mut r = serde_json::Map::new();
            let place = places[rng.below(places.len())];
            r.insert("region".into(), spelled(&mut rng, place).into());
            r.insert("year".into(), (2021 + rng.below(5)).into());
            if rng.below(4) > 0 {
                let s = if rng.below(2) == 0 { "kcqg" } else { "kcdp" };
                r.insert("source".into(), s.into());
            }
            for m in ["plan", "actual", "counterpart"] {
                if rng.below(3) > 0 {
                    r.insert(m.into(), rng.amount().into());
                }
            }
            if rng.below(2) == 0 || r.len() < 4 {
                r.insert("projects".into(), rng.below(50).into());
            }
            records.push(serde_json::Value::Object(r));
        }
        let text = serde_json::json!({ "title": "T", "unit": "trieu_dong", "records": records })
            .to_string();
        let data = parse_data(&json::parse(&text).unwrap()).unwrap();
        let run = |regions| {
            analyze(
                &data,
                &Options {
                    regions,
                    ..Options::default()
                },
            )
            .unwrap()
        };
        let (raw, names, merged) = (
            run(Regions::AsWritten),
            run(Regions::Names),
            run(Regions::Merged2025),
        );
        assert_eq!(sums(&raw), sums(&merged), "round {round}: totals");
        assert_eq!(sums(&names), sums(&merged), "round {round}: totals");
        // Each current unit's sums are its members' sums, exactly; and the groups add up to
        // the total (every record has a region).
        let mut expected: BTreeMap<String, [Decimal; 4]> = BTreeMap::new();
        for g in &names.by_region {
            let current = match table.find(&g.key) {
                Some((i, _)) => table.current[table.names[i].current].name.to_string(),
                None => g.key.clone(),
            };
            let e = expected.entry(current).or_default();
            let s = &g.figure.sums;
            for (acc, v) in e.iter_mut().zip([
                s.plan,
                s.actual,
                s.counterpart,
                s.projects.map(Decimal::from),
            ]) {
                *acc += v.unwrap_or_default();
            }
        }
        assert_eq!(expected.len(), merged.by_region.len(), "round {round}");
        let mut total = [Decimal::ZERO; 4];
        for g in &merged.by_region {
            let s = &g.figure.sums;
            let got = [
                s.plan,
                s.actual,
                s.counterpart,
                s.projects.map(Decimal::from),
            ]
            .map(Option::unwrap_or_default);
            assert_eq!(Some(&got), expected.get(&g.key), "round {round}: {}", g.key);
            for (t, v) in total.iter_mut().zip(got) {
                *t += v;
            }
        }
        assert_eq!(
            total.map(Some),
            sums(&merged).map(|v| v.or(Some(Decimal::ZERO))),
            "round {round}: groups add up to the total"
        );
        // The chart's cross-tab groups the same way, to the same sums.
        let cross = cross_by_source(&data, Dim::Region, Regions::Merged2025).unwrap();
        assert_eq!(cross.len(), merged.by_region.len());
        for (row, g) in cross.iter().zip(&merged.by_region) {
            assert_eq!(row.key, g.key);
            let actual: Decimal = row.by_source.iter().filter_map(|m| m.actual).sum();
            assert_eq!(
                actual,
                g.figure.sums.actual.unwrap_or_default(),
                "{}",
                g.key
            );
        }
    }
}

fn footer_texts(data: &str, options: &str, width: f64) -> (Vec<String>, String) {
    let data = parse_data(&json::parse(data).unwrap()).unwrap();
    let options = ChartOptions::from_value(&json::parse(options).unwrap()).unwrap();
    let analysis = analyze(&data, &options.analysis).unwrap();
    let spec = layout(&Input {
        data: &data,
        analysis: &analysis,
        options: &options,
        mode: Mode::Light,
        width,
        height: None,
        hidden: &[],
        measure: &ApproxMeasure,
    });
    let texts = spec
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    (texts, describe(&data, &analysis))
}

#[test]
fn the_chart_says_it_regrouped_in_its_language() {
    let data = include_str!("../www/data/xu-huong-2021-2026-minh-hoa.json");
    for (options, note) in [
        (
            r#"{"kind":"regions","regions":"2025"}"#,
            "Số liệu các tỉnh trước sáp nhập đã cộng theo tỉnh hiện nay.",
        ),
        (
            r#"{"kind":"trend","regions":"2025","locale":"en"}"#,
            "Figures of provinces before the 2025 merger are added up under today's provinces.",
        ),
    ] {
        for width in [360.0, 1280.0] {
            let (texts, description) = footer_texts(data, options, width);
            // The note may wrap at 360 px: its words are all there, in order.
            let drawn = texts.join(" ");
            assert!(drawn.contains(note) || width < 400.0, "{options}: {drawn}");
            let words: Vec<&str> = note.split(' ').collect();
            let last = texts.iter().rev().take(3).cloned().collect::<Vec<_>>();
            assert!(
                words.iter().all(|w| last.iter().any(|t| t.contains(w))),
                "{options} at {width}: {last:?}"
            );
            assert!(description.ends_with(note), "{description}");
        }
    }
    // Without regrouping, or when nothing was regrouped, no note.
    let (texts, description) = footer_texts(data, r#"{"kind":"regions"}"#, 640.0);
    assert!(!texts.iter().any(|t| t.contains("cộng theo tỉnh hiện nay")));
    assert!(!description.contains("cộng theo tỉnh hiện nay"));
    let only_current =
        r#"{"title":"T","unit":"ty_dong","records":[{"region":"Tuyên Quang","actual":"1"}]}"#;
    let (texts, _) = footer_texts(
        only_current,
        r#"{"kind":"regions","regions":"2025"}"#,
        640.0,
    );
    assert!(!texts.iter().any(|t| t.contains("cộng theo tỉnh hiện nay")));
}

#[test]
fn a_former_name_dated_after_the_merger_is_warned_about_once() {
    let data = |year: i64| {
        serde_json::json!({ "title": "T", "unit": "ty_dong", "records": [
            { "region": "Hà Giang", "year": 2024, "actual": "1" },
            { "region": "Hà Giang", "year": year, "actual": "2" },
            { "region": "Hà Giang", "year": year, "actual": "3" },
            { "region": "Hà Giang (cũ)", "year": 2026, "actual": "3" },
            { "region": "Tuyên Quang", "year": 2026, "actual": "4" }
        ]})
        .to_string()
    };
    let warned = |year, regions| {
        let o = Options {
            regions,
            ..Options::default()
        };
        analyze_json(&data(year), &o).unwrap().warnings
    };
    assert!(
        warned(2025, Regions::Names).is_empty(),
        "2025 is the year of the merger itself"
    );
    let w = warned(2026, Regions::Names);
    assert_eq!(w.len(), 1);
    assert_eq!(
        (w[0].code(), w[0].path.as_str()),
        ("former_province", "records[1].region")
    );
    let unit = khuyencong_charts::Unit::TyDong;
    assert_eq!(
        w[0].message(Locale::Vi, unit),
        "\"Hà Giang\" nay thuộc Tuyên Quang (sắp xếp năm 2025), nhưng bản ghi năm 2026 vẫn ghi tên cũ."
    );
    let w = warned(2027, Regions::Merged2025);
    assert_eq!(
        w[0].message(Locale::En, unit),
        "\"Hà Giang\" is now part of Tuyên Quang (2025 arrangement), but a record of 2027 still \
         uses the old name. Its figures are added to Tuyên Quang."
    );
    assert!(warned(2026, Regions::AsWritten).is_empty());
}

#[test]
fn the_34_unit_file_is_the_63_unit_file_regrouped() {
    let merged = Options {
        regions: Regions::Merged2025,
        ..Options::default()
    };
    let from_63 = analyze_json(include_str!("../www/data/63-tinh-minh-hoa.json"), &merged).unwrap();
    let file_34 = analyze_json(
        include_str!("../www/data/34-tinh-minh-hoa.json"),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(file_34.by_region.len(), 34);
    assert!(file_34.warnings.is_empty() && file_34.regions.former.is_empty());
    let by_key = |a: &Analysis| -> BTreeMap<String, _> {
        a.by_region
            .iter()
            .map(|g| (g.key.clone(), g.figure.sums))
            .collect()
    };
    assert_eq!(by_key(&from_63), by_key(&file_34));
    assert_eq!(from_63.total, file_34.total);
    for src in ["kcqg", "kcdp"] {
        let s = |a: &Analysis| {
            a.by_source
                .iter()
                .find(|g| g.key == src)
                .map(|g| g.figure.clone())
        };
        assert_eq!(s(&from_63), s(&file_34), "{src}");
    }
    let text = include_str!("../www/data/34-tinh-minh-hoa.json");
    assert!(text.contains("\"title\": \"Số liệu minh họa"));
    assert!(text.contains("không phải số liệu công bố"));
}
