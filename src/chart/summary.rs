//! Headline figures as large text, the way an article's lead states them.

use super::frame;
use super::spec::{Align, Baseline, Fill, Item, Mark, Shape, Spec};
use super::text::{figure_in, wrap_whole, Weight};
use super::Ctx;

/// One headline figure.
pub struct Tile {
    /// The figure, large ("170,4 tỷ đồng").
    pub value: String,
    /// What it is ("Tổng kinh phí thực hiện"); a figure of ours in it may be held together
    /// ([`hold`]), and then `said` is given.
    pub label: String,
    /// The label for the ear, when it holds a figure of ours ("đạt kế hoạch (179000 triệu
    /// đồng)"); `None`: the label as it is (it may hold an author's text, never rewritten).
    pub said: Option<String>,
    /// Tooltip rows.
    pub rows: Vec<(String, String)>,
    /// Accent colour of the tile's top edge.
    pub accent: Fill,
}

/// Figure sizes, largest first; the last is the floor (never smaller, never shortened).
const SIZES: [f64; 7] = [LARGEST, 26.0, 22.0, 18.0, 16.0, 14.0, 12.0];
const LARGEST: f64 = 30.0;
/// Caption size and line pitch.
const CAPTION: f64 = 13.0;
const CAPTION_PITCH: f64 = 18.0;
/// A figure line's pitch, per px of font size.
const PITCH: f64 = 1.2;

/// A tile's figure and caption, broken to fit its width.
struct Laid {
    value: Vec<String>,
    size: f64,
    caption: Vec<String>,
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
    let room = tile_w - 20.0;
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
    // Each figure at the largest size at which it fits whole, or its number over its unit;
    // captions wrapped on as many lines as they take. The tiles grow taller, never cut a word.
    let mut y = top;
    for row in tiles.chunks(cols) {
        // The captions of a row start at one height, under its tallest figure (at least one
        // line at the largest size), and its tiles are as tall as its longest caption needs.
        let mut laid = Vec::new();
        let mut figure_h = LARGEST * PITCH;
        let mut captions = 2;
        for t in row {
            let (value, size) = figure_in(ctx.m(), &t.value, &SIZES, Weight::Bold, room);
            let caption = caption(ctx, &t.label, room);
            figure_h = figure_h.max(value.len() as f64 * size * PITCH);
            captions = captions.max(caption.len());
            laid.push(Laid {
                value,
                size,
                caption,
            });
        }
        let tile_h = 18.0 + figure_h + 6.0 + CAPTION_PITCH * captions as f64 + 16.0;
        for (col, (tile, l)) in row.iter().zip(&laid).enumerate() {
            let x = p + col as f64 * (tile_w + gap);
            tile_marks(ctx, &mut spec, tile, l, (x, y, tile_w, tile_h), figure_h);
        }
        y += tile_h + gap;
    }
    let natural = (y - gap - top).max(0.0) + 4.0;
    // A fixed height taller than the tiles need is kept (the room left below them); a shorter
    // one cannot be: the figures are never cut.
    let plot_h = ctx
        .input
        .height
        .map_or(natural, |h| natural.max(h - top - foot_h));
    spec.marks
        .extend(frame::footer_marks(ctx, &foot_lines, top + plot_h));
    spec.height = top + plot_h + foot_h;
    spec
}

/// One tile in `rect`: its background, accent, figure lines, caption lines (from
/// `figure_h` under the figure's top) and its item.
fn tile_marks(
    ctx: &Ctx<'_>,
    spec: &mut Spec,
    tile: &Tile,
    laid: &Laid,
    (x, y, w, h): (f64, f64, f64, f64),
    figure_h: f64,
) {
    spec.marks.push(Mark::Rect {
        x,
        y,
        w,
        h,
        fill: Fill::Solid(ctx.theme.grid.alpha(0.45)),
    });
    spec.marks.push(Mark::Rect {
        x,
        y,
        w,
        h: 4.0,
        fill: tile.accent,
    });
    for (k, line) in laid.value.iter().enumerate() {
        spec.marks.push(Mark::Text {
            x: x + 10.0,
            y: y + 18.0 + laid.size * PITCH * k as f64,
            text: line.clone(),
            size: laid.size,
            weight: Weight::Bold,
            color: ctx.theme.text,
            align: Align::Start,
            baseline: Baseline::Top,
        });
    }
    for (k, line) in laid.caption.iter().enumerate() {
        spec.marks.push(Mark::Text {
            x: x + 10.0,
            y: y + 18.0 + figure_h + 6.0 + CAPTION_PITCH * k as f64,
            text: line.clone(),
            size: CAPTION,
            weight: Weight::Normal,
            color: ctx.theme.muted,
            align: Align::Start,
            baseline: Baseline::Top,
        });
    }
    spec.items.push(Item {
        shape: Shape::Rect { x, y, w, h },
        // A label of ours that holds a figure is said apart (`said`); an author's is left as
        // it is.
        title: match tile.said {
            Some(_) => unheld(&tile.label),
            None => tile.label.clone(),
        },
        rows: tile.rows.clone(),
        speech: format!(
            "{}: {}",
            tile.said.as_ref().unwrap_or(&tile.label),
            ctx.speak(&tile.value)
        ),
        anchor: (x + w / 2.0, y),
    });
}

/// A caption on as many lines as it takes: a figure held together ([`hold`]) stays on one
/// line where a line has room ("(179 tỷ đồng)", not "(179 tỷ" over "đồng)"), else its unit
/// stays whole on the next, else it breaks at any space.
fn caption(ctx: &Ctx<'_>, label: &str, room: f64) -> Vec<String> {
    let m = ctx.m();
    // Released after its number: the unit may go to the next line, whole.
    let loose = swap(label, NBSP, ' ', |c| c.is_ascii_digit());
    for text in [label, loose.as_str()] {
        let lines = wrap_whole(m, text, CAPTION, Weight::Normal, room);
        let mut fits = true;
        let mut plain = Vec::new();
        for l in &lines {
            let l = unheld(l);
            fits &= m.width(&l, CAPTION, Weight::Normal) <= room;
            plain.push(l);
        }
        if fits {
            return plain;
        }
    }
    wrap_whole(m, &unheld(label), CAPTION, Weight::Normal, room)
}

/// The no-break space that holds a figure in a caption together.
const NBSP: char = '\u{a0}';

/// `figure` held together on one line in a caption: "179 tỷ đồng" with no-break spaces.
pub fn hold(figure: &str) -> String {
    swap(figure, ' ', NBSP, |_| true)
}

/// `text` with its held spaces plain again.
fn unheld(text: &str) -> String {
    swap(text, NBSP, ' ', |_| true)
}

/// `text` with each `from` after a character `after` accepts turned into `to`. (A loop, not
/// `str::replace`: one small function instead of the pattern machinery.)
fn swap(text: &str, from: char, to: char, after: fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut prev = ' ';
    for c in text.chars() {
        out.push(if c == from && after(prev) { to } else { c });
        prev = c;
    }
    out
}
