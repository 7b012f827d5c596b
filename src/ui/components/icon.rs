use leptos::prelude::*;

/// The pictograms the app uses next to text (never instead of it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IconKind {
    /// A box: units, stock.
    Units,
    /// A graduation cap: a training is required.
    Training,
    /// A tick: fine, available, nothing required.
    Check,
    /// A crossed circle: out of service, unavailable.
    Unavailable,
}

/// A decorative SVG pictogram, hidden from assistive technologies: the adjacent text says it.
#[component]
pub fn Icon(kind: IconKind) -> impl IntoView {
    let path = match kind {
        IconKind::Units => "M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10",
        IconKind::Training => "M2 9l10-5 10 5-10 5zM6 11v5c3 2 9 2 12 0v-5M22 9v6",
        IconKind::Check => "M4 12l5 5L20 6",
        IconKind::Unavailable => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM6 6l12 12",
    };
    view! {
        <svg
            class="icon"
            viewBox="0 0 24 24"
            width="20"
            height="20"
            aria-hidden="true"
            focusable="false"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
        >
            <path d=path />
        </svg>
    }
}
