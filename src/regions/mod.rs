//! Vietnam's provinces: the 34 provincial-level units since 1 July 2025 and the 63 they were
//! made of, province names recognized however they are written, and figures of former
//! provinces added up under today's (the `regions` option).
//!
//! ## The table
//!
//! `src/regions/provinces.tsv`, embedded: one line per current unit with the former units it
//! was made of. Its source is Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc
//! sắp xếp đơn vị hành chính cấp tỉnh: 23 arrangements ("Nhập tỉnh Hà Giang và tỉnh Tuyên Quang
//! thành tỉnh mới có tên gọi là tỉnh Tuyên Quang, …") and 11 units not arranged; 6 centrally-run
//! cities and 28 provinces, whose authorities work from 1 July 2025. The resolution's own text
//! was not at hand when the table was written; it was checked against what publishes its
//! arrangements: the list of the 34 units and their names annexed to Nghị quyết số 60-NQ/TW
//! ngày 12/4/2025 (full text on baothanhhoa.vn), which the resolution follows; the arrangements
//! worded "(1) Nhập tỉnh Hà Giang và tỉnh Tuyên Quang thành tỉnh mới có tên gọi là tỉnh Tuyên
//! Quang … (9) Nhập tỉnh Quảng Bình và tỉnh Quảng Trị …" (nghean24h.vn, June 2025) and 1–10 on
//! bnews.vn; "Theo Nghị quyết số 202/2025/QH15, cả nước có 34 đơn vị hành chính cấp tỉnh, bao
//! gồm 6 thành phố và 28 tỉnh" (vietnamplus.vn); and the 29 names that no longer exist
//! (tienphong.vn), exactly the former units of the table that are not the first of their line.
//! Thừa Thiên Huế became the centrally-run city of Huế on 1 January 2025 (Nghị quyết số
//! 175/2024/QH15), before the arrangement, which left it as it was: the former unit keeps the
//! name that figures of 2021–2024 carry.
//!
//! ## Matching
//!
//! A region's text is folded ([`table::fold`]: lower case, Vietnamese letters without their
//! marks, so "Hoà" and "Hòa" meet; spaces, dots, hyphens and dashes separate words), the words
//! "tỉnh", "thành phố", "TP", "thủ đô" before it and "province", "city" after it are dropped,
//! and the rest, joined, is looked up among the table's names and its few other spellings
//! ("HCM", "Sài Gòn", "BR-VT", "Đắc Lắc", "Bắc Cạn"). A trailing "(cũ)" / "(mới)" says which
//! side of the merger a name means. Each distinct text of the data is matched once.

mod report;
mod resolve;
pub mod table;

pub use resolve::Resolver;
pub use table::{Current, Era, Name, Table};

use crate::locale::Locale;

/// How regions are grouped (the option `regions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Regions {
    /// Every region exactly as written (`"as-written"`).
    AsWritten,
    /// Province names recognized and shown by their name of the time, whatever the spelling
    /// (`"names"`, the default): "tỉnh Ha Giang" and "Hà Giang" are one region, "Hà Giang".
    #[default]
    Names,
    /// Former provinces added up under the current unit they became part of (`"2025"`).
    Merged2025,
}

impl Regions {
    /// The option's value.
    pub fn key(self) -> &'static str {
        match self {
            Regions::AsWritten => "as-written",
            Regions::Names => "names",
            Regions::Merged2025 => "2025",
        }
    }

    /// The option's allowed values, for an error's sentence.
    pub const ALLOWED: &'static str = "\"names\", \"2025\", \"as-written\"";

    /// Reads the option's value.
    pub fn parse(s: &str) -> Option<Regions> {
        [Regions::AsWritten, Regions::Names, Regions::Merged2025]
            .into_iter()
            .find(|r| r.key() == s)
    }
}

/// The first year whose records should no longer name a former province: the merger took
/// effect on 1 July 2025, so a figure of 2025 may be a former province's own (its plan was set,
/// and half the year spent, before), and one of 2026 cannot.
pub const FIRST_YEAR_AFTER: i64 = 2026;

/// One written text of the data that went into a region group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The text as the data writes it (trimmed, NFC).
    pub text: String,
    /// The province it names, by its name of the time ("Hà Giang", "Tuyên Quang (cũ)").
    pub name: String,
    /// How many records carry it.
    pub records: u64,
    /// The index of the first of them.
    pub first: usize,
}

/// A region group that is more than one written text, or a text written otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Combined {
    /// The group's key (as in `by_region`).
    pub key: String,
    /// What went into it, in order of first appearance.
    pub from: Vec<Written>,
}

/// What recognizing and regrouping the regions did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RegionInfo {
    /// The option used.
    pub mode: Regions,
    /// Former provinces the data names that are not a current unit ("Hà Giang"), by their
    /// name of the time, in order of first appearance: what regrouping (`"2025"`) adds up under
    /// another name.
    pub former: Vec<String>,
    /// Groups made of several written texts or renamed, in the order of `by_region`.
    pub combined: Vec<Combined>,
}

impl RegionInfo {
    /// Whether figures of former provinces were added up under current ones.
    pub fn merged(&self) -> bool {
        self.mode == Regions::Merged2025 && !self.former.is_empty()
    }

    /// The sentence a chart and its description add when figures were regrouped.
    ///
    /// ```
    /// use khuyencong_charts::{analyze_json, format::Locale, Options, regions::Regions};
    /// let data = r#"{"title":"T","unit":"ty_dong","records":[{"region":"Hà Giang","actual":"1"}]}"#;
    /// let o = Options { regions: Regions::Merged2025, ..Options::default() };
    /// let a = analyze_json(data, &o).unwrap();
    /// assert_eq!(a.regions.note(Locale::Vi), Some("Số liệu các tỉnh trước sáp nhập đã cộng theo tỉnh hiện nay."));
    /// assert_eq!(a.by_region[0].key, "Tuyên Quang");
    /// ```
    pub fn note(&self, locale: Locale) -> Option<&'static str> {
        self.merged().then_some(match locale {
            Locale::Vi => "Số liệu các tỉnh trước sáp nhập đã cộng theo tỉnh hiện nay.",
            Locale::En => {
                "Figures of provinces before the 2025 merger are added up under today's provinces."
            }
        })
    }
}
