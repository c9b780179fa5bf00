//! Charts: options, a neutral description of what to draw ([`Spec`]), the layout of each kind,
//! and a painter over a small [`paint::Surface`] trait: plotters' `DrawingBackend` (SVG) in
//! tests and exports, the canvas 2D context in the browser (`src/web/canvas.rs`).
//!
//! Layout runs once per data, size or option change and produces a [`Spec`] in CSS pixels;
//! painting and hit-testing only read it, so a hover redraw re-parses and re-analyzes nothing.

mod axis;
mod bars;
mod describe;
mod donut;
pub mod export;
mod frame;
mod kinds;
mod leverage;
pub mod paint;
pub mod spec;
mod summary;
pub mod text;
pub mod theme;

pub use describe::{describe, describe_spoken};
pub use spec::{Item, LegendEntry, Mark, Shape, Spec};
pub use text::{ApproxMeasure, Measure};
pub use theme::{Mode, Theme};

use crate::compute::{cross_by_source, Analysis, CrossRow, Dim};
use crate::error::{clip, Error, ErrorKind, Result};
use crate::format::NumberFormat;
use crate::json::Value;
use crate::locale::Locale;
use crate::model::{get, FundingData};
use crate::options::Options;

/// Declares [`Kind`] from one table: each line is a variant and its option value. The table
/// below is the one list of chart kinds: `scripts/kinds.mjs` reads it (its lines must keep this
/// shape) to write the lists in TypeScript and HTML and to check the ones written in words.
macro_rules! kinds {
    ($($(#[$attr:meta])* $variant:ident = $key:literal,)+) => {
        /// The kinds of chart.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        pub enum Kind {
            $($(#[$attr])* $variant,)+
        }

        impl Kind {
            /// All kinds, in documentation order.
            pub const ALL: [Kind; [$(Kind::$variant),+].len()] = [$(Kind::$variant),+];

            /// The option value: `"sources"`, `"plan-actual"`...
            pub fn key(self) -> &'static str {
                match self {
                    $(Kind::$variant => $key,)+
                }
            }
        }

        /// The option values, as an error message lists them.
        const KIND_KEYS: &str = kinds!(@quoted $($key)+);
    };
    (@quoted $first:literal $($key:literal)*) => {
        concat!("\"", $first, "\"", $(", \"", $key, "\""),*)
    };
}

kinds! {
    /// Headline figures as large text.
    Summary = "summary",
    /// Donut of actual spending by source.
    #[default]
    Sources = "sources",
    /// Plan against actual by a dimension.
    PlanActual = "plan-actual",
    /// Actual by region, stacked by source.
    Regions = "regions",
    /// Public support against counterpart capital.
    Leverage = "leverage",
    /// Plan and actual by year, stacked by source.
    Trend = "trend",
    /// Horizontal bars by activity category.
    Categories = "categories",
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// Bar order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Largest first (default for regions and categories).
    #[default]
    Value,
    /// As in the data.
    Input,
}

/// Options of a chart (beyond [`Options`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartOptions {
    /// Which chart.
    pub kind: Kind,
    /// The dimension, for kinds that allow a choice (`None`: the kind's default).
    pub by: Option<Dim>,
    /// Bar order (`None`: the kind's default).
    pub sort: Option<Sort>,
    /// Analysis options (locale, digits).
    pub analysis: Options,
}

/// Option names read by [`ChartOptions::from_value`] beyond the analysis ones; `theme`,
/// `height`, `menu` and `allowCrossOrigin` belong to the browser layer and are accepted here.
pub const CHART_FIELDS: &[&str] = &[
    "kind",
    "by",
    "sort",
    "theme",
    "height",
    "menu",
    "allowCrossOrigin",
];

fn option_error(path: &str, allowed: &'static str, v: &Value) -> Error {
    let value = match v {
        Value::String(s) | Value::Number(s) => clip(s),
        other => other.type_name().to_string(),
    };
    Error::new(ErrorKind::InvalidOption { allowed, value }, path)
}

impl ChartOptions {
    /// Reads chart and analysis options from one object (paths `options.kind`...).
    pub fn from_value(v: &Value) -> Result<ChartOptions> {
        let analysis = Options::from_value_with(v, CHART_FIELDS)?;
        let mut o = ChartOptions {
            analysis,
            ..ChartOptions::default()
        };
        let Value::Object(m) = v else { return Ok(o) };
        if let Some(k) = get(m, "kind") {
            o.kind = match k {
                Value::String(s) => Kind::parse(s),
                _ => None,
            }
            .ok_or_else(|| option_error("options.kind", KIND_KEYS, k))?;
        }
        if let Some(b) = get(m, "by") {
            const ALLOWED: &str = "\"source\", \"region\", \"year\", \"category\"";
            o.by = Some(
                match b {
                    Value::String(s) => match s.as_ref() {
                        "source" => Some(Dim::Source),
                        "region" => Some(Dim::Region),
                        "year" => Some(Dim::Year),
                        "category" => Some(Dim::Category),
                        _ => None,
                    },
                    _ => None,
                }
                .ok_or_else(|| option_error("options.by", ALLOWED, b))?,
            );
        }
        if let Some(s) = get(m, "sort") {
            o.sort = Some(match s {
                Value::String(t) if t == "value" => Sort::Value,
                Value::String(t) if t == "input" => Sort::Input,
                _ => return Err(option_error("options.sort", "\"value\", \"input\"", s)),
            });
        }
        if let Some(t) = get(m, "theme") {
            if !matches!(t, Value::String(s) if matches!(s.as_ref(), "auto" | "light" | "dark")) {
                return Err(option_error(
                    "options.theme",
                    "\"auto\", \"light\", \"dark\"",
                    t,
                ));
            }
        }
        Ok(o)
    }
}

/// Everything layout needs.
pub struct Input<'a> {
    /// The validated data (title, source line, sources, records for cross-tabs).
    pub data: &'a FundingData,
    /// Its analysis.
    pub analysis: &'a Analysis,
    /// Chart options.
    pub options: &'a ChartOptions,
    /// Light or dark.
    pub mode: Mode,
    /// Width in CSS px.
    pub width: f64,
    /// Height in CSS px; `None` for the kind's natural height at this width.
    pub height: Option<f64>,
    /// Series the reader has hidden (legend keys).
    pub hidden: &'a [String],
    /// Text measurement.
    pub measure: &'a dyn Measure,
}

