//! Measuring, shortening and wrapping text for layout.
//!
//! Layout needs text widths. In the browser they come from the canvas (`measureText`); natively
//! (tests, SVG snapshots) from [`ApproxMeasure`], a table of average advance widths of common
//! sans-serif fonts, so layout is deterministic and testable. Text is never cut inside a
//! grapheme: a base letter keeps its combining marks (Vietnamese written in NFD).

/// Font weight of a text run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Regular.
    Normal,
    /// Bold.
    Bold,
}

/// Something that knows how wide text is, in CSS pixels.
pub trait Measure {
    /// Width of `text` at `size` px in `weight`.
    fn width(&self, text: &str, size: f64, weight: Weight) -> f64;
}

/// Approximate widths of a humanist sans-serif (Noto Sans, Segoe UI, Roboto are all close).
#[derive(Debug, Clone, Copy, Default)]
pub struct ApproxMeasure;

fn advance(c: char) -> f64 {
    // In ems, rounded averages over Noto Sans / Arial.
    match c {
        'i' | 'l' | 'j' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' => 0.27,
        'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '-' | ' ' => 0.34,
        'm' | 'w' | 'M' | 'W' => 0.86,
        '0'..='9' => 0.57,
        '%' => 0.82,
        '…' => 0.9,
        c if c.is_uppercase() => 0.66,
        c if is_mark(c) => 0.0,
        _ => 0.55,
    }
}

impl Measure for ApproxMeasure {
    fn width(&self, text: &str, size: f64, weight: Weight) -> f64 {
        let em: f64 = text.chars().map(advance).sum();
        let bold = if weight == Weight::Bold { 1.06 } else { 1.0 };
        em * size * bold
    }
}

/// Whether `c` is a combining mark that belongs to the character before it.
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Byte offsets where text may be cut: after each grapheme (a base and its marks), never
/// inside a number.
fn cut_points(text: &str) -> Vec<usize> {
    let mut points = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((_, _)) = chars.next() {
        while let Some((_, c)) = chars.peek() {
            if is_mark(*c) {
                chars.next();
            } else {
                break;
            }
        }
        let at = chars.peek().map_or(text.len(), |(i, _)| *i);
        if !splits_number(text.as_bytes(), at) {
            points.push(at);
        }
    }
    points
}

/// Whether cutting `text` at byte `at` would cut a number ("2.400,5", "95,2%"): a reader must
/// never take "2.4…" for a figure, so a label is shortened before a number or after it. (Bytes:
/// a number's characters are ASCII, and no byte of another character is.)
fn splits_number(text: &[u8], at: usize) -> bool {
    let byte = |i: usize| text.get(i).copied().unwrap_or(b' ');
    let (p2, p) = (byte(at.wrapping_sub(2)), byte(at.wrapping_sub(1)));
    let (n, n2) = (byte(at), byte(at + 1));
    if p.is_ascii_digit() {
        n.is_ascii_digit() || n == b'%' || (matches!(n, b'.' | b',') && n2.is_ascii_digit())
    } else {
        matches!(p, b'.' | b',') && n.is_ascii_digit() && p2.is_ascii_digit()
    }
}

