//! The crate's one error type.
//!
//! Every failure a user can cause is a [`Error`]: what went wrong and the details needed to
//! explain it ([`ErrorKind`]), a machine-readable [`Error::code`] and the JSON path of the
//! offending value ([`Error::path`], e.g. `records[3].plan`). This is data only: its sentence in
//! Vietnamese or English, `Error::message`, and its `Display` are written with the rest of the
//! text, in `messages`. In the browser it becomes a JS `Error` whose `name` is
//! `"KhuyenCongError"` (see `src/web`).

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
}

impl std::error::Error for Error {}

/// User text quoted back in an error or warning, shortened to [`limits::MAX_QUOTED_CHARS`]
/// characters: an error must not carry a whole input back.
pub fn clip(text: &str) -> String {
    match text.char_indices().nth(limits::MAX_QUOTED_CHARS) {
        Some((i, _)) => format!("{}…", text.get(..i).unwrap_or("")),
        None => text.to_string(),
    }
}
