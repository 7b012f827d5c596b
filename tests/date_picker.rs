//! Browser tests of the date field and its picker dialog (headless Chromium through
//! `wasm-bindgen-test-runner`), driven with real DOM events: typing, clicks and key presses.
#![cfg(target_arch = "wasm32")]

use chrono::{Datelike, NaiveDate, Weekday};
use leptos::prelude::*;
use materiotheque::i18n::{Lang, Msg};
use materiotheque::ui::components::DateField;
use materiotheque::ui::state::I18n;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::effects_run;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 11, 23);

fn today() -> NaiveDate {
    ymd(TODAY.0, TODAY.1, TODAY.2)
}

/// A mounted date field; unmounted and removed on drop.
struct Mounted {
    host: web_sys::HtmlElement,
    handle: Option<Box<dyn std::any::Any>>,
    id: &'static str,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.host.remove();
    }
}

impl Mounted {
    fn el(&self, selector: &str) -> web_sys::HtmlElement {
        self.try_el(selector).unwrap_or_else(|| panic!("no element {selector}"))
    }

    fn try_el(&self, selector: &str) -> Option<web_sys::HtmlElement> {
        self.host.query_selector(selector).unwrap().map(|e| e.dyn_into().unwrap())
    }

    fn input(&self) -> web_sys::HtmlInputElement {
        self.el(&format!("#{}", self.id)).dyn_into().unwrap()
    }

    fn button(&self) -> web_sys::HtmlElement {
        self.el(&format!("#{}-button", self.id))
    }

    fn dialog(&self) -> Option<web_sys::HtmlElement> {
        self.try_el("[role=dialog]")
    }

    fn cell(&self, date: NaiveDate) -> web_sys::HtmlElement {
        self.el(&format!("#{}-day-{date}", self.id))
    }

    async fn type_text(&self, text: &str) {
        let input = self.input();
        input.set_value(text);
        for kind in ["input", "change"] {
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
            input.dispatch_event(&event).unwrap();
        }
        effects_run().await;
    }

    async fn open(&self) {
        self.button().click();
        effects_run().await;
    }
}

async fn mount(
    id: &'static str,
    value: RwSignal<Option<NaiveDate>>,
    min: Option<NaiveDate>,
    day_note: Option<Callback<NaiveDate, Option<Msg>>>,
) -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        leptos::context::provide_context(I18n::new(Lang::Fr));
        match day_note {
            Some(note) => view! {
                <DateField label=Msg::UnitLabel value=value min=min today=today() id=id day_note=note />
            }
            .into_any(),
            None => view! { <DateField label=Msg::UnitLabel value=value min=min today=today() id=id /> }.into_any(),
        }
    });
    effects_run().await;
    Mounted { host, handle: Some(Box::new(handle)), id }
}

/// The focused element's id.
fn focused_id() -> String {
    web_sys::window().unwrap().document().unwrap().active_element().map(|e| e.id()).unwrap_or_default()
}

/// Presses `key` (a `KeyboardEvent.key` value) on the focused element.
async fn press(key: &str, shift: bool) {
    let document = web_sys::window().unwrap().document().unwrap();
    let target = document.active_element().expect("something has the focus");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
    effects_run().await;
}

fn day_id(id: &str, date: NaiveDate) -> String {
    format!("{id}-day-{date}")
}

#[wasm_bindgen_test]
async fn typing_a_date_sets_the_value_and_an_impossible_one_shows_an_error() {
    let value = RwSignal::new(None);
    let field = mount("typed", value, None, None).await;
    let input = field.input();
    assert_eq!(field.el("label").get_attribute("for").as_deref(), Some("typed"));
    assert_eq!(input.get_attribute("aria-describedby").as_deref(), Some("typed-hint"));
    assert!(field.el("#typed-hint").inner_text().contains("JJ/MM/AAAA"));

    field.type_text("05/01/2027").await;
    assert_eq!(value.get_untracked(), Some(ymd(2027, 1, 5)));
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert!(field.try_el("#typed-error").is_none());

    field.type_text("31/02/2027").await;
    assert_eq!(value.get_untracked(), None, "an impossible date clears the value");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error = field.el("#typed-error");
    assert!(error.inner_text().contains("Cette date n'existe pas"), "{}", error.inner_text());
    assert!(error.inner_text().starts_with("Erreur"));
    assert_eq!(input.get_attribute("aria-describedby").as_deref(), Some("typed-hint typed-error"));

    field.type_text("05/01/27").await;
    assert!(field.el("#typed-error").inner_text().contains("quatre chiffres"));

    field.type_text(" 2027-01-06 ").await;
    assert_eq!(value.get_untracked(), Some(ymd(2027, 1, 6)));
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert!(field.try_el("#typed-error").is_none());

    // A change from outside shows in the input.
    value.set(Some(ymd(2027, 3, 1)));
    effects_run().await;
    assert_eq!(input.value(), "01/03/2027");
}

