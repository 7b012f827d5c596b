//! Scenario tests of the pool operations (rules R1–R8) and the purity check.

use super::availability::brute_force_free;
use super::booking::{Actor, BookingStatus};
use super::calendar::SchoolCalendar;
use super::catalogue::{Condition, LocalizedText};
use super::error::{DomainError, UnitProblem};
use super::incident::{IncidentKind, IncidentStatus};
use super::people::TrainingRecord;
use super::period::PeriodProblem;
use super::pool::{IncidentDeclaration, Pool, PoolState};
use super::review::incident_review;
use super::testkit::{at, d, now, request, state};
use super::training::MissingReason;
use super::usage::{reallocation_report, utilisation};

/// Scenario tests return errors instead of panicking on them.
type TestResult = Result<(), Box<dyn std::error::Error>>;

fn pool() -> Pool {
    Pool::new(state())
}

fn teacher(id: &str) -> Actor {
    Actor::Teacher(id.into())
}

fn labels(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_string()).collect()
}

// ---- R1 -----------------------------------------------------------------------------------

#[test]
fn quantity_exactly_equal_to_free_units_is_accepted_one_more_is_not() -> TestResult {
    let mut p = pool();
    let (s, e) = (d(2026, 9, 14), d(2026, 9, 25));
    assert_eq!(p.free("thymio", s, e), 3, "the retired unit does not count");
    p.create_booking(request("b1", "ana", &[("thymio", 1)], s, e), teacher("ana"), now())?;
    assert_eq!(p.free("thymio", s, e), 2);
    let err = p.create_booking(request("b2", "ben", &[("thymio", 3)], s, e), teacher("ben"), now()).unwrap_err();
    match err {
        DomainError::NotEnoughUnits(lines) => {
            assert_eq!(lines.len(), 1);
            assert_eq!((lines[0].requested, lines[0].free), (3, 2));
            // b1 holds through Mon 28 Sep (gap); the first 10-school-day period with 3 free
            // starts Tue 29 Sep.
            assert_eq!(lines[0].next_free, Some((d(2026, 9, 29), d(2026, 10, 12))));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(
        p.create_booking(request("b2", "ben", &[("thymio", 2)], s, e), teacher("ben"), now()),
        Ok(BookingStatus::Requested)
    );
    assert_eq!(p.free("thymio", s, e), 0);
    Ok(())
}

#[test]
fn turnaround_gap_of_one_school_day() -> TestResult {
    let mut p = pool();
    p.create_booking(request("a", "ana", &[("bluebot", 2)], d(2026, 9, 14), d(2026, 9, 18)), teacher("ana"), now())?;
    // Busy through Mon 21 Sep (1st school day after Fri 18): a loan may start Tue 22 at the
    // earliest, and one before must end by Thu 10 Sep (busy through Fri 11).
    assert_eq!(p.free("bluebot", d(2026, 9, 21), d(2026, 9, 25)), 0);
    assert_eq!(p.free("bluebot", d(2026, 9, 22), d(2026, 9, 25)), 2);
    assert_eq!(p.free("bluebot", d(2026, 9, 8), d(2026, 9, 11)), 0);
    assert_eq!(p.free("bluebot", d(2026, 9, 8), d(2026, 9, 10)), 2);
    assert!(matches!(
        p.create_booking(request("b", "ben", &[("bluebot", 1)], d(2026, 9, 21), d(2026, 9, 25)), teacher("ben"), now()),
        Err(DomainError::NotEnoughUnits(_))
    ));
    assert!(p
        .create_booking(request("b", "ben", &[("bluebot", 1)], d(2026, 9, 22), d(2026, 9, 25)), teacher("ben"), now())
        .is_ok());
    // With no gap, back-to-back loans are fine.
    let mut p0 = pool();
    p0.edit(|s| s.settings.turnaround_gap_days = 0);
    p0.create_booking(request("a", "ana", &[("bluebot", 2)], d(2026, 9, 14), d(2026, 9, 18)), teacher("ana"), now())?;
    assert_eq!(p0.free("bluebot", d(2026, 9, 21), d(2026, 9, 25)), 2);
    assert_eq!(p0.free("bluebot", d(2026, 9, 18), d(2026, 9, 25)), 0);
    Ok(())
}

#[test]
fn the_gap_counts_school_days_across_a_holiday() -> TestResult {
    let mut p = pool();
    // Ends Fri 16 Oct 2026, last class day before Toussaint: busy through Mon 2 Nov.
    p.create_booking(request("a", "ana", &[("bluebot", 2)], d(2026, 10, 5), d(2026, 10, 16)), teacher("ana"), now())?;
    assert_eq!(p.free("bluebot", d(2026, 11, 2), d(2026, 11, 6)), 0);
    assert_eq!(p.free("bluebot", d(2026, 11, 3), d(2026, 11, 6)), 2);
    Ok(())
}

#[test]
fn whole_catalogue_availability() -> TestResult {
    let mut p = pool();
    p.create_booking(
        request("a", "ana", &[("thymio", 2), ("bluebot", 1)], d(2026, 9, 14), d(2026, 9, 18)),
        teacher("ana"),
        now(),
    )?;
    let free: Vec<(&str, u32, u32)> =
        p.free_for_dates(d(2026, 9, 16), d(2026, 9, 30)).into_iter().map(|f| (f.model, f.in_service, f.free)).collect();
    assert_eq!(free, vec![("thymio", 3, 1), ("bluebot", 2, 1), ("casque", 2, 2)]);
    Ok(())
}

#[test]
fn several_lines_of_one_model_add_up() -> TestResult {
    let mut p = pool();
    let err = p
        .create_booking(
            request("a", "ana", &[("bluebot", 1), ("bluebot", 2)], d(2026, 9, 14), d(2026, 9, 18)),
            teacher("ana"),
            now(),
        )
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotEnoughUnits(ref l) if l[0].requested == 3 && l[0].free == 2 && l[0].next_free.is_none())
    );
    Ok(())
}

