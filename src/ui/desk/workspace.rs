use crate::ui::booking::AgreementPage;
use crate::ui::catalogue_admin::CatalogueAdminPage;
use crate::ui::desk::BookingDeskPage;
use crate::ui::desk::RequestsQueuePage;
use crate::ui::incidents::IncidentsPage;
use crate::ui::labels::LabelSheetPage;
use crate::ui::planning::TimelinePage;
use crate::ui::reports::ReportsPage;
use crate::ui::routes::{self, WorkspacePage};
use crate::ui::shell::NotFoundPage;
use crate::ui::trainings::{TeacherPage, TrainingsAdminPage};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The coordinator's pages under `/gestion/…`, as one route loaded on demand: the coordinator
/// opens them all daily, and one chunk for the whole workspace keeps the teachers' pages in few,
/// small chunks (every route split off on its own multiplies the chunks the pages share).
#[component]
pub fn CoordinatorWorkspace() -> impl IntoView {
    let params = use_params_map();
    let page = Memo::new(move |_| params.with(routes::workspace_page));
    move || match page.get() {
        Some(WorkspacePage::Queue) => view! { <RequestsQueuePage /> }.into_any(),
        Some(WorkspacePage::Desk(_)) => view! { <BookingDeskPage /> }.into_any(),
        Some(WorkspacePage::DeskAgreement(_)) => view! { <AgreementPage /> }.into_any(),
        Some(WorkspacePage::Planning) => view! { <TimelinePage /> }.into_any(),
        Some(WorkspacePage::Catalogue) => view! { <CatalogueAdminPage /> }.into_any(),
        Some(WorkspacePage::Labels) => view! { <LabelSheetPage /> }.into_any(),
        Some(WorkspacePage::Trainings) => view! { <TrainingsAdminPage /> }.into_any(),
        Some(WorkspacePage::Teacher(_)) => view! { <TeacherPage /> }.into_any(),
        Some(WorkspacePage::Incidents) => view! { <IncidentsPage /> }.into_any(),
        Some(WorkspacePage::Reports) => view! { <ReportsPage /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}
