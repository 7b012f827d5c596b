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
use common::{effects_run, until};

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
    // The app says when its first page is complete, its saved data read.
    until("the first page", || {
        document.document_element().and_then(|root| root.get_attribute("data-page")).as_deref() == Some("ready")
    })
    .await;

    assert_eq!(text_of(&host, "main h1"), "Catalogue du matériel");
    assert!(host.query_selector_all(".model-card").unwrap().length() >= 30);
    assert_eq!(text_of(&host, ".skip-link"), "Aller au contenu");

    let english: web_sys::HtmlElement = host.query_selector("button[lang=en]").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(english.get_attribute("aria-pressed").as_deref(), Some("false"));
    english.click();
    effects_run().await;

    assert_eq!(text_of(&host, "main h1"), "Equipment catalogue");
    assert_eq!(english.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(document.document_element().unwrap().get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(stored_language(), Some(Lang::En), "the choice is saved");

    drop(handle);
    host.remove();
    raw_storage().remove_item("materiotheque.lang").unwrap();
}

/// The element `selector` finds under `root`, as `T`.
fn element<T: JsCast>(root: &web_sys::Element, selector: &str) -> T {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).dyn_into().unwrap()
}

#[wasm_bindgen_test]
async fn a_field_names_describes_and_binds_its_control() {
    use leptos::prelude::*;
    use materiotheque::i18n::Msg;
    use materiotheque::ui::components::{Field, Select, TextInput};
    use materiotheque::ui::state::I18n;

    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let name = RwSignal::new("Anne".to_owned());
    let error = RwSignal::new(None::<String>);
    let choice = RwSignal::new(String::new());
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(I18n::new(Lang::Fr));
        view! {
            <Field label=Msg::ProfileName hint=Msg::ProfileEmailHint error=error id="named">
                <TextInput value=name attr:autocomplete="name" />
            </Field>
            <Field label=Msg::FilterCategory>
                <Select on_change=move |value| choice.set(value)>
                    <option value="">"—"</option>
                    <option value="robots">"Robots"</option>
                </Select>
            </Field>
            <Field label=Msg::FilterTraining>
                <Select on_change=|_: String| ()>
                    <option value="any">"—"</option>
                </Select>
            </Field>
        }
    });
    effects_run().await;

    // The explicit id names the input; the hint describes it; no error yet.
    let input: web_sys::HtmlInputElement = element(&host, "#named");
    assert_eq!(element::<web_sys::Element>(&host, "label[for=named]").text_content().as_deref(), Some("Nom et prénom"));
    assert_eq!(input.get_attribute("aria-describedby").as_deref(), Some("named-hint"));
    assert!(host.query_selector("#named-hint.help").unwrap().is_some());
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert_eq!(input.get_attribute("autocomplete").as_deref(), Some("name"), "attributes pass to the control");
    assert_eq!(input.value(), "Anne");

    // Typing reaches the signal, and a change of the signal reaches the input.
    input.set_value("Anne Martin");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    assert_eq!(name.get_untracked(), "Anne Martin");
    name.set("Bruno".to_owned());
    effects_run().await;
    assert_eq!(input.value(), "Bruno");

    // An error shows under the input, describes it and marks it invalid; it goes as it came.
    error.set(Some("Le nom manque.".to_owned()));
    effects_run().await;
    assert_eq!(
        element::<web_sys::Element>(&host, "#named-error.field-error").text_content().as_deref(),
        Some("Le nom manque.")
    );
    assert_eq!(input.get_attribute("aria-describedby").as_deref(), Some("named-hint named-error"));
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    error.set(None);
    effects_run().await;
    assert!(host.query_selector("#named-error").unwrap().is_none());
    assert_eq!(input.get_attribute("aria-invalid"), None);

    // Fields without an id get one each, which their labels name; nothing describes them.
    let selects = host.query_selector_all("select").unwrap();
    let ids: Vec<String> =
        (0..selects.length()).map(|i| selects.item(i).unwrap().dyn_into::<web_sys::Element>().unwrap().id()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.iter().all(|id| !id.is_empty()) && ids[0] != ids[1], "{ids:?}");
    for id in &ids {
        assert!(host.query_selector(&format!("label[for='{id}']")).unwrap().is_some(), "{id}");
        assert_eq!(element::<web_sys::Element>(&host, &format!("#{id}")).get_attribute("aria-describedby"), None);
    }

    // A choice reaches the form.
    let select: web_sys::Element = element(&host, &format!("#{}", ids[0]));
    js_sys::Reflect::set(&select, &"value".into(), &"robots".into()).unwrap();
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    assert_eq!(choice.get_untracked(), "robots");

    drop(handle);
    host.remove();
}
