//! iCalendar export (RFC 5545) of bookings, so a teacher can put a loan period in their own
//! calendar. Each booking is an all-day event; the text is built by hand (no dependency) and is
//! pure: the caller passes the time stamp.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, Timelike};

/// The longest content line, in octets, before folding (RFC 5545 section 3.1).
const MAX_LINE_OCTETS: usize = 75;

/// One booking as a calendar event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsEvent {
    /// Globally unique and stable across exports, e.g. `<booking id>@materiotheque`, so a calendar
    /// re-importing the file updates the event instead of duplicating it.
    pub uid: String,
    /// First day of the loan.
    pub start: NaiveDate,
    /// Last day of the loan, inclusive.
    pub end_inclusive: NaiveDate,
    /// Event title.
    pub summary: String,
    /// Event details (may span several lines).
    pub description: String,
    /// Where the equipment is, if known.
    pub location: Option<String>,
}

/// An iCalendar file holding `events`, stamped (`DTSTAMP`) with `stamp`, a UTC date and time.
/// Lines end with CRLF and are folded at 75 octets; text values are escaped.
pub fn calendar(events: &[IcsEvent], stamp: NaiveDateTime) -> String {
    let mut out = String::new();
    let mut line = |text: &str| push_folded(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(concat!("PRODID:-//Materiotheque//Materiotheque ", env!("CARGO_PKG_VERSION"), "//FR"));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    let stamp = format_stamp(stamp);
    for event in events {
        // All-day events end on the day after the last day (DTEND is exclusive).
        let end = event.end_inclusive.checked_add_days(Days::new(1)).unwrap_or(event.end_inclusive);
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape_text(&event.uid)));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("DTSTART;VALUE=DATE:{}", format_date(event.start)));
        line(&format!("DTEND;VALUE=DATE:{}", format_date(end)));
        line(&format!("SUMMARY:{}", escape_text(&event.summary)));
        line(&format!("DESCRIPTION:{}", escape_text(&event.description)));
        if let Some(location) = &event.location {
            line(&format!("LOCATION:{}", escape_text(location)));
        }
        // A loan does not make the teacher busy.
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// `YYYYMMDD`, the iCalendar DATE form.
fn format_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// `YYYYMMDDTHHMMSSZ`, the iCalendar UTC DATE-TIME form.
fn format_stamp(stamp: NaiveDateTime) -> String {
    format!("{}T{:02}{:02}{:02}Z", format_date(stamp.date()), stamp.hour(), stamp.minute(), stamp.second())
}

