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

/// How a file was handed over by [`share_or_download`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handed {
    /// Through the system share sheet (mail, messaging, drive...).
    Shared,
    /// As a download, to send by hand.
    Downloaded,
    /// The share sheet was closed without sharing.
    Cancelled,
}

/// Offers `content` as a file named `name` through the system share sheet where the device can
/// share files (Web Share API level 2: phones, tablets, some desktops), otherwise as a download.
pub async fn share_or_download(name: &str, mime: &str, content: &str, title: &str) -> Result<Handed, JsValue> {
    let navigator = web_sys::window().ok_or(JsValue::NULL)?.navigator();
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    let file = web_sys::File::new_with_str_sequence_and_options(&parts, name, &options)?;
    let data = web_sys::ShareData::new();
    data.set_files(&js_sys::Array::of1(&file));
    data.set_title(title);
    // `canShare` is missing from browsers without the API: checked before it is called.
    let has_api = js_sys::Reflect::has(&navigator, &JsValue::from_str("canShare")).unwrap_or(false);
    if has_api && navigator.can_share_with_data(&data) {
        return match wasm_bindgen_futures::JsFuture::from(navigator.share_with_data(&data)).await {
            Ok(_) => Ok(Handed::Shared),
            // The person closed the sheet (AbortError): nothing was sent.
            Err(_) => Ok(Handed::Cancelled),
        };
    }
    download(name, mime, content).map(|()| Handed::Downloaded)
}

/// 64 random bits (the browser's `Math.random`, twice: a device tag needs uniqueness, not
/// secrecy).
pub fn random_u64() -> u64 {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64 & 0xffff_ffff;
    (half() << 32) | half()
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
