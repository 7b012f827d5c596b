//! Browser tests of saving (headless Chromium): the state saved through the persistence layer
//! and read again, a full storage, unreadable and newer stored data, and another tab's save.
//! Each ends with a clear message, and the stored bytes are compared before and after.
#![cfg(target_arch = "wasm32")]

use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use materiotheque::demo::demo_data;
use materiotheque::domain::{Actor, BookingLine, BookingRequest, PoolChange, PoolState, Teacher};
use materiotheque::i18n::Lang;
use materiotheque::storage::persist::local::BrowserKv;
use materiotheque::storage::persist::model::TabId;
use materiotheque::storage::persist::tabs::TabSync;
use materiotheque::ui::persistence;
use materiotheque::ui::shell::StorageNotice;
use materiotheque::ui::state::Handles;
use materiotheque::ui::state::{I18n, SaveProblem, StorageMode};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

/// A tab id for each tab a test opens (a page would draw one at random).
fn random_tab() -> u64 {
    materiotheque::platform::files::random_u64()
}

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{effects_run, reset_save_signal, save_ran, save_signal, snapshot, until};

fn raw_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn now() -> NaiveDateTime {
    d(2026, 11, 23).and_hms_opt(9, 0, 0).unwrap()
}

fn anne() -> Teacher {
    Teacher {
        id: "anne.martin@ac-lyon.fr".into(),
        name: "Anne Martin".into(),
        email: "anne.martin@ac-lyon.fr".into(),
        school: "saint-etienne-ecole-elementaire-monge".into(),
    }
}

/// One Blue-Bot from 4 to 22 January 2027 (5 are free then).
fn booking(id: &str) -> PoolChange {
    let request = BookingRequest {
        id: id.into(),
        teacher: anne().id,
        lines: vec![BookingLine { model: "bluebot".into(), quantity: 1 }],
        start: d(2027, 1, 4),
        end: d(2027, 1, 22),
        project: "Robots".into(),
        class: "CM1".into(),
        notes: String::new(),
        agreement_version: "2026-09".into(),
        override_reason: None,
    };
    PoolChange::CreateBooking { request, by: Actor::Teacher(anne().id), at: now() }
}

fn demo() -> PoolState {
    demo_data().unwrap().into_pool_state()
}

fn clear() {
    raw_storage().clear().unwrap();
    reset_save_signal();
}

/// Asserts that no save is scheduled, and none will be: the app holds its writes (newer or
/// unreadable data), which it shows by never marking a save as pending.
async fn no_save_scheduled() {
    effects_run().await;
    assert_ne!(save_signal().as_deref(), Some("pending"), "a save was scheduled");
}

/// The persistence layer, mounted as the app mounts it, with `child` (notices or a panel),
/// once the teacher's profile has reached the pool.
async fn mount_with<V: IntoView + 'static>(
    child: fn() -> V,
) -> (web_sys::HtmlElement, Handles, Box<dyn std::any::Any>) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let slot = std::rc::Rc::new(std::cell::Cell::new(None));
    let shared = slot.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let i18n = I18n::new(Lang::Fr);
        provide_context(i18n);
        provide_context(materiotheque::ui::state::Links::new(""));
        let handles = persistence::start(i18n);
        handles.provide();
        shared.set(Some(handles));
        child()
    });
    let handles: Handles = slot.get().unwrap();
    until("the stored state to be read", || handles.storage.loaded.get_untracked()).await;
    // Once the stored state is read, the teacher fills in their profile.
    handles.profile.teacher.set(Some(anne()));
    effects_run().await;
    (host, handles, Box::new(handle))
}

async fn mount() -> (web_sys::HtmlElement, Handles, Box<dyn std::any::Any>) {
    mount_with(|| view! { <StorageNotice /> }).await
}

async fn mount_import() -> (web_sys::HtmlElement, Handles, Box<dyn std::any::Any>) {
    mount_with(|| view! { <materiotheque::ui::settings::ImportPanel /> }).await
}

fn stored_bookings() -> Vec<String> {
    let opened = TabSync::open(BrowserKv, TabId(random_tab()), demo).unwrap_or_else(|e| panic!("{e}"));
    opened.working.pool.state().bookings.iter().map(|b| b.id.clone()).collect()
}

#[wasm_bindgen_test]
async fn changes_are_saved_after_a_pause_and_read_again() {
    clear();
    let (_host, handles, handle) = mount().await;
    handles.pool.apply(booking("anne-a")).unwrap();
    effects_run().await;
    assert!(raw_storage().get_item("materiotheque.state.a").unwrap().is_none(), "not saved at once");
    save_ran().await;
    assert!(stored_bookings().contains(&"anne-a".to_owned()));
    assert_eq!(handles.storage.problem.get_untracked(), None);
    assert!(handles.storage.used_units.get_untracked() > 10_000, "the gauge counts what is stored");
    drop(handle);
    clear();
}

