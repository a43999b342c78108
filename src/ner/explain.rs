//! Provenance of entities: the rule that produced each candidate, and the
//! candidates that lost when overlaps were settled. The record shows both
//! with `--explain` ([`crate::record::Explain`]).

use std::ops::Range;

/// The rule that produced a candidate entity.
///
/// # Example
///
/// ```
/// use vnpipe::ner::explain::Rule;
///
/// assert_eq!(Rule::UnitWord.name(), "loc.unit-word");
/// assert!(Rule::UnitWord.describe().contains("unit word"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// A unit word and the name after it: "huyện Lập Thạch".
    UnitWord,
    /// A bare name continuing a unit word's mention: "Hướng Hóa" in "huyện Cam Lộ, Hướng Hóa".
    UnitContinuation,
    /// An item of a list after a plural unit word: "Tả Phìn" in "các xã Tả Phìn, Bản Hồ".
    UnitList,
    /// A road, street or natural place after its head word: "đường Lê Lợi", "sông Hồng", "QL3".
    HeadedPlace,
    /// A unit named by a whole site's name: "Hoành Mô" in "cửa khẩu Hoành Mô".
    SiteUnit,
    /// A curated place from the gazetteer ("Tây Nguyên", "Việt Nam").
    CuratedPlace,
    /// A venue named by its level or place: "Trung tâm Hội nghị tỉnh Sơn La".
    Venue,
    /// A province or city named bare: "Vĩnh Phúc".
    BareProvince,
    /// A unit named bare where the article's provinces and the words before
    /// it say it is one: "Huyện ủy Bảo Lạc".
    BareUnit,
    /// A complete name of a body from the organisation lexicon: "Quốc hội".
    OrgBody,
    /// A level body or head from the lexicon with its name, parent body and
    /// level or place: "UBND tỉnh", "Sở Công Thương tỉnh Vĩnh Phúc".
    OrgHead,
    /// An acronym written in brackets after an organisation, and its later
    /// mentions: "(HEPZA)".
    OrgAcronym,
    /// A name after an honorific, address word or rank: "ông Nguyễn Văn Chính".
    PersonCue,
    /// A run of capitalised words led by a family name: "Nguyễn Văn Chính".
    PersonSurname,
    /// A given name alone after a title, ending a full name found before:
    /// "Bộ trưởng Khải".
    PersonShort,
    /// "Bác Hồ".
    PersonBacHo,
    /// A name on a byline line.
    PersonByline,
    /// A name after a photo credit: "Ảnh: Minh Tâm".
    PersonCredit,
    /// A legal-document reference: "Quyết định số 1532/QĐ-UBND".
    DocumentReference,
    /// A date or time: "Sáng 10/11", "14h15'".
    DateExpression,
}

impl Rule {
    /// A short stable name: `loc.unit-word`, `org.head`, `per.surname` …
    pub fn name(self) -> &'static str {
        match self {
            Rule::UnitWord => "loc.unit-word",
            Rule::UnitContinuation => "loc.unit-continuation",
            Rule::UnitList => "loc.unit-list",
            Rule::HeadedPlace => "loc.headed-place",
            Rule::SiteUnit => "loc.site-unit",
            Rule::CuratedPlace => "loc.curated-place",
            Rule::Venue => "loc.venue",
            Rule::BareProvince => "loc.bare-province",
            Rule::BareUnit => "loc.bare-unit",
            Rule::OrgBody => "org.body",
            Rule::OrgHead => "org.head",
            Rule::OrgAcronym => "org.acronym",
            Rule::PersonCue => "per.cue",
            Rule::PersonSurname => "per.surname",
            Rule::PersonShort => "per.short",
            Rule::PersonBacHo => "per.bac-ho",
            Rule::PersonByline => "per.byline",
            Rule::PersonCredit => "per.credit",
            Rule::DocumentReference => "doc.reference",
            Rule::DateExpression => "date.expression",
        }
    }

    /// What the rule reads, for people.
    pub fn describe(self) -> &'static str {
        match self {
            Rule::UnitWord => "a unit word (tỉnh, huyện, xã …) and the name after it",
            Rule::UnitContinuation => "a bare name listed after a unit word's mention",
            Rule::UnitList => "an item of a list after a plural unit word (các xã …)",
            Rule::HeadedPlace => "a road, street or natural place after its head word",
            Rule::SiteUnit => "a unit named by a whole site's name",
            Rule::CuratedPlace => "a curated place of the gazetteer",
            Rule::Venue => "a venue head from organizations.tsv with its level or place",
            Rule::BareProvince => "a province or city named without its unit word",
            Rule::BareUnit => "a unit named bare, in one of the article's provinces",
            Rule::OrgBody => "a complete name of a body from organizations.tsv",
            Rule::OrgHead => {
                "a head from organizations.tsv with its name, parent body and level or place"
            }
            Rule::OrgAcronym => {
                "an acronym in brackets after an organisation, or its later mentions"
            }
            Rule::PersonCue => "a name after an honorific, address word or rank",
            Rule::PersonSurname => "capitalised words led by a family name",
            Rule::PersonShort => "a given name after a title, ending a full name found before",
            Rule::PersonBacHo => "Bác Hồ",
            Rule::PersonByline => "a name on a byline",
            Rule::PersonCredit => "a name after a photo credit",
            Rule::DocumentReference => "a legal-document kind and number",
            Rule::DateExpression => "a date or time expression",
        }
    }
}

/// A candidate that lost when overlaps were settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// `LOC`, `ORG`, `DOC` or `DATE`.
    pub kind: &'static str,
    /// Byte range in the text.
    pub span: Range<usize>,
    /// The rule that produced it.
    pub rule: Rule,
    /// Why it lost.
    pub why: &'static str,
}
