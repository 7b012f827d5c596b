//! Browser tests (headless Chromium through `wasm-bindgen-test-runner`): the storage adapter
//! and the mounted app shell. Run by `make test`; also `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use materiotheque::i18n::Lang;
use materiotheque::storage::persist::kv::KeyValue;
use materiotheque::storage::persist::local::BrowserKv;
use materiotheque::ui::persistence::{save_language, stored_language};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::settle;

fn raw_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn the_key_value_adapter_reads_back_what_it_wrote() {
    let mut kv = BrowserKv;
    kv.set("materiotheque.probe", "valeur é ✓").unwrap();
    assert_eq!(kv.get("materiotheque.probe").as_deref(), Some("valeur é ✓"));
    assert_eq!(raw_storage().get_item("materiotheque.probe").unwrap().as_deref(), Some("valeur é ✓"));
    kv.remove("materiotheque.probe");
    assert_eq!(kv.get("materiotheque.probe"), None);
}

#[wasm_bindgen_test]
fn the_language_choice_is_remembered_and_garbage_is_ignored() {
    save_language(Lang::En).unwrap();
    assert_eq!(stored_language(), Some(Lang::En));
    raw_storage().set_item("materiotheque.lang", "klingon").unwrap();
    assert_eq!(stored_language(), None, "an unknown stored language falls back to the default");
    raw_storage().remove_item("materiotheque.lang").unwrap();
}

fn text_of(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|e| e.inner_text())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_mounted_app_shows_the_catalogue_and_switches_language() {
    raw_storage().remove_item("materiotheque.lang").unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let host: web_sys::HtmlElement = host.dyn_into().unwrap();
    let handle = leptos::mount::mount_to(host.clone(), materiotheque::ui::App);
    settle().await;

    assert_eq!(text_of(&host, "main h1"), "Catalogue du matériel");
    assert!(host.query_selector_all(".model-card").unwrap().length() >= 30);
    assert_eq!(text_of(&host, ".skip-link"), "Aller au contenu");

    let english: web_sys::HtmlElement = host.query_selector("button[lang=en]").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(english.get_attribute("aria-pressed").as_deref(), Some("false"));
    english.click();
    settle().await;

    assert_eq!(text_of(&host, "main h1"), "Equipment catalogue");
    assert_eq!(english.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(document.document_element().unwrap().get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(stored_language(), Some(Lang::En), "the choice is saved");

    drop(handle);
    host.remove();
    raw_storage().remove_item("materiotheque.lang").unwrap();
}
