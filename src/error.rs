//! The crate's one error type.
//!
//! Every failure a user can cause is a [`Error`]: a machine-readable [`Error::code`], the JSON
//! path of the offending value ([`Error::path`], e.g. `records[3].plan`) and a sentence in
//! Vietnamese or English ([`Error::message`]). In the browser it becomes a JS `Error` whose
//! `name` is `"KhuyenCongError"` (see `src/web`).

use crate::format::{Locale, NumberFormat};
use crate::limits;

/// What went wrong, with the details needed to explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text is not valid JSON.
    InvalidJson {
        /// 1-based line of the problem.
        line: u32,
        /// 1-based column (in characters) of the problem.
        column: u32,
        /// What the parser found.
        reason: JsonReason,
    },
    /// Arrays or objects nested deeper than [`limits::MAX_DEPTH`].
    TooDeep,
    /// The same key appears twice in one JSON object.
    DuplicateKey {
        /// The repeated key.
        key: String,
    },
    /// A value of the wrong JSON type.
    WrongType {
        /// What the schema expects there.
        expected: Expected,
        /// What was found (`"string"`, `"number"`, ...).
        found: &'static str,
    },
    /// A required field is absent.
    MissingField,
    /// A record carries none of the measures `plan`, `actual`, `counterpart`, `projects`.
    NoMeasure,
    /// An option `analyze` or `mount` does not know (code `invalid_option`).
    UnknownOption {
        /// The closest known option, when one is close.
        suggestion: Option<&'static str>,
    },
    /// A field the schema does not know.
    UnknownField {
        /// The closest known field name, when one is close.
        suggestion: Option<&'static str>,
    },
    /// An amount that is not a canonical decimal.
    InvalidAmount {
        /// The text as given.
        text: String,
        /// The canonical form, when the intent is unambiguous (or the first reading of two).
        canonical: Option<String>,
        /// The other possible reading, when the text is ambiguous (`"1,500"`: 1.5 or 1500).
        other: Option<String>,
        /// Why it was refused.
        reason: AmountReason,
    },
    /// A negative amount or count.
    NegativeAmount {
        /// The text as given.
        text: String,
        /// Whether it is a count of projects rather than money.
        count: bool,
    },
    /// A record's `source` names no declared source.
    UnknownSource {
        /// The key used.
        key: String,
        /// The declared keys.
        known: Vec<String>,
    },
    /// `unit` is not one of the four units.
    UnknownUnit {
        /// The value given.
        value: String,
    },
    /// A value outside its allowed set or range.
    InvalidValue {
        /// The value given.
        value: String,
        /// What is allowed, as text (`"national" | "local"`, `1900–2100`).
        allowed: &'static str,
    },
    /// `version` is not 1.
    UnsupportedVersion {
        /// The value given.
        value: String,
    },
    /// Two sources share a key.
    DuplicateSource {
        /// The repeated key.
        key: String,
    },
    /// A required text or list is empty (or only white space).
    Empty,
    /// Text with control or bidirectional-override characters.
    InvalidText {
        /// The offending character.
        ch: char,
    },
    /// A size limit was exceeded.
    TooLarge {
        /// Which limit.
        limit: Limit,
    },
    /// An option of `analyze` or `mount` is wrong.
    InvalidOption {
        /// What is allowed.
        allowed: &'static str,
        /// What was given.
        value: String,
    },
    /// A sum or ratio is too large to compute exactly.
    Overflow,
    /// Something failed that bad input cannot cause (a canvas without a 2D context...).
    Internal {
        /// What failed, for the developer.
        detail: String,
    },
}

/// Why a JSON text failed to parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonReason {
    /// The text ended too early.
    UnexpectedEnd,
    /// A character that cannot stand here.
    UnexpectedChar(char),
    /// Something follows the top-level value.
    TrailingText,
    /// A malformed number.
    BadNumber,
    /// A malformed escape (`\x`, a lone surrogate).
    BadEscape,
    /// A raw control character inside a string.
    ControlInString,
    /// The input is empty or only white space.
    Empty,
}

