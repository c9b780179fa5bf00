//! Colours. Series colours are from a colour-blind-safe set (Okabe–Ito hues, darkened or
//! lightened until each has at least 3:1 contrast against the background, WCAG 2.1 1.4.11);
//! text has at least 4.5:1. National and local money also differ by pattern (local is
//! hatched), never by colour alone.

/// An sRGB colour with alpha (0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgba(pub u8, pub u8, pub u8, pub f64);

impl Rgba {
    /// An opaque colour from `0xRRGGBB`.
    pub const fn hex(v: u32) -> Rgba {
        Rgba((v >> 16) as u8, (v >> 8) as u8, v as u8, 1.0)
    }

    /// The same colour with another alpha.
    pub fn alpha(self, a: f64) -> Rgba {
        Rgba(self.0, self.1, self.2, a)
    }

    /// CSS text, e.g. `rgb(11 92 173 / 1)`.
    pub fn css(self) -> String {
        format!("rgb({} {} {} / {})", self.0, self.1, self.2, self.3)
    }

    fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG contrast ratio between two opaque colours.
    pub fn contrast(self, other: Rgba) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }
}

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Dark text on white.
    #[default]
    Light,
    /// Light text on near-black.
    Dark,
}

/// The colours of one mode.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Light or dark.
    pub mode: Mode,
    /// Background.
    pub background: Rgba,
    /// Main text.
    pub text: Rgba,
    /// Secondary text (subtitle, source line, axis labels).
    pub muted: Rgba,
    /// Grid lines.
    pub grid: Rgba,
    /// Axis line.
    pub axis: Rgba,
    /// Series colours, in order: national, local, then others.
    pub series: [Rgba; 6],
    /// Plan bars (drawn as an outline over a light fill).
    pub plan: Rgba,
    /// Counterpart capital.
    pub counterpart: Rgba,
    /// Focus and hover outline.
    pub focus: Rgba,
    /// Hatch lines over a series colour.
    pub hatch: Rgba,
}

impl Theme {
    /// The theme of `mode`.
    pub fn new(mode: Mode) -> Theme {
        match mode {
            Mode::Light => Theme {
                mode,
                background: Rgba::hex(0xFFFFFF),
                text: Rgba::hex(0x1F2328),
                muted: Rgba::hex(0x57606A),
                grid: Rgba::hex(0xE4E7EB),
                axis: Rgba::hex(0x8C959F),
                series: [
                    Rgba::hex(0x0A5CAD), // blue (national)
                    Rgba::hex(0xB35A00), // orange (local)
                    Rgba::hex(0x007A5A), // bluish green
                    Rgba::hex(0xA8467A), // reddish purple
                    Rgba::hex(0x6B5A00), // dark yellow
                    Rgba::hex(0x3B6E8F), // sky, darkened
                ],
                plan: Rgba::hex(0x6E7781),
                counterpart: Rgba::hex(0x007A5A),
                focus: Rgba::hex(0x1F2328),
                hatch: Rgba(255, 255, 255, 0.75),
            },
            Mode::Dark => Theme {
                mode,
                background: Rgba::hex(0x15191E),
                text: Rgba::hex(0xF0F3F6),
                muted: Rgba::hex(0xA9B1BA),
                grid: Rgba::hex(0x2E353D),
                axis: Rgba::hex(0x6E7781),
                series: [
                    Rgba::hex(0x6CB6FF),
                    Rgba::hex(0xF0A35E),
                    Rgba::hex(0x3DD6A3),
                    Rgba::hex(0xE48FC0),
                    Rgba::hex(0xE3CF5A),
                    Rgba::hex(0x9CC8E8),
                ],
                plan: Rgba::hex(0x9AA4AE),
                counterpart: Rgba::hex(0x3DD6A3),
                focus: Rgba::hex(0xF0F3F6),
                hatch: Rgba(0, 0, 0, 0.55),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_meets_wcag_aa_in_both_modes() {
        for mode in [Mode::Light, Mode::Dark] {
            let t = Theme::new(mode);
            assert!(t.text.contrast(t.background) >= 4.5, "{mode:?} text");
            assert!(t.muted.contrast(t.background) >= 4.5, "{mode:?} muted text");
            for (i, c) in t.series.iter().chain([&t.plan, &t.counterpart]).enumerate() {
                let ratio = c.contrast(t.background);
                assert!(ratio >= 3.0, "{mode:?} series {i} {c:?}: {ratio:.2}");
            }
        }
    }
}
