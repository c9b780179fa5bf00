//! The sentence of each error, in Vietnamese and English. Each is written once with its two
//! translations side by side ([`fill`] of a `[vi, en]` pair): one table of templates instead of
//! two copies of the same match, and far less code than a `format!` per sentence and language.

use super::{fill, pick};
use crate::error::{AmountReason, Error, ErrorKind, Expected, JsonReason, Limit};
use crate::format::NumberFormat;
use crate::limits;
use crate::locale::Locale;
use crate::unicode::is_combining;

impl Error {
    /// A sentence for a reader, in `locale`, naming the field (the "messages" feature: the
    /// reader's build of embed.js leaves the sentences out, and the shell asks the full build
    /// for them when an error happens; see `src/web/interop.rs`).
    ///
    /// ```
    /// use khuyencong_charts::{analyze_json, Locale};
    /// let err = analyze_json(r#"{"title":"T","unit":"ty_dong","records":[{"plan":"1,5"}]}"#,
    ///                        &Default::default()).unwrap_err();
    /// assert_eq!(err.path(), "records[0].plan");
    /// assert!(err.message(Locale::Vi).contains("\"1.5\""));
    /// assert!(err.message(Locale::En).starts_with("records[0].plan: "));
    /// ```
    pub fn message(&self, locale: Locale) -> String {
        let field = if self.path.is_empty() {
            pick(locale, ["Dữ liệu", "Data"])
        } else {
            &self.path
        };
        format!("{field}: {}", self.sentence(locale))
    }

