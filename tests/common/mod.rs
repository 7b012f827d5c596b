//! Helpers shared by the browser test files. No test waits on a fixed time: it lets the queued
//! effects run (`effects_run`), or waits for a condition it can see (`until`, `save_ran`).

/// Lets the page draw its next frame, then the event loop turn once: the microtasks queued by a
/// signal change or an event (Leptos runs its effects there) and the work the app defers to the
/// next frame (moving focus) have all run when this returns. Not a wait on time.
pub async fn effects_run() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    timeout(0).await;
}

/// A bound on a hang, not an expected duration: a busy machine may take seconds to read a file.
const HANG_LIMIT_MS: f64 = 60_000.0;

/// Waits until `condition` holds, looking again after each turn of the event loop; panics
/// naming `what` if it never does.
pub async fn until(what: &str, condition: impl Fn() -> bool) {
    let started = js_sys::Date::now();
    while !condition() {
        assert!(js_sys::Date::now() - started < HANG_LIMIT_MS, "still waiting for {what}");
        timeout(10).await;
    }
}

/// The app's save signal on the root element: `pending` while a save is scheduled, `done` once
/// the save attempt ran (written, or refused with a notice).
#[allow(dead_code)] // only the storage tests save
pub fn save_signal() -> Option<String> {
    web_sys::window()?.document()?.document_element()?.get_attribute("data-save")
}

/// Forgets the previous test's save signal.
#[allow(dead_code)]
pub fn reset_save_signal() {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.remove_attribute("data-save");
    }
}

/// Waits until the change just made is scheduled for saving, then until that save attempt ran.
#[allow(dead_code)]
pub async fn save_ran() {
    until("a save to be scheduled", || save_signal().as_deref() == Some("pending")).await;
    until("the save to run", || save_signal().as_deref() == Some("done")).await;
}

async fn timeout(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Every key and value of local storage, to compare before and after.
#[allow(dead_code)] // not every test file compares storage
pub fn snapshot() -> Vec<(String, String)> {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let mut all: Vec<(String, String)> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .map(|k| {
            let v = storage.get_item(&k).unwrap().unwrap_or_default();
            (k, v)
        })
        .collect();
    all.sort();
    all
}
