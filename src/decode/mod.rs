//! Decoding: input bytes to text, with an offset map back to the bytes.
//!
//! Today: UTF-8 (with or without a byte-order mark) and UTF-16 with a
//! byte-order mark. Each encoding is a variant of [`Encoding`] with a decoder
//! that returns [`Decoded`]; detection ([`decode`] with `None`) tries the
//! byte-order marks, then UTF-8. Legacy Vietnamese encodings slot in as new
//! variants and new candidates for detection.
//!
//! Input that is not text — NUL bytes, mostly control bytes, invalid UTF-8 —
//! is a [`DecodeError`], never garbage text.

use std::borrow::Cow;

use crate::offset::OffsetMap;

mod utf16;

/// A text encoding vnpipe can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    Utf16Be,
}

impl Encoding {
    /// The name written in records (`source.encoding`).
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
        }
    }
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
            DecodeError::Invalid { .. } => "decode",
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
    let detected = match encoding {
        Some(e) => e,
        None if bytes.starts_with(b"\xFF\xFE") => Encoding::Utf16Le,
        None if bytes.starts_with(b"\xFE\xFF") => Encoding::Utf16Be,
        None => Encoding::Utf8,
    };
    let mut decoded = match detected {
        Encoding::Utf8 => decode_utf8(bytes)?,
        Encoding::Utf16Le | Encoding::Utf16Be => utf16::decode(bytes, detected)?,
    };
    if encoding.is_some() {
        decoded.confidence = None;
    }
    if decoded.text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(decoded)
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

/// Rejects input with NUL bytes, or whose first 4 KiB are more than 10%
/// control bytes (and at least 4) other than tab, line feed, form feed and
/// carriage return.
fn check_not_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
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

/// Every other byte of the first 64 is NUL: ASCII text in UTF-16.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64)];
    let nuls = |start: usize| {
        head.iter()
            .skip(start)
            .step_by(2)
            .filter(|&&b| b == 0)
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
    }

    #[test]
    fn invalid_utf8_reports_its_offset() {
        let err = decode(b"Vi\xE1\xBBt", None).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Invalid {
                encoding: "utf-8",
                offset: 2
            }
        );
    }

    #[test]
    fn empty_and_blank_are_empty() {
        assert_eq!(decode(b"", None).unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b" \n\t\n", None).unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(UTF8_BOM, None).unwrap_err(), DecodeError::Empty);
    }

    #[test]
    fn control_heavy_input_is_binary() {
        let bytes: Vec<u8> = (0..100u8)
            .map(|i| if i % 3 == 0 { 1 } else { b'a' })
            .collect();
        assert_eq!(decode(&bytes, None).unwrap_err().kind(), "binary");
    }
}
