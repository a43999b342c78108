//! Decoding: input bytes to text, with an offset map back to the bytes.
//!
//! Encodings: UTF-8 (with or without a byte-order mark), UTF-16 with a
//! byte-order mark, and the legacy Vietnamese encodings TCVN3, VNI-Windows,
//! VISCII, windows-1258, VPS and (on request only) VIQR. Each is a variant of [`Encoding`] with a decoder
//! that returns [`Decoded`].
//!
//! Detection ([`decode`] with `None`): a byte-order mark; else valid UTF-8,
//! checked for mojibake (UTF-8 read as windows-1252 and saved again, once or
//! twice), which is repaired when that makes the text more Vietnamese; else
//! every legacy encoding is tried on the first 16 KiB and the one whose
//! decoding has the largest share of well-formed Vietnamese syllables wins.
//! UTF-8 with a few invalid sequences (a file cut inside a character, a
//! stray byte) is decoded with each replaced by U+FFFD
//! ([`Encoding::Utf8Lossy`]) when its valid non-ASCII characters outnumber
//! them, or when no legacy encoding fits.
//!
//! Input that is not text — NUL bytes, mostly control bytes, bytes that fit
//! no encoding — is a [`DecodeError`], never garbage text.

use std::borrow::Cow;

use crate::offset::OffsetMap;
pub use encode::{encode, encode_with, EncodeError};

pub(crate) mod detect;
mod encode;
mod legacy;
mod mojibake;
mod tables;
mod utf16;

/// A text encoding vnpipe can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-8 with a few invalid byte sequences (a file cut inside a
    /// character, a stray byte), each replaced by U+FFFD. Detected when such
    /// sequences are at most one per 100 bytes (two in a short text) and
    /// outnumbered by valid non-ASCII characters, or no legacy encoding fits.
    Utf8Lossy,
    /// UTF-16, little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    Utf16Be,
    /// TCVN 5712:1993 (TCVN3/ABC, and the VN1 layout with upper-case toned letters).
    Tcvn3,
    /// VNI-Windows: a base letter and a second byte for its marks.
    Vni,
    /// VISCII.
    Viscii,
    /// windows-1258 (tone marks as combining characters).
    Windows1258,
    /// VPS.
    Vps,
    /// VIQR (RFC 1456), ASCII with marks after the vowel (`Vie^.t Nam`); never
    /// detected, since plain ASCII text must not be mangled: ask for it.
    Viqr,
    /// UTF-8 that had been read as windows-1252 (or Latin-1) and saved as UTF-8
    /// again, `layers` times (1 or 2); repaired.
    Mojibake {
        /// How many times the text went through the wrong reading.
        layers: u8,
    },
}

impl Encoding {
    /// The name written in records (`source.encoding`).
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Lossy => "utf-8-lossy",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Viscii => "viscii",
            Encoding::Windows1258 => "windows-1258",
            Encoding::Vps => "vps",
            Encoding::Viqr => "viqr",
            Encoding::Mojibake { layers: 1 } => "utf-8-mojibake",
            Encoding::Mojibake { .. } => "utf-8-mojibake-2",
        }
    }

    /// The legacy encodings detection chooses among, in order of preference on a tie.
    pub const LEGACY: [Encoding; 5] = [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viscii,
        Encoding::Windows1258,
        Encoding::Vps,
    ];
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The input has no bytes, or only whitespace.
    #[error("the document is empty")]
    Empty,
    /// The input looks like a binary file.
    #[error("binary data, not text: {reason}")]
    Binary {
        /// What gave it away.
        reason: String,
    },
    /// Not UTF-8, and no legacy Vietnamese encoding reads like Vietnamese.
    #[error("not UTF-8 (invalid at byte {offset}) and no legacy Vietnamese encoding fits (best: {best}, with {percent}% Vietnamese syllables); name one with --encoding (utf-8-lossy replaces invalid bytes)")]
    Unrecognised {
        /// Byte offset of the first invalid UTF-8 sequence.
        offset: usize,
        /// The legacy encoding that came closest.
        best: &'static str,
        /// Its share of well-formed syllables, in percent.
        percent: u8,
    },
    /// The input is not valid in the encoding.
    #[error("invalid {encoding} at byte {offset}")]
    Invalid {
        /// The encoding tried.
        encoding: &'static str,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
}

