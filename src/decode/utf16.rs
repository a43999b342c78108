//! UTF-16 with a byte-order mark.

use std::borrow::Cow;

use super::{DecodeError, Decoded, Encoding};
use crate::offset::OffsetMap;

/// Decodes UTF-16 in the byte order of `encoding`, skipping a leading BOM.
///
/// Every character changes its byte length (2 or 4 bytes in, 1 to 4 out), so
/// the map holds one edit per character.
pub(super) fn decode(bytes: &[u8], encoding: Encoding) -> Result<Decoded<'static>, DecodeError> {
    let invalid = |offset| DecodeError::Invalid {
        encoding: encoding.as_str(),
        offset,
    };
    if bytes.len() % 2 != 0 {
        return Err(invalid(bytes.len() - 1));
    }
    let unit = |i: usize| {
        let pair = [bytes[i], bytes[i + 1]];
        match encoding {
            Encoding::Utf16Be => u16::from_be_bytes(pair),
            _ => u16::from_le_bytes(pair),
        }
    };
    let bom = if bytes.len() >= 2 && unit(0) == 0xFEFF {
        2
    } else {
        0
    };
    let units = (bom..bytes.len()).step_by(2).map(unit);
    let mut text = String::with_capacity(bytes.len());
    let mut map = OffsetMap::new();
    if bom > 0 {
        map.push(0..0, 0..bom);
    }
    let mut pos = bom;
    for c in char::decode_utf16(units) {
        let c = c.map_err(|_| invalid(pos))?;
        if c == '\0' {
            return Err(DecodeError::Binary {
                reason: format!("NUL character at offset {pos}"),
            });
        }
        let width = c.len_utf16() * 2;
        let start = text.len();
        text.push(c);
        map.push(start..text.len(), pos..pos + width);
        pos += width;
    }
    Ok(Decoded {
        text: Cow::Owned(text),
        map,
        encoding,
        confidence: Some(1.0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut out = vec![0xFF, 0xFE];
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn decodes_and_maps_each_character() {
        let bytes = utf16le("Đà Nẵng");
        let d = decode(&bytes, Encoding::Utf16Le).unwrap();
        assert_eq!(d.text, "Đà Nẵng");
        let nang = d.text.find("Nẵng").unwrap()..d.text.len();
        assert_eq!(d.map.map_range(nang), 8..16);
    }

    #[test]
    fn lone_surrogate_is_invalid() {
        let bytes = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00];
        assert_eq!(
            decode(&bytes, Encoding::Utf16Le).unwrap_err().kind(),
            "decode"
        );
    }
}
