//! The donut of actual spending by source, with share labels and the total in the centre.

use core::f64::consts::{FRAC_PI_2, TAU};

use rust_decimal::Decimal;

use super::axis::to_f64;
use super::frame::{self, LegendItem};
use super::spec::{Align, Baseline, Fill, Item, Mark, Shape, Spec};
use super::text::{figure_in, fit, fit_figure, wrap_whole, Measure, Weight};
use super::Ctx;
use crate::host;

/// One slice.
pub struct Slice {
    pub key: String,
    pub label: String,
    pub value: Decimal,
    /// Share text ("46,7%").
    pub share: String,
    pub fill: Fill,
    /// Tooltip rows.
    pub rows: Vec<(String, String)>,
}

fn point(cx: f64, cy: f64, r: f64, a: f64) -> (f64, f64) {
    // Angles run clockwise from 12 o'clock.
    (
        cx + r * host::cos(a - FRAC_PI_2),
        cy + r * host::sin(a - FRAC_PI_2),
    )
}

/// The outline of an annular sector as a polygon.
pub fn sector_points(cx: f64, cy: f64, r0: f64, r1: f64, a0: f64, a1: f64) -> Vec<(f64, f64)> {
    let steps = ((a1 - a0) / TAU * 144.0).ceil().max(2.0) as usize;
    let mut pts = Vec::with_capacity(2 * steps + 2);
    for i in 0..=steps {
        pts.push(point(cx, cy, r1, a0 + (a1 - a0) * i as f64 / steps as f64));
    }
    for i in (0..=steps).rev() {
        pts.push(point(cx, cy, r0, a0 + (a1 - a0) * i as f64 / steps as f64));
    }
    pts
}

/// The same 45° hatch as on bars, clipped to any shape: runs of each line that lie inside it,
/// found by walking the line in 1 px steps (once per layout, not per paint).
fn hatch_lines(shape: &Shape, (x0, y0, x1, y1): (f64, f64, f64, f64)) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    let mut c = x0 - y1 + 3.0;
    while c < x1 - y0 {
        let mut run: Option<((f64, f64), (f64, f64))> = None;
        let mut y = y0;
        while y <= y1 {
            let p = (y + c, y);
            if shape.contains(p.0, p.1) {
                run = Some(run.map_or((p, p), |(start, _)| (start, p)));
            } else if let Some((a, b)) = run.take() {
                out.push(vec![a, b]);
            }
            y += 1.0;
        }
        if let Some((a, b)) = run {
            out.push(vec![a, b]);
        }
        c += 6.0;
    }
    out
}