impl DecodeError {
    /// A short, stable name for the error, written in error records.
    pub fn kind(&self) -> &'static str {
        match self {
            DecodeError::Empty => "empty",
            DecodeError::Binary { .. } => "binary",
            DecodeError::Invalid { .. } | DecodeError::Unrecognised { .. } => "decode",
        }
    }
}

/// Decoded text with its map back to the input bytes.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    /// The text; borrowed from the input when it was UTF-8 without a BOM.
    pub text: Cow<'a, str>,
    /// Byte offsets of `text` → byte offsets of the input.
    pub map: OffsetMap,
    /// The encoding used.
    pub encoding: Encoding,
    /// How sure the choice of encoding is, from 0 to 1; `None` when the
    /// encoding was given by the caller rather than detected.
    pub confidence: Option<f32>,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes `bytes` in `encoding`, or detects the encoding when it is `None`.
///
/// # Errors
///
/// [`DecodeError`] when the bytes are empty, binary, or invalid in the encoding.
///
/// # Example
///
/// ```
/// use vnpipe::decode::{decode, Encoding};
///
/// let decoded = decode(b"\xEF\xBB\xBFVi\xE1\xBB\x87t Nam", None).unwrap();
/// assert_eq!(decoded.text, "Việt Nam");
/// assert_eq!(decoded.encoding, Encoding::Utf8);
/// assert_eq!(decoded.map.map_range(0..6), 3..9); // the 6 bytes of "Việt", after the BOM
///
/// assert_eq!(decode(b"PK\x03\x04\x00\x00", None).unwrap_err().kind(), "binary");
/// ```
pub fn decode(bytes: &[u8], encoding: Option<Encoding>) -> Result<Decoded<'_>, DecodeError> {
    let decoded = match encoding {
        Some(e) => {
            let mut d = decode_as(bytes, e)?;
            d.confidence = None;
            d
        }
        None => detect_and_decode(bytes)?,
    };
    if decoded.text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(decoded)
}

/// Bytes of the document the legacy encodings are scored on.
const SCORE_PREFIX: usize = 16 * 1024;
/// Below this share of Vietnamese syllables no legacy decoding is believed.
const MIN_LEGACY_SCORE: f32 = 0.5;

fn detect_and_decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if bytes.starts_with(b"\xFF\xFE") {
        return utf16::decode(bytes, Encoding::Utf16Le);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return utf16::decode(bytes, Encoding::Utf16Be);
    }
    match decode_utf8(bytes) {
        Ok(d) => Ok(repair_mojibake(d)),
        Err(DecodeError::Invalid { offset, .. }) => {
            // UTF-8 but for a stray byte or a character cut off: more valid
            // non-ASCII characters than invalid sequences, which are few.
            let lossy = match decode_utf8_lossy(bytes, MostlyValid::Required) {
                Some(lossy) if lossy.non_ascii >= lossy.invalid => return Ok(lossy.decoded),
                other => other,
            };
            let prefix = &bytes[..bytes.len().min(SCORE_PREFIX)];
            let mut scores: Vec<(Encoding, f32)> = Encoding::LEGACY
                .iter()
                .map(|&e| (e, detect::score(&decode_legacy(prefix, e).text)))
                .collect();
            // Best first; a tie keeps the order of preference.
            scores.sort_by(|a, b| b.1.total_cmp(&a.1));
            let (best, score) = scores[0];
            let runner_up = scores[1].1;
            if score < MIN_LEGACY_SCORE {
                // Nearly ASCII text with a stray byte keeps its text.
                if let Some(lossy) = lossy {
                    return Ok(lossy.decoded);
                }
                return Err(DecodeError::Unrecognised {
                    offset,
                    best: best.as_str(),
                    percent: (score * 100.0).round() as u8,
                });
            }
            // decode_utf8 has already rejected binary input.
            let (built, mixed) = decode_lines(bytes, best);
            // A close second makes the choice less sure: full confidence from a
            // margin of 0.1, half of it on a tie; lines in other encodings
            // make it less sure too.
            let margin = ((score - runner_up) * 5.0 + 0.5).min(1.0);
            let mixed_factor = if mixed { 0.8 } else { 1.0 };
            Ok(Decoded {
                text: Cow::Owned(built.text),
                map: built.map,
                encoding: best,
                confidence: Some((score * margin * mixed_factor * 100.0).round() / 100.0),
            })
        }
        Err(e) => Err(e),
    }
}

