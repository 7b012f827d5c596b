//! Browser tests of the teacher's side: the basket component over the demo pool (saving is
//! tested in `storage.rs`).
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use leptos::prelude::*;
use materiotheque::i18n::Lang;
use materiotheque::ui::booking::BasketTable;
use materiotheque::ui::state::{I18n, PlanHandle, PoolHandle};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::effects_run;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

#[wasm_bindgen_test]
async fn the_basket_shows_what_is_free_and_takes_typed_quantities() {
    let plan = PlanHandle::new();
    let host = host();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(I18n::new(Lang::Fr));
        provide_context(PoolHandle::demo(None));
        provide_context(plan);
        view! { <BasketTable /> }
    });
    effects_run().await;
    assert!(host.inner_text().contains("Votre panier est vide"));
    plan.add("bluebot", 10);
    effects_run().await;
    assert!(host.inner_text().contains("Choisissez une période"), "{}", host.inner_text());
    // 17 Blue-Bots in service, 12 booked by another class over these weeks.
    plan.start.set(Some(d(2027, 1, 4)));
    plan.end.set(Some(d(2027, 1, 22)));
    effects_run().await;
    assert!(host.inner_text().contains("5 libres sur 17"), "{}", host.inner_text());

    let input: web_sys::HtmlInputElement = host.query_selector("#qty-bluebot").unwrap().unwrap().dyn_into().unwrap();
    let type_text = |text: &str| {
        input.set_value(text);
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    };
    type_text("4");
    effects_run().await;
    assert_eq!(plan.basket.get_untracked()[0].quantity, 4);
    type_text("-2");
    type_text("abc");
    effects_run().await;
    assert_eq!(plan.basket.get_untracked()[0].quantity, 4, "bad quantities are ignored");

    let remove: web_sys::HtmlElement = host.query_selector("tbody button").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(remove.inner_text(), "Retirer Robot Blue-Bot");
    remove.click();
    effects_run().await;
    assert!(plan.basket.get_untracked().is_empty());
    assert!(host.inner_text().contains("Votre panier est vide"));
    drop(handle);
}
