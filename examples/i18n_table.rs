//! Prints every UI message in both languages as JSON (key, French, English, the templates as
//! written in src/i18n/*.msg), for the end-to-end tests that find texts by key and check the
//! English UI shows no French string and vice versa. Run: `cargo run --example i18n_table`.

use materiotheque::i18n::{coordinator, teacher};

fn main() {
    let table: Vec<serde_json::Value> = teacher::SOURCE
        .iter()
        .chain(coordinator::SOURCE)
        .map(|(key, fr, en)| serde_json::json!({ "key": key, "fr": fr, "en": en }))
        .collect();
    match serde_json::to_string_pretty(&table) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("i18n_table: {e}");
            std::process::exit(1);
        }
    }
}
