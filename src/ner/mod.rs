//! Named entities: places (LOC) linked to their official codes,
//! organisations (ORG), people (PER), legal-document references (DOC), dates
//! (DATE), and person–title–organisation records.
//!
//! Data flows one way: [`gazetteer`] finds every name in one automaton pass
//! over the tokens' keys, [`rules`] decides which token runs are places,
//! [`orgs`] reads organisations around them and settling makes top-level
//! spans disjoint; documents, dates and [`people`] take what is left;
//! [`officials`] reads the relations, [`resolve`] links each administrative
//! mention to the unit the text meant and [`canonical`] names the
//! organisations. Every candidate carries the [`explain::Rule`] that found
//! it; those that lose an overlap are kept as [`explain::Dropped`].

pub mod admin;
pub mod canonical;
pub mod dates;
pub mod documents;
pub mod explain;
pub mod gazetteer;
pub mod officials;
pub mod orgs;
pub mod people;
pub mod resolve;
pub mod rules;
pub mod words;

use std::ops::{Deref, Range};
use std::sync::{Arc, Once};

use crate::segment::{Sentence, SentenceKind};
use crate::token::Tokens;
use dates::DateMention;
use documents::DocumentMention;
use explain::{Dropped, Rule};
use gazetteer::Gazetteer;
use officials::OfficialMention;
use orgs::OrgMention;
use people::PersonMention;
use resolve::{Era, Link};
use rules::Mention;

/// The entities of one text: places with their links, and organisations.
#[derive(Debug, Clone)]
pub struct Entities {
    /// Place mentions in text order (byte spans of the text).
    pub mentions: Vec<Mention>,
    /// For each place: its link (administrative units) or `None` (other places).
    pub links: Vec<Option<Link>>,
    /// For each place: the index of its sentence.
    pub sentence_of: Vec<usize>,
    /// Organisations in text order; places inside them are `nested`.
    pub orgs: Vec<OrgMention>,
    /// For each organisation: the index of its sentence.
    pub org_sentence: Vec<usize>,
    /// For each organisation: its canonical name ([`canonical`]).
    pub org_canonical: Vec<String>,
    /// People in text order.
    pub people: Vec<PersonMention>,
    /// For each person: the index of its sentence.
    pub person_sentence: Vec<usize>,
    /// Legal-document references, in text order.
    pub documents: Vec<DocumentMention>,
    /// For each document reference: the index of its sentence.
    pub document_sentence: Vec<usize>,
    /// Dates and times, in text order.
    pub dates: Vec<DateMention>,
    /// For each date: the index of its sentence.
    pub date_sentence: Vec<usize>,
    /// Person–title–organisation records, in text order.
    pub officials: Vec<OfficialMention>,
    /// The article's date and period.
    pub era: Era,
    /// Candidates that lost to another entity or a rule, in no order.
    pub dropped: Vec<Dropped>,
}

