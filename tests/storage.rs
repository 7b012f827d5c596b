//! Browser tests of saving (headless Chromium): the state saved through the persistence layer
//! and read again, a full storage, unreadable and newer stored data, and another tab's save.
//! Each ends with a clear message, and the stored bytes are compared before and after.
#![cfg(target_arch = "wasm32")]

use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use materiotheque::demo::demo_data;
use materiotheque::domain::{Actor, BookingLine, BookingRequest, PoolChange, PoolState, Teacher};
use materiotheque::i18n::Lang;
use materiotheque::storage::local::BrowserKv;
use materiotheque::storage::sync::TabSync;
use materiotheque::ui::components::StorageNotice;
use materiotheque::ui::persistence::{self, Handles};
use materiotheque::ui::state::{I18n, SaveProblem, StorageMode};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{settle, sleep, snapshot};

/// Longer than the save delay, plus the Web Lock's round trip.
const SAVED_MS: i32 = persistence::SAVE_DELAY_MS as i32 + 300;

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
}

/// The persistence layer and its notices, mounted as the app mounts them.
fn mount() -> (web_sys::HtmlElement, Handles, Box<dyn std::any::Any>) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let slot = std::rc::Rc::new(std::cell::Cell::new(None));
    let shared = slot.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let i18n = I18n::new(Lang::Fr);
        provide_context(i18n);
        let handles = persistence::start(i18n);
        provide_context(handles);
        provide_context(handles.storage);
        handles.profile.teacher.set(Some(anne()));
        shared.set(Some(handles));
        view! { <StorageNotice /> }
    });
    (host, slot.get().unwrap(), Box::new(handle))
}

fn stored_bookings() -> Vec<String> {
    let opened = TabSync::open(BrowserKv, demo).unwrap_or_else(|e| panic!("{e}"));
    opened.working.pool.state().bookings.iter().map(|b| b.id.clone()).collect()
}

#[wasm_bindgen_test]
async fn changes_are_saved_after_a_pause_and_read_again() {
    clear();
    let (_host, handles, handle) = mount();
    settle().await;
    handles.pool.apply(booking("anne-a")).unwrap();
    settle().await;
    assert!(raw_storage().get_item("materiotheque.state.a").unwrap().is_none(), "not saved at once");
    sleep(SAVED_MS).await;
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
    let (host, handles, handle) = mount();
    handles.pool.apply(booking("anne-a")).unwrap();
    sleep(SAVED_MS).await;
    let fillers = fill_to_quota();
    let before = snapshot();
    handles.pool.apply(booking("anne-b")).unwrap();
    sleep(SAVED_MS).await;
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
    sleep(SAVED_MS).await;
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
    settle().await;
    let text = host.inner_text();
    assert!(text.contains("Données illisibles"), "{text}");
    assert!(host.query_selector(".model-card").unwrap().is_none(), "nothing else before the download");
    let buttons = host.query_selector_all(".recovery button").unwrap();
    let download: web_sys::HtmlElement = buttons.get(0).unwrap().dyn_into().unwrap();
    let erase: web_sys::HtmlButtonElement = buttons.get(1).unwrap().dyn_into().unwrap();
    assert_eq!(download.inner_text(), "Télécharger la copie illisible");
    assert!(erase.disabled(), "erasing waits for the download");
    download.click();
    settle().await;
    assert!(!erase.disabled());
    sleep(SAVED_MS).await;
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
    let (host, handles, handle) = mount();
    settle().await;
    assert_eq!(handles.storage.mode.get_untracked(), StorageMode::ReadOnly(9));
    assert!(host.inner_text().contains("version plus récente de Matériothèque (format 9)"), "{}", host.inner_text());
    handles.pool.apply(booking("anne-a")).unwrap();
    sleep(SAVED_MS).await;
    assert!(snapshot() == before, "nothing is written over newer data");
    drop(handle);
    clear();
}

#[wasm_bindgen_test]
async fn a_copy_found_unreadable_beside_a_good_one_is_offered_then_replaced() {
    clear();
    {
        let mut other = TabSync::open(BrowserKv, demo).unwrap();
        other.sync.save(&mut other.working, now(), demo).unwrap();
    }
    raw_storage().set_item("materiotheque.state.b", "garbage{").unwrap();
    let before = snapshot();
    let (host, handles, handle) = mount();
    settle().await;
    assert!(host.inner_text().contains("était illisible"), "{}", host.inner_text());
    handles.pool.apply(booking("anne-a")).unwrap();
    sleep(SAVED_MS).await;
    assert!(snapshot() == before, "not replaced before the user was offered it");
    persistence::discard_recovered(handles);
    settle().await;
    assert!(stored_bookings().contains(&"anne-a".to_owned()), "saving goes on, the pending change included");
    assert_ne!(raw_storage().get_item("materiotheque.state.b").unwrap().as_deref(), Some("garbage{"));
    drop(handle);
    clear();
}

#[wasm_bindgen_test]
async fn another_tabs_save_is_taken_in_and_this_tabs_change_is_kept() {
    clear();
    let (_host, handles, handle) = mount();
    handles.pool.apply(booking("anne-a")).unwrap();
    sleep(SAVED_MS).await;
    // Another tab saves a booking; this one makes a change before it hears of it.
    let mut other = TabSync::open(BrowserKv, demo).unwrap();
    let mut change = booking("anne-other");
    change.apply(&mut other.working.pool).unwrap();
    other.sync.record(change);
    other.sync.save(&mut other.working, now(), demo).unwrap();
    handles.pool.apply(booking("anne-b")).unwrap();
    web_sys::window().unwrap().dispatch_event(&web_sys::Event::new("storage").unwrap()).unwrap();
    settle().await;
    assert!(handles.pool.pool.with_untracked(|p| p.booking("anne-other").is_some()), "shown at once");
    sleep(SAVED_MS).await;
    let stored = stored_bookings();
    for id in ["anne-a", "anne-b", "anne-other"] {
        assert!(stored.contains(&id.to_owned()), "{id} in {stored:?}");
    }
    drop(handle);
    clear();
}
