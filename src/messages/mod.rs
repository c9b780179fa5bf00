//! The text of errors and warnings: a sentence for each, in Vietnamese and English, written
//! here beside the number formats they use, while `error` and `warning` hold only the data.
//!
//! The error sentences are the "messages" feature: the reader's build of embed.js leaves them
//! out (a reader of a working chart never sees one) and says `path: code` instead; the shell
//! then asks the full build for the sentence. Warnings are worded in every build: the chart's
//! view carries them.

#[cfg(feature = "messages")]
mod errors;
mod warnings;

use crate::error::Error;
#[cfg(feature = "messages")]
use crate::locale::Locale;

impl core::fmt::Display for Error {
    /// The English sentence.
    #[cfg(feature = "messages")]
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }

    /// Without the sentences: the path and the code.
    #[cfg(not(feature = "messages"))]
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.path, self.code())
    }
}

/// The text for `locale` of a pair written `[vi, en]`.
#[cfg(feature = "messages")]
fn pick(locale: Locale, [vi, en]: [&str; 2]) -> &str {
    match locale {
        Locale::Vi => vi,
        Locale::En => en,
    }
}

/// `template` with each `{}` replaced by the next of `args` (in order; a missing one by "").
#[cfg(feature = "messages")]
fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut args = args.iter();
    let bytes = template.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i + 1 < bytes.len() {
        if bytes.get(i) == Some(&b'{') && bytes.get(i + 1) == Some(&b'}') {
            out.push_str(template.get(start..i).unwrap_or(""));
            out.push_str(args.next().copied().unwrap_or(""));
            i += 2;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(template.get(start..).unwrap_or(""));
    out
}

#[cfg(all(test, feature = "messages"))]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_slots_in_order() {
        assert_eq!(fill("a {} b {} c", &["1", "2"]), "a 1 b 2 c");
        assert_eq!(fill("{}{}", &["x", "y"]), "xy");
        assert_eq!(fill("{…} {}", &["z"]), "{…} z");
        assert_eq!(fill("no slot", &["unused"]), "no slot");
        assert_eq!(fill("{} and {}", &["only"]), "only and ");
    }
}
