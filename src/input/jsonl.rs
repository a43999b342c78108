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
        }
    }

    fn document(&mut self, options: &JsonlOptions, ids: &mut UniqueIds) -> Document {
        let line = self.line;
        let parsed = serde_json::from_slice::<Map<String, Value>>(&self.buf);
        let mut object = match parsed {
            Ok(o) => o,
            Err(e) => {
                return Document {
                    id: ids.for_line(&self.stem, line),
                    origin: self.origin(),
                    content: Err(InputError::Json {
                        line,
                        message: e.to_string(),
                    }),
                }
            }
        };
        let field_error = |message: String| Err(InputError::Field { line, message });
        let (id, id_error) = match object.get(&options.id_field) {
            Some(Value::String(s)) => (s.clone(), None),
            Some(Value::Number(n)) => (n.to_string(), None),
            None | Some(Value::Null) => (ids.for_line(&self.stem, line), None),
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
            origin: self.origin(),
            content,
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