#[test]
fn next_free_period_skips_holidays_and_keeps_the_length_in_school_days() -> TestResult {
    let mut p = pool();
    p.create_booking(request("a", "ana", &[("bluebot", 2)], d(2026, 10, 5), d(2026, 10, 16)), teacher("ana"), now())?;
    // Asked: Mon 12 – Fri 16 Oct (5 school days); the next start is Tue 3 Nov, 5 school days
    // later ends Mon 9 Nov.
    assert_eq!(
        p.next_free_period("bluebot", 1, d(2026, 10, 12), d(2026, 10, 16), now().date()),
        Some((d(2026, 11, 3), d(2026, 11, 9)))
    );
    assert_eq!(p.next_free_period("bluebot", 3, d(2026, 10, 12), d(2026, 10, 16), now().date()), None);
    Ok(())
}

// ---- R2 -----------------------------------------------------------------------------------

#[test]
fn periods_are_checked_and_the_coordinator_may_override_with_a_reason() -> TestResult {
    let mut p = pool();
    let saturday = request("a", "ana", &[("bluebot", 1)], d(2026, 9, 12), d(2026, 9, 18));
    match p.create_booking(saturday.clone(), teacher("ana"), now()).unwrap_err() {
        DomainError::Period(e) => {
            assert!(matches!(e.problems[0], PeriodProblem::StartNotSchoolDay { .. }));
            assert_eq!(e.nearest, Some((d(2026, 9, 14), d(2026, 9, 18))));
        }
        other => panic!("unexpected {other:?}"),
    }
    let mut forced = saturday.clone();
    forced.override_reason = Some("Fête de l'école le samedi".into());
    assert_eq!(
        p.create_booking(forced.clone(), teacher("ana"), now()),
        Err(DomainError::NotAllowed { actor: teacher("ana") })
    );
    assert_eq!(p.create_booking(forced, Actor::Coordinator, now()), Ok(BookingStatus::Requested));
    let history = &p.booking("a").ok_or("no booking a")?.history;
    assert_eq!(history[0].reason.as_deref(), Some("Fête de l'école le samedi"));
    assert_eq!(history[0].by, Actor::Coordinator);
    Ok(())
}

#[test]
fn the_tightest_maximum_length_applies() -> TestResult {
    let p = pool();
    // 5 weeks: fine for bluebot (8), too long for casque (4).
    let r = request("a", "ana", &[("bluebot", 1), ("casque", 1)], d(2026, 9, 14), d(2026, 10, 16));
    let mut with_rv = state();
    with_rv.records.push(TrainingRecord { teacher: "ana".into(), training: "f-rv".into(), completed: d(2026, 1, 1) });
    let p2 = Pool::new(with_rv);
    assert!(
        matches!(p2.validate_booking(&r, &teacher("ana"), now().date()), Err(DomainError::Period(ref e)) if matches!(e.problems[0], PeriodProblem::TooLong { max_weeks: 4, .. }))
    );
    let ok = request("a", "ana", &[("bluebot", 1)], d(2026, 9, 14), d(2026, 10, 16));
    assert!(p.validate_booking(&ok, &teacher("ana"), now().date()).is_ok());
    Ok(())
}

// ---- R3 -----------------------------------------------------------------------------------

#[test]
fn training_rules_at_booking_confirmation_and_hand_over() -> TestResult {
    let mut p = pool();
    let (s, e) = (d(2026, 10, 12), d(2026, 10, 16));
    // Dana never trained: refused, naming the training and its next sessions.
    match p.create_booking(request("d", "dana", &[("thymio", 1)], s, e), teacher("dana"), now()).unwrap_err() {
        DomainError::TrainingMissing(m) => {
            assert_eq!(m[0].training, "f-rob");
            assert_eq!(m[0].reason, MissingReason::NeverCompleted);
            assert_eq!(
                m[0].next_sessions.iter().map(|s| s.session.as_str()).collect::<Vec<_>>(),
                vec!["s-rob-1", "s-rob-2"]
            );
        }
        other => panic!("unexpected {other:?}"),
    }
    // Eve's record expired (3 years, completed 1 Jun 2023).
    assert!(matches!(
        p.validate_booking(&request("x", "eve", &[("thymio", 1)], s, e), &teacher("eve"), now().date()),
        Err(DomainError::TrainingMissing(ref m)) if m[0].reason == MissingReason::Expired { expired_on: d(2026, 6, 1) }
    ));
    // Carl is enrolled in a session on 5 Oct, before the start: awaiting training.
    assert_eq!(
        p.create_booking(request("c", "carl", &[("thymio", 1)], s, e), teacher("carl"), now()),
        Ok(BookingStatus::AwaitingTraining)
    );
    assert_eq!(p.free("thymio", s, e), 2, "awaiting training holds units");
    // Not confirmable until the record exists.
    assert!(matches!(p.confirm("c", now()), Err(DomainError::TrainingMissing(_))));
    p.edit(|st| {
        st.records.push(TrainingRecord { teacher: "carl".into(), training: "f-rob".into(), completed: d(2026, 10, 5) })
    });
    assert_eq!(p.confirm("c", at(2026, 10, 6, 8, 0)), Ok(()));
    assert_eq!(p.hand_over("c", &labels(&["ROB-1"]), at(2026, 10, 12, 8, 0)), Ok(()));
    Ok(())
}

