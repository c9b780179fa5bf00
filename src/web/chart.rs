//! The chart handle the JS shell drives: it keeps the parsed data, the analysis and the laid-out
//! spec, paints on a canvas, hit-tests, and hands the shell the texts it shows (tooltips, the
//! accessible description, the legend). DOM and events live in `src/js/chart.js`.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::interop::{json_text, to_js_error};
use crate::chart::paint::{
    hatch_phase, hatch_segments, paint_on, paint_outline_on, PaintError, Px, Scale, Surface, FONT,
};
use crate::chart::spec::{Align, Baseline};
use crate::chart::text::{Measure, Weight};
use crate::chart::theme::Rgba;
use crate::chart::{describe, describe_spoken, layout, ChartOptions, Input, Mode, Shape, Spec};
use crate::compute::{analyze, Analysis};
use crate::error::{Error, ErrorKind};
use crate::format::Locale;
use crate::json::{self, Writer};
use crate::model::{parse_data, FundingData};

/// The canvas font of a text run, as the painter writes it (the same string for measuring and
/// drawing, so both use one font).
fn font_of(size: f64, weight: Weight) -> String {
    let style = if weight == Weight::Bold {
        "bold"
    } else {
        "normal"
    };
    format!("{style} {}px {FONT}", json::plain_decimal(size, 3))
}

/// Text widths from the canvas itself, so layout matches what is drawn.
struct CanvasMeasure {
    ctx: CanvasRenderingContext2d,
    font: RefCell<(f64, Option<Weight>)>,
}

impl Measure for CanvasMeasure {
    fn width(&self, text: &str, size: f64, weight: Weight) -> f64 {
        if *self.font.borrow() != (size, Some(weight)) {
            self.ctx.set_font(&font_of(size, weight));
            *self.font.borrow_mut() = (size, Some(weight));
        }
        self.ctx.measure_text(text).map_or(0.0, |m| m.width())
    }
}

#[wasm_bindgen]
extern "C" {
    /// `document.createElement(tag)`.
    #[wasm_bindgen(catch, js_namespace = document, js_name = createElement)]
    fn create_element(tag: &str) -> Result<JsValue, JsValue>;

    /// A canvas 2D context, for the two things of it web-sys's features here leave out.
    type Patterns;

    /// `ctx.createPattern(image, repetition)`: a `CanvasPattern`, or null.
    #[wasm_bindgen(method, catch, js_name = createPattern)]
    fn create_pattern(
        this: &Patterns,
        image: &HtmlCanvasElement,
        repetition: &str,
    ) -> Result<JsValue, JsValue>;

    /// `ctx.fillStyle = pattern`.
    #[wasm_bindgen(method, setter = fillStyle)]
    fn set_fill_pattern(this: &Patterns, pattern: &JsValue);
}

/// A tile of a hatch (see [`hatch_segments`]): `gap` × `gap` px crossed by the lines
/// `x − y ≡ 0` (mod `gap`), `width` px wide in `c`, as a repeating pattern for `ctx`.
fn hatch_pattern(ctx: &CanvasRenderingContext2d, c: Rgba, width: u32, gap: i32) -> Option<JsValue> {
    let tile: HtmlCanvasElement = create_element("canvas").ok()?.dyn_into().ok()?;
    let size = u32::try_from(gap).ok()?;
    tile.set_width(size);
    tile.set_height(size);
    let t = context(&tile)?;
    t.set_stroke_style_str(&css_color(c));
    t.set_line_width(f64::from(width));
    t.begin_path();
    let g = f64::from(gap);
    // The line through the tile and the two beside it, for the parts that reach into it.
    for k in [-g, 0.0, g] {
        t.move_to(k, 0.0);
        t.line_to(k + g, g);
    }
    t.stroke();
    ctx.unchecked_ref::<Patterns>()
        .create_pattern(&tile, "repeat")
        .ok()
        .filter(|p| !p.is_null() && !p.is_undefined())
}

/// `rgba(…)` for a canvas style.
fn css_color(c: Rgba) -> String {
    format!(
        "rgba({},{},{},{})",
        c.0,
        c.1,
        c.2,
        json::plain_decimal(c.3, 3)
    )
}