    /// The sentence after the path.
    fn sentence(&self, locale: Locale) -> String {
        let t = |both: [&str; 2], args: &[&str]| fill(pick(locale, both), args);
        match &self.kind {
            ErrorKind::InvalidJson {
                line,
                column,
                reason,
            } => {
                let what = match reason {
                    JsonReason::UnexpectedEnd => {
                        t(["văn bản kết thúc khi chưa đủ", "the text ends too early"], &[])
                    }
                    JsonReason::UnexpectedChar(c) => t(
                        ["ký tự không hợp lệ {}", "unexpected character {}"],
                        &[&quote_char(*c)],
                    ),
                    JsonReason::TrailingText => t(
                        ["có nội dung thừa sau giá trị JSON", "text after the JSON value"],
                        &[],
                    ),
                    JsonReason::BadNumber => t(["số viết sai cú pháp", "malformed number"], &[]),
                    JsonReason::BadEscape => {
                        t(["chuỗi thoát (\\) không hợp lệ", "invalid escape (\\)"], &[])
                    }
                    JsonReason::ControlInString => t(
                        ["ký tự điều khiển trong chuỗi", "control character in a string"],
                        &[],
                    ),
                    JsonReason::Empty => t(["không có nội dung", "no content"], &[]),
                };
                t(
                    [
                        "không phải JSON hợp lệ ({}, dòng {}, cột {}).",
                        "not valid JSON ({}, line {}, column {}).",
                    ],
                    &[&what, &line.to_string(), &column.to_string()],
                )
            }
            ErrorKind::TooDeep => t(
                [
                    "dữ liệu lồng nhau quá sâu (tối đa {} cấp).",
                    "nested too deeply (at most {} levels).",
                ],
                &[&limits::MAX_DEPTH.to_string()],
            ),
            ErrorKind::DuplicateKey { key } => t(
                [
                    "khóa \"{}\" xuất hiện hai lần trong cùng một đối tượng.",
                    "the key \"{}\" appears twice in the same object.",
                ],
                &[key],
            ),
            ErrorKind::WrongType { expected, found } => t(
                ["cần {}, nhưng nhận được {}.", "expected {}, found {}."],
                &[
                    pick(locale, expected_text(*expected)),
                    match locale {
                        Locale::Vi => found_vi(found),
                        Locale::En => found,
                    },
                ],
            ),
            ErrorKind::MissingField => {
                t(["thiếu trường bắt buộc.", "a required field is missing."], &[])
            }
            ErrorKind::NoMeasure => t(
                [
                    "bản ghi cần ít nhất một số liệu: plan, actual, counterpart hoặc projects.",
                    "a record needs at least one of plan, actual, counterpart or projects.",
                ],
                &[],
            ),
            ErrorKind::UnknownField { suggestion } => match suggestion {
                Some(s) => t(
                    [
                        "trường không được hỗ trợ; có phải ý bạn là \"{}\"?",
                        "unknown field; did you mean \"{}\"?",
                    ],
                    &[s],
                ),
                None => t(["trường không được hỗ trợ.", "unknown field."], &[]),
            },
            ErrorKind::UnknownOption { suggestion } => match suggestion {
                Some(s) => t(
                    [
                        "tùy chọn không được hỗ trợ; có phải ý bạn là \"{}\"?",
                        "unknown option; did you mean \"{}\"?",
                    ],
                    &[s],
                ),
                None => t(["tùy chọn không được hỗ trợ.", "unknown option."], &[]),
            },
            ErrorKind::InvalidAmount {
                text,
                canonical,
                other,
                reason,
            } => {
                let why = match reason {
                    AmountReason::Ambiguous => {
                        t(["có thể hiểu theo hai cách", "can be read two ways"], &[])
                    }
                    AmountReason::NotANumber => t(["không phải là số", "is not a number"], &[]),
                    AmountReason::Notation => t(
                        [
                            "không viết theo dạng chuẩn (dấu chấm thập phân, không phân cách hàng nghìn)",
                            "is not in canonical form (dot as decimal mark, no grouping)",
                        ],
                        &[],
                    ),
                    AmountReason::TooPrecise => t(
                        [
                            "có quá nhiều chữ số thập phân (tối đa {})",
                            "has too many fraction digits (at most {})",
                        ],
                        &[&limits::MAX_FRACTION_DIGITS.to_string()],
                    ),
                };
                match (canonical, other) {
                    (Some(c), Some(o)) => t(
                        [
                            "số tiền \"{}\" {}; hãy viết \"{}\" hoặc \"{}\" (dạng chuẩn: dấu chấm thập phân, không phân cách hàng nghìn).",
                            "the amount \"{}\" {}; write \"{}\" or \"{}\" (canonical form: dot as decimal mark, no grouping).",
                        ],
                        &[text, &why, c, o],
                    ),
                    (Some(c), None) => t(
                        [
                            "số tiền \"{}\" {}; hãy viết \"{}\".",
                            "the amount \"{}\" {}; write \"{}\".",
                        ],
                        &[text, &why, c],
                    ),
                    _ => t(["số tiền \"{}\" {}.", "the amount \"{}\" {}."], &[text, &why]),
                }
            }
            ErrorKind::NegativeAmount { text, count: false } => t(
                [
                    "số tiền \"{}\" là số âm; số liệu kinh phí phải lớn hơn hoặc bằng 0.",
                    "the amount \"{}\" is negative; funding figures must be 0 or more.",
                ],
                &[text],
            ),
            ErrorKind::NegativeAmount { text, count: true } => t(
                [
                    "số đề án \"{}\" là số âm; phải lớn hơn hoặc bằng 0.",
                    "the project count \"{}\" is negative; it must be 0 or more.",
                ],
                &[text],
            ),
            ErrorKind::UnknownSource { key, known } => t(
                [
                    "nguồn kinh phí \"{}\" chưa được khai báo trong sources (đã khai báo: {}).",
                    "the funding source \"{}\" is not declared in sources (declared: {}).",
                ],
                &[key, &join_quoted(known)],
            ),
            ErrorKind::UnknownUnit { value } => t(
                [
                    "đơn vị \"{}\" không hợp lệ; dùng \"dong\", \"nghin_dong\", \"trieu_dong\" hoặc \"ty_dong\".",
                    "the unit \"{}\" is not valid; use \"dong\", \"nghin_dong\", \"trieu_dong\" or \"ty_dong\".",
                ],
                &[value],
            ),
            ErrorKind::InvalidValue { value, allowed } => t(
                [
                    "giá trị \"{}\" không hợp lệ; cho phép: {}.",
                    "the value \"{}\" is not allowed; allowed: {}.",
                ],
                &[value, allowed],
            ),
            ErrorKind::UnsupportedVersion { value } => t(
                [
                    "phiên bản lược đồ \"{}\" không được hỗ trợ; phiên bản hiện tại là 1.",
                    "schema version \"{}\" is not supported; the current version is 1.",
                ],
                &[value],
            ),
            ErrorKind::DuplicateSource { key } => t(
                [
                    "khóa nguồn \"{}\" đã được khai báo trước đó.",
                    "the source key \"{}\" is declared twice.",
                ],
                &[key],
            ),
            ErrorKind::Empty => t(["không được để trống.", "must not be empty."], &[]),
            ErrorKind::InvalidText { ch } if is_combining(*ch) => t(
                [
                    "văn bản bắt đầu bằng một dấu phụ ({}) không đi kèm chữ cái nào.",
                    "the text starts with a combining mark ({}) that belongs to no letter.",
                ],
                &[&codepoint(*ch)],
            ),
            ErrorKind::InvalidText { ch } => t(
                [
                    "văn bản chứa ký tự điều khiển hoặc ký tự đảo chiều không được phép ({}).",
                    "the text contains a control or bidirectional-override character ({}).",
                ],
                &[&codepoint(*ch)],
            ),
            ErrorKind::TooLarge { limit } => match limit {
                Limit::InputBytes => t(
                    [
                        "dữ liệu quá lớn (tối đa {} MB).",
                        "the data is too large (at most {} MB).",
                    ],
                    &[&(limits::MAX_INPUT_BYTES / (1024 * 1024)).to_string()],
                ),
                Limit::Records => t(
                    [
                        "quá nhiều bản ghi (tối đa {}).",
                        "too many records (at most {}).",
                    ],
                    &[&NumberFormat::new(locale).integer(limits::MAX_RECORDS as u64)],
                ),
                Limit::TextChars => t(
                    [
                        "văn bản quá dài (tối đa {} ký tự).",
                        "the text is too long (at most {} characters).",
                    ],
                    &[&limits::MAX_TEXT_CHARS.to_string()],
                ),
                Limit::Amount => t(
                    [
                        "số tiền vượt quá giới hạn 10^15 đơn vị.",
                        "the amount exceeds the limit of 10^15 units.",
                    ],
                    &[],
                ),
                Limit::Sources => t(
                    [
                        "quá nhiều nguồn kinh phí (tối đa {}).",
                        "too many funding sources (at most {}).",
                    ],
                    &[&limits::MAX_SOURCES.to_string()],
                ),
            },
            ErrorKind::InvalidOption { allowed, value } => t(
                [
                    "tùy chọn có giá trị \"{}\" không hợp lệ; cho phép: {}.",
                    "the option value \"{}\" is not valid; allowed: {}.",
                ],
                &[value, allowed],
            ),
            ErrorKind::Overflow => t(
                [
                    "tổng hoặc tỷ lệ quá lớn để tính chính xác.",
                    "a sum or ratio is too large to compute exactly.",
                ],
                &[],
            ),
            ErrorKind::Internal { detail } => t(
                [
                    "lỗi nội bộ khi vẽ biểu đồ ({}); các biểu đồ khác không bị ảnh hưởng.",
                    "internal error while drawing ({}); other charts are not affected.",
                ],
                &[detail],
            ),
        }
    }
}
fn expected_text(e: Expected) -> [&'static str; 2] {
    match e {
        Expected::Object => ["một đối tượng JSON {…}", "a JSON object {…}"],
        Expected::Array => ["một mảng JSON […]", "a JSON array […]"],
        Expected::Text => ["một chuỗi văn bản", "a text string"],
        Expected::Amount => [
            "một số tiền (chuỗi như \"1234.5\" hoặc số)",
            "an amount (a string such as \"1234.5\" or a number)",
        ],
        Expected::Integer => ["một số nguyên", "a whole number"],
        Expected::Boolean => ["true hoặc false", "true or false"],
    }
}

