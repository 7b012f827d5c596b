//! What saving needs to know of other tabs and of the page's life: a Web Lock around each save,
//! `storage` events from other tabs, whether this tab is hidden, and the request for
//! persistent storage. Each degrades to a safe default where the browser lacks it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn navigator_field(name: &str) -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

fn method(target: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).ok()?.dyn_into().ok()
}

/// Runs `task` while holding the Web Lock `name`, so that two tabs never save at once; runs it
/// at once where Web Locks are missing (the save's compare-and-set still refuses a stale write).
pub fn with_lock(name: &str, task: impl FnOnce() + 'static) {
    let request = navigator_field("locks").and_then(|locks| Some((method(&locks, "request")?, locks)));
    match request {
        Some((request, locks)) => {
            // The lock is released when the callback returns: the save is synchronous.
            let callback = Closure::once_into_js(move |_lock: JsValue| task());
            // A refused request (an opaque origin) must not lose the save: run it unlocked.
            if let Err(_refused) = request.call2(&locks, &JsValue::from_str(name), &callback) {
                if let Ok(run) = callback.dyn_into::<js_sys::Function>() {
                    let _ = run.call1(&JsValue::NULL, &JsValue::NULL);
                }
            }
        }
        None => task(),
    }
}

/// Calls `on_change` with the key whenever another tab changes local storage (`None` when it
/// cleared everything). Kept for the page's life.
pub fn on_storage_change(on_change: impl Fn(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let key = js_sys::Reflect::get(&event, &JsValue::from_str("key")).ok().and_then(|k| k.as_string());
        on_change(key);
    });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Whether the page is hidden (a background tab, a minimised window).
pub fn is_hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

/// Calls `on_change(hidden)` whenever the page is shown or hidden, and when it is left.
pub fn on_visibility_change(on_change: impl Fn(bool) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        on_change(event.type_() == "pagehide" || is_hidden());
    });
    let _ = document.add_event_listener_with_callback("visibilitychange", listener.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("pagehide", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Asks the browser not to evict this origin's storage under pressure
/// (`navigator.storage.persist()`); the answer does not change what the app does.
pub fn request_persistence() {
    let Some(storage) = navigator_field("storage") else { return };
    if let Some(persist) = method(&storage, "persist") {
        let _ = persist.call0(&storage);
    }
}
