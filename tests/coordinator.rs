//! Browser tests of the coordinator's desk components over the demo pool: a decision refused by
//! the rules is explained on screen, and an incident without a description is refused on its
//! field.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use materiotheque::domain::{Actor, BookingLine, BookingRequest, BookingStatus, Teacher};
use materiotheque::i18n::Lang;
use materiotheque::ui::desk::DecisionBox;
use materiotheque::ui::incidents::IncidentForm;
use materiotheque::ui::state::{I18n, PoolHandle};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::effects_run;

fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

fn button(host: &web_sys::HtmlElement, text: &str) -> web_sys::HtmlElement {
    let buttons = host.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|b| b.inner_text() == text)
        .unwrap_or_else(|| panic!("no button {text}: {}", host.inner_text()))
}

/// Booking `b-1` of one Blue-Bot in June 2027 for Anne Martin (teacher `t`), made by the
/// coordinator past the period rules so the test holds whatever the day it runs.
fn book_for_anne(p: &mut materiotheque::domain::Pool) -> Result<BookingStatus, materiotheque::domain::DomainError> {
    let school = p.state().schools[0].id.clone();
    p.upsert_teacher(Teacher { id: "t".into(), name: "Anne Martin".into(), email: "anne@ac-lyon.fr".into(), school });
    let request = BookingRequest {
        id: "b-1".into(),
        teacher: "t".into(),
        lines: vec![BookingLine { model: "bluebot".into(), quantity: 1 }],
        start: chrono::NaiveDate::from_ymd_opt(2027, 6, 7).unwrap(),
        end: chrono::NaiveDate::from_ymd_opt(2027, 6, 11).unwrap(),
        project: "Parcours".into(),
        class: String::new(),
        notes: String::new(),
        agreement_version: p.state().settings.agreement.version.clone(),
        override_reason: Some("test".into()),
    };
    let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap().and_hms_opt(9, 0, 0).unwrap();
    p.create_booking(request, Actor::Coordinator, now)
}

#[wasm_bindgen_test]
async fn a_refusal_without_reason_is_explained_and_changes_nothing() {
    let pool = PoolHandle::demo(None);
    // The demo holds no request (only anonymous occupancy): one is made for a teacher.
    let made = pool.pool.try_update(book_for_anne);
    assert_eq!(made, Some(Ok(BookingStatus::Requested)));
    let notice = RwSignal::new(None::<String>);
    let host = host();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(I18n::new(Lang::Fr));
        provide_context(pool);
        view! { <DecisionBox booking="b-1".to_owned() notice=notice /> }
    });
    effects_run().await;
    button(&host, "Refuser la réservation").click();
    effects_run().await;
    assert!(host.inner_text().contains("Le champ « motif » est obligatoire."), "{}", host.inner_text());
    let status = pool.pool.with_untracked(|p| p.booking("b-1").map(|b| b.status));
    assert_eq!(status, Some(BookingStatus::Requested));
    drop(handle);
}

#[wasm_bindgen_test]
async fn an_incident_without_description_is_refused_on_its_field_with_no_stray_sign() {
    let pool = PoolHandle::demo(None);
    let label = pool.pool.with_untracked(|p| {
        p.state().catalogue.units.iter().find(|u| u.model == "bluebot" && u.in_service).map(|u| u.label.clone())
    });
    let label = label.expect("a Blue-Bot in service");
    let booking = pool.pool.try_update(|p| {
        book_for_anne(p).unwrap();
        let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap().and_hms_opt(9, 0, 0).unwrap();
        p.confirm("b-1", now).unwrap();
        p.hand_over("b-1", &[label.clone()], now).unwrap();
        p.booking("b-1").cloned().unwrap()
    });
    let booking = booking.unwrap();
    let open = RwSignal::new(true);
    let notice = RwSignal::new(None::<String>);
    let host = host();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(I18n::new(Lang::Fr));
        provide_context(pool);
        view! { <IncidentForm booking=booking.clone() open=open notice=notice by_coordinator=true /> }
    });
    effects_run().await;
    assert!(host.query_selector(".field-error").unwrap().is_none(), "no error shown yet");
    assert!(!host.inner_text().contains('\u{26a0}'), "{}", host.inner_text());
    button(&host, "Envoyer la déclaration").click();
    effects_run().await;
    let error = host.query_selector(".field-error").unwrap().expect("the description's error");
    assert_eq!(
        error.text_content().unwrap(),
        "Décrivez ce qui s'est passé : l'état de l'exemplaire et les circonstances."
    );
    let field = host.query_selector("textarea").unwrap().unwrap();
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(field.get_attribute("aria-describedby"), error.get_attribute("id"));
    assert!(pool.pool.with_untracked(|p| p.state().incidents.is_empty()), "nothing declared");
    assert!(open.get_untracked(), "the form stays open");
    drop(handle);
}
