//! Options of `analyze`: locale, the number of digits shown, and how regions are grouped.

use crate::error::{clip, Error, ErrorKind, Result};
use crate::json::{Member, Value};
use crate::locale::Locale;
use crate::model::{get, join, suggest};
use crate::regions::Regions;

/// How to analyze and format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Language of texts, messages and number formats (default `vi`).
    pub locale: Locale,
    /// Fraction digits of attainment and share percentages (default 1, at most 6).
    pub percent_digits: u32,
    /// Fraction digits of leverage ratios (default 2, at most 6).
    pub ratio_digits: u32,
    /// Most fraction digits shown for amounts (default 2, at most 9).
    pub amount_digits: u32,
    /// How regions are grouped: province names recognized (default), former provinces added
    /// up under today's (`"2025"`), or every region as written.
    pub regions: Regions,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            locale: Locale::Vi,
            percent_digits: 1,
            ratio_digits: 2,
            amount_digits: 2,
            regions: Regions::Names,
        }
    }
}

const FIELDS: &[&str] = &[
    "locale",
    "percentDigits",
    "ratioDigits",
    "amountDigits",
    "regions",
];

impl Options {
    /// Reads options from a JSON object (`null` or absent fields take their defaults).
    /// Errors have paths such as `options.locale`.
    ///
    /// ```
    /// use khuyencong_charts::{json, Options, Locale};
    /// let o = Options::from_value(&json::parse(r#"{"locale":"en","percentDigits":2}"#).unwrap()).unwrap();
    /// assert_eq!((o.locale, o.percent_digits), (Locale::En, 2));
    /// let e = Options::from_value(&json::parse(r#"{"locale":"fr"}"#).unwrap()).unwrap_err();
    /// assert_eq!((e.code(), e.path()), ("invalid_option", "options.locale"));
    /// let o = Options::from_value(&json::parse(r#"{"regions":"2025"}"#).unwrap()).unwrap();
    /// assert_eq!(o.regions, khuyencong_charts::regions::Regions::Merged2025);
    /// ```
    pub fn from_value(v: &Value) -> Result<Options> {
        Options::from_value_with(v, &[])
    }

    /// Like [`Options::from_value`], also accepting the option names in `extra` (the chart's
    /// own options, read elsewhere).
    pub fn from_value_with(v: &Value, extra: &[&'static str]) -> Result<Options> {
        let mut o = Options::default();
        let members = match v {
            Value::Null => return Ok(o),
            Value::Object(m) => m,
            other => {
                return Err(Error::new(
                    ErrorKind::InvalidOption {
                        allowed: "{ locale, percentDigits, ratioDigits, amountDigits, regions }",
                        value: other.type_name().to_string(),
                    },
                    "options",
                ))
            }
        };
        for (k, _) in members {
            if !FIELDS.contains(&k.as_ref()) && !extra.contains(&k.as_ref()) {
                let known: Vec<&'static str> = FIELDS.iter().chain(extra).copied().collect();
                return Err(Error::new(
                    ErrorKind::UnknownOption {
                        suggestion: suggest(k, &known),
                    },
                    join("options", &clip(k)),
                ));
            }
        }
        // The locale first, so the other errors can be told in it.
        if let Some(v) = get(members, "locale") {
            o.locale = match v {
                Value::String(s) => Locale::parse(s),
                _ => None,
            }
            .ok_or_else(|| invalid("options.locale", "\"vi\", \"en\"", v))?;
        }
        o.percent_digits = digits(members, "percentDigits", 6, o.percent_digits)?;
        o.ratio_digits = digits(members, "ratioDigits", 6, o.ratio_digits)?;
        o.amount_digits = digits(members, "amountDigits", 9, o.amount_digits)?;
        if let Some(v) = get(members, "regions") {
            o.regions = match v {
                Value::String(s) => Regions::parse(s),
                _ => None,
            }
            .ok_or_else(|| invalid("options.regions", Regions::ALLOWED, v))?;
        }
        Ok(o)
    }
}

/// The locale options ask for, if they name a valid one: errors in the other options are then
/// told in it.
pub fn locale_hint(v: &Value) -> Option<Locale> {
    match v {
        Value::Object(members) => match get(members, "locale") {
            Some(Value::String(s)) => Locale::parse(s),
            _ => None,
        },
        _ => None,
    }
}

fn invalid(path: &str, allowed: &'static str, v: &Value) -> Error {
    let value = match v {
        Value::String(s) | Value::Number(s) => clip(s),
        other => other.type_name().to_string(),
    };
    Error::new(ErrorKind::InvalidOption { allowed, value }, path)
}

fn digits(members: &[Member<'_>], name: &str, max: u32, default: u32) -> Result<u32> {
    let path = join("options", name);
    let allowed = if max == 9 { "0–9" } else { "0–6" };
    match get(members, name) {
        None => Ok(default),
        Some(Value::Number(n)) => n
            .parse::<u32>()
            .ok()
            .filter(|d| *d <= max)
            .ok_or_else(|| invalid(&path, allowed, &Value::Number(n.clone()))),
        Some(other) => Err(invalid(&path, allowed, other)),
    }
}
