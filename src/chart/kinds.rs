//! What each kind shows: turns the analysis into bars, slices or tiles (leverage, with its
//! sentence for the whole, in `leverage`).

use rust_decimal::Decimal;

use super::bars::{self, Bar, Bars, Orient, Row, Seg, Series};
use super::donut::{self, Slice};
use super::frame;
use super::spec::{Align, Baseline, Fill, Mark, Spec};
use super::summary::{self, Tile};
use super::text::{wrap, Weight};
use super::{leverage, Ctx, Kind, Sort};
use crate::compute::{Dim, Figure, Group};
use crate::model::Level;
use crate::output::Texts;

pub fn layout(ctx: &Ctx<'_>) -> Spec {
    let spec = match ctx.input.options.kind {
        Kind::Summary => summary(ctx),
        Kind::Sources => sources(ctx),
        Kind::PlanActual => plan_actual(ctx),
        Kind::Regions => regions(ctx),
        Kind::Leverage => leverage::layout(ctx),
        Kind::Trend => trend(ctx),
        Kind::Categories => categories(ctx),
    };
    match spec {
        Some(spec) => spec,
        None => empty(ctx),
    }
}

fn amount(ctx: &Ctx<'_>, d: Option<Decimal>) -> String {
    Texts::new(ctx.input.analysis).amount(d)
}

fn pct(ctx: &Ctx<'_>, d: Option<Decimal>) -> String {
    Texts::new(ctx.input.analysis).percent(d)
}

pub(super) fn ratio(ctx: &Ctx<'_>, d: Option<Decimal>) -> String {
    Texts::new(ctx.input.analysis).ratio(d)
}

/// The fill of source `i`: national solid blue, local hatched orange (never colour alone),
/// others the next colours; records without a source in grey.
fn source_fill(ctx: &Ctx<'_>, i: usize) -> Fill {
    let sources = &ctx.input.data.sources;
    let t = &ctx.theme;
    match sources.get(i) {
        None => Fill::Solid(t.muted),
        Some(s) => match s.level {
            Some(Level::National) => Fill::Solid(t.series[0]),
            Some(Level::Local) => Fill::Hatched(t.series[1], t.hatch),
            _ => {
                let others = sources
                    .iter()
                    .take(i)
                    .filter(|s| !matches!(s.level, Some(Level::National | Level::Local)))
                    .count();
                let c = t.series.get(2 + others % 4).copied().unwrap_or(t.series[2]);
                Fill::Solid(c)
            }
        },
    }
}

/// Tooltip rows of a source: what it spent, its share, its plan and attainment.
fn source_rows(ctx: &Ctx<'_>, f: &Figure) -> Vec<(String, String)> {
    vec![
        (
            ctx.t("Thực hiện", "Actual").to_string(),
            amount(ctx, f.sums.actual),
        ),
        (ctx.t("Tỷ trọng", "Share").to_string(), pct(ctx, f.share)),
        (
            ctx.t("Kế hoạch", "Plan").to_string(),
            amount(ctx, f.sums.plan),
        ),
        (
            ctx.t("Đạt kế hoạch", "Of plan").to_string(),
            pct(ctx, f.attainment),
        ),
    ]
}

fn source_index(ctx: &Ctx<'_>, key: &str) -> Option<usize> {
    ctx.input.data.sources.iter().position(|s| s.key == key)
}

pub(super) fn groups<'a>(ctx: &'a Ctx<'_>, dim: Dim) -> &'a [Group] {
    let a = ctx.input.analysis;
    match dim {
        Dim::Source => &a.by_source,
        Dim::Region => &a.by_region,
        Dim::Year => &a.by_year,
        Dim::Category => &a.by_category,
    }
}

/// The chosen dimension, or the first of `order` that has groups.
pub(super) fn dim_or(ctx: &Ctx<'_>, order: &[Dim], usable: impl Fn(&Group) -> bool) -> Option<Dim> {
    if let Some(by) = ctx.input.options.by {
        return Some(by);
    }
    order
        .iter()
        .copied()
        .find(|d| groups(ctx, *d).iter().any(&usable))
}

pub(super) fn sorted<'a>(
    ctx: &Ctx<'_>,
    dim: Dim,
    mut gs: Vec<&'a Group>,
    key: impl Fn(&Figure) -> Option<Decimal>,
) -> Vec<&'a Group> {
    let default = if matches!(dim, Dim::Region | Dim::Category) {
        Sort::Value
    } else {
        Sort::Input
    };
    if dim != Dim::Year && ctx.input.options.sort.unwrap_or(default) == Sort::Value {
        // Stable: equal values keep their input order.
        gs.sort_by_key(|g| core::cmp::Reverse(key(&g.figure)));
    }
    gs
}