/// `text` if it fits in `max` px, else its longest grapheme-safe prefix that fits with "…",
/// never cut inside a number. Returns the text and whether it was shortened.
pub fn fit(m: &dyn Measure, text: &str, size: f64, weight: Weight, max: f64) -> (String, bool) {
    if m.width(text, size, weight) <= max {
        return (text.to_string(), false);
    }
    let points = cut_points(text);
    // Binary search over the cut points for the longest prefix that fits.
    let (mut lo, mut hi) = (0usize, points.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let end = points.get(mid.saturating_sub(1)).copied().unwrap_or(0);
        let candidate = format!("{}…", text.get(..end).unwrap_or("").trim_end());
        if m.width(&candidate, size, weight) <= max {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let end = if lo == 0 {
        0
    } else {
        points.get(lo - 1).copied().unwrap_or(0)
    };
    (
        format!("{}…", text.get(..end).unwrap_or("").trim_end()),
        true,
    )
}

/// `words` joined by single spaces. By hand: `[&str]::join` is a second copy of the join code
/// (~0.9 KB of wasm) next to `[String]::join`, which the descriptions need.
fn spaced(words: &[&str]) -> String {
    let mut text = String::new();
    for w in words {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(w);
    }
    text
}

/// Wraps `text` into at most `max_lines` lines of at most `max` px, breaking at spaces; the
/// last line ends in "…" if text remains. Returns the lines and whether anything was cut.
pub fn wrap(
    m: &dyn Measure,
    text: &str,
    size: f64,
    weight: Weight,
    max: f64,
    max_lines: usize,
) -> (Vec<String>, bool) {
    wrap_in(m, text, (size, weight, max), max_lines, false)
}

/// `text` broken at spaces into lines of at most `max` px, never shortened: a word wider than
/// `max` is a line of its own, as wide as it is. Only U+0020 breaks: a no-break space holds
/// its words together.
pub fn wrap_whole(m: &dyn Measure, text: &str, size: f64, weight: Weight, max: f64) -> Vec<String> {
    wrap_in(m, text, (size, weight, max), usize::MAX, true).0
}

/// [`wrap`], or with `whole` [`wrap_whole`]: one greedy loop for both.
fn wrap_in(
    m: &dyn Measure,
    text: &str,
    (size, weight, max): (f64, Weight, f64),
    max_lines: usize,
    whole: bool,
) -> (Vec<String>, bool) {
    let mut lines: Vec<String> = Vec::new();
    let words: Vec<&str> = text
        .split(|c: char| if whole { c == ' ' } else { c.is_whitespace() })
        .filter(|w| !w.is_empty())
        .collect();
    let mut current = spaced(&words);
    // Most texts (labels, short titles) fit on one line: one measurement instead of one per
    // word. Each `measureText` crosses into the browser, and the greedy loop below would put
    // every word on this one line anyway (a prefix is never wider than the whole).
    if max_lines > 0 && !current.is_empty() && m.width(&current, size, weight) <= max {
        return (vec![current], false);
    }
    current.clear();
    // Whether `current` is known to fit (it was measured as a candidate).
    let mut fits = false;
    let mut cut = false;
    for (i, word) in words.iter().enumerate() {
        let candidate = if current.is_empty() {
            (*word).to_string()
        } else {
            format!("{current} {word}")
        };
        if current.is_empty() {
            current = candidate;
            fits = false;
            continue;
        }
        if m.width(&candidate, size, weight) <= max {
            current = candidate;
            fits = true;
            continue;
        }
        lines.push(core::mem::take(&mut current));
        current = (*word).to_string();
        fits = false;
        if lines.len() == max_lines {
            // No room for the rest: shorten the last full line.
            let rest = spaced(words.get(i..).unwrap_or_default());
            let last = lines.pop().unwrap_or_default();
            let (shortened, _) = fit(m, &format!("{last} {rest}"), size, weight, max);
            lines.push(shortened);
            return (lines, true);
        }
    }
    if !current.is_empty() {
        if lines.len() == max_lines {
            cut = true;
        } else if fits || whole {
            lines.push(current);
        } else {
            let (line, was_cut) = fit(m, &current, size, weight, max);
            cut |= was_cut;
            lines.push(line);
        }
    }
    (lines, cut)
}

/// A figure with its unit ("5.820 triệu đồng", "95,2%") at the largest of `sizes` (largest
/// first) at which `fits` accepts it: whole on one line, else the number on one line and the
/// unit under it. Never shortened, never broken inside the number: `None` when no size fits,
/// for the caller to find more room.
pub fn fit_figure(
    text: &str,
    sizes: &[f64],
    fits: &dyn Fn(&[String], f64) -> bool,
) -> Option<(Vec<String>, f64)> {
    let split = text.split_once(' ');
    for size in sizes.iter().copied() {
        let whole = vec![text.to_string()];
        if fits(&whole, size) {
            return Some((whole, size));
        }
        if let Some((number, unit)) = split {
            let two = vec![number.to_string(), unit.to_string()];
            if fits(&two, size) {
                return Some((two, size));
            }
        }
    }
    None
}

/// [`fit_figure`] in a box `max` px wide; when no size fits, the number on a line of its own
/// at the smallest size (wider than `max` only if the number alone is) and the unit wrapped
/// under it. Returns the lines and the size.
pub fn figure_in(
    m: &dyn Measure,
    text: &str,
    sizes: &[f64],
    weight: Weight,
    max: f64,
) -> (Vec<String>, f64) {
    let fits = |lines: &[String], size: f64| lines.iter().all(|l| m.width(l, size, weight) <= max);
    fit_figure(text, sizes, &fits).unwrap_or_else(|| {
        let size = sizes.last().copied().unwrap_or(12.0);
        let (number, unit) = text.split_once(' ').unwrap_or((text, ""));
        let mut lines = vec![number.to_string()];
        lines.extend(wrap_whole(m, unit, size, weight, max));
        (lines, size)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_never_splits_a_letter_from_its_marks() {
        // "Hà Giang" with the grave accent as a separate combining mark (NFD).
        let nfd = "Ha\u{300} Giang Tuye\u{302}n Quang";
        for max in (5..120).step_by(3) {
            let (s, _) = fit(&ApproxMeasure, nfd, 12.0, Weight::Normal, max as f64);
            let before_ellipsis = s.trim_end_matches('…');
            assert!(!s.starts_with('\u{300}'));
            assert!(nfd.starts_with(before_ellipsis), "{s:?} is a prefix");
            let next = nfd
                .get(before_ellipsis.len()..)
                .and_then(|r| r.chars().next());
            assert!(
                !next.is_some_and(is_mark),
                "cut before a combining mark: {s:?}"
            );
        }
    }

    #[test]
    fn fit_keeps_short_text_and_shortens_long_text() {
        let m = ApproxMeasure;
        assert_eq!(
            fit(&m, "Hà Giang", 12.0, Weight::Normal, 500.0),
            ("Hà Giang".into(), false)
        );
        let (s, cut) = fit(&m, "Thành phố Hồ Chí Minh", 12.0, Weight::Normal, 60.0);
        assert!(
            cut && s.ends_with('…') && m.width(&s, 12.0, Weight::Normal) <= 60.0,
            "{s}"
        );
    }

    #[test]
    fn wrap_breaks_at_spaces_and_marks_the_cut() {
        let m = ApproxMeasure;
        let text = "Kinh phí khuyến công 28 tỉnh, thành phố phía Bắc năm 2022";
        let (lines, cut) = wrap(&m, text, 16.0, Weight::Bold, 200.0, 5);
        assert!(!cut);
        assert_eq!(lines.join(" "), text);
        assert!(
            lines
                .iter()
                .all(|l| m.width(l, 16.0, Weight::Bold) <= 200.0),
            "{lines:?}"
        );
        let (lines, cut) = wrap(&m, text, 16.0, Weight::Bold, 200.0, 2);
        assert!(
            cut && lines.len() == 2 && lines[1].ends_with('…'),
            "{lines:?}"
        );
    }

    #[test]
    fn fit_shortens_before_or_after_a_number_never_inside_it() {
        let m = ApproxMeasure;
        let text = "Kinh phí 2.400,5 triệu đồng năm 2022 (95,2%)";
        for max in (10..260).step_by(2) {
            let (s, cut) = fit(&m, text, 12.0, Weight::Normal, max as f64);
            if !cut {
                continue;
            }
            let kept = s.trim_end_matches('…');
            // What was kept of each number is all of it.
            for number in ["2.400,5", "2022", "95,2%"] {
                let digits_kept = kept.len() > text.find(number).unwrap_or(usize::MAX);
                assert!(
                    !digits_kept || kept.contains(number),
                    "{max} px: {s:?} cuts {number:?}"
                );
            }
        }
    }

    #[test]
    fn wrap_whole_keeps_every_word_and_breaks_only_at_spaces() {
        let m = ApproxMeasure;
        let text = "1 đồng khuyến công thu hút 1.234.567,89 đồng vốn đối ứng";
        for max in [20.0, 60.0, 120.0, 200.0, 900.0] {
            let lines = wrap_whole(&m, text, 14.0, Weight::Bold, max);
            assert_eq!(lines.join(" "), text, "{max} px");
            for l in &lines {
                assert!(
                    !l.contains(' ') || m.width(l, 14.0, Weight::Bold) <= max,
                    "{max} px: {l:?} could have broken"
                );
            }
        }
        // A no-break space holds a figure together.
        let lines = wrap_whole(
            &m,
            "đạt (179\u{a0}tỷ\u{a0}đồng)",
            13.0,
            Weight::Normal,
            40.0,
        );
        assert_eq!(lines, ["đạt", "(179\u{a0}tỷ\u{a0}đồng)"]);
        assert!(wrap_whole(&m, "", 13.0, Weight::Normal, 40.0).is_empty());
    }

    #[test]
    fn a_figure_moves_its_unit_down_before_it_shrinks() {
        let m = ApproxMeasure;
        let sizes = [30.0, 22.0, 12.0];
        let w = |t: &str, s: f64| m.width(t, s, Weight::Bold);
        // Whole at the largest size when it fits.
        let wide = w("5.820 triệu đồng", 30.0) + 1.0;
        assert_eq!(
            figure_in(&m, "5.820 triệu đồng", &sizes, Weight::Bold, wide),
            (vec!["5.820 triệu đồng".to_string()], 30.0)
        );
        // Number over unit at the largest size before anything smaller.
        let two = w("triệu đồng", 30.0) + 1.0;
        assert_eq!(
            figure_in(&m, "5.820 triệu đồng", &sizes, Weight::Bold, two),
            (vec!["5.820".to_string(), "triệu đồng".to_string()], 30.0)
        );
        // Smaller when the number over its unit does not fit either.
        let narrow = w("1.234.567", 22.0).max(w("nghìn đồng", 22.0)) + 1.0;
        assert_eq!(
            figure_in(&m, "1.234.567 nghìn đồng", &sizes, Weight::Bold, narrow),
            (
                vec!["1.234.567".to_string(), "nghìn đồng".to_string()],
                22.0
            )
        );
        // Nothing fits: the number whole at the floor, the unit wrapped; never a "…".
        let (lines, size) = figure_in(&m, "1.234.567 nghìn đồng", &sizes, Weight::Bold, 30.0);
        assert_eq!(size, 12.0);
        assert_eq!(lines.join(" "), "1.234.567 nghìn đồng");
        assert_eq!(lines[0], "1.234.567");
        // A figure without a unit only shrinks.
        let (lines, size) = figure_in(&m, "95,2%", &sizes, Weight::Bold, w("95,2%", 22.0));
        assert_eq!((lines, size), (vec!["95,2%".to_string()], 22.0));
    }

    /// Counts the measurements it answers (each one is a `measureText` in the browser).
    struct Counting(core::cell::Cell<usize>);

    impl Measure for Counting {
        fn width(&self, text: &str, size: f64, weight: Weight) -> f64 {
            self.0.set(self.0.get() + 1);
            ApproxMeasure.width(text, size, weight)
        }
    }

    /// The oracle: the plain greedy wrap, a word at a time, the last line shortened to fit;
    /// `wrap` measures less and must break at the same places.
    fn wrap_word_by_word(
        m: &dyn Measure,
        text: &str,
        size: f64,
        weight: Weight,
        max: f64,
        max_lines: usize,
    ) -> (Vec<String>, bool) {
        let words: Vec<&str> = text.split_whitespace().collect();
        let (mut lines, mut current, mut cut) = (Vec::new(), String::new(), false);
        for (i, word) in words.iter().enumerate() {
            let candidate = if current.is_empty() {
                (*word).to_string()
            } else {
                format!("{current} {word}")
            };
            if m.width(&candidate, size, weight) <= max || current.is_empty() {
                current = candidate;
                continue;
            }
            lines.push(core::mem::take(&mut current));
            current = (*word).to_string();
            if lines.len() == max_lines {
                let last = lines.pop().unwrap();
                let rest = words[i..].join(" ");
                lines.push(fit(m, &format!("{last} {rest}"), size, weight, max).0);
                return (lines, true);
            }
        }
        if !current.is_empty() {
            if lines.len() == max_lines {
                cut = true;
            } else {
                let (line, was_cut) = fit(m, &current, size, weight, max);
                cut |= was_cut;
                lines.push(line);
            }
        }
        (lines, cut)
    }

    #[test]
    fn wrap_measures_a_text_that_fits_once() {
        let m = Counting(core::cell::Cell::new(0));
        let (lines, cut) = wrap(
            &m,
            "  Khuyến công   quốc gia ",
            13.0,
            Weight::Normal,
            400.0,
            2,
        );
        assert_eq!(
            (lines, cut),
            (vec!["Khuyến công quốc gia".to_string()], false)
        );
        assert_eq!(m.0.get(), 1);
        // Two lines: the whole text, then one candidate per word after the first.
        let text = "Kinh phí khuyến công 28 tỉnh, thành phố phía Bắc năm 2022";
        m.0.set(0);
        let (lines, _) = wrap(&m, text, 16.0, Weight::Bold, 300.0, 3);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            m.0.get() <= 1 + text.split(' ').count(),
            "{} measurements",
            m.0.get()
        );
    }

    #[test]
    fn wrap_breaks_where_the_word_by_word_wrap_breaks() {
        let texts = [
            "Kinh phí khuyến công 28 tỉnh, thành phố phía Bắc năm 2022",
            "Nguồn: Cục Công Thương địa phương, Hội nghị Khuyến công các tỉnh, thành phố khu vực phía Bắc lần thứ XVII (27/7/2023)",
            "Khuyến công địa phương",
            "Siêu-dài-một-từ-không-có-khoảng-trắng-nào-cả ở đầu",
            "",
            "   ",
            "a",
        ];
        for text in texts {
            for max in [20.0, 60.0, 120.0, 200.0, 333.0, 900.0] {
                for max_lines in 0..5 {
                    for weight in [Weight::Normal, Weight::Bold] {
                        assert_eq!(
                            wrap(&ApproxMeasure, text, 14.0, weight, max, max_lines),
                            wrap_word_by_word(&ApproxMeasure, text, 14.0, weight, max, max_lines),
                            "{text:?} in {max} px, {max_lines} lines"
                        );
                    }
                }
            }
        }
    }
}
