use crate::domain::review::{GroupTally, Tally};
use crate::domain::usage::{default_window, ModelUsage, MIN_JUDGING_SCHOOL_DAYS};
use crate::domain::{incident_review, reallocation_report, IncidentReview, Pool, PoolState};
use crate::domain::{IncidentKind, IncidentStatus};
use crate::i18n::coordinator;
use crate::i18n::money::format_euros;
use crate::i18n::{Lang, Msg};
use crate::platform::clock;
use crate::storage::exchange::csv::{self, Cell};
use crate::ui::components::{CoordinatorGate, DateField, PageTitle};
use crate::ui::reports::{Bar, ReportChart, ReportDownload, ReportTable};
use crate::ui::state::{use_i18n, use_pool};
use crate::ui::wording::{incident_kind_msg, incident_status_msg, short, status_msg};
use chrono::NaiveDate;
use leptos::prelude::*;

/// One model in the usage report (R7), as the domain judges it, with its display name.
#[derive(Clone, Debug, PartialEq, Eq)]
struct UsageRow {
    name: String,
    row: ModelUsage,
}

/// The usage report over `[from, to]` ([`reallocation_report`]): every model with units in
/// service or refused in the period, in catalogue order, named (in English if `english`).
fn usage_report(pool: &Pool, from: NaiveDate, to: NaiveDate, english: bool) -> Vec<UsageRow> {
    reallocation_report(pool, from, to)
        .rows
        .into_iter()
        .map(|row| UsageRow { name: pool.model_name_in(&row.usage.id, english), row })
        .collect()
}

/// The verdict of rule R7 on a model: candidate, not, or not judged (too recent, or a period
/// too short).
fn verdict(lang: Lang, row: &ModelUsage) -> Cell {
    if row.judged {
        yes_no(lang, row.candidate)
    } else {
        Cell::text(Msg::ReportNotJudged.get(lang))
    }
}

fn yes_no(lang: Lang, yes: bool) -> Cell {
    Cell::text(if yes { Msg::ReportYes } else { Msg::ReportNo }.get(lang))
}

fn usage_header(lang: Lang) -> Vec<String> {
    [
        Msg::ReportModel,
        Msg::ReportLoanDays,
        Msg::ReportServiceDays,
        Msg::ReportUtilisation,
        Msg::ReportCandidate,
        Msg::ReportRefusals,
        Msg::ReportUnitsRefused,
        Msg::ReportOftenRefused,
    ]
    .iter()
    .map(|m| m.get(lang).to_owned())
    .collect()
}

fn usage_rows(lang: Lang, report: &[UsageRow]) -> Vec<Vec<Cell>> {
    report
        .iter()
        .map(|r| {
            vec![
                Cell::text(r.name.clone()),
                Cell::int(r.row.usage.loan_days),
                Cell::int(r.row.usage.service_days),
                Cell::int(r.row.usage.percent()),
                verdict(lang, &r.row),
                Cell::int(r.row.refusals),
                Cell::int(r.row.units_refused),
                yes_no(lang, r.row.often_refused),
            ]
        })
        .collect()
}

/// The name of a group of the incident review; incidents tied to no commune or school have one.
fn group_name(lang: Lang, group: &GroupTally, none: Msg) -> String {
    if group.id.is_empty() {
        none.get(lang).to_owned()
    } else {
        group.name.clone()
    }
}

/// The rows of one grouping of the incident review: name, count, reimbursable amount.
fn tally_rows(rows: Vec<(String, &Tally)>) -> Vec<Vec<Cell>> {
    rows.into_iter()
        .map(|(name, t)| vec![Cell::text(name), Cell::int(t.count), Cell::cents(t.reimbursable_cents)])
        .collect()
}

fn by_kind(lang: Lang, r: &IncidentReview) -> Vec<Vec<Cell>> {
    let kinds = [(IncidentKind::Damage, &r.damage), (IncidentKind::Loss, &r.loss), (IncidentKind::Theft, &r.theft)];
    tally_rows(kinds.into_iter().map(|(k, t)| (incident_kind_msg(k).get(lang).to_owned(), t)).collect())
}

