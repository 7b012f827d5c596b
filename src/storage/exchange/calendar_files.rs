//! The official school calendar as the ministry publishes it: an iCalendar file per zone, or
//! the `fr-en-calendrier-scolaire` open-data export as CSV or JSON. Each gives school holidays
//! with the official semantics ([`SchoolHoliday`]: the last day of class, the day classes
//! resume), for zones A, B and C; other zones (Corse, overseas) and teachers-only rows are left
//! out, and the per-académie rows of the export are merged.

use super::csv::{self, LineEnds};
use crate::domain::{SchoolHoliday, Zone};
use chrono::{Duration, NaiveDate};
use serde_json::Value;

/// Why an official calendar file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarProblem {
    /// A date that cannot be read, at a line (1-based; 0 when the format has no lines).
    BadDate { line: usize, value: String },
    /// A column the CSV export always has is missing.
    MissingColumn(String),
    /// No school holidays of zone A, B or C in the file.
    NoHolidays,
    /// The CSV export is not a well-formed table (a quote not closed or misplaced, a stray
    /// line end), from this line (1-based).
    Malformed { line: usize },
}

/// A date of the export: `2025-10-18`, or a UTC instant such as `2025-10-17T22:00:00+00:00`,
/// which is midnight in Paris the next day.
fn export_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let date = crate::domain::iso::parse_date(text.get(..10)?)?;
    let hour: u32 = text.get(11..13).and_then(|h| h.parse().ok()).unwrap_or(0);
    let utc = text.ends_with("+00:00") || text.ends_with('Z');
    Some(if utc && hour >= 12 { date + Duration::days(1) } else { date })
}

/// `YYYYMMDD`, as iCalendar writes a date (without chrono's format parser, kept out of the
/// wasm).
fn ics_date(value: &str) -> Option<NaiveDate> {
    let digits = value.get(..8)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| digits.get(range).and_then(|d| d.parse::<u32>().ok());
    NaiveDate::from_ymd_opt(i32::try_from(number(0..4)?).ok()?, number(4..6)?, number(6..8)?)
}

fn zone_of(text: &str) -> Option<Zone> {
    let lower = text.to_ascii_lowercase();
    ["zone a", "zone b", "zone c"]
        .iter()
        .zip([Zone::A, Zone::B, Zone::C])
        .find(|(name, _)| lower.contains(*name))
        .map(|(_, zone)| zone)
}

/// The holiday's name without the zone the ICS summaries append (`… - Zone A`).
fn clean_name(summary: &str) -> String {
    let name = summary.split(" - Zone").next().unwrap_or(summary);
    name.trim().to_owned()
}

/// Adds a holiday, merging the zones of the same period (name and dates).
fn add(holidays: &mut Vec<SchoolHoliday>, name: String, zone: Zone, start: NaiveDate, end: NaiveDate) {
    // A one-day event (a rentrée, a bridge day for teachers) closes nothing.
    if (end - start).num_days() < 2 {
        return;
    }
    match holidays.iter_mut().find(|h| h.name == name && h.start == start && h.end == end) {
        Some(h) if h.zones.contains(&zone) => {}
        Some(h) => {
            h.zones.push(zone);
            h.zones.sort_by_key(|z| *z as u8);
        }
        None => holidays.push(SchoolHoliday { zones: vec![zone], name, start, end }),
    }
}

fn non_empty(holidays: Vec<SchoolHoliday>) -> Result<Vec<SchoolHoliday>, CalendarProblem> {
    if holidays.is_empty() {
        Err(CalendarProblem::NoHolidays)
    } else {
        Ok(holidays)
    }
}

/// Reads the ministry's iCalendar file for one zone; `zone` is used when the file does not say
/// which zone it is for.
pub fn parse_ics(text: &str, zone: Zone) -> Result<Vec<SchoolHoliday>, CalendarProblem> {
    // Unfold continuation lines (RFC 5545, 3.1), keeping each logical line's first number.
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        match (raw.strip_prefix(' ').or_else(|| raw.strip_prefix('\t')), lines.last_mut()) {
            (Some(rest), Some((_, last))) => last.push_str(rest),
            _ => lines.push((i + 1, raw.to_owned())),
        }
    }
    let calendar_zone = lines.iter().find_map(|(_, l)| l.strip_prefix("X-WR-CALNAME:").and_then(zone_of));
    let mut holidays = Vec::new();
    let mut event: Option<(Option<String>, Option<NaiveDate>, Option<NaiveDate>)> = None;
    for (number, line) in &lines {
        let (key, value) = line.split_once(':').unwrap_or((line.as_str(), ""));
        let name = key.split(';').next().unwrap_or(key);
        match (name, event.as_mut()) {
            ("BEGIN", _) if value == "VEVENT" => event = Some((None, None, None)),
            ("SUMMARY", Some(e)) => e.0 = Some(value.replace("\\,", ",").replace("\\;", ";")),
            ("DTSTART" | "DTEND", Some(e)) => {
                let date = ics_date(value)
                    .ok_or_else(|| CalendarProblem::BadDate { line: *number, value: value.to_owned() })?;
                if name == "DTSTART" {
                    e.1 = Some(date);
                } else {
                    e.2 = Some(date);
                }
            }
            ("END", Some(_)) if value == "VEVENT" => {
                if let Some((Some(summary), Some(start), Some(end))) = event.take() {
                    let zone = zone_of(&summary).or(calendar_zone).unwrap_or(zone);
                    add(&mut holidays, clean_name(&summary), zone, start, end);
                }
            }
            _ => {}
        }
    }
    non_empty(holidays)
}

