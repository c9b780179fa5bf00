//! The donut of actual spending by source, with share labels and the total in the centre.

use core::f64::consts::{FRAC_PI_2, TAU};

use rust_decimal::Decimal;

use super::axis::to_f64;
use super::frame::{self, LegendItem};
use super::math;
use super::spec::{Align, Baseline, Fill, Item, Mark, Shape, Spec};
use super::text::{fit, Weight};
use super::Ctx;

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
        cx + r * math::cos(a - FRAC_PI_2),
        cy + r * math::sin(a - FRAC_PI_2),
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
    let plot_h = ctx
        .input
        .height
        .map_or(natural, |h| (h - header.height - foot_h).max(180.0));
    let top = header.height;
    let mut spec = Spec {
        width: w,
        height: top + plot_h + foot_h,
        background: ctx.theme.background,
        focus: ctx.theme.focus,
        marks: header.marks,
        items: Vec::new(),
        legend: header.legend,
    };
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
    let r1 = ((w - 2.0 * frame::pad(w)) / 2.0 - label_room)
        .min(plot_h / 2.0 - 30.0)
        .max(40.0);
    let r0 = r1 * 0.6;
    let (cx, cy) = (w / 2.0, top + plot_h / 2.0);
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
    let (value, label) = center;
    // The key figure: a smaller size before any shortening.
    let room = 2.0 * r0 - 12.0;
    let size = [18.0, 16.0, 14.0, 12.0]
        .into_iter()
        .find(|s| ctx.m().width(&value, *s, Weight::Bold) <= room)
        .unwrap_or(12.0);
    let (value, _) = fit(ctx.m(), &value, size, Weight::Bold, room);
    spec.marks.push(Mark::Text {
        x: cx,
        y: cy - 2.0,
        text: value,
        size,
        weight: Weight::Bold,
        color: ctx.theme.text,
        align: Align::Middle,
        baseline: Baseline::Bottom,
    });
    let (label, _) = fit(ctx.m(), &label, 12.0, Weight::Normal, 2.0 * r0 - 12.0);
    spec.marks.push(Mark::Text {
        x: cx,
        y: cy + 4.0,
        text: label,
        size: 12.0,
        weight: Weight::Normal,
        color: ctx.theme.muted,
        align: Align::Middle,
        baseline: Baseline::Top,
    });
    spec.marks
        .extend(frame::footer_marks(ctx, &foot_lines, top + plot_h));
    spec
}
