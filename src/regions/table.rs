//! The province table (`provinces.tsv`, embedded) and the matching of a written name against
//! it: fold the text to a key (lower-case ASCII letters and digits, no diacritics, no spaces or
//! dashes, without "tỉnh", "thành phố", "TP."), then look the key up among the table's names and
//! other spellings. Variants are not listed: they fold to the same key.

const TEXT: &str = include_str!("provinces.tsv");

/// A provincial-level unit since 1 July 2025.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Current {
    /// Its name, as the press writes it ("Tuyên Quang", "Thành phố Hồ Chí Minh").
    pub name: &'static str,
    /// Whether it is a centrally-run city (thành phố trực thuộc trung ương).
    pub city: bool,
}

/// A name of the table: of a former unit, of a current one, or of both (a unit that kept its
/// name: the former Tuyên Quang and today's larger one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The name.
    pub name: &'static str,
    /// Index in [`Table::current`] of the unit it is or became part of.
    pub current: usize,
    /// A former unit (one of the 63) had this name.
    pub former: bool,
    /// A current unit (one of the 34) has this name.
    pub is_current: bool,
}

/// Whether a written name says which side of the merger it means: "Tuyên Quang (cũ)",
/// "Tuyên Quang (mới)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    /// Nothing said.
    Any,
    /// "(cũ)": the former unit.
    Former,
    /// "(mới)": the current unit.
    Current,
}

/// The table, read from `provinces.tsv`.
#[derive(Debug, Clone)]
pub struct Table {
    /// The 34 current units, in the file's order.
    pub current: Vec<Current>,
    /// Every name (63 former, 34 current, one entry for a name that is both).
    pub names: Vec<Name>,
    /// Folded key → index in `names`, and whether it is the name's own key (not another
    /// spelling); sorted by key.
    keys: Vec<(String, usize, bool)>,
}