pub fn layout(ctx: &Ctx<'_>, slices: &[Slice], center: (String, String)) -> Spec {
    let legend: Vec<LegendItem> = slices
        .iter()
        .map(|s| LegendItem {
            key: s.key.clone(),
            label: s.label.clone(),
            fill: s.fill,
        })
        .collect();
    let header = frame::header(ctx, &legend);
    let (foot_lines, foot_h) = frame::footer(ctx);
    let w = ctx.input.width;
    let natural = (w * 0.62).clamp(240.0, 380.0);
    let mut plot_h = ctx
        .input
        .height
        .map_or(natural, |h| (h - header.height - foot_h).max(180.0));
    let top = header.height;
    // Labels sit outside the ring: leave room for "46,7%" and a short name on either side.
    // Names beside the share labels need room; on a phone only the shares fit, and the
    // legend (and the hatching of local funds) tells the slices apart.
    let label_room = if w >= 640.0 {
        150.0
    } else if w >= 480.0 {
        120.0
    } else {
        56.0
    };
    let with_names = w >= 480.0;
    let inner = w - 2.0 * frame::pad(w);
    let ring = |h: f64| (inner / 2.0 - label_room).min(h / 2.0 - 30.0).max(40.0);
    let mut r1 = ring(plot_h);
    // The total in the hole; when the hole is too small for it even at the smallest size, under
    // the ring, in the room the ring leaves (a fixed height) or added below it.
    let (value, label) = center;
    let mut centre = hole(ctx, &value, &label, r1 * 0.6 - HOLE_MARGIN);
    let mut ring_h = plot_h;
    if centre.is_none() {
        let block = under(ctx, &value, &label, inner);
        // Clear of the share labels (and names) under the ring.
        let clear = if with_names { 48.0 } else { 30.0 };
        match ctx.input.height {
            Some(_) => {
                ring_h = (plot_h - block.height - 8.0).max(2.0 * (40.0 + clear));
                r1 = ring(ring_h).min(ring_h / 2.0 - clear).max(40.0);
                plot_h = plot_h.max(ring_h + block.height + 8.0);
            }
            None => {
                ring_h = 2.0 * (r1 + clear);
                plot_h = ring_h + block.height + 8.0;
            }
        }
        centre = Some(block);
    }
    let r0 = r1 * 0.6;
    let (cx, cy) = (w / 2.0, top + ring_h / 2.0);
    let mut spec = Spec {
        width: w,
        height: top + plot_h + foot_h,
        background: ctx.theme.background,
        focus: ctx.theme.focus,
        marks: header.marks,
        items: Vec::new(),
        legend: header.legend,
    };
    let visible: Vec<&Slice> = slices.iter().filter(|s| !ctx.is_hidden(&s.key)).collect();
    let total: f64 = visible.iter().map(|s| to_f64(s.value)).sum();
    let mut a = 0.0;
    for s in &visible {
        let frac = if total > 0.0 {
            to_f64(s.value) / total
        } else {
            0.0
        };
        let (a0, a1) = (a, a + frac * TAU);
        a = a1;
        if frac <= 0.0 {
            continue;
        }
        let color = match s.fill {
            Fill::Solid(c) | Fill::Hatched(c, _) | Fill::Outline(c) => c,
        };
        spec.marks.push(Mark::Polygon {
            points: sector_points(cx, cy, r0, r1, a0, a1),
            fill: color,
        });
        if let Fill::Hatched(_, hatch) = s.fill {
            let shape = Shape::Sector {
                cx,
                cy,
                r0,
                r1,
                a0,
                a1,
            };
            for points in hatch_lines(&shape, (cx - r1, cy - r1, cx + r1, cy + r1)) {
                spec.marks.push(Mark::Line {
                    points,
                    color: hatch,
                    width: 1.5,
                });
            }
        }
        // A thin gap between sectors, in the background colour.
        spec.marks.push(Mark::Line {
            points: vec![point(cx, cy, r0 - 1.0, a0), point(cx, cy, r1 + 1.0, a0)],
            color: ctx.theme.background,
            width: 2.0,
        });
        let mid = (a0 + a1) / 2.0;
        let (lx, ly) = point(cx, cy, r1 + 10.0, mid);
        let right = mid < core::f64::consts::PI;
        let align = if (mid - 0.0).abs() < 0.2 || (mid - core::f64::consts::PI).abs() < 0.2 {
            Align::Middle
        } else if right {
            Align::Start
        } else {
            Align::End
        };
        let below = mid > FRAC_PI_2 && mid < 3.0 * FRAC_PI_2;
        let (y_share, y_name) = if !with_names {
            (if below { ly + 8.0 } else { ly - 4.0 }, ly)
        } else if below {
            (ly + 10.0, ly + 27.0)
        } else {
            (ly - 8.0, ly + 9.0)
        };
        spec.marks.push(Mark::Text {
            x: lx,
            y: y_share,
            text: s.share.clone(),
            size: 14.0,
            weight: Weight::Bold,
            color: ctx.theme.text,
            align,
            baseline: Baseline::Middle,
        });
        // The name too, so the slices differ by more than colour: in all the room its side
        // has (a ring kept small by the chart's height leaves more than `label_room`).
        let (name, _) = if with_names {
            // From the label's anchor to the chart's padding on its side (a centred name, at
            // the top or bottom, gets as much on each side of its anchor).
            let room = w / 2.0 - frame::pad(w) - (lx - cx).abs();
            fit(
                ctx.m(),
                &s.label,
                12.0,
                Weight::Normal,
                room.max(label_room - 10.0),
            )
        } else {
            (String::new(), false)
        };
        if !name.is_empty() {
            spec.marks.push(Mark::Text {
                x: lx,
                y: y_name,
                text: name,
                size: 12.0,
                weight: Weight::Normal,
                color: ctx.theme.muted,
                align,
                baseline: Baseline::Middle,
            });
        }
        let speech = format!(
            "{}: {}",
            s.label,
            s.rows
                .iter()
                .map(|(k, v)| format!("{k} {}", ctx.speak(v)))
                .collect::<Vec<_>>()
                .join("; ")
        );
        spec.items.push(Item {
            shape: Shape::Sector {
                cx,
                cy,
                r0,
                r1,
                a0,
                a1,
            },
            title: s.label.clone(),
            rows: s.rows.clone(),
            speech,
            anchor: point(cx, cy, r1, mid),
        });
    }
    if let Some(block) = centre {
        // In the hole: centred 2 px above the ring's centre; under it: from the ring's room down.
        let block_top = if block.in_hole {
            cy - 2.0 - block.height / 2.0
        } else {
            top + ring_h
        };
        for line in block.lines {
            // The total's lines hang from their bottom, the label's from their top (as one
            // line each always did).
            let (y, baseline) = if line.weight == Weight::Bold {
                (block_top + line.top + line.size, Baseline::Bottom)
            } else {
                (block_top + line.top, Baseline::Top)
            };
            spec.marks.push(Mark::Text {
                x: cx,
                y,
                text: line.text,
                size: line.size,
                weight: line.weight,
                color: if line.weight == Weight::Bold {
                    ctx.theme.text
                } else {
                    ctx.theme.muted
                },
                align: Align::Middle,
                baseline,
            });
        }
    }
    spec.marks
        .extend(frame::footer_marks(ctx, &foot_lines, top + plot_h));
    spec
}