/// Finds the places and organisations of `text`, whose sentences are
/// `sentences`, and links the places.
///
/// # Example
///
/// ```
/// use vnpipe::ner::{gazetteer::Gazetteer, recognize};
/// use vnpipe::segment::SentenceSplitter;
///
/// let text = "Đường qua huyện Lập Thạch, tỉnh Vĩnh Phúc bị sạt lở.";
/// let sentences = SentenceSplitter::embedded().split(text);
/// let gazetteer = Gazetteer::embedded();
/// let places = recognize(gazetteer, text, &sentences);
/// let codes: Vec<&str> = places
///     .links
///     .iter()
///     .map(|l| gazetteer.units()[l.as_ref().unwrap().unit.unwrap() as usize].code.as_str())
///     .collect();
/// assert_eq!(codes, ["246", "26"]);
/// ```
pub fn recognize(gazetteer: &Gazetteer, text: &str, sentences: &[Sentence]) -> Entities {
    let mut tokens = Tokens::default();
    tokens.tokenize(text, 0);
    let mut dropped = Vec::new();
    let mut mentions = rules::find_places(gazetteer, text, &tokens);
    // A byline or a photo credit names people ("Hồng Lĩnh - Thanh Hải",
    // "Ảnh: Khánh Hòa"): no bare place names there; nor is a place that
    // ends an event's name ("Ngày Nhà giáo Việt Nam") annotated.
    let view = crate::token::View::new(text, &tokens);
    mentions.retain(|m| {
        let bare = matches!(
            m.place,
            rules::PlaceRef::Admin {
                unit_type: None,
                ..
            }
        );
        let s = sentences.partition_point(|s| s.span.end <= m.span.start);
        let byline = sentences
            .get(s)
            .is_some_and(|s| s.kind == SentenceKind::Byline);
        let credit = bare && (byline || people::credit_names_at(&view, m.tokens.start));
        let event = rules::in_event_name(&view, m.tokens.start);
        if credit || event {
            dropped.push(Dropped {
                kind: "LOC",
                span: m.span.clone(),
                rule: m.rule,
                why: if credit {
                    "a bare place name on a byline or a credit is a person's"
                } else {
                    "a place ending the name of an event or a day is not annotated"
                },
            });
        }
        !(credit || event)
    });
    let mut orgs = orgs::find_orgs(orgs::Lexicon::embedded(), text, &tokens, &mentions);
    settle(&mut mentions, &mut orgs, &tokens, &mut dropped);
    // Venues were read as organisations so the places in them nest; they
    // are places.
    if orgs.iter().any(|o| o.rule == Rule::Venue) {
        orgs.retain(|o| {
            let venue = o.rule == Rule::Venue;
            if venue {
                mentions.push(Mention {
                    tokens: o.tokens.clone(),
                    span: o.span.clone(),
                    place: rules::PlaceRef::Other {
                        canonical: text[o.span.clone()].to_string(),
                    },
                    nested: false,
                    rule: Rule::Venue,
                });
            }
            !venue
        });
        mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    }
    let sentence = |start: usize| {
        sentences
            .partition_point(|s| s.span.end <= start)
            .min(sentences.len().saturating_sub(1))
    };
    let sentence_of: Vec<usize> = mentions.iter().map(|m| sentence(m.span.start)).collect();
    let org_sentence: Vec<usize> = orgs.iter().map(|o| sentence(o.span.start)).collect();
    let mut taken = Taken::new(
        mentions
            .iter()
            .filter(|m| !m.nested)
            .map(|m| m.tokens.clone())
            .chain(orgs.iter().map(|o| o.tokens.clone())),
    );
    // Document references never overlap places or organisations; people
    // never overlap them.
    let mut documents = documents::find_documents(text, &tokens);
    let lost_document = |d: &DocumentMention| Dropped {
        kind: "DOC",
        span: d.span.clone(),
        rule: Rule::DocumentReference,
        why: "overlaps a place or an organisation",
    };
    taken.admit(&mut documents, |d| &d.tokens, lost_document, &mut dropped);
    let document_sentence: Vec<usize> = documents.iter().map(|d| sentence(d.span.start)).collect();
    // The article's date is read from every date, those inside a document
    // reference too; as entities, dates stand only where nothing else does.
    let mut dates = dates::find_dates(text, &tokens);
    let article_date = dates::article_date(text, &dates);
    let lost_date = |d: &DateMention| Dropped {
        kind: "DATE",
        span: d.span.clone(),
        rule: Rule::DateExpression,
        why: "overlaps a place, an organisation or a document reference",
    };
    taken.admit(&mut dates, |d| &d.tokens, lost_date, &mut dropped);
    let date_sentence: Vec<usize> = dates.iter().map(|d| sentence(d.span.start)).collect();
    let people = people::find_people(text, &tokens, sentences, &taken.0);
    let person_sentence: Vec<usize> = people.iter().map(|p| sentence(p.span.start)).collect();
    // Top-level entities for the officials' reader, with their sentences.
    let span = |kind, tokens: &Range<usize>, sentence| {
        let tokens = tokens.clone();
        (officials::Span { kind, tokens }, sentence)
    };
    let mut spans: Vec<(officials::Span, usize)> = mentions
        .iter()
        .filter(|m| !m.nested)
        .map(|m| span("LOC", &m.tokens, sentence(m.span.start)))
        .chain(
            orgs.iter()
                .zip(&org_sentence)
                .map(|(o, &s)| span("ORG", &o.tokens, s)),
        )
        .chain(
            people
                .iter()
                .zip(&person_sentence)
                .map(|(p, &s)| span("PER", &p.tokens, s)),
        )
        .collect();
    spans.sort_by_key(|(s, _)| s.tokens.start);
    let (spans, span_sentence): (Vec<_>, Vec<_>) = spans.into_iter().unzip();
    let officials = officials::find_officials(text, &tokens, &spans, &span_sentence);
    let (era, links) = resolve::resolve(gazetteer, &tokens, article_date, &mentions, &sentence_of);
    let context = canonical::Context {
        gazetteer,
        text,
        tokens: &tokens,
        places: &mentions,
        links: &links,
    };
    let org_canonical = canonical::canonical_names(&context, orgs::Lexicon::embedded(), &orgs);
    Entities {
        mentions,
        links,
        sentence_of,
        orgs,
        org_sentence,
        org_canonical,
        people,
        person_sentence,
        documents,
        document_sentence,
        dates,
        date_sentence,
        officials,
        era,
        dropped,
    }
}

