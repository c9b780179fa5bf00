//! What regrouping reports to the data's author: warnings about names and the groups made of
//! several written names. Neither is in the reader's build (without "messages" and "export"):
//! a reader sees the figures and the chart's note, which are the same.

#[cfg(feature = "export")]
use super::resolve::described;
use super::resolve::Resolver;
#[cfg(any(feature = "messages", feature = "export"))]
use super::resolve::Seen;
use super::table::Table;
use super::Combined;
#[cfg(feature = "messages")]
use super::Regions;
use crate::warning::Warning;
#[cfg(feature = "messages")]
use crate::warning::WarningKind;

/// At most this many misspellings are warned about: a list of a data set's odd names would
/// drown the warnings that matter.
#[cfg(feature = "messages")]
const MAX_SUGGESTED: usize = 20;

impl Resolver {
    /// A possible misspelling per text, and one warning per former province named after the
    /// merger, at its first such record.
    #[cfg(feature = "messages")]
    pub(super) fn warnings(&self, table: &Table) -> Vec<Warning> {
        let mut warnings = Vec::new();
        let mut suggested = 0;
        for s in &self.seen {
            let suggestion = s.suggestion.and_then(|i| table.names.get(i));
            if let Some(n) = suggestion.filter(|_| suggested < MAX_SUGGESTED) {
                suggested += 1;
                warnings.push(Warning::new(
                    WarningKind::PossibleProvince {
                        text: s.written.to_string(),
                        suggestion: n.name,
                    },
                    format!("records[{}].region", s.first),
                ));
            }
        }
        // (name, record, year, text): each former province's first record dated after the
        // merger.
        let mut late: Vec<Option<(usize, usize, i64, &Seen)>> = Vec::new();
        for s in &self.seen {
            if let (Some((record, year)), Some((n, _))) = (s.late, s.name) {
                match late.iter_mut().flatten().find(|l| l.0 == n) {
                    Some(l) if l.1 <= record => {}
                    Some(l) => *l = (n, record, year, s),
                    None => late.push(Some((n, record, year, s))),
                }
            }
        }
        // In the order of their records (a few dozen at most: no sort routine needed).
        while let Some(first) = late
            .iter_mut()
            .filter(|l| l.is_some())
            .min_by_key(|l| l.map(|l| l.1))
        {
            let Some((n, record, year, s)) = first.take() else {
                break;
            };
            let Some(c) = table
                .names
                .get(n)
                .and_then(|n| table.current.get(n.current))
            else {
                continue;
            };
            warnings.push(Warning::new(
                WarningKind::FormerProvince {
                    text: s.written.to_string(),
                    year,
                    current: c.name,
                    merged: self.mode == Regions::Merged2025,
                },
                format!("records[{record}].region"),
            ));
        }
        warnings
    }

    /// The reader's build (without "messages") warns about no name: misspellings and former
    /// names are the data author's to see, in the editor or the full build; the figures and
    /// the chart's note are the same.
    #[cfg(not(feature = "messages"))]
    pub(super) fn warnings(&self, _table: &Table) -> Vec<Warning> {
        Vec::new()
    }

    /// The groups made of several texts, or of a text written otherwise, in order of first
    /// appearance.
    #[cfg(feature = "export")]
    pub(super) fn combined(&self, table: &Table) -> Vec<Combined> {
        let mut order: Vec<usize> = Vec::new();
        for s in self.seen.iter().filter(|s| s.name.is_some()) {
            if !order.contains(&s.key) {
                order.push(s.key);
            }
        }
        let mut out = Vec::new();
        for k in order {
            let Some(key) = self.keys.get(k) else {
                continue;
            };
            let m: Vec<&Seen> = self.seen.iter().filter(|s| s.key == k).collect();
            if m.len() < 2 && m.iter().all(|s| s.written == *key) {
                continue;
            }
            out.push(Combined {
                key: key.to_string(),
                from: m
                    .iter()
                    .map(|s| super::Written {
                        text: s.written.to_string(),
                        name: described(table, s).map(|(n, _)| n).unwrap_or_default(),
                        records: s.records,
                        first: s.first,
                    })
                    .collect(),
            });
        }
        out
    }

    /// The reader's build (without "export") writes no analysis: what went into each group
    /// is for the editor and `analyze`, not for drawing.
    #[cfg(not(feature = "export"))]
    pub(super) fn combined(&self, _table: &Table) -> Vec<Combined> {
        Vec::new()
    }
}
