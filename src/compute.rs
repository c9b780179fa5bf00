//! Exact figures from validated data: sums by source, region, year and category; attainment
//! of plan, shares of the total, and the leverage of counterpart capital.
//!
//! Rules (also in the README):
//! - Sums are exact. A measure no record in a group carries is `None` (shown "–"), not 0.
//! - `reported` totals, when given, are the totals; the sums of the records are still
//!   compared with them and a difference is a `total_mismatch` warning.
//! - attainment = 100 × actual / plan; share = 100 × actual / total actual;
//!   leverage = counterpart / actual. Each is the exact quotient rounded half away from zero
//!   (to `percentDigits` or `ratioDigits`); a zero divisor gives `None`.
//! - Shares are rounded one by one, as the press does, so they may add up to 100 ± a few
//!   rounding units.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::model::RECENT;

use rust_decimal::Decimal;

use crate::error::{Error, ErrorKind, Result};
use crate::exact;
use crate::locale::Locale;
use crate::model::{FundingData, Measures, Unit, DEFAULT_SOURCES};
use crate::options::Options;
use crate::regions::{RegionInfo, Regions, Resolver};
use crate::warning::{Measure, Warning, WarningKind};

/// The figures of a group or of the whole.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Figure {
    /// Exact sums.
    pub sums: Measures,
    /// 100 × actual / plan, rounded.
    pub attainment: Option<Decimal>,
    /// 100 × actual / total actual, rounded (`None` on the total).
    pub share: Option<Decimal>,
    /// counterpart / actual, rounded.
    pub leverage: Option<Decimal>,
}

/// A figure for one key of a dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Stable key (`"kcqg"`, `"Hà Giang"`, `"2022"`).
    pub key: String,
    /// Label for readers.
    pub label: String,
    /// The figures.
    pub figure: Figure,
}

/// The result of [`analyze`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// The unit of every amount.
    pub unit: Unit,
    /// The options used (locale and digits).
    pub options: Options,
    /// Totals.
    pub total: Figure,
    /// By source, in the order of `sources` (sources no record uses are left out).
    pub by_source: Vec<Group>,
    /// By region, in order of first appearance; province names as `options.regions` says.
    pub by_region: Vec<Group>,
    /// By year, ascending.
    pub by_year: Vec<Group>,
    /// By category, in order of first appearance.
    pub by_category: Vec<Group>,
    /// What recognizing and regrouping the regions did.
    pub regions: RegionInfo,
    /// Warnings from reading and computing.
    pub warnings: Vec<Warning>,
}

/// Running sums of one group.
#[derive(Default, Clone, Copy)]
struct Sums {
    plan: exact::Running,
    actual: exact::Running,
    counterpart: exact::Running,
    projects: Option<u64>,
}

impl Sums {
    /// Adds a record's measures; `Err(())` on an overflow (the caller names the record: its
    /// path is written only then, not for each of 100 000 records).
    fn add(&mut self, m: &Measures) -> std::result::Result<(), ()> {
        fn add_opt(acc: &mut exact::Running, v: Option<Decimal>) -> std::result::Result<(), ()> {
            match v {
                Some(v) => acc.add(v).ok_or(()),
                None => Ok(()),
            }
        }
        add_opt(&mut self.plan, m.plan)?;
        add_opt(&mut self.actual, m.actual)?;
        add_opt(&mut self.counterpart, m.counterpart)?;
        if let Some(p) = m.projects {
            self.projects = Some(self.projects.unwrap_or(0).checked_add(p).ok_or(())?);
        }
        Ok(())
    }

    /// The sums as measures.
    fn measures(&self) -> Measures {
        Measures {
            plan: self.plan.value(),
            actual: self.actual.value(),
            counterpart: self.counterpart.value(),
            projects: self.projects,
        }
    }
}

/// Groups keyed by text, in order of first appearance. (A BTreeMap index rather than a
/// HashMap: as fast for the few dozen keys of real data, and it keeps the hash table and its
/// hasher out of the wasm file.)
#[derive(Default)]
struct Ordered {
    keys: Vec<String>,
    sums: Vec<Sums>,
    index: BTreeMap<String, usize>,
    /// Groups by the address of their text: the records naming one region share one `Rc`
    /// (see `model`), so most find their group without comparing text. [`RECENT`] slots of
    /// (address, 1 + group, what the region resolver calls the text); a miss, or data built
    /// without sharing, looks the text up. The records outlive the analysis, so an address
    /// cannot be reused during it.
    recent: Vec<(usize, usize, usize)>,
}