fn found_vi(found: &str) -> &'static str {
    match found {
        "null" => "null",
        "boolean" => "giá trị đúng/sai",
        "number" => "một số",
        "string" => "một chuỗi",
        "array" => "một mảng",
        "object" => "một đối tượng",
        _ => "một giá trị khác",
    }
}

fn quote_char(c: char) -> String {
    // Invisible characters (a byte-order mark, zero-width and bidirectional controls) are named
    // by their code point like control characters: quoted, they would show as ''.
    let invisible = matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}');
    if c.is_control() || c.is_whitespace() || invisible {
        codepoint(c)
    } else {
        format!("'{c}'")
    }
}

fn codepoint(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

fn join_quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of error, each variant of its details.
    fn every_kind() -> Vec<ErrorKind> {
        let s = |x: &str| x.to_string();
        let mut kinds = vec![
            ErrorKind::TooDeep,
            ErrorKind::DuplicateKey { key: s("k\"ey") },
            ErrorKind::MissingField,
            ErrorKind::NoMeasure,
            ErrorKind::UnknownOption {
                suggestion: Some("kind"),
            },
            ErrorKind::UnknownOption { suggestion: None },
            ErrorKind::UnknownField {
                suggestion: Some("plan"),
            },
            ErrorKind::UnknownField { suggestion: None },
            ErrorKind::NegativeAmount {
                text: s("-5"),
                count: false,
            },
            ErrorKind::NegativeAmount {
                text: s("-5"),
                count: true,
            },
            ErrorKind::UnknownSource {
                key: s("x"),
                known: vec![s("a"), s("b")],
            },
            ErrorKind::UnknownUnit { value: s("usd") },
            ErrorKind::InvalidValue {
                value: s("v"),
                allowed: "1–2",
            },
            ErrorKind::UnsupportedVersion { value: s("2") },
            ErrorKind::DuplicateSource { key: s("kcqg") },
            ErrorKind::Empty,
            ErrorKind::InvalidText { ch: '\u{301}' },
            ErrorKind::InvalidText { ch: '\u{202E}' },
            ErrorKind::InvalidOption {
                allowed: "0–6",
                value: s("9"),
            },
            ErrorKind::Overflow,
            ErrorKind::Internal { detail: s("boom") },
        ];
        for reason in [
            JsonReason::UnexpectedEnd,
            JsonReason::UnexpectedChar('x'),
            JsonReason::UnexpectedChar('\u{FEFF}'),
            JsonReason::TrailingText,
            JsonReason::BadNumber,
            JsonReason::BadEscape,
            JsonReason::ControlInString,
            JsonReason::Empty,
        ] {
            kinds.push(ErrorKind::InvalidJson {
                line: 3,
                column: 14,
                reason,
            });
        }
        for expected in [
            Expected::Object,
            Expected::Array,
            Expected::Text,
            Expected::Amount,
            Expected::Integer,
            Expected::Boolean,
        ] {
            for found in ["null", "boolean", "number", "string", "array", "object"] {
                kinds.push(ErrorKind::WrongType { expected, found });
            }
        }
        for reason in [
            AmountReason::NotANumber,
            AmountReason::Notation,
            AmountReason::TooPrecise,
            AmountReason::Ambiguous,
        ] {
            for (canonical, other) in [
                (Some(s("1.5")), Some(s("1500"))),
                (Some(s("1.5")), None),
                (None, None),
            ] {
                kinds.push(ErrorKind::InvalidAmount {
                    text: s("1,500"),
                    canonical,
                    other,
                    reason,
                });
            }
        }
        for limit in [
            Limit::InputBytes,
            Limit::Records,
            Limit::TextChars,
            Limit::Amount,
            Limit::Sources,
        ] {
            kinds.push(ErrorKind::TooLarge { limit });
        }
        kinds
    }

    /// Every sentence in both languages: the path first, every template slot filled (no `{}`
    /// left, the value quoted back), one sentence ending in a full stop or question mark, and
    /// the two languages different.
    #[test]
    fn every_message_is_a_filled_sentence_in_both_languages() {
        for kind in every_kind() {
            let e = Error::new(kind.clone(), "records[3].plan");
            let vi = e.message(Locale::Vi);
            let en = e.message(Locale::En);
            for m in [&vi, &en] {
                assert!(m.starts_with("records[3].plan: "), "{m}");
                assert!(!m.contains("{}"), "{m}");
                assert!(m.ends_with('.') || m.ends_with('?'), "{m}");
                let quoted = match &kind {
                    ErrorKind::DuplicateKey { key } | ErrorKind::UnknownSource { key, .. } => {
                        Some(key.as_str())
                    }
                    ErrorKind::InvalidAmount { text, .. } => Some(text.as_str()),
                    ErrorKind::InvalidValue { value, .. }
                    | ErrorKind::InvalidOption { value, .. } => Some(value.as_str()),
                    ErrorKind::Internal { detail } => Some(detail.as_str()),
                    _ => None,
                };
                if let Some(q) = quoted {
                    assert!(m.contains(q), "{m} should quote {q}");
                }
            }
            assert_ne!(vi, en);
            let root = Error::new(kind, "");
            assert!(root.message(Locale::Vi).starts_with("Dữ liệu: "));
            assert!(root.message(Locale::En).starts_with("Data: "));
        }
        let e = Error::new(
            ErrorKind::InvalidJson {
                line: 3,
                column: 14,
                reason: JsonReason::UnexpectedChar('x'),
            },
            "",
        );
        assert_eq!(
            e.message(Locale::Vi),
            "Dữ liệu: không phải JSON hợp lệ (ký tự không hợp lệ 'x', dòng 3, cột 14)."
        );
        assert_eq!(
            e.message(Locale::En),
            "Data: not valid JSON (unexpected character 'x', line 3, column 14)."
        );
    }
}
