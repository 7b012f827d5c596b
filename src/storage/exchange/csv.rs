//! CSV tables for a French spreadsheet (LibreOffice Calc, Excel): UTF-8 with a byte order mark,
//! `;` between cells, CRLF line ends, RFC 4180 quoting, dates as JJ/MM/AAAA and decimals with a
//! comma. Text cells come from people (teachers' notes, project titles): one that a spreadsheet
//! would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
//! written with a leading `'`, so it shows as text. Numbers the app writes itself are typed
//! cells and are written as they are (`-3` is a number, not a formula).

use chrono::{Datelike, NaiveDate};

/// The byte order mark that tells a spreadsheet the file is UTF-8.
pub const BOM: char = '\u{feff}';

/// The characters a spreadsheet may take as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One cell of a table, typed so that only text is ever neutralised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Text, possibly written by someone else: neutralised if it looks like a formula.
    Text(String),
    /// A fixed-point number: `value` ÷ 10^`decimals` (`Number { value: 1250, decimals: 2 }` is
    /// 12,50).
    Number {
        /// The digits, as an integer.
        value: i64,
        /// How many of them are decimals.
        decimals: u8,
    },
    /// A day, written JJ/MM/AAAA.
    Date(NaiveDate),
}

impl Cell {
    /// A text cell.
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    /// A whole number.
    pub fn int(value: impl Into<i64>) -> Cell {
        Cell::Number { value: value.into(), decimals: 0 }
    }

    /// An amount in cents, written in euros with two decimals (`12,50`).
    pub fn cents(cents: u64) -> Cell {
        Cell::Number { value: i64::try_from(cents).unwrap_or(i64::MAX), decimals: 2 }
    }

    /// The cell's value as the spreadsheet should read it, before quoting (text neutralised).
    pub fn value(&self) -> String {
        match self {
            Cell::Text(text) => neutralise(text),
            Cell::Number { value, decimals } => decimal(*value, *decimals, ','),
            Cell::Date(date) => format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year()),
        }
    }
}

/// `value` ÷ 10^`decimals` written with `separator` before the decimals (`-0,05`).
pub fn decimal(value: i64, decimals: u8, separator: char) -> String {
    let digits = value.unsigned_abs().to_string();
    let sign = if value < 0 { "-" } else { "" };
    let width = usize::from(decimals);
    if width == 0 {
        return format!("{sign}{digits}");
    }
    let padded = format!("{digits:0>w$}", w = width + 1);
    let (whole, fraction) = padded.split_at(padded.len() - width);
    format!("{sign}{whole}{separator}{fraction}")
}

