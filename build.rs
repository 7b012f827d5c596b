//! Generates the translation modules from the message tables `src/i18n/<namespace>.msg` (the
//! format is described at the top of each file). For each namespace it writes
//! `$OUT_DIR/<namespace>.rs`, included by `src/i18n/mod.rs`:
//!
//! - the namespace's texts packed as one string a language, cut by two-byte offsets (a pointer
//!   and a length a message weighed more than the text compressed);
//! - a constant `Msg::Key` for each message without arguments;
//! - a function `key(lang, arguments…)` for each message with arguments, its counts `usize` and
//!   its texts `&str`, so a wrong, missing or mistyped argument is a compile error. Its
//!   template is stored with numbered markers that one shared function, `i18n::fill`, fills;
//!   no message gets a function body of its own beyond building its argument list;
//! - `SOURCE`, the messages as written, for the translation table the end-to-end tests read.
//!
//! A message that cannot be translated as written stops the build with `file:line` (a missing
//! translation, an empty text, an argument used but not declared or declared but not used in
//! a language, a malformed placeholder, a key used twice).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

/// The namespaces, each one table and one generated module.
const NAMESPACES: [&str; 2] = ["teacher", "coordinator"];

/// Marks, in a stored template, where argument `n` is shown: the mark, then `'0' + n`.
const VALUE_MARK: char = '\u{2}';
/// Starts a plural choice by argument `n`: the mark, `'0' + n`, the singular, [`OTHER_MARK`],
/// the plural, [`END_MARK`].
const PLURAL_MARK: char = '\u{3}';
const OTHER_MARK: char = '\u{4}';
const END_MARK: char = '\u{5}';
/// Ends each message in a language's packed string.
const SEPARATOR: char = '\u{1}';

/// A piece of a parsed template.
enum Piece {
    /// Text shown as is.
    Text(String),
    /// `{name}`: an argument's value.
    Value(String),
    /// `{name:singular|plural}`.
    Plural { name: String, one: String, other: String },
}

/// One message of a table.
struct Message {
    key: String,
    /// Declared arguments, in the function's order.
    params: Vec<String>,
    /// Arguments declared `name: count`: numbers shown without choosing a form.
    declared_counts: BTreeSet<String>,
    french_source: String,
    english_source: String,
    french: Vec<Piece>,
    english: Vec<Piece>,
}

impl Message {
    /// Whether argument `name` is a count: declared so, or choosing a plural form in either
    /// language.
    fn is_count(&self, name: &str) -> bool {
        self.declared_counts.contains(name)
            || self
                .french
                .iter()
                .chain(&self.english)
                .any(|piece| matches!(piece, Piece::Plural { name: n, .. } if n == name))
    }
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let mut errors = Vec::new();
    let mut keys = BTreeSet::new();
    for namespace in NAMESPACES {
        let path = format!("src/i18n/{namespace}.msg");
        println!("cargo:rerun-if-changed={path}");
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let messages = parse_table(&path, &source, &mut keys, &mut errors);
        if errors.is_empty() {
            let code = generate(namespace, &messages, &mut errors);
            let target = Path::new(&out_dir).join(format!("{namespace}.rs"));
            std::fs::write(&target, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
        }
    }
    if !errors.is_empty() {
        for error in &errors {
            eprintln!("error: {error}");
        }
        std::process::exit(1);
    }
}

/// Parses and checks every message of one table; problems go to `errors` as `path:line: …`.
fn parse_table(path: &str, source: &str, keys: &mut BTreeSet<String>, errors: &mut Vec<String>) -> Vec<Message> {
    let mut messages = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = format!("{path}:{}", number + 1);
        match parse_line(line) {
            Ok(message) => {
                if let Err(problem) = check(&message) {
                    errors.push(format!("{at}: {}: {problem}", message.key));
                } else if !keys.insert(message.key.clone()) {
                    errors.push(format!("{at}: the key {} is used twice", message.key));
                } else {
                    messages.push(message);
                }
            }
            Err(problem) => errors.push(format!("{at}: {problem}")),
        }
    }
    messages
}