/// Why an amount was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountReason {
    /// Not a number at all (letters, `NaN`, `Infinity`).
    NotANumber,
    /// Uses a comma, grouping dots, spaces or other non-canonical notation.
    Notation,
    /// More fraction digits than [`limits::MAX_FRACTION_DIGITS`].
    TooPrecise,
    /// Readable two ways (`"1,500"`: Vietnamese 1.5 or English 1500).
    Ambiguous,
}

/// The JSON type a field expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A JSON object.
    Object,
    /// A JSON array.
    Array,
    /// A JSON string.
    Text,
    /// A string or number amount.
    Amount,
    /// A whole number.
    Integer,
    /// A boolean.
    Boolean,
}

/// A size limit (see [`crate::limits`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Input text bytes.
    InputBytes,
    /// Number of records.
    Records,
    /// Characters in a text field.
    TextChars,
    /// Magnitude of an amount.
    Amount,
    /// Number of sources.
    Sources,
}

/// An error with its JSON path. See the module docs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// JSON path of the offending value: `""` for the whole input, `records[3].plan`,
    /// `options.locale`.
    pub path: String,
}

/// The crate's result type.
pub type Result<T, E = Error> = core::result::Result<T, E>;

impl Error {
    /// An error of `kind` at `path`.
    pub fn new(kind: ErrorKind, path: impl Into<String>) -> Self {
        Error {
            kind,
            path: path.into(),
        }
    }