/// Text a spreadsheet would take for a formula, with a leading `'` so it reads as text.
pub fn neutralise(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A cell as written in the file: quoted when it holds `;`, `"`, CR or LF, inner quotes doubled.
fn quoted(value: &str) -> String {
    if value.contains([';', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// A table with a header row of titles, as the text of a `.csv` file (with its BOM).
pub fn write(header: &[&str], rows: &[Vec<Cell>]) -> String {
    let mut out = String::new();
    out.push(BOM);
    let header: Vec<Cell> = header.iter().map(|h| Cell::text(*h)).collect();
    for row in std::iter::once(&header).chain(rows) {
        let line: Vec<String> = row.iter().map(|c| quoted(&c.value())).collect();
        out.push_str(&line.join(";"));
        out.push_str("\r\n");
    }
    out
}

/// The MIME type to offer the file with.
pub const MIME: &str = "text/csv;charset=utf-8";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::d;
    use proptest::prelude::*;

    /// A small RFC 4180 reader (`;`, CRLF) for the tests: the rows of `text` without its BOM.
    fn read(text: &str) -> Result<Vec<Vec<String>>, String> {
        let body = text.strip_prefix(BOM).ok_or("no BOM")?;
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut chars = body.chars().peekable();
        let mut in_quotes = false;
        let mut was_quoted = false;
        while let Some(c) = chars.next() {
            if in_quotes {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    '"' => in_quotes = false,
                    other => cell.push(other),
                }
                continue;
            }
            match c {
                '"' if cell.is_empty() && !was_quoted => {
                    in_quotes = true;
                    was_quoted = true;
                }
                '"' => return Err("quote inside an unquoted cell".into()),
                ';' => {
                    row.push(std::mem::take(&mut cell));
                    was_quoted = false;
                }
                '\r' => {
                    if chars.next() != Some('\n') {
                        return Err("CR without LF".into());
                    }
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                    was_quoted = false;
                }
                '\n' => return Err("bare LF".into()),
                _ if was_quoted => return Err("text after a closing quote".into()),
                other => cell.push(other),
            }
        }
        if in_quotes || !cell.is_empty() || !row.is_empty() {
            return Err("last line not ended by CRLF".into());
        }
        Ok(rows)
    }

    #[test]
    fn a_french_table_with_bom_semicolons_and_crlf() {
        let rows = vec![
            vec![Cell::text("Thymio"), Cell::int(-3), Cell::cents(125_050), Cell::Date(d(2027, 1, 4))],
            vec![Cell::text("a;b"), Cell::int(0), Cell::cents(5), Cell::text("dit \"oui\"\r\nfin")],
        ];
        let text = write(&["Modèle", "Écart", "Montant (€)", "Jour"], &rows);
        assert_eq!(
            text,
            "\u{feff}Modèle;Écart;Montant (€);Jour\r\nThymio;-3;1250,50;04/01/2027\r\n\"a;b\";0;0,05;\"dit \"\"oui\"\"\r\nfin\"\r\n"
        );
    }

    #[test]
    fn text_that_looks_like_a_formula_is_neutralised_but_numbers_are_not() {
        assert_eq!(Cell::text("=HYPERLINK(\"http://x\";\"y\")").value(), "'=HYPERLINK(\"http://x\";\"y\")");
        for start in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(Cell::text(start).value(), format!("'{start}"));
        }
        assert_eq!(Cell::text("1-2").value(), "1-2");
        assert_eq!(Cell::text("").value(), "");
        assert_eq!(Cell::int(-3).value(), "-3");
        assert_eq!(Cell::Number { value: -5, decimals: 2 }.value(), "-0,05");
        let text = write(&["Note"], &[vec![Cell::text("=1+1;2")]]);
        assert_eq!(read(&text).unwrap()[1], ["'=1+1;2"]);
    }

    #[test]
    fn decimals_are_padded_and_use_the_separator() {
        assert_eq!(decimal(0, 2, ','), "0,00");
        assert_eq!(decimal(7, 2, '.'), "0.07");
        assert_eq!(decimal(123_456, 2, ','), "1234,56");
        assert_eq!(decimal(42, 0, ','), "42");
        assert_eq!(decimal(i64::MIN, 2, ','), "-92233720368547758,08");
    }

    fn cell() -> impl Strategy<Value = Cell> {
        prop_oneof![
            "[ -~\t\r\né€\"';=+@-]{0,12}".prop_map(Cell::Text),
            (any::<i64>(), 0u8..4).prop_map(|(value, decimals)| Cell::Number { value, decimals }),
            (1900i32..2100, 1u32..13, 1u32..29).prop_map(|(y, m, day)| Cell::Date(d(y, m, day))),
        ]
    }

    proptest! {
        #[test]
        fn any_table_reads_back_and_no_text_cell_starts_a_formula(
            header in proptest::collection::vec("[ -~é]{0,8}", 1..4),
            rows in proptest::collection::vec(proptest::collection::vec(cell(), 1..5), 0..6),
        ) {
            let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
            let text = write(&header_refs, &rows);
            prop_assert!(text.starts_with(BOM));
            let read_back = read(&text).map_err(TestCaseError::fail)?;
            prop_assert_eq!(read_back.len(), rows.len() + 1);
            let header_cells: Vec<Cell> = header.iter().map(|h| Cell::text(h.clone())).collect();
            for (written, read_row) in std::iter::once(&header_cells).chain(&rows).zip(&read_back) {
                prop_assert_eq!(written.len(), read_row.len());
                for (cell, value) in written.iter().zip(read_row) {
                    prop_assert_eq!(&cell.value(), value);
                    if let Cell::Text(original) = cell {
                        prop_assert!(!value.starts_with(FORMULA_STARTS), "{:?} starts a formula", value);
                        let kept = value == original || value.strip_prefix('\'') == Some(original.as_str());
                        prop_assert!(kept, "{:?} became {:?}", original, value);
                    }
                }
            }
        }
    }
}
