//! The schema's top level, its sources and its records, read in one pass with a path in every
//! error and warning.

use super::fields::{
    get, index, integer, join, measures, measures_of, object, opt_text, required, suggest, text,
    wrong_type, year, TextKind,
};
use super::labels::Labels;
use super::{
    FundingData, Level, Record, Source, Unit, DEFAULT_SOURCES, RECORD_FIELDS, REPORTED_FIELDS,
    SOURCE_FIELDS, TOP_FIELDS,
};
use crate::error::{clip, Error, ErrorKind, Expected, Limit, Result};
use crate::json::{same, Value};
use crate::limits;
use crate::warning::Warning;

fn parse_sources(v: Option<&Value>) -> Result<(Vec<Source>, bool)> {
    let Some(v) = v else {
        let defaults = DEFAULT_SOURCES
            .iter()
            .map(|(key, label, _, level)| Source {
                key: (*key).to_string(),
                label: (*label).to_string(),
                level: Some(*level),
            })
            .collect();
        return Ok((defaults, true));
    };
    let Value::Array(items) = v else {
        return Err(wrong_type(v, Expected::Array, "sources"));
    };
    if items.len() > limits::MAX_SOURCES {
        return Err(Error::new(
            ErrorKind::TooLarge {
                limit: Limit::Sources,
            },
            "sources",
        ));
    }
    if items.is_empty() {
        return Err(Error::new(ErrorKind::Empty, "sources"));
    }
    let mut sources: Vec<Source> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = index("sources", i);
        let m = object(item, &path, SOURCE_FIELDS)?;
        let key = text(
            required(m, "key", &path)?,
            &join(&path, "key"),
            TextKind::Line,
        )?;
        if sources.iter().any(|s| s.key == key) {
            return Err(Error::new(
                ErrorKind::DuplicateSource { key: clip(&key) },
                join(&path, "key"),
            ));
        }
        let label = match get(m, "label") {
            Some(v) => text(v, &join(&path, "label"), TextKind::Line)?,
            None => key.clone(),
        };
        let level = match get(m, "level") {
            None => None,
            Some(Value::String(s)) => Some(match s.as_ref() {
                "national" => Level::National,
                "local" => Level::Local,
                "other" => Level::Other,
                _ => {
                    return Err(Error::new(
                        ErrorKind::InvalidValue {
                            value: clip(s),
                            allowed: "\"national\", \"local\", \"other\"",
                        },
                        join(&path, "level"),
                    ))
                }
            }),
            Some(other) => return Err(wrong_type(other, Expected::Text, &join(&path, "level"))),
        };
        sources.push(Source { key, label, level });
    }
    Ok((sources, false))
}

/// One record, with paths relative to it (`plan`, not `records[3].plan`). Runs for every
/// record: the members are matched to fields in one pass (an unknown name is reported as
/// [`object`] does, at the first one), then read in a fixed order.
fn parse_record<'v>(
    item: &'v Value<'_>,
    sources: &[Source],
    labels: &mut Labels,
    warnings: &mut Vec<Warning>,
) -> Result<Record> {
    let path = "";
    let Value::Object(members) = item else {
        return Err(wrong_type(item, Expected::Object, path));
    };
    // RECORD_FIELDS' order: source, region, year, category, plan, actual, counterpart, projects.
    let mut slots: [Option<&'v Value<'_>>; 8] = [None; 8];
    for (k, v) in members {
        let k: &str = k;
        let Some(i) = RECORD_FIELDS.iter().position(|name| same(k, name)) else {
            return Err(Error::new(
                ErrorKind::UnknownField {
                    suggestion: suggest(k, RECORD_FIELDS),
                },
                join(path, &clip(k)),
            ));
        };
        if let Some(slot) = slots.get_mut(i) {
            *slot = Some(v).filter(|v| !matches!(v, Value::Null));
        }
    }
    let [source_v, region_v, year_v, category_v, plan, actual, counterpart, projects_v] = slots;
    let source = match source_v {
        None => None,
        Some(Value::String(key)) => {
            let found = sources.iter().position(|s| same(&s.key, key));
            Some(found.ok_or_else(|| {
                Error::new(
                    ErrorKind::UnknownSource {
                        key: clip(key),
                        known: sources.iter().map(|s| clip(&s.key)).collect(),
                    },
                    join(path, "source"),
                )
            })?)
        }
        Some(other) => return Err(wrong_type(other, Expected::Text, &join(path, "source"))),
    };
    let region = region_v
        .map(|v| labels.get(v, &join(path, "region")))
        .transpose()?;
    let category = category_v
        .map(|v| labels.get(v, &join(path, "category")))
        .transpose()?;
    let year = year_v.map(|v| year(v, &join(path, "year"))).transpose()?;
    let measures = measures_of([plan, actual, counterpart, projects_v], path, warnings)?;
    if measures.is_empty() {
        return Err(Error::new(ErrorKind::NoMeasure, path));
    }
    Ok(Record {
        source,
        region,
        year,
        category,
        measures,
    })
}

