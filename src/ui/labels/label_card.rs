use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::ui::labels::qr::qr_svg;
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// One printed label: the QR code of the unit's page address (drawn as one SVG path, with an
/// accessible name), the inventory label in text and the model's name.
#[component]
pub fn LabelCard(
    /// The inventory label.
    label: String,
    /// The model's name.
    model_name: String,
    /// The unit page's absolute address, which the QR code holds.
    url: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let qr_name = {
        let label = label.clone();
        move || coordinator::lbl_qr_name(i18n.lang(), &label)
    };
    let code = match qr_svg(&url) {
        Some(qr) => {
            let view_box = format!("0 0 {0} {0}", qr.size);
            view! {
                <svg
                    class="label__qr"
                    role="img"
                    aria-label=qr_name
                    viewBox=view_box
                    data-url=url
                    shape-rendering="crispEdges"
                >
                    <rect width="100%" height="100%" fill="#fff" />
                    <path d=qr.path fill="#000" />
                </svg>
            }
            .into_any()
        }
        None => view! { <p class="label__qr label__qr--missing">{i18n.text(Msg::LblTooLong)}</p> }.into_any(),
    };
    view! {
        <li class="label">
            {code}
            <div class="label__text">
                <p class="label__code label-code">{label}</p>
                <p class="label__model">{model_name}</p>
            </div>
        </li>
    }
}