fn by_status(lang: Lang, r: &IncidentReview) -> Vec<Vec<Cell>> {
    let statuses = [
        (IncidentStatus::Declared, &r.declared),
        (IncidentStatus::Documented, &r.documented),
        (IncidentStatus::Settled, &r.settled),
    ];
    tally_rows(statuses.into_iter().map(|(s, t)| (incident_status_msg(s).get(lang).to_owned(), t)).collect())
}

fn by_group(lang: Lang, groups: &[GroupTally], none: Msg) -> Vec<Vec<Cell>> {
    tally_rows(groups.iter().map(|g| (group_name(lang, g, none), &g.tally)).collect())
}

fn tally_header(lang: Lang, first: Msg) -> Vec<String> {
    [first, Msg::ReportCount, Msg::ReportAmount].iter().map(|m| m.get(lang).to_owned()).collect()
}

/// The whole incident review as one CSV table: grouping, name, count, amount.
fn review_csv(lang: Lang, r: &IncidentReview) -> String {
    let mut rows = Vec::new();
    let mut add = |grouping: Msg, part: Vec<Vec<Cell>>| {
        for row in part {
            let mut line = vec![Cell::text(grouping.get(lang))];
            line.extend(row);
            rows.push(line);
        }
    };
    add(Msg::ReportKind, by_kind(lang, r));
    add(Msg::ReportSettlement, by_status(lang, r));
    add(Msg::ReportCommune, by_group(lang, &r.by_commune, Msg::ReportNoCommune));
    add(Msg::ReportSchool, by_group(lang, &r.by_school, Msg::ReportNoSchool));
    add(Msg::ReportTotal, tally_rows(vec![(Msg::ReportAllIncidents.get(lang).to_owned(), &r.total)]));
    for (msg, n) in [(Msg::ReportLate, r.late), (Msg::ReportNotReplaced, r.not_replaced)] {
        rows.push(vec![Cell::text(msg.get(lang)), Cell::text(""), Cell::int(n), Cell::text("")]);
    }
    let header = [Msg::ReportGrouping, Msg::ReportName, Msg::ReportCount, Msg::ReportAmount].map(|m| m.get(lang));
    csv::write(&header, &rows)
}

/// The bookings whose period meets `[from, to]`, one row each, in id order.
fn bookings_rows(lang: Lang, state: &PoolState, from: NaiveDate, to: NaiveDate) -> Vec<Vec<Cell>> {
    let english = lang == Lang::En;
    let mut bookings: Vec<_> = state.bookings.iter().filter(|b| b.meets(from, to)).collect();
    bookings.sort_by(|a, b| a.id.cmp(&b.id));
    bookings
        .into_iter()
        .map(|b| {
            let borrower = state.borrower(&b.teacher);
            let lines: Vec<String> = b
                .lines
                .iter()
                .map(|l| {
                    let name = state
                        .catalogue
                        .models
                        .iter()
                        .find(|m| m.id == l.model)
                        .map_or(l.model.as_str(), |m| m.name_in(english));
                    format!("{name} × {}", l.quantity)
                })
                .collect();
            vec![
                Cell::text(b.id.clone()),
                Cell::text(borrower.name()),
                Cell::text(borrower.school_name()),
                Cell::text(borrower.commune_name()),
                Cell::text(lines.join(", ")),
                Cell::Date(b.start),
                Cell::Date(b.end),
                Cell::text(status_msg(b.status).get(lang)),
                Cell::text(b.project.clone()),
                Cell::text(b.class.clone()),
                Cell::text(b.notes.clone()),
            ]
        })
        .collect()
}

fn bookings_header(lang: Lang) -> [&'static str; 11] {
    [
        Msg::ReportBooking,
        Msg::ReportTeacher,
        Msg::ReportSchool,
        Msg::ReportCommune,
        Msg::ReportModels,
        Msg::ReportFirstDay,
        Msg::ReportLastDay,
        Msg::ReportStatus,
        Msg::ReportProject,
        Msg::ReportClass,
        Msg::ReportNotes,
    ]
    .map(|m| m.get(lang))
}

/// The bars of a tally table: its name and count columns.
fn count_bars(lang: Lang, rows: &[Vec<Cell>]) -> Vec<Bar> {
    rows.iter()
        .filter_map(|row| match (row.first(), row.get(1)) {
            (Some(Cell::Text(label)), Some(Cell::Number { value, .. })) => Some(Bar {
                label: label.clone(),
                value: value.unsigned_abs(),
                text: coordinator::report_bar_count(lang, value.unsigned_abs() as usize),
            }),
            _ => None,
        })
        .collect()
}