/// Bars for groups of `dim`: columns for years (time runs left to right), rows otherwise.
fn bars_along(ctx: &Ctx<'_>, dim: Dim, series: Vec<Series>, rows: Vec<Row>) -> Spec {
    let orient = if dim == Dim::Year {
        Orient::Vertical
    } else {
        Orient::Horizontal
    };
    bars::layout(
        ctx,
        &Bars {
            orient,
            series,
            rows,
        },
    )
}

fn empty(ctx: &Ctx<'_>) -> Spec {
    let header = frame::header(ctx, &[]);
    let (foot_lines, foot_h) = frame::footer(ctx);
    let w = ctx.input.width;
    let h = 120.0;
    let mut marks = header.marks;
    let msg = ctx.t(
        "Dữ liệu không có số liệu cho biểu đồ này.",
        "The data has no figures for this chart.",
    );
    let (lines, _) = wrap(ctx.m(), msg, 14.0, Weight::Normal, w - 32.0, 3);
    for (i, line) in lines.into_iter().enumerate() {
        marks.push(Mark::Text {
            x: w / 2.0,
            y: header.height + 40.0 + 20.0 * i as f64,
            text: line,
            size: 14.0,
            weight: Weight::Normal,
            color: ctx.theme.muted,
            align: Align::Middle,
            baseline: Baseline::Top,
        });
    }
    marks.extend(frame::footer_marks(ctx, &foot_lines, header.height + h));
    Spec {
        width: w,
        height: header.height + h + foot_h,
        background: ctx.theme.background,
        focus: ctx.theme.focus,
        marks,
        items: Vec::new(),
        legend: Vec::new(),
    }
}

fn summary(ctx: &Ctx<'_>) -> Option<Spec> {
    let a = ctx.input.analysis;
    let t = &a.total;
    let mut tiles = Vec::new();
    let plan_row = (
        ctx.t("Kế hoạch", "Plan").to_string(),
        amount(ctx, t.sums.plan),
    );
    let actual_row = (
        ctx.t("Thực hiện", "Actual").to_string(),
        amount(ctx, t.sums.actual),
    );
    let attain_row = (
        ctx.t("Đạt kế hoạch", "Of plan").to_string(),
        pct(ctx, t.attainment),
    );
    if t.sums.actual.is_some() {
        tiles.push(Tile {
            value: amount(ctx, t.sums.actual),
            label: ctx.t("Tổng kinh phí thực hiện", "Total spent").to_string(),
            said: None,
            rows: vec![actual_row.clone(), plan_row.clone(), attain_row.clone()],
            accent: Fill::Solid(ctx.theme.series[0]),
        });
    }
    if t.attainment.is_some() {
        tiles.push(Tile {
            value: pct(ctx, t.attainment),
            // The figure held together by no-break spaces: on one line where the tile has room.
            label: format!(
                "{} ({})",
                ctx.t("đạt kế hoạch", "of the plan"),
                summary::hold(&amount(ctx, t.sums.plan))
            ),
            said: Some(format!(
                "{} ({})",
                ctx.t("đạt kế hoạch", "of the plan"),
                ctx.speak(&amount(ctx, t.sums.plan))
            )),
            rows: vec![attain_row, plan_row, actual_row],
            accent: Fill::Solid(ctx.theme.plan),
        });
    }
    for g in &a.by_source {
        if g.figure.share.is_none() {
            continue;
        }
        let i = source_index(ctx, &g.key).unwrap_or(usize::MAX);
        tiles.push(Tile {
            value: pct(ctx, g.figure.share),
            label: format!("{} {}", ctx.t("tỷ trọng", "share of"), g.label),
            said: None,
            rows: source_rows(ctx, &g.figure),
            accent: source_fill(ctx, i),
        });
    }
    if t.leverage.is_some() {
        tiles.push(Tile {
            value: ratio(ctx, t.leverage),
            label: ctx
                .t(
                    "đồng vốn đối ứng thu hút được trên 1 đồng khuyến công",
                    "VND of counterpart capital attracted per VND of support",
                )
                .to_string(),
            said: None,
            rows: vec![
                (
                    ctx.t("Vốn đối ứng", "Counterpart capital").to_string(),
                    amount(ctx, t.sums.counterpart),
                ),
                (
                    ctx.t("Kinh phí khuyến công", "Promotion funds").to_string(),
                    amount(ctx, t.sums.actual),
                ),
            ],
            accent: Fill::Solid(ctx.theme.counterpart),
        });
    }
    if let Some(n) = t.sums.projects {
        tiles.push(Tile {
            value: ctx.nf.integer(n),
            label: ctx.t("đề án", "projects").to_string(),
            said: None,
            rows: vec![(
                ctx.t("Số đề án", "Projects").to_string(),
                ctx.nf.projects(n),
            )],
            accent: Fill::Solid(ctx.theme.series[2]),
        });
    }
    if tiles.is_empty() {
        return None;
    }
    Some(summary::layout(ctx, &tiles))
}