/// A line of at least this many bytes may be decoded in an encoding of its own.
const MIN_LINE_FOR_OWN_ENCODING: usize = 24;
/// How much more of a line must read as Vietnamese in another encoding.
const LINE_MARGIN: f32 = 0.3;

/// Decodes a legacy document line by line: in `encoding`, except a line that
/// is valid UTF-8 with non-ASCII characters (a headline added later) or reads
/// clearly more like Vietnamese in another legacy encoding (files pasted
/// together). Returns the text and whether any line went its own way.
fn decode_lines(bytes: &[u8], encoding: Encoding) -> (legacy::Builder, bool) {
    let mut out = legacy::Builder::with_capacity(bytes.len() * 2);
    let mut mixed = false;
    let mut start = 0;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        let own = decode_legacy(line, encoding);
        let other = if line.is_ascii() || line.len() < MIN_LINE_FOR_OWN_ENCODING {
            None
        } else if let Ok(text) = std::str::from_utf8(line) {
            let mut utf8 = legacy::Builder::with_capacity(line.len());
            for (i, c) in text.char_indices() {
                utf8.push(c, i..i + c.len_utf8());
            }
            Some(utf8)
        } else {
            // Only a line that reads badly in the document's encoding is
            // tried in the others.
            let own_score = detect::score(&own.text);
            if own_score > 1.0 - LINE_MARGIN {
                None
            } else {
                Encoding::LEGACY
                    .iter()
                    .filter(|&&e| e != encoding)
                    .map(|&e| {
                        let d = decode_legacy(line, e);
                        (detect::score(&d.text), d)
                    })
                    .filter(|(s, _)| *s >= own_score + LINE_MARGIN)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, d)| d)
            }
        };
        mixed |= other.is_some();
        out.append(other.unwrap_or(own), start);
        start += line.len();
    }
    (out, mixed)
}

/// Decodes `bytes` in `encoding`, without detection.
fn decode_as(bytes: &[u8], encoding: Encoding) -> Result<Decoded<'_>, DecodeError> {
    match encoding {
        Encoding::Utf8 => decode_utf8(bytes),
        Encoding::Utf8Lossy => {
            check_not_binary(bytes)?;
            let lossy = decode_utf8_lossy(bytes, MostlyValid::NotRequired);
            Ok(lossy
                .expect("any number of invalid sequences is allowed")
                .decoded)
        }
        Encoding::Utf16Le | Encoding::Utf16Be => utf16::decode(bytes, encoding),
        Encoding::Mojibake { .. } => Ok(repair_mojibake(decode_utf8(bytes)?)),
        Encoding::Tcvn3
        | Encoding::Vni
        | Encoding::Viscii
        | Encoding::Windows1258
        | Encoding::Vps
        | Encoding::Viqr => {
            check_not_binary(bytes)?;
            let built = decode_legacy(bytes, encoding);
            Ok(Decoded {
                text: Cow::Owned(built.text),
                map: built.map,
                encoding,
                confidence: Some(1.0),
            })
        }
    }
}

