use crate::ui::routes;
use crate::ui::state::use_links;
use leptos::prelude::*;
use leptos_router::components::A;

/// A link to a teacher's page in the coordinator's workspace, named by the teacher's name.
#[component]
pub fn TeacherLink(
    /// The teacher's id.
    id: String,
    /// The name shown.
    name: String,
) -> impl IntoView {
    let links = use_links();
    view! { <A href=links.to(&routes::teacher(&id))>{name}</A> }
}
