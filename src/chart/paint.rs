//! Draws a [`Spec`] on any plotters `DrawingBackend`: the canvas in the browser, SVG in tests
//! and exports. It only reads the spec; all decisions were made in layout.

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

/// Paints `spec` on `area`, with item `active` (hovered or focused) outlined.
pub fn paint<DB: DrawingBackend>(
    spec: &Spec,
    area: &DrawingArea<DB, Shift>,
    scale: Scale,
    active: Option<usize>,
) -> Result<(), PaintError> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let s = scale.px;
    let pt = |x: f64, y: f64| ((x * s).round() as i32, (y * s).round() as i32);
    area.fill(&color(spec.background)).map_err(err)?;
    for mark in &spec.marks {
        match mark {
            Mark::Rect { x, y, w, h, fill } => {
                if *w <= 0.0 || *h <= 0.0 {
                    continue;
                }
                rect(area, s, (*x, *y, *w, *h), *fill).map_err(err)?;
            }
            Mark::Polygon { points, fill } => {
                let pts: Vec<(i32, i32)> = points.iter().map(|p| pt(p.0, p.1)).collect();
                area.draw(&Polygon::new(pts, color(*fill).filled()))
                    .map_err(err)?;
            }
            Mark::Line {
                points,
                color: c,
                width,
            } => {
                let pts: Vec<(i32, i32)> = points.iter().map(|p| pt(p.0, p.1)).collect();
                let style = ShapeStyle {
                    color: color(*c),
                    filled: false,
                    stroke_width: (width * s).round().max(1.0) as u32,
                };
                area.draw(&PathElement::new(pts, style)).map_err(err)?;
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
                let font = FontDesc::new(FontFamily::Name(FONT), size * s * scale.text, style);
                let text_color = color(*c);
                let ts = TextStyle::from(font).color(&text_color).pos(Pos::new(h, v));
                area.draw_text(text, &ts, pt(*x, *y)).map_err(err)?;
            }
        }
    }
    if let Some(item) = active.and_then(|i| spec.items.get(i)) {
        outline(area, s, &item.shape, spec.focus, spec.background).map_err(err)?;
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
    match spec.items.get(active) {
        Some(item) => outline(area, scale.px, &item.shape, spec.focus, spec.background)
            .map_err(|e| e.to_string()),
        None => Ok(()),
    }
}

fn rect<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: f64,
    (x, y, w, h): (f64, f64, f64, f64),
    fill: Fill,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (x0, y0) = ((x * s).round() as i32, (y * s).round() as i32);
    let (x1, y1) = (((x + w) * s).round() as i32, ((y + h) * s).round() as i32);
    if x1 <= x0 || y1 <= y0 {
        return Ok(());
    }
    match fill {
        Fill::Solid(c) => area.draw(&Rectangle::new([(x0, y0), (x1, y1)], color(c).filled())),
        Fill::Outline(c) => {
            area.draw(&Rectangle::new(
                [(x0, y0), (x1, y1)],
                color(c.alpha(0.18)).filled(),
            ))?;
            let stroke = ShapeStyle {
                color: color(c),
                filled: false,
                stroke_width: (1.5 * s).round().max(1.0) as u32,
            };
            area.draw(&Rectangle::new([(x0, y0), (x1 - 1, y1 - 1)], stroke))
        }
        Fill::Hatched(c, hatch) => {
            area.draw(&Rectangle::new([(x0, y0), (x1, y1)], color(c).filled()))?;
            let style = ShapeStyle {
                color: color(hatch),
                filled: false,
                stroke_width: (1.5 * s).round().max(1.0) as u32,
            };
            for seg in hatch_segments((x0, y0, x1, y1), (6.0 * s).round().max(4.0) as i32) {
                area.draw(&PathElement::new(vec![seg.0, seg.1], style))?;
            }
            Ok(())
        }
    }
}

/// 45° lines every `gap` px, clipped to the rectangle: the pattern that tells local money from
/// national without colour.
pub fn hatch_segments(
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    gap: i32,
) -> Vec<((i32, i32), (i32, i32))> {
    let gap = gap.max(2);
    let mut out = Vec::new();
    // Lines x − y = c, for c from (x0 − y1) to (x1 − y0).
    let mut c = x0 - y1 + gap / 2;
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

fn outline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: f64,
    shape: &Shape,
    focus: Rgba,
    background: Rgba,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let w = (2.0 * s).round().max(1.0) as u32;
    // A double ring (background inside, focus colour outside) is visible on any fill.
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
    let to_px = |p: &(f64, f64)| ((p.0 * s).round() as i32, (p.1 * s).round() as i32);
    let inner: Vec<(i32, i32)> = pts.iter().map(to_px).collect();
    area.draw(&PathElement::new(
        inner.clone(),
        ShapeStyle {
            color: color(background),
            filled: false,
            stroke_width: w + 2,
        },
    ))?;
    area.draw(&PathElement::new(
        inner,
        ShapeStyle {
            color: color(focus),
            filled: false,
            stroke_width: w,
        },
    ))
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
