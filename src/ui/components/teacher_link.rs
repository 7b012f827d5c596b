use crate::ui::state::use_links;
use leptos::prelude::*;
use leptos_router::components::A;

/// The app path of a teacher's page; the id (an e-mail address) is escaped where a path
/// segment needs it.
pub fn teacher_path(id: &str) -> String {
    format!("/gestion/enseignants/{}", escape_segment(id))
}

/// Escapes what a path segment cannot hold as it is (`/ ? # %`, spaces, non-ASCII...); the
/// letters, digits and `-._~@+` of an e-mail address stay readable.
pub fn escape_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~@+".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Reads a path segment escaped by [`escape_segment`] (or by the browser) back.
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

    #[test]
    fn teacher_ids_round_trip_through_a_path_segment() {
        assert_eq!(teacher_path("anne.martin@ac-lyon.fr"), "/gestion/enseignants/anne.martin@ac-lyon.fr");
        for id in ["a/b?c#d%e f", "élodie@ac-lyon.fr", "x%zz", "%"] {
            let escaped = escape_segment(id);
            assert!(!escaped.contains(['/', '?', '#', ' ']), "{escaped}");
            assert_eq!(unescape_segment(&escaped), id);
        }
        assert_eq!(unescape_segment("x%zz"), "x%zz", "a stray % is kept");
    }
}