#[test]
fn hand_over_is_refused_without_a_completed_training_whatever_the_status() -> TestResult {
    let mut p = pool();
    let (s, e) = (d(2026, 10, 12), d(2026, 10, 16));
    p.create_booking(request("a", "ana", &[("thymio", 1)], s, e), teacher("ana"), now())?;
    p.confirm("a", now())?;
    // The coordinator withdraws Ana's record (e.g. entered by mistake).
    p.edit(|st| st.records.retain(|r| r.teacher != "ana"));
    let err = p.hand_over("a", &labels(&["ROB-1"]), at(2026, 10, 12, 8, 0)).unwrap_err();
    assert!(matches!(err, DomainError::TrainingMissing(ref m) if m[0].training == "f-rob"));
    assert_eq!(p.booking("a").ok_or("no booking a")?.status, BookingStatus::Confirmed);
    Ok(())
}

#[test]
fn enrolment_and_records_drive_the_booking_status() -> TestResult {
    let mut p = pool();
    let (s, e) = (d(2026, 12, 7), d(2026, 12, 11));
    assert_eq!(p.enroll("s-rob-2", "dana", &teacher("ana")), Err(DomainError::NotAllowed { actor: teacher("ana") }));
    p.enroll("s-rob-2", "dana", &teacher("dana"))?;
    assert_eq!(
        p.enroll("s-rob-2", "dana", &Actor::Coordinator),
        Err(DomainError::AlreadyEnrolled { session: "s-rob-2".into() })
    );
    assert_eq!(p.enroll("nope", "dana", &Actor::Coordinator), Err(DomainError::UnknownSession("nope".into())));
    assert_eq!(
        p.create_booking(request("d", "dana", &[("thymio", 1)], s, e), teacher("dana"), now()),
        Ok(BookingStatus::AwaitingTraining)
    );
    p.record_training("dana", "f-rob", d(2026, 11, 18))?;
    assert_eq!(p.record_training("dana", "f-zzz", d(2026, 11, 18)), Err(DomainError::UnknownTraining("f-zzz".into())));
    assert_eq!(p.confirm("d", at(2026, 11, 19, 9, 0)), Ok(()));
    let mut full = state();
    full.sessions[1].capacity = 0;
    let mut p = Pool::new(full);
    assert_eq!(
        p.enroll("s-rob-2", "dana", &teacher("dana")),
        Err(DomainError::SessionFull { session: "s-rob-2".into() })
    );
    Ok(())
}

// ---- R4 / R6 ------------------------------------------------------------------------------

#[test]
fn the_current_agreement_must_be_accepted() -> TestResult {
    let mut p = pool();
    let mut r = request("a", "ana", &[("bluebot", 1)], d(2026, 9, 14), d(2026, 9, 18));
    r.agreement_version = "0".into();
    assert_eq!(
        p.create_booking(r, teacher("ana"), now()),
        Err(DomainError::AgreementNotAccepted { current: "1".into(), accepted: "0".into() })
    );
    Ok(())
}

#[test]
fn full_lifecycle_with_history_and_agreement() -> TestResult {
    let mut p = pool();
    let (s, e) = (d(2026, 10, 5), d(2026, 10, 9));
    p.create_booking(request("a", "ana", &[("thymio", 2)], s, e), teacher("ana"), now())?;
    assert_eq!(
        p.hand_over("a", &labels(&["ROB-1", "ROB-2"]), now()),
        Err(DomainError::Transition { from: BookingStatus::Requested, to: BookingStatus::HandedOver })
    );
    p.confirm("a", at(2026, 9, 2, 10, 0))?;
    assert_eq!(
        p.confirm("a", now()),
        Err(DomainError::Transition { from: BookingStatus::Confirmed, to: BookingStatus::Confirmed })
    );
    // Wrong units: one retired, one of another model, one missing.
    let err = p.hand_over("a", &labels(&["ROB-4", "BB-1"]), at(2026, 10, 5, 8, 0)).unwrap_err();
    assert_eq!(
        err,
        DomainError::Units(vec![
            UnitProblem::OutOfService { label: "ROB-4".into() },
            UnitProblem::WrongModel { label: "BB-1".into(), model: "bluebot".into() },
            UnitProblem::WrongCount { model: "thymio".into(), booked: 2, given: 1 },
        ])
    );
    let err = p.hand_over("a", &labels(&["ROB-1", "ROB-1"]), at(2026, 10, 5, 8, 0)).unwrap_err();
    assert!(matches!(err, DomainError::Units(ref v) if v.contains(&UnitProblem::Duplicate { label: "ROB-1".into() })));
    p.hand_over("a", &labels(&["ROB-1", "ROB-2"]), at(2026, 10, 5, 8, 0))?;
    let agreement = p.loan_agreement("a")?;
    assert_eq!(agreement.school, "École Jean Macé");
    assert_eq!(agreement.commune, "Lyon");
    assert_eq!(agreement.units[0], ("ROB-1".into(), LocalizedText::french("THYMIO"), Condition::Good));
    assert!(p.overdue(d(2026, 10, 9)).is_empty());
    assert_eq!(p.overdue(d(2026, 10, 12)).len(), 1);
    // Return: every unit, with its condition.
    let err = p.return_units("a", &[("ROB-1".into(), Condition::Good)], at(2026, 10, 12, 8, 0)).unwrap_err();
    assert_eq!(err, DomainError::Units(vec![UnitProblem::NotReturned { label: "ROB-2".into() }]));
    p.return_units(
        "a",
        &[("ROB-1".into(), Condition::Good), ("ROB-2".into(), Condition::Damaged)],
        at(2026, 10, 12, 8, 0),
    )?;
    let b = p.booking("a").ok_or("no booking a")?;
    assert_eq!(b.status, BookingStatus::Returned);
    assert_eq!(b.units[1].condition_in, Some(Condition::Damaged));
    let statuses: Vec<BookingStatus> = b.history.iter().map(|h| h.status).collect();
    assert_eq!(
        statuses,
        vec![BookingStatus::Requested, BookingStatus::Confirmed, BookingStatus::HandedOver, BookingStatus::Returned]
    );
    assert_eq!(p.state().catalogue.units[1].condition, Condition::Damaged);
    assert!(p.cancel("a", teacher("ana"), None, now()).is_err(), "returned is final");
    Ok(())
}