/// Whether a row of the export applies to pupils (the school is closed), not to teachers only.
fn for_pupils(population: &str) -> bool {
    let p = crate::domain::fold(population.trim());
    p.is_empty() || p == "-" || p.starts_with("el")
}

/// Reads the `fr-en-calendrier-scolaire` export as CSV (`;`- or `,`-separated, with its
/// header), with the one CSV reader ([`csv::read`]).
pub fn parse_csv(text: &str) -> Result<Vec<SchoolHoliday>, CalendarProblem> {
    let table = csv::read(text, csv::separator_of(text), LineEnds::CrlfOrLf)
        .map_err(|e| CalendarProblem::Malformed { line: e.line })?;
    let mut rows = table.into_iter().filter(|r| !r.cells.iter().all(|c| c.trim().is_empty()));
    let header = rows.next().map(|r| r.cells).unwrap_or_default();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
            .ok_or_else(|| CalendarProblem::MissingColumn(name.to_owned()))
    };
    let (description, population, start, end, zones) = (
        column("Description")?,
        column("Population")?,
        column("Date de début")?,
        column("Date de fin")?,
        column("Zones")?,
    );
    let mut holidays = Vec::new();
    for row in rows {
        let cell = |n: usize| row.cells.get(n).map_or("", String::as_str);
        let Some(zone) = zone_of(cell(zones)) else { continue };
        if !for_pupils(cell(population)) {
            continue;
        }
        let date = |n: usize| {
            export_date(cell(n)).ok_or_else(|| CalendarProblem::BadDate { line: row.line, value: cell(n).to_owned() })
        };
        add(&mut holidays, clean_name(cell(description)), zone, date(start)?, date(end)?);
    }
    non_empty(holidays)
}

