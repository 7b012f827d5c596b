use crate::domain::RecordStanding;
use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::{Icon, IconKind};
use crate::ui::state::{use_i18n, use_pool};
use crate::ui::wording::{long, short};
use chrono::NaiveDate;
use leptos::prelude::*;

/// A teacher's training records (training, completion date, valid until or expired, from the
/// training's validity) and their enrolments in sessions still to come.
#[component]
pub fn TeacherRecords(
    /// The teacher's id.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let today = clock::today();
    let records = {
        let id = id.clone();
        Memo::new(move |_| {
            let english = i18n.english();
            pool.with_state(|s| {
                let mut rows: Vec<(String, NaiveDate, RecordStanding)> = s
                    .records
                    .iter()
                    .filter(|r| r.teacher == id)
                    .map(|r| {
                        let training = s.catalogue.training(&r.training);
                        let name = training.map_or_else(|| r.training.clone(), |t| t.name.pick(english).to_owned());
                        let standing = r.standing(training.and_then(|t| t.validity_years), today);
                        (name, r.completed, standing)
                    })
                    .collect();
                rows.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
                rows
            })
        })
    };
    let enrolments = {
        let id = id.clone();
        Memo::new(move |_| {
            let english = i18n.english();
            pool.pool.with(|p| {
                let mut rows: Vec<(NaiveDate, String, String)> = p
                    .enrolments_to_come(&id, today)
                    .into_iter()
                    .map(|x| {
                        let name = p
                            .state()
                            .catalogue
                            .training(&x.training)
                            .map_or_else(|| x.training.clone(), |t| t.name.pick(english).to_owned());
                        (x.start, name, x.place.clone())
                    })
                    .collect();
                rows.sort();
                rows
            })
        })
    };
    let records_view = move || {
        let rows = records.get();
        if rows.is_empty() {
            return view! { <p>{i18n.text(Msg::TeacherNoRecord)}</p> }.into_any();
        }
        let lang = i18n.lang();
        let body = rows
            .into_iter()
            .map(|(name, completed, standing)| {
                let (icon, class, text) = match standing {
                    RecordStanding::Forever => (IconKind::Check, "ok", i18n.t(Msg::TeacherRecordForever).to_owned()),
                    RecordStanding::Until(day) => {
                        (IconKind::Check, "ok", coordinator::teacher_record_until(i18n.lang(), &long(lang, day)))
                    }
                    RecordStanding::Expired(day) => (
                        IconKind::Unavailable,
                        "closed",
                        coordinator::teacher_record_expired(i18n.lang(), &long(lang, day)),
                    ),
                };
                view! {
                    <tr>
                        <th scope="row">{name}</th>
                        <td>{short(completed)}</td>
                        <td>
                            <span class=format!("status status--{class}")>
                                <Icon kind=icon />
                                {text}
                            </span>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="data-table">
                <caption>{i18n.text(Msg::TeacherRecordsCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.text(Msg::TeacherRecordTraining)}</th>
                        <th scope="col">{i18n.text(Msg::TeacherRecordCompleted)}</th>
                        <th scope="col">{i18n.text(Msg::TeacherRecordValidity)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        }
        .into_any()
    };
    let enrolments_view = move || {
        let rows = enrolments.get();
        if rows.is_empty() {
            return view! { <p>{i18n.text(Msg::TeacherNoEnrolment)}</p> }.into_any();
        }
        let lang = i18n.lang();
        let items = rows
            .into_iter()
            .map(|(start, name, place)| {
                view! { <li>{coordinator::teacher_enrolment_line(i18n.lang(), &name, &long(lang, start), &place)}</li> }
            })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    view! {
        <section aria-labelledby="teacher-records-heading">
            <h2 id="teacher-records-heading">{i18n.text(Msg::TeacherRecordsHeading)}</h2>
            {records_view}
        </section>
        <section aria-labelledby="teacher-enrolments-heading">
            <h2 id="teacher-enrolments-heading">{i18n.text(Msg::TeacherEnrolmentsHeading)}</h2>
            {enrolments_view}
        </section>
    }
}
