//! Size limits on input, chosen so that every sum stays exact and no input can exhaust a page.

/// Largest accepted input text, in bytes (32 MiB).
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;
/// Deepest nesting of JSON arrays and objects.
pub const MAX_DEPTH: usize = 32;
/// Most records in one input.
pub const MAX_RECORDS: usize = 100_000;
/// Most declared sources.
pub const MAX_SOURCES: usize = 100;
/// Longest text field, in characters (Unicode scalar values).
pub const MAX_TEXT_CHARS: usize = 500;
/// Most fraction digits in an amount. With at most 10^15 per amount and 100 000 records,
/// sums stay below 10^20 and need at most 28 significant digits, which a `Decimal` always
/// holds exactly (sums are still checked). 8 digits of a tỷ đồng are 10 đồng.
pub const MAX_FRACTION_DIGITS: u32 = 8;
/// Largest amount, as a power of ten of the data's unit (10^15).
pub const MAX_AMOUNT_EXP: u32 = 15;
/// Largest `projects` count.
pub const MAX_PROJECTS: u64 = 1_000_000_000;
/// Accepted range of `year`.
pub const YEARS: core::ops::RangeInclusive<i64> = 1900..=2100;
/// Longest user text quoted back in an error message, in characters.
pub const MAX_QUOTED_CHARS: usize = 40;
