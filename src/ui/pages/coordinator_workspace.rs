use crate::ui::pages::{AgreementPage, BookingDeskPage, CatalogueAdminPage, IncidentsPage, LabelSheetPage};
use crate::ui::pages::{NotFoundPage, ReportsPage, RequestsQueuePage, TeacherPage, TimelinePage, TrainingsAdminPage};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The coordinator's pages under `/gestion/…`, as one route loaded on demand: the coordinator
/// opens them all daily, and one chunk for the whole workspace keeps the teachers' pages in few,
/// small chunks (every route split off on its own multiplies the chunks the pages share).
#[component]
pub fn CoordinatorWorkspace() -> impl IntoView {
    let params = use_params_map();
    let path = Memo::new(move |_| params.with(|p| p.get("rest").unwrap_or_default()));
    move || {
        let rest = path.get();
        let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => view! { <RequestsQueuePage /> }.into_any(),
            ["reservations", _] => view! { <BookingDeskPage /> }.into_any(),
            ["reservations", _, "convention"] => view! { <AgreementPage /> }.into_any(),
            ["planning"] => view! { <TimelinePage /> }.into_any(),
            ["catalogue"] => view! { <CatalogueAdminPage /> }.into_any(),
            ["etiquettes"] => view! { <LabelSheetPage /> }.into_any(),
            ["formations"] => view! { <TrainingsAdminPage /> }.into_any(),
            ["enseignants", _] => view! { <TeacherPage /> }.into_any(),
            ["sinistres"] => view! { <IncidentsPage /> }.into_any(),
            ["rapports"] => view! { <ReportsPage /> }.into_any(),
            _ => view! { <NotFoundPage /> }.into_any(),
        }
    }
}