#[wasm_bindgen_test]
async fn the_button_names_the_field_and_opens_a_labelled_modal_dialog_on_the_selected_day() {
    let value = RwSignal::new(Some(ymd(2027, 1, 5)));
    let field = mount("opened", value, None, None).await;
    let button = field.button();
    assert_eq!(button.inner_text(), "Choisir une date");
    assert_eq!(button.get_attribute("aria-label").as_deref(), Some("Choisir une date : Étiquette"));
    assert!(field.dialog().is_none());

    field.open().await;
    let dialog = field.dialog().expect("the dialog is open");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let heading_id = dialog.get_attribute("aria-labelledby").unwrap();
    let heading = field.el(&format!("#{heading_id}"));
    assert_eq!(heading.inner_text(), "janvier 2027");
    assert_eq!(heading.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));

    assert_eq!(focused_id(), day_id("opened", ymd(2027, 1, 5)), "the selected day has the focus");
    let cell = field.cell(ymd(2027, 1, 5));
    assert_eq!(cell.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(cell.get_attribute("aria-selected").as_deref(), Some("true"));
    assert!(cell.text_content().unwrap_or_default().contains("mardi 5 janvier 2027"), "full date in the name");
    assert_eq!(field.cell(ymd(2027, 1, 6)).get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(field.cell(ymd(2027, 1, 6)).get_attribute("aria-selected").as_deref(), Some("false"));

    let grid = field.el("[role=grid]");
    let headers = grid.query_selector_all("thead th").unwrap();
    assert_eq!(headers.length(), 7);
    let first: web_sys::Element = headers.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(first.text_content().as_deref(), Some("lun."));
    assert_eq!(first.get_attribute("abbr").as_deref(), Some("lundi"), "columns start on Monday");
    let last: web_sys::Element = headers.item(6).unwrap().dyn_into().unwrap();
    assert_eq!(last.get_attribute("abbr").as_deref(), Some("dimanche"));
    // 1 January 2027 is a Friday: fifth column of the first row.
    let first_row = grid.query_selector_all("tbody tr:first-child td").unwrap();
    let friday: web_sys::Element = first_row.item(4).unwrap().dyn_into().unwrap();
    assert_eq!(friday.id(), day_id("opened", ymd(2027, 1, 1)));
}

#[wasm_bindgen_test]
async fn without_a_value_the_dialog_opens_on_today_which_is_marked() {
    let value = RwSignal::new(None);
    let field = mount("today", value, None, None).await;
    field.open().await;
    assert_eq!(focused_id(), day_id("today", today()));
    assert_eq!(field.cell(today()).get_attribute("aria-current").as_deref(), Some("date"));
    assert_eq!(field.cell(ymd(2026, 11, 24)).get_attribute("aria-current"), None);
    assert_eq!(field.el(".date-picker__heading").inner_text(), "novembre 2026");
}

#[wasm_bindgen_test]
async fn keys_move_the_focus_by_day_week_month_and_year() {
    let value = RwSignal::new(Some(ymd(2027, 1, 5)));
    let field = mount("keys", value, None, None).await;
    field.open().await;
    let steps: [(&str, bool, NaiveDate); 10] = [
        ("ArrowRight", false, ymd(2027, 1, 6)),
        ("ArrowDown", false, ymd(2027, 1, 13)),
        ("ArrowLeft", false, ymd(2027, 1, 12)),
        ("ArrowUp", false, ymd(2027, 1, 5)),
        ("PageDown", false, ymd(2027, 2, 5)),
        ("Home", false, ymd(2027, 2, 1)),
        ("End", false, ymd(2027, 2, 7)),
        ("PageUp", false, ymd(2027, 1, 7)),
        ("PageDown", true, ymd(2028, 1, 7)),
        ("PageUp", true, ymd(2027, 1, 7)),
    ];
    for (key, shift, expected) in steps {
        press(key, shift).await;
        assert_eq!(focused_id(), day_id("keys", expected), "after {key} (shift: {shift})");
        assert_eq!(field.cell(expected).get_attribute("tabindex").as_deref(), Some("0"));
    }
    assert_eq!(ymd(2027, 2, 1).weekday(), Weekday::Mon);
    assert_eq!(ymd(2027, 2, 7).weekday(), Weekday::Sun);
    // Crossing into another month shows it.
    press("PageDown", false).await;
    assert_eq!(field.el(".date-picker__heading").inner_text(), "février 2027");
    assert_eq!(value.get_untracked(), Some(ymd(2027, 1, 5)), "moving does not choose");
}

#[wasm_bindgen_test]
async fn enter_chooses_the_focused_day_closes_and_returns_the_focus_to_the_button() {
    let value = RwSignal::new(None);
    let field = mount("enter", value, None, None).await;
    field.open().await;
    press("ArrowRight", false).await;
    press("Enter", false).await;
    assert_eq!(value.get_untracked(), Some(ymd(2026, 11, 24)));
    assert!(field.dialog().is_none(), "the dialog is closed");
    assert_eq!(focused_id(), "enter-button");
    assert_eq!(field.input().value(), "24/11/2026");
    assert_eq!(field.button().get_attribute("aria-expanded").as_deref(), Some("false"));

    // Space chooses too, and reopening starts on the chosen day.
    field.open().await;
    assert_eq!(focused_id(), day_id("enter", ymd(2026, 11, 24)));
    press("ArrowDown", false).await;
    press(" ", false).await;
    assert_eq!(value.get_untracked(), Some(ymd(2026, 12, 1)));
    assert!(field.dialog().is_none());
    assert_eq!(focused_id(), "enter-button");
}

#[wasm_bindgen_test]
async fn escape_closes_without_change_and_returns_the_focus_to_the_button() {
    let value = RwSignal::new(Some(ymd(2027, 1, 5)));
    let field = mount("escape", value, None, None).await;
    field.open().await;
    press("ArrowRight", false).await;
    press("PageDown", false).await;
    press("Escape", false).await;
    assert!(field.dialog().is_none());
    assert_eq!(value.get_untracked(), Some(ymd(2027, 1, 5)));
    assert_eq!(field.input().value(), "05/01/2027");
    assert_eq!(focused_id(), "escape-button");

    // The cancel button does the same.
    field.open().await;
    field.el(".date-picker__actions button").click();
    effects_run().await;
    assert!(field.dialog().is_none());
    assert_eq!(value.get_untracked(), Some(ymd(2027, 1, 5)));
    assert_eq!(focused_id(), "escape-button");
}

#[wasm_bindgen_test]
async fn tab_cycles_inside_the_dialog() {
    let value = RwSignal::new(Some(ymd(2027, 1, 5)));
    let field = mount("trap", value, None, None).await;
    field.open().await;
    let dialog = field.dialog().unwrap();
    let buttons = dialog.query_selector_all("button").unwrap();
    let first: web_sys::HtmlElement = buttons.item(0).unwrap().dyn_into().unwrap();
    let last: web_sys::HtmlElement = buttons.item(buttons.length() - 1).unwrap().dyn_into().unwrap();
    last.focus().unwrap();
    press("Tab", false).await;
    assert!(web_sys::window().unwrap().document().unwrap().active_element().unwrap().is_same_node(Some(&first)));
    press("Tab", true).await;
    assert!(web_sys::window().unwrap().document().unwrap().active_element().unwrap().is_same_node(Some(&last)));

    // The month buttons keep the focus and change the month shown.
    let next_month: web_sys::HtmlElement = buttons.item(2).unwrap().dyn_into().unwrap();
    next_month.focus().unwrap();
    next_month.click();
    effects_run().await;
    assert_eq!(field.el(".date-picker__heading").inner_text(), "février 2027");
    assert!(web_sys::window().unwrap().document().unwrap().active_element().unwrap().is_same_node(Some(&next_month)));
    assert_eq!(field.cell(ymd(2027, 2, 5)).get_attribute("tabindex").as_deref(), Some("0"));
}

#[wasm_bindgen_test]
async fn days_before_min_cannot_be_chosen_and_notes_are_text() {
    let value = RwSignal::new(None);
    let note = Callback::new(|date: NaiveDate| {
        matches!(date.weekday(), Weekday::Sat | Weekday::Sun).then_some(Msg::DayWeekend)
    });
    let field = mount("range", value, Some(ymd(2026, 11, 25)), Some(note)).await;
    field.open().await;
    assert_eq!(focused_id(), day_id("range", ymd(2026, 11, 25)), "the dialog opens on the first allowed day");
    let before = field.cell(ymd(2026, 11, 24));
    assert_eq!(before.get_attribute("aria-disabled").as_deref(), Some("true"));
    assert!(before.text_content().unwrap_or_default().contains("hors de la période possible"));
    assert_eq!(field.cell(ymd(2026, 11, 25)).get_attribute("aria-disabled"), None);

    press("ArrowLeft", false).await;
    press("Enter", false).await;
    assert!(field.dialog().is_some(), "a day before min is not chosen");
    assert_eq!(value.get_untracked(), None);

    let saturday = field.cell(ymd(2026, 11, 28));
    let text = saturday.text_content().unwrap_or_default();
    assert!(text.contains("samedi 28 novembre 2026, week-end"), "{text}");
    assert!(saturday.query_selector(".date-picker__marker").unwrap().is_some(), "a visible marker");
    assert!(field.cell(ymd(2026, 11, 27)).query_selector(".date-picker__marker").unwrap().is_none());
    press("Escape", false).await;

    // Typing a date before min is refused with the earliest date.
    field.type_text("24/11/2026").await;
    assert_eq!(value.get_untracked(), None);
    assert!(field.el("#range-error").inner_text().contains("mercredi 25 novembre 2026"));
}