fn sources(ctx: &Ctx<'_>) -> Option<Spec> {
    let a = ctx.input.analysis;
    let slices: Vec<Slice> = a
        .by_source
        .iter()
        .filter_map(|g| {
            let value = g.figure.sums.actual?;
            let i = source_index(ctx, &g.key).unwrap_or(usize::MAX);
            Some(Slice {
                key: g.key.clone(),
                label: g.label.clone(),
                value,
                share: pct(ctx, g.figure.share),
                fill: source_fill(ctx, i),
                rows: source_rows(ctx, &g.figure),
            })
        })
        .collect();
    if slices.is_empty() {
        return None;
    }
    let center = (
        amount(ctx, a.total.sums.actual),
        ctx.t("Tổng thực hiện", "Total spent").to_string(),
    );
    Some(donut::layout(ctx, &slices, center))
}

fn plan_actual(ctx: &Ctx<'_>) -> Option<Spec> {
    let usable = |g: &Group| g.figure.sums.plan.is_some() || g.figure.sums.actual.is_some();
    let dim = dim_or(
        ctx,
        &[Dim::Source, Dim::Year, Dim::Region, Dim::Category],
        usable,
    )?;
    let gs: Vec<&Group> = groups(ctx, dim).iter().filter(|g| usable(g)).collect();
    if gs.is_empty() {
        return None;
    }
    let gs = sorted(ctx, dim, gs, |f| f.sums.actual);
    let series = vec![
        Series {
            key: "plan".into(),
            label: ctx.t("Kế hoạch", "Plan").into(),
            fill: Fill::Outline(ctx.theme.plan),
        },
        Series {
            key: "actual".into(),
            label: ctx.t("Thực hiện", "Actual").into(),
            fill: Fill::Solid(ctx.theme.series[0]),
        },
    ];
    let row = |label: String, f: &Figure| Row {
        label,
        bars: vec![Bar::one(0, f.sums.plan), Bar::one(1, f.sums.actual)],
        note: f.attainment.map(|_| pct(ctx, f.attainment)),
        extra: vec![(
            ctx.t("Đạt kế hoạch", "Of plan").to_string(),
            pct(ctx, f.attainment),
        )],
    };
    let mut rows: Vec<Row> = gs.iter().map(|g| row(g.label.clone(), &g.figure)).collect();
    if dim == Dim::Source && rows.len() > 1 {
        rows.push(row(
            ctx.t("Tổng cộng", "Total").to_string(),
            &ctx.input.analysis.total,
        ));
    }
    Some(bars_along(ctx, dim, series, rows))
}

/// Series for a stack by source: only the sources that have values, plus "no source".
fn source_series(ctx: &Ctx<'_>, used: &[bool]) -> Vec<(usize, Series)> {
    let data = ctx.input.data;
    used.iter()
        .enumerate()
        .filter(|(_, u)| **u)
        .map(|(i, _)| {
            let (key, label) = match data.sources.get(i) {
                Some(s) => {
                    let label = ctx
                        .input
                        .analysis
                        .by_source
                        .iter()
                        .find(|g| g.key == s.key)
                        .map_or_else(|| s.label.clone(), |g| g.label.clone());
                    (format!("source:{}", s.key), label)
                }
                None => (
                    "source:".to_string(),
                    ctx.t("Không rõ nguồn", "Source not given").to_string(),
                ),
            };
            (
                i,
                Series {
                    key,
                    label,
                    fill: source_fill(ctx, i),
                },
            )
        })
        .collect()
}

