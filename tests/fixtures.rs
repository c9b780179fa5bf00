//! Table-driven tests: every file in tests/cases/ is one case.
//!
//! A case is a JSON object:
//! - `about`: what it checks (shown on failure);
//! - `input` (a JSON value) or `inputText` (raw text, for malformed JSON and duplicate keys);
//! - `options` (optional): analyze's options;
//! - either `expect`: a partial analysis (objects match the keys given, arrays match length and
//!   each element, scalars are equal), or `error`: `{ code, path, messageContains?: [...] }`.
//!
//! Add a case by adding a file; the harness needs no change.

use std::fs;
use std::path::Path;

use khuyencong_charts::analyze_to_json;
use serde_json::Value;

fn partial_match(expected: &Value, actual: &Value, at: &str, problems: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let path = format!("{at}.{k}");
                match a.get(k) {
                    Some(av) => partial_match(ev, av, &path, problems),
                    None => problems.push(format!("{path}: missing in output")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                problems.push(format!(
                    "{at}: expected {} items, got {}: {actual}",
                    e.len(),
                    a.len()
                ));
                return;
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                partial_match(ev, av, &format!("{at}[{i}]"), problems);
            }
        }
        (e, a) if e == a => {}
        (e, a) => problems.push(format!("{at}: expected {e}, got {a}")),
    }
}

fn run_case(file: &Path) -> Result<(), String> {
    let text = fs::read_to_string(file).map_err(|e| e.to_string())?;
    let case: Value = serde_json::from_str(&text).map_err(|e| format!("case is not JSON: {e}"))?;
    let about = case["about"].as_str().unwrap_or("(no about)");
    let input = match (&case.get("input"), case.get("inputText")) {
        (Some(v), None) => serde_json::to_string(v).map_err(|e| e.to_string())?,
        (None, Some(Value::String(s))) => s.clone(),
        _ => return Err("a case needs exactly one of input / inputText".into()),
    };
    let options = case.get("options").map_or(String::new(), Value::to_string);
    let result = analyze_to_json(&input, &options);
    let mut problems = Vec::new();
    match (case.get("expect"), case.get("error"), result) {
        (Some(expect), None, Ok(out)) => {
            let out: Value =
                serde_json::from_str(&out).map_err(|e| format!("output is not JSON: {e}"))?;
            partial_match(expect, &out, "analysis", &mut problems);
        }
        (None, Some(want), Err((err, locale))) => {
            if want["code"] != err.code() {
                problems.push(format!(
                    "code: expected {}, got {:?}",
                    want["code"],
                    err.code()
                ));
            }
            if want["path"] != err.path() {
                problems.push(format!(
                    "path: expected {}, got {:?}",
                    want["path"],
                    err.path()
                ));
            }
            let message = err.message(locale);
            for needle in want["messageContains"].as_array().into_iter().flatten() {
                let needle = needle.as_str().unwrap_or_default();
                if !message.contains(needle) {
                    problems.push(format!("message {message:?} lacks {needle:?}"));
                }
            }
        }
        (Some(_), None, Err((err, locale))) => problems.push(format!(
            "expected success, got {}: {}",
            err.code(),
            err.message(locale)
        )),
        (None, Some(want), Ok(_)) => problems.push(format!("expected error {want}, got success")),
        _ => return Err("a case needs exactly one of expect / error".into()),
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{about}\n  input: {}\n  - {}",
            clip(&input),
            problems.join("\n  - ")
        ))
    }
}

fn clip(s: &str) -> String {
    let t: String = s.chars().take(300).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

#[test]
fn every_case_in_tests_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("tests/cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 20,
        "expected at least 20 cases, found {}",
        files.len()
    );
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| {
            run_case(f).err().map(|e| {
                format!(
                    "{}: {e}",
                    f.file_name().unwrap_or_default().to_string_lossy()
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

/// The www/data files are real published figures; each must analyze, and the seed figures
/// must come out exactly as the press printed them.
#[test]
fn seed_figures_as_printed() {
    let text = include_str!("../www/data/phia-bac-2022.json");
    let out: Value = serde_json::from_str(
        &analyze_to_json(text, "")
            .map_err(|(e, _)| e.to_string())
            .unwrap(),
    )
    .unwrap();
    let t = &out["total"]["text"];
    assert_eq!(
        (t["actual"].as_str(), t["attainment"].as_str()),
        (Some("170,4 tỷ đồng"), Some("95,2%"))
    );
    let s = &out["bySource"];
    for (i, (label, actual, attainment, share)) in [
        ("Khuyến công quốc gia", "79,5 tỷ đồng", "98,3%", "46,7%"),
        ("Khuyến công địa phương", "90,9 tỷ đồng", "92,6%", "53,3%"),
    ]
    .into_iter()
    .enumerate()
    {
        assert_eq!(s[i]["label"], label);
        assert_eq!(s[i]["text"]["actual"], actual, "{label}");
        assert_eq!(s[i]["text"]["attainment"], attainment, "{label}");
        assert_eq!(s[i]["text"]["share"], share, "{label}");
    }
    assert_eq!(out["warnings"].as_array().map(Vec::len), Some(1));
    assert_eq!(out["warnings"][0]["code"], "total_mismatch");
    assert_eq!(
        out["warnings"][0]["message"],
        "Tổng kế hoạch theo nguồn là 179,1 tỷ đồng, khác số công bố 179 tỷ đồng."
    );
}

#[test]
fn every_www_data_file_analyzes_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/data");
    let mut n = 0;
    for entry in fs::read_dir(dir).expect("www/data exists") {
        let path = entry.expect("entry").path();
        let text = fs::read_to_string(&path).expect("readable");
        for options in ["", r#"{"locale":"en"}"#] {
            if let Err((e, l)) = analyze_to_json(&text, options) {
                panic!("{}: {}", path.display(), e.message(l));
            }
        }
        n += 1;
    }
    assert!(
        n >= 4,
        "expected the published data sets in www/data, found {n}"
    );
}
