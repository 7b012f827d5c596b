//! A small JSON writer and pull reader for the compact stored document (schema 2).
//!
//! The stored state is read at every start and written after every change, at the scale of
//! tens of thousands of rows. Serde derives for a dozen array-shaped row types would add their
//! weight to the wasm; this reader walks the text once, allocates only the strings it keeps, and
//! reports the byte offset of the first problem.
//!
//! The writer escapes every character above U+00FF as `\uXXXX`, so the stored text stays in
//! the Latin-1 range (Safari stores such strings at one byte a character, others at two).

use std::fmt;

/// Deepest nesting [`Reader::skip_value`] accepts (the compact format needs four levels).
const MAX_DEPTH: usize = 64;

/// Why the compact text could not be read: where (byte offset) and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    /// Byte offset of the problem in the text.
    pub offset: usize,
    /// What was expected or wrong.
    pub what: &'static str,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "byte {}: {}", self.offset, self.what)
    }
}

impl std::error::Error for ReadError {}

/// Appends `text` as a JSON string literal, Latin-1 only.
pub fn push_string(out: &mut String, text: &str) {
    out.push('"');
    let mut plain = 0;
    for (i, c) in text.char_indices() {
        let escape = matches!(c, '"' | '\\') || (c as u32) < 0x20 || (c as u32) > 0xFF;
        if !escape {
            continue;
        }
        out.push_str(&text[plain..i]);
        plain = i + c.len_utf8();
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    push_unicode_escape(out, *unit);
                }
            }
        }
    }
    out.push_str(&text[plain..]);
    out.push('"');
}

fn push_unicode_escape(out: &mut String, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(char::from(HEX[usize::from((unit >> shift) & 0xF)]));
    }
}

/// Appends an integer.
pub fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_uint(out, n.unsigned_abs());
}

/// Appends an unsigned integer.
pub fn push_uint(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[..len].iter().rev().map(|&d| char::from(d)));
}

/// Writes one JSON array whose trailing elements are left out when they hold their default
/// (the reader gives the default back for an element that is not there).
pub struct Row<'a> {
    out: &'a mut String,
    /// Length of the output up to the last element that must be kept.
    keep: usize,
    first: bool,
}

impl<'a> Row<'a> {
    /// Opens the array.
    pub fn open(out: &'a mut String) -> Self {
        out.push('[');
        let keep = out.len();
        Row { out, keep, first: true }
    }

    fn comma(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }

    /// An element that is written by `write`; `default` tells whether it may be left out at
    /// the end of the row.
    pub fn item(&mut self, default: bool, write: impl FnOnce(&mut String)) {
        self.comma();
        write(self.out);
        if !default {
            self.keep = self.out.len();
        }
    }

    /// A string element (never left out).
    pub fn string(&mut self, text: &str) {
        self.item(false, |out| push_string(out, text));
    }

    /// An integer element, left out at the end when it equals `default`.
    pub fn int(&mut self, n: i64, default: Option<i64>) {
        self.item(default == Some(n), |out| push_int(out, n));
    }

    /// An optional string, `null` when absent (left out at the end).
    pub fn opt_string(&mut self, text: Option<&str>) {
        self.item(text.is_none(), |out| match text {
            Some(t) => push_string(out, t),
            None => out.push_str("null"),
        });
    }

    /// An unsigned integer element, left out at the end when it equals `default`.
    pub fn uint(&mut self, n: u64, default: Option<u64>) {
        self.item(default == Some(n), |out| push_uint(out, n));
    }

    /// An optional unsigned integer, `null` when absent (left out at the end).
    pub fn opt_uint(&mut self, n: Option<u64>) {
        self.item(n.is_none(), |out| match n {
            Some(n) => push_uint(out, n),
            None => out.push_str("null"),
        });
    }

    /// An optional integer, `null` when absent (left out at the end).
    pub fn opt_int(&mut self, n: Option<i64>) {
        self.item(n.is_none(), |out| match n {
            Some(n) => push_int(out, n),
            None => out.push_str("null"),
        });
    }

    /// Closes the array, dropping the trailing default elements.
    pub fn close(self) {
        self.out.truncate(self.keep);
        self.out.push(']');
    }
}

/// A pull reader over JSON text: the caller says what it expects next.
pub struct Reader<'a> {
    text: &'a [u8],
    pos: usize,
    /// For each open array or object: whether no element has been read yet.
    first: Vec<bool>,
}