#[test]
fn a_unit_back_damaged_leaves_service_until_repaired() -> TestResult {
    use super::admin::CatalogueEdit;
    let mut p = pool();
    let (s, e) = (d(2026, 10, 5), d(2026, 10, 9));
    p.create_booking(request("a", "ana", &[("thymio", 2)], s, e), teacher("ana"), now())?;
    p.confirm("a", now())?;
    // Ben's later booking counts on every thymio in service.
    let (s2, e2) = (d(2026, 11, 2), d(2026, 11, 6));
    p.create_booking(request("b", "ben", &[("thymio", 3)], s2, e2), teacher("ben"), now())?;
    p.hand_over("a", &labels(&["ROB-1", "ROB-2"]), at(2026, 10, 5, 8, 0))?;
    let report = p.return_units(
        "a",
        &[("ROB-1".into(), Condition::Good), ("ROB-2".into(), Condition::Damaged)],
        at(2026, 10, 9, 16, 0),
    )?;
    assert_eq!(report.available, ["ROB-1"]);
    assert_eq!(report.to_repair, ["ROB-2"]);
    assert_eq!(report.short.len(), 1, "ben's booking is left short: {report:?}");
    assert_eq!(report.short[0].booking, "b");
    assert_eq!((report.short[0].shortage.requested, report.short[0].shortage.free), (3, 2));
    let unit = p.state().catalogue.units.iter().find(|u| u.label == "ROB-2").ok_or("no ROB-2")?;
    assert!(!unit.in_service && unit.condition == Condition::Damaged);
    assert_eq!(p.index().in_service("thymio"), 2);
    assert_eq!(p.free("thymio", d(2026, 11, 16), d(2026, 11, 20)), 2, "not bookable while in repair");
    assert_eq!(p.index().overbooked().len(), 1, "the desk lists the conflict");
    let err = p.create_booking(
        request("c", "ana", &[("thymio", 3)], d(2026, 11, 16), d(2026, 11, 20)),
        teacher("ana"),
        now(),
    );
    assert!(matches!(err, Err(DomainError::NotEnoughUnits(_))));
    // Repaired: in a good condition and bookable again; repairing it twice changes nothing.
    let repaired = CatalogueEdit::Repaired { label: "ROB-2".into() };
    p.edit_catalogue(&repaired, d(2026, 10, 12))?;
    let unit = p.state().catalogue.units.iter().find(|u| u.label == "ROB-2").ok_or("no ROB-2")?;
    assert!(unit.in_service && unit.condition == Condition::Good);
    assert_eq!(p.free("thymio", d(2026, 11, 16), d(2026, 11, 20)), 3);
    assert!(p.index().overbooked().is_empty());
    let before = p.state().clone();
    p.edit_catalogue(&repaired, d(2026, 10, 12))?;
    assert_eq!(p.state(), &before);
    assert_eq!(
        p.edit_catalogue(&CatalogueEdit::Repaired { label: "NOPE".into() }, d(2026, 10, 12)),
        Err(DomainError::UnknownUnit("NOPE".into()))
    );
    // A return with every unit sound leaves them all in service.
    p.create_booking(request("d", "ana", &[("bluebot", 1)], s2, e2), teacher("ana"), now())?;
    p.confirm("d", now())?;
    p.hand_over("d", &labels(&["BB-1"]), at(2026, 11, 2, 8, 0))?;
    let report = p.return_units("d", &[("BB-1".into(), Condition::Worn)], at(2026, 11, 6, 16, 0))?;
    assert_eq!(
        (report.available.as_slice(), report.to_repair.len(), report.short.len()),
        (&["BB-1".to_string()][..], 0, 0)
    );
    assert_eq!(p.index().in_service("bluebot"), 2);
    Ok(())
}

