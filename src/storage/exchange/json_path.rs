//! Where in a JSON text an error is: the field path (`bookings[12].lines[0].quantity`) of the
//! value at a line and column, as `serde_json` reports them. A small byte scanner, so naming
//! the place costs no second, path-tracking copy of every deserializer.

/// One level of nesting on the way to the position.
enum Frame {
    /// Inside an object: the key whose value is being read, if one was read.
    Object { key: Option<String>, expect_key: bool },
    /// Inside an array: the index of the element being read.
    Array { index: usize },
}

/// The byte offset of 1-based `line` and `column` (serde_json counts columns in bytes and
/// points just past the offending token); clamped to the text.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum::<usize>();
    (start + column).min(text.len())
}

/// Reads a JSON string starting after its opening quote at `i`; returns its bytes and the index
/// after the closing quote (or the end of `bytes` if it is cut).
fn read_string(bytes: &[u8], mut i: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match b {
            b'"' => return (out, i),
            b'\\' => {
                if let Some(&escaped) = bytes.get(i) {
                    out.push(escaped);
                    i += 1;
                }
            }
            _ => out.push(b),
        }
    }
    (out, i)
}

/// The path of the value being read at `line`/`column` of `text`: keys joined with `.`, array
/// indices in brackets; empty at the top level. Never fails: malformed text gives the path as
/// far as it could be followed.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let bytes = &text.as_bytes()[..offset_of(text, line, column)];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match b {
            b'{' => stack.push(Frame::Object { key: None, expect_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key, expect_key }) => {
                    *key = None;
                    *expect_key = true;
                }
                None => {}
            },
            b'"' => {
                let (content, next) = read_string(bytes, i);
                i = next;
                if let Some(Frame::Object { key, expect_key }) = stack.last_mut() {
                    if *expect_key {
                        *key = Some(String::from_utf8_lossy(&content).into_owned());
                        *expect_key = false;
                    }
                }
            }
            _ => {}
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Line {
        model: String,
        quantity: u32,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Booking {
        id: String,
        lines: Vec<Line>,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        bookings: Vec<Booking>,
    }

    /// The path serde's own error position leads to.
    fn path_of_error(text: &str) -> String {
        match serde_json::from_str::<Doc>(text) {
            Ok(_) => "no error".into(),
            Err(e) => path_at(text, e.line(), e.column()),
        }
    }

    #[test]
    fn a_wrong_value_is_located_by_its_field() {
        let text = r#"{"bookings":[{"id":"a","lines":[]},{"id":"b","lines":[{"model":"m","quantity":1},{"model":"m","quantity":"x"}]}]}"#;
        assert_eq!(path_of_error(text), "bookings[1].lines[1].quantity");
        let negative = r#"{"bookings":[{"id":"a","lines":[{"model":"m","quantity":-1}]}]}"#;
        assert_eq!(path_of_error(negative), "bookings[0].lines[0].quantity");
    }

    #[test]
    fn a_missing_field_is_located_at_its_object() {
        let text = "{\n  \"bookings\": [\n    {\"id\": \"a\", \"lines\": [{\"model\": \"m\"}]}\n  ]\n}";
        assert_eq!(path_of_error(text), "bookings[0].lines[0]");
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_located_by_its_key() {
        assert_eq!(path_of_error(r#"{"bookings":[{"id":"a","lines":{}}]}"#), "bookings[0].lines");
        assert_eq!(path_of_error(r#"{"bookings":[{"id":5,"lines":[]}]}"#), "bookings[0].id");
    }

    #[test]
    fn keys_with_escapes_commas_and_brackets_in_strings_do_not_confuse_it() {
        let text = r#"{"a":{"x\"y":"[,{","b":[1,2,{"c":"#;
        assert_eq!(path_at(text, 1, text.len()), "a.b[2].c");
    }

    #[test]
    fn any_position_in_any_text_gives_an_answer() {
        for text in ["", "}", "]]]", "\"", "{\"a", "[1,2", "é\"é", "{\n\"a\":\n[\n"] {
            for line in 0..4 {
                for column in 0..8 {
                    let _ = path_at(text, line, column);
                }
            }
        }
        assert_eq!(path_at("[1,[2,3", 1, 7), "[1][1]");
    }
}