/// A canvas 2D context as the painter's [`Surface`]: the calls plotters' canvas backend made,
/// less the state that did not change (colours, line width, font and text anchors are set only
/// when they change), so the same pixels; but a hatch is one fill with a pattern of its lines
/// (see [`Surface::hatch`] here), which the browser draws many times faster than a stroke a
/// line, cut exactly at the bar's edges. Points are moved by `offset` (an overlay that covers
/// only part of the chart).
struct Canvas2d {
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
    offset: Px,
    fill: Option<Rgba>,
    stroke: Option<Rgba>,
    line_width: Option<u32>,
    font: Option<(f64, Weight)>,
    align: Option<Align>,
    baseline: Option<Baseline>,
    /// Hatch patterns made so far: (colour, width, gap) and the pattern.
    patterns: Vec<((Rgba, u32, i32), JsValue)>,
}

impl Canvas2d {
    fn new(canvas: &HtmlCanvasElement, offset: Px) -> Option<Canvas2d> {
        Some(Canvas2d {
            ctx: context(canvas)?,
            size: (canvas.width(), canvas.height()),
            offset,
            fill: None,
            stroke: None,
            line_width: None,
            font: None,
            align: None,
            baseline: None,
            patterns: Vec::new(),
        })
    }

    /// A new path through `points` (style set by the caller); whether it has any.
    fn trace(&self, points: &[Px]) -> bool {
        self.ctx.begin_path();
        let Some((first, rest)) = points.split_first() else {
            return false;
        };
        let (x, y) = self.at(*first);
        self.ctx.move_to(x, y);
        for p in rest {
            let (x, y) = self.at(*p);
            self.ctx.line_to(x, y);
        }
        true
    }

    fn at(&self, p: Px) -> (f64, f64) {
        (
            f64::from(p.0 - self.offset.0),
            f64::from(p.1 - self.offset.1),
        )
    }

    fn set_fill(&mut self, c: Rgba) {
        if self.fill != Some(c) {
            self.ctx.set_fill_style_str(&css_color(c));
            self.fill = Some(c);
        }
    }

    fn set_stroke(&mut self, c: Rgba, width: u32) {
        if self.stroke != Some(c) {
            self.ctx.set_stroke_style_str(&css_color(c));
            self.stroke = Some(c);
        }
        if self.line_width != Some(width) {
            self.ctx.set_line_width(f64::from(width));
            self.line_width = Some(width);
        }
    }

    fn pattern(&mut self, c: Rgba, width: u32, gap: i32) -> Option<JsValue> {
        let key = (c, width, gap);
        if let Some((_, p)) = self.patterns.iter().find(|(k, _)| *k == key) {
            return Some(p.clone());
        }
        let p = hatch_pattern(&self.ctx, c, width, gap)?;
        self.patterns.push((key, p.clone()));
        Some(p)
    }

    fn rect_call(&self, p0: Px, p1: Px) -> (f64, f64, f64, f64) {
        let (x, y) = self.at(p0);
        (x, y, f64::from(p1.0 - p0.0), f64::from(p1.1 - p0.1))
    }
}

impl Surface for Canvas2d {
    fn clear_to(&mut self, c: Rgba) -> Result<(), PaintError> {
        let (w, h) = self.size;
        let p1 = (
            i32::try_from(w).unwrap_or(i32::MAX),
            i32::try_from(h).unwrap_or(i32::MAX),
        );
        self.fill_rect(self.offset, (p1.0 + self.offset.0, p1.1 + self.offset.1), c)
    }

    fn fill_rect(&mut self, p0: Px, p1: Px, c: Rgba) -> Result<(), PaintError> {
        if c.3 == 0.0 {
            return Ok(());
        }
        self.set_fill(c);
        let (x, y, w, h) = self.rect_call(p0, p1);
        self.ctx.fill_rect(x, y, w, h);
        Ok(())
    }

