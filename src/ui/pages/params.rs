//! What a page reads from its address, shared by the pages and the coordinator's workspace
//! that shows them under its own paths.

use crate::ui::components::unescape_segment;
use leptos_router::params::ParamsMap;

/// The id a page's address names: the route's `id` parameter, or inside the coordinator's
/// workspace the segment after the section (`/gestion/reservations/<id>`), unescaped.
pub fn id_param(params: &ParamsMap) -> String {
    match params.get("id") {
        Some(id) => unescape_segment(&id),
        None => params
            .get("rest")
            .and_then(|rest| rest.split('/').filter(|s| !s.is_empty()).nth(1).map(unescape_segment))
            .unwrap_or_default(),
    }
}
