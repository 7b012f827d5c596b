//! Helpers shared by the browser test files.

/// Lets effects and the microtask queue run.
pub async fn settle() {
    sleep(20).await;
}

/// Waits `ms` milliseconds (e.g. for a debounced save).
pub async fn sleep(ms: i32) {
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
