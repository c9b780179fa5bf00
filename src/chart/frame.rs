//! What every chart has around its plot: title, subtitle and legend above; the source line
//! below. All of it is drawn on the canvas too, so an exported image keeps it.

use super::spec::{Align, Baseline, Fill, LegendEntry, Mark};
use super::text::{wrap, Weight};
use super::Ctx;

/// Outer padding at this width.
pub fn pad(width: f64) -> f64 {
    if width >= 480.0 {
        16.0
    } else {
        10.0
    }
}

/// A legend entry before layout.
pub struct LegendItem {
    /// Series key.
    pub key: String,
    /// Label.
    pub label: String,
    /// Swatch fill.
    pub fill: Fill,
}

/// The laid-out header (title, subtitle, legend).
pub struct Header {
    pub marks: Vec<Mark>,
    pub legend: Vec<LegendEntry>,
    pub height: f64,
}

const TITLE: f64 = 17.0;
const SUBTITLE: f64 = 13.0;
const LEGEND: f64 = 13.0;
const FOOT: f64 = 12.0;

/// Lays out the header from y = 0.
pub fn header(ctx: &Ctx<'_>, items: &[LegendItem]) -> Header {
    let w = ctx.input.width;
    let p = pad(w);
    let inner = (w - 2.0 * p).max(40.0);
    let data = ctx.input.data;
    let mut marks = Vec::new();
    let mut y = p;
    let (title, _) = wrap(ctx.m(), &data.title, TITLE, Weight::Bold, inner, 3);
    for line in title {
        marks.push(Mark::Text {
            x: p,
            y,
            text: line,
            size: TITLE,
            weight: Weight::Bold,
            color: ctx.theme.text,
            align: Align::Start,
            baseline: Baseline::Top,
        });
        y += 23.0;
    }
    if let Some(sub) = &data.subtitle {
        y += 1.0;
        let (lines, _) = wrap(ctx.m(), sub, SUBTITLE, Weight::Normal, inner, 2);
        for line in lines {
            marks.push(Mark::Text {
                x: p,
                y,
                text: line,
                size: SUBTITLE,
                weight: Weight::Normal,
                color: ctx.theme.muted,
                align: Align::Start,
                baseline: Baseline::Top,
            });
            y += 18.0;
        }
    }
    let mut legend = Vec::new();
    if !items.is_empty() {
        y += 8.0;
        let mut x = p;
        // 24 px: the minimum target size of WCAG 2.2 (2.5.8).
        let row_h = 24.0;
        for item in items {
            let hidden = ctx.is_hidden(&item.key);
            let label_w = ctx
                .m()
                .width(&item.label, LEGEND, Weight::Normal)
                .min(inner - 22.0);
            let entry_w = 14.0 + 6.0 + label_w;
            if x > p && x + entry_w > w - p {
                x = p;
                y += row_h;
            }
            let (label, _) =
                super::text::fit(ctx.m(), &item.label, LEGEND, Weight::Normal, label_w + 0.5);
            let fill = if hidden {
                Fill::Outline(ctx.theme.muted)
            } else {
                item.fill
            };
            marks.push(Mark::Rect {
                x,
                y: y + 5.0,
                w: 14.0,
                h: 14.0,
                fill,
            });
            marks.push(Mark::Text {
                x: x + 20.0,
                y: y + 12.0,
                text: label.clone(),
                size: LEGEND,
                weight: Weight::Normal,
                color: if hidden {
                    ctx.theme.muted
                } else {
                    ctx.theme.text
                },
                align: Align::Start,
                baseline: Baseline::Middle,
            });
            if hidden {
                // Struck through, so "hidden" does not rest on colour alone.
                marks.push(Mark::Line {
                    points: vec![(x + 20.0, y + 12.5), (x + 20.0 + label_w, y + 12.5)],
                    color: ctx.theme.muted,
                    width: 1.0,
                });
            }
            legend.push(LegendEntry {
                key: item.key.clone(),
                label: item.label.clone(),
                fill: item.fill,
                hidden,
                rect: (x - 2.0, y, entry_w + 4.0, row_h),
            });
            x += entry_w + 18.0;
        }
        y += row_h;
    }
    Header {
        marks,
        legend,
        height: y + 10.0,
    }
}

/// The source line ("Nguồn: …"), then the note that figures were regrouped by today's
/// provinces, and their height.
pub fn footer(ctx: &Ctx<'_>) -> (Vec<String>, f64) {
    let w = ctx.input.width;
    let p = pad(w);
    let mut lines = Vec::new();
    if let Some(source) = &ctx.input.data.source {
        let text = format!("{}{}", ctx.t("Nguồn: ", "Source: "), source);
        lines.extend(wrap(ctx.m(), &text, FOOT, Weight::Normal, w - 2.0 * p, 4).0);
    }
    if let Some(note) = ctx.input.analysis.regions.note(ctx.locale) {
        lines.extend(wrap(ctx.m(), note, FOOT, Weight::Normal, w - 2.0 * p, 3).0);
    }
    if lines.is_empty() {
        return (lines, p);
    }
    let h = 8.0 + 16.0 * lines.len() as f64 + p;
    (lines, h)
}

/// Marks of the footer lines, starting at `y`.
pub fn footer_marks(ctx: &Ctx<'_>, lines: &[String], y: f64) -> Vec<Mark> {
    let p = pad(ctx.input.width);
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| Mark::Text {
            x: p,
            y: y + 8.0 + 16.0 * i as f64,
            text: line.clone(),
            size: FOOT,
            weight: Weight::Normal,
            color: ctx.theme.muted,
            align: Align::Start,
            baseline: Baseline::Top,
        })
        .collect()
}