/// A JSON value's kind, seen from its first byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `null`.
    Null,
    /// A string.
    String,
    /// A number.
    Number,
    /// An array.
    Array,
    /// An object.
    Object,
    /// `true` or `false`.
    Bool,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Reader { text: text.as_bytes(), pos: 0, first: Vec::new() }
    }

    /// An error at the current position.
    pub fn error(&self, what: &'static str) -> ReadError {
        ReadError { offset: self.pos, what }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.text.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek_byte(&mut self) -> Option<u8> {
        self.skip_ws();
        self.text.get(self.pos).copied()
    }

    fn expect_byte(&mut self, byte: u8, what: &'static str) -> Result<(), ReadError> {
        if self.peek_byte() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(what))
        }
    }

    /// The kind of the next value.
    pub fn peek(&mut self) -> Result<Kind, ReadError> {
        match self.peek_byte() {
            Some(b'n') => Ok(Kind::Null),
            Some(b'"') => Ok(Kind::String),
            Some(b'-' | b'0'..=b'9') => Ok(Kind::Number),
            Some(b'[') => Ok(Kind::Array),
            Some(b'{') => Ok(Kind::Object),
            Some(b't' | b'f') => Ok(Kind::Bool),
            _ => Err(self.error("expected a value")),
        }
    }

    /// Consumes `null` if it comes next.
    pub fn null(&mut self) -> Result<bool, ReadError> {
        if self.peek_byte() != Some(b'n') {
            return Ok(false);
        }
        if self.text[self.pos..].starts_with(b"null") {
            self.pos += 4;
            Ok(true)
        } else {
            Err(self.error("expected null"))
        }
    }

    /// A `true` or `false`.
    pub fn bool(&mut self) -> Result<bool, ReadError> {
        self.skip_ws();
        for (word, value) in [(&b"true"[..], true), (&b"false"[..], false)] {
            if self.text[self.pos..].starts_with(word) {
                self.pos += word.len();
                return Ok(value);
            }
        }
        Err(self.error("expected true or false"))
    }

    /// Opens an array.
    pub fn open_array(&mut self) -> Result<(), ReadError> {
        self.expect_byte(b'[', "expected an array")?;
        self.first.push(true);
        Ok(())
    }

    /// Opens an object.
    pub fn open_object(&mut self) -> Result<(), ReadError> {
        self.expect_byte(b'{', "expected an object")?;
        self.first.push(true);
        Ok(())
    }

    /// Whether the open array or object has another element; consumes the comma before it.
    pub fn more(&mut self) -> Result<bool, ReadError> {
        let close = self.peek_byte();
        if matches!(close, Some(b']' | b'}')) {
            return Ok(false);
        }
        let first = self.first.last_mut().ok_or(ReadError { offset: self.pos, what: "nothing open" })?;
        if *first {
            *first = false;
            Ok(true)
        } else {
            self.expect_byte(b',', "expected a comma")?;
            Ok(true)
        }
    }

    /// Moves to the next element of a row, which must be there.
    pub fn element(&mut self) -> Result<(), ReadError> {
        if self.more()? {
            Ok(())
        } else {
            Err(self.error("missing element"))
        }
    }

    /// The next element of a row read by `read`, or `default` when the row ends here.
    pub fn next_or<T>(
        &mut self,
        default: T,
        read: impl FnOnce(&mut Self) -> Result<T, ReadError>,
    ) -> Result<T, ReadError> {
        if self.more()? {
            read(self)
        } else {
            Ok(default)
        }
    }

    /// Reads one array with `read`, which takes its elements with [`Reader::element`] and
    /// [`Reader::next_or`].
    pub fn row<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T, ReadError>) -> Result<T, ReadError> {
        self.open_array()?;
        let value = read(self)?;
        self.close_array()?;
        Ok(value)
    }

    /// The byte offset reached.
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// Closes the open array (every element must have been read).
    pub fn close_array(&mut self) -> Result<(), ReadError> {
        self.expect_byte(b']', "too many elements")?;
        self.first.pop();
        Ok(())
    }

    /// Closes the open object.
    pub fn close_object(&mut self) -> Result<(), ReadError> {
        self.expect_byte(b'}', "expected the end of the object")?;
        self.first.pop();
        Ok(())
    }

    /// The next key of the open object, or `None` at its end.
    pub fn key(&mut self) -> Result<Option<String>, ReadError> {
        if !self.more()? {
            return Ok(None);
        }
        let key = self.string()?;
        self.expect_byte(b':', "expected a colon")?;
        Ok(Some(key))
    }

    /// Reads the key `name` of the open object (the compact format writes its keys in a fixed
    /// order).
    pub fn expect_key(&mut self, name: &'static str) -> Result<(), ReadError> {
        let at = self.pos;
        match self.key()? {
            Some(key) if key == name => Ok(()),
            _ => Err(ReadError { offset: at, what: name }),
        }
    }

    /// Reads every element of an array with `item`.
    pub fn array(&mut self, mut item: impl FnMut(&mut Self) -> Result<(), ReadError>) -> Result<(), ReadError> {
        self.open_array()?;
        while self.more()? {
            item(self)?;
        }
        self.close_array()
    }

    /// An integer (no fraction, no exponent).
    pub fn int(&mut self) -> Result<i64, ReadError> {
        self.skip_ws();
        let start = self.pos;
        let negative = self.text.get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        let mut value: i64 = 0;
        let digits_start = self.pos;
        while let Some(&d @ b'0'..=b'9') = self.text.get(self.pos) {
            let digit = i64::from(d - b'0');
            value = value
                .checked_mul(10)
                .and_then(|v| if negative { v.checked_sub(digit) } else { v.checked_add(digit) })
                .ok_or(ReadError { offset: start, what: "number out of range" })?;
            self.pos += 1;
        }
        if self.pos == digits_start {
            return Err(ReadError { offset: start, what: "expected an integer" });
        }
        if matches!(self.text.get(self.pos), Some(b'.' | b'e' | b'E')) {
            return Err(ReadError { offset: start, what: "expected an integer" });
        }
        Ok(value)
    }

    /// An unsigned integer up to `u64::MAX` (amounts, counters).
    pub fn uint(&mut self) -> Result<u64, ReadError> {
        self.skip_ws();
        let start = self.pos;
        let mut value: u64 = 0;
        while let Some(&d @ b'0'..=b'9') = self.text.get(self.pos) {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(d - b'0')))
                .ok_or(ReadError { offset: start, what: "number out of range" })?;
            self.pos += 1;
        }
        if self.pos == start || matches!(self.text.get(self.pos), Some(b'.' | b'e' | b'E')) {
            return Err(ReadError { offset: start, what: "expected an unsigned integer" });
        }
        Ok(value)
    }

    /// An optional unsigned integer: `null` is `None`.
    pub fn opt_uint(&mut self) -> Result<Option<u64>, ReadError> {
        if self.null()? {
            Ok(None)
        } else {
            self.uint().map(Some)
        }
    }

    /// An integer that must fit `T` (a count, an index, a small enum).
    pub fn int_as<T: TryFrom<i64>>(&mut self) -> Result<T, ReadError> {
        let at = self.pos;
        let n = self.int()?;
        T::try_from(n).map_err(|_| ReadError { offset: at, what: "number out of range" })
    }

    /// An optional integer: `null` is `None`.
    pub fn opt_int_as<T: TryFrom<i64>>(&mut self) -> Result<Option<T>, ReadError> {
        if self.null()? {
            Ok(None)
        } else {
            self.int_as().map(Some)
        }
    }

    /// A string.
    pub fn string(&mut self) -> Result<String, ReadError> {
        self.expect_byte(b'"', "expected a string")?;
        let mut out = String::new();
        let mut plain = self.pos;
        loop {
            let Some(&b) = self.text.get(self.pos) else {
                return Err(self.error("unterminated string"));
            };
            match b {
                b'"' => {
                    out.push_str(self.slice(plain, self.pos)?);
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(self.slice(plain, self.pos)?);
                    self.pos += 1;
                    self.escape(&mut out)?;
                    plain = self.pos;
                }
                0..=0x1F => return Err(self.error("control character in a string")),
                _ => self.pos += 1,
            }
        }
    }

    /// An optional string: `null` is `None`.
    pub fn opt_string(&mut self) -> Result<Option<String>, ReadError> {
        if self.null()? {
            Ok(None)
        } else {
            self.string().map(Some)
        }
    }

    fn slice(&self, from: usize, to: usize) -> Result<&'a str, ReadError> {
        // The input is a `str` and the bounds sit next to ASCII bytes, so this cannot fail; an
        // error rather than a panic all the same.
        self.text
            .get(from..to)
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .ok_or(ReadError { offset: from, what: "invalid text" })
    }

    fn escape(&mut self, out: &mut String) -> Result<(), ReadError> {
        let Some(&b) = self.text.get(self.pos) else {
            return Err(self.error("unterminated string"));
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&unit) {
                    // A high surrogate must be followed by an escaped low one.
                    if !self.text[self.pos..].starts_with(b"\\u") {
                        return Err(self.error("lone surrogate"));
                    }
                    self.pos += 2;
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.error("lone surrogate"));
                    }
                    0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    unit
                };
                char::from_u32(code).ok_or(self.error("lone surrogate"))?
            }
            _ => return Err(self.error("unknown escape")),
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, ReadError> {
        let digits = self.text.get(self.pos..self.pos + 4).ok_or(self.error("short \\u escape"))?;
        let mut value = 0;
        for &d in digits {
            let v = char::from(d).to_digit(16).ok_or(self.error("bad \\u escape"))?;
            value = value * 16 + v;
        }
        self.pos += 4;
        Ok(value)
    }

    /// Skips one value of any kind (bounded nesting).
    pub fn skip_value(&mut self) -> Result<(), ReadError> {
        self.skip_nested(0)
    }

    fn skip_nested(&mut self, depth: usize) -> Result<(), ReadError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        match self.peek()? {
            Kind::Null => self.null().map(drop),
            Kind::Bool => self.bool().map(drop),
            Kind::String => self.string().map(drop),
            Kind::Number => {
                // Any JSON number, fraction and exponent included.
                self.skip_ws();
                let start = self.pos;
                while let Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') = self.text.get(self.pos) {
                    self.pos += 1;
                }
                if self.pos == start {
                    return Err(self.error("expected a number"));
                }
                Ok(())
            }
            Kind::Array => {
                self.open_array()?;
                while self.more()? {
                    self.skip_nested(depth + 1)?;
                }
                self.close_array()
            }
            Kind::Object => {
                self.open_object()?;
                while self.key()?.is_some() {
                    self.skip_nested(depth + 1)?;
                }
                self.close_object()
            }
        }
    }

    /// Checks that only white space is left.
    pub fn finish(&mut self) -> Result<(), ReadError> {
        if self.peek_byte().is_some() {
            Err(self.error("unexpected text after the end"))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> Result<String, ReadError> {
        let mut out = String::new();
        push_string(&mut out, text);
        Reader::new(&out).string()
    }

    #[test]
    fn strings_survive_and_stay_latin1() -> Result<(), ReadError> {
        for text in ["", "plain", "École \"Jules\" \\ Ferry\n\t", "l’été ☀ 𝄞 — fin", "\u{0}\u{1f}\u{ff}\u{100}"]
        {
            assert_eq!(round_trip(text)?, text);
            let mut out = String::new();
            push_string(&mut out, text);
            assert!(out.chars().all(|c| (c as u32) <= 0xFF), "{out}");
            // What we write is JSON any parser reads the same way.
            assert_eq!(serde_json::from_str::<String>(&out).ok().as_deref(), Some(text));
        }
        Ok(())
    }

    #[test]
    fn rows_drop_only_trailing_defaults() {
        let mut out = String::new();
        let mut row = Row::open(&mut out);
        row.string("a");
        row.opt_int(None);
        row.int(3, Some(0));
        row.int(8, Some(8));
        row.opt_string(None);
        row.close();
        assert_eq!(out, r#"["a",null,3]"#);
    }

    #[test]
    fn bad_input_is_reported_with_its_offset() {
        assert_eq!(Reader::new("[1,").array(|r| r.int().map(drop)).map_err(|e| e.offset), Err(3));
        assert!(Reader::new("1.5").int().is_err());
        assert!(Reader::new("99999999999999999999").int().is_err());
        assert!(Reader::new(r#""\ud800""#).string().is_err());
        assert!(Reader::new(r#""abc"#).string().is_err());
        let deep = "[".repeat(10_000);
        assert!(Reader::new(&deep).skip_value().is_err());
    }

    #[test]
    fn escapes_written_by_others_are_read() -> Result<(), ReadError> {
        assert_eq!(Reader::new(r#""\u00e9\/\b\f\r\ud834\udd1e""#).string()?, "é/\u{8}\u{c}\r𝄞");
        let mut r = Reader::new(r#"{"a": [1, {"b": null}], "c": -2.5e3, "d": true}"#);
        r.open_object()?;
        assert_eq!(r.key()?.as_deref(), Some("a"));
        r.skip_value()?;
        assert_eq!(r.key()?.as_deref(), Some("c"));
        r.skip_value()?;
        assert_eq!(r.key()?.as_deref(), Some("d"));
        assert!(r.bool()?);
        assert_eq!(r.key()?, None);
        r.close_object()?;
        r.finish()
    }
}
