//! The chart description: what to draw and what can be pointed at, in CSS pixels. Layout makes
//! it once; the painter and hit-testing only read it.

use super::text::Weight;
use super::theme::Rgba;

/// Horizontal text anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text starts at x.
    Start,
    /// Text is centred on x.
    Middle,
    /// Text ends at x.
    End,
}

impl Align {
    /// The left edge of a text `width` wide placed at `x` with this alignment.
    pub fn left(self, x: f64, width: f64) -> f64 {
        match self {
            Align::Start => x,
            Align::Middle => x - width / 2.0,
            Align::End => x - width,
        }
    }
}

/// Vertical text anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    /// y is the top of the text.
    Top,
    /// y is the middle of the text.
    Middle,
    /// y is the bottom of the text.
    Bottom,
}

/// How a shape is filled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fill {
    /// One colour.
    Solid(Rgba),
    /// A colour with diagonal hatch lines (local funds).
    Hatched(Rgba, Rgba),
    /// A light tint with an outline (planned amounts).
    Outline(Rgba),
}

/// One thing to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// An axis-aligned rectangle.
    Rect {
        /// Left.
        x: f64,
        /// Top.
        y: f64,
        /// Width.
        w: f64,
        /// Height.
        h: f64,
        /// Fill.
        fill: Fill,
    },
    /// A filled polygon (donut sectors).
    Polygon {
        /// Corners.
        points: Vec<(f64, f64)>,
        /// Fill colour.
        fill: Rgba,
    },
    /// A polyline.
    Line {
        /// Points.
        points: Vec<(f64, f64)>,
        /// Colour.
        color: Rgba,
        /// Width in CSS px.
        width: f64,
    },
    /// A single line of text.
    Text {
        /// Anchor x.
        x: f64,
        /// Anchor y.
        y: f64,
        /// The text (never markup).
        text: String,
        /// Font size in CSS px.
        size: f64,
        /// Weight.
        weight: Weight,
        /// Colour.
        color: Rgba,
        /// Horizontal anchor.
        align: Align,
        /// Vertical anchor.
        baseline: Baseline,
    },
}

/// The region an item occupies, for hit-testing and the focus outline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// A rectangle.
    Rect {
        /// Left.
        x: f64,
        /// Top.
        y: f64,
        /// Width.
        w: f64,
        /// Height.
        h: f64,
    },
    /// An annular sector (angles in radians, clockwise from 12 o'clock).
    Sector {
        /// Centre x.
        cx: f64,
        /// Centre y.
        cy: f64,
        /// Inner radius.
        r0: f64,
        /// Outer radius.
        r1: f64,
        /// Start angle.
        a0: f64,
        /// End angle.
        a1: f64,
    },
}

/// A data point a reader can hover, tap or reach with the arrow keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Where it is.
    pub shape: Shape,
    /// Tooltip heading (the group's full label, never shortened).
    pub title: String,
    /// Tooltip rows: label and exact figure text.
    pub rows: Vec<(String, String)>,
    /// The sentence a screen reader announces.
    pub speech: String,
    /// Where the tooltip points (top centre of a bar, outer middle of a sector).
    pub anchor: (f64, f64),
}

/// A legend entry; clicking it toggles its series.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// Series key (stable across updates).
    pub key: String,
    /// Label.
    pub label: String,
    /// Swatch fill.
    pub fill: Fill,
    /// Whether the series is hidden.
    pub hidden: bool,
    /// Clickable region.
    pub rect: (f64, f64, f64, f64),
}

/// A laid-out chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// Width in CSS px.
    pub width: f64,
    /// Height in CSS px.
    pub height: f64,
    /// Background colour.
    pub background: Rgba,
    /// Focus outline colour.
    pub focus: Rgba,
    /// Marks in paint order.
    pub marks: Vec<Mark>,
    /// Interactive data points, in reading order (the arrow keys follow it).
    pub items: Vec<Item>,
    /// Legend entries.
    pub legend: Vec<LegendEntry>,
}

impl Shape {
    /// Whether (x, y) is inside.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        match *self {
            Shape::Rect { x: rx, y: ry, w, h } => x >= rx && x <= rx + w && y >= ry && y <= ry + h,
            Shape::Sector {
                cx,
                cy,
                r0,
                r1,
                a0,
                a1,
            } => {
                let (dx, dy) = (x - cx, y - cy);
                let r = (dx * dx + dy * dy).sqrt();
                if r < r0 || r > r1 {
                    return false;
                }
                // Angle clockwise from 12 o'clock, in [0, 2π).
                let mut a = crate::host::atan2(dx, -dy);
                if a < 0.0 {
                    a += core::f64::consts::TAU;
                }
                a >= a0 && a <= a1
            }
        }
    }
}

impl Spec {
    /// The item under (x, y) in CSS px, if any. When several overlap, the last drawn wins.
    ///
    /// Small bars are hard to hit with a finger, so a point within `slop` px of a rectangle
    /// item counts too (the nearest one).
    pub fn hit(&self, x: f64, y: f64, slop: f64) -> Option<usize> {
        if let Some(i) = self.items.iter().rposition(|it| it.shape.contains(x, y)) {
            return Some(i);
        }
        let mut best: Option<(usize, f64)> = None;
        for (i, it) in self.items.iter().enumerate() {
            if let Shape::Rect { x: rx, y: ry, w, h } = it.shape {
                let dx = (rx - x).max(0.0).max(x - (rx + w));
                let dy = (ry - y).max(0.0).max(y - (ry + h));
                let d = (dx * dx + dy * dy).sqrt();
                if d <= slop && best.is_none_or(|(_, bd)| d < bd) {
                    best = Some((i, d));
                }
            }
        }
        best.map(|(i, _)| i)
    }
}
