use leptos::prelude::*;

/// One bar of a [`ReportChart`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// What the bar stands for, written above it.
    pub label: String,
    /// Its length, relative to the longest bar.
    pub value: u64,
    /// The value as written next to the bar ("42 %", "3").
    pub text: String,
}

/// Width of the drawing, in SVG units.
const WIDTH: u64 = 640;
/// Room kept right of the longest bar for its value.
const VALUE_ROOM: u64 = 120;
/// Height of one bar with its label.
const ROW: usize = 46;

/// A horizontal bar chart drawn in SVG: each bar has its name written above it and its value
/// written next to it, so it reads without colour. The picture has `role="img"` and a name; the
/// same numbers are in the data table beside it.
#[component]
pub fn ReportChart(
    /// The chart's accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// The bars, top to bottom.
    #[prop(into)]
    bars: Signal<Vec<Bar>>,
) -> impl IntoView {
    let height = move || bars.with(|b| (b.len() * ROW + 6).to_string());
    let view_box = move || format!("0 0 {WIDTH} {}", height());
    let drawn = move || {
        let bars = bars.get();
        let longest = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
        bars.into_iter()
            .enumerate()
            .map(|(i, bar)| {
                let top = i * ROW;
                let length = bar.value.saturating_mul(WIDTH - VALUE_ROOM) / longest;
                // A value above zero is always visible.
                let length = if bar.value > 0 { length.max(2) } else { 0 };
                view! {
                    <text class="chart__label" x="0" y=(top + 15).to_string()>
                        {bar.label}
                    </text>
                    <rect
                        class="chart__bar"
                        x="0"
                        y=(top + 21).to_string()
                        width=length.to_string()
                        height="18"
                    ></rect>
                    <text class="chart__value" x=(length + 8).to_string() y=(top + 35).to_string()>
                        {bar.text}
                    </text>
                }
            })
            .collect_view()
    };
    view! {
        <svg
            class="chart"
            role="img"
            aria-label=move || title.get()
            viewBox=view_box
            width=WIDTH.to_string()
            height=height
            preserveAspectRatio="xMinYMin meet"
        >
            {drawn}
        </svg>
    }
}