fn decode_legacy(bytes: &[u8], encoding: Encoding) -> legacy::Builder {
    match encoding {
        Encoding::Tcvn3 => legacy::decode_table(bytes, legacy::Table::Tcvn3),
        Encoding::Viscii => legacy::decode_table(bytes, legacy::Table::Viscii),
        Encoding::Windows1258 => legacy::decode_table(bytes, legacy::Table::Cp1258),
        Encoding::Vps => legacy::decode_table(bytes, legacy::Table::Vps),
        Encoding::Vni => legacy::decode_vni(bytes),
        Encoding::Viqr => legacy::decode_viqr(bytes),
        _ => unreachable!("{encoding:?} is not a legacy encoding"),
    }
}

/// Valid UTF-8 that shows the mojibake fingerprint is repaired when that makes
/// it more Vietnamese.
fn repair_mojibake(decoded: Decoded<'_>) -> Decoded<'_> {
    if !mojibake::suspect(&decoded.text) {
        return decoded;
    }
    let Some((built, layers)) = mojibake::repair(&decoded.text) else {
        // The fingerprint is there but no whole-text repair reads better
        // (mojibake mixed with clean text, or bytes lost): say it is unsure.
        return Decoded {
            confidence: Some(0.5),
            ..decoded
        };
    };
    let shift = decoded.map.map_start(0); // a byte-order mark before the text
    let mut map = OffsetMap::new();
    if shift > 0 {
        map.push(0..0, 0..shift);
    }
    for edit in built.map.edits() {
        map.push(
            edit.target.clone(),
            edit.source.start + shift..edit.source.end + shift,
        );
    }
    let confidence = Some((detect::score(&built.text) * 100.0).round() / 100.0);
    Decoded {
        text: Cow::Owned(built.text),
        map,
        encoding: Encoding::Mojibake { layers },
        confidence,
    }
}

fn decode_utf8(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    let (body, bom) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest, UTF8_BOM.len()),
        None => (bytes, 0),
    };
    check_not_binary(body)?;
    let text = std::str::from_utf8(body).map_err(|e| DecodeError::Invalid {
        encoding: "utf-8",
        offset: bom + e.valid_up_to(),
    })?;
    let mut map = OffsetMap::new();
    if bom > 0 {
        map.push(0..0, 0..bom);
    }
    Ok(Decoded {
        text: Cow::Borrowed(text),
        map,
        encoding: Encoding::Utf8,
        // Valid UTF-8 with multi-byte characters is practically never anything else;
        // mojibake and legacy encodings are the detector's job (a later stage).
        confidence: Some(1.0),
    })
}

/// `bytes` with each invalid UTF-8 sequence replaced by U+FFFD, when they
/// are few enough to call the bytes UTF-8 (at most one per 100 bytes, two in
/// a short text, as detection allows); `None` for valid UTF-8 and for more
/// invalid sequences. For input read before it is decoded, such as a JSONL
/// line.
pub(crate) fn repair_utf8(bytes: &[u8]) -> Option<String> {
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let lossy = decode_utf8_lossy(bytes, MostlyValid::Required)?;
    Some(lossy.decoded.text.into_owned())
}

/// Whether [`decode_utf8_lossy`] gives up on many invalid sequences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MostlyValid {
    /// At most one invalid sequence per 100 bytes (and two at any length).
    Required,
    /// Any number (the caller named the encoding).
    NotRequired,
}

/// UTF-8 decoded with its invalid sequences replaced.
struct Lossy {
    decoded: Decoded<'static>,
    /// Invalid sequences replaced.
    invalid: usize,
    /// Valid characters of more than one byte.
    non_ascii: usize,
}