#[test]
fn late_pick_ups_are_the_confirmed_bookings_past_their_first_day() -> TestResult {
    let mut p = pool();
    p.create_booking(request("a", "ana", &[("thymio", 1)], d(2026, 10, 5), d(2026, 10, 9)), teacher("ana"), now())?;
    p.create_booking(request("b", "ben", &[("thymio", 1)], d(2026, 9, 28), d(2026, 10, 9)), teacher("ben"), now())?;
    p.create_booking(request("c", "ana", &[("bluebot", 1)], d(2026, 9, 28), d(2026, 10, 2)), teacher("ana"), now())?;
    for id in ["a", "b"] {
        p.confirm(id, now())?;
    }
    let today = d(2026, 10, 7);
    let late: Vec<(&str, Option<u32>)> =
        p.late_pick_ups(today).iter().map(|b| (b.id.as_str(), b.days_late(today))).collect();
    assert_eq!(late, [("b", Some(9)), ("a", Some(2))], "requested `c` is not picked up");
    let booking = p.booking("a").ok_or("no a")?;
    assert_eq!(booking.days_early(d(2026, 8, 24)), Some(42), "six weeks early");
    p.hand_over("a", &labels(&["ROB-1"]), at(2026, 10, 7, 9, 0))?;
    assert_eq!(p.late_pick_ups(today).len(), 1, "handed over: no longer waiting");
    Ok(())
}

#[test]
fn a_unit_out_with_one_booking_cannot_be_handed_over_with_another() -> TestResult {
    let mut p = pool();
    p.create_booking(request("a", "ana", &[("thymio", 1)], d(2026, 10, 5), d(2026, 10, 9)), teacher("ana"), now())?;
    p.create_booking(request("b", "ben", &[("thymio", 1)], d(2026, 11, 9), d(2026, 11, 13)), teacher("ben"), now())?;
    p.confirm("a", now())?;
    p.confirm("b", now())?;
    p.hand_over("a", &labels(&["ROB-1"]), at(2026, 10, 5, 8, 0))?;
    // Ana is late returning; Ben's hand-over must pick another unit.
    let err = p.hand_over("b", &labels(&["ROB-1"]), at(2026, 11, 9, 8, 0)).unwrap_err();
    assert_eq!(err, DomainError::Units(vec![UnitProblem::AlreadyOut { label: "ROB-1".into(), booking: "a".into() }]));
    assert!(p.hand_over("b", &labels(&["ROB-2"]), at(2026, 11, 9, 8, 0)).is_ok());
    Ok(())
}

#[test]
fn cancel_and_refuse_release_units_and_check_who_and_why() -> TestResult {
    let mut p = pool();
    let (s, e) = (d(2026, 9, 14), d(2026, 9, 18));
    p.create_booking(request("a", "ana", &[("bluebot", 2)], s, e), teacher("ana"), now())?;
    p.create_booking(request("b", "ben", &[("thymio", 1)], s, e), teacher("ben"), now())?;
    assert_eq!(p.cancel("a", teacher("ben"), None, now()), Err(DomainError::NotAllowed { actor: teacher("ben") }));
    assert_eq!(
        p.cancel("a", Actor::Coordinator, None, now()),
        Err(DomainError::NotAllowed { actor: Actor::Coordinator })
    );
    assert_eq!(p.free("bluebot", s, e), 0);
    p.cancel("a", teacher("ana"), Some("Sortie annulée".into()), now())?;
    assert_eq!(p.free("bluebot", s, e), 2);
    assert_eq!(p.refuse("b", "  ", now()), Err(DomainError::MissingText { field: "reason" }));
    p.refuse("b", "Stock réservé à la formation", now())?;
    assert_eq!(p.free("thymio", s, e), 3);
    let b = p.booking("b").ok_or("no booking b")?;
    assert_eq!(b.history.last().ok_or("empty history")?.reason.as_deref(), Some("Stock réservé à la formation"));
    assert_eq!(
        p.refuse("b", "again", now()),
        Err(DomainError::Transition { from: BookingStatus::Refused, to: BookingStatus::Refused })
    );
    assert_eq!(p.confirm("zzz", now()), Err(DomainError::UnknownBooking("zzz".into())));
    Ok(())
}

#[test]
fn errors_leave_the_state_unchanged() -> TestResult {
    let mut p = pool();
    p.create_booking(request("a", "ana", &[("thymio", 1)], d(2026, 10, 5), d(2026, 10, 9)), teacher("ana"), now())?;
    p.confirm("a", now())?;
    let before = p.clone();
    let _ =
        p.create_booking(request("a", "ana", &[("thymio", 1)], d(2026, 10, 5), d(2026, 10, 9)), teacher("ana"), now());
    let _ =
        p.create_booking(request("z", "ana", &[("thymio", 9)], d(2026, 10, 5), d(2026, 10, 9)), teacher("ana"), now());
    let _ = p.hand_over("a", &labels(&["ROB-1", "ROB-2"]), now());
    let _ = p.return_units("a", &[], now());
    let _ = p.refuse("a", "", now());
    assert_eq!(p, before);
    Ok(())
}

