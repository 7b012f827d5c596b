use crate::i18n::Lang;
use crate::storage::exchange::csv::{decimal, Cell};
use crate::ui::state::use_i18n;
use crate::ui::wording::short;
use leptos::prelude::*;

/// A cell as the screen shows it: text as it is (the CSV alone neutralises formulas), numbers
/// with the language's decimal mark, dates as JJ/MM/AAAA — the same numbers as the CSV file.
pub fn shown(lang: Lang, cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Number { value, decimals } => decimal(*value, *decimals, if lang == Lang::Fr { ',' } else { '.' }),
        Cell::Date(date) => short(*date),
    }
}

/// A report's data table: a caption, column titles, and rows whose first cell heads the row.
#[component]
pub fn ReportTable(
    /// The caption (the table's name).
    #[prop(into)]
    caption: Signal<String>,
    /// Column titles.
    #[prop(into)]
    header: Signal<Vec<String>>,
    /// The rows.
    #[prop(into)]
    rows: Signal<Vec<Vec<Cell>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let titles = move || header.get().into_iter().map(|title| view! { <th scope="col">{title}</th> }).collect_view();
    let body = move || {
        let lang = i18n.lang();
        rows.get()
            .into_iter()
            .map(|row| {
                let cells = row
                    .iter()
                    .enumerate()
                    .map(|(i, cell)| {
                        let text = shown(lang, cell);
                        let class = if matches!(cell, Cell::Number { .. }) { "num" } else { "" };
                        if i == 0 {
                            view! { <th scope="row" class=class>{text}</th> }.into_any()
                        } else {
                            view! { <td class=class>{text}</td> }.into_any()
                        }
                    })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view()
    };
    view! {
        // Focusable and named: a wide table scrolls sideways, by keyboard too.
        <div class="report-table" role="region" tabindex="0" aria-label=move || caption.get()>
            <table class="data-table">
                <caption>{move || caption.get()}</caption>
                <thead>
                    <tr>{titles}</tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::d;

    #[test]
    fn the_screen_shows_the_csv_numbers_and_the_raw_text() {
        assert_eq!(shown(Lang::Fr, &Cell::cents(4550)), "45,50");
        assert_eq!(shown(Lang::En, &Cell::cents(4550)), "45.50");
        assert_eq!(shown(Lang::Fr, &Cell::Date(d(2027, 1, 4))), "04/01/2027");
        assert_eq!(shown(Lang::Fr, &Cell::text("=1")), "=1");
    }
}
