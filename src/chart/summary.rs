//! Headline figures as large text, the way an article's lead states them.

use super::frame;
use super::spec::{Align, Baseline, Fill, Item, Mark, Shape, Spec};
use super::text::{fit, wrap, Weight};
use super::Ctx;

/// One headline figure.
pub struct Tile {
    /// The figure, large ("170,4 tỷ đồng").
    pub value: String,
    /// What it is ("Tổng kinh phí thực hiện").
    pub label: String,
    /// The label for the ear, when it holds a figure of ours ("đạt kế hoạch (179000 triệu
    /// đồng)"); `None`: the label as it is (it may hold an author's text, never rewritten).
    pub said: Option<String>,
    /// Tooltip rows.
    pub rows: Vec<(String, String)>,
    /// Accent colour of the tile's top edge.
    pub accent: Fill,
}

pub fn layout(ctx: &Ctx<'_>, tiles: &[Tile]) -> Spec {
    let header = frame::header(ctx, &[]);
    let (foot_lines, foot_h) = frame::footer(ctx);
    let w = ctx.input.width;
    let p = frame::pad(w);
    let inner = w - 2.0 * p;
    let cols = if w >= 720.0 {
        4
    } else if w >= 300.0 {
        2
    } else {
        1
    }
    .min(tiles.len().max(1));
    let gap = 12.0;
    let tile_w = (inner - gap * (cols as f64 - 1.0)) / cols as f64;
    let tile_h = 112.0;
    let top = header.height;
    let mut spec = Spec {
        width: w,
        height: 0.0,
        background: ctx.theme.background,
        focus: ctx.theme.focus,
        marks: header.marks,
        items: Vec::new(),
        legend: Vec::new(),
    };
    for (i, tile) in tiles.iter().enumerate() {
        let (col, row) = (i % cols, i / cols);
        let x = p + col as f64 * (tile_w + gap);
        let y = top + row as f64 * (tile_h + gap);
        spec.marks.push(Mark::Rect {
            x,
            y,
            w: tile_w,
            h: tile_h,
            fill: Fill::Solid(ctx.theme.grid.alpha(0.45)),
        });
        spec.marks.push(Mark::Rect {
            x,
            y,
            w: tile_w,
            h: 4.0,
            fill: tile.accent,
        });
        // The largest size at which the figure fits the tile.
        let size = [30.0, 26.0, 22.0, 18.0]
            .into_iter()
            .find(|s| ctx.m().width(&tile.value, *s, Weight::Bold) <= tile_w - 20.0)
            .unwrap_or(16.0);
        let (value, _) = fit(ctx.m(), &tile.value, size, Weight::Bold, tile_w - 20.0);
        spec.marks.push(Mark::Text {
            x: x + 10.0,
            y: y + 18.0,
            text: value,
            size,
            weight: Weight::Bold,
            color: ctx.theme.text,
            align: Align::Start,
            baseline: Baseline::Top,
        });
        let (lines, _) = wrap(ctx.m(), &tile.label, 13.0, Weight::Normal, tile_w - 20.0, 2);
        for (k, line) in lines.into_iter().enumerate() {
            spec.marks.push(Mark::Text {
                x: x + 10.0,
                y: y + 60.0 + 18.0 * k as f64,
                text: line,
                size: 13.0,
                weight: Weight::Normal,
                color: ctx.theme.muted,
                align: Align::Start,
                baseline: Baseline::Top,
            });
        }
        spec.items.push(Item {
            shape: Shape::Rect {
                x,
                y,
                w: tile_w,
                h: tile_h,
            },
            title: tile.label.clone(),
            rows: tile.rows.clone(),
            speech: format!(
                "{}: {}",
                tile.said.as_ref().unwrap_or(&tile.label),
                ctx.speak(&tile.value)
            ),
            anchor: (x + tile_w / 2.0, y),
        });
    }
    let rows = tiles.len().div_ceil(cols).max(1) as f64;
    let plot_h = rows * tile_h + (rows - 1.0) * gap + 4.0;
    spec.marks
        .extend(frame::footer_marks(ctx, &foot_lines, top + plot_h));
    spec.height = top + plot_h + foot_h;
    spec
}