/// Fills local storage until the browser refuses a write; returns the filler keys.
fn fill_to_quota() -> Vec<String> {
    let storage = raw_storage();
    let (mut keys, mut size) = (Vec::new(), 1 << 20);
    while size > 0 {
        let key = format!("filler.{}", keys.len());
        match storage.set_item(&key, &"x".repeat(size)) {
            Ok(()) => keys.push(key),
            Err(_) => size /= 2,
        }
    }
    keys
}

#[wasm_bindgen_test]
async fn a_full_storage_shows_a_lasting_banner_loses_nothing_and_changes_no_byte() {
    clear();
    let (host, handles, handle) = mount().await;
    handles.pool.apply(booking("anne-a")).unwrap();
    save_ran().await;
    let fillers = fill_to_quota();
    let before = snapshot();
    handles.pool.apply(booking("anne-b")).unwrap();
    save_ran().await;
    assert_eq!(handles.storage.problem.get_untracked(), Some(SaveProblem::Full));
    let text = host.inner_text();
    assert!(text.contains("L'espace de stockage de ce navigateur est plein"), "{text}");
    assert!(text.contains("Exporter maintenant"), "{text}");
    assert!(snapshot() == before, "a refused save changes no stored byte");
    let stored = stored_bookings();
    assert!(stored.contains(&"anne-a".to_owned()) && !stored.contains(&"anne-b".to_owned()), "{stored:?}");

    // Space freed: the next change saves the refused one with it, and the banner goes.
    for key in fillers {
        raw_storage().remove_item(&key).unwrap();
    }
    handles.plan.add("bluebot", 1);
    save_ran().await;
    assert_eq!(handles.storage.problem.get_untracked(), None);
    assert!(!host.inner_text().contains("est plein"));
    let stored = stored_bookings();
    assert!(stored.contains(&"anne-a".to_owned()) && stored.contains(&"anne-b".to_owned()), "{stored:?}");
    drop(handle);
    clear();
}

#[wasm_bindgen_test]
async fn unreadable_stored_data_gets_the_recovery_screen_and_is_never_written_over() {
    clear();
    raw_storage().set_item("materiotheque.state.a", "{\"schema_version\":2,\"revision\":3,\"pool\":[tronqu").unwrap();
    let before = snapshot();
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), materiotheque::ui::App);
    until("the recovery screen", || host.inner_text().contains("Données illisibles")).await;
    assert!(host.query_selector(".model-card").unwrap().is_none(), "nothing else before the download");
    let buttons = host.query_selector_all(".recovery button").unwrap();
    let download: web_sys::HtmlElement = buttons.get(0).unwrap().dyn_into().unwrap();
    let erase: web_sys::HtmlButtonElement = buttons.get(1).unwrap().dyn_into().unwrap();
    assert_eq!(download.inner_text(), "Télécharger la copie illisible");
    assert!(erase.disabled(), "erasing waits for the download");
    download.click();
    effects_run().await;
    assert!(!erase.disabled());
    no_save_scheduled().await;
    assert!(snapshot() == before, "the unreadable data is untouched");
    drop(handle);
    host.remove();
    clear();
}

#[wasm_bindgen_test]
async fn data_from_a_newer_version_is_read_only_and_kept_as_it_is() {
    clear();
    raw_storage().set_item("materiotheque.state.a", "{\"schema_version\":9,\"revision\":4,\"future\":true}").unwrap();
    let before = snapshot();
    let (host, handles, handle) = mount().await;
    effects_run().await;
    assert_eq!(handles.storage.mode.get_untracked(), StorageMode::ReadOnly(9));
    assert!(host.inner_text().contains("version plus récente de Matériothèque (format 9)"), "{}", host.inner_text());
    handles.pool.apply(booking("anne-a")).unwrap();
    no_save_scheduled().await;
    assert!(snapshot() == before, "nothing is written over newer data");
    drop(handle);
    clear();
}