impl Table {
    /// Reads the embedded table.
    ///
    /// ```
    /// let t = khuyencong_charts::regions::Table::new();
    /// assert_eq!((t.current.len(), t.names.iter().filter(|n| n.former).count()), (34, 63));
    /// ```
    pub fn new() -> Table {
        let mut t = Table {
            current: Vec::with_capacity(34),
            names: Vec::with_capacity(64),
            keys: Vec::with_capacity(72),
        };
        let mut spellings: Vec<(&'static str, &'static str)> = Vec::new();
        // Split on characters only: a text pattern would bring the two-way string searcher
        // into the reader's wasm file for these few lines.
        for line in TEXT
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let mut cols = line.split('\t');
            let (Some(first), Some(second)) = (cols.next(), cols.next()) else {
                continue;
            };
            if let Some(name) = first.strip_prefix('=') {
                spellings.extend(second.split(';').map(|s| (name, s.trim())));
                continue;
            }
            let c = t.current.len();
            t.current.push(Current {
                name: first,
                city: second == "tp",
            });
            t.names.push(Name {
                name: first,
                current: c,
                former: false,
                is_current: true,
            });
            for former in cols.next().unwrap_or("").split(',').map(str::trim) {
                match t.names.iter_mut().find(|n| n.name == former) {
                    Some(n) => n.former = true,
                    None => t.names.push(Name {
                        name: former,
                        current: c,
                        former: true,
                        is_current: false,
                    }),
                }
            }
        }
        for i in 0..t.names.len() {
            if let Some(n) = t.names.get(i) {
                t.add_key(n.name, i, true);
            }
        }
        for (name, spelling) in spellings {
            if let Some(i) = t.names.iter().position(|n| n.name == name) {
                t.add_key(spelling, i, false);
            }
        }
        t
    }

    /// Adds `text`'s key, kept sorted as keys come (no sort routine in the wasm file); a key
    /// found twice is kept twice, for the table's test to see.
    fn add_key(&mut self, text: &str, name: usize, own: bool) {
        let k = key(text);
        let at = match self.keys.binary_search_by(|e| e.0.cmp(&k)) {
            Ok(at) | Err(at) => at,
        };
        self.keys.insert(at, (k, name, own));
    }

    /// The name `written` denotes, and which side of the merger it says; `None` when it names
    /// no province.
    ///
    /// ```
    /// let t = khuyencong_charts::regions::Table::new();
    /// let name = |s| t.find(s).map(|(i, _)| t.names[i].name);
    /// assert_eq!(name("tỉnh Ha Giang"), Some("Hà Giang"));
    /// assert_eq!(name("TP.HCM"), Some("Thành phố Hồ Chí Minh"));
    /// assert_eq!(name("Hoà Bình"), Some("Hòa Bình"));
    /// assert_eq!(name("Khu vực phía Bắc"), None);
    /// ```
    pub fn find(&self, written: &str) -> Option<(usize, Era)> {
        let folded = fold(written);
        let (rest, era) = match (folded.strip_suffix(" cu"), folded.strip_suffix(" moi")) {
            (Some(rest), _) => (rest, Era::Former),
            (_, Some(rest)) => (rest, Era::Current),
            _ => (folded.as_str(), Era::Any),
        };
        let k = strip(rest);
        self.lookup(&k)
            // "TPHCM", "TPHue": the prefix written without a gap.
            .or_else(|| k.strip_prefix("tp").and_then(|rest| self.lookup(rest)))
            .map(|i| (i, era))
    }

    fn lookup(&self, k: &str) -> Option<usize> {
        self.keys
            .binary_search_by(|(key, _, _)| key.as_str().cmp(k))
            .ok()
            .and_then(|i| self.keys.get(i))
            .map(|(_, n, _)| *n)
    }

    /// Every key and the name it finds (the names' own keys and their other spellings).
    pub fn keys(&self) -> impl Iterator<Item = (&str, usize)> {
        self.keys.iter().map(|(k, i, _)| (k.as_str(), *i))
    }

    /// The one name `written` is closest to, when it looks like a misspelling of it: one edit
    /// away (a letter added, missing, changed, or two swapped) after folding, two for names of
    /// twelve letters or more. Region names that are not provinces ("Tây Nguyên", two edits
    /// from "Thái Nguyên") stay clear of it.
    ///
    /// ```
    /// let t = khuyencong_charts::regions::Table::new();
    /// assert_eq!(t.suggest("Quảng Nihn").map(|i| t.names[i].name), Some("Quảng Ninh"));
    /// assert_eq!(t.suggest("Tây Nguyên"), None);
    /// ```
    #[cfg(feature = "messages")]
    pub fn suggest(&self, written: &str) -> Option<usize> {
        let k: Vec<char> = key(written).chars().collect();
        if k.len() < 5 || k.len() > 40 {
            return None;
        }
        let limit = if k.len() >= 12 { 2 } else { 1 };
        let mut best: Option<(usize, usize)> = None;
        let mut tie = false;
        // Only the names themselves: a near miss of "HCM" could be anything.
        for (key, i, _) in self.keys.iter().filter(|k| k.2) {
            let Some(d) = distance(&k, key, limit) else {
                continue;
            };
            match best {
                Some((bd, _)) if d > bd => {}
                Some((bd, _)) if d == bd => tie = true,
                _ => {
                    best = Some((d, *i));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(_, i)| i)
    }
}

#[cfg(not(feature = "messages"))]
impl Table {
    /// The reader's build (without "messages") suggests nothing, as for misspelled fields:
    /// a misspelling is the author's to fix, in the editor or the full build.
    pub fn suggest(&self, _written: &str) -> Option<usize> {
        None
    }
}

impl Default for Table {
    fn default() -> Self {
        Table::new()
    }
}

/// The folded key of a name: [`fold`] without the words that say what kind of unit it is.
pub fn key(s: &str) -> String {
    strip(&fold(s))
}

/// Folded words without a leading "tỉnh", "thành phố", "TP", "T.P.", "thủ đô" and a trailing
/// "province" or "city", joined without gaps.
fn strip(folded: &str) -> String {
    const BEFORE: [&str; 5] = ["tinh ", "tp ", "thanh pho ", "t p ", "thu do "];
    const AFTER: [&str; 2] = [" province", " city"];
    let mut s = folded;
    while let Some(rest) = BEFORE
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .or_else(|| AFTER.iter().find_map(|p| s.strip_suffix(p)))
    {
        s = rest;
    }
    s.chars().filter(|c| *c != ' ').collect()
}

/// Lower-case ASCII letters and digits in words separated by one space: Vietnamese letters
/// lose their marks ("Đắk Lắk" → "dak lak"; "Hoà" and "Hòa" both "hoa"), punctuation, dashes
/// and spaces separate words, anything else is kept as it is (and so matches no name).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        match fold_char(c) {
            None => gap = !out.is_empty(),
            Some(f) => {
                if gap {
                    out.push(' ');
                    gap = false;
                }
                out.push(f);
            }
        }
    }
    out
}

/// Base letters of U+00C0–U+00FF ('*': not a letter to fold).
const LATIN1: &[u8; 64] = b"aaaaaa*ceeeeiiiidnooooo*ouuuuy**aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";
/// Base letters of U+1EA0–U+1EF9, one per upper/lower pair: Ạ ạ Ả ả Ấ ấ … Ỹ ỹ.
const VIETNAMESE: &[u8; 45] = b"aaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyy";