/// Sizes of the total, largest first; the last is the floor (never smaller, never shortened).
const TOTAL_SIZES: [f64; 4] = [18.0, 16.0, 14.0, 12.0];
/// The label under the total ("Tổng thực hiện"): size and line pitch.
const LABEL: f64 = 12.0;
const LABEL_PITCH: f64 = 15.0;
/// Room kept between the hole's text and the ring.
const HOLE_MARGIN: f64 = 4.0;

/// A line of the centre's text, `top` px under the block's top.
struct Line {
    text: String,
    size: f64,
    weight: Weight,
    top: f64,
}

/// The total and its label, stacked.
struct Block {
    lines: Vec<Line>,
    height: f64,
    in_hole: bool,
}

/// The total's lines (bold, `size`) over the label's, 6 px apart.
fn stack(value: &[String], size: f64, label: &[String], in_hole: bool) -> Block {
    let mut lines = Vec::new();
    let mut y = 0.0;
    for text in value {
        lines.push(Line {
            text: text.clone(),
            size,
            weight: Weight::Bold,
            top: y,
        });
        y += size * 1.2;
    }
    // The last value line's box ends at its size, not its pitch.
    y += 6.0 - size * 0.2;
    for text in label {
        lines.push(Line {
            text: text.clone(),
            size: LABEL,
            weight: Weight::Normal,
            top: y,
        });
        y += LABEL_PITCH;
    }
    let height = y - (LABEL_PITCH - LABEL);
    Block {
        lines,
        height,
        in_hole,
    }
}

/// Whether every line of `block`, centred 2 px above a circle's centre, lies inside the circle
/// of radius `r`.
fn in_circle(m: &dyn Measure, block: &Block, r: f64) -> bool {
    block.lines.iter().all(|l| {
        let t = l.top - 2.0 - block.height / 2.0;
        let dy = t.abs().max((t + l.size).abs());
        dy < r && m.width(&l.text, l.size, l.weight) <= 2.0 * (r * r - dy * dy).sqrt()
    })
}

/// The total and its label in a hole of radius `r`: the total whole or over its unit, at the
/// largest size that fits, over the label on one line, else on two or more; `None` when
/// nothing fits.
fn hole(ctx: &Ctx<'_>, value: &str, label: &str, r: f64) -> Option<Block> {
    let m = ctx.m();
    let one = vec![label.to_string()];
    let wrapped = wrap_whole(m, label, LABEL, Weight::Normal, 2.0 * r - 16.0);
    [one, wrapped].into_iter().find_map(|label| {
        let fits = |lines: &[String], size: f64| in_circle(m, &stack(lines, size, &label, true), r);
        let (lines, size) = fit_figure(value, &TOTAL_SIZES, &fits)?;
        Some(stack(&lines, size, &label, true))
    })
}

/// The total and its label under the ring, `width` px wide.
fn under(ctx: &Ctx<'_>, value: &str, label: &str, width: f64) -> Block {
    let m = ctx.m();
    let (lines, size) = figure_in(m, value, &TOTAL_SIZES, Weight::Bold, width);
    let label = wrap_whole(m, label, LABEL, Weight::Normal, width);
    stack(&lines, size, &label, false)
}