/// Reads the export as JSON: an array of records, or the open-data API's `results` or
/// `records` (each with its `fields`).
pub fn parse_json(value: &Value) -> Result<Vec<SchoolHoliday>, CalendarProblem> {
    let records = value
        .as_array()
        .or_else(|| value.get("results").and_then(Value::as_array))
        .or_else(|| value.get("records").and_then(Value::as_array))
        .cloned()
        .unwrap_or_default();
    let mut holidays = Vec::new();
    for (i, record) in records.iter().enumerate() {
        let record = record.get("fields").unwrap_or(record);
        let field = |name: &str| record.get(name).and_then(Value::as_str).unwrap_or("");
        let Some(zone) = zone_of(field("zones")) else { continue };
        if !for_pupils(field("population")) {
            continue;
        }
        let date = |name: &str| {
            export_date(field(name))
                .ok_or_else(|| CalendarProblem::BadDate { line: i + 1, value: field(name).to_owned() })
        };
        add(&mut holidays, clean_name(field("description")), zone, date("start_date")?, date("end_date")?);
    }
    non_empty(holidays)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::d;

    const ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Calendrier scolaire - Zone A\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261017\r\nDTEND;VALUE=DATE:20261102\r\nSUMMARY:Vacances de la Tou\r\n ssaint - Zone A\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260901\r\nSUMMARY:Rentrée scolaire des élèves\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261219\r\nDTEND;VALUE=DATE:20270104\r\nSUMMARY:Vacances de Noël\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

    #[test]
    fn an_ics_file_gives_the_zones_holidays_with_folded_lines_and_one_day_events_left_out() {
        let holidays = parse_ics(ICS, Zone::C).unwrap_or_default();
        assert_eq!(
            holidays,
            vec![
                SchoolHoliday {
                    zones: vec![Zone::A],
                    name: "Vacances de la Toussaint".into(),
                    start: d(2026, 10, 17),
                    end: d(2026, 11, 2)
                },
                SchoolHoliday {
                    zones: vec![Zone::A],
                    name: "Vacances de Noël".into(),
                    start: d(2026, 12, 19),
                    end: d(2027, 1, 4)
                },
            ]
        );
        assert_eq!(
            parse_ics(&ICS.replace("20261102", "2026-11"), Zone::A),
            Err(CalendarProblem::BadDate { line: 6, value: "2026-11".into() })
        );
        assert_eq!(parse_ics("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", Zone::A), Err(CalendarProblem::NoHolidays));
    }

    #[test]
    fn the_csv_export_merges_academies_and_zones_and_reads_utc_instants_as_paris_days() {
        let csv = "\u{feff}Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire\n\
Vacances de la Toussaint;-;2026-10-16T22:00:00+00:00;2026-11-01T23:00:00+00:00;Lyon;Zone A;2026-2027\n\
Vacances de la Toussaint;-;2026-10-16T22:00:00+00:00;2026-11-01T23:00:00+00:00;Grenoble;Zone A;2026-2027\n\
Vacances de la Toussaint;-;2026-10-16T22:00:00+00:00;2026-11-01T23:00:00+00:00;Paris;Zone C;2026-2027\n\
\"Vacances d'Hiver; élèves\";Élèves;2027-02-05T23:00:00+00:00;2027-02-21T23:00:00+00:00;Lyon;Zone A;2026-2027\n\
Pont de l'Ascension;Enseignants;2027-05-05T22:00:00+00:00;2027-05-09T22:00:00+00:00;Lyon;Zone A;2026-2027\n\
Vacances de la Toussaint;-;2026-10-16T22:00:00+00:00;2026-11-01T23:00:00+00:00;Corse;Corse;2026-2027\n";
        let holidays = parse_csv(csv).unwrap_or_default();
        assert_eq!(holidays.len(), 2, "{holidays:?}");
        assert_eq!(holidays[0].zones, vec![Zone::A, Zone::C]);
        assert_eq!((holidays[0].start, holidays[0].end), (d(2026, 10, 17), d(2026, 11, 2)));
        assert_eq!(holidays[1].name, "Vacances d'Hiver; élèves");
        assert_eq!(
            parse_csv("Description;Zones\nx;Zone A\n"),
            Err(CalendarProblem::MissingColumn("Population".into()))
        );
    }

    #[test]
    fn a_quoted_line_break_in_the_csv_export_stays_in_its_cell() {
        let csv = "\u{feff}Description;Population;Date de début;Date de fin;Zones\r\n\
\"Vacances de Noël\r\n(fin d'année)\";-;2026-12-18T23:00:00+00:00;2027-01-03T23:00:00+00:00;Zone A\r\n\
Vacances d'Hiver;-;2027-02-05T23:00:00+00:00;2027-02-21;Zone A\r\n\
Vacances de printemps;-;hier;2027-04-18T22:00:00+00:00;Zone A\r\n";
        assert_eq!(parse_csv(csv), Err(CalendarProblem::BadDate { line: 5, value: "hier".into() }), "lines counted");
        let holidays = parse_csv(&csv.replace("hier", "2027-04-02T22:00:00+00:00")).unwrap_or_default();
        assert_eq!(holidays.len(), 3, "{holidays:?}");
        assert_eq!(holidays[0].name, "Vacances de Noël\r\n(fin d'année)");
        assert_eq!((holidays[0].start, holidays[0].end), (d(2026, 12, 19), d(2027, 1, 4)));
        let commas = "Description,Population,Date de début,Date de fin,Zones\n\"Vacances d'Hiver, élèves\",-,2027-02-06,2027-02-22,Zone B\n";
        assert_eq!(parse_csv(commas).map(|h| h[0].name.clone()), Ok("Vacances d'Hiver, élèves".into()));
        assert_eq!(parse_csv("Description;Zones\n\"x;Zone A\n"), Err(CalendarProblem::Malformed { line: 2 }));
    }

    #[test]
    fn the_json_export_reads_records_with_or_without_fields() -> Result<(), serde_json::Error> {
        let plain: Value = serde_json::from_str(
            r#"[{"description":"Vacances de Noël","population":"-","start_date":"2026-12-18T23:00:00+00:00","end_date":"2027-01-03T23:00:00+00:00","zones":"Zone B"}]"#,
        )?;
        let api: Value = serde_json::from_str(
            r#"{"records":[{"fields":{"description":"Vacances de Noël","population":"-","start_date":"2026-12-19","end_date":"2027-01-04","zones":"Zone B"}}]}"#,
        )?;
        let expected = vec![SchoolHoliday {
            zones: vec![Zone::B],
            name: "Vacances de Noël".into(),
            start: d(2026, 12, 19),
            end: d(2027, 1, 4),
        }];
        assert_eq!(parse_json(&plain), Ok(expected.clone()));
        assert_eq!(parse_json(&api), Ok(expected));
        assert_eq!(parse_json(&Value::Null), Err(CalendarProblem::NoHolidays));
        Ok(())
    }
}