impl Ordered {
    fn new() -> Self {
        Ordered {
            recent: vec![(0, 0, 0); RECENT],
            ..Ordered::default()
        }
    }

    fn add(&mut self, key: &Rc<str>, m: &Measures) -> std::result::Result<(), ()> {
        let (i, _) = self.find(key, None, 0);
        self.add_to(i, m)
    }

    /// Adds a record's measures to the group of its region `written`, which `resolver` names
    /// (once per distinct text) and counts.
    fn add_region(
        &mut self,
        written: &Rc<str>,
        resolver: &mut Resolver,
        (year, record): (Option<i64>, usize),
        m: &Measures,
    ) -> std::result::Result<(), ()> {
        let (i, seen) = self.find(written, Some(&mut *resolver), record);
        resolver.count(seen, year, record);
        self.add_to(i, m)
    }

    /// The group of `written` and the resolver's index of it: by address, or (once per text)
    /// by the key `resolver` gives record `record`'s text (the text itself without one).
    fn find(
        &mut self,
        written: &Rc<str>,
        resolver: Option<&mut Resolver>,
        record: usize,
    ) -> (usize, usize) {
        let address = Rc::as_ptr(written).cast::<u8>() as usize;
        let slot = (address >> 3) % RECENT;
        match self.recent.get(slot) {
            Some(&(a, g, s)) if a == address && g > 0 => (g - 1, s),
            _ => {
                let (key, s) = match resolver {
                    Some(r) => r.resolve(written, record),
                    None => (written, usize::MAX),
                };
                let i = match self.index.get(&**key) {
                    Some(&i) => i,
                    None => {
                        self.keys.push(key.to_string());
                        self.sums.push(Sums::default());
                        self.index.insert(key.to_string(), self.keys.len() - 1);
                        self.keys.len() - 1
                    }
                };
                if let Some(r) = self.recent.get_mut(slot) {
                    *r = (address, i + 1, s);
                }
                (i, s)
            }
        }
    }

    fn add_to(&mut self, i: usize, m: &Measures) -> std::result::Result<(), ()> {
        match self.sums.get_mut(i) {
            Some(s) => s.add(m),
            None => Ok(()),
        }
    }
}

/// A rounded ratio; `None` on a zero divisor or a missing measure. A quotient too large for an
/// exact decimal (absurd data such as 10^15 over 10^-8) is also `None`, and sets `overflowed`
/// so that the analysis carries a `ratio_overflow` warning instead of failing.
fn ratio(
    n: Option<Decimal>,
    d: Option<Decimal>,
    factor: u32,
    dp: u32,
    overflowed: &mut bool,
) -> Option<Decimal> {
    let (n, d) = (n?, d?);
    match exact::round_div(n, d, factor, dp) {
        Ok(q) => q,
        Err(_) => {
            *overflowed = true;
            None
        }
    }
}

fn figure(
    sums: Measures,
    total_actual: Option<Decimal>,
    is_total: bool,
    o: &Options,
    overflowed: &mut bool,
) -> Figure {
    Figure {
        sums,
        attainment: ratio(sums.actual, sums.plan, 100, o.percent_digits, overflowed),
        share: if is_total {
            None
        } else {
            ratio(sums.actual, total_actual, 100, o.percent_digits, overflowed)
        },
        leverage: ratio(sums.counterpart, sums.actual, 1, o.ratio_digits, overflowed),
    }
}

