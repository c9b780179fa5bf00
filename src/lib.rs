//! # khuyencong-charts
//!
//! Exact analysis of Vietnamese industrial-promotion (khuyến công) funding: how money was
//! planned and spent, national against local shares, attainment of plan, and the leverage of
//! counterpart capital; compiled to WebAssembly for news sites.
//!
//! Data flows one way: JSON text → [`json`] (strict reader) → [`model`] (validated input)
//! → [`compute`] (exact figures) → [`format`](mod@format) / [`messages`] / [`output`] (locale
//! text, JSON for JS) → [`chart`] (layout, then painting) → `web` (the wasm-bindgen shell,
//! wasm32 only).
//! The imports run the same way: each module uses only its own layer and those below it, down
//! to the vocabulary every layer shares ([`error`], [`warning`], [`locale`], [`limits`],
//! [`unicode`]) and `host`, the one module that asks the platform (the JavaScript engine in
//! the browser) for what Rust would otherwise bring into the wasm file. `tests/layers.rs` holds
//! the order and fails on an import that goes up.
//!
//! ```
//! use khuyencong_charts::{analyze_json, Options};
//! let data = r#"{
//!   "title": "Kinh phí khuyến công 28 tỉnh, thành phố phía Bắc năm 2022",
//!   "unit": "ty_dong",
//!   "records": [
//!     { "source": "kcqg", "plan": "80.9", "actual": "79.5" },
//!     { "source": "kcdp", "plan": "98.2", "actual": "90.9" }
//!   ],
//!   "reported": { "plan": "179", "actual": "170.4" }
//! }"#;
//! let a = analyze_json(data, &Options::default()).unwrap();
//! assert_eq!(a.total.attainment.unwrap().to_string(), "95.2");
//! assert_eq!(a.warnings[0].code(), "total_mismatch");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::todo,
        clippy::unimplemented
    )
)]

pub mod chart;
pub mod compute;
pub mod error;
pub mod exact;
pub mod format;
mod host;
pub mod json;
pub mod limits;
pub mod locale;
pub mod messages;
pub mod model;
pub mod options;
pub mod output;
pub mod regions;
pub mod unicode;
pub mod warning;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use compute::{analyze, Analysis, Figure, Group};
pub use error::{Error, ErrorKind, Result};
pub use locale::Locale;
pub use model::{FundingData, Unit};
pub use options::Options;
pub use warning::Warning;

/// Parses, validates and analyzes JSON text in one step.
pub fn analyze_json(text: &str, options: &Options) -> Result<Analysis> {
    let value = json::parse(text)?;
    let data = model::parse_data(&value)?;
    analyze(&data, options)
}

/// The whole JSON-to-JSON path used by the browser: options as JSON text (or empty for the
/// defaults), the analysis as JSON text. Errors come with the locale the options asked for
/// (Vietnamese when the options themselves are unreadable).
pub fn analyze_to_json(data: &str, options: &str) -> core::result::Result<String, (Error, Locale)> {
    let options = if options.trim().is_empty() {
        Options::default()
    } else {
        let value = json::parse(options).map_err(|mut e| {
            e.path = model::join("options", &e.path).into_owned();
            (e, Locale::Vi)
        })?;
        Options::from_value(&value).map_err(|e| {
            let locale = options::locale_hint(&value).unwrap_or_default();
            (e, locale)
        })?
    };
    analyze_json(data, &options)
        .map(|a| output::to_json(&a))
        .map_err(|e| (e, options.locale))
}
