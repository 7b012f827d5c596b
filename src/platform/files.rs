//! Hands a generated file to the user (download) and opens the browser's print dialog.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `content` as a file named `name` of type `mime`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Opens the print dialog for the current page.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The first file chosen in a file input, with its name and size in bytes.
pub fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<(web_sys::File, String, usize)> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    // A file's size is a whole number of bytes.
    let size = file.size() as usize;
    Some((file, name, size))
}

/// Reads a file as UTF-8 text.
pub async fn read_text(file: &web_sys::File) -> Result<String, JsValue> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await?;
    text.as_string().ok_or(JsValue::NULL)
}
