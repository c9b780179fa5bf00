//! The exported API in a real browser (wasm-pack test --headless --chrome).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Intl, Object, Reflect};
use khuyencong_charts::web::analyze;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../www/data/phia-bac-2022.json");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn text(v: &JsValue, path: &[&str]) -> String {
    let mut cur = v.clone();
    for k in path {
        cur = get(&cur, k);
    }
    cur.as_string()
        .unwrap_or_else(|| format!("<not a string at {path:?}: {cur:?}>"))
}

fn item(v: &JsValue, key: &str, i: u32) -> JsValue {
    get(v, key)
        .dyn_into::<Array>()
        .map(|a| a.get(i))
        .unwrap_or(JsValue::UNDEFINED)
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn seed_figures_through_the_exported_api() {
    let a = analyze(SEED.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(text(&a, &["total", "text", "actual"]), "170,4 tỷ đồng");
    assert_eq!(text(&a, &["total", "text", "attainment"]), "95,2%");
    assert_eq!(text(&a, &["total", "actual"]), "170.4");
    let kcqg = item(&a, "bySource", 0);
    let kcdp = item(&a, "bySource", 1);
    assert_eq!(
        [
            text(&kcqg, &["text", "actual"]),
            text(&kcqg, &["text", "attainment"]),
            text(&kcqg, &["text", "share"])
        ],
        ["79,5 tỷ đồng", "98,3%", "46,7%"]
    );
    assert_eq!(
        [
            text(&kcdp, &["text", "actual"]),
            text(&kcdp, &["text", "attainment"]),
            text(&kcdp, &["text", "share"])
        ],
        ["90,9 tỷ đồng", "92,6%", "53,3%"]
    );
    let w = item(&a, "warnings", 0);
    assert_eq!(text(&w, &["code"]), "total_mismatch");
    assert_eq!(text(&w, &["path"]), "reported.plan");
    // An object works as well as its JSON text, and English on request.
    let obj = js_sys::JSON::parse(SEED).unwrap();
    let en = analyze(obj, options(r#"{"locale":"en"}"#)).unwrap();
    assert_eq!(text(&en, &["total", "text", "actual"]), "170.4 billion VND");
    assert_eq!(text(&item(&en, "bySource", 0), &["text", "share"]), "46.7%");
}

#[wasm_bindgen_test]
fn errors_are_khuyencong_errors_with_code_path_and_message() {
    let bad = r#"{"title":"x","unit":"ty_dong","records":[{"source":"kcqg","plan":"1,5"}]}"#;
    let err = analyze(bad.into(), JsValue::UNDEFINED).unwrap_err();
    assert!(
        err.is_instance_of::<js_sys::Error>(),
        "a real Error object: {err:?}"
    );
    assert_eq!(text(&err, &["name"]), "KhuyenCongError");
    assert_eq!(text(&err, &["code"]), "invalid_amount");
    assert_eq!(text(&err, &["path"]), "records[0].plan");
    let msg = text(&err, &["message"]);
    assert!(
        msg.starts_with("records[0].plan: ") && msg.contains("\"1.5\""),
        "{msg}"
    );

    let err = analyze(bad.into(), options(r#"{"locale":"en"}"#)).unwrap_err();
    assert!(text(&err, &["message"]).contains("write \"1.5\""));

    let err = analyze("{".into(), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(text(&err, &["code"]), "invalid_json");
    let err = analyze(SEED.into(), options(r#"{"locale":"fr"}"#)).unwrap_err();
    assert_eq!(
        (text(&err, &["code"]), text(&err, &["path"])),
        ("invalid_option".into(), "options.locale".into())
    );
    // A cyclic object cannot be stringified: still a KhuyenCongError, never a panic.
    let cyclic = Object::new();
    Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    let err = analyze(cyclic.into(), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(text(&err, &["name"]), "KhuyenCongError");
}

/// Deterministic pseudo-random decimal strings: 0 to 13 integer digits, 0 to 6 fraction
/// digits, with many values at rounding midpoints (…5) and runs of 9s.
fn generated_values(n: usize) -> Vec<String> {
    let mut x: u64 = 0x9E3779B97F4A7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..n)
        .map(|i| {
            let int_digits = (next() % 14) as u32;
            let int = if int_digits == 0 {
                0
            } else {
                next() % 10u64.pow(int_digits)
            };
            let frac_digits = (next() % 7) as usize;
            let mut frac: String = (0..frac_digits)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            match i % 4 {
                0 if frac_digits > 0 => frac.replace_range(frac_digits - 1.., "5"),
                1 if frac_digits > 1 => frac = "9".repeat(frac_digits),
                _ => {}
            }
            if frac.is_empty() {
                int.to_string()
            } else {
                format!("{int}.{frac}")
            }
        })
        .collect()
}

fn intl(locale: &str, opts: &str) -> Function {
    let nf = Intl::NumberFormat::new(&Array::of1(&locale.into()), &options(opts).unchecked_into());
    nf.format()
}

/// `text` must equal what the browser's Intl.NumberFormat prints for the same exact decimal
/// string (Intl treats a string as an exact decimal and rounds half away from zero): amounts
/// and ratios with at most `digits` fraction digits, percentages with exactly `digits`.
#[wasm_bindgen_test]
fn texts_match_intl_number_format_on_generated_values() {
    let values = generated_values(400);
    let records: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            format!(r#"{{"region":"r{i}","plan":"1","actual":"{v}","counterpart":"{v}"}}"#)
        })
        .collect();
    // plan = 1 makes attainment exactly 100 × actual; counterpart = actual makes leverage 1,
    // so a second data set with actual = 1 tests leverage = counterpart.
    let data = format!(
        r#"{{"title":"t","unit":"trieu_dong","records":[{}]}}"#,
        records.join(",")
    );
    let lev_records: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!(r#"{{"region":"r{i}","actual":"1","counterpart":"{v}"}}"#))
        .collect();
    let lev_data = format!(
        r#"{{"title":"t","unit":"trieu_dong","records":[{}]}}"#,
        lev_records.join(",")
    );
    let mut checked = 0;
    for (tag, intl_tag, unit) in [("vi", "vi-VN", "triệu đồng"), ("en", "en", "million VND")] {
        for digits in [0u32, 1, 2, 3] {
            let opts = format!(
                r#"{{"locale":"{tag}","amountDigits":{digits},"percentDigits":{digits},"ratioDigits":{digits}}}"#
            );
            let a = analyze(data.clone().into(), options(&opts)).unwrap();
            let l = analyze(lev_data.clone().into(), options(&opts)).unwrap();
            let dec = intl(
                intl_tag,
                &format!(r#"{{"maximumFractionDigits":{digits}}}"#),
            );
            let pct = intl(
                intl_tag,
                &format!(
                    r#"{{"style":"percent","minimumFractionDigits":{digits},"maximumFractionDigits":{digits}}}"#
                ),
            );
            for (i, v) in values.iter().enumerate() {
                let i = i as u32;
                let want = dec
                    .call1(&JsValue::NULL, &v.into())
                    .unwrap()
                    .as_string()
                    .unwrap();
                let g = item(&a, "byRegion", i);
                assert_eq!(
                    text(&g, &["text", "actual"]),
                    format!("{want} {unit}"),
                    "{tag} amount {v} /{digits}"
                );
                let want_pct = pct
                    .call1(&JsValue::NULL, &v.into())
                    .unwrap()
                    .as_string()
                    .unwrap();
                assert_eq!(
                    text(&g, &["text", "attainment"]),
                    want_pct,
                    "{tag} attainment 100×{v} /{digits}"
                );
                let lg = item(&l, "byRegion", i);
                assert_eq!(
                    text(&lg, &["text", "leverage"]),
                    want,
                    "{tag} leverage {v} /{digits}"
                );
                checked += 3;
            }
        }
    }
    assert_eq!(checked, 400 * 3 * 8);
}

/// Number literals with more digits than a double holds take the double's shortest
/// round-trip text, computed in the browser by the JS engine: the same as natively.
#[wasm_bindgen_test]
fn long_number_literals_take_the_shortest_round_trip_value() {
    for (literal, want) in [
        ("123456789.1234567890123", Some("123456789.12345679")),
        ("12345678.123456789012", Some("12345678.12345679")),
        ("0.1000000000000000055511151231257827", Some("0.1")),
        ("2.0000000000000001e3", Some("2000")),
        ("0.30000000000000004", None), // 17 fraction digits: too precise
    ] {
        let data = format!(r#"{{"title":"t","unit":"dong","records":[{{"actual":{literal}}}]}}"#);
        let result = analyze(data.into(), JsValue::UNDEFINED);
        match want {
            Some(want) => {
                let a = result.unwrap_or_else(|e| panic!("{literal}: {e:?}"));
                assert_eq!(text(&a, &["total", "actual"]), want, "literal {literal}");
            }
            None => {
                let e = result.expect_err(literal);
                assert_eq!(text(&e, &["code"]), "invalid_amount", "literal {literal}");
            }
        }
    }
}

/// Text is normalized to NFC by the engine in the browser: a region typed with a separate
/// combining accent is the same region as the precomposed one.
#[wasm_bindgen_test]
fn decomposed_text_is_the_same_group() {
    let data = "{\"title\":\"t\",\"unit\":\"ty_dong\",\"records\":[{\"region\":\"Ha\u{300} Giang\",\"actual\":\"1\"},{\"region\":\"H\u{e0} Giang\",\"actual\":\"2\"}]}";
    let a = analyze(data.into(), JsValue::UNDEFINED).unwrap();
    let regions = get(&a, "byRegion").dyn_into::<Array>().unwrap();
    assert_eq!(regions.length(), 1);
    assert_eq!(text(&regions.get(0), &["label"]), "H\u{e0} Giang");
    assert_eq!(text(&regions.get(0), &["actual"]), "3");
}

/// `regions: "2025"` through the exported API: former provinces, written in any spelling, are
/// added up under today's units, exactly, and `regions` says what was combined, with the index
/// of each written name's first record; the totals are those of the ungrouped records.
#[wasm_bindgen_test]
fn regions_2025_adds_former_provinces_under_todays_units() {
    let data = r#"{"title":"t","unit":"trieu_dong","records":[
        {"region":"tỉnh Ha Giang","year":2024,"actual":"2400.5"},
        {"region":"Tuyên Quang","year":2024,"actual":"2100"},
        {"region":"TP.HCM","year":2024,"actual":"5000"},
        {"region":"Bình Dương","year":2024,"actual":"300.25"},
        {"region":"Hà Giang","year":2026,"actual":"0.25"}]}"#;
    let keys = |a: &JsValue| -> Vec<String> {
        let groups = get(a, "byRegion").dyn_into::<Array>().unwrap();
        groups.iter().map(|g| text(&g, &["key"])).collect()
    };
    let names = analyze(data.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(text(&names, &["regions", "mode"]), "names");
    assert_eq!(
        keys(&names),
        [
            "Hà Giang",
            "Tuyên Quang",
            "Thành phố Hồ Chí Minh",
            "Bình Dương"
        ]
    );
    let former = get(&get(&names, "regions"), "former")
        .dyn_into::<Array>()
        .unwrap();
    let former: Vec<String> = former.iter().filter_map(|v| v.as_string()).collect();
    assert_eq!(former, ["Hà Giang", "Bình Dương"]);

    let merged = analyze(data.into(), options(r#"{"regions":"2025"}"#)).unwrap();
    assert_eq!(text(&merged, &["regions", "mode"]), "2025");
    assert_eq!(keys(&merged), ["Tuyên Quang", "Thành phố Hồ Chí Minh"]);
    assert_eq!(text(&item(&merged, "byRegion", 0), &["actual"]), "4500.75");
    assert_eq!(text(&item(&merged, "byRegion", 1), &["actual"]), "5300.25");
    // The totals are the records', to the last digit, grouped or not.
    assert_eq!(text(&merged, &["total", "actual"]), "9801");
    assert_eq!(
        text(&merged, &["total", "actual"]),
        text(&names, &["total", "actual"])
    );
    // Which written names went into Tuyên Quang, and where each first appears.
    let combined = item(&get(&merged, "regions"), "combined", 0);
    assert_eq!(text(&combined, &["key"]), "Tuyên Quang");
    let from = get(&combined, "from").dyn_into::<Array>().unwrap();
    let from: Vec<(String, String, f64, f64)> = from
        .iter()
        .map(|f| {
            (
                text(&f, &["text"]),
                text(&f, &["name"]),
                get(&f, "records").as_f64().unwrap(),
                get(&f, "first").as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        from,
        [
            ("tỉnh Ha Giang".into(), "Hà Giang".into(), 1.0, 0.0),
            ("Tuyên Quang".into(), "Tuyên Quang".into(), 1.0, 1.0),
            ("Hà Giang".into(), "Hà Giang".into(), 1.0, 4.0),
        ]
    );
    // A former name in a record of 2026 is warned about, naming today's unit.
    let warnings = get(&merged, "warnings").dyn_into::<Array>().unwrap();
    let former_warning = warnings
        .iter()
        .find(|w| text(w, &["code"]) == "former_province")
        .expect("a former_province warning");
    assert_eq!(text(&former_warning, &["path"]), "records[4].region");
    assert!(text(&former_warning, &["message"]).contains("Tuyên Quang"));

    // An option the package does not know is refused at its path.
    let err = analyze(data.into(), options(r#"{"regions":2025}"#)).unwrap_err();
    assert_eq!(
        (text(&err, &["code"]), text(&err, &["path"])),
        ("invalid_option".into(), "options.regions".into())
    );
}

/// Case is mapped by the engine in the browser (the wasm file has no case tables): it agrees
/// with Rust's std tables over Latin, Vietnamese and the blocks beyond, and a description
/// writes a Vietnamese label mid-sentence in lower case.
#[wasm_bindgen_test]
fn case_mapping_by_the_engine_agrees_with_std() {
    use khuyencong_charts::unicode::{is_upper, lower, upper};
    for c in (0..=0x2FFF_u32).filter_map(char::from_u32) {
        assert_eq!(is_upper(c), c.is_uppercase(), "U+{:04X}", c as u32);
        assert_eq!(
            lower(c),
            c.to_lowercase().collect::<String>(),
            "U+{:04X}",
            c as u32
        );
        assert_eq!(
            upper(c),
            c.to_uppercase().collect::<String>(),
            "U+{:04X}",
            c as u32
        );
    }
    assert_eq!(lower('\u{110}'), "\u{111}"); // Đ đ
    assert_eq!(upper('\u{1B0}'), "\u{1AF}"); // ư Ư
}

mod chart {
    use super::*;
    use khuyencong_charts::web::Chart;
    use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

    const KINDS: [(&str, &str); 7] = [
        ("summary", include_str!("../www/data/phia-bac-2022.json")),
        ("sources", include_str!("../www/data/phia-bac-2022.json")),
        (
            "plan-actual",
            include_str!("../www/data/phia-bac-2022.json"),
        ),
        ("regions", include_str!("../www/data/63-tinh-minh-hoa.json")),
        (
            "leverage",
            include_str!("../www/data/cao-bang-2021-2025.json"),
        ),
        ("trend", include_str!("../www/data/dia-phuong-cong-bo.json")),
        ("categories", include_str!("../www/data/dak-lak-2020.json")),
    ];

    fn canvas() -> HtmlCanvasElement {
        let doc = web_sys::window().unwrap().document().unwrap();
        doc.create_element("canvas").unwrap().dyn_into().unwrap()
    }

    /// Pixels that differ from the top-left (background) pixel.
    fn ink(c: &HtmlCanvasElement) -> usize {
        let ctx: CanvasRenderingContext2d =
            c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        let data = ctx
            .get_image_data(0.0, 0.0, f64::from(c.width()), f64::from(c.height()))
            .unwrap()
            .data();
        let bg = [data[0], data[1], data[2]];
        data.chunks(4).filter(|p| [p[0], p[1], p[2]] != bg).count()
    }

    fn view(chart: &Chart) -> JsValue {
        js_sys::JSON::parse(&chart.view()).unwrap()
    }

    #[wasm_bindgen_test]
    fn every_kind_lays_out_paints_and_hit_tests() {
        for (kind, data) in KINDS {
            let mut chart =
                Chart::new(data.into(), options(&format!(r#"{{"kind":"{kind}"}}"#))).unwrap();
            let c = canvas();
            let h = chart.layout(&c, 640.0, 0.0, false);
            assert!(h > 100.0, "{kind}: height {h}");
            // Device pixels at DPR 2.
            c.set_width(1280);
            c.set_height((h * 2.0).ceil() as u32);
            chart.paint(c.clone(), 2.0, -1).unwrap();
            let painted = ink(&c);
            let total = (c.width() * c.height()) as usize;
            assert!(
                painted > total / 50,
                "{kind}: only {painted} of {total} pixels painted"
            );
            let v = view(&chart);
            let items = get(&v, "items").dyn_into::<Array>().unwrap();
            assert!(items.length() > 0, "{kind}: items");
            for i in 0..items.length() {
                let rect = get(&items.get(i), "rect").dyn_into::<Array>().unwrap();
                let r: Vec<f64> = (0..4).map(|k| rect.get(k).as_f64().unwrap()).collect();
                if kind == "sources" {
                    continue; // a sector's bounding box centre is the donut hole
                }
                let hit = chart.hit(r[0] + r[2] / 2.0, r[1] + r[3] / 2.0, 0.0);
                assert_eq!(hit, i as i32, "{kind}: item {i}");
            }
            // Painting with an item active draws its outline: more ink than without.
            chart.paint(c.clone(), 2.0, 0).unwrap();
            assert!(ink(&c) > painted, "{kind}: focus outline drawn");
        }
    }

    #[wasm_bindgen_test]
    fn tooltip_texts_description_and_legend_toggle() {
        let seed = KINDS[1].1;
        let mut chart = Chart::new(seed.into(), options(r#"{"kind":"sources"}"#)).unwrap();
        let c = canvas();
        chart.layout(&c, 640.0, 0.0, false);
        let v = view(&chart);
        let first = get(&v, "items").dyn_into::<Array>().unwrap().get(0);
        assert_eq!(text(&first, &["title"]), "Khuyến công quốc gia");
        let rows = js_sys::JSON::stringify(&get(&first, "rows"))
            .unwrap()
            .as_string()
            .unwrap();
        assert!(
            rows.contains("79,5 tỷ đồng") && rows.contains("46,7%"),
            "{rows}"
        );
        assert_eq!(
            text(&v, &["description"]),
            "Tổng kinh phí khuyến công thực hiện là 170,4 tỷ đồng, đạt 95,2% kế hoạch (179 tỷ đồng). \
             Khuyến công quốc gia chiếm 46,7%, khuyến công địa phương chiếm 53,3%."
        );
        // Hiding the national series leaves one sector.
        assert!(chart.toggle_series(0));
        chart.layout(&c, 640.0, 0.0, false);
        let v = view(&chart);
        assert_eq!(get(&v, "items").dyn_into::<Array>().unwrap().length(), 1);
        let legend = get(&v, "legend").dyn_into::<Array>().unwrap();
        assert_eq!(get(&legend.get(0), "hidden"), JsValue::TRUE);
    }

    #[wasm_bindgen_test]
    fn bad_data_and_options_throw_and_update_keeps_the_last_good_state() {
        let err = Chart::new(
            r#"{"title":"x","unit":"ty_dong","records":[{"plan":"1,5"}]}"#.into(),
            JsValue::UNDEFINED,
        )
        .err()
        .unwrap();
        assert_eq!(text(&err, &["code"]), "invalid_amount");
        let err = Chart::new(KINDS[0].1.into(), options(r#"{"kind":"pie"}"#))
            .err()
            .unwrap();
        assert_eq!(
            (text(&err, &["code"]), text(&err, &["path"])),
            ("invalid_option".into(), "options.kind".into())
        );
        let mut chart = Chart::new(KINDS[0].1.into(), options(r#"{"kind":"summary"}"#)).unwrap();
        let err = chart
            .update("{".into(), options(r#"{"kind":"summary"}"#))
            .unwrap_err();
        assert_eq!(text(&err, &["code"]), "invalid_json");
        let c = canvas();
        assert!(
            chart.layout(&c, 360.0, 0.0, true) > 100.0,
            "still has its data"
        );
    }

    #[wasm_bindgen_test]
    fn svg_export_parses_and_keeps_text_and_csv_adds_up() {
        for (kind, data) in KINDS {
            let mut chart =
                Chart::new(data.into(), options(&format!(r#"{{"kind":"{kind}"}}"#))).unwrap();
            chart.layout(&canvas(), 640.0, 0.0, false);
            let svg = chart.to_svg().unwrap();
            let doc = web_sys::DomParser::new()
                .unwrap()
                .parse_from_string(&svg, web_sys::SupportedType::ImageSvgXml)
                .unwrap();
            assert_eq!(
                doc.get_elements_by_tag_name("parsererror").length(),
                0,
                "{kind}: SVG parses"
            );
            let root = doc.document_element().unwrap();
            assert_eq!(root.tag_name(), "svg", "{kind}");
            let text = root.text_content().unwrap_or_default();
            let title = text_of_title(data);
            assert!(
                text.contains(&title),
                "{kind}: the title stays text in the SVG"
            );
        }
        // The seed: CSV rows add up to the total row, exactly.
        let chart = Chart::new(KINDS[1].1.into(), options(r#"{"kind":"sources"}"#)).unwrap();
        let csv = chart.to_csv();
        assert!(csv.starts_with('\u{feff}'), "BOM for Excel");
        let rows: Vec<Vec<&str>> = csv
            .trim_start_matches('\u{feff}')
            .lines()
            .map(|l| l.split(',').collect())
            .collect();
        assert_eq!(rows[0][0], "Nguồn kinh phí");
        assert_eq!(rows[1][..3], ["Khuyến công quốc gia", "80.9", "79.5"]);
        assert_eq!(rows[2][..3], ["Khuyến công địa phương", "98.2", "90.9"]);
        assert_eq!(
            rows[3][..3],
            ["Tổng cộng", "179", "170.4"],
            "the published totals"
        );
        // Formatted figures contain the Vietnamese decimal comma: quoted, per RFC 4180.
        let line = csv.lines().nth(1).unwrap_or_default();
        assert!(
            line.ends_with(r#","80,9 tỷ đồng","79,5 tỷ đồng",–,"98,3%","46,7%""#),
            "{line}"
        );
    }

    fn text_of_title(data: &str) -> String {
        let v = js_sys::JSON::parse(data).unwrap();
        text(&v, &["title"])
    }
}
