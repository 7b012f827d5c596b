//! A date field: a text input for `JJ/MM/AAAA` and a button opening a calendar dialog, after the
//! WAI-ARIA APG "Date Picker Dialog" pattern. The dialog is a plain positioned `div` with
//! `role="dialog"` (focus trapped by hand) and its days are grid cells with a roving `tabindex`.

use crate::domain::iso;
use crate::i18n::dates::{format_date_input, format_date_long, format_month_year, parse_date_input, weekday_name};
use crate::i18n::dates::{weekday_short, DateInputError};
use crate::i18n::teacher;
use crate::i18n::{Lang, Msg};
use crate::ui::state::use_i18n;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

/// The week as the grid shows it: French weeks start on Monday.
const WEEK: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

/// Why the text in a date field is not an acceptable date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FieldError {
    /// The text is not a date.
    Input(DateInputError),
    /// The date is before the earliest allowed one (given).
    BeforeMin(NaiveDate),
    /// The date is after the latest allowed one (given).
    AfterMax(NaiveDate),
}

/// The date typed in `text`, `None` when blank, or why it is refused.
fn check(text: &str, min: Option<NaiveDate>, max: Option<NaiveDate>) -> Result<Option<NaiveDate>, FieldError> {
    match parse_date_input(text) {
        Err(DateInputError::Empty) => Ok(None),
        Err(e) => Err(FieldError::Input(e)),
        Ok(date) => match (min, max) {
            (Some(min), _) if date < min => Err(FieldError::BeforeMin(min)),
            (_, Some(max)) if date > max => Err(FieldError::AfterMax(max)),
            _ => Ok(Some(date)),
        },
    }
}

/// The message for an error, in `lang`.
fn error_text(lang: Lang, error: FieldError) -> String {
    match error {
        FieldError::Input(e) => e.message().get(lang).to_owned(),
        FieldError::BeforeMin(min) => teacher::date_error_before_min(lang, &format_date_long(lang, min)),
        FieldError::AfterMax(max) => teacher::date_error_after_max(lang, &format_date_long(lang, max)),
    }
}

/// Whether `date` lies in `[min, max]` (open ends allowed).
fn in_range(date: NaiveDate, min: Option<NaiveDate>, max: Option<NaiveDate>) -> bool {
    min.is_none_or(|m| date >= m) && max.is_none_or(|m| date <= m)
}

/// `date` brought into `[min, max]`.
fn clamp(date: NaiveDate, min: Option<NaiveDate>, max: Option<NaiveDate>) -> NaiveDate {
    match (min, max) {
        (Some(min), _) if date < min => min,
        (_, Some(max)) if date > max => max,
        _ => date,
    }
}

/// Moves `date` by whole months, keeping the day where the target month has it (else its last day).
fn shift_months(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    let step = Months::new(months.unsigned_abs());
    if months < 0 {
        date.checked_sub_months(step)
    } else {
        date.checked_add_months(step)
    }
}

/// Moves `date` by days.
fn shift_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    let step = Days::new(days.unsigned_abs());
    if days < 0 {
        date.checked_sub_days(step)
    } else {
        date.checked_add_days(step)
    }
}

/// Where a navigation key moves the focused day (APG date picker grid), `None` for other keys.
fn key_target(key: &str, shift: bool, date: NaiveDate) -> Option<NaiveDate> {
    let from_monday = i64::from(date.weekday().num_days_from_monday());
    match (key, shift) {
        ("ArrowRight", _) => shift_days(date, 1),
        ("ArrowLeft", _) => shift_days(date, -1),
        ("ArrowDown", _) => shift_days(date, 7),
        ("ArrowUp", _) => shift_days(date, -7),
        ("Home", _) => shift_days(date, -from_monday),
        ("End", _) => shift_days(date, 6 - from_monday),
        ("PageUp", false) => shift_months(date, -1),
        ("PageDown", false) => shift_months(date, 1),
        ("PageUp", true) => shift_months(date, -12),
        ("PageDown", true) => shift_months(date, 12),
        _ => None,
    }
}