/// Computes the analysis of validated data.
///
/// ```
/// use khuyencong_charts::{analyze_json, Options};
/// let a = analyze_json(include_str!("../www/data/phia-bac-2022.json"), &Options::default()).unwrap();
/// assert_eq!(a.total.attainment.unwrap().to_string(), "95.2");
/// ```
pub fn analyze(data: &FundingData, options: &Options) -> Result<Analysis> {
    let mut total = Sums::default();
    let mut by_source = vec![Sums::default(); data.sources.len()];
    let mut used = vec![false; data.sources.len()];
    let mut regions = Ordered::new();
    let mut resolver = Resolver::new(options.regions);
    let mut categories = Ordered::new();
    let mut years: BTreeMap<i64, Sums> = BTreeMap::new();
    // Whether every record carrying a measure also names its source.
    let mut all_sourced = [true; 4];

    for (i, r) in data.records.iter().enumerate() {
        let overflow = |()| Error::new(ErrorKind::Overflow, format!("records[{i}]"));
        let m = &r.measures;
        total.add(m).map_err(overflow)?;
        if r.source.is_none() {
            let carried = [
                m.plan.is_some(),
                m.actual.is_some(),
                m.counterpart.is_some(),
                m.projects.is_some(),
            ];
            for (flag, has) in all_sourced.iter_mut().zip(carried) {
                *flag &= !has;
            }
        }
        if let Some(s) = r.source {
            if let (Some(sums), Some(u)) = (by_source.get_mut(s), used.get_mut(s)) {
                sums.add(m).map_err(overflow)?;
                *u = true;
            }
        }
        if let Some(region) = &r.region {
            regions
                .add_region(region, &mut resolver, (r.year, i), m)
                .map_err(overflow)?;
        }
        if let Some(category) = &r.category {
            categories.add(category, m).map_err(overflow)?;
        }
        if let Some(y) = r.year {
            years.entry(y).or_default().add(m).map_err(overflow)?;
        }
    }

    let mut warnings = data.warnings.clone();
    let (region_info, region_warnings) = resolver.finish();
    warnings.extend(region_warnings);
    let mut totals = total.measures();
    if let Some(rep) = &data.reported {
        let pairs = [
            (Measure::Plan, rep.plan, totals.plan, "reported.plan"),
            (
                Measure::Actual,
                rep.actual,
                totals.actual,
                "reported.actual",
            ),
            (
                Measure::Counterpart,
                rep.counterpart,
                totals.counterpart,
                "reported.counterpart",
            ),
            (
                Measure::Projects,
                rep.projects.map(Decimal::from),
                totals.projects.map(Decimal::from),
                "reported.projects",
            ),
        ];
        for ((measure, reported, computed, path), by_source) in pairs.into_iter().zip(all_sourced) {
            if let (Some(reported), Some(computed)) = (reported, computed) {
                if reported != computed {
                    warnings.push(Warning::new(
                        WarningKind::TotalMismatch {
                            measure,
                            computed,
                            reported,
                            by_source,
                        },
                        path,
                    ));
                }
            }
        }
        totals.plan = rep.plan.or(totals.plan);
        totals.actual = rep.actual.or(totals.actual);
        totals.counterpart = rep.counterpart.or(totals.counterpart);
        totals.projects = rep.projects.or(totals.projects);
    }

    let total_actual = totals.actual;
    let mut overflowed = false;
    let mut groups = |items: Vec<(String, String, Sums)>| -> Vec<Group> {
        items
            .into_iter()
            .map(|(key, label, sums)| Group {
                figure: figure(
                    sums.measures(),
                    total_actual,
                    false,
                    options,
                    &mut overflowed,
                ),
                key,
                label,
            })
            .collect()
    };

    let source_items = data
        .sources
        .iter()
        .zip(by_source)
        .zip(used)
        .filter(|(_, used)| *used)
        .map(|((s, sums), _)| {
            let label = if data.default_sources && options.locale == Locale::En {
                DEFAULT_SOURCES
                    .iter()
                    .find(|d| d.0 == s.key)
                    .map_or_else(|| s.label.clone(), |d| d.2.to_string())
            } else {
                s.label.clone()
            };
            (s.key.clone(), label, sums)
        })
        .collect();
    let ordered_items = |o: Ordered| -> Vec<(String, String, Sums)> {
        o.keys
            .into_iter()
            .zip(o.sums)
            .map(|(k, s)| (k.clone(), k, s))
            .collect()
    };

    let by_source = groups(source_items);
    let by_region = groups(ordered_items(regions));
    let by_year = groups(
        years
            .into_iter()
            .map(|(y, s)| (y.to_string(), y.to_string(), s))
            .collect(),
    );
    let by_category = groups(ordered_items(categories));
    let total = figure(totals, total_actual, true, options, &mut overflowed);
    if overflowed {
        warnings.push(Warning::new(WarningKind::RatioOverflow, ""));
    }
    Ok(Analysis {
        unit: data.unit,
        options: *options,
        total,
        by_source,
        by_region,
        by_year,
        by_category,
        regions: region_info,
        warnings,
    })
}

/// A dimension of the records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    /// Funding source.
    Source,
    /// Region (province).
    Region,
    /// Year.
    Year,
    /// Activity category.
    Category,
}

