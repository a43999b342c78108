//! Opening files and standard input, gunzipping transparently.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;

/// A buffered reader over a (possibly decompressed) input.
pub(super) type Reader = Box<dyn BufRead + Send>;

const GZIP_MAGIC: &[u8] = b"\x1F\x8B";

/// Opens `path` (standard input when `None`); gzip data, recognised by its
/// magic bytes rather than its name, is decompressed on the fly.
pub(super) fn open(path: Option<&Path>) -> io::Result<Reader> {
    let raw: Box<dyn Read + Send> = match path {
        Some(p) => Box::new(File::open(p)?),
        None => Box::new(io::stdin()),
    };
    let mut buffered = BufReader::with_capacity(256 * 1024, raw);
    if buffered.fill_buf()?.starts_with(GZIP_MAGIC) {
        let gz = MultiGzDecoder::new(buffered);
        return Ok(Box::new(BufReader::with_capacity(256 * 1024, gz)));
    }
    Ok(Box::new(buffered))
}

/// Reads everything that is left.
pub(super) fn read_all(mut reader: Reader) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// True for `x.jsonl`, `x.ndjson` and their `.gz` versions.
pub(super) fn has_jsonl_extension(path: &Path) -> bool {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".jsonl") || name.ends_with(".ndjson")
}