/// The weeks of the month holding `date`, Monday first; days of other months are `None`.
fn month_weeks(date: NaiveDate) -> Vec<[Option<NaiveDate>; 7]> {
    let mut weeks = Vec::new();
    let Some(first) = date.with_day(1) else { return weeks };
    let mut week = [None; 7];
    let mut day = Some(first);
    while let Some(d) = day.filter(|d| d.month() == first.month()) {
        let column = d.weekday().num_days_from_monday() as usize;
        week[column] = Some(d);
        if column == 6 {
            weeks.push(week);
            week = [None; 7];
        }
        day = d.succ_opt();
    }
    if week.iter().any(Option::is_some) {
        weeks.push(week);
    }
    weeks
}

/// The element id of a day's grid cell.
fn cell_id(field: &str, date: NaiveDate) -> String {
    format!("{field}-day-{}", iso::format_date(date))
}

/// Focuses the element with `id`, once pending renders have run (effects run in microtasks,
/// before a zero-delay timeout).
fn focus_later(id: String) {
    set_timeout(
        move || {
            if let Some(el) = document().get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        },
        Duration::ZERO,
    );
}

/// Keeps Tab and Shift+Tab inside `dialog`: from the last focusable element to the first and back.
fn trap_tab(dialog: &web_sys::HtmlElement, ev: &web_sys::KeyboardEvent) {
    let Ok(list) = dialog.query_selector_all("button:not([disabled]), [tabindex=\"0\"]") else { return };
    let focusables: Vec<web_sys::HtmlElement> =
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into().ok()).collect();
    let (Some(first), Some(last)) = (focusables.first(), focusables.last()) else { return };
    let active: Option<JsValue> = document().active_element().map(Into::into);
    let is_active = |el: &web_sys::HtmlElement| active.as_ref() == Some(AsRef::<JsValue>::as_ref(el));
    let inside = focusables.iter().any(is_active);
    let target = match (ev.shift_key(), inside) {
        (true, _) if !inside || is_active(first) => last,
        (false, _) if !inside || is_active(last) => first,
        _ => return,
    };
    ev.prevent_default();
    let _ = target.focus();
}

