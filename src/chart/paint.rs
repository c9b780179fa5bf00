//! Draws a [`Spec`] on a [`Surface`]: a canvas 2D context in the browser, any plotters
//! `DrawingBackend` (SVG) in tests and exports. It only reads the spec; all decisions were made
//! in layout.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::spec::{Align, Baseline, Fill, Mark, Shape, Spec};
use super::text::Weight;
use super::theme::Rgba;

/// The font stack: system UI fonts with good Vietnamese coverage first.
/// (Not `system-ui`: on some systems it resolves to a font without Vietnamese glyphs.)
pub const FONT: &str = "-apple-system, Segoe UI, Roboto, Noto Sans, Arial, sans-serif";

/// How to map the spec's CSS pixels onto the backend.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// Backend pixels per CSS pixel (the device pixel ratio on a canvas).
    pub px: f64,
    /// Extra factor on font sizes (plotters' SVG backend writes `font-size` as size / 1.24).
    pub text: f64,
}

fn color(c: Rgba) -> RGBAColor {
    RGBAColor(c.0, c.1, c.2, c.3)
}

/// A drawing error, as text.
pub type PaintError = String;

/// A point in backend pixels.
pub type Px = (i32, i32);

/// What the painter draws with, in backend pixels: the few primitives a [`Spec`] needs. Two
/// surfaces implement it: any plotters `DrawingArea` (SVG exports, tests), and in the browser
/// a canvas 2D context that skips the state that did not change.
pub trait Surface {
    /// Fills the whole surface.
    fn clear_to(&mut self, c: Rgba) -> Result<(), PaintError>;
    /// Fills the rectangle from `p0` (top left) to `p1` (bottom right).
    fn fill_rect(&mut self, p0: Px, p1: Px, c: Rgba) -> Result<(), PaintError>;
    /// Strokes the rectangle from `p0` to `p1`, `width` px wide.
    fn stroke_rect(&mut self, p0: Px, p1: Px, c: Rgba, width: u32) -> Result<(), PaintError>;
    /// Strokes the polyline through `points`, `width` px wide.
    fn stroke_path(&mut self, points: &[Px], c: Rgba, width: u32) -> Result<(), PaintError>;
    /// Hatches the rectangle from `p0` to `p1`: 45° lines `width` px wide every `gap` px, as
    /// [`hatch_segments`] places them (one stroke each, unless the surface knows better).
    fn hatch(&mut self, p0: Px, p1: Px, c: Rgba, width: u32, gap: i32) -> Result<(), PaintError> {
        for (a, b) in hatch_segments((p0.0, p0.1, p1.0, p1.1), gap) {
            self.stroke_path(&[a, b], c, width)?;
        }
        Ok(())
    }
    /// Fills the polygon through `points`.
    fn fill_polygon(&mut self, points: &[Px], c: Rgba) -> Result<(), PaintError>;
    /// One line of text at `at`, `size` px, anchored by `align` and `baseline`.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        text: &str,
        size: f64,
        weight: Weight,
        c: Rgba,
        align: Align,
        baseline: Baseline,
        at: Px,
    ) -> Result<(), PaintError>;
}

/// A plotters drawing area as a [`Surface`]: every primitive is one plotters element, as the
/// painter drew them before the surface existed (the SVG snapshots stay byte for byte).
pub struct Plotters<'a, DB: DrawingBackend>(pub &'a DrawingArea<DB, Shift>);

fn area_err<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> PaintError {
    e.to_string()
}

