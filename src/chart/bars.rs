//! One bar engine for five kinds: rows (groups) of one or two bars, each bar a stack of
//! segments (series), horizontal or vertical, with a note per row (attainment, share...).

use rust_decimal::Decimal;

use super::axis::{ticks, to_f64};
use super::frame::{self, LegendItem};
use super::spec::{Align, Baseline, Fill, Item, Mark, Shape, Spec};
use super::text::{fit, Weight};
use super::Ctx;

/// A series: one colour and pattern, one legend entry.
pub struct Series {
    pub key: String,
    pub label: String,
    pub fill: Fill,
}

/// A part of a bar.
pub struct Seg {
    pub series: usize,
    pub value: Decimal,
}

/// A bar: its segments, stacked from zero.
pub struct Bar {
    pub segs: Vec<Seg>,
}

impl Bar {
    /// A bar of one series' figure, or an empty slot when the figure is missing.
    pub fn one(series: usize, value: Option<Decimal>) -> Bar {
        Bar {
            segs: value
                .map(|value| Seg { series, value })
                .into_iter()
                .collect(),
        }
    }
}

/// A group (a source, a region, a year...).
pub struct Row {
    /// Full label (shortened for display only; the tooltip shows it whole).
    pub label: String,
    pub bars: Vec<Bar>,
    /// Short text after the bars ("95,2%").
    pub note: Option<String>,
    /// Extra tooltip rows ("Đạt kế hoạch", "95,2%").
    pub extra: Vec<(String, String)>,
}

/// Bars along the x axis (rows listed top to bottom) or the y axis (columns left to right).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Orient {
    Horizontal,
    Vertical,
}

pub struct Bars {
    pub orient: Orient,
    pub series: Vec<Series>,
    pub rows: Vec<Row>,
}

const LABEL: f64 = 13.0;
const NOTE: f64 = 12.0;
const TICK: f64 = 12.0;

impl Bars {
    fn visible_total(&self, ctx: &Ctx<'_>, bar: &Bar) -> Decimal {
        bar.segs
            .iter()
            .filter(|s| {
                self.series
                    .get(s.series)
                    .is_some_and(|se| !ctx.is_hidden(&se.key))
            })
            .fold(Decimal::ZERO, |acc, s| {
                acc.checked_add(s.value).unwrap_or(acc)
            })
    }

    fn max_value(&self, ctx: &Ctx<'_>) -> f64 {
        self.rows
            .iter()
            .flat_map(|r| &r.bars)
            .map(|b| to_f64(self.visible_total(ctx, b)))
            .fold(0.0, f64::max)
    }

    fn legend(&self) -> Vec<LegendItem> {
        self.series
            .iter()
            .map(|s| LegendItem {
                key: s.key.clone(),
                label: s.label.clone(),
                fill: s.fill,
            })
            .collect()
    }
}

fn item_for(
    ctx: &Ctx<'_>,
    bars: &Bars,
    row: &Row,
    bar: &Bar,
    seg: &Seg,
    shape: Shape,
    anchor: (f64, f64),
) -> Item {
    let o = &ctx.input.options.analysis;
    let unit = ctx.input.analysis.unit;
    let series = bars.series.get(seg.series);
    let label = series.map_or("", |s| s.label.as_str()).to_string();
    let amount = ctx.nf.amount(seg.value, unit, o.amount_digits);
    let mut rows = vec![(label.clone(), amount.clone())];
    let visible: Vec<&Seg> = bar
        .segs
        .iter()
        .filter(|s| {
            bars.series
                .get(s.series)
                .is_some_and(|se| !ctx.is_hidden(&se.key))
        })
        .collect();
    if visible.len() > 1 {
        let total = bars.visible_total(ctx, bar);
        rows.push((
            ctx.t("Cộng", "Total").to_string(),
            ctx.nf.amount(total, unit, o.amount_digits),
        ));
    }
    rows.extend(row.extra.iter().cloned());
    let mut speech = format!("{}, {}: {}", row.label, label, ctx.speak(&amount));
    for (k, v) in &row.extra {
        speech.push_str(&format!("; {k} {}", ctx.speak(v)));
    }
    Item {
        shape,
        title: row.label.clone(),
        rows,
        speech,
        anchor,
    }
}

