use crate::domain::PoolChange;
use crate::i18n::coordinator;
use crate::i18n::Lang;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::components::{Field, TextArea};
use crate::ui::explain::explain;
use crate::ui::state::{use_i18n, use_pool};
use leptos::prelude::*;

/// Confirm or refuse (with a reason) one booking. A refusal by the rules (availability,
/// training) is explained in full, with what would work instead.
#[component]
pub fn DecisionBox(
    /// The booking.
    booking: String,
    /// The page's status line.
    notice: RwSignal<Option<String>>,
    /// Offer refusal only (a booking already confirmed).
    #[prop(optional)]
    refuse_only: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let reason = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let id = StoredValue::new(booking);
    let apply = move |change: PoolChange, done: fn(Lang, &str) -> String| match pool.apply(change) {
        Ok(_) => {
            problems.set(Vec::new());
            notice.set(Some(done(i18n.lang(), &id.get_value())));
        }
        Err(e) => problems.set(pool.pool.with_untracked(|p| explain(i18n.lang(), p, &e))),
    };
    let confirm =
        move |_| apply(PoolChange::Confirm { id: id.get_value(), at: clock::now() }, coordinator::desk_confirmed);
    let refuse = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        apply(
            PoolChange::Refuse { id: id.get_value(), reason: reason.get_untracked(), at: clock::now() },
            coordinator::desk_refused,
        );
    };
    view! {
        <section class="decision" aria-labelledby="decision-heading">
            <h2 id="decision-heading">{i18n.text(if refuse_only { Msg::DeskRefuseHeading } else { Msg::DeskDecide })}</h2>
            <div role="alert" class="alert-slot">
                <Show when=move || problems.with(|p| !p.is_empty())>
                    <div class="alert">
                        <p>{i18n.text(Msg::DeskNotDone)}</p>
                        <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                </Show>
            </div>
            {(!refuse_only)
                .then(|| {
                    view! {
                        <p>
                            <button type="button" class="button--primary" on:click=confirm>
                                {i18n.text(Msg::DeskConfirm)}
                            </button>
                        </p>
                    }
                })}
            <form class="form" on:submit=refuse novalidate>
                <Field label=Msg::QueueReasonLabel id="desk-reason" class="field--wide">
                    <TextArea value=reason rows=2 maxlength=500 />
                </Field>
                <button type="submit" class="button--danger">
                    {i18n.text(Msg::DeskRefuse)}
                </button>
            </form>
        </section>
    }
}
