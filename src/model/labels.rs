//! The region and category texts of the records, each validated and normalized once and shared.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::fields::{text, TextKind};
use crate::error::{Error, ErrorKind, Result};
use crate::json::{same, Value};

/// Validated labels by their text as written: 100 000 records name a few dozen regions and
/// categories, so each distinct text is validated and normalized once and the records share it:
/// equal texts (also "Hà Giang" typed precomposed and decomposed) are one `Rc`, which lets the
/// analysis find a record's group by address. A small table indexed by a few of the text's
/// bytes finds most texts with one comparison, before the B-tree. (`BTreeMap<String, usize>`
/// is the type the analysis already uses: no second copy of the B-tree code in the wasm file.)
#[derive(Default)]
pub(super) struct Labels {
    /// The shared texts, as kept.
    shared: Vec<Rc<str>>,
    /// Each distinct text as written, with its index in `shared`.
    written: Vec<(String, usize)>,
    /// As written → index in `written`.
    by_written: BTreeMap<String, usize>,
    /// As kept → index in `shared`.
    by_kept: BTreeMap<String, usize>,
    /// [`RECENT`] slots: 1 + an index in `written`, or 0.
    recent: Vec<usize>,
}

/// Slots of the tables that find a label (here) or a group (in the analysis) at once.
pub(crate) const RECENT: usize = 256;

/// A slot for `s` from its length and a few of its bytes (a miss only costs a B-tree lookup).
fn slot_of(s: &str) -> usize {
    let b = s.as_bytes();
    let n = b.len();
    let at = |i: usize| usize::from(b.get(i).copied().unwrap_or(0));
    (n.wrapping_mul(31)
        ^ at(0)
        ^ at(n / 2).wrapping_mul(7)
        ^ at(n.wrapping_sub(1)).wrapping_mul(13)
        ^ at(n.wrapping_sub(2)).wrapping_mul(131))
        % RECENT
}

impl Labels {
    pub(super) fn new() -> Self {
        Labels {
            recent: vec![0; RECENT],
            ..Labels::default()
        }
    }

    pub(super) fn get(&mut self, v: &Value<'_>, path: &str) -> Result<Rc<str>> {
        let written = match v {
            Value::String(s) => s.as_ref(),
            _ => "",
        };
        let slot = slot_of(written);
        let cached = self.recent.get(slot).copied().unwrap_or(0);
        let i = match self.written.get(cached.wrapping_sub(1)) {
            Some((t, i)) if same(t, written) => *i,
            _ => {
                let w = match self.by_written.get(written) {
                    Some(&w) => w,
                    None => {
                        let kept = text(v, path, TextKind::Line)?;
                        let i = match self.by_kept.get(&kept) {
                            Some(&i) => i,
                            None => {
                                self.shared.push(Rc::from(kept.as_str()));
                                self.by_kept.insert(kept, self.shared.len() - 1);
                                self.shared.len() - 1
                            }
                        };
                        self.written.push((written.to_string(), i));
                        self.by_written
                            .insert(written.to_string(), self.written.len() - 1);
                        self.written.len() - 1
                    }
                };
                if let Some(r) = self.recent.get_mut(slot) {
                    *r = w + 1;
                }
                self.written.get(w).map_or(0, |(_, i)| *i)
            }
        };
        self.shared
            .get(i)
            .map(Rc::clone)
            .ok_or_else(|| Error::new(ErrorKind::Empty, path))
    }
}

#[cfg(test)]
mod tests {
    use crate::json;
    use crate::model::parse_data;
    use std::rc::Rc;

    /// Records naming one region share its text, also when it is typed precomposed in one
    /// and decomposed (NFD) in another; a region and a category of equal text share it too.
    #[test]
    fn records_share_equal_labels() {
        let text = r#"{"title":"T","unit":"ty_dong","records":[
            {"region":"Hà Giang","category":"Hà Giang","actual":"1"},
            {"region":"Ha\u0300 Giang","actual":"2"},
            {"region":"Hà Giang","actual":"3"},
            {"region":"Hà Nam","actual":"4"}]}"#;
        let value = json::parse(text).unwrap();
        let data = parse_data(&value).unwrap();
        let region = |i: usize| data.records.get(i).unwrap().region.clone().unwrap();
        assert_eq!(&*region(1), "Hà Giang");
        assert!(Rc::ptr_eq(&region(0), &region(1)));
        assert!(Rc::ptr_eq(&region(0), &region(2)));
        let category = data.records.first().unwrap().category.clone().unwrap();
        assert!(Rc::ptr_eq(&region(0), &category));
        assert_eq!(&*region(3), "Hà Nam");
        assert!(!Rc::ptr_eq(&region(0), &region(3)));
    }
}