/// Decodes UTF-8 with each invalid sequence (a maximal invalid prefix of a
/// character, as `String::from_utf8_lossy` counts them) replaced by U+FFFD,
/// mapped to the bytes it replaces. `None` when `mostly` requires few
/// invalid sequences and there are more. Binary input is the caller's to
/// turn away.
fn decode_utf8_lossy(bytes: &[u8], mostly: MostlyValid) -> Option<Lossy> {
    let (body, bom) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest, UTF8_BOM.len()),
        None => (bytes, 0),
    };
    let allowed = match mostly {
        MostlyValid::Required => (body.len() / 100).max(2),
        MostlyValid::NotRequired => usize::MAX,
    };
    // Counted before anything is built: a legacy document, invalid at
    // almost every accented letter, is turned away within its first lines.
    let (mut invalid, mut invalid_bytes, mut non_ascii) = (0, 0, 0);
    for chunk in body.utf8_chunks() {
        // Lead bytes: one per character of two bytes or more.
        non_ascii += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
            invalid_bytes += chunk.invalid().len();
            if invalid > allowed {
                return None;
            }
        }
    }
    let mut text = String::with_capacity(body.len() + 2 * invalid);
    let mut map = OffsetMap::new();
    if bom > 0 {
        map.push(0..0, 0..bom);
    }
    let mut at = bom;
    for chunk in body.utf8_chunks() {
        text.push_str(chunk.valid());
        at += chunk.valid().len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            map.push(text.len()..text.len() + 3, at..at + bad.len());
            text.push(char::REPLACEMENT_CHARACTER);
            at += bad.len();
        }
    }
    // The share of the bytes that were valid.
    let valid = 1.0 - invalid_bytes as f32 / body.len().max(1) as f32;
    let decoded = Decoded {
        text: Cow::Owned(text),
        map,
        encoding: Encoding::Utf8Lossy,
        confidence: Some((valid * 100.0).floor() / 100.0),
    };
    Some(Lossy {
        decoded,
        invalid,
        non_ascii,
    })
}

/// Rejects input with NUL bytes, or whose first 4 KiB are more than 10%
/// control bytes (and at least 4) other than tab, line feed, form feed and
/// carriage return.
fn check_not_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    // `contains` on bytes is a memchr; the position is only needed for the message.
    if bytes.contains(&0) {
        let at = bytes.iter().position(|&b| b == 0).expect("contains a NUL");
        let hint = if looks_like_utf16(bytes) {
            " (UTF-16 without a byte-order mark? try --encoding utf-16le or utf-16be)"
        } else {
            ""
        };
        return Err(DecodeError::Binary {
            reason: format!("NUL byte at offset {at}{hint}"),
        });
    }
    let head = &bytes[..bytes.len().min(4096)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r'))
        .count();
    if controls >= 4 && controls * 10 > head.len() {
        return Err(DecodeError::Binary {
            reason: format!("{controls} control bytes in the first {} bytes", head.len()),
        });
    }
    Ok(())
}

