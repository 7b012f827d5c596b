//! CSV tables, written for a French spreadsheet (LibreOffice Calc, Excel) and read back from
//! anywhere with one RFC 4180 reader ([`read`]).
//!
//! Written: UTF-8 with a byte order mark, `;` between cells, CRLF line ends, RFC 4180 quoting,
//! dates as JJ/MM/AAAA and decimals with a comma. Text cells come from people (teachers' notes,
//! project titles): one that a spreadsheet would read as a formula (starting with `=`, `+`, `-`,
//! `@`, a tab or a carriage return) is written with a leading `'`, so it shows as text. Numbers
//! the app writes itself are typed cells and are written as they are (`-3` is a number, not a
//! formula).
//!
//! Read (the official school calendar's export, and the tests of what is written): a byte
//! order mark is skipped, cells are separated by `;` or `,`, a quoted cell may hold the
//! separator, doubled quotes and line breaks.

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

/// Which line ends end a row when reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineEnds {
    /// CRLF only, as RFC 4180 writes it (and [`write`] does): a bare LF is an error.
    Crlf,
    /// CRLF or LF, as files from elsewhere may have them.
    CrlfOrLf,
}

/// One row of a table read, with the line it starts on (1-based; a quoted line break makes a
/// row span lines).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The line the row starts on.
    pub line: usize,
    /// Its cells, unquoted.
    pub cells: Vec<String>,
}

/// What makes a text not a CSV table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadProblem {
    /// A quoted cell is not closed before the end of the text.
    UnclosedQuote,
    /// A quote inside a cell that does not start with one.
    QuoteInUnquotedCell,
    /// Something other than a separator or a line end after a closing quote.
    TextAfterQuote,
    /// A carriage return not followed by a line feed, or a line feed alone where only CRLF
    /// ends a row.
    BareLineEnd,
}

/// Where and why a text could not be read as a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadError {
    /// The line (1-based) where the problem is.
    pub line: usize,
    /// What is wrong.
    pub problem: ReadProblem,
}

/// The separator of a table from its first line: `;` when it has one outside quotes (the
/// French convention, which leaves the comma to decimals), else `,`.
pub fn separator_of(text: &str) -> char {
    let mut quoted = false;
    for c in text.trim_start_matches(BOM).chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => return ';',
            '\n' if !quoted => break,
            _ => {}
        }
    }
    ','
}

/// Reads `text` as an RFC 4180 table whose cells are separated by `separator`: a byte order
/// mark is skipped; a cell in double quotes may hold the separator, line breaks and doubled
/// quotes (`""` for `"`); the last row may end without a line end. An empty text has no row; an
/// empty line is a row of one empty cell.
pub fn read(text: &str, separator: char, line_ends: LineEnds) -> Result<Vec<Row>, ReadError> {
    let body = text.strip_prefix(BOM).unwrap_or(text);
    let mut rows = Vec::new();
    let (mut cells, mut cell) = (Vec::new(), String::new());
    let (mut line, mut row_line) = (1, 1);
    // The cell being read started with a quote; `in_quotes`: that quote is still open.
    let (mut quoted, mut in_quotes) = (false, false);
    let error = |line, problem| ReadError { line, problem };
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => in_quotes = false,
                other => {
                    if other == '\n' {
                        line += 1;
                    }
                    cell.push(other);
                }
            }
            continue;
        }
        let row_ends = match c {
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                true
            }
            '\r' => return Err(error(line, ReadProblem::BareLineEnd)),
            '\n' if line_ends == LineEnds::Crlf => return Err(error(line, ReadProblem::BareLineEnd)),
            '\n' => true,
            _ => false,
        };
        if row_ends || c == separator {
            cells.push(std::mem::take(&mut cell));
            quoted = false;
            if row_ends {
                rows.push(Row { line: row_line, cells: std::mem::take(&mut cells) });
                line += 1;
                row_line = line;
            }
        } else if quoted {
            return Err(error(line, ReadProblem::TextAfterQuote));
        } else if c == '"' && cell.is_empty() {
            (quoted, in_quotes) = (true, true);
        } else if c == '"' {
            return Err(error(line, ReadProblem::QuoteInUnquotedCell));
        } else {
            cell.push(c);
        }
    }
    if in_quotes {
        return Err(error(row_line, ReadProblem::UnclosedQuote));
    }
    if quoted || !cell.is_empty() || !cells.is_empty() {
        cells.push(cell);
        rows.push(Row { line: row_line, cells });
    }
    Ok(rows)
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_dates::d;
    use proptest::prelude::*;

    /// The cells of a table as [`write`] writes it: a BOM, `;`, CRLF after every row.
    fn read_written(text: &str) -> Result<Vec<Vec<String>>, String> {
        if !text.starts_with(BOM) {
            return Err("no BOM".into());
        }
        if !text.ends_with("\r\n") {
            return Err("last line not ended by CRLF".into());
        }
        let rows = read(text, ';', LineEnds::Crlf).map_err(|e| format!("{e:?}"))?;
        Ok(rows.into_iter().map(|r| r.cells).collect())
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
        assert_eq!(read_written(&text).unwrap()[1], ["'=1+1;2"]);
    }

    #[test]
    fn the_reader_takes_quoted_separators_quotes_and_line_breaks_with_either_line_end() {
        let text = "\u{feff}Nom,Note\r\n\"a,b\",\"dit \"\"oui\"\"\nsur deux lignes\"\nfin,\n";
        assert_eq!(separator_of(text), ',');
        let rows = read(text, ',', LineEnds::CrlfOrLf).unwrap_or_default();
        let cells: Vec<(usize, Vec<&str>)> =
            rows.iter().map(|r| (r.line, r.cells.iter().map(String::as_str).collect())).collect();
        assert_eq!(
            cells,
            vec![(1, vec!["Nom", "Note"]), (2, vec!["a,b", "dit \"oui\"\nsur deux lignes"]), (4, vec!["fin", ""]),]
        );
        assert_eq!(separator_of("\"a;b\",c\nd;e"), ',', "a quoted `;` does not count");
        assert_eq!(separator_of("Description;Zones"), ';');
        let last = read("a;b\r\nc;d", ';', LineEnds::Crlf).unwrap_or_default();
        assert_eq!(last[1].cells, ["c", "d"], "the last row may end without a line end");
        assert_eq!(read("", ';', LineEnds::Crlf), Ok(Vec::new()));
    }

    #[test]
    fn the_reader_says_where_a_table_is_malformed() {
        let at = |line, problem| Err(ReadError { line, problem });
        assert_eq!(read("a;\"b\n\nc", ';', LineEnds::CrlfOrLf), at(1, ReadProblem::UnclosedQuote));
        assert_eq!(read("a\nb\"c", ';', LineEnds::CrlfOrLf), at(2, ReadProblem::QuoteInUnquotedCell));
        assert_eq!(read("\"a\"b;c", ';', LineEnds::CrlfOrLf), at(1, ReadProblem::TextAfterQuote));
        assert_eq!(read("a\rb", ';', LineEnds::CrlfOrLf), at(1, ReadProblem::BareLineEnd));
        assert_eq!(read("a\r\nb\nc", ';', LineEnds::Crlf), at(2, ReadProblem::BareLineEnd));
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
            let read_back = read_written(&text).map_err(TestCaseError::fail)?;
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