impl<DB: DrawingBackend> Surface for Plotters<'_, DB> {
    fn clear_to(&mut self, c: Rgba) -> Result<(), PaintError> {
        self.0.fill(&color(c)).map_err(area_err)
    }

    fn fill_rect(&mut self, p0: Px, p1: Px, c: Rgba) -> Result<(), PaintError> {
        self.0
            .draw(&Rectangle::new([p0, p1], color(c).filled()))
            .map_err(area_err)
    }

    fn stroke_rect(&mut self, p0: Px, p1: Px, c: Rgba, width: u32) -> Result<(), PaintError> {
        let style = ShapeStyle {
            color: color(c),
            filled: false,
            stroke_width: width,
        };
        self.0
            .draw(&Rectangle::new([p0, p1], style))
            .map_err(area_err)
    }

    fn stroke_path(&mut self, points: &[Px], c: Rgba, width: u32) -> Result<(), PaintError> {
        let style = ShapeStyle {
            color: color(c),
            filled: false,
            stroke_width: width,
        };
        self.0
            .draw(&PathElement::new(points.to_vec(), style))
            .map_err(area_err)
    }

    fn fill_polygon(&mut self, points: &[Px], c: Rgba) -> Result<(), PaintError> {
        self.0
            .draw(&Polygon::new(points.to_vec(), color(c).filled()))
            .map_err(area_err)
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
        let style = match weight {
            Weight::Bold => FontStyle::Bold,
            Weight::Normal => FontStyle::Normal,
        };
        let h = match align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        let v = match baseline {
            Baseline::Top => VPos::Top,
            Baseline::Middle => VPos::Center,
            Baseline::Bottom => VPos::Bottom,
        };
        let font = FontDesc::new(FontFamily::Name(FONT), size, style);
        let text_color = color(c);
        let ts = TextStyle::from(font).color(&text_color).pos(Pos::new(h, v));
        self.0.draw_text(text, &ts, at).map_err(area_err)
    }
}

/// Paints `spec` on `area`, with item `active` (hovered or focused) outlined.
pub fn paint<DB: DrawingBackend>(
    spec: &Spec,
    area: &DrawingArea<DB, Shift>,
    scale: Scale,
    active: Option<usize>,
) -> Result<(), PaintError> {
    paint_on(&mut Plotters(area), spec, scale, active)
}

/// Paints `spec` on any [`Surface`], with item `active` outlined.
pub fn paint_on<S: Surface>(
    surface: &mut S,
    spec: &Spec,
    scale: Scale,
    active: Option<usize>,
) -> Result<(), PaintError> {
    let s = scale.px;
    let pt = |x: f64, y: f64| ((x * s).round() as i32, (y * s).round() as i32);
    surface.clear_to(spec.background)?;
    for mark in &spec.marks {
        match mark {
            Mark::Rect { x, y, w, h, fill } => {
                if *w <= 0.0 || *h <= 0.0 {
                    continue;
                }
                rect(surface, s, (*x, *y, *w, *h), *fill)?;
            }
            Mark::Polygon { points, fill } => {
                let pts: Vec<Px> = points.iter().map(|p| pt(p.0, p.1)).collect();
                surface.fill_polygon(&pts, *fill)?;
            }
            Mark::Line {
                points,
                color: c,
                width,
            } => {
                let pts: Vec<Px> = points.iter().map(|p| pt(p.0, p.1)).collect();
                surface.stroke_path(&pts, *c, (width * s).round().max(1.0) as u32)?;
            }
            Mark::Text {
                x,
                y,
                text,
                size,
                weight,
                color: c,
                align,
                baseline,
            } => {
                surface.text(
                    text,
                    size * s * scale.text,
                    *weight,
                    *c,
                    *align,
                    *baseline,
                    pt(*x, *y),
                )?;
            }
        }
    }
    if let Some(item) = active.and_then(|i| spec.items.get(i)) {
        outline(surface, s, &item.shape, spec.focus, spec.background)?;
    }
    Ok(())
}

/// Paints only the outline of item `active`, on a transparent layer over the chart (the caller
/// clears it first). A hover then costs one small path, whatever the chart's size.
pub fn paint_outline<DB: DrawingBackend>(
    spec: &Spec,
    area: &DrawingArea<DB, Shift>,
    scale: Scale,
    active: usize,
) -> Result<(), PaintError> {
    paint_outline_on(&mut Plotters(area), spec, scale, active)
}

/// [`paint_outline`] on any [`Surface`].
pub fn paint_outline_on<S: Surface>(
    surface: &mut S,
    spec: &Spec,
    scale: Scale,
    active: usize,
) -> Result<(), PaintError> {
    match spec.items.get(active) {
        Some(item) => outline(surface, scale.px, &item.shape, spec.focus, spec.background),
        None => Ok(()),
    }
}