#[test]
fn imports_are_checked_against_the_coordinators_records() -> TestResult {
    let p = pool();
    // A requests file claims Dana is trained; only the coordinator's records count, so the
    // same validation refuses it.
    let r = request("dana-1", "dana", &[("thymio", 1)], d(2026, 10, 12), d(2026, 10, 16));
    assert!(matches!(p.validate_booking(&r, &teacher("dana"), now().date()), Err(DomainError::TrainingMissing(_))));
    assert_eq!(
        p.validate_booking(&r, &teacher("ana"), now().date()),
        Err(DomainError::NotAllowed { actor: teacher("ana") })
    );
    let unknown = request("x", "zoe", &[("thymio", 1)], d(2026, 10, 12), d(2026, 10, 16));
    assert_eq!(
        p.validate_booking(&unknown, &Actor::Coordinator, now().date()),
        Err(DomainError::UnknownTeacher("zoe".into()))
    );
    Ok(())
}

// ---- R5 / R8 ------------------------------------------------------------------------------

#[test]
fn incidents_deadlines_amounts_lifecycle_and_review() -> TestResult {
    let mut p = pool();
    p.create_booking(request("a", "ana", &[("thymio", 2)], d(2026, 10, 5), d(2026, 10, 9)), teacher("ana"), now())?;
    p.confirm("a", now())?;
    p.hand_over("a", &labels(&["ROB-1", "ROB-3"]), at(2026, 10, 5, 8, 0))?;
    let found = at(2026, 10, 7, 16, 30);
    let declare = |id: &str, unit: &str, kind| IncidentDeclaration {
        id: id.into(),
        unit: unit.into(),
        booking: Some("a".into()),
        kind,
        description: "écran fissuré".into(),
        discovered_at: found,
        police_report: None,
    };
    // ROB-1 acquired 2022: age 4 → 20 % of 169.00 €.
    let a =
        p.declare_incident(declare("i1", "ROB-1", IncidentKind::Damage), teacher("ana"), at(2026, 10, 9, 16, 30))?;
    assert_eq!(
        (a.age_years, a.rate_percent, a.reimbursable_cents, a.late, a.not_replaced),
        (4, 20, Some(3_380), false, false)
    );
    // ROB-3 acquired 2019: age 7 → nothing, not replaced; declared 48 h + 1 min later: late.
    let b = p.declare_incident(declare("i2", "ROB-3", IncidentKind::Theft), teacher("ana"), at(2026, 10, 9, 16, 31))?;
    assert_eq!(
        (b.age_years, b.rate_percent, b.reimbursable_cents, b.late, b.not_replaced),
        (7, 0, Some(0), true, true)
    );
    let empty = IncidentDeclaration { description: "  ".into(), ..declare("i3", "ROB-1", IncidentKind::Damage) };
    assert_eq!(
        p.declare_incident(empty, teacher("ana"), at(2026, 10, 9, 16, 30)),
        Err(DomainError::MissingText { field: "description" }),
        "an incident says what happened"
    );
    assert_eq!(p.state().incidents.len(), 2, "nothing declared");
    assert_eq!(
        p.declare_incident(declare("i3", "ROB-1", IncidentKind::Loss), teacher("ben"), now()),
        Err(DomainError::NotAllowed { actor: teacher("ben") })
    );
    assert_eq!(p.document_incident("i2", None, 16_900, at(2026, 10, 12, 9, 0)), Err(DomainError::PoliceReportRequired));
    p.document_incident("i2", Some("PV 2026/123".into()), 16_900, at(2026, 10, 12, 9, 0))?;
    assert!(p.state().incidents[1].police_report_late(at(2026, 10, 12, 9, 0)));
    assert_eq!(
        p.settle_incident("i1", now()),
        Err(DomainError::IncidentTransition { from: IncidentStatus::Declared, to: IncidentStatus::Settled })
    );
    p.document_incident("i1", None, 4_500, at(2026, 10, 12, 9, 0))?;
    p.settle_incident("i1", at(2026, 11, 12, 9, 0))?;
    assert_eq!(p.incident_assessment("i1")?.reimbursable_cents, Some(3_380));

    let review = incident_review(p.state(), d(2026, 9, 1), d(2027, 8, 31));
    assert_eq!(review.total.count, 2);
    assert_eq!((review.damage.count, review.theft.count, review.loss.count), (1, 1, 0));
    assert_eq!(review.settled.reimbursable_cents, 3_380);
    assert_eq!(review.documented.count, 1);
    assert_eq!((review.late, review.not_replaced), (1, 1));
    assert_eq!(review.by_commune[0].name, "Lyon");
    assert_eq!(review.by_commune[0].tally.count, 2);
    assert_eq!(review.by_school[0].name, "École Jean Macé");
    assert_eq!(incident_review(p.state(), d(2026, 10, 8), d(2027, 8, 31)).total.count, 0, "by discovery date");
    Ok(())
}

// ---- R7 -----------------------------------------------------------------------------------

