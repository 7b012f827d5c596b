use crate::i18n::Msg;
use crate::ui::state::{use_i18n, use_pool};
use crate::ui::trainings::TeacherLink;
use leptos::prelude::*;

/// The teachers the coordinator's pool knows (from imported requests files or this browser's
/// profile), by name, with their school, each linking to their page.
#[component]
pub fn TeacherTable() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let rows = Memo::new(move |_| {
        pool.with_state(|s| {
            let mut rows: Vec<(String, String, String)> = s
                .teachers
                .iter()
                .map(|t| {
                    let school = s
                        .schools
                        .iter()
                        .find(|x| x.id == t.school)
                        .map_or_else(|| t.school.clone(), |x| x.name.clone());
                    (t.name.clone(), t.id.clone(), school)
                })
                .collect();
            rows.sort();
            rows
        })
    });
    move || {
        let rows = rows.get();
        if rows.is_empty() {
            return view! { <p>{i18n.text(Msg::TeachersNone)}</p> }.into_any();
        }
        let body = rows
            .into_iter()
            .map(|(name, id, school)| {
                view! {
                    <tr>
                        <th scope="row"><TeacherLink id=id name=name /></th>
                        <td>{school}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="data-table">
                <caption>{i18n.text(Msg::TeachersCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.text(Msg::TeachersName)}</th>
                        <th scope="col">{i18n.text(Msg::TeachersSchool)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        }
        .into_any()
    }
}
