use crate::ui::state::use_links;
use leptos::prelude::*;
use leptos_router::components::A;

/// The app path of a teacher's page, its id (an e-mail address) escaped by [`escape_segment`].
pub fn teacher_path(id: &str) -> String {
    format!("/gestion/enseignants/{}", escape_segment(id))
}

/// The app path of a booking at the coordinator's desk (its id holds the teacher's, escaped).
pub fn booking_path(id: &str) -> String {
    format!("/gestion/reservations/{}", escape_segment(id))
}

/// Escapes an id for a path segment that survives two decodings: the static host's (which must
/// not see a file extension, such as `.fr`, or a `/`, or it answers 404 instead of the app) and
/// the router's. Letters, digits and `-_~@+` stay as they are; every other byte, the dots
/// included, is written `%25XX`, which the host reads as `%XX` and [`unescape_segment`] as the
/// byte. `anne.martin@ac-lyon.fr` → `anne%252Emartin@ac-lyon%252Efr`.
pub fn escape_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_~@+".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%25{byte:02X}"));
        }
    }
    out
}

/// Reads back a path segment escaped by [`escape_segment`], as the router gives it (its `%25`
/// already read as `%`).
pub fn unescape_segment(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(value)) => {
                out.push(value);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A link to a teacher's page in the coordinator's workspace, named by the teacher's name.
#[component]
pub fn TeacherLink(
    /// The teacher's id.
    id: String,
    /// The name shown.
    name: String,
) -> impl IntoView {
    let links = use_links();
    view! { <A href=links.to(&teacher_path(&id))>{name}</A> }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the router does first: `decodeURI` reads `%25` as `%`.
    fn router(path: &str) -> String {
        path.replace("%25", "%")
    }

    #[test]
    fn teacher_ids_round_trip_through_a_path_segment() {
        assert_eq!(teacher_path("anne.martin@ac-lyon.fr"), "/gestion/enseignants/anne%252Emartin@ac-lyon%252Efr");
        for id in ["anne.martin@ac-lyon.fr", "a/b?c#d%e f", "élodie@ac-lyon.fr", "x%zz", "%", "a%2Eb"] {
            let escaped = escape_segment(id);
            assert!(!escaped.contains(['/', '?', '#', ' ', '.']), "{escaped}");
            assert!(!router(&escaped).contains(['.', '/']), "the host sees no extension: {escaped}");
            assert_eq!(unescape_segment(&router(&escaped)), id);
        }
    }
}
