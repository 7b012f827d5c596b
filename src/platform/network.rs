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