/// Nine in ten of every other byte of the first 64 are the high byte of a
/// Vietnamese character in UTF-16: NUL (ASCII), 0x01 (ă, đ, ơ, ư), 0x03
/// (combining marks) or 0x1E (ạ, ế …).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64)];
    let nuls = |start: usize| {
        head.iter()
            .skip(start)
            .step_by(2)
            .filter(|&&b| matches!(b, 0x00 | 0x01 | 0x03 | 0x1E))
            .count()
    };
    let half = head.len() / 2;
    half >= 4 && (nuls(0) * 10 >= half * 9 || nuls(1) * 10 >= half * 9)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_without_bom_gets_a_hint() {
        let bytes: Vec<u8> = "Ha Noi ngay 10/11"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let err = decode(&bytes, None).unwrap_err().to_string();
        assert!(err.contains("try --encoding utf-16le"), "{err}");
        let vietnamese: Vec<u8> = "Sáng 10/11, Sở Công Thương tỉnh Vĩnh Phúc tổ chức hội nghị"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let err = decode(&vietnamese, None).unwrap_err().to_string();
        assert!(err.contains("UTF-16 without a byte-order mark"), "{err}");
    }

    #[test]
    fn invalid_utf8_reports_its_offset() {
        let err = decode(b"Vi\xE1\xBBt", Some(Encoding::Utf8)).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Invalid {
                encoding: "utf-8",
                offset: 2
            }
        );
        // Detection also tries the legacy encodings and says so.
        let err = decode(b"Caf\xE9 au lait, cr\xE8me br\xFBl\xE9e", None).unwrap_err();
        assert!(
            err.to_string().starts_with(
                "not UTF-8 (invalid at byte 3) and no legacy Vietnamese encoding fits"
            ),
            "{err}"
        );
    }

    #[test]
    fn nearly_utf8_is_decoded_with_replacements_mapped_to_their_bytes() {
        // A BOM, a character cut short ("\xE1\xBB" of "ệ"), a stray byte.
        let bytes = b"\xEF\xBB\xBFVi\xE1\xBBt Nam v\xC3\xA0 H\xC3\xA0 N\xE1\xBB\x99i \xFF.";
        let d = decode(bytes, None).unwrap();
        assert_eq!(d.text, "Vi\u{FFFD}t Nam và Hà Nội \u{FFFD}.");
        assert_eq!(d.encoding, Encoding::Utf8Lossy);
        assert_eq!(d.map.map_range(2..5), 5..7); // "\u{FFFD}" ← "\xE1\xBB"
        assert_eq!(d.map.map_range(5..6), 7..8); // "t"
        let stray = d.text.rfind('\u{FFFD}').unwrap();
        assert_eq!(d.map.map_range(stray..stray + 3), 27..28);
        assert_eq!(d.map.map_start(d.text.len()), bytes.len());
        // One invalid sequence per 100 bytes at most (two in a short text):
        // four are too many, and no legacy encoding reads this French.
        let many = b"Caf\xE9 au lait, cr\xE8me br\xFBl\xE9e";
        assert!(decode(many, None).is_err());
        // Named, utf-8-lossy takes any number.
        let forced = decode(many, Some(Encoding::Utf8Lossy)).unwrap();
        assert_eq!(forced.text.matches('\u{FFFD}').count(), 4);
        assert_eq!(forced.confidence, None);
    }

    #[test]
    fn a_nearly_ascii_legacy_text_stays_legacy() {
        // "Hà Nội" in TCVN3 in English text: two invalid UTF-8 sequences, no
        // valid non-ASCII character, and TCVN3 reads them as Vietnamese.
        let d = decode(b"The delegation arrived in H\xB5 N\xE9i on Monday.", None).unwrap();
        assert_eq!(d.encoding, Encoding::Tcvn3);
        assert_eq!(d.text, "The delegation arrived in Hà Nội on Monday.");
    }

    #[test]
    fn empty_and_blank_are_empty() {
        assert_eq!(decode(b"", None).unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b" \n\t\n", None).unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(UTF8_BOM, None).unwrap_err(), DecodeError::Empty);
    }

    #[test]
    fn lines_in_another_encoding_are_decoded_in_theirs() {
        let head = "Lạng Sơn: mưa lũ gây thiệt hại nặng nề cho người dân\n";
        let body = "Sở Công Thương tỉnh Vĩnh Phúc tổ chức hội nghị tổng kết năm.\n";
        let vni = "Ủy ban nhân dân tỉnh Lạng Sơn chỉ đạo khắc phục hậu quả.\n";
        let mut bytes = head.as_bytes().to_vec();
        bytes.extend(encode(body, Encoding::Tcvn3).unwrap());
        bytes.extend(encode(body, Encoding::Tcvn3).unwrap());
        bytes.extend(encode(vni, Encoding::Vni).unwrap());
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, format!("{head}{body}{body}{vni}"));
        assert_eq!(d.encoding, Encoding::Tcvn3);
        assert!(d.confidence.unwrap() < 0.9);
        // Offsets still point into the original bytes.
        let at = d.text.find("Ủy").unwrap();
        let src = d.map.map_range(at..d.text.len());
        assert_eq!(decode(&bytes[src], Some(Encoding::Vni)).unwrap().text, vni);
    }

    #[test]
    fn control_heavy_input_is_binary() {
        let bytes: Vec<u8> = (0..100u8)
            .map(|i| if i % 3 == 0 { 1 } else { b'a' })
            .collect();
        assert_eq!(decode(&bytes, None).unwrap_err().kind(), "binary");
    }
}