/// Lays out the bars with the frame around them.
pub fn layout(ctx: &Ctx<'_>, bars: &Bars) -> Spec {
    let header = frame::header(ctx, &bars.legend());
    let (foot_lines, foot_h) = frame::footer(ctx);
    let mut spec = Spec {
        width: ctx.input.width,
        height: 0.0,
        background: ctx.theme.background,
        focus: ctx.theme.focus,
        marks: header.marks,
        items: Vec::new(),
        legend: header.legend,
    };
    let plot_top = header.height;
    let plot_h = match bars.orient {
        Orient::Horizontal => {
            let room = ctx.input.height.map(|h| h - plot_top - foot_h);
            horizontal(ctx, bars, &mut spec, plot_top, room)
        }
        Orient::Vertical => {
            let natural = (ctx.input.width * 0.55).clamp(220.0, 420.0);
            let h = ctx
                .input
                .height
                .map_or(natural, |h| (h - plot_top - foot_h).max(160.0));
            vertical(ctx, bars, &mut spec, plot_top, h);
            h
        }
    };
    let foot_y = plot_top + plot_h;
    spec.marks
        .extend(frame::footer_marks(ctx, &foot_lines, foot_y));
    spec.height = foot_y + foot_h;
    spec
}

/// Rows top to bottom; returns the plot height used. Rows never shrink below their natural
/// height (labels must stay readable); given more `room`, they spread out (up to 1.6×) and the
/// rest is left below, so the chart takes exactly the height asked for.
fn horizontal(ctx: &Ctx<'_>, bars: &Bars, spec: &mut Spec, top: f64, room: Option<f64>) -> f64 {
    let w = ctx.input.width;
    let p = frame::pad(w);
    let unit = ctx.input.analysis.unit;
    let per_row = bars
        .rows
        .iter()
        .map(|r| r.bars.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let thick = if per_row == 1 { 16.0 } else { 12.0 };
    // On a phone, labels get their own line above the bars, which then use the full width.
    let stacked = w < 480.0;
    let head = if stacked { 18.0 } else { 0.0 };
    let natural_row = head + per_row as f64 * thick + (per_row as f64 - 1.0) * 3.0 + 12.0;
    let n_rows = bars.rows.len().max(1) as f64;
    let row_h = room
        .map(|r| (r - 40.0) / n_rows)
        .filter(|h| *h > natural_row)
        .map_or(natural_row, |h| h.min(natural_row * 1.6));
    // Extra height per row goes half above, half below the bars.
    let spread = (row_h - natural_row) / 2.0;
    let m = ctx.m();
    let inner = w - 2.0 * p;
    // Measured once: a label that fits its column is drawn as it is, not measured again by fit.
    let label_widths: Vec<f64> = bars
        .rows
        .iter()
        .map(|r| m.width(&r.label, LABEL, Weight::Normal))
        .collect();
    let widest_label = label_widths.iter().copied().fold(0.0, f64::max);
    let label_w = if stacked {
        inner
    } else {
        widest_label.min(inner * 0.38).max(40.0)
    };
    let note_w = bars
        .rows
        .iter()
        .filter_map(|r| r.note.as_ref())
        .map(|n| m.width(n, NOTE, Weight::Bold) + 8.0)
        .fold(0.0, f64::max);
    let x0 = if stacked { p } else { p + label_w + 10.0 };
    let x1 = (w - p - note_w).max(x0 + 40.0);
    let axis_max = ticks(bars.max_value(ctx), ((x1 - x0) / 90.0) as usize);
    let max = axis_max
        .last()
        .map_or(1.0, |d| to_f64(*d))
        .max(f64::MIN_POSITIVE);
    let scale = |v: Decimal| (to_f64(v) / max * (x1 - x0)).max(0.0);
    let rows_h = bars.rows.len() as f64 * row_h;
    // Grid and ticks.
    for t in &axis_max {
        let x = x0 + scale(*t);
        spec.marks.push(Mark::Line {
            points: vec![(x, top), (x, top + rows_h)],
            color: if t.is_zero() {
                ctx.theme.axis
            } else {
                ctx.theme.grid
            },
            width: 1.0,
        });
        let text = ctx.nf.decimal(*t, 8);
        // A label centred on the last tick may pass the chart's edge (no notes beside the
        // bars): it ends at its tick instead.
        let align = if x + m.width(&text, TICK, Weight::Normal) / 2.0 > w - p / 2.0 {
            Align::End
        } else {
            Align::Middle
        };
        spec.marks.push(Mark::Text {
            x,
            y: top + rows_h + 5.0,
            text,
            size: TICK,
            weight: Weight::Normal,
            color: ctx.theme.muted,
            align,
            baseline: Baseline::Top,
        });
    }
    spec.marks.push(Mark::Text {
        x: x1,
        y: top + rows_h + 22.0,
        text: unit.words(ctx.locale).to_string(),
        size: TICK,
        weight: Weight::Normal,
        color: ctx.theme.muted,
        align: Align::End,
        baseline: Baseline::Top,
    });
    for (i, row) in bars.rows.iter().enumerate() {
        let y_row = top + i as f64 * row_h;
        let label = if label_widths.get(i).is_some_and(|lw| *lw <= label_w) {
            row.label.clone()
        } else {
            fit(m, &row.label, LABEL, Weight::Normal, label_w).0
        };
        let (label_y, baseline) = if stacked {
            (y_row + spread + 4.0, Baseline::Top)
        } else {
            (y_row + row_h / 2.0, Baseline::Middle)
        };
        spec.marks.push(Mark::Text {
            x: p,
            y: label_y,
            text: label,
            size: LABEL,
            weight: Weight::Normal,
            color: ctx.theme.text,
            align: Align::Start,
            baseline,
        });
        let mut row_end = x0;
        for (j, bar) in row.bars.iter().enumerate() {
            let y = y_row + head + spread + 6.0 + j as f64 * (thick + 3.0);
            let mut x = x0;
            for seg in &bar.segs {
                let Some(series) = bars.series.get(seg.series) else {
                    continue;
                };
                if ctx.is_hidden(&series.key) {
                    continue;
                }
                let len = scale(seg.value);
                spec.marks.push(Mark::Rect {
                    x,
                    y,
                    w: len,
                    h: thick,
                    fill: series.fill,
                });
                // A zero or tiny bar still gets a target a finger can find.
                let shape = Shape::Rect {
                    x,
                    y,
                    w: len.max(3.0),
                    h: thick,
                };
                spec.items.push(item_for(
                    ctx,
                    bars,
                    row,
                    bar,
                    seg,
                    shape,
                    (x + len / 2.0, y),
                ));
                x += len;
            }
            row_end = row_end.max(x);
        }
        if let Some(note) = &row.note {
            spec.marks.push(Mark::Text {
                x: row_end + 6.0,
                y: y_row + head + (row_h - head) / 2.0,
                text: note.clone(),
                size: NOTE,
                weight: Weight::Bold,
                color: ctx.theme.text,
                align: Align::Start,
                baseline: Baseline::Middle,
            });
        }
    }
    (rows_h + 40.0).max(room.unwrap_or(0.0))
}

/// Columns left to right in a plot of height `h`.
fn vertical(ctx: &Ctx<'_>, bars: &Bars, spec: &mut Spec, top: f64, h: f64) {
    let w = ctx.input.width;
    let p = frame::pad(w);
    let unit = ctx.input.analysis.unit;
    let m = ctx.m();
    let y_top = top + 26.0; // room for the unit label and the notes above the tallest bar
    let y_base = top + h - 26.0; // room for the column labels
    let axis = ticks(bars.max_value(ctx), ((y_base - y_top) / 60.0) as usize);
    let max = axis
        .last()
        .map_or(1.0, |d| to_f64(*d))
        .max(f64::MIN_POSITIVE);
    let tick_labels: Vec<String> = axis.iter().map(|t| ctx.nf.decimal(*t, 8)).collect();
    let gutter = tick_labels
        .iter()
        .map(|t| m.width(t, TICK, Weight::Normal))
        .fold(0.0, f64::max)
        + 8.0;
    let x0 = p + gutter;
    let x1 = w - p;
    let scale = |v: Decimal| (to_f64(v) / max * (y_base - y_top)).max(0.0);
    spec.marks.push(Mark::Text {
        x: p,
        y: top + 2.0,
        text: unit.words(ctx.locale).to_string(),
        size: TICK,
        weight: Weight::Normal,
        color: ctx.theme.muted,
        align: Align::Start,
        baseline: Baseline::Top,
    });
    for (t, label) in axis.iter().zip(tick_labels) {
        let y = y_base - scale(*t);
        spec.marks.push(Mark::Line {
            points: vec![(x0, y), (x1, y)],
            color: if t.is_zero() {
                ctx.theme.axis
            } else {
                ctx.theme.grid
            },
            width: 1.0,
        });
        spec.marks.push(Mark::Text {
            x: x0 - 6.0,
            y,
            text: label,
            size: TICK,
            weight: Weight::Normal,
            color: ctx.theme.muted,
            align: Align::End,
            baseline: Baseline::Middle,
        });
    }
    let n = bars.rows.len().max(1) as f64;
    let col_w = (x1 - x0) / n;
    for (i, row) in bars.rows.iter().enumerate() {
        let per = row.bars.len().max(1) as f64;
        let group_w = (col_w * 0.72).min(per * 56.0);
        let bar_w = (group_w - (per - 1.0) * 4.0) / per;
        let cx = x0 + col_w * (i as f64 + 0.5);
        let mut tallest = y_base;
        for (j, bar) in row.bars.iter().enumerate() {
            let x = cx - group_w / 2.0 + j as f64 * (bar_w + 4.0);
            let mut y = y_base;
            for seg in &bar.segs {
                let Some(series) = bars.series.get(seg.series) else {
                    continue;
                };
                if ctx.is_hidden(&series.key) {
                    continue;
                }
                let len = scale(seg.value);
                y -= len;
                spec.marks.push(Mark::Rect {
                    x,
                    y,
                    w: bar_w,
                    h: len,
                    fill: series.fill,
                });
                let shape = Shape::Rect {
                    x,
                    y: y.min(y_base - 3.0),
                    w: bar_w,
                    h: len.max(3.0),
                };
                spec.items.push(item_for(
                    ctx,
                    bars,
                    row,
                    bar,
                    seg,
                    shape,
                    (x + bar_w / 2.0, y),
                ));
            }
            tallest = tallest.min(y);
        }
        let (label, _) = fit(m, &row.label, LABEL, Weight::Normal, col_w - 4.0);
        spec.marks.push(Mark::Text {
            x: cx,
            y: y_base + 6.0,
            text: label,
            size: LABEL,
            weight: Weight::Normal,
            color: ctx.theme.text,
            align: Align::Middle,
            baseline: Baseline::Top,
        });
        if let Some(note) = &row.note {
            spec.marks.push(Mark::Text {
                x: cx,
                y: tallest - 4.0,
                text: note.clone(),
                size: NOTE,
                weight: Weight::Bold,
                color: ctx.theme.text,
                align: Align::Middle,
                baseline: Baseline::Bottom,
            });
        }
    }
}
