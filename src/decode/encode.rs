//! Encoding text back into a legacy encoding, for `vnpipe normalize --to`.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::char::{compose, decompose_canonical};

use super::legacy::vni_pairs;
use super::tables::{CP1258, TCVN3, VISCII, VPS};
use super::Encoding;

/// A character the target encoding cannot represent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{encoding} cannot represent {ch:?} (U+{code:04X}) at character {position}", code = u32::from(*ch))]
pub struct EncodeError {
    /// The target encoding.
    pub encoding: &'static str,
    /// The first character that cannot be written.
    pub ch: char,
    /// Its code-point offset in the text.
    pub position: usize,
}

/// Writes `text` in `encoding`: UTF-8, UTF-16 (with a byte-order mark), TCVN3,
/// VNI, VISCII, windows-1258 or VPS (VIQR is read only). Letters a table lacks as one code are written
/// as base letter plus tone mark where the encoding has marks (windows-1258,
/// TCVN3).
///
/// # Errors
///
/// [`EncodeError`] naming the first character the encoding cannot represent.
///
/// # Example
///
/// ```
/// use vnpipe::decode::{decode, encode, Encoding};
///
/// let bytes = encode("Việt Nam", Encoding::Vni).unwrap();
/// assert_eq!(bytes, b"Vie\xE4t Nam");
/// assert_eq!(decode(&bytes, Some(Encoding::Vni)).unwrap().text, "Việt Nam");
/// assert!(encode("Ω", Encoding::Tcvn3).unwrap_err().to_string().contains("U+03A9"));
/// ```
pub fn encode(text: &str, encoding: Encoding) -> Result<Vec<u8>, EncodeError> {
    encode_with(text, encoding, false)
}

/// Like [`encode`]; with `substitute`, typographic punctuation the target
/// lacks is written in ASCII (– — → `-`, “ ” « » → `"`, ‘ ’ → `'`, … → `...`,
/// • → `-`) instead of failing.
///
/// # Errors
///
/// [`EncodeError`] naming the first character that cannot be written.
///
/// # Example
///
/// ```
/// use vnpipe::decode::{encode_with, Encoding};
///
/// assert!(encode_with("“Tin” – mới…", Encoding::Tcvn3, false).is_err());
/// assert_eq!(encode_with("“Tin” – mới…", Encoding::Tcvn3, true).unwrap(), b"\"Tin\" - m\xedi...");
/// ```
pub fn encode_with(
    text: &str,
    encoding: Encoding,
    substitute: bool,
) -> Result<Vec<u8>, EncodeError> {
    match encoding {
        Encoding::Utf8 | Encoding::Utf8Lossy | Encoding::Mojibake { .. } | Encoding::Viqr => {
            return Ok(text.as_bytes().to_vec())
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let le = encoding == Encoding::Utf16Le;
            let mut out = if le {
                vec![0xFF, 0xFE]
            } else {
                vec![0xFE, 0xFF]
            };
            for unit in text.encode_utf16() {
                out.extend(if le {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                });
            }
            return Ok(out);
        }
        _ => {}
    }
    let table = inverse(encoding);
    let mut out = Vec::with_capacity(text.len());
    for (position, c) in text.chars().enumerate() {
        if push_char(c, table, &mut out) {
            continue;
        }
        if let Some(ascii) = substitute.then(|| ascii_for(c)).flatten() {
            out.extend_from_slice(ascii.as_bytes());
        } else {
            return Err(EncodeError {
                encoding: encoding.as_str(),
                ch: c,
                position,
            });
        }
    }
    Ok(out)
}

/// ASCII for typographic punctuation that legacy encodings lack.
fn ascii_for(c: char) -> Option<&'static str> {
    Some(match c {
        '–' | '—' | '‒' | '−' | '•' => "-",
        '“' | '”' | '„' | '«' | '»' => "\"",
        '‘' | '’' | '‚' => "'",
        '…' => "...",
        _ => return None,
    })
}

/// Appends the bytes of `c`; false when the table cannot represent it.
fn push_char(c: char, table: &HashMap<char, Vec<u8>>, out: &mut Vec<u8>) -> bool {
    if let Some(bytes) = table.get(&c) {
        out.extend_from_slice(bytes);
        return true;
    }
    // Base letter (with its shape marks) + its tone mark, when both exist.
    // Canonical order may put the tone before the shape mark (ậ = a + ◌̣ + ◌̂).
    let mut parts = Vec::new();
    decompose_canonical(c, |d| parts.push(d));
    let Some(at) = parts.iter().position(|m| TONE_MARKS.contains(m)) else {
        return false;
    };
    let tone = parts.remove(at);
    let base = parts[1..]
        .iter()
        .try_fold(parts[0], |acc, &m| compose(acc, m));
    match (base.and_then(|b| table.get(&b)), table.get(&tone)) {
        (Some(b), Some(t)) => {
            out.extend_from_slice(b);
            out.extend_from_slice(t);
            true
        }
        _ => false,
    }
}

const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

fn inverse(encoding: Encoding) -> &'static HashMap<char, Vec<u8>> {
    static TCVN3_INV: OnceLock<HashMap<char, Vec<u8>>> = OnceLock::new();
    static VISCII_INV: OnceLock<HashMap<char, Vec<u8>>> = OnceLock::new();
    static CP1258_INV: OnceLock<HashMap<char, Vec<u8>>> = OnceLock::new();
    static VNI_INV: OnceLock<HashMap<char, Vec<u8>>> = OnceLock::new();
    static VPS_INV: OnceLock<HashMap<char, Vec<u8>>> = OnceLock::new();
    let from_table = |table: &[char; 256]| {
        let mut map = HashMap::new();
        // Prefer the lowest byte for a character listed twice.
        for (b, &c) in table.iter().enumerate().rev() {
            map.insert(c, vec![u8::try_from(b).expect("256 entries")]);
        }
        map
    };
    match encoding {
        Encoding::Tcvn3 => TCVN3_INV.get_or_init(|| from_table(&TCVN3)),
        Encoding::Viscii => VISCII_INV.get_or_init(|| from_table(&VISCII)),
        Encoding::Windows1258 => CP1258_INV.get_or_init(|| from_table(&CP1258)),
        Encoding::Vps => VPS_INV.get_or_init(|| from_table(&VPS)),
        Encoding::Vni => VNI_INV.get_or_init(|| {
            // Bytes 0xC0-0xFF are letters and mark bytes in VNI: only the
            // windows-1252 characters below them stand for themselves.
            let mut map: HashMap<char, Vec<u8>> = from_table(&super::tables::CP1252)
                .into_iter()
                .filter(|(_, b)| b[0] < 0xC0)
                .collect();
            for (bytes, c) in vni_pairs() {
                // The shortest spelling: ỵ is the single byte î, not y + ï.
                if map.get(&c).is_none_or(|old| old.len() > bytes.len()) {
                    map.insert(c, bytes);
                }
            }
            map
        }),
        _ => unreachable!("{encoding:?} has no table"),
    }
}