/// Parses `Key(arguments) = "French" | "English"`.
fn parse_line(line: &str) -> Result<Message, String> {
    let (head, texts) = line.split_once('=').ok_or("expected `Key = \"French\" | \"English\"`")?;
    let head = head.trim();
    let (key, list_of_params): (&str, Vec<&str>) = match head.split_once('(') {
        Some((key, rest)) => {
            let list = rest.strip_suffix(')').ok_or("the argument list does not end with `)`")?;
            (key.trim(), list.split(',').map(str::trim).collect())
        }
        None => (head, Vec::new()),
    };
    let mut params = Vec::new();
    let mut declared_counts = BTreeSet::new();
    for param in list_of_params {
        match param.split_once(':').map(|(name, kind)| (name.trim(), kind.trim())) {
            Some((name, "count")) => {
                params.push(name.to_owned());
                declared_counts.insert(name.to_owned());
            }
            Some((name, kind)) => return Err(format!("`{name}: {kind}`: the only type to declare is `count`")),
            None => params.push(param.to_owned()),
        }
    }
    if !key.starts_with(|c: char| c.is_ascii_uppercase()) || !key.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!("the key `{key}` is not CamelCase"));
    }
    let (french_source, rest) = parse_string(texts.trim())?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix('|').ok_or("expected `|` and the English text after the French one")?;
    let (english_source, rest) = parse_string(rest.trim_start())?;
    if !rest.trim().is_empty() {
        return Err(format!("unexpected `{}` after the English text", rest.trim()));
    }
    let french = parse_template(&french_source).map_err(|e| format!("French text: {e}"))?;
    let english = parse_template(&english_source).map_err(|e| format!("English text: {e}"))?;
    Ok(Message { key: key.to_owned(), params, declared_counts, french_source, english_source, french, english })
}

/// Reads a double-quoted text (escapes `\"` and `\\`); returns it and what follows it.
fn parse_string(input: &str) -> Result<(String, &str), String> {
    let body = input.strip_prefix('"').ok_or("a text must be in double quotes")?;
    let mut text = String::new();
    let mut chars = body.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return Ok((text, &body[at + 1..])),
            '\\' => match chars.next() {
                Some((_, escaped @ ('"' | '\\'))) => text.push(escaped),
                _ => return Err("only \\\" and \\\\ may follow a backslash".to_owned()),
            },
            _ => text.push(c),
        }
    }
    Err("a text is missing its closing quote".to_owned())
}

/// Cuts a text into plain text, `{name}` and `{name:singular|plural}`; `{` before a digit is text.
fn parse_template(text: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        plain.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            plain.push('{');
            rest = after;
            continue;
        }
        let close = after.find('}').ok_or("a `{` is not closed")?;
        let token = &after[..close];
        rest = &after[close + 1..];
        if !plain.is_empty() {
            pieces.push(Piece::Text(std::mem::take(&mut plain)));
        }
        let piece = match token.split_once(':') {
            Some((name, forms)) => {
                let (one, other) = forms.split_once('|').ok_or(format!("`{{{token}}}` needs `singular|plural`"))?;
                if other.contains('|') || one.contains('{') || other.contains('{') {
                    return Err(format!("`{{{token}}}` must have exactly two plain forms"));
                }
                Piece::Plural { name: name.to_owned(), one: one.to_owned(), other: other.to_owned() }
            }
            None => Piece::Value(token.to_owned()),
        };
        let (Piece::Value(name) | Piece::Plural { name, .. }) = &piece else { unreachable!() };
        if !is_argument_name(name) {
            return Err(format!("`{{{token}}}`: an argument's name is lower-case letters, digits and `_`"));
        }
        pieces.push(piece);
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        pieces.push(Piece::Text(plain));
    }
    Ok(pieces)
}

fn is_argument_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The names a language's text uses.
fn used_names(pieces: &[Piece]) -> BTreeSet<&str> {
    pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Text(_) => None,
            Piece::Value(name) | Piece::Plural { name, .. } => Some(name.as_str()),
        })
        .collect()
}

/// The names a language's text shows (`{name}`, not the plural forms).
fn shown_names(pieces: &[Piece]) -> BTreeSet<&str> {
    pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Value(name) => Some(name.as_str()),
            _ => None,
        })
        .collect()
}

/// The checks a message must pass: texts in both languages, the arguments as declared, the
/// same arguments shown in both, no reserved character.
fn check(message: &Message) -> Result<(), String> {
    for (language, text) in [("French", &message.french_source), ("English", &message.english_source)] {
        if text.trim().is_empty() {
            return Err(format!("the {language} text is empty"));
        }
        if text.contains(|c: char| ('\u{1}'..='\u{5}').contains(&c)) {
            return Err(format!("the {language} text holds a reserved control character"));
        }
    }
    let declared: BTreeSet<&str> = message.params.iter().map(String::as_str).collect();
    if declared.len() != message.params.len() || message.params.iter().any(|p| !is_argument_name(p)) {
        return Err("the argument list has a repeated or malformed name".to_owned());
    }
    if message.params.len() > 9 {
        return Err("more than nine arguments".to_owned());
    }
    for (language, pieces) in [("French", &message.french), ("English", &message.english)] {
        if let Some(name) = used_names(pieces).difference(&declared).next() {
            return Err(format!("the {language} text uses {{{name}}}, which is not declared in `{}(…)`", message.key));
        }
    }
    let used: BTreeSet<&str> = used_names(&message.french).union(&used_names(&message.english)).copied().collect();
    if let Some(name) = declared.difference(&used).next() {
        return Err(format!("the declared argument `{name}` is used in neither text"));
    }
    // What one language shows, the other shows too; a count may choose forms in one language
    // only (English says "% used" whatever the number, French agrees « utilisé(s) »).
    let (french_shown, english_shown) = (shown_names(&message.french), shown_names(&message.english));
    if french_shown != english_shown {
        let name = french_shown.symmetric_difference(&english_shown).next().copied().unwrap_or_default();
        return Err(format!("{{{name}}} is shown in one language and not in the other"));
    }
    Ok(())
}

