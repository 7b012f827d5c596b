//! Fetching a text file beside the app (the published `catalogue.json`), without a web-sys
//! feature per type: `fetch` and `Response` are reached by name.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let function: js_sys::Function = js_sys::Reflect::get(target, &JsValue::from_str(name)).ok()?.dyn_into().ok()?;
    let args: js_sys::Array = args.iter().collect();
    function.apply(target, &args).ok()
}

/// Whether the browser says it is online.
pub fn online() -> bool {
    web_sys::window().is_some_and(|w| w.navigator().on_line())
}

/// The text at `url` (relative to the document's base), asking the server again rather than a
/// cache; `None` when offline, missing or refused.
pub async fn fetch_text(url: &str) -> Option<String> {
    let window: JsValue = web_sys::window()?.into();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"cache".into(), &"no-cache".into()).ok()?;
    let promise: js_sys::Promise = call(&window, "fetch", &[url.into(), options.into()])?.dyn_into().ok()?;
    let response = JsFuture::from(promise).await.ok()?;
    let ok = js_sys::Reflect::get(&response, &"ok".into()).ok()?.as_bool()?;
    if !ok {
        return None;
    }
    let text: js_sys::Promise = call(&response, "text", &[])?.dyn_into().ok()?;
    JsFuture::from(text).await.ok()?.as_string()
}

/// The server could not be reached (offline, refused, or no answer within the time limit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unreachable;

/// How long a request may take before it counts as unreachable.
const REQUEST_TIMEOUT_MS: u32 = 15_000;

/// Sends one HTTP request, bypassing every cache: the status, the headers named in `keep`
/// (lower-case names) that the answer has, and the body; `Err` when no answer came.
pub async fn request(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
    keep: &[&'static str],
) -> Result<(u16, Vec<(&'static str, String)>, String), Unreachable> {
    let window: JsValue = web_sys::window().ok_or(Unreachable)?.into();
    let set =
        |target: &JsValue, key: &str, value: JsValue| js_sys::Reflect::set(target, &key.into(), &value).map(|_| ());
    let options = js_sys::Object::new();
    let header_map = js_sys::Object::new();
    for (name, value) in headers {
        set(&header_map, name, (*value).into()).map_err(|_| Unreachable)?;
    }
    set(&options, "method", method.into()).map_err(|_| Unreachable)?;
    set(&options, "headers", header_map.into()).map_err(|_| Unreachable)?;
    set(&options, "cache", "no-store".into()).map_err(|_| Unreachable)?;
    if let Some(body) = body {
        set(&options, "body", body.into()).map_err(|_| Unreachable)?;
    }
    // A server that accepts the connection and never answers must not stall syncing.
    let abort = js_sys::Reflect::get(&window, &"AbortSignal".into()).ok();
    if let Some(signal) = abort.and_then(|a| call(&a, "timeout", &[REQUEST_TIMEOUT_MS.into()])) {
        set(&options, "signal", signal).map_err(|_| Unreachable)?;
    }
    let promise: js_sys::Promise = call(&window, "fetch", &[url.into(), options.into()])
        .ok_or(Unreachable)?
        .dyn_into()
        .map_err(|_| Unreachable)?;
    let response = JsFuture::from(promise).await.map_err(|_| Unreachable)?;
    let status =
        js_sys::Reflect::get(&response, &"status".into()).ok().and_then(|s| s.as_f64()).ok_or(Unreachable)? as u16;
    let response_headers = js_sys::Reflect::get(&response, &"headers".into()).map_err(|_| Unreachable)?;
    let mut kept = Vec::new();
    for &name in keep {
        if let Some(value) = call(&response_headers, "get", &[name.into()]).and_then(|v| v.as_string()) {
            kept.push((name, value));
        }
    }
    let text: js_sys::Promise = call(&response, "text", &[]).ok_or(Unreachable)?.dyn_into().map_err(|_| Unreachable)?;
    let body = JsFuture::from(text).await.map_err(|_| Unreachable)?.as_string().unwrap_or_default();
    Ok((status, kept, body))
}

/// Calls `listener` each time the browser goes back online.
pub fn on_online(listener: impl Fn() + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else { return };
    let closure = Closure::<dyn Fn()>::new(listener);
    let _ = window.add_event_listener_with_callback("online", closure.as_ref().unchecked_ref());
    closure.forget();
}