fn regions(ctx: &Ctx<'_>) -> Option<Spec> {
    let dim = ctx.input.options.by.unwrap_or(Dim::Region);
    let cross = ctx.cross(dim).ok()?;
    let width = ctx.input.data.sources.len() + 1;
    let mut used = vec![false; width];
    for r in &cross {
        for (u, m) in used.iter_mut().zip(&r.by_source) {
            *u |= m.actual.is_some();
        }
    }
    let series_map = source_series(ctx, &used);
    if series_map.is_empty() {
        return None;
    }
    let gs = groups(ctx, dim);
    let mut rows: Vec<(Option<Decimal>, Row)> = cross
        .iter()
        .filter_map(|r| {
            let g = gs.iter().find(|g| g.key == r.key)?;
            g.figure.sums.actual?;
            let segs = series_map
                .iter()
                .enumerate()
                .filter_map(|(si, (col, _))| {
                    let v = r.by_source.get(*col)?.actual?;
                    Some(Seg {
                        series: si,
                        value: v,
                    })
                })
                .collect();
            let total = g.figure.sums.actual;
            Some((
                total,
                Row {
                    label: g.label.clone(),
                    bars: vec![Bar { segs }],
                    note: total
                        .map(|t| ctx.nf.decimal(t, ctx.input.options.analysis.amount_digits)),
                    extra: vec![(
                        ctx.t("Tỷ trọng", "Share").to_string(),
                        pct(ctx, g.figure.share),
                    )],
                },
            ))
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    if dim != Dim::Year && ctx.input.options.sort.unwrap_or(Sort::Value) == Sort::Value {
        rows.sort_by_key(|r| core::cmp::Reverse(r.0));
    }
    let series = series_map.into_iter().map(|(_, s)| s).collect();
    let rows = rows.into_iter().map(|(_, r)| r).collect();
    Some(bars_along(ctx, dim, series, rows))
}

fn trend(ctx: &Ctx<'_>) -> Option<Spec> {
    let cross = ctx.cross(Dim::Year).ok()?;
    if cross.is_empty() {
        return None;
    }
    let width = ctx.input.data.sources.len() + 1;
    let mut used = vec![false; width];
    for r in &cross {
        for (u, m) in used.iter_mut().zip(&r.by_source) {
            *u |= m.actual.is_some();
        }
    }
    let stack = source_series(ctx, &used);
    let mut series = vec![Series {
        key: "plan".into(),
        label: ctx.t("Kế hoạch", "Plan").into(),
        fill: Fill::Outline(ctx.theme.plan),
    }];
    let offset = series.len();
    let cols: Vec<usize> = stack.iter().map(|(c, _)| *c).collect();
    series.extend(stack.into_iter().map(|(_, s)| s));
    let years = &ctx.input.analysis.by_year;
    let rows = cross
        .iter()
        .filter_map(|r| {
            let g = years.iter().find(|g| g.key == r.key)?;
            let plan = g.figure.sums.plan.map(|v| Seg {
                series: 0,
                value: v,
            });
            let segs = cols
                .iter()
                .enumerate()
                .filter_map(|(k, col)| {
                    let v = r.by_source.get(*col)?.actual?;
                    Some(Seg {
                        series: offset + k,
                        value: v,
                    })
                })
                .collect();
            Some(Row {
                label: g.label.clone(),
                bars: vec![
                    Bar {
                        segs: plan.into_iter().collect(),
                    },
                    Bar { segs },
                ],
                note: g.figure.attainment.map(|_| pct(ctx, g.figure.attainment)),
                extra: vec![(
                    ctx.t("Đạt kế hoạch", "Of plan").to_string(),
                    pct(ctx, g.figure.attainment),
                )],
            })
        })
        .collect();
    Some(bars::layout(
        ctx,
        &Bars {
            orient: Orient::Vertical,
            series,
            rows,
        },
    ))
}

fn categories(ctx: &Ctx<'_>) -> Option<Spec> {
    let dim = ctx.input.options.by.unwrap_or(Dim::Category);
    let gs: Vec<&Group> = groups(ctx, dim)
        .iter()
        .filter(|g| g.figure.sums.actual.is_some())
        .collect();
    if gs.is_empty() {
        return None;
    }
    let gs = sorted(ctx, dim, gs, |f| f.sums.actual);
    let series = vec![Series {
        key: "actual".into(),
        label: ctx.t("Thực hiện", "Actual").into(),
        fill: Fill::Solid(ctx.theme.series[0]),
    }];
    let rows = gs
        .iter()
        .map(|g| {
            let mut extra = vec![(
                ctx.t("Tỷ trọng", "Share").to_string(),
                pct(ctx, g.figure.share),
            )];
            if let Some(n) = g.figure.sums.projects {
                extra.push((
                    ctx.t("Số đề án", "Projects").to_string(),
                    ctx.nf.projects(n),
                ));
            }
            Row {
                label: g.label.clone(),
                bars: vec![Bar::one(0, g.figure.sums.actual)],
                note: g.figure.share.map(|_| pct(ctx, g.figure.share)),
                extra,
            }
        })
        .collect();
    Some(bars_along(ctx, dim, series, rows))
}
