//! The chart handle the JS shell drives: it keeps the parsed data, the analysis and the laid-out
//! spec, paints on a canvas, hit-tests, and hands the shell the texts it shows (tooltips, the
//! accessible description, the legend). DOM and events live in the JS shell, `src/js/`.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::canvas::{Canvas2d, CanvasMeasure};
use super::interop::{json_text, to_js_error};
use crate::chart::paint::{paint_on, paint_outline_on, Px, Scale};
use crate::chart::{describe, describe_spoken, layout, ChartOptions, Input, Mode, Shape, Spec};
use crate::compute::{analyze, Analysis};
use crate::error::{Error, ErrorKind};
use crate::json::{self, Writer};
use crate::locale::Locale;
use crate::model::{parse_data, FundingData};

/// One chart's state.
#[wasm_bindgen]
pub struct Chart {
    data: FundingData,
    analysis: Analysis,
    options: ChartOptions,
    spec: Option<Spec>,
    hidden: Vec<String>,
}

fn read(
    data: &JsValue,
    options: &JsValue,
) -> Result<(FundingData, Analysis, ChartOptions), (Error, Locale)> {
    let options_text = json_text(options, "options").map_err(|_| {
        (
            Error::new(
                ErrorKind::InvalidOption {
                    allowed: "{…}",
                    value: "?".into(),
                },
                "options",
            ),
            Locale::Vi,
        )
    })?;
    let options = if options_text.trim().is_empty() {
        ChartOptions::default()
    } else {
        let v = json::parse(&options_text).map_err(|mut e| {
            e.path = crate::model::join("options", &e.path).into_owned();
            (e, Locale::Vi)
        })?;
        ChartOptions::from_value(&v)
            .map_err(|e| (e, crate::options::locale_hint(&v).unwrap_or_default()))?
    };
    let locale = options.analysis.locale;
    let text = json_text(data, "").map_err(|_| {
        (
            Error::new(
                ErrorKind::InvalidJson {
                    line: 1,
                    column: 1,
                    reason: crate::error::JsonReason::Empty,
                },
                "",
            ),
            locale,
        )
    })?;
    let value = json::parse(&text).map_err(|e| (e, locale))?;
    let data = parse_data(&value).map_err(|e| (e, locale))?;
    let analysis = analyze(&data, &options.analysis).map_err(|e| (e, locale))?;
    Ok((data, analysis, options))
}

fn shape_json(w: &mut Writer, shape: &Shape) {
    let (x, y, width, height) = match *shape {
        Shape::Rect { x, y, w, h } => (x, y, w, h),
        Shape::Sector { cx, cy, r1, .. } => (cx - r1, cy - r1, 2.0 * r1, 2.0 * r1),
    };
    w.key("rect");
    w.begin_array();
    for v in [x, y, width, height] {
        w.number(v);
    }
    w.end_array();
}

#[wasm_bindgen]
impl Chart {
    /// Parses and analyzes `data` (object or JSON text) with `options` (analysis and chart
    /// options). Throws a `KhuyenCongError`.
    #[wasm_bindgen(constructor)]
    pub fn new(data: JsValue, options: JsValue) -> Result<Chart, JsValue> {
        let (data, analysis, options) =
            read(&data, &options).map_err(|(e, l)| to_js_error(&e, l))?;
        Ok(Chart {
            data,
            analysis,
            options,
            spec: None,
            hidden: Vec::new(),
        })
    }

    /// Replaces data and options at once (either may be the current ones). On error the chart
    /// keeps what it had.
    pub fn update(&mut self, data: JsValue, options: JsValue) -> Result<(), JsValue> {
        let (data, analysis, options) =
            read(&data, &options).map_err(|(e, l)| to_js_error(&e, l))?;
        if options.kind != self.options.kind {
            self.hidden.clear();
        }
        self.data = data;
        self.analysis = analysis;
        self.options = options;
        self.spec = None;
        Ok(())
    }

    /// Lays the chart out at `width` CSS px (height `0` means the kind's natural height),
    /// measuring text with `canvas`'s context. Returns the height in CSS px.
    pub fn layout(
        &mut self,
        canvas: &HtmlCanvasElement,
        width: f64,
        height: f64,
        dark: bool,
    ) -> f64 {
        let Some(measure) = CanvasMeasure::new(canvas) else {
            return 0.0;
        };
        let spec = layout(&Input {
            data: &self.data,
            analysis: &self.analysis,
            options: &self.options,
            mode: if dark { Mode::Dark } else { Mode::Light },
            width: width.max(120.0),
            height: (height > 0.0).then_some(height),
            hidden: &self.hidden,
            measure: &measure,
        });
        let h = spec.height;
        self.spec = Some(spec);
        h
    }

    /// Paints the last layout onto `canvas` (sized by the shell to CSS size × `dpr`), with
    /// item `active` outlined (`-1`: none).
    pub fn paint(&self, canvas: HtmlCanvasElement, dpr: f64, active: i32) -> Result<(), JsValue> {
        let Some(spec) = &self.spec else {
            return Ok(());
        };
        let mut surface = self.surface(&canvas, (0, 0))?;
        let active = usize::try_from(active).ok();
        paint_on(&mut surface, spec, Scale { px: dpr, text: 1.0 }, active)
            .map_err(|e| self.internal(&e))
    }