    fn stroke_rect(&mut self, p0: Px, p1: Px, c: Rgba, width: u32) -> Result<(), PaintError> {
        if c.3 == 0.0 {
            return Ok(());
        }
        self.set_stroke(c, width);
        let (x, y, w, h) = self.rect_call(p0, p1);
        self.ctx.stroke_rect(x, y, w, h);
        Ok(())
    }

    fn stroke_path(&mut self, points: &[Px], c: Rgba, width: u32) -> Result<(), PaintError> {
        if c.3 == 0.0 {
            return Ok(());
        }
        if self.trace(points) {
            self.set_stroke(c, width);
        }
        self.ctx.stroke();
        Ok(())
    }

    fn hatch(&mut self, p0: Px, p1: Px, c: Rgba, width: u32, gap: i32) -> Result<(), PaintError> {
        // One fill with a tile of the lines, where the canvas has patterns: a stroke per line
        // costs the browser far more to draw (thousands of them on a chart of 63 provinces).
        if c.3 == 0.0 || p1.0 <= p0.0 || p1.1 <= p0.1 {
            return Ok(());
        }
        let gap = gap.max(2);
        let Some(pattern) = self.pattern(c, width, gap) else {
            for (a, b) in hatch_segments((p0.0, p0.1, p1.0, p1.1), gap) {
                self.stroke_path(&[a, b], c, width)?;
            }
            return Ok(());
        };
        // The tile's lines are x − y ≡ 0: move them onto this rectangle's (in this canvas's
        // coordinates, which may be offset).
        let phase = hatch_phase(p0.0, p1.1, gap) - self.offset.0 + self.offset.1;
        let shift = f64::from(phase.rem_euclid(gap));
        self.ctx
            .unchecked_ref::<Patterns>()
            .set_fill_pattern(&pattern);
        self.fill = None;
        let (x, y, w, h) = self.rect_call(p0, p1);
        let moved = |r: Result<(), JsValue>| r.map_err(|_| "translate failed".to_string());
        moved(self.ctx.translate(shift, 0.0))?;
        self.ctx.fill_rect(x - shift, y, w, h);
        moved(self.ctx.translate(-shift, 0.0))
    }

    fn fill_polygon(&mut self, points: &[Px], c: Rgba) -> Result<(), PaintError> {
        if c.3 == 0.0 {
            return Ok(());
        }
        if self.trace(points) {
            self.set_fill(c);
            self.ctx.close_path();
        }
        self.ctx.fill();
        Ok(())
    }

    fn text(
        &mut self,
        text: &str,
        size: f64,
        weight: Weight,
        c: Rgba,
        align: Align,
        baseline: Baseline,
        at: Px,
    ) -> Result<(), PaintError> {
        if c.3 == 0.0 {
            return Ok(());
        }
        if self.baseline != Some(baseline) {
            self.ctx.set_text_baseline(match baseline {
                Baseline::Top => "top",
                Baseline::Middle => "middle",
                Baseline::Bottom => "bottom",
            });
            self.baseline = Some(baseline);
        }
        if self.align != Some(align) {
            self.ctx.set_text_align(match align {
                Align::Start => "start",
                Align::Middle => "center",
                Align::End => "end",
            });
            self.align = Some(align);
        }
        self.set_fill(c);
        if self.font != Some((size, weight)) {
            self.ctx.set_font(&font_of(size, weight));
            self.font = Some((size, weight));
        }
        let (x, y) = self.at(at);
        self.ctx
            .fill_text(text, x, y)
            .map_err(|_| "fillText failed".to_string())
    }
}

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

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
        let Some(ctx) = context(canvas) else {
            return 0.0;
        };
        let measure = CanvasMeasure {
            ctx,
            font: RefCell::new((0.0, None)),
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

    /// The legend entry under (x, y), or -1.
    #[wasm_bindgen(js_name = hitLegend)]
    pub fn hit_legend(&self, x: f64, y: f64) -> i32 {
        self.spec
            .as_ref()
            .and_then(|s| s.hit_legend(x, y))
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

    /// The analysis (same shape as `analyze`), as JSON text.
    #[cfg(feature = "export")]
    pub fn analysis(&self) -> String {
        crate::output::to_json(&self.analysis)
    }
}