#[test]
fn utilisation_and_reallocation_candidates() -> TestResult {
    let mut p = pool();
    p.create_booking(request("a", "ana", &[("bluebot", 1)], d(2026, 9, 14), d(2026, 10, 9)), teacher("ana"), now())?;
    p.confirm("a", now())?;
    p.hand_over("a", &labels(&["BB-1"]), at(2026, 9, 14, 8, 0))?;
    p.return_units("a", &[("BB-1".into(), Condition::Good)], at(2026, 10, 9, 17, 0))?;
    for (i, who) in ["ben", "carl", "dana"].iter().enumerate() {
        let id = format!("r{i}");
        p.create_booking(request(&id, who, &[("bluebot", 1)], d(2026, 11, 9), d(2026, 11, 13)), teacher(who), now())?;
        p.refuse(&id, "Déjà réservé", at(2026, 9, 3, 9, 0))?;
    }
    let (models, units) = utilisation(&p, d(2026, 9, 1), d(2026, 10, 16));
    // 1 Sep – 16 Oct 2026: 34 school days; BB-1 lent 14 Sep – 9 Oct: 20 school days.
    let bb1 = units.iter().find(|u| u.id == "BB-1").ok_or("no unit BB-1")?;
    assert_eq!((bb1.loan_days, bb1.service_days, bb1.percent()), (20, 34, 58));
    let bluebot = models.iter().find(|u| u.id == "bluebot").ok_or("no model bluebot")?;
    assert_eq!((bluebot.loan_days, bluebot.service_days), (20, 68));
    // 1 Sep – 16 Oct 2026: every model in service since before the window is judged.
    let report = reallocation_report(&p, d(2026, 9, 1), d(2026, 10, 16));
    assert!(report.idle_models.contains(&"thymio".to_string()));
    assert!(!report.idle_models.contains(&"bluebot".to_string()), "29 % is above 10 %");
    let bluebot = report.rows.iter().find(|r| r.usage.id == "bluebot").ok_or("no row bluebot")?;
    assert!(bluebot.judged && !bluebot.candidate && bluebot.often_refused);
    p.edit(|s| s.settings.reallocation_threshold_percent = 30);
    let report = reallocation_report(&p, d(2026, 9, 1), d(2026, 10, 16));
    assert!(report.idle_models.contains(&"bluebot".to_string()));
    assert!(report.idle_units.contains(&"BB-2".to_string()));
    assert!(!report.units.iter().any(|u| u.id == "ROB-4"), "retired units are not listed");
    assert_eq!(report.short_supply.len(), 1);
    assert_eq!((report.short_supply[0].model.as_str(), report.short_supply[0].refusals), ("bluebot", 3));
    // Over the twelve months to 16 Oct 2026 the bluebots (bought 10 Jan 2026) are too recent
    // to judge; a window of a few days judges nothing.
    let year = reallocation_report(&p, d(2025, 10, 17), d(2026, 10, 16));
    let bluebot = year.rows.iter().find(|r| r.usage.id == "bluebot").ok_or("no row bluebot")?;
    assert!(!bluebot.judged && !bluebot.candidate);
    assert!(year.idle_models.contains(&"thymio".to_string()));
    assert!(!year.idle_units.contains(&"BB-2".to_string()));
    let days = reallocation_report(&p, d(2026, 9, 1), d(2026, 9, 10));
    assert!(days.idle_models.is_empty() && days.idle_units.is_empty() && days.rows.iter().all(|r| !r.judged));
    Ok(())
}

#[test]
fn a_period_in_which_no_loan_ran_judges_no_model() -> TestResult {
    // A pool just set up: bookings requested, none handed over. Nothing is known of use, so
    // nothing is called idle (rather than every model).
    let mut p = pool();
    p.create_booking(request("a", "ana", &[("bluebot", 1)], d(2026, 9, 14), d(2026, 10, 9)), teacher("ana"), now())?;
    let report = reallocation_report(&p, d(2026, 9, 1), d(2026, 10, 16));
    assert!(report.idle_models.is_empty() && report.idle_units.is_empty(), "{:?}", report.idle_models);
    assert!(report.rows.iter().all(|r| !r.judged && !r.candidate));
    // One loan run anywhere in the pool: the window is judged again, every model of it.
    p.confirm("a", now())?;
    p.hand_over("a", &labels(&["BB-1"]), at(2026, 9, 14, 8, 0))?;
    let report = reallocation_report(&p, d(2026, 9, 1), d(2026, 10, 16));
    assert!(report.idle_models.contains(&"thymio".to_string()));
    Ok(())
}

#[test]
fn usage_counts_the_loans_that_ran_from_hand_over_to_return() -> TestResult {
    let mut p = pool();
    // Confirmed for 14 Sep – 9 Oct, never handed over: nothing lent.
    p.create_booking(request("a", "ana", &[("bluebot", 1)], d(2026, 9, 14), d(2026, 10, 9)), teacher("ana"), now())?;
    p.confirm("a", now())?;
    // Handed over on 21 Sep, a week late, and still out: counted to the window's end.
    p.create_booking(request("b", "ben", &[("thymio", 1)], d(2026, 9, 14), d(2026, 9, 25)), teacher("ben"), now())?;
    p.confirm("b", now())?;
    p.hand_over("b", &labels(&["ROB-1"]), at(2026, 9, 21, 9, 0))?;
    let (_, units) = utilisation(&p, d(2026, 9, 1), d(2026, 10, 2));
    let of = |label: &str| units.iter().find(|u| u.id == label).map(|u| u.loan_days);
    assert_eq!(of("BB-1"), Some(0));
    assert_eq!(of("ROB-1"), Some(10), "21 Sep – 2 Oct: two school weeks");
    // Back on 23 Sep, before its last day: two days fewer.
    p.return_units("b", &[("ROB-1".into(), Condition::Good)], at(2026, 9, 23, 17, 0))?;
    let (_, units) = utilisation(&p, d(2026, 9, 1), d(2026, 10, 2));
    assert_eq!(units.iter().find(|u| u.id == "ROB-1").map(|u| u.loan_days), Some(3));
    Ok(())
}