/// `from` and `to` for file names: `2025-12-02_2026-12-01`.
fn period_tag(from: NaiveDate, to: NaiveDate) -> String {
    format!("{}_{}", crate::domain::iso::format_date(from), crate::domain::iso::format_date(to))
}

/// Reports: utilisation and reallocation candidates (R7), the incident review (R8), with charts, tables and CSV exports.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let today = clock::today();
    // The school year so far: the usage of the equipment over a year of classes.
    let (first, last) = default_window(today);
    let from = RwSignal::new(Some(first));
    let to = RwSignal::new(Some(last));
    let period = Memo::new(move |_| match (from.get(), to.get()) {
        (Some(f), Some(t)) if f <= t => Some((f, t)),
        _ => None,
    });
    let period_text = move || period.get().map(|(f, t)| coordinator::report_period(i18n.lang(), &short(f), &short(t)));
    let threshold = Memo::new(move |_| pool.with_state(|s| s.settings.reallocation_threshold_percent));

    // R7
    let usage = Memo::new(move |_| {
        period.get().map(|(f, t)| pool.pool.with(|p| usage_report(p, f, t, i18n.english()))).unwrap_or_default()
    });
    let usage_table = Signal::derive(move || usage.with(|u| usage_rows(i18n.lang(), u)));
    let usage_bars = Signal::derive(move || {
        usage.with(|u| {
            u.iter()
                .filter(|r| r.row.usage.service_days > 0)
                .map(|r| Bar {
                    label: r.name.clone(),
                    value: u64::from(r.row.usage.percent()),
                    text: format!("{} %", r.row.usage.percent()),
                })
                .collect::<Vec<_>>()
        })
    });
    let candidates = move || {
        let names: Vec<String> = usage.with(|u| u.iter().filter(|r| r.row.candidate).map(|r| r.name.clone()).collect());
        if names.is_empty() {
            let none_judged = usage.with(|u| !u.iter().any(|r| r.row.judged));
            return match none_judged {
                true => view! {
                    <p>{coordinator::report_nothing_judged(i18n.lang(), MIN_JUDGING_SCHOOL_DAYS as usize)}</p>
                }
                .into_any(),
                false => view! { <p>{i18n.text(Msg::ReportNoCandidate)}</p> }.into_any(),
            };
        }
        view! { <ul>{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }.into_any()
    };
    let often_refused = move || {
        let rows: Vec<(String, u32, u32)> = usage.with(|u| {
            u.iter()
                .filter(|r| r.row.often_refused)
                .map(|r| (r.name.clone(), r.row.refusals, r.row.units_refused))
                .collect()
        });
        if rows.is_empty() {
            return view! { <p>{i18n.text(Msg::ReportNoneOftenRefused)}</p> }.into_any();
        }
        let items = rows
            .into_iter()
            .map(|(name, n, q)| {
                let text = coordinator::report_refused_line(i18n.lang(), &name, n as usize, q as usize);
                view! { <li>{text}</li> }
            })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    let usage_csv = Callback::new(move |()| {
        let lang = untrack(|| i18n.lang());
        let header = usage_header(lang);
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        usage.with_untracked(|u| csv::write(&header, &usage_rows(lang, u)))
    });

    // R8
    let review = Memo::new(move |_| {
        period.get().map(|(f, t)| pool.with_state(|s| incident_review(s, f, t))).unwrap_or_default()
    });
    let kind_rows = Signal::derive(move || review.with(|r| by_kind(i18n.lang(), r)));
    let status_rows = Signal::derive(move || review.with(|r| by_status(i18n.lang(), r)));
    let commune_rows =
        Signal::derive(move || review.with(|r| by_group(i18n.lang(), &r.by_commune, Msg::ReportNoCommune)));
    let school_rows = Signal::derive(move || review.with(|r| by_group(i18n.lang(), &r.by_school, Msg::ReportNoSchool)));
    let review_csv = Callback::new(move |()| review.with_untracked(|r| review_csv(untrack(|| i18n.lang()), r)));
    let review_facts = move || {
        let r = review.get();
        let amount = format_euros(i18n.lang(), r.total.reimbursable_cents);
        let total = coordinator::report_incident_total(i18n.lang(), r.total.count as usize, &amount);
        view! {
            <ul class="report-facts">
                <li>{total}</li>
                <li>{coordinator::report_late_line(i18n.lang(), r.late as usize)}</li>
                <li>{coordinator::report_not_replaced_line(i18n.lang(), r.not_replaced as usize)}</li>
            </ul>
        }
    };

    // Bookings of the period
    let bookings = Memo::new(move |_| {
        period.get().map(|(f, t)| pool.with_state(|s| bookings_rows(i18n.lang(), s, f, t))).unwrap_or_default()
    });
    let bookings_count = move || coordinator::report_bookings_count(i18n.lang(), bookings.with(Vec::len));
    let bookings_csv = Callback::new(move |()| {
        bookings.with_untracked(|rows| csv::write(&bookings_header(untrack(|| i18n.lang())), rows))
    });

    let file = move |stem: Msg| {
        Signal::derive(move || {
            let tag = period.get().map(|(f, t)| period_tag(f, t)).unwrap_or_default();
            format!("{}-{tag}.csv", stem.get(i18n.lang()))
        })
    };
    let t = move |msg: Msg| Signal::derive(move || i18n.t(msg).to_owned());
    let with_period = move |sentence: fn(Lang, &str, &str) -> String| {
        Signal::derive(move || {
            let (f, to) = period.get().unwrap_or((today, today));
            sentence(i18n.lang(), &short(f), &short(to))
        })
    };

    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordReportsTitle).to_owned()) />
        <CoordinatorGate>
            <h1>{i18n.text(Msg::CoordReportsTitle)}</h1>
            <p class="lead">{i18n.text(Msg::ReportsIntro)}</p>
            <form class="report-period" on:submit=|ev| ev.prevent_default()>
                <fieldset>
                    <legend>{i18n.text(Msg::ReportPeriodLegend)}</legend>
                    <p class="help">{i18n.text(Msg::ReportWindowDefault)}</p>
                    <div class="period-fields">
                        <DateField label=Msg::ReportFrom value=from today=today id="report-from" />
                        <DateField
                            label=Msg::ReportTo
                            value=to
                            min=Signal::derive(move || from.get())
                            today=today
                            id="report-to"
                        />
                    </div>
                </fieldset>
            </form>
            <p role="status" class="report-period__status">
                {move || period_text().unwrap_or_else(|| i18n.t(Msg::ReportPeriodMissing).to_owned())}
            </p>
            <Show when=move || period.get().is_some()>
                <section class="report" aria-labelledby="report-usage">
                    <h2 id="report-usage">{i18n.text(Msg::ReportUsageTitle)}</h2>
                    <p>
                        {move || coordinator::report_usage_help(i18n.lang(), usize::from(threshold.get()))}
                    </p>
                    <p>{move || coordinator::report_counted(i18n.lang(), MIN_JUDGING_SCHOOL_DAYS as usize)}</p>
                    <ReportChart title=with_period(coordinator::report_usage_chart) bars=usage_bars />
                    <ReportTable caption=with_period(coordinator::report_usage_caption) header=Signal::derive(move || usage_header(i18n.lang())) rows=usage_table />
                    <h3>{move || coordinator::report_candidates_title(i18n.lang(), usize::from(threshold.get()))}</h3>
                    {candidates}
                    <h3>{i18n.text(Msg::ReportOftenRefusedTitle)}</h3>
                    {often_refused}
                    <ReportDownload label=Msg::ReportUsageCsv file_name=file(Msg::ReportUsageFile) content=usage_csv />
                </section>
                <section class="report" aria-labelledby="report-incidents">
                    <h2 id="report-incidents">{i18n.text(Msg::ReportIncidentsTitle)}</h2>
                    {review_facts}
                    <ReportChart title=with_period(coordinator::report_kind_chart) bars=Signal::derive(move || count_bars(i18n.lang(), &kind_rows.get())) />
                    <ReportTable caption=t(Msg::ReportKindCaption) header=Signal::derive(move || tally_header(i18n.lang(), Msg::ReportKind)) rows=kind_rows />
                    <ReportTable caption=t(Msg::ReportSettlementCaption) header=Signal::derive(move || tally_header(i18n.lang(), Msg::ReportSettlement)) rows=status_rows />
                    <ReportChart title=with_period(coordinator::report_commune_chart) bars=Signal::derive(move || count_bars(i18n.lang(), &commune_rows.get())) />
                    <ReportTable caption=t(Msg::ReportCommuneCaption) header=Signal::derive(move || tally_header(i18n.lang(), Msg::ReportCommune)) rows=commune_rows />
                    <ReportChart title=with_period(coordinator::report_school_chart) bars=Signal::derive(move || count_bars(i18n.lang(), &school_rows.get())) />
                    <ReportTable caption=t(Msg::ReportSchoolCaption) header=Signal::derive(move || tally_header(i18n.lang(), Msg::ReportSchool)) rows=school_rows />
                    <ReportDownload label=Msg::ReportIncidentsCsv file_name=file(Msg::ReportIncidentsFile) content=review_csv />
                </section>
                <section class="report" aria-labelledby="report-bookings">
                    <h2 id="report-bookings">{i18n.text(Msg::ReportBookingsTitle)}</h2>
                    <p>{bookings_count}</p>
                    <ReportDownload label=Msg::ReportBookingsCsv file_name=file(Msg::ReportBookingsFile) content=bookings_csv />
                </section>
            </Show>
        </CoordinatorGate>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testkit::{now, request, state};
    use crate::domain::Actor;
    use crate::test_dates::d;

    fn pool_with_notes(notes: &str) -> Pool {
        let mut pool = Pool::new(state());
        let mut req = request("ana-1", "ana", &[("thymio", 2), ("bluebot", 1)], d(2026, 11, 2), d(2026, 11, 13));
        req.notes = notes.to_owned();
        pool.create_booking(req, Actor::Teacher("ana".into()), now()).unwrap();
        let req = request("ana-2", "ana", &[("bluebot", 2)], d(2026, 11, 30), d(2026, 12, 4));
        pool.create_booking(req, Actor::Teacher("ana".into()), now()).unwrap();
        pool.refuse("ana-2", "plus rien", now()).unwrap();
        pool
    }

    #[test]
    fn a_note_that_is_a_formula_comes_out_as_text_in_the_bookings_file() {
        let pool = pool_with_notes("=HYPERLINK(\"http://x\";\"y\")");
        let rows = bookings_rows(Lang::Fr, pool.state(), d(2026, 11, 1), d(2026, 11, 30));
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][0], Cell::text("ana-1"));
        assert!(matches!(&rows[0][4], Cell::Text(t) if t.contains(" × 2, ")), "{:?}", rows[0][4]);
        assert_eq!((&rows[0][5], &rows[0][6]), (&Cell::Date(d(2026, 11, 2)), &Cell::Date(d(2026, 11, 13))));
        let text = csv::write(&bookings_header(Lang::Fr), &rows);
        assert!(text.contains(";\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"\r\n"), "{text}");
        let december = bookings_rows(Lang::Fr, pool.state(), d(2026, 12, 7), d(2026, 12, 31));
        assert!(december.is_empty(), "{december:?}");
    }

    #[test]
    fn refusals_of_the_period_count_per_model() {
        let pool = pool_with_notes("");
        let refused_on = now().date();
        let report = usage_report(&pool, refused_on, refused_on, false);
        let bluebot = report.iter().find(|r| r.row.usage.id == "bluebot").unwrap();
        assert_eq!((bluebot.row.refusals, bluebot.row.units_refused), (1, 2));
        assert_eq!(verdict(Lang::Fr, &bluebot.row), Cell::text("Non jugé"), "a one-day period judges nothing");
        let before = usage_report(&pool, d(2020, 1, 1), d(2020, 1, 2), false);
        assert!(before.iter().all(|r| r.row.refusals == 0));
    }

    #[test]
    fn the_incident_review_file_has_every_grouping_and_the_totals() {
        let pool = pool_with_notes("");
        let review = incident_review(pool.state(), d(2026, 1, 1), d(2026, 12, 31));
        let text = review_csv(Lang::Fr, &review);
        assert!(text.starts_with("\u{feff}Regroupement;Libellé;Nombre;Montant remboursable (€)\r\n"));
        assert!(text.contains("Type;Dégradation;0;0,00\r\n"));
        assert!(text.contains("Total;Tous les sinistres;0;0,00\r\n"));
        assert!(text.contains("Déclarés en retard;;0;\r\n"));
    }
}