/// A template as stored in the packed string (see the marks above).
fn stored(message: &Message, pieces: &[Piece]) -> String {
    let index = |name: &str| {
        let n = message.params.iter().position(|p| p == name).expect("checked: every used name is declared");
        char::from(b'0' + u8::try_from(n).expect("checked: at most nine arguments"))
    };
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Value(name) => {
                out.push(VALUE_MARK);
                out.push(index(name));
            }
            Piece::Plural { name, one, other } => {
                out.push(PLURAL_MARK);
                out.push(index(name));
                out.push_str(one);
                out.push(OTHER_MARK);
                out.push_str(other);
                out.push(END_MARK);
            }
        }
    }
    out
}

/// A text as a Markdown code span, so rustdoc shows it as written (no links, no emphasis).
fn code_span(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// `CatalogueSummary` → `catalogue_summary`.
fn snake_case(key: &str) -> String {
    let mut out = String::new();
    for (i, c) in key.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The module of one namespace.
fn generate(namespace: &str, messages: &[Message], errors: &mut Vec<String>) -> String {
    // Messages without arguments first: a constant's index is its place in the table.
    let ordered: Vec<&Message> = messages
        .iter()
        .filter(|m| m.params.is_empty())
        .chain(messages.iter().filter(|m| !m.params.is_empty()))
        .collect();
    let mut code = format!("// Generated by build.rs from src/i18n/{namespace}.msg: edit that file, not this one.\n\n");
    let mut packed = [String::new(), String::new()];
    let mut ends: [Vec<u16>; 2] = [Vec::new(), Vec::new()];
    for message in &ordered {
        for (language, pieces) in [&message.french, &message.english].into_iter().enumerate() {
            packed[language].push_str(&stored(message, pieces));
            match u16::try_from(packed[language].len()) {
                Ok(end) => ends[language].push(end),
                Err(_) => errors.push(format!("src/i18n/{namespace}.msg: a language's texts outgrew 64 KiB")),
            }
            packed[language].push(SEPARATOR);
        }
    }
    let _ = writeln!(
        code,
        "static TABLE: super::Table = super::Table {{\n    french: {:?},\n    english: {:?},\n    french_ends: &{:?},\n    english_ends: &{:?},\n}};\n",
        packed[0], packed[1], ends[0], ends[1]
    );
    code.push_str("#[allow(non_upper_case_globals)]\nimpl super::Msg {\n");
    let plain: Vec<&&Message> = ordered.iter().filter(|m| m.params.is_empty()).collect();
    for (index, message) in plain.iter().enumerate() {
        let _ = writeln!(
            code,
            "    #[doc = {:?}]\n    pub const {}: super::Msg = super::Msg::new(&TABLE, {index});",
            code_span(&message.french_source),
            message.key
        );
    }
    code.push_str("}\n\n/// Every message of this namespace without arguments, with its key, for checks.\npub const ALL: &[(&str, super::Msg)] = &[\n");
    for message in &plain {
        let _ = writeln!(code, "    ({:?}, super::Msg::{}),", message.key, message.key);
    }
    code.push_str("];\n\n/// Every message as written in the table (key, French, English), for the translation table\n/// the end-to-end tests read and for the checks of the wording.\npub const SOURCE: &[(&str, &str, &str)] = &[\n");
    for message in messages {
        let _ = writeln!(code, "    ({:?}, {:?}, {:?}),", message.key, message.french_source, message.english_source);
    }
    code.push_str("];\n");
    for (index, message) in ordered.iter().enumerate().skip(plain.len()) {
        let params: Vec<String> = message
            .params
            .iter()
            .map(|p| format!("{p}: {}", if message.is_count(p) { "usize" } else { "&str" }))
            .collect();
        let args: Vec<String> = message
            .params
            .iter()
            .map(|p| format!("super::Arg::{}({p})", if message.is_count(p) { "Count" } else { "Text" }))
            .collect();
        // A sentence may name more things than clippy likes a function to take.
        let allow = if params.len() > 6 { "#[allow(clippy::too_many_arguments)]\n" } else { "" };
        let _ = writeln!(
            code,
            "\n#[doc = {:?}]\n{allow}pub fn {}(lang: super::Lang, {}) -> String {{\n    super::fill(lang, TABLE.template(lang, {index}), &[{}])\n}}",
            format!("{} / {}", code_span(&message.french_source), code_span(&message.english_source)),
            snake_case(&message.key),
            params.join(", "),
            args.join(", ")
        );
    }
    code
}
