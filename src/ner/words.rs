//! Vietnamese two-syllable words (`corpora/gazetteers/words.tsv`), to tell
//! where a word written with a capital first syllable goes on inside a name:
//! "Dự báo", "Lịch sử", "Trồng trọt" are words, "Phát dự" is not.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::token::Tokens;

const WORDS: &str = include_str!("../../corpora/gazetteers/words.tsv");

/// The word list, keyed by the match keys of both syllables.
#[derive(Debug, Default)]
pub struct Words {
    by_first: FxHashMap<String, FxHashSet<String>>,
}

impl Words {
    /// The embedded list.
    pub fn embedded() -> &'static Words {
        static WORDS_LIST: OnceLock<Words> = OnceLock::new();
        WORDS_LIST.get_or_init(|| Words::from_tsv(WORDS))
    }

    fn from_tsv(text: &str) -> Words {
        let mut words = Words::default();
        let mut tokens = Tokens::default();
        for line in text.lines().skip(1) {
            tokens.clear();
            tokens.tokenize(line, 0);
            if let [a, b] = tokens.as_slice() {
                let (a, b) = (tokens.key(a).to_string(), tokens.key(b).to_string());
                words.by_first.entry(a).or_default().insert(b);
            }
        }
        words
    }

    /// True when the syllables with match keys `first` and `second` make a word.
    ///
    /// # Example
    ///
    /// ```
    /// use vnpipe::ner::words::Words;
    ///
    /// assert!(Words::embedded().pair("dự", "báo"));
    /// assert!(!Words::embedded().pair("dự", "họp"));
    /// ```
    pub fn pair(&self, first: &str, second: &str) -> bool {
        self.by_first.get(first).is_some_and(|s| s.contains(second))
    }
}