#[test]
fn the_reports_window_is_the_school_year_so_far() {
    use super::usage::default_window;
    assert_eq!(default_window(d(2026, 12, 5)), (d(2026, 9, 1), d(2026, 12, 5)));
    assert_eq!(default_window(d(2027, 3, 15)), (d(2026, 9, 1), d(2027, 3, 15)));
    assert_eq!(default_window(d(2026, 9, 1)), (d(2026, 9, 1), d(2026, 9, 1)));
    assert_eq!(default_window(d(2026, 8, 31)), (d(2025, 9, 1), d(2026, 8, 31)));
}

// ---- Persistence and purity ---------------------------------------------------------------

#[test]
fn the_state_round_trips_through_json_and_the_demo_catalogue_still_loads() -> TestResult {
    let mut p = pool();
    p.create_booking(request("a", "carl", &[("thymio", 1)], d(2026, 10, 12), d(2026, 10, 16)), teacher("carl"), now())?;
    let json = serde_json::to_string(p.state())?;
    assert!(json.contains("\"awaiting_training\""));
    let back: PoolState = serde_json::from_str(&json)?;
    assert_eq!(&back, p.state());
    assert_eq!(Pool::new(back), p);
    let empty: PoolState = serde_json::from_str("{}")?;
    assert_eq!(empty, PoolState::default());
    let file: serde_json::Value = serde_json::from_str(include_str!("../demo/catalogue.json"))?;
    let demo: super::catalogue::Catalogue = serde_json::from_value(file["catalogue"].clone())?;
    assert_eq!(demo.validate(), Ok(()));
    Ok(())
}

#[test]
fn the_oracle_agrees_on_the_fixture() -> TestResult {
    let mut p = pool();
    p.create_booking(request("a", "ana", &[("bluebot", 1)], d(2026, 9, 14), d(2026, 9, 18)), teacher("ana"), now())?;
    let cal = SchoolCalendar::new(p.state().settings.zone, false, &p.state().holidays);
    for day in 8..30 {
        let s = d(2026, 9, day);
        assert_eq!(
            p.free("bluebot", s, s),
            brute_force_free(&p.state().catalogue, &p.state().bookings, &cal, 1, "bluebot", s, s)
        );
    }
    Ok(())
}

/// The domain must stay pure: no web crate and no clock. The patterns are assembled at run
/// time so this file does not match them itself.
#[test]
fn the_domain_uses_no_web_crate_and_never_reads_the_clock() -> TestResult {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let forbidden: Vec<String> = ["leptos", "web_sys", "js_sys", "wasm_bindgen", "gloo"]
        .iter()
        .map(|c| format!("{c}::"))
        .chain(["Utc", "Local", "SystemTime", "Instant", "Date"].iter().map(|c| format!("{c}::{}", "now")))
        .collect();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "rs") {
            let source = std::fs::read_to_string(&path)?;
            for pattern in &forbidden {
                assert!(!source.contains(pattern.as_str()), "{} contains `{pattern}`", path.display());
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} files checked");
    Ok(())
}

// ---- Changes as data (sync, other tabs) ---------------------------------------------------

#[test]
fn a_repair_travels_as_json_and_replays_on_a_newer_pool() -> TestResult {
    use super::admin::CatalogueEdit;
    use super::change::{replay, ChangeOutcome, PoolChange};
    let mut p = pool();
    p.create_booking(request("a", "ana", &[("thymio", 1)], d(2026, 10, 5), d(2026, 10, 9)), teacher("ana"), now())?;
    p.confirm("a", now())?;
    p.hand_over("a", &labels(&["ROB-1"]), at(2026, 10, 5, 8, 0))?;
    let mut back = PoolChange::Return {
        id: "a".into(),
        returned: vec![("ROB-1".into(), Condition::Damaged)],
        at: at(2026, 10, 9, 16, 0),
    };
    let outcome = back.apply(&mut p)?;
    assert!(matches!(outcome, ChangeOutcome::Returned(ref r) if r.to_repair == ["ROB-1"]), "{outcome:?}");
    let repair =
        PoolChange::EditCatalogue { edit: CatalogueEdit::Repaired { label: "ROB-1".into() }, today: d(2026, 10, 12) };
    let json = serde_json::to_string(&repair)?;
    assert_eq!(json, r#"{"edit_catalogue":{"edit":{"repaired":{"label":"ROB-1"}},"today":"2026-10-12"}}"#);
    let read: PoolChange = serde_json::from_str(&json)?;
    assert_eq!(read, repair);
    // Another tab saved first (it repaired the unit too): replaying the repair changes nothing
    // and is kept; on the pool where the unit is still in repair it puts it back in service.
    let mut pending = vec![read];
    let mut theirs = p.clone();
    repair.clone().apply(&mut theirs)?;
    assert!(replay(&mut theirs, &mut pending.clone()).is_empty());
    assert!(replay(&mut p, &mut pending).is_empty());
    let unit = p.state().catalogue.units.iter().find(|u| u.label == "ROB-1").ok_or("no ROB-1")?;
    assert!(unit.in_service && unit.condition == Condition::Good);
    assert_eq!(p.state(), theirs.state());
    Ok(())
}
