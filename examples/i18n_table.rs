//! Prints every UI message in both languages as JSON, for the end-to-end test that checks
//! the English UI shows no French string and vice versa. Run: `cargo run --example i18n_table`.

use materiotheque::i18n::Msg;

fn main() {
    let table: Vec<serde_json::Value> = Msg::ALL
        .iter()
        .map(|msg| serde_json::json!({ "key": format!("{msg:?}"), "fr": msg.fr(), "en": msg.en() }))
        .collect();
    match serde_json::to_string_pretty(&table) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("i18n_table: {e}");
            std::process::exit(1);
        }
    }
}