/// A labelled date input with a calendar dialog. The typed text sets `value` when it is a date
/// in `[min, max]` (else `value` is `None` and, once the field is left, an error explains why);
/// the dialog sets both.
#[component]
pub fn DateField(
    /// The field's label.
    label: Msg,
    /// The chosen date.
    value: RwSignal<Option<NaiveDate>>,
    /// Earliest allowed date, if any.
    #[prop(into, optional)]
    min: Signal<Option<NaiveDate>>,
    /// Latest allowed date, if any.
    #[prop(into, optional)]
    max: Signal<Option<NaiveDate>>,
    /// Today, marked in the calendar and shown first when no date is chosen.
    today: NaiveDate,
    /// The input's id; other ids in the field derive from it.
    #[prop(into)]
    id: String,
    /// A note on a day (weekend, holidays...), shown as a marker and read with the date.
    #[prop(optional)]
    day_note: Option<Callback<NaiveDate, Option<Msg>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(value.get_untracked().map(format_date_input).unwrap_or_default());
    // Errors show once the field has been left, not while a date is half typed.
    let touched = RwSignal::new(false);
    let open = RwSignal::new(false);
    let focused = RwSignal::new(today);
    let month = Memo::new(move |_| focused.get().with_day(1).unwrap_or(today));
    let button_ref: NodeRef<leptos::html::Button> = NodeRef::new();
    let dialog_ref: NodeRef<leptos::html::Div> = NodeRef::new();

    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let button_id = format!("{id}-button");
    let heading_id = format!("{id}-dialog-heading");
    let help_id = format!("{id}-dialog-help");
    let input_id = id.clone();
    // Kept once for the closures below, which must stay `Copy`.
    let id = StoredValue::new(id);

    let status = Memo::new(move |_| text.with(|t| check(t, min.get(), max.get())));
    let shown_error = move || if touched.get() { status.get().err() } else { None };
    let note = move |date: NaiveDate| day_note.and_then(|cb| cb.try_run(date).flatten());

    // An outside change of `value` rewrites the text, unless the text already says it.
    Effect::new(move |_| {
        let current = value.get();
        let typed = text.with_untracked(|t| check(t, min.get_untracked(), max.get_untracked()).ok().flatten());
        if typed != current {
            text.set(current.map(format_date_input).unwrap_or_default());
        }
    });

    let on_input = move |ev| {
        text.set(event_target_value(&ev));
        value.set(status.get_untracked().ok().flatten());
    };

    let close = move || {
        open.set(false);
        if let Some(button) = button_ref.get_untracked() {
            let _ = button.focus();
        }
    };
    let choose = move |date: NaiveDate| {
        if !in_range(date, min.get_untracked(), max.get_untracked()) {
            return;
        }
        text.set(format_date_input(date));
        value.set(Some(date));
        close();
    };
    let move_focus = move |date: NaiveDate| {
        focused.set(date);
        focus_later(id.with_value(|id| cell_id(id, date)));
    };
    let open_dialog = move |_| {
        let start = clamp(value.get_untracked().unwrap_or(today), min.get_untracked(), max.get_untracked());
        open.set(true);
        move_focus(start);
    };
    // Month and year buttons keep the focus on themselves; the heading announces the change.
    let browse = move |months: i32| {
        if let Some(date) = shift_months(focused.get_untracked(), months) {
            focused.set(date);
        }
    };
    let on_grid_key = move |ev: web_sys::KeyboardEvent| {
        let date = focused.get_untracked();
        let key = ev.key();
        if key == "Enter" || key == " " {
            // Prevented so the key does not also activate the button that gets the focus back.
            ev.prevent_default();
            choose(date);
        } else if let Some(target) = key_target(&key, ev.shift_key(), date) {
            ev.prevent_default();
            move_focus(target);
        }
    };
    let on_dialog_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            ev.stop_propagation();
            close();
        }
        "Tab" => {
            if let Some(dialog) = dialog_ref.get_untracked() {
                trap_tab(&dialog, &ev);
            }
        }
        _ => {}
    };

    let day_cell = move |date: NaiveDate| {
        let long = move || format_date_long(i18n.lang(), date);
        let sr_text = move || {
            let mut parts = vec![long()];
            if let Some(msg) = note(date) {
                parts.push(i18n.t(msg).to_owned());
            }
            if !in_range(date, min.get(), max.get()) {
                parts.push(i18n.t(Msg::DatePickerOutOfRange).to_owned());
            }
            parts.join(", ")
        };
        let class = move || {
            let mut class = String::from("date-picker__cell");
            if note(date).is_some() {
                class.push_str(" date-picker__cell--noted");
            }
            if !in_range(date, min.get(), max.get()) {
                class.push_str(" date-picker__cell--out");
            }
            class
        };
        view! {
            <td
                id=id.with_value(|id| cell_id(id, date))
                class=class
                data-date=iso::format_date(date)
                tabindex=move || if focused.get() == date { "0" } else { "-1" }
                aria-selected=move || if value.get() == Some(date) { "true" } else { "false" }
                aria-current=(date == today).then_some("date")
                aria-disabled=move || (!in_range(date, min.get(), max.get())).then_some("true")
                title=move || note(date).map(|msg| i18n.t(msg))
                on:click=move |_| choose(date)
            >
                <span class="date-picker__number" aria-hidden="true">
                    {date.day()}
                </span>
                {move || note(date).map(|_| view! { <span class="date-picker__marker" aria-hidden="true">"•"</span> })}
                <span class="date-sr">{sr_text}</span>
            </td>
        }
        .into_any()
    };
    let grid_rows = move || {
        month_weeks(month.get())
            .into_iter()
            .map(|week| {
                let cells = week
                    .into_iter()
                    .map(|cell| match cell {
                        Some(date) => day_cell(date),
                        None => view! { <td class="date-picker__cell date-picker__cell--blank"></td> }.into_any(),
                    })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view()
    };
    let headers = move || {
        let lang = i18n.lang();
        WEEK.into_iter()
            .map(|day| view! { <th scope="col" abbr=weekday_name(lang, day)>{weekday_short(lang, day)}</th> })
            .collect_view()
    };
    let focused_summary = move || {
        let date = focused.get();
        let mut text = format_date_long(i18n.lang(), date);
        if let Some(msg) = note(date) {
            text = format!("{text} — {}", i18n.t(msg));
        }
        text
    };

    let dialog = move || {
        open.get().then(|| {
            let (dialog_label, grid_label, heading) = (heading_id.clone(), heading_id.clone(), heading_id.clone());
            let (grid_help, help) = (help_id.clone(), help_id.clone());
            view! {
                <div class="date-picker__backdrop" on:click=move |_| close()></div>
                <div
                    class="date-picker"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby=dialog_label
                    node_ref=dialog_ref
                    on:keydown=on_dialog_key
                >
                    <div class="date-picker__header">
                        <button type="button" class="date-picker__nav" on:click=move |_| browse(-12)>
                            <span aria-hidden="true">"«"</span>
                            <span class="date-sr">{i18n.text(Msg::DatePickerPrevYear)}</span>
                        </button>
                        <button type="button" class="date-picker__nav" on:click=move |_| browse(-1)>
                            <span aria-hidden="true">"‹"</span>
                            <span class="date-sr">{i18n.text(Msg::DatePickerPrevMonth)}</span>
                        </button>
                        <h2 id=heading class="date-picker__heading" aria-live="polite">
                            {move || format_month_year(i18n.lang(), month.get())}
                        </h2>
                        <button type="button" class="date-picker__nav" on:click=move |_| browse(1)>
                            <span aria-hidden="true">"›"</span>
                            <span class="date-sr">{i18n.text(Msg::DatePickerNextMonth)}</span>
                        </button>
                        <button type="button" class="date-picker__nav" on:click=move |_| browse(12)>
                            <span aria-hidden="true">"»"</span>
                            <span class="date-sr">{i18n.text(Msg::DatePickerNextYear)}</span>
                        </button>
                    </div>
                    <table
                        class="date-picker__grid"
                        role="grid"
                        aria-labelledby=grid_label
                        aria-describedby=grid_help
                        on:keydown=on_grid_key
                    >
                        <thead>
                            <tr>{headers}</tr>
                        </thead>
                        <tbody>{grid_rows}</tbody>
                    </table>
                    <p class="date-picker__focused">{focused_summary}</p>
                    <p id=help class="date-picker__help">
                        {i18n.text(Msg::DatePickerHelp)}
                    </p>
                    <div class="date-picker__actions">
                        <button type="button" on:click=move |_| close()>
                            {i18n.text(Msg::DatePickerCancel)}
                        </button>
                    </div>
                </div>
            }
        })
    };

    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || if shown_error().is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() }
    };
    let error_view = move || {
        shown_error().map(|error| {
            view! {
                <p id=error_id.clone() class="date-field__error">
                    <strong>{i18n.text(Msg::DateErrorPrefix)}</strong>
                    " "
                    {move || error_text(i18n.lang(), error)}
                </p>
            }
        })
    };

    view! {
        <div class="field date-field">
            <label for=input_id.clone()>{i18n.text(label)}</label>
            <p id=hint_id class="help">{i18n.text(Msg::DateHint)}</p>
            <div class="date-field__row">
                <input
                    id=input_id
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby=described_by
                    aria-invalid=move || shown_error().map(|_| "true")
                    prop:value=move || text.get()
                    on:input=on_input
                    on:change=move |_| touched.set(true)
                />
                <button
                    type="button"
                    id=button_id
                    class="date-field__open"
                    node_ref=button_ref
                    aria-haspopup="dialog"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-label=move || teacher::date_picker_open_for(i18n.lang(), i18n.t(label))
                    on:click=open_dialog
                >
                    {i18n.text(Msg::DatePickerOpen)}
                </button>
            </div>
            <div class="date-field__status" aria-live="polite">
                {error_view}
            </div>
            {dialog}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::d as ymd;

    #[test]
    fn keys_move_by_day_week_month_and_year() {
        let tue = ymd(2027, 1, 5);
        assert_eq!(key_target("ArrowRight", false, tue), Some(ymd(2027, 1, 6)));
        assert_eq!(key_target("ArrowLeft", false, tue), Some(ymd(2027, 1, 4)));
        assert_eq!(key_target("ArrowDown", false, tue), Some(ymd(2027, 1, 12)));
        assert_eq!(key_target("ArrowUp", false, tue), Some(ymd(2026, 12, 29)));
        assert_eq!(key_target("Home", false, tue), Some(ymd(2027, 1, 4)), "Monday");
        assert_eq!(key_target("End", false, tue), Some(ymd(2027, 1, 10)), "Sunday");
        assert_eq!(key_target("PageDown", false, tue), Some(ymd(2027, 2, 5)));
        assert_eq!(key_target("PageUp", false, tue), Some(ymd(2026, 12, 5)));
        assert_eq!(key_target("PageDown", true, tue), Some(ymd(2028, 1, 5)));
        assert_eq!(key_target("PageUp", true, tue), Some(ymd(2026, 1, 5)));
        assert_eq!(key_target("PageDown", false, ymd(2027, 1, 31)), Some(ymd(2027, 2, 28)), "clamped");
        assert_eq!(key_target("PageDown", true, ymd(2028, 2, 29)), Some(ymd(2029, 2, 28)));
        assert_eq!(key_target("Home", false, ymd(2027, 1, 4)), Some(ymd(2027, 1, 4)));
        assert_eq!(key_target("End", false, ymd(2027, 1, 10)), Some(ymd(2027, 1, 10)));
        assert_eq!(key_target("a", false, tue), None);
    }

    #[test]
    fn month_grid_starts_on_monday_with_blanks() {
        // January 2027 starts on a Friday and has 31 days.
        let weeks = month_weeks(ymd(2027, 1, 20));
        assert_eq!(weeks.len(), 5);
        assert_eq!(weeks[0][..4], [None; 4]);
        assert_eq!(weeks[0][4], Some(ymd(2027, 1, 1)));
        assert_eq!(weeks[4][6], Some(ymd(2027, 1, 31)));
        // February 2027 starts on a Monday: four full weeks.
        let weeks = month_weeks(ymd(2027, 2, 1));
        assert_eq!(weeks.len(), 4);
        assert!(weeks.iter().all(|w| w.iter().all(Option::is_some)));
        let days: usize = month_weeks(ymd(2028, 2, 10)).iter().flatten().flatten().count();
        assert_eq!(days, 29);
    }

    #[test]
    fn typed_text_is_checked_against_the_range() {
        let (min, max) = (Some(ymd(2027, 1, 4)), Some(ymd(2027, 6, 30)));
        assert_eq!(check("", min, max), Ok(None));
        assert_eq!(check("05/01/2027", min, max), Ok(Some(ymd(2027, 1, 5))));
        assert_eq!(check("03/01/2027", min, max), Err(FieldError::BeforeMin(ymd(2027, 1, 4))));
        assert_eq!(check("01/07/2027", min, max), Err(FieldError::AfterMax(ymd(2027, 6, 30))));
        assert_eq!(check("31/02/2027", None, None), Err(FieldError::Input(DateInputError::NoSuchDate)));
        assert_eq!(clamp(ymd(2026, 1, 1), min, max), ymd(2027, 1, 4));
        assert_eq!(clamp(ymd(2027, 2, 1), min, max), ymd(2027, 2, 1));
        assert_eq!(
            error_text(Lang::Fr, FieldError::BeforeMin(ymd(2027, 1, 4))),
            "Choisissez une date à partir du lundi 4 janvier 2027."
        );
    }
}
