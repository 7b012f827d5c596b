//! The few document-level effects the app has: page title, `<html lang>`, base path, focus.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Sets the `lang` attribute of `<html>`, so screen readers pronounce the right language.
pub fn set_lang(code: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
}

/// Says on the root element whether changes wait to be saved (`data-save="pending"`) or all
/// are saved (`"done"`): a signal for tests and tools, which then wait on it rather than on time.
pub fn mark_saving(pending: bool) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-save", if pending { "pending" } else { "done" });
    }
}

/// Says on the root element whether the page shown is complete (`data-page="ready"`) or its
/// code is still being fetched and compiled (`"loading"`): a lazily loaded page can take many
/// seconds on a busy machine, and tests and tools wait on this instead of on a fixed time.
pub fn mark_page_ready(ready: bool) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-page", if ready { "ready" } else { "loading" });
    }
}

/// Sets the window title.
pub fn set_title(title: &str) {
    if let Some(doc) = document() {
        doc.set_title(title);
    }
}

/// The path the app is deployed under, without trailing slash: `""` at the root, `/pret`
/// under a sub-path. Read from `<base href>`, which the build writes from `--public-url`.
pub fn base_path() -> String {
    let base_uri = document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    base_path_of(&base_uri)
}

/// The path part of a base URI, without trailing slash.
pub fn base_path_of(base_uri: &str) -> String {
    let without_scheme = base_uri.split_once("://").map_or(base_uri, |(_, rest)| rest);
    let path = without_scheme.find('/').map_or("", |i| &without_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    // The base is a directory: drop a file name after the last slash.
    let dir = path.rfind('/').map_or("", |i| &path[..i]);
    dir.to_owned()
}

/// Moves keyboard focus to the element with this id (it needs `tabindex="-1"` if not focusable).
pub fn focus_by_id(id: &str) {
    if let Some(el) =
        document().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
        el.scroll_into_view();
    }
}

/// Moves keyboard focus to the page's main heading (`main h1`), as a screen reader announces
/// a new page; the heading takes `tabindex="-1"` to be focusable.
pub fn focus_main_heading() {
    let heading = document()
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h1) = heading {
        if !h1.has_attribute("tabindex") {
            let _ = h1.set_attribute("tabindex", "-1");
        }
        let _ = h1.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::base_path_of;

    #[test]
    fn base_path_is_the_directory_of_the_base_uri() {
        assert_eq!(base_path_of("http://127.0.0.1:8080/"), "");
        assert_eq!(base_path_of("https://host/pret/"), "/pret");
        assert_eq!(base_path_of("https://host/pret/index.html"), "/pret");
        assert_eq!(base_path_of("https://host/a/b/"), "/a/b");
        assert_eq!(base_path_of(""), "");
    }
}

/// Reloads the page.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
