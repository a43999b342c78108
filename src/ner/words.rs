//! Vietnamese two-syllable words (`corpora/gazetteers/words.tsv`), to tell
//! where a word written with a capital first syllable goes on inside a name:
//! "Dự báo", "Lịch sử", "Trồng trọt" are words, "Phát dự" is not.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::normalize::tone::{self, Vowel};
use crate::token::Tokens;

const WORDS: &str = include_str!("../../corpora/gazetteers/words.tsv");

/// True when the match key of a syllable of `line` moves its tone mark
/// ("hoà" → "hòa", "thuỷ" → "thủy"): an "o" or "u" before a toned plain
/// "a", "e" or "y". The list's other syllables are their own keys (lower
/// case, composed).
fn tone_moves(line: &str) -> bool {
    let mut prev = ' ';
    line.chars().any(|c| {
        let moved = matches!(prev, 'o' | 'u')
            && tone::vowel(c).is_some_and(|v| {
                v.tone != 0 && matches!(Vowel { tone: 0, ..v }.to_char(), 'a' | 'e' | 'y')
            });
        prev = c;
        moved
    })
}

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
            // Most lines are their own keys (lower case, composed): only
            // those whose tone mark moves in the key ("hoà" → "hòa") go
            // through the tokeniser.
            if let Some((a, b)) = line.split_once(' ').filter(|_| !tone_moves(line)) {
                words.insert(a, b);
                continue;
            }
            tokens.clear();
            tokens.tokenize(line, 0);
            if let [a, b] = tokens.as_slice() {
                words.insert(tokens.key(a), tokens.key(b));
            }
        }
        words
    }

    fn insert(&mut self, first: &str, second: &str) {
        match self.by_first.get_mut(first) {
            Some(set) => {
                set.insert(second.to_string());
            }
            None => {
                let set = FxHashSet::from_iter([second.to_string()]);
                self.by_first.insert(first.to_string(), set);
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_read_without_the_tokeniser_are_their_own_keys() {
        let mut tokens = Tokens::default();
        for line in WORDS.lines().skip(1) {
            if tone_moves(line) {
                continue;
            }
            tokens.clear();
            tokens.tokenize(line, 0);
            let keys: Vec<&str> = tokens.iter().map(|t| tokens.key(t)).collect();
            assert_eq!(keys, line.split(' ').collect::<Vec<_>>(), "{line}");
        }
        // A moved tone: "an toạ" is keyed "an tọa".
        assert!(Words::embedded().pair("an", "tọa"));
    }
}