/// One group of a dimension, split by source: exact sums per declared source, then one more
/// for records that name no source (so the parts add up to the group's total).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossRow {
    /// The group's key (as in the analysis' groups).
    pub key: String,
    /// Sums per source, `data.sources.len() + 1` of them.
    pub by_source: Vec<Measures>,
}

/// Sums of `dim` × source, in the analysis' group order (first appearance; years ascending);
/// regions grouped as `regions` says, as the analysis does.
///
/// ```
/// use khuyencong_charts::{json, model::parse_data, compute::{cross_by_source, Dim}, regions::Regions};
/// let v = json::parse(r#"{"title":"T","unit":"ty_dong","records":[
///   {"region":"A","source":"kcqg","actual":"1"},{"region":"A","source":"kcdp","actual":"2"},
///   {"region":"B","actual":"5"}]}"#).unwrap();
/// let rows = cross_by_source(&parse_data(&v).unwrap(), Dim::Region, Regions::Names).unwrap();
/// assert_eq!(rows[0].by_source[1].actual.unwrap().to_string(), "2");
/// assert_eq!(rows[1].by_source[2].actual.unwrap().to_string(), "5"); // no source
/// ```
pub fn cross_by_source(data: &FundingData, dim: Dim, regions: Regions) -> Result<Vec<CrossRow>> {
    let width = data.sources.len() + 1;
    let mut resolver = Resolver::new(regions);
    let mut order: Vec<String> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut sums: Vec<Vec<Sums>> = Vec::new();
    for (i, r) in data.records.iter().enumerate() {
        let year = r.year.filter(|_| dim == Dim::Year).map(|y| y.to_string());
        let key: Option<&str> = match dim {
            Dim::Source => r
                .source
                .and_then(|s| data.sources.get(s))
                .map(|s| s.key.as_str()),
            Dim::Region => r
                .region
                .as_ref()
                .map(|region| &**resolver.key(region, r.year, i)),
            Dim::Year => year.as_deref(),
            Dim::Category => r.category.as_deref(),
        };
        let Some(key) = key else { continue };
        let row = match index.get(key) {
            Some(&row) => row,
            None => {
                order.push(key.to_string());
                sums.push(vec![Sums::default(); width]);
                index.insert(key.to_string(), order.len() - 1);
                order.len() - 1
            }
        };
        let col = r.source.unwrap_or(width - 1);
        if let Some(cell) = sums.get_mut(row).and_then(|cols| cols.get_mut(col)) {
            cell.add(&r.measures)
                .map_err(|()| Error::new(ErrorKind::Overflow, format!("records[{i}]")))?;
        }
    }
    let mut rows: Vec<CrossRow> = order
        .into_iter()
        .zip(sums)
        .map(|(key, cols)| CrossRow {
            key,
            by_source: cols.into_iter().map(|s| s.measures()).collect(),
        })
        .collect();
    if dim == Dim::Year {
        rows.sort_by_key(|r| r.key.parse::<i64>().unwrap_or(0));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{json, model::parse_data};

    /// The records of the 63-province file, every region and category a text of its own (as a
    /// caller building `FundingData` by hand would have): the same groups, in the same order,
    /// with the same figures as when the reader shares them. (Groups are found by address
    /// first; this checks that unshared texts still meet in one group.)
    #[test]
    fn groups_by_text_whether_or_not_texts_are_shared() {
        let text = include_str!("../www/data/63-tinh-minh-hoa.json");
        let value = json::parse(text).unwrap();
        let shared = parse_data(&value).unwrap();
        let mut unshared = shared.clone();
        for r in &mut unshared.records {
            r.region = r.region.as_deref().map(Rc::from);
            r.category = r.category.as_deref().map(Rc::from);
        }
        let pairs = shared.records.iter().zip(&unshared.records);
        assert!(pairs
            .filter_map(|(a, b)| a.region.as_ref().zip(b.region.as_ref()))
            .all(|(a, b)| !Rc::ptr_eq(a, b)));
        let options = Options::default();
        let a = analyze(&shared, &options).unwrap();
        let b = analyze(&unshared, &options).unwrap();
        assert_eq!(a.by_region.len(), 63);
        assert_eq!(a.by_region, b.by_region);
        assert_eq!(a.by_category, b.by_category);
        assert_eq!(a.total, b.total);
    }
}