fn rect<S: Surface>(
    surface: &mut S,
    s: f64,
    (x, y, w, h): (f64, f64, f64, f64),
    fill: Fill,
) -> Result<(), PaintError> {
    let (x0, y0) = ((x * s).round() as i32, (y * s).round() as i32);
    let (x1, y1) = (((x + w) * s).round() as i32, ((y + h) * s).round() as i32);
    if x1 <= x0 || y1 <= y0 {
        return Ok(());
    }
    match fill {
        Fill::Solid(c) => surface.fill_rect((x0, y0), (x1, y1), c),
        Fill::Outline(c) => {
            surface.fill_rect((x0, y0), (x1, y1), c.alpha(0.18))?;
            let width = (1.5 * s).round().max(1.0) as u32;
            surface.stroke_rect((x0, y0), (x1 - 1, y1 - 1), c, width)
        }
        Fill::Hatched(c, hatch) => {
            surface.fill_rect((x0, y0), (x1, y1), c)?;
            let width = (1.5 * s).round().max(1.0) as u32;
            surface.hatch((x0, y0), (x1, y1), hatch, width, hatch_gap(s))
        }
    }
}

/// Backend px between hatch lines at `s` backend px per CSS px.
fn hatch_gap(s: f64) -> i32 {
    (6.0 * s).round().max(4.0) as i32
}

/// 45° lines every `gap` px, clipped to the rectangle: the pattern that tells local money from
/// national without colour. The lines are those of `x − y ≡ hatch_phase(…)` (mod `gap`).
pub fn hatch_segments(
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    gap: i32,
) -> Vec<((i32, i32), (i32, i32))> {
    let gap = gap.max(2);
    let mut out = Vec::new();
    // Lines x − y = c, for c from (x0 − y1) to (x1 − y0).
    let mut c = hatch_phase(x0, y1, gap);
    while c < x1 - y0 {
        // Intersections with the rectangle's edges.
        let start_y = (x0 - c).max(y0).min(y1);
        let start = (start_y + c, start_y);
        let end_y = (x1 - c).min(y1).max(y0);
        let end = (end_y + c, end_y);
        if end.1 > start.1 && start.0 >= x0 && end.0 <= x1 {
            out.push((start, end));
        }
        c += gap;
    }
    out
}

/// The first `x − y` of a hatch over a rectangle with left `x0` and bottom `y1` (see
/// [`hatch_segments`]); the others follow every `gap`.
pub fn hatch_phase(x0: i32, y1: i32, gap: i32) -> i32 {
    x0 - y1 + gap.max(2) / 2
}

/// The points (in backend px) of the ring around `shape`: 3 CSS px outside it, closed.
fn outline_points(s: f64, shape: &Shape) -> Vec<Px> {
    let pts: Vec<(f64, f64)> = match *shape {
        Shape::Rect { x, y, w: rw, h } => {
            vec![
                (x - 3.0, y - 3.0),
                (x + rw + 3.0, y - 3.0),
                (x + rw + 3.0, y + h + 3.0),
                (x - 3.0, y + h + 3.0),
                (x - 3.0, y - 3.0),
            ]
        }
        Shape::Sector {
            cx,
            cy,
            r0,
            r1,
            a0,
            a1,
        } => {
            let mut p = super::donut::sector_points(cx, cy, r0 - 3.0, r1 + 3.0, a0, a1);
            if let Some(first) = p.first().copied() {
                p.push(first);
            }
            p
        }
    };
    pts.iter()
        .map(|p| ((p.0 * s).round() as i32, (p.1 * s).round() as i32))
        .collect()
}

fn outline<S: Surface>(
    surface: &mut S,
    s: f64,
    shape: &Shape,
    focus: Rgba,
    background: Rgba,
) -> Result<(), PaintError> {
    let w = (2.0 * s).round().max(1.0) as u32;
    // A double ring (background inside, focus colour outside) is visible on any fill.
    let inner = outline_points(s, shape);
    surface.stroke_path(&inner, background, w + 2)?;
    surface.stroke_path(&inner, focus, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hatch_lines_stay_inside_the_rectangle() {
        let r = (10, 20, 110, 36);
        let segs = hatch_segments(r, 6);
        assert!(segs.len() > 10, "{}", segs.len());
        for (a, b) in segs {
            for (x, y) in [a, b] {
                assert!(x >= r.0 && x <= r.2 && y >= r.1 && y <= r.3, "{a:?}-{b:?}");
            }
            assert_eq!(b.0 - a.0, b.1 - a.1, "45 degrees");
        }
    }
}
