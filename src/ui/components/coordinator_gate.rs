use crate::ui::components::CoordinatorNav;
use crate::ui::state::use_role;
use leptos::prelude::*;

/// The frame of a coordinator page: its navigation, then the page itself in coordinator mode
/// only (in teacher mode the navigation explains how to switch).
#[component]
pub fn CoordinatorGate(children: ChildrenFn) -> impl IntoView {
    let role = use_role();
    view! {
        <CoordinatorNav />
        <Show when=move || role.coordinator.get()>{children()}</Show>
    }
}
