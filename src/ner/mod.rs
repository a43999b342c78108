//! Named entities. So far: places (LOC) — administrative units linked to their
//! official codes, and other places.
//!
//! Data flows one way: [`gazetteer`] finds every name in one automaton pass
//! over the tokens' keys, [`rules`] decides which token runs are mentions and
//! with what span, [`resolve`] links each administrative mention to the unit
//! the text meant. [`admin`] holds the unit table itself.

pub mod admin;
pub mod gazetteer;
pub mod resolve;
pub mod rules;

use std::ops::Deref;
use std::sync::Arc;

use crate::segment::{Sentence, SentenceKind};
use crate::token::Tokens;
use gazetteer::Gazetteer;
use resolve::{Era, Link};
use rules::Mention;

/// The places of one text.
#[derive(Debug, Clone)]
pub struct Places {
    /// Mentions in text order (byte spans of the text).
    pub mentions: Vec<Mention>,
    /// For each mention: its link (administrative units) or `None` (other places).
    pub links: Vec<Option<Link>>,
    /// For each mention: the index of its sentence.
    pub sentence_of: Vec<usize>,
    /// The article's date and period.
    pub era: Era,
}

/// Finds and links the places of `text`, whose sentences are `sentences`.
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
pub fn recognize(gazetteer: &Gazetteer, text: &str, sentences: &[Sentence]) -> Places {
    let mut tokens = Tokens::default();
    tokens.tokenize(text, 0);
    let mut mentions = rules::find_places(gazetteer, text, &tokens);
    // A byline is people ("Hồng Lĩnh - Thanh Hải"): no bare local place names there.
    mentions.retain(|m| {
        let bare_local = matches!(
            m.place,
            rules::PlaceRef::Admin { unit_type: None, levels, .. } if !levels.contains(admin::Level::Province)
        );
        let s = sentences.partition_point(|s| s.span.end <= m.span.start);
        !(bare_local && sentences.get(s).is_some_and(|s| s.kind == SentenceKind::Byline))
    });
    let sentence_of: Vec<usize> = mentions
        .iter()
        .map(|m| {
            sentences
                .partition_point(|s| s.span.end <= m.span.start)
                .min(sentences.len().saturating_sub(1))
        })
        .collect();
    let (era, links) = resolve::resolve(gazetteer, &tokens, text, &mentions, &sentence_of);
    Places {
        mentions,
        links,
        sentence_of,
        era,
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
            SharedGazetteer::Embedded => Gazetteer::embedded(),
            SharedGazetteer::Owned(g) => g,
        }
    }
}
