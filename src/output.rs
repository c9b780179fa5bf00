//! The analysis as JSON text: the shape JavaScript receives (see the README's "Output").
//!
//! Machine values are canonical decimal strings (`"179.1"`, `"95.2"`); `text` holds the
//! display strings of the chosen locale, with "–" where a value is `null`.

use rust_decimal::Decimal;

use crate::compute::{Analysis, Figure, Group};
use crate::exact::canonical_text;
use crate::format::{NumberFormat, DASH};
use crate::json::Writer;

/// Display text of an analysis' optional figures, in its locale and digits; "–" where a
/// figure is absent. The one place output, charts and exports format a figure.
pub struct Texts<'a> {
    a: &'a Analysis,
    nf: NumberFormat,
}

impl<'a> Texts<'a> {
    /// Texts of `a`.
    pub fn new(a: &'a Analysis) -> Self {
        Texts {
            a,
            nf: NumberFormat::new(a.options.locale),
        }
    }

    /// "170,4 tỷ đồng".
    pub fn amount(&self, d: Option<Decimal>) -> String {
        d.map_or_else(
            || DASH.to_string(),
            |d| self.nf.amount(d, self.a.unit, self.a.options.amount_digits),
        )
    }

    /// "95,2%".
    pub fn percent(&self, d: Option<Decimal>) -> String {
        d.map_or_else(
            || DASH.to_string(),
            |d| self.nf.percent(d, self.a.options.percent_digits),
        )
    }

    /// "2,48".
    pub fn ratio(&self, d: Option<Decimal>) -> String {
        d.map_or_else(
            || DASH.to_string(),
            |d| self.nf.decimal(d, self.a.options.ratio_digits),
        )
    }

    /// "33 đề án".
    pub fn projects(&self, n: Option<u64>) -> String {
        n.map_or_else(|| DASH.to_string(), |n| self.nf.projects(n))
    }
}

/// Writes `a` as JSON.
///
/// ```
/// use khuyencong_charts::{analyze_json, output::to_json, Options};
/// let a = analyze_json(include_str!("../www/data/phia-bac-2022.json"), &Options::default()).unwrap();
/// assert!(to_json(&a).contains(r#""actual":"170.4""#));
/// ```
pub fn to_json(a: &Analysis) -> String {
    let mut w = Writer::new();
    w.begin_object();
    w.field_str("unit", a.unit.key());
    w.field_str("locale", a.options.locale.tag());
    w.key("total");
    figure(&mut w, a, &a.total);
    for (name, groups) in [
        ("bySource", &a.by_source),
        ("byRegion", &a.by_region),
        ("byYear", &a.by_year),
        ("byCategory", &a.by_category),
    ] {
        w.key(name);
        w.begin_array();
        for g in groups {
            group(&mut w, a, g);
        }
        w.end_array();
    }
    regions(&mut w, a);
    w.key("warnings");
    w.begin_array();
    for warning in &a.warnings {
        w.begin_object();
        w.field_str("code", warning.code());
        w.field_str("path", &warning.path);
        w.field_str("message", &warning.message(a.options.locale, a.unit));
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.finish()
}

/// `regions`: the option used, the former provinces named, and each group made of several
/// written texts (what the editor shows as the rows a regrouping combined).
fn regions(w: &mut Writer, a: &Analysis) {
    let r = &a.regions;
    w.key("regions");
    w.begin_object();
    w.field_str("mode", r.mode.key());
    w.key("former");
    w.begin_array();
    for name in &r.former {
        w.string(name);
    }
    w.end_array();
    w.key("combined");
    w.begin_array();
    for c in &r.combined {
        w.begin_object();
        w.field_str("key", &c.key);
        w.key("from");
        w.begin_array();
        for f in &c.from {
            w.begin_object();
            w.field_str("text", &f.text);
            w.field_str("name", &f.name);
            w.key("records");
            w.opt_u64(Some(f.records));
            w.key("first");
            w.opt_u64(u64::try_from(f.first).ok());
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

fn group(w: &mut Writer, a: &Analysis, g: &Group) {
    w.begin_object();
    w.field_str("key", &g.key);
    w.field_str("label", &g.label);
    members(w, a, &g.figure);
    w.end_object();
}

fn figure(w: &mut Writer, a: &Analysis, f: &Figure) {
    w.begin_object();
    members(w, a, f);
    w.end_object();
}

fn members(w: &mut Writer, a: &Analysis, f: &Figure) {
    let dec = |d: Option<Decimal>| d.map(canonical_text);
    let s = &f.sums;
    for (name, v) in [
        ("plan", dec(s.plan)),
        ("actual", dec(s.actual)),
        ("counterpart", dec(s.counterpart)),
    ] {
        w.key(name);
        w.opt_string(v.as_deref());
    }
    w.key("projects");
    w.opt_u64(s.projects);
    for (name, v) in [
        ("attainment", dec(f.attainment)),
        ("share", dec(f.share)),
        ("leverage", dec(f.leverage)),
    ] {
        w.key(name);
        w.opt_string(v.as_deref());
    }
    let t = Texts::new(a);
    w.key("text");
    w.begin_object();
    w.field_str("plan", &t.amount(s.plan));
    w.field_str("actual", &t.amount(s.actual));
    w.field_str("counterpart", &t.amount(s.counterpart));
    w.field_str("projects", &t.projects(s.projects));
    w.field_str("attainment", &t.percent(f.attainment));
    w.field_str("share", &t.percent(f.share));
    w.field_str("leverage", &t.ratio(f.leverage));
    w.end_object();
}
