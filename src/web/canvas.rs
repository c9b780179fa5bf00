//! The canvas 2D context as the painter's surface and as the layout's text measure: what the
//! chart handle (`chart.rs`) draws with and measures with in the browser.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::paint::{hatch_phase, hatch_segments, PaintError, Px, Surface, FONT};
use crate::chart::spec::{Align, Baseline};
use crate::chart::text::{Measure, Weight};
use crate::chart::theme::Rgba;
use crate::json;

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
pub(super) struct CanvasMeasure {
    ctx: CanvasRenderingContext2d,
    font: RefCell<(f64, Option<Weight>)>,
}

impl CanvasMeasure {
    /// The measure of `canvas`'s 2D context; `None` without one.
    pub(super) fn new(canvas: &HtmlCanvasElement) -> Option<CanvasMeasure> {
        Some(CanvasMeasure {
            ctx: context(canvas)?,
            font: RefCell::new((0.0, None)),
        })
    }
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
pub(super) struct Canvas2d {
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
    pub(super) fn new(canvas: &HtmlCanvasElement, offset: Px) -> Option<Canvas2d> {
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
