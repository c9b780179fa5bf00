//! From a record's region as written to its group's key, per the `regions` option: each
//! distinct text is matched against the table once. The analysis remembers what a text
//! resolved to with its group, by the address of the text the records share (see `compute`).

use std::collections::BTreeMap;
use std::rc::Rc;

use super::table::{Era, Table};
use super::{RegionInfo, Regions, FIRST_YEAR_AFTER};
use crate::warning::Warning;

/// At most this many distinct unrecognized texts are checked for a misspelled province: a data
/// set of thousands of communes is not a province table.
const MAX_CHECKED: usize = 1000;

/// One distinct text of the data. (What only reports use is unread in the reader's build.)
#[cfg_attr(not(feature = "messages"), allow(dead_code))]
pub(super) struct Seen {
    /// The text as the records share it.
    pub(super) written: Rc<str>,
    /// The name it denotes (index in the table's names) and the side of the merger it says.
    pub(super) name: Option<(usize, Era)>,
    /// A province that might have been meant, for a text that names none.
    pub(super) suggestion: Option<usize>,
    /// Index of its group's key.
    pub(super) key: usize,
    /// How many records carry it, and the index of the first.
    pub(super) records: u64,
    pub(super) first: usize,
    /// Names a former province without "(cũ)": a record of [`FIRST_YEAR_AFTER`] or later is
    /// worth a warning.
    pub(super) late_check: bool,
    /// The first such record and its year.
    pub(super) late: Option<(usize, i64)>,
}

/// Resolves the regions of one pass over the records.
pub struct Resolver {
    pub(super) mode: Regions,
    /// Read when the first region comes: data without regions never pays for it.
    table: Option<Table>,
    /// Each distinct text, in order of first appearance, and its index by text.
    pub(super) seen: Vec<Seen>,
    by_text: BTreeMap<String, usize>,
    /// The groups' keys (shared by every text of a group), and their index by text.
    pub(super) keys: Vec<Rc<str>>,
    by_key: BTreeMap<String, usize>,
    /// Unrecognized texts checked for a misspelling so far.
    checked: usize,
}

impl Resolver {
    /// A resolver for `mode`.
    pub fn new(mode: Regions) -> Resolver {
        Resolver {
            mode,
            table: None,
            seen: Vec::new(),
            by_text: BTreeMap::new(),
            keys: Vec::new(),
            by_key: BTreeMap::new(),
            checked: 0,
        }
    }

    /// The key of the group that record `record` (of `year`) with region `region` counts in.
    /// Records whose groups are one get the same `Rc`. (One lookup by text per record: for
    /// the chart's cross-tabulation, which looks its rows up by text anyway.)
    ///
    /// ```
    /// use std::rc::Rc;
    /// use khuyencong_charts::regions::{Regions, Resolver};
    /// let mut r = Resolver::new(Regions::Merged2025);
    /// assert_eq!(&**r.key(&Rc::from("tỉnh Ha Giang"), Some(2022), 0), "Tuyên Quang");
    /// assert_eq!(&**r.key(&Rc::from("Cụm công nghiệp Tân Phú"), None, 1), "Cụm công nghiệp Tân Phú");
    /// ```
    pub fn key<'a>(
        &'a mut self,
        region: &'a Rc<str>,
        year: Option<i64>,
        record: usize,
    ) -> &'a Rc<str> {
        if self.mode == Regions::AsWritten {
            return region;
        }
        let s = self.find_or_add(region, record);
        self.count(s, year, record);
        self.seen
            .get(s)
            .and_then(|seen| self.keys.get(seen.key))
            .unwrap_or(region)
    }

    /// The key of `region`'s group and the index of its text, for a caller that remembers the
    /// pair by the text's address (the analysis) and then only [`Resolver::count`]s.
    pub fn resolve<'a>(&'a mut self, region: &'a Rc<str>, record: usize) -> (&'a Rc<str>, usize) {
        if self.mode == Regions::AsWritten {
            return (region, usize::MAX);
        }
        let s = self.find_or_add(region, record);
        let key = self.seen.get(s).and_then(|seen| self.keys.get(seen.key));
        (key.unwrap_or(region), s)
    }

    /// Counts record `record` (of `year`) under text `s` (as [`Resolver::resolve`] gave it).
    #[inline]
    pub fn count(&mut self, s: usize, year: Option<i64>, record: usize) {
        let Some(seen) = self.seen.get_mut(s) else {
            return;
        };
        seen.records += 1;
        if cfg!(feature = "messages") && seen.late_check && seen.late.is_none() {
            if let Some(y) = year.filter(|y| *y >= FIRST_YEAR_AFTER) {
                seen.late = Some((record, y));
            }
        }
    }

    fn find_or_add(&mut self, region: &Rc<str>, record: usize) -> usize {
        if let Some(&s) = self.by_text.get(&**region) {
            return s;
        }
        let table = self.table.get_or_insert_with(Table::new);
        let name = table.find(region);
        let mut suggestion = None;
        if name.is_none() && self.checked < MAX_CHECKED {
            self.checked += 1;
            suggestion = table.suggest(region);
        }
        let (key, late_check) = match name.and_then(|(n, era)| Some((table.names.get(n)?, era))) {
            None => (Rc::clone(region), false),
            Some((n, era)) => {
                let key = match self.mode {
                    Regions::Merged2025 => table.current.get(n.current).map(|c| c.name),
                    _ => None,
                };
                let key = match key {
                    Some(k) => Rc::from(k),
                    None => Rc::from(label(n.name, n.former && n.is_current, era)),
                };
                (key, n.former && !n.is_current && era != Era::Former)
            }
        };
        let k = match self.by_key.get(&*key) {
            Some(&k) => k,
            None => {
                self.by_key.insert(key.to_string(), self.keys.len());
                self.keys.push(key);
                self.keys.len() - 1
            }
        };
        self.seen.push(Seen {
            written: Rc::clone(region),
            name,
            suggestion,
            key: k,
            records: 0,
            first: record,
            late_check,
            late: None,
        });
        self.by_text.insert(region.to_string(), self.seen.len() - 1);
        self.seen.len() - 1
    }

    /// What was recognized and combined, and the warnings about names.
    pub fn finish(self) -> (RegionInfo, Vec<Warning>) {
        let mut info = RegionInfo {
            mode: self.mode,
            ..RegionInfo::default()
        };
        let Some(table) = &self.table else {
            return (info, Vec::new());
        };
        for s in &self.seen {
            if let Some((name, true)) = described(table, s) {
                if !info.former.contains(&name) {
                    info.former.push(name);
                }
            }
        }
        info.combined = self.combined(table);
        (info, self.warnings(table))
    }
}

/// The province a text names, by its name of the time, and whether that is a former unit that
/// is not a current one ("Hà Giang", "Tuyên Quang (cũ)"); `None` for a text that names none.
pub(super) fn described(table: &Table, s: &Seen) -> Option<(String, bool)> {
    let (n, era) = s.name?;
    let n = table.names.get(n)?;
    let former_only = n.former && (!n.is_current || era == Era::Former);
    Some((label(n.name, n.former && n.is_current, era), former_only))
}

/// A name as it is shown before regrouping: "Tuyên Quang (cũ)" for the former unit of a name
/// that is also today's, when the data says so; the name otherwise.
fn label(name: &str, both: bool, era: Era) -> String {
    if both && era == Era::Former {
        format!("{name} (cũ)")
    } else {
        name.to_string()
    }
}
