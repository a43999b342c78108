//! Telling encodings apart by how Vietnamese the decoded text looks.

use unicode_normalization::UnicodeNormalization;

use crate::normalize::tone::is_syllable;

/// Words of `text` that contain a non-ASCII character, and how many of them
/// are well-formed Vietnamese syllables: `(good, total)`.
///
/// Wrong decodings of Vietnamese produce symbols inside words ("hµnh"),
/// impossible letter sequences ("ViÖt") or several tone marks in a syllable;
/// right ones produce syllables. ASCII-only words say nothing either way.
pub(crate) fn syllable_counts(text: &str) -> (usize, usize) {
    let composed: String = text.nfc().collect();
    let mut good = 0;
    let mut total = 0;
    for word in
        composed.split(|c: char| c.is_whitespace() || (c.is_ascii() && !c.is_ascii_alphabetic()))
    {
        if word.is_ascii() {
            continue;
        }
        total += 1;
        good += usize::from(is_syllable(word));
    }
    (good, total)
}

/// The share of informative words that are Vietnamese syllables, 0 to 1
/// (0 when there are none).
pub(crate) fn score(text: &str) -> f32 {
    let (good, total) = syllable_counts(text);
    if total == 0 {
        0.0
    } else {
        good as f32 / total as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_scores_high_and_mojibake_low() {
        assert!(score("Sở Công Thương tỉnh Vĩnh Phúc tổ chức hội nghị.") > 0.99);
        assert!(score("Sá»Ÿ CÃ´ng ThÆ°Æ¡ng tá»‰nh VÄ©nh PhÃºc") < 0.2);
        assert_eq!(score("plain ASCII only"), 0.0);
    }
}
