//! Leverage: public support against the counterpart capital it attracted, by group, with the
//! press's sentence for the whole ("1 đồng khuyến công thu hút 2,48 đồng vốn đối ứng").

use super::bars::{self, Bar, Bars, Orient, Row, Series};
use super::frame;
use super::kinds::{dim_or, groups, ratio, sorted};
use super::spec::{Align, Baseline, Fill, Mark, Shape, Spec};
use super::text::{wrap_whole, Weight};
use super::{Ctx, Input};
use crate::compute::{Dim, Figure, Group};
use crate::exact;
use crate::locale::Locale;
use crate::model::Measures;

pub(super) fn layout(ctx: &Ctx<'_>) -> Option<Spec> {
    let usable = |g: &Group| g.figure.sums.counterpart.is_some();
    let dim = dim_or(
        ctx,
        &[Dim::Source, Dim::Region, Dim::Year, Dim::Category],
        usable,
    );
    let a = ctx.input.analysis;
    let sentence = |f: &Figure| {
        f.leverage.map(|l| match ctx.locale {
            Locale::Vi => format!(
                "1 đồng khuyến công thu hút {} đồng vốn đối ứng",
                ratio(ctx, Some(l))
            ),
            Locale::En => format!(
                "1 VND of promotion funds attracted {} VND of counterpart capital",
                ratio(ctx, Some(l))
            ),
        })
    };
    let row = |label: String, f: &Figure| Row {
        label,
        bars: vec![Bar::one(0, f.sums.actual), Bar::one(1, f.sums.counterpart)],
        note: f.leverage.map(|l| format!("1 : {}", ratio(ctx, Some(l)))),
        extra: sentence(f)
            .map(|s| vec![(s, String::new())])
            .unwrap_or_default(),
    };
    let used: Vec<&Group> = match dim {
        Some(dim) => sorted(
            ctx,
            dim,
            groups(ctx, dim).iter().filter(|g| usable(g)).collect(),
            |f| f.leverage,
        ),
        None => Vec::new(),
    };
    let mut rows: Vec<Row> = used
        .iter()
        .map(|g| row(g.label.clone(), &g.figure))
        .collect();
    // The whole the headline sentence speaks of: the groups shown, summed exactly (a group
    // without counterpart capital must not dilute the ratio); or the data's total when no group
    // has any (counterpart reported for the programme only).
    let whole: Option<Figure> = match used.as_slice() {
        [] => a.total.sums.counterpart.map(|_| a.total.clone()),
        [one] => Some(one.figure.clone()),
        many => sum_figures(many, ctx.input.options.analysis.ratio_digits),
    };
    if let Some(w) = &whole {
        if used.len() != 1 {
            let all_groups = dim.is_none_or(|d| used.len() == groups(ctx, d).len());
            let label = if all_groups {
                ctx.t("Tổng cộng", "Total")
            } else {
                ctx.t("Tổng các nhóm trên", "Total of the above")
            };
            rows.push(row(label.to_string(), w));
        }
    }
    if rows.is_empty() {
        return None;
    }
    let series = vec![
        Series {
            key: "actual".into(),
            label: ctx.t("Kinh phí khuyến công", "Promotion funds").into(),
            fill: Fill::Solid(ctx.theme.series[0]),
        },
        Series {
            key: "counterpart".into(),
            label: ctx.t("Vốn đối ứng", "Counterpart capital").into(),
            fill: Fill::Hatched(ctx.theme.counterpart, ctx.theme.hatch),
        },
    ];
    // The press's sentence for the whole, under the legend, on as many lines as it takes (its
    // figure is the point of the chart): a fixed height holds the bars and the sentence.
    let p = frame::pad(ctx.input.width);
    let lines = whole
        .as_ref()
        .and_then(sentence)
        .map_or_else(Vec::new, |s| {
            wrap_whole(ctx.m(), &s, 14.0, Weight::Bold, ctx.input.width - 2.0 * p)
        });
    let dy = if lines.is_empty() {
        0.0
    } else {
        8.0 + 20.0 * lines.len() as f64
    };
    let input = Input {
        height: ctx.input.height.map(|h| h - dy),
        ..*ctx.input
    };
    let bars_ctx = Ctx {
        input: &input,
        theme: ctx.theme.clone(),
        nf: ctx.nf,
        locale: ctx.locale,
    };
    let mut spec = bars::layout(
        &bars_ctx,
        &Bars {
            orient: Orient::Horizontal,
            series,
            rows,
        },
    );
    if !lines.is_empty() {
        let y = spec
            .legend
            .last()
            .map_or(60.0, |l| l.rect.1 + l.rect.3 + 2.0);
        shift_below(&mut spec, y, dy);
        for (i, line) in lines.into_iter().enumerate() {
            spec.marks.push(Mark::Text {
                x: p,
                y: y + 4.0 + 20.0 * i as f64,
                text: line,
                size: 14.0,
                weight: Weight::Bold,
                color: ctx.theme.text,
                align: Align::Start,
                baseline: Baseline::Top,
            });
        }
    }
    Some(spec)
}

/// Exact sums of actual and counterpart over `groups`, and their leverage.
fn sum_figures(groups: &[&Group], ratio_digits: u32) -> Option<Figure> {
    let mut sums = Measures::default();
    for g in groups {
        let f = &g.figure.sums;
        for (acc, v) in [
            (&mut sums.actual, f.actual),
            (&mut sums.counterpart, f.counterpart),
        ] {
            if let Some(v) = v {
                *acc = Some(match *acc {
                    Some(x) => exact::add(x, v, "").ok()?,
                    None => v,
                });
            }
        }
    }
    let leverage = match (sums.counterpart, sums.actual) {
        (Some(c), Some(p)) => exact::round_div(c, p, 1, ratio_digits).ok().flatten(),
        _ => None,
    };
    Some(Figure {
        sums,
        leverage,
        ..Figure::default()
    })
}

/// Moves everything at or below `y` down by `dy` (to insert a line of text).
fn shift_below(spec: &mut Spec, y: f64, dy: f64) {
    for m in &mut spec.marks {
        match m {
            Mark::Rect { y: my, .. } | Mark::Text { y: my, .. } => {
                if *my >= y {
                    *my += dy;
                }
            }
            Mark::Polygon { points, .. } | Mark::Line { points, .. } => {
                if points.iter().all(|p| p.1 >= y) {
                    for p in points.iter_mut() {
                        p.1 += dy;
                    }
                }
            }
        }
    }
    for it in &mut spec.items {
        if let Shape::Rect { y: iy, .. } = &mut it.shape {
            *iy += dy;
        }
        it.anchor.1 += dy;
    }
    spec.height += dy;
}