/// Token ranges already claimed by an entity: sorted and disjoint.
struct Taken(Vec<Range<usize>>);

impl Taken {
    /// The claimed `ranges` (disjoint), sorted.
    fn new(ranges: impl Iterator<Item = Range<usize>>) -> Taken {
        let mut taken: Vec<Range<usize>> = ranges.collect();
        taken.sort_by_key(|r| r.start);
        Taken(taken)
    }

    /// No claimed range overlaps `r`.
    fn is_free(&self, r: &Range<usize>) -> bool {
        let k = self.0.partition_point(|t| t.end <= r.start);
        self.0.get(k).is_none_or(|t| t.start >= r.end)
    }

    /// Keeps the `items` whose token range is free and claims them; the
    /// others go to `dropped` as `lost` describes them.
    fn admit<T>(
        &mut self,
        items: &mut Vec<T>,
        tokens: impl Fn(&T) -> &Range<usize>,
        lost: impl Fn(&T) -> Dropped,
        dropped: &mut Vec<Dropped>,
    ) {
        items.retain(|item| {
            let free = self.is_free(tokens(item));
            if !free {
                dropped.push(lost(item));
            }
            free
        });
        self.0.extend(items.iter().map(|item| tokens(item).clone()));
        self.0.sort_by_key(|r| r.start);
    }
}

/// Places inside an organisation become nested; a place that straddles an
/// organisation's edge cuts the organisation short (or removes it), so
/// top-level spans never overlap. What is removed or cut goes to `dropped`.
fn settle(
    places: &mut [Mention],
    orgs: &mut Vec<OrgMention>,
    tokens: &Tokens,
    dropped: &mut Vec<Dropped>,
) {
    let toks = tokens.as_slice();
    // Top-level places are disjoint and in order: find the ones touching an
    // organisation by binary search.
    let top: Vec<Range<usize>> = places
        .iter()
        .filter(|p| !p.nested)
        .map(|p| p.tokens.clone())
        .collect();
    orgs.retain_mut(|o| {
        let found = o.span.clone();
        let lost = |why| Dropped {
            kind: "ORG",
            span: found.clone(),
            rule: o.rule,
            why,
        };
        let first = top.partition_point(|p| p.end <= o.tokens.start);
        for a in top[first..].iter().take_while(|p| p.start < o.tokens.end) {
            let b = &o.tokens;
            let inside = b.start <= a.start && a.end <= b.end && a != b;
            if inside {
                continue;
            }
            if a.start > b.start && a != b {
                dropped.push(lost("a place straddles its end: cut before the place"));
                o.tokens.end = a.start;
                o.span.end = toks[a.start - 1].span.end;
                break;
            }
            dropped.push(lost("a place straddles its start or is its whole span"));
            return false;
        }
        // Cut back to exactly a place's span: the place stands alone.
        let k = top.partition_point(|p| p.start < o.tokens.start);
        let alone = top.get(k) == Some(&o.tokens);
        if alone {
            dropped.push(lost("cut back to a place's span: the place stands alone"));
        }
        !alone
    });
    // Organisations are disjoint and in order too.
    for p in places.iter_mut() {
        let k = orgs.partition_point(|o| o.tokens.end <= p.tokens.start);
        if orgs
            .get(k)
            .is_some_and(|o| o.tokens.start <= p.tokens.start && p.tokens.end <= o.tokens.end)
        {
            p.nested = true;
        }
    }
}

/// The embedded gazetteer or one built with user additions, shared by threads.
#[derive(Debug, Clone)]
pub enum SharedGazetteer {
    /// [`Gazetteer::embedded`].
    Embedded,
    /// A gazetteer built at run time.
    Owned(Arc<Gazetteer>),
}

impl Deref for SharedGazetteer {
    type Target = Gazetteer;

    fn deref(&self) -> &Gazetteer {
        match self {
            SharedGazetteer::Embedded => {
                static LOADED: Once = Once::new();
                LOADED.call_once(load_embedded);
                Gazetteer::embedded()
            }
            SharedGazetteer::Owned(g) => g,
        }
    }
}

/// Builds the embedded tables before the first document: the gazetteer on
/// this thread, the word list and the organisations' lexicon on a second, so
/// that start-up is not the sum of the two.
fn load_embedded() {
    crate::parallel::join(Gazetteer::embedded, || {
        words::Words::embedded();
        orgs::Lexicon::embedded();
    });
}
