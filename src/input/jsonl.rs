//! JSONL input: one JSON object per line, the document in its text field.

use serde_json::{Map, Value};

use super::open::Reader;
use super::{Document, InputError, Origin, UniqueIds};

/// Which fields of a JSONL object hold the text and the id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonlOptions {
    /// The field holding the document text (default `text`).
    pub text_field: String,
    /// The field holding the document id (default `id`); string or number.
    pub id_field: String,
}

impl Default for JsonlOptions {
    fn default() -> JsonlOptions {
        JsonlOptions {
            text_field: "text".to_string(),
            id_field: "id".to_string(),
        }
    }
}

/// The documents of one JSONL stream, read a line at a time.
pub(super) struct Lines {
    reader: Reader,
    path: Option<String>,
    stem: String,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl Lines {
    pub(super) fn new(reader: Reader, path: Option<String>, stem: String) -> Lines {
        Lines {
            reader,
            path,
            stem,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// The next document; blank lines are skipped. A read error ends the
    /// stream with one error document.
    pub(super) fn next(&mut self, options: &JsonlOptions, ids: &mut UniqueIds) -> Option<Document> {
        while !self.done {
            self.buf.clear();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    if self.line == 1 && self.buf.starts_with(b"\xEF\xBB\xBF") {
                        self.buf.drain(..3); // a byte-order mark opening the file
                    }
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.document(options, ids));
                }
                Err(e) => {
                    self.done = true;
                    let id = ids.for_line(&self.stem, self.line);
                    return Some(Document {
                        id,
                        origin: self.origin(),
                        content: Err(InputError::Io {
                            path: self.path.clone().unwrap_or_else(|| "<stdin>".to_string()),
                            message: format!("line {}: {e}", self.line),
                        }),
                    });
                }
            }
        }
        None
    }

    fn origin(&self) -> Origin {
        Origin {
            path: self.path.clone(),
            line: Some(self.line),
            ..Origin::default()
        }
    }

    fn document(&mut self, options: &JsonlOptions, ids: &mut UniqueIds) -> Document {
        let line = self.line;
        let mut origin = self.origin();
        // A line with a stray byte or a character cut off is read with them
        // replaced, as a text file would be.
        let parsed = parse_object(&self.buf).or_else(|message| {
            match crate::decode::repair_utf8(&self.buf) {
                Some(repaired) => {
                    origin.repaired = true;
                    parse_object(repaired.as_bytes()).map_err(|_| message)
                }
                None => Err(message),
            }
        });
        let mut object = match parsed {
            Ok(o) => o,
            Err(message) => {
                return Document {
                    id: ids.for_line(&self.stem, line),
                    origin: self.origin(),
                    content: Err(InputError::Json { line, message }),
                }
            }
        };
        let field_error = |message: String| Err(InputError::Field { line, message });
        let (id, id_error) = match object.get(&options.id_field) {
            Some(Value::String(s)) => (s.clone(), None),
            Some(Value::Number(n)) => (n.to_string(), None),
            None | Some(Value::Null) => {
                origin.numbered = true;
                (ids.for_line(&self.stem, line), None)
            }
            Some(other) => (
                ids.for_line(&self.stem, line),
                Some(format!(
                    "id field \"{}\" is {}, not a string or a number",
                    options.id_field,
                    type_name(other)
                )),
            ),
        };
        let content = if let Some(message) = id_error {
            field_error(message)
        } else {
            match object.remove(&options.text_field) {
                Some(Value::String(s)) => Ok(s.into_bytes()),
                None => field_error(format!("no text field \"{}\"", options.text_field)),
                Some(other) => field_error(format!(
                    "text field \"{}\" is {}, not a string",
                    options.text_field,
                    type_name(&other)
                )),
            }
        };
        Document {
            id,
            origin,
            content,
        }
    }
}

/// Parses one line as a JSON object; the error says what is wrong in words,
/// with the column (the line number is the caller's).
fn parse_object(line: &[u8]) -> Result<Map<String, Value>, String> {
    match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(o)) => Ok(o),
        Ok(other) => Err(format!("{}, not a JSON object", type_name(&other))),
        Err(e) => {
            let full = e.to_string();
            // serde_json appends " at line L column C" for its own one-line input.
            let what = full
                .rfind(" at line ")
                .map_or(full.as_str(), |i| &full[..i]);
            if e.is_eof() || line.ends_with(b"\n") && e.line() > 1 {
                Err(format!(
                    "invalid JSON: the line ends inside a string or value ({what})"
                ))
            } else {
                Err(format!("invalid JSON at column {}: {what}", e.column()))
            }
        }
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
