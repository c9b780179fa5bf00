//! Fuzzes the whole pure pipeline on arbitrary text: JSON reading, validation, analysis,
//! output, and every chart kind laid out and drawn to SVG. Nothing may panic; an error is fine.
#![no_main]

use khuyencong_charts::chart::paint::{paint, Scale};
use khuyencong_charts::chart::{layout, ApproxMeasure, ChartOptions, Input, Kind, Mode};
use khuyencong_charts::{analyze, json, model::parse_data, output, Options};
use libfuzzer_sys::fuzz_target;
use plotters::prelude::*;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    // The first byte picks options, so digits and locale are fuzzed too.
    let pick = bytes.first().copied().unwrap_or(0);
    let Ok(value) = json::parse(text) else { return };
    let Ok(data) = parse_data(&value) else { return };
    let analysis_options = Options {
        locale: if pick & 1 == 0 {
            khuyencong_charts::Locale::Vi
        } else {
            khuyencong_charts::Locale::En
        },
        percent_digits: u32::from(pick >> 1 & 7).min(6),
        ratio_digits: u32::from(pick >> 4 & 7).min(6),
        amount_digits: 2,
    };
    let Ok(analysis) = analyze(&data, &analysis_options) else {
        return;
    };
    let _ = output::to_json(&analysis);
    for kind in Kind::ALL {
        let options = ChartOptions {
            kind,
            analysis: analysis_options,
            ..ChartOptions::default()
        };
        let width = if pick & 0x80 == 0 { 640.0 } else { 300.0 };
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
        assert!(
            spec.height.is_finite() && spec.height > 0.0 && spec.height < 100_000.0,
            "height {}",
            spec.height
        );
        let _ = spec.hit(width / 2.0, spec.height / 2.0, 4.0);
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (width as u32, spec.height.ceil() as u32))
                .into_drawing_area();
            let _ = paint(
                &spec,
                &area,
                Scale {
                    px: 1.0,
                    text: 1.24,
                },
                spec.items.is_empty().then_some(0).or(Some(0)),
            );
        }
    }
});
