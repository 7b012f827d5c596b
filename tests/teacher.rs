//! Browser tests of the teacher's side: the saved pool in local storage, and the basket
//! component over the demo pool.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use leptos::prelude::*;
use materiotheque::domain::{Actor, BookingLine, BookingRequest, Teacher};
use materiotheque::i18n::Lang;
use materiotheque::storage::local::LocalStore;
use materiotheque::ui::components::BasketTable;
use materiotheque::ui::persistence;
use materiotheque::ui::state::{I18n, PlanHandle, PoolHandle, ProfileHandle, SaveStatus};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::settle;

fn raw_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn anne() -> Teacher {
    Teacher {
        id: "anne.martin@ac-lyon.fr".into(),
        name: "Anne Martin".into(),
        email: "anne.martin@ac-lyon.fr".into(),
        school: "saint-etienne-ecole-elementaire-monge".into(),
    }
}

fn request(id: &str) -> BookingRequest {
    BookingRequest {
        id: id.into(),
        teacher: anne().id,
        lines: vec![BookingLine { model: "bluebot".into(), quantity: 3 }],
        start: d(2027, 1, 4),
        end: d(2027, 1, 22),
        project: "Robots".into(),
        class: "CM1".into(),
        notes: String::new(),
        agreement_version: "2026-09".into(),
        override_reason: None,
    }
}

fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

#[wasm_bindgen_test]
async fn a_booking_is_saved_with_the_pool_and_loaded_again() {
    LocalStore::remove("pool");
    let shared = std::rc::Rc::new(std::cell::Cell::new(None));
    let slot = shared.clone();
    let handle = leptos::mount::mount_to(host(), move || {
        let pool = PoolHandle::load(Some(anne()));
        let profile = ProfileHandle::new(Some(anne()));
        persistence::install(I18n::new(Lang::Fr), pool, profile, PlanHandle::new(), SaveStatus::new());
        slot.set(Some(pool));
    });
    settle().await;
    assert_eq!(LocalStore::pool(), None, "starting the app saves nothing");
    let pool = shared.get().unwrap();
    let now = d(2026, 11, 23).and_hms_opt(9, 0, 0).unwrap();
    let mut created = Err(materiotheque::domain::DomainError::NoLines);
    pool.pool.update(|p| created = p.create_booking(request("anne-1"), Actor::Teacher(anne().id), now));
    assert!(created.is_ok(), "{created:?}");
    settle().await;
    let state = LocalStore::pool().expect("the pool was saved");
    assert!(state.bookings.iter().any(|b| b.id == "anne-1" && b.teacher == anne().id));
    let reloaded = PoolHandle::load(Some(anne()));
    assert!(reloaded.pool.with_untracked(|p| p.booking("anne-1").is_some()), "a new start reads the saved booking");
    drop(handle);
    LocalStore::remove("pool");
}

#[wasm_bindgen_test]
async fn an_unreadable_saved_pool_is_never_written_over() {
    raw_storage().set_item("materiotheque.pool", "{\"bookings\": [tronqué").unwrap();
    let shared = std::rc::Rc::new(std::cell::Cell::new(None));
    let slot = shared.clone();
    let handle = leptos::mount::mount_to(host(), move || {
        let pool = PoolHandle::load(Some(anne()));
        assert!(pool.stored_unreadable);
        persistence::install(
            I18n::new(Lang::Fr),
            pool,
            ProfileHandle::new(Some(anne())),
            PlanHandle::new(),
            SaveStatus::new(),
        );
        slot.set(Some(pool));
    });
    settle().await;
    let pool = shared.get().unwrap();
    let now = d(2026, 11, 23).and_hms_opt(9, 0, 0).unwrap();
    pool.pool.update(|p| assert!(p.create_booking(request("anne-2"), Actor::Teacher(anne().id), now).is_ok()));
    settle().await;
    assert_eq!(raw_storage().get_item("materiotheque.pool").unwrap().as_deref(), Some("{\"bookings\": [tronqué"));
    drop(handle);
    LocalStore::remove("pool");
}

#[wasm_bindgen_test]
async fn the_basket_shows_what_is_free_and_takes_typed_quantities() {
    LocalStore::remove("pool");
    let plan = PlanHandle::new();
    let host = host();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(I18n::new(Lang::Fr));
        provide_context(PoolHandle::load(None));
        provide_context(plan);
        view! { <BasketTable /> }
    });
    settle().await;
    assert!(host.inner_text().contains("Votre panier est vide"));
    plan.add("bluebot", 10);
    settle().await;
    assert!(host.inner_text().contains("Choisissez une période"), "{}", host.inner_text());
    // 17 Blue-Bots in service, 12 booked by another class over these weeks.
    plan.start.set(Some(d(2027, 1, 4)));
    plan.end.set(Some(d(2027, 1, 22)));
    settle().await;
    assert!(host.inner_text().contains("5 libres sur 17"), "{}", host.inner_text());

    let input: web_sys::HtmlInputElement = host.query_selector("#qty-bluebot").unwrap().unwrap().dyn_into().unwrap();
    let type_text = |text: &str| {
        input.set_value(text);
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    };
    type_text("4");
    settle().await;
    assert_eq!(plan.basket.get_untracked()[0].quantity, 4);
    type_text("-2");
    type_text("abc");
    settle().await;
    assert_eq!(plan.basket.get_untracked()[0].quantity, 4, "bad quantities are ignored");

    let remove: web_sys::HtmlElement = host.query_selector("tbody button").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(remove.inner_text(), "Retirer Robot Blue-Bot");
    remove.click();
    settle().await;
    assert!(plan.basket.get_untracked().is_empty());
    assert!(host.inner_text().contains("Votre panier est vide"));
    drop(handle);
}