#[wasm_bindgen_test]
async fn a_copy_found_unreadable_beside_a_good_one_is_offered_then_replaced() {
    clear();
    {
        let mut other = TabSync::open(BrowserKv, TabId(random_tab()), demo).unwrap();
        other.sync.save(&mut other.working, now(), demo).unwrap();
    }
    raw_storage().set_item("materiotheque.state.b", "garbage{").unwrap();
    let before = snapshot();
    let (host, handles, handle) = mount().await;
    effects_run().await;
    assert!(host.inner_text().contains("était illisible"), "{}", host.inner_text());
    handles.pool.apply(booking("anne-a")).unwrap();
    save_ran().await;
    assert!(snapshot() == before, "not replaced before the user was offered it");
    persistence::discard_recovered(handles);
    effects_run().await;
    assert!(stored_bookings().contains(&"anne-a".to_owned()), "saving goes on, the pending change included");
    assert_ne!(raw_storage().get_item("materiotheque.state.b").unwrap().as_deref(), Some("garbage{"));
    drop(handle);
    clear();
}

#[wasm_bindgen_test]
async fn another_tabs_save_is_taken_in_and_this_tabs_change_is_kept() {
    clear();
    let (_host, handles, handle) = mount().await;
    handles.pool.apply(booking("anne-a")).unwrap();
    save_ran().await;
    // Another tab saves a booking; this one makes a change before it hears of it.
    let mut other = TabSync::open(BrowserKv, TabId(random_tab()), demo).unwrap();
    let mut change = booking("anne-other");
    change.apply(&mut other.working.pool).unwrap();
    other.sync.record(change);
    other.sync.save(&mut other.working, now(), demo).unwrap();
    handles.pool.apply(booking("anne-b")).unwrap();
    web_sys::window().unwrap().dispatch_event(&web_sys::Event::new("storage").unwrap()).unwrap();
    until("the other tab's booking", || handles.pool.pool.with_untracked(|p| p.booking("anne-other").is_some())).await;
    save_ran().await;
    let stored = stored_bookings();
    for id in ["anne-a", "anne-b", "anne-other"] {
        assert!(stored.contains(&id.to_owned()), "{id} in {stored:?}");
    }
    drop(handle);
    clear();
}

// ---- Importing hostile files ----------------------------------------------------------------

/// Chooses `file` in the panel's file input, as a user would.
async fn choose(host: &web_sys::HtmlElement, file: web_sys::File) {
    let global = js_sys::global();
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&global, &"DataTransfer".into()).unwrap().dyn_into().unwrap();
    let transfer = js_sys::Reflect::construct(&constructor, &js_sys::Array::new()).unwrap();
    let items = js_sys::Reflect::get(&transfer, &"items".into()).unwrap();
    let add: js_sys::Function = js_sys::Reflect::get(&items, &"add".into()).unwrap().dyn_into().unwrap();
    add.call1(&items, &file).unwrap();
    let files: web_sys::FileList = js_sys::Reflect::get(&transfer, &"files".into()).unwrap().dyn_into().unwrap();
    let input: web_sys::HtmlInputElement = host.query_selector("#import-file").unwrap().unwrap().dyn_into().unwrap();
    input.set_files(Some(&files));
    let shown = host.inner_text();
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    // Read: the panel shows its verdict on this file (every case below shows a new text).
    until("the file to be read", || host.inner_text() != shown).await;
}

fn text_file(name: &str, text: &str) -> web_sys::File {
    web_sys::File::new_with_str_sequence(&js_sys::Array::of1(&text.into()), name).unwrap()
}

fn valid_backup() -> serde_json::Value {
    // The demo pool holds anonymous occupancy only: the backup holds one of Anne's bookings.
    let mut pool = materiotheque::domain::Pool::new(demo());
    pool.upsert_teacher(anne());
    booking("anne-b").apply(&mut pool).unwrap();
    let pool = pool.into_state();
    let state =
        materiotheque::storage::persist::model::StoredState { profile: Some(anne()), plan: None, pool: Some(pool) };
    let text = materiotheque::storage::exchange::backup::backup_file(state.as_ref(), now());
    serde_json::from_str(&text).unwrap()
}