/// Shared state of one layout pass.
pub(crate) struct Ctx<'a> {
    pub input: &'a Input<'a>,
    pub theme: Theme,
    pub nf: NumberFormat,
    pub locale: Locale,
}

impl Ctx<'_> {
    pub(crate) fn m(&self) -> &dyn Measure {
        self.input.measure
    }

    pub(crate) fn is_hidden(&self, key: &str) -> bool {
        self.input.hidden.iter().any(|h| h == key)
    }

    /// A value formatted for the eye, as a screen reader should hear it.
    pub(crate) fn speak(&self, display: &str) -> String {
        crate::format::speak(display, self.locale)
    }

    /// Sums of `dim` × source, regions grouped as the analysis groups them.
    pub(crate) fn cross(&self, dim: Dim) -> Result<Vec<CrossRow>> {
        cross_by_source(self.input.data, dim, self.input.options.analysis.regions)
    }

    /// A phrase in the chart's locale.
    pub(crate) fn t(&self, vi: &'static str, en: &'static str) -> &'static str {
        match self.locale {
            Locale::Vi => vi,
            Locale::En => en,
        }
    }
}

/// Lays out a chart.
///
/// ```
/// use khuyencong_charts::{analyze, json, model::parse_data, chart::*};
/// let data = parse_data(&json::parse(include_str!("../../www/data/phia-bac-2022.json")).unwrap()).unwrap();
/// let options = ChartOptions::default(); // the sources donut
/// let analysis = analyze(&data, &options.analysis).unwrap();
/// let spec = layout(&Input { data: &data, analysis: &analysis, options: &options, mode: Mode::Light,
///     width: 640.0, height: None, hidden: &[], measure: &ApproxMeasure });
/// assert_eq!(spec.items.len(), 2); // one sector per source
/// assert_eq!(spec.items[0].title, "Khuyến công quốc gia");
/// ```
pub fn layout(input: &Input<'_>) -> Spec {
    let ctx = Ctx {
        input,
        theme: Theme::new(input.mode),
        nf: NumberFormat::new(input.options.analysis.locale),
        locale: input.options.analysis.locale,
    };
    kinds::layout(&ctx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    #[test]
    fn chart_options_are_strict_with_paths() {
        let ok = ChartOptions::from_value(
            &json::parse(r#"{"kind":"plan-actual","by":"year","sort":"input","theme":"dark","locale":"en","height":"300px"}"#).unwrap(),
        )
        .unwrap();
        assert_eq!(
            (ok.kind, ok.by, ok.sort),
            (Kind::PlanActual, Some(Dim::Year), Some(Sort::Input))
        );
        assert_eq!(ok.analysis.locale, Locale::En);
        for (text, path) in [
            (r#"{"kind":"pie"}"#, "options.kind"),
            (r#"{"by":"province"}"#, "options.by"),
            (r#"{"sort":"desc"}"#, "options.sort"),
            (r#"{"theme":"blue"}"#, "options.theme"),
            (r#"{"knd":"sources"}"#, "options.knd"),
        ] {
            let e = ChartOptions::from_value(&json::parse(text).unwrap()).unwrap_err();
            assert_eq!((e.code(), e.path()), ("invalid_option", path), "{text}");
        }
    }
}