/// Validates a parsed JSON value as schema version 1.
///
/// ```
/// use khuyencong_charts::{json, model::FundingData};
/// let v = json::parse(r#"{"title":"T","unit":"ty_dong","records":[{"source":"kcqg","actual":"1"}]}"#).unwrap();
/// let data = FundingData::from_value(&v).unwrap();
/// assert_eq!(data.sources.len(), 2); // the two default sources
/// ```
pub fn parse_data(v: &Value) -> Result<FundingData> {
    let top = object(v, "", TOP_FIELDS)?;
    if let Some(ver) = get(top, "version") {
        // A whole number too large to read is still just another version.
        let n = integer(ver, "version", "1").map_err(|e| match e.kind {
            ErrorKind::InvalidValue { value, .. } => {
                Error::new(ErrorKind::UnsupportedVersion { value }, "version")
            }
            _ => e,
        })?;
        if n != 1 {
            return Err(Error::new(
                ErrorKind::UnsupportedVersion {
                    value: n.to_string(),
                },
                "version",
            ));
        }
    }
    let title = text(required(top, "title", "")?, "title", TextKind::Line)?;
    let subtitle = opt_text(top, "subtitle", "", TextKind::Line)?;
    let source = opt_text(top, "source", "", TextKind::Line)?;
    let notes = opt_text(top, "notes", "", TextKind::Paragraph)?;
    let description = opt_text(top, "description", "", TextKind::Paragraph)?;
    let unit = match required(top, "unit", "")? {
        Value::String(s) => Unit::parse(s)
            .ok_or_else(|| Error::new(ErrorKind::UnknownUnit { value: clip(s) }, "unit"))?,
        other => return Err(wrong_type(other, Expected::Text, "unit")),
    };
    let (sources, default_sources) = parse_sources(get(top, "sources"))?;

    let records_v = required(top, "records", "")?;
    let Value::Array(items) = records_v else {
        return Err(wrong_type(records_v, Expected::Array, "records"));
    };
    if items.is_empty() {
        return Err(Error::new(ErrorKind::Empty, "records"));
    }
    if items.len() > limits::MAX_RECORDS {
        return Err(Error::new(
            ErrorKind::TooLarge {
                limit: Limit::Records,
            },
            "records",
        ));
    }
    let mut warnings = Vec::new();
    let mut records = Vec::with_capacity(items.len());
    let mut labels = Labels::new();
    for (i, item) in items.iter().enumerate() {
        let first_warning = warnings.len();
        let record =
            parse_record(item, &sources, &mut labels, &mut warnings).map_err(|mut e| {
                e.path = join(&index("records", i), &e.path).into_owned();
                e
            })?;
        if warnings.len() > first_warning {
            let path = index("records", i);
            for w in warnings.iter_mut().skip(first_warning) {
                w.path = join(&path, &w.path).into_owned();
            }
        }
        records.push(record);
    }
    let reported = match get(top, "reported") {
        None => None,
        Some(v) => {
            let m = object(v, "reported", REPORTED_FIELDS)?;
            Some(measures(m, "reported", &mut warnings)?)
        }
    };
    Ok(FundingData {
        title,
        subtitle,
        source,
        notes,
        description,
        unit,
        sources,
        default_sources,
        records,
        reported,
        warnings,
    })
}
