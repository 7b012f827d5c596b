use crate::domain::admin::CatalogueEdit;
use crate::domain::{ChangeOutcome, DomainError, PoolChange};
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::explain::explain;
use crate::ui::state::{use_i18n, PoolHandle};
use leptos::prelude::*;

/// What a catalogue form tells after an edit: a confirmation, or the refusal in sentences.
#[derive(Clone, Copy)]
pub struct CatalogueFeedback {
    /// The confirmation of the last edit made.
    pub notice: RwSignal<Option<String>>,
    /// Why the last edit was refused, one sentence a line.
    pub problems: RwSignal<Vec<String>>,
}

impl CatalogueFeedback {
    /// Nothing to tell yet.
    pub fn new() -> Self {
        Self { notice: RwSignal::new(None), problems: RwSignal::new(Vec::new()) }
    }

    /// Tells that an edit was made.
    pub fn done(self, text: String) {
        self.problems.set(Vec::new());
        self.notice.set(Some(text));
    }

    /// Tells why an edit was refused.
    pub fn refused(self, problems: Vec<String>) {
        self.notice.set(None);
        self.problems.set(problems);
    }

    /// Makes `edit` under the rules; a refusal is explained in the coordinator's words.
    pub fn apply(self, pool: PoolHandle, lang: crate::i18n::Lang, edit: CatalogueEdit) -> Option<ChangeOutcome> {
        match pool.apply(PoolChange::EditCatalogue { edit, today: clock::today() }) {
            Ok(outcome) => Some(outcome),
            Err(error) => {
                self.refuse_error(pool, lang, &error);
                None
            }
        }
    }

    /// Explains a domain refusal.
    pub fn refuse_error(self, pool: PoolHandle, lang: crate::i18n::Lang, error: &DomainError) {
        self.refused(pool.pool.with_untracked(|p| explain(lang, p, error)));
    }
}

impl Default for CatalogueFeedback {
    fn default() -> Self {
        Self::new()
    }
}

/// The status line and the refusal of a catalogue form. Both regions stay in the page so screen
/// readers announce what changes in them.
#[component]
pub fn CatalogueFeedbackLine(feedback: CatalogueFeedback) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p role="status" class="form-status">{move || feedback.notice.get()}</p>
        <div role="alert" class="catalogue-problems">
            <Show when=move || !feedback.problems.with(Vec::is_empty)>
                <p class="field-error">{i18n.text(Msg::CatRefused)}</p>
                <ul>
                    {move || feedback.problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}