#[wasm_bindgen_test]
async fn malformed_and_hostile_files_are_refused_with_a_reason_and_change_no_byte() {
    clear();
    let (host, handles, handle) = mount_import().await;
    handles.pool.apply(booking("anne-a")).unwrap();
    save_ran().await;
    let before = snapshot();
    let alert = |host: &web_sys::HtmlElement| {
        host.query_selector("[role=alert]").unwrap().map(|e| e.text_content().unwrap_or_default()).unwrap_or_default()
    };

    let mut wrong_type = valid_backup();
    wrong_type["pool"]["catalogue"]["units"][3]["in_service"] = "oui".into();
    let mut missing = valid_backup();
    missing["pool"]["catalogue"]["models"][0].as_object_mut().unwrap().remove("name");
    let mut duplicate = valid_backup();
    let first = duplicate["pool"]["bookings"][0].clone();
    duplicate["pool"]["bookings"].as_array_mut().unwrap().push(first);
    let mut dangling = valid_backup();
    dangling["pool"]["bookings"][0]["lines"][0]["model"] = "licorne".into();
    let mut hostile = valid_backup();
    hostile["pool"]["bookings"][0]["status"] = "<img src=x onerror=alert(1)>".into();
    let mut script_url = valid_backup();
    script_url["pool"]["catalogue"]["units"][0]["condition"] = "javascript:alert(document.cookie)".into();
    let cases = [
        ("cassé.json", "{\n  \"format\": }".to_owned(), "n'est pas un fichier JSON lisible : erreur ligne 2, colonne"),
        (
            "type.json",
            wrong_type.to_string(),
            "à « pool.catalogue.units[3].in_service », la valeur n'a pas la forme attendue",
        ),
        ("manque.json", missing.to_string(), "à « pool.catalogue.models[0] », le champ « name » manque"),
        ("profond.json", format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)), "profond.json"),
        ("double.json", duplicate.to_string(), "est utilisé deux fois (réservation)"),
        ("orphelin.json", dangling.to_string(), "renvoie à « licorne », qui n'existe pas dans le fichier"),
        ("<b>piège</b>.json", hostile.to_string(), "la valeur « <img src=x onerror=alert(1)> » n'est pas reconnue"),
        ("lien.json", script_url.to_string(), "la valeur « javascript:alert(document.cookie) » n'est pas reconnue"),
        ("autre.json", r#"{"format":"materiotheque/inconnu","schema_version":1}"#.to_owned(), "materiotheque/inconnu"),
        ("futur.json", r#"{"format":"materiotheque/backup","schema_version":7}"#.to_owned(), "version plus récente"),
    ];
    for (name, text, expected) in cases {
        choose(&host, text_file(name, &text)).await;
        let message = alert(&host);
        assert!(message.contains(expected), "{name}: {message}");
        assert!(message.contains(name), "{name}: the message names the file: {message}");
        assert!(
            host.query_selector(".import-panel img, .import-panel b").unwrap().is_none(),
            "hostile text stays text"
        );
        assert!(snapshot() == before, "{name} changed stored bytes");
    }

    // 50 MB: refused from its size, before reading.
    let big = js_sys::Uint8Array::new_with_length(50 * 1024 * 1024);
    let file = web_sys::File::new_with_u8_array_sequence(&js_sys::Array::of1(&big), "énorme.json").unwrap();
    choose(&host, file).await;
    assert!(alert(&host).contains("énorme.json est trop volumineux (50 Mo)"), "{}", alert(&host));
    no_save_scheduled().await;
    assert!(snapshot() == before, "nothing was saved");
    drop(handle);
    clear();
}

#[wasm_bindgen_test]
async fn a_backup_is_previewed_then_imported_and_the_import_can_be_undone() {
    clear();
    let (host, handles, handle) = mount_import().await;
    handles.pool.apply(booking("anne-a")).unwrap();
    save_ran().await;
    let mut other = valid_backup();
    other["plan"] = serde_json::json!({ "basket": [{ "model": "thymio", "quantity": 4 }] });
    choose(&host, text_file("sauvegarde.json", &other.to_string())).await;
    let text = host.inner_text();
    assert!(text.contains("Ce que sauvegarde.json changera"), "{text}");
    assert!(text.contains("Réservations"), "one booking goes: {text}");
    assert!(handles.pool.pool.with_untracked(|p| p.booking("anne-a").is_some()), "nothing changes before confirming");
    let confirm: web_sys::HtmlElement =
        host.query_selector(".import-preview .button--primary").unwrap().unwrap().dyn_into().unwrap();
    confirm.click();
    save_ran().await;
    assert!(host.inner_text().contains("Import effectué."));
    assert!(!stored_bookings().contains(&"anne-a".to_owned()));
    assert_eq!(handles.plan.basket.get_untracked()[0].quantity, 4);

    // The same file again changes nothing.
    choose(&host, text_file("sauvegarde.json", &other.to_string())).await;
    assert!(host.inner_text().contains("Ce fichier ne change rien"), "{}", host.inner_text());

    let undo = host.query_selector_all(".import-panel > p > button").unwrap();
    let undo: web_sys::HtmlElement = undo.get(undo.length() - 1).unwrap().dyn_into().unwrap();
    assert_eq!(undo.inner_text(), "Annuler le dernier import");
    undo.click();
    save_ran().await;
    assert!(stored_bookings().contains(&"anne-a".to_owned()), "the data from before is back");
    assert!(handles.plan.basket.get_untracked().is_empty());
    drop(handle);
    clear();
}