/// A character folded: `None` separates words.
fn fold_char(c: char) -> Option<char> {
    let base = |table: &[u8], i: u32| {
        usize::try_from(i)
            .ok()
            .and_then(|i| table.get(i))
            .filter(|b| **b != b'*')
            .map(|b| char::from(*b))
    };
    match c {
        'a'..='z' | '0'..='9' => Some(c),
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        '\0'..='\u{7F}' => None,
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{2010}'..='\u{2027}' | '\u{202F}' => None,
        '\u{2212}' | '\u{3000}' => None,
        '\u{C0}'..='\u{FF}' => base(LATIN1, c as u32 - 0xC0).or(Some(c)),
        '\u{102}' | '\u{103}' => Some('a'),
        '\u{110}' | '\u{111}' => Some('d'),
        '\u{128}' | '\u{129}' => Some('i'),
        '\u{168}' | '\u{169}' | '\u{1AF}' | '\u{1B0}' => Some('u'),
        '\u{1A0}' | '\u{1A1}' => Some('o'),
        '\u{1EA0}'..='\u{1EF9}' => base(VIETNAMESE, (c as u32 - 0x1EA0) / 2).or(Some(c)),
        _ => Some(c),
    }
}

/// The optimal string alignment distance between `a` and `b` (insertions, deletions,
/// substitutions, swaps of two neighbours), or `None` when it is over `limit`. Only the band of
/// cells within `limit` of the diagonal is computed.
#[cfg(feature = "messages")]
fn distance(a: &[char], b: &str, limit: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let far = limit + 1;
    let width = b.len() + 1;
    // Three rows: two back (for swaps), one back, this one.
    let mut rows = vec![far; 3 * width];
    for (j, cell) in rows.iter_mut().take(width).enumerate() {
        *cell = j.min(far);
    }
    let at = |rows: &[usize], r: usize, j: usize| rows.get(r * width + j).copied().unwrap_or(far);
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        let mut best = far;
        for j in 0..width {
            let v = if j == 0 {
                i.min(far)
            } else if j + limit < i || j > i + limit {
                far
            } else {
                let (ca, cb) = (a.get(i - 1), b.get(j - 1));
                let mut v = (at(&rows, prev, j - 1) + usize::from(ca != cb))
                    .min(at(&rows, prev, j) + 1)
                    .min(at(&rows, cur, j - 1) + 1);
                if i > 1 && j > 1 && ca == b.get(j - 2) && a.get(i - 2) == cb {
                    v = v.min(at(&rows, prev2, j - 2) + 1);
                }
                v.min(far)
            };
            if let Some(cell) = rows.get_mut(cur * width + j) {
                *cell = v;
            }
            best = best.min(v);
        }
        if best > limit {
            return None;
        }
    }
    Some(at(&rows, a.len() % 3, b.len())).filter(|d| *d <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "messages")]
    #[test]
    fn distances() {
        let d = |a: &str, b: &str, l| distance(&a.chars().collect::<Vec<_>>(), b, l);
        assert_eq!(d("quangnihn", "quangninh", 1), Some(1));
        assert_eq!(d("hagiangg", "hagiang", 1), Some(1));
        assert_eq!(d("taynguyen", "thainguyen", 1), None);
        assert_eq!(d("taynguyen", "thainguyen", 2), Some(2));
        assert_eq!(d("abc", "abc", 1), Some(0));
        assert_eq!(d("ab", "ba", 1), Some(1));
        assert_eq!(d("", "ab", 2), Some(2));
        assert_eq!(d("bariavungtau", "bariavungtua", 2), Some(1));
    }

    /// Every letter Vietnamese is written with folds to its base letter, as decomposing it and
    /// dropping the marks would give (Đ, which does not decompose, to d).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn folding_agrees_with_the_unicode_tables() {
        use unicode_normalization::char::is_combining_mark;
        use unicode_normalization::UnicodeNormalization;
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";
        let mut n = 0;
        for c in letters
            .chars()
            .flat_map(|c| [c, c.to_uppercase().next().unwrap()])
        {
            let base: String = c
                .to_string()
                .nfd()
                .filter(|m| !is_combining_mark(*m))
                .collect();
            assert_eq!(fold(&c.to_string()), base.to_lowercase(), "{c}");
            n += 1;
        }
        assert_eq!(n, 144);
        assert_eq!((fold("Đ"), fold("đ")), ("d".to_string(), "d".to_string()));
    }

    #[test]
    fn folding() {
        assert_eq!(fold("  Đắk   Lắk "), "dak lak");
        assert_eq!(fold("Bà Rịa – Vũng Tàu"), "ba ria vung tau");
        assert_eq!(fold("TP.HCM"), "tp hcm");
        assert_eq!(fold("HOÀ BÌNH"), "hoa binh");
        assert_eq!(fold("Thừa Thiên-Huế"), "thua thien hue");
        assert_eq!(fold("Hà Giang\u{200F}"), "ha giang\u{200F}");
        assert_eq!(key("Thành phố Hồ Chí Minh"), "hochiminh");
        assert_eq!(key("Ho Chi Minh City"), "hochiminh");
        assert_eq!(key("Tỉnh"), "tinh");
    }
}