/// Escapes a TEXT value: backslash, semicolon, comma, and line breaks as `\n`.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                // CRLF is one line break.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so no physical line exceeds 75 octets, never inside a UTF-8
/// character; continuation lines start with one space, which counts in their 75 octets.
fn push_folded(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::{at, d as ymd};

    fn stamp() -> NaiveDateTime {
        at(2026, 11, 23, 8, 5).with_second(9).unwrap_or_default()
    }

    fn event() -> IcsEvent {
        IcsEvent {
            uid: "b-0042@materiotheque".into(),
            start: ymd(2027, 1, 5),
            end_inclusive: ymd(2027, 1, 29),
            summary: "Prêt : Robot Thymio II (16)".into(),
            description: "École Jules-Ferry, classe de CM1".into(),
            location: Some("Salle 3; bâtiment B".into()),
        }
    }

    /// Undoes folding (RFC 5545 3.1): a CRLF followed by one space or tab is removed.
    fn unfold(text: &str) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for physical in text.split("\r\n") {
            if let Some(rest) = physical.strip_prefix([' ', '\t']) {
                lines.last_mut().expect("a continuation follows a line").push_str(rest);
            } else if !physical.is_empty() {
                lines.push(physical.to_owned());
            }
        }
        lines
    }

    /// Undoes TEXT escaping.
    fn unescape(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => out.push('\\'),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    /// The unescaped value of the first property named `name` (parameters ignored).
    fn property(lines: &[String], name: &str) -> Option<String> {
        lines.iter().find_map(|l| {
            let (head, value) = l.split_once(':')?;
            (head.split(';').next() == Some(name)).then(|| unescape(value))
        })
    }

    #[test]
    fn the_calendar_has_the_required_header_and_one_event_per_booking() {
        let mut second = event();
        second.uid = "b-0043@materiotheque".into();
        let text = calendar(&[event(), second], stamp());
        let lines = unfold(&text);
        assert_eq!(
            &lines[..5],
            ["BEGIN:VCALENDAR", "VERSION:2.0", lines[2].as_str(), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        );
        assert!(lines[2].starts_with("PRODID:-//Materiotheque//"));
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 2);
        assert_eq!(lines.iter().filter(|l| *l == "END:VEVENT").count(), 2);
        assert!(lines.contains(&"UID:b-0042@materiotheque".to_owned()));
        assert!(lines.contains(&"UID:b-0043@materiotheque".to_owned()));
    }

    #[test]
    fn events_are_all_day_with_an_exclusive_end_and_a_utc_stamp() {
        let text = calendar(&[event()], stamp());
        let lines = unfold(&text);
        assert!(lines.contains(&"DTSTAMP:20261123T080509Z".to_owned()));
        assert!(lines.contains(&"DTSTART;VALUE=DATE:20270105".to_owned()));
        assert!(lines.contains(&"DTEND;VALUE=DATE:20270130".to_owned()), "the day after the last day");
        // A one-day loan ends the next day; the end crosses months and years correctly.
        let mut one_day = event();
        one_day.start = ymd(2026, 12, 31);
        one_day.end_inclusive = ymd(2026, 12, 31);
        let lines = unfold(&calendar(&[one_day], stamp()));
        assert!(lines.contains(&"DTSTART;VALUE=DATE:20261231".to_owned()));
        assert!(lines.contains(&"DTEND;VALUE=DATE:20270101".to_owned()));
    }

    #[test]
    fn every_line_ends_with_crlf_and_no_bare_line_feed_remains() {
        let mut e = event();
        e.description = "ligne 1\nligne 2\r\nligne 3\rfin".into();
        let text = calendar(&[e], stamp());
        assert!(text.ends_with("\r\n"));
        assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
        assert_eq!(text.matches('\r').count(), text.matches("\r\n").count());
        assert!(text.contains("DESCRIPTION:ligne 1\\nligne 2\\nligne 3\\nfin\r\n"));
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape_text("x\ny"), r"x\ny");
        let text = calendar(&[event()], stamp());
        assert!(text.contains("LOCATION:Salle 3\\; bâtiment B\r\n"));
        assert!(text.contains("DESCRIPTION:École Jules-Ferry\\, classe de CM1\r\n"));
    }

    #[test]
    fn the_location_is_optional() {
        let mut e = event();
        e.location = None;
        assert!(!calendar(&[e], stamp()).contains("LOCATION"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut e = event();
        // 'é' is two octets; the prefix puts one across the 75-octet boundary.
        e.description = format!("{}{}", "a".repeat(63), "é".repeat(80));
        let text = calendar(&[e.clone()], stamp());
        for physical in text.split("\r\n") {
            assert!(physical.len() <= MAX_LINE_OCTETS, "{} octets: {physical:?}", physical.len());
        }
        // "DESCRIPTION:" (12) + 63 'a' = 75: the first 'é' must start the continuation line.
        let mut lines = text.split("\r\n").skip_while(|l| !l.starts_with("DESCRIPTION:"));
        assert_eq!(lines.next().map(str::len), Some(75));
        assert!(lines.next().is_some_and(|next| next.starts_with(" é")));
        // With one more ASCII octet the boundary falls inside an 'é', which moves whole.
        e.description = format!("{}{}", "a".repeat(62), "é".repeat(80));
        let text = calendar(&[e.clone()], stamp());
        let folded = text.split("\r\n").find(|l| l.starts_with("DESCRIPTION:")).map(str::len);
        assert_eq!(folded, Some(74), "the 'é' that would straddle octet 75 moves to the next line");
        assert_eq!(property(&unfold(&text), "DESCRIPTION").as_deref(), Some(e.description.as_str()));
    }

    #[test]
    fn a_long_french_description_round_trips_through_folding_and_escaping() {
        let mut e = event();
        e.summary = "Prêt de matériel : « Classe mobile de 16 tablettes » pour l'école élémentaire".into();
        e.description = "Projet « Découvrir la programmation » ; période du mardi 5 janvier au vendredi 29 \
                         janvier 2027.\nMatériel : robots, tablettes, câbles, chargeurs — à rendre complets.\n\
                         Référent : M. Dupré, directeur (école Jules-Ferry, Villeneuve-d'Ascq)."
            .into();
        e.location = Some("École élémentaire Jules-Ferry, 12 rue des Écoles".into());
        let text = calendar(&[e.clone()], stamp());
        let physical: Vec<&str> = text.split("\r\n").collect();
        assert!(physical.iter().filter(|l| l.starts_with(' ')).count() >= 3, "long values are folded");
        assert!(physical.iter().all(|l| l.len() <= MAX_LINE_OCTETS));
        let lines = unfold(&text);
        assert_eq!(property(&lines, "SUMMARY").as_deref(), Some(e.summary.as_str()));
        assert_eq!(property(&lines, "DESCRIPTION").as_deref(), Some(e.description.as_str()));
        assert_eq!(property(&lines, "LOCATION").as_deref(), e.location.as_deref());
        assert_eq!(property(&lines, "UID").as_deref(), Some(e.uid.as_str()));
    }
}
