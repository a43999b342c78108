//! Repairing UTF-8 that was read as windows-1252 (or Latin-1) and saved again
//! as UTF-8: "Viá»‡t Nam" → "Việt Nam", once or twice over.

use std::ops::Range;

use super::detect::score;
use super::legacy::Builder;
use super::tables::CP1252;

/// True when `text` shows the fingerprint of UTF-8 read as windows-1252: a
/// lead byte's character (Â Ã Ä Å Æ Ì Í á â, all `C3 xx`) followed by a
/// continuation byte's (U+0080–U+00BF, or a windows-1252 typographic
/// character such as `‡` or `Ÿ`). A byte scan: this runs on every UTF-8 input.
pub(super) fn suspect(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(at) = b[i..].iter().position(|&x| x == 0xC3) {
        let j = i + at;
        if let (Some(&lead), Some(&next)) = (b.get(j + 1), b.get(j + 2)) {
            let lead_char = matches!(lead, 0x82..=0x86 | 0x8C | 0x8D | 0xA1 | 0xA2);
            let continuation = matches!(next, 0xC2 | 0xC5 | 0xC6 | 0xCB | 0xE2);
            if lead_char && continuation {
                return true;
            }
        }
        i = j + 1;
    }
    false
}

/// The byte that windows-1252 (or Latin-1) reads as `c`, or `None`.
///
/// Latin-1 and the C1 controls stand for their own code (a Latin-1 reading,
/// or a browser passing undefined bytes through); the typographic characters
/// of 0x80–0x9F stand for their windows-1252 byte.
fn byte_of(c: char) -> Option<u8> {
    match u32::from(c) {
        code @ 0..=0xFF => u8::try_from(code).ok(),
        _ => CP1252[0x80..0xA0]
            .iter()
            .position(|&t| t == c)
            .and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

/// Characters with the source bytes each one came from.
type Traced = Vec<(char, Range<usize>)>;

/// Undoes one layer: every character back to its windows-1252 byte, the bytes
/// read as UTF-8. `src` gives each character's source range; the result gives
/// the same for the repaired text. `None` when a character has no byte or the
/// bytes are not UTF-8.
fn undo_layer(chars: &[(char, Range<usize>)]) -> Option<Traced> {
    let mut bytes = Vec::with_capacity(chars.len());
    for (c, _) in chars {
        bytes.push(byte_of(*c)?);
    }
    let text = std::str::from_utf8(&bytes).ok()?;
    // Byte k of `bytes` came from chars[k].
    Some(
        text.char_indices()
            .map(|(k, c)| {
                let last = k + c.len_utf8() - 1;
                (c, chars[k].1.start..chars[last].1.end)
            })
            .collect(),
    )
}

/// Repairs up to two layers of mojibake when that makes the text no less
/// Vietnamese. Returns the repaired text with its map and the number of
/// layers undone, or `None` when the text is best left as it is.
pub(super) fn repair(text: &str) -> Option<(Builder, u8)> {
    // Mojibake is made of windows-1252 characters only, so it is repaired run
    // by run: a clean headline (with ạ, ư … outside windows-1252) before a
    // mangled body leaves the body one run to repair.
    let mut out = Builder::with_capacity(text.len());
    let mut deepest = 0;
    let mut run: Traced = Vec::new();
    let mut flush = |run: &mut Traced, out: &mut Builder| {
        match repair_run(run) {
            Some((chars, layers)) => {
                deepest = deepest.max(layers);
                for (c, src) in chars {
                    out.push(c, src);
                }
            }
            None => {
                for (c, src) in run.drain(..) {
                    out.push(c, src);
                }
            }
        }
        run.clear();
    };
    for (i, c) in text.char_indices() {
        if byte_of(c).is_some() {
            run.push((c, i..i + c.len_utf8()));
        } else {
            flush(&mut run, &mut out);
            out.push(c, i..i + c.len_utf8());
        }
    }
    flush(&mut run, &mut out);
    (deepest > 0).then_some((out, deepest))
}

/// Repairs one run of windows-1252 characters: up to two layers undone,
/// kept when that reads no less like Vietnamese.
fn repair_run(run: &Traced) -> Option<(Traced, u8)> {
    let text: String = run.iter().map(|(c, _)| c).collect();
    if !suspect(&text) {
        return None;
    }
    let mut current = run.clone();
    // The layer after one wrong reading can look no better than the input
    // ("Sá»Ÿ" → "SÆ¡"): undo both layers, then keep the best.
    let mut best: Option<(Traced, u8)> = None;
    let mut best_score = score(&text);
    for layers in 1..=2 {
        let Some(next) = undo_layer(&current) else {
            break;
        };
        let candidate: String = next.iter().map(|(c, _)| c).collect();
        let s = score(&candidate);
        // A tie goes to the repair: undoing a layer only succeeds when every
        // character has a windows-1252 byte and the bytes are UTF-8, which
        // genuine Vietnamese text never is ("HÃ\u{a0}" scores like "Hà").
        if s >= best_score {
            best_score = s;
            best = Some((next.clone(), layers));
        }
        current = next;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mojibake(s: &str) -> String {
        s.bytes().map(|b| CP1252[usize::from(b)]).collect()
    }

    #[test]
    fn once_and_twice() {
        let text = "Sở Công Thương tỉnh Vĩnh Phúc";
        let once = mojibake(text);
        assert!(suspect(&once));
        let (out, layers) = repair(&once).unwrap();
        assert_eq!((out.text.as_str(), layers), (text, 1));
        let twice = mojibake(&once);
        let (out, layers) = repair(&twice).unwrap();
        assert_eq!((out.text.as_str(), layers), (text, 2));
        // Offsets: "Phúc" maps back to its mojibake bytes.
        let at = out.text.find("Phúc").unwrap();
        let src = out.map.map_range(at..out.text.len());
        assert_eq!(&twice[src], mojibake(&mojibake("Phúc")));
    }

    #[test]
    fn a_mangled_body_under_a_clean_headline() {
        let headline = "Lạng Sơn: mưa lũ gây thiệt hại\n";
        let body = "Sở Công Thương tỉnh Vĩnh Phúc tổ chức hội nghị.";
        let (out, layers) = repair(&format!("{headline}{}", mojibake(body))).unwrap();
        assert_eq!((out.text, layers), (format!("{headline}{body}"), 1));
    }

    #[test]
    fn clean_text_is_not_touched() {
        assert!(!suspect("Sở Công Thương tỉnh Vĩnh Phúc, Pháp"));
        assert!(repair("Pháp và Đức").is_none());
    }
}