    /// Draws only item `active`'s outline on `overlay`, a transparent canvas over the chart that
    /// the shell clears first: what a hover or an arrow key costs. The overlay covers the
    /// chart's pixels from (`x`, `y`) (backend px) on: it need only be as large as the outline.
    #[wasm_bindgen(js_name = paintActive)]
    pub fn paint_active(
        &self,
        overlay: HtmlCanvasElement,
        dpr: f64,
        active: i32,
        x: i32,
        y: i32,
    ) -> Result<(), JsValue> {
        let (Some(spec), Ok(active)) = (&self.spec, usize::try_from(active)) else {
            return Ok(());
        };
        let mut surface = self.surface(&overlay, (x, y))?;
        paint_outline_on(&mut surface, spec, Scale { px: dpr, text: 1.0 }, active)
            .map_err(|e| self.internal(&e))
    }

    fn internal(&self, detail: &str) -> JsValue {
        let e = Error::new(
            ErrorKind::Internal {
                detail: detail.to_string(),
            },
            "",
        );
        to_js_error(&e, self.options.analysis.locale)
    }

    fn surface(&self, canvas: &HtmlCanvasElement, offset: Px) -> Result<Canvas2d, JsValue> {
        Canvas2d::new(canvas, offset).ok_or_else(|| self.internal("canvas 2d context unavailable"))
    }

    /// The item under (x, y) CSS px, or -1. `slop` widens small bars for touch.
    pub fn hit(&self, x: f64, y: f64, slop: f64) -> i32 {
        self.spec
            .as_ref()
            .and_then(|s| s.hit(x, y, slop))
            .and_then(|i| i32::try_from(i).ok())
            .unwrap_or(-1)
    }

    /// Shows or hides legend entry `index`'s series; the shell then lays out again.
    #[wasm_bindgen(js_name = toggleSeries)]
    pub fn toggle_series(&mut self, index: usize) -> bool {
        let Some(key) = self
            .spec
            .as_ref()
            .and_then(|s| s.legend.get(index))
            .map(|l| l.key.clone())
        else {
            return false;
        };
        if let Some(pos) = self.hidden.iter().position(|k| *k == key) {
            self.hidden.remove(pos);
        } else {
            self.hidden.push(key);
        }
        true
    }

    /// JSON of what the shell shows: `{ title, description, spokenDescription, locale, kind,
    /// height, items: [{ title,
    /// rows: [[label, value]], speech, anchor: [x, y], rect: [x, y, w, h] }], legend: [{ key,
    /// label, hidden, rect }], warnings: [{ code, path, message }] }`.
    pub fn view(&self) -> String {
        let mut w = Writer::new();
        w.begin_object();
        w.field_str("title", &self.data.title);
        w.field_str("description", &describe(&self.data, &self.analysis));
        w.field_str(
            "spokenDescription",
            &describe_spoken(&self.data, &self.analysis),
        );
        w.key("source");
        w.opt_string(self.data.source.as_deref());
        w.key("notes");
        w.opt_string(self.data.notes.as_deref());
        w.field_str("locale", self.options.analysis.locale.tag());
        w.field_str("kind", self.options.kind.key());
        w.key("height");
        w.number(self.spec.as_ref().map_or(0.0, |s| s.height));
        w.key("items");
        w.begin_array();
        for it in self.spec.iter().flat_map(|s| &s.items) {
            w.begin_object();
            w.field_str("title", &it.title);
            w.key("rows");
            w.begin_array();
            for (k, v) in &it.rows {
                w.begin_array();
                w.string(k);
                w.string(v);
                w.end_array();
            }
            w.end_array();
            w.field_str("speech", &it.speech);
            w.key("anchor");
            w.begin_array();
            w.number(it.anchor.0);
            w.number(it.anchor.1);
            w.end_array();
            shape_json(&mut w, &it.shape);
            w.end_object();
        }
        w.end_array();
        w.key("legend");
        w.begin_array();
        for l in self.spec.iter().flat_map(|s| &s.legend) {
            w.begin_object();
            w.field_str("key", &l.key);
            w.field_str("label", &l.label);
            w.key("hidden");
            w.boolean(l.hidden);
            w.key("rect");
            w.begin_array();
            for v in [l.rect.0, l.rect.1, l.rect.2, l.rect.3] {
                w.number(v);
            }
            w.end_array();
            w.end_object();
        }
        w.end_array();
        let table = crate::chart::export::table(&self.analysis, self.options.kind, self.options.by);
        w.key("table");
        w.begin_object();
        w.key("head");
        w.begin_array();
        for h in &table.head {
            w.string(h);
        }
        w.end_array();
        w.key("rows");
        w.begin_array();
        for row in &table.rows {
            w.begin_array();
            for c in row {
                w.string(c);
            }
            w.end_array();
        }
        w.end_array();
        w.end_object();
        w.key("warnings");
        w.begin_array();
        for warning in &self.analysis.warnings {
            w.begin_object();
            w.field_str("code", warning.code());
            w.field_str("path", &warning.path);
            w.field_str(
                "message",
                &warning.message(self.options.analysis.locale, self.analysis.unit),
            );
            w.end_object();
        }
        w.end_array();
        w.end_object();
        w.finish()
    }

    /// The last layout as an SVG document (same painter as the canvas; text stays text).
    #[cfg(feature = "export")]
    #[wasm_bindgen(js_name = toSVG)]
    pub fn to_svg(&self) -> Result<String, JsValue> {
        let Some(spec) = &self.spec else {
            return Err(self.internal("no layout yet"));
        };
        crate::chart::export::svg(spec).map_err(|e| self.internal(&e))
    }

    /// The figures behind the chart as CSV (UTF-8 with BOM; canonical and formatted columns).
    #[cfg(feature = "export")]
    #[wasm_bindgen(js_name = toCSV)]
    pub fn to_csv(&self) -> String {
        crate::chart::export::csv(
            &self.data,
            &self.analysis,
            self.options.kind,
            self.options.by,
        )
    }
}