    /// The stable machine-readable code, e.g. `"invalid_amount"`.
    ///
    /// ```
    /// let err = khuyencong_charts::analyze_json("{", &Default::default()).unwrap_err();
    /// assert_eq!(err.code(), "invalid_json");
    /// ```
    pub fn code(&self) -> &'static str {
        match &self.kind {
            ErrorKind::InvalidJson { .. } => "invalid_json",
            ErrorKind::TooDeep => "too_deep",
            ErrorKind::DuplicateKey { .. } => "duplicate_key",
            ErrorKind::WrongType { .. } => "wrong_type",
            ErrorKind::MissingField => "missing_field",
            ErrorKind::NoMeasure => "no_measure",
            ErrorKind::UnknownField { .. } => "unknown_field",
            ErrorKind::UnknownOption { .. } => "invalid_option",
            ErrorKind::InvalidAmount { .. } => "invalid_amount",
            ErrorKind::NegativeAmount { .. } => "negative_amount",
            ErrorKind::UnknownSource { .. } => "unknown_source",
            ErrorKind::UnknownUnit { .. } => "unknown_unit",
            ErrorKind::InvalidValue { .. } => "invalid_value",
            ErrorKind::UnsupportedVersion { .. } => "unsupported_version",
            ErrorKind::DuplicateSource { .. } => "duplicate_source",
            ErrorKind::Empty => "empty",
            ErrorKind::InvalidText { .. } => "invalid_text",
            ErrorKind::TooLarge { .. } => "too_large",
            ErrorKind::InvalidOption { .. } => "invalid_option",
            ErrorKind::Overflow => "overflow",
            ErrorKind::Internal { .. } => "internal",
        }
    }

    /// The JSON path of the offending value.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// A sentence for a reader, in `locale`, naming the field.
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
            match locale {
                Locale::Vi => "Dữ liệu".to_string(),
                Locale::En => "Data".to_string(),
            }
        } else {
            self.path.clone()
        };
        let body = match locale {
            Locale::Vi => self.sentence_vi(),
            Locale::En => self.sentence_en(),
        };
        format!("{field}: {body}")
    }

    fn sentence_vi(&self) -> String {
        match &self.kind {
            ErrorKind::InvalidJson {
                line,
                column,
                reason,
            } => {
                let what = match reason {
                    JsonReason::UnexpectedEnd => "văn bản kết thúc khi chưa đủ".to_string(),
                    JsonReason::UnexpectedChar(c) => format!("ký tự không hợp lệ {}", quote_char(*c)),
                    JsonReason::TrailingText => "có nội dung thừa sau giá trị JSON".to_string(),
                    JsonReason::BadNumber => "số viết sai cú pháp".to_string(),
                    JsonReason::BadEscape => "chuỗi thoát (\\) không hợp lệ".to_string(),
                    JsonReason::ControlInString => "ký tự điều khiển trong chuỗi".to_string(),
                    JsonReason::Empty => "không có nội dung".to_string(),
                };
                format!("không phải JSON hợp lệ ({what}, dòng {line}, cột {column}).")
            }
            ErrorKind::TooDeep => format!(
                "dữ liệu lồng nhau quá sâu (tối đa {} cấp).",
                limits::MAX_DEPTH
            ),
            ErrorKind::DuplicateKey { key } => {
                format!("khóa \"{key}\" xuất hiện hai lần trong cùng một đối tượng.")
            }
            ErrorKind::WrongType { expected, found } => format!(
                "cần {}, nhưng nhận được {}.",
                expected_vi(*expected),
                found_vi(found)
            ),
            ErrorKind::MissingField => "thiếu trường bắt buộc.".to_string(),
            ErrorKind::NoMeasure => {
                "bản ghi cần ít nhất một số liệu: plan, actual, counterpart hoặc projects."
                    .to_string()
            }
            ErrorKind::UnknownField { suggestion } => match suggestion {
                Some(s) => format!("trường không được hỗ trợ; có phải ý bạn là \"{s}\"?"),
                None => "trường không được hỗ trợ.".to_string(),
            },
            ErrorKind::UnknownOption { suggestion } => match suggestion {
                Some(s) => format!("tùy chọn không được hỗ trợ; có phải ý bạn là \"{s}\"?"),
                None => "tùy chọn không được hỗ trợ.".to_string(),
            },
            ErrorKind::InvalidAmount {
                text,
                canonical,
                other,
                reason,
            } => {
                let why = match reason {
                    AmountReason::Ambiguous => "có thể hiểu theo hai cách".to_string(),
                    AmountReason::NotANumber => "không phải là số".to_string(),
                    AmountReason::Notation => "không viết theo dạng chuẩn (dấu chấm thập phân, không phân cách hàng nghìn)".to_string(),
                    AmountReason::TooPrecise => format!(
                        "có quá nhiều chữ số thập phân (tối đa {})",
                        limits::MAX_FRACTION_DIGITS
                    ),
                };
                match (canonical, other) {
                    (Some(c), Some(o)) => format!(
                        "số tiền \"{text}\" {why}; hãy viết \"{c}\" hoặc \"{o}\" (dạng chuẩn: dấu chấm thập phân, không phân cách hàng nghìn)."
                    ),
                    (Some(c), None) => format!("số tiền \"{text}\" {why}; hãy viết \"{c}\"."),
                    _ => format!("số tiền \"{text}\" {why}."),
                }
            }
            ErrorKind::NegativeAmount { text, count: false } => {
                format!("số tiền \"{text}\" là số âm; số liệu kinh phí phải lớn hơn hoặc bằng 0.")
            }
            ErrorKind::NegativeAmount { text, count: true } => {
                format!("số đề án \"{text}\" là số âm; phải lớn hơn hoặc bằng 0.")
            }
            ErrorKind::UnknownSource { key, known } => format!(
                "nguồn kinh phí \"{key}\" chưa được khai báo trong sources (đã khai báo: {}).",
                join_quoted(known)
            ),
            ErrorKind::UnknownUnit { value } => format!(
                "đơn vị \"{value}\" không hợp lệ; dùng \"dong\", \"nghin_dong\", \"trieu_dong\" hoặc \"ty_dong\"."
            ),
            ErrorKind::InvalidValue { value, allowed } => {
                format!("giá trị \"{value}\" không hợp lệ; cho phép: {allowed}.")
            }
            ErrorKind::UnsupportedVersion { value } => format!(
                "phiên bản lược đồ \"{value}\" không được hỗ trợ; phiên bản hiện tại là 1."
            ),
            ErrorKind::DuplicateSource { key } => {
                format!("khóa nguồn \"{key}\" đã được khai báo trước đó.")
            }
            ErrorKind::Empty => "không được để trống.".to_string(),
            ErrorKind::InvalidText { ch } if crate::model::is_combining(*ch) => format!(
                "văn bản bắt đầu bằng một dấu phụ ({}) không đi kèm chữ cái nào.",
                codepoint(*ch)
            ),
            ErrorKind::InvalidText { ch } => format!(
                "văn bản chứa ký tự điều khiển hoặc ký tự đảo chiều không được phép ({}).",
                codepoint(*ch)
            ),
            ErrorKind::TooLarge { limit } => match limit {
                Limit::InputBytes => format!(
                    "dữ liệu quá lớn (tối đa {} MB).",
                    limits::MAX_INPUT_BYTES / (1024 * 1024)
                ),
                Limit::Records => format!(
                    "quá nhiều bản ghi (tối đa {}).",
                    NumberFormat::new(Locale::Vi).integer(limits::MAX_RECORDS as u64)
                ),
                Limit::TextChars => format!(
                    "văn bản quá dài (tối đa {} ký tự).",
                    limits::MAX_TEXT_CHARS
                ),
                Limit::Amount => "số tiền vượt quá giới hạn 10^15 đơn vị.".to_string(),
                Limit::Sources => format!(
                    "quá nhiều nguồn kinh phí (tối đa {}).",
                    limits::MAX_SOURCES
                ),
            },
            ErrorKind::InvalidOption { allowed, value } => {
                format!("tùy chọn có giá trị \"{value}\" không hợp lệ; cho phép: {allowed}.")
            }
            ErrorKind::Overflow => {
                "tổng hoặc tỷ lệ quá lớn để tính chính xác.".to_string()
            }
            ErrorKind::Internal { detail } => {
                format!("lỗi nội bộ khi vẽ biểu đồ ({detail}); các biểu đồ khác không bị ảnh hưởng.")
            }
        }
    }

    fn sentence_en(&self) -> String {
        match &self.kind {
            ErrorKind::InvalidJson {
                line,
                column,
                reason,
            } => {
                let what = match reason {
                    JsonReason::UnexpectedEnd => "the text ends too early".to_string(),
                    JsonReason::UnexpectedChar(c) => format!("unexpected character {}", quote_char(*c)),
                    JsonReason::TrailingText => "text after the JSON value".to_string(),
                    JsonReason::BadNumber => "malformed number".to_string(),
                    JsonReason::BadEscape => "invalid escape (\\)".to_string(),
                    JsonReason::ControlInString => "control character in a string".to_string(),
                    JsonReason::Empty => "no content".to_string(),
                };
                format!("not valid JSON ({what}, line {line}, column {column}).")
            }
            ErrorKind::TooDeep => format!(
                "nested too deeply (at most {} levels).",
                limits::MAX_DEPTH
            ),
            ErrorKind::DuplicateKey { key } => {
                format!("the key \"{key}\" appears twice in the same object.")
            }
            ErrorKind::WrongType { expected, found } => {
                format!("expected {}, found {}.", expected_en(*expected), found)
            }
            ErrorKind::MissingField => "a required field is missing.".to_string(),
            ErrorKind::NoMeasure => {
                "a record needs at least one of plan, actual, counterpart or projects.".to_string()
            }
            ErrorKind::UnknownField { suggestion } => match suggestion {
                Some(s) => format!("unknown field; did you mean \"{s}\"?"),
                None => "unknown field.".to_string(),
            },
            ErrorKind::UnknownOption { suggestion } => match suggestion {
                Some(s) => format!("unknown option; did you mean \"{s}\"?"),
                None => "unknown option.".to_string(),
            },
            ErrorKind::InvalidAmount {
                text,
                canonical,
                other,
                reason,
            } => {
                let why = match reason {
                    AmountReason::Ambiguous => "can be read two ways".to_string(),
                    AmountReason::NotANumber => "is not a number".to_string(),
                    AmountReason::Notation => {
                        "is not in canonical form (dot as decimal mark, no grouping)".to_string()
                    }
                    AmountReason::TooPrecise => format!(
                        "has too many fraction digits (at most {})",
                        limits::MAX_FRACTION_DIGITS
                    ),
                };
                match (canonical, other) {
                    (Some(c), Some(o)) => format!(
                        "the amount \"{text}\" {why}; write \"{c}\" or \"{o}\" (canonical form: dot as decimal mark, no grouping)."
                    ),
                    (Some(c), None) => format!("the amount \"{text}\" {why}; write \"{c}\"."),
                    _ => format!("the amount \"{text}\" {why}."),
                }
            }
            ErrorKind::NegativeAmount { text, count: false } => {
                format!("the amount \"{text}\" is negative; funding figures must be 0 or more.")
            }
            ErrorKind::NegativeAmount { text, count: true } => {
                format!("the project count \"{text}\" is negative; it must be 0 or more.")
            }
            ErrorKind::UnknownSource { key, known } => format!(
                "the funding source \"{key}\" is not declared in sources (declared: {}).",
                join_quoted(known)
            ),
            ErrorKind::UnknownUnit { value } => format!(
                "the unit \"{value}\" is not valid; use \"dong\", \"nghin_dong\", \"trieu_dong\" or \"ty_dong\"."
            ),
            ErrorKind::InvalidValue { value, allowed } => {
                format!("the value \"{value}\" is not allowed; allowed: {allowed}.")
            }
            ErrorKind::UnsupportedVersion { value } => format!(
                "schema version \"{value}\" is not supported; the current version is 1."
            ),
            ErrorKind::DuplicateSource { key } => {
                format!("the source key \"{key}\" is declared twice.")
            }
            ErrorKind::Empty => "must not be empty.".to_string(),
            ErrorKind::InvalidText { ch } if crate::model::is_combining(*ch) => format!(
                "the text starts with a combining mark ({}) that belongs to no letter.",
                codepoint(*ch)
            ),
            ErrorKind::InvalidText { ch } => format!(
                "the text contains a control or bidirectional-override character ({}).",
                codepoint(*ch)
            ),
            ErrorKind::TooLarge { limit } => match limit {
                Limit::InputBytes => format!(
                    "the data is too large (at most {} MB).",
                    limits::MAX_INPUT_BYTES / (1024 * 1024)
                ),
                Limit::Records => format!(
                    "too many records (at most {}).",
                    NumberFormat::new(Locale::En).integer(limits::MAX_RECORDS as u64)
                ),
                Limit::TextChars => format!(
                    "the text is too long (at most {} characters).",
                    limits::MAX_TEXT_CHARS
                ),
                Limit::Amount => "the amount exceeds the limit of 10^15 units.".to_string(),
                Limit::Sources => {
                    format!("too many funding sources (at most {}).", limits::MAX_SOURCES)
                }
            },
            ErrorKind::InvalidOption { allowed, value } => {
                format!("the option value \"{value}\" is not valid; allowed: {allowed}.")
            }
            ErrorKind::Overflow => "a sum or ratio is too large to compute exactly.".to_string(),
            ErrorKind::Internal { detail } => {
                format!("internal error while drawing ({detail}); other charts are not affected.")
            }
        }
    }
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for Error {}

fn expected_vi(e: Expected) -> &'static str {
    match e {
        Expected::Object => "một đối tượng JSON {…}",
        Expected::Array => "một mảng JSON […]",
        Expected::Text => "một chuỗi văn bản",
        Expected::Amount => "một số tiền (chuỗi như \"1234.5\" hoặc số)",
        Expected::Integer => "một số nguyên",
        Expected::Boolean => "true hoặc false",
    }
}

fn expected_en(e: Expected) -> &'static str {
    match e {
        Expected::Object => "a JSON object {…}",
        Expected::Array => "a JSON array […]",
        Expected::Text => "a text string",
        Expected::Amount => "an amount (a string such as \"1234.5\" or a number)",
        Expected::Integer => "a whole number",
        Expected::Boolean => "true or false",
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
