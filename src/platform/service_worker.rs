//! Registration of the offline service worker (`sw.js`, generated at build time), and the
//! consent step before a new version takes over: a waiting worker is only activated when
//! the user asks for it.
//!
//! The worker is registered once the app is idle: its install precaches the whole build, which
//! on a first visit would otherwise share the network with the first screen. Once a worker
//! controls the page (the build is cached), the root element says so: `data-offline="ready"`.

use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// How often an open tab asks the server whether a new version exists.
const UPDATE_CHECK_MS: i32 = 30 * 60 * 1000;

/// The longest registration waits for an idle moment (a page that keeps the browser busy still
/// gets its offline copy).
const IDLE_TIMEOUT_MS: u32 = 5_000;

/// A newer version of the app, installed and waiting for the user's consent.
#[derive(Clone, Debug)]
pub struct WaitingVersion(ServiceWorker);

impl WaitingVersion {
    /// Activates the new version, then reloads the page once it controls it.
    pub fn activate(&self) {
        if let Some(container) = container() {
            let reload = Closure::once_into_js(|| {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            });
            let _ = container.add_event_listener_with_callback("controllerchange", reload.unchecked_ref());
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
        let _ = self.0.post_message(&message);
    }
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent in insecure contexts (plain http other than localhost): the app then runs online only.
    let present = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

fn is_controlled() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// Runs `then` once a service worker controls the page: now if one does, else when one takes
/// control (the first visit's worker claims the page once installed). Where service workers
/// are unavailable, runs it now.
pub fn when_controlled(then: impl FnOnce() + 'static) {
    let Some(container) = container() else {
        then();
        return;
    };
    if container.controller().is_some() {
        then();
        return;
    }
    let once = Closure::once_into_js(then);
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = container.add_event_listener_with_callback_and_add_event_listener_options(
        "controllerchange",
        once.unchecked_ref(),
        &options,
    );
}

/// Registers the worker (see [`register`]) once the first screen is drawn and the browser is
/// idle: after the current task (the one that mounts the app), at the next idle moment.
pub fn register_when_idle(on_update: impl Fn(WaitingVersion) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let register_now = Closure::once_into_js(move || register(on_update));
    let after_mount = Closure::once_into_js(move || when_idle(&register_now));
    let _ = window.set_timeout_with_callback(after_mount.unchecked_ref());
}

/// Calls `callback` at the browser's next idle moment (`requestIdleCallback`, at most
/// [`IDLE_TIMEOUT_MS`] away), or in the next task where that is missing (Safari).
fn when_idle(callback: &JsValue) {
    let Some(window) = web_sys::window() else { return };
    let request = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match request {
        Some(request) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &IDLE_TIMEOUT_MS.into());
            let _ = request.call2(&window, callback, &options);
        }
        None => {
            let _ = window.set_timeout_with_callback(callback.unchecked_ref());
        }
    }
}

/// Registers `sw.js` (relative to the document base, so it works under a sub-path) and calls
/// `on_update` whenever a new version is installed and waiting. Does nothing where service
/// workers are unavailable.
fn register(on_update: impl Fn(WaitingVersion) + 'static) {
    let Some(container) = container() else { return };
    let on_update: Rc<dyn Fn(WaitingVersion)> = Rc::new(on_update);
    let promise = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(promise).await else { return };
        // Checked, not assumed: where workers are blocked (a browser policy, an automation
        // setting) the promise can resolve without a registration.
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else { return };
        // Only an update is worth announcing: the first install has no previous version.
        if let Some(waiting) = registration.waiting() {
            if is_controlled() {
                on_update(WaitingVersion(waiting));
            }
        }
        // The browser looks for a new version on every navigation, so one may be installing
        // before this registration (made when idle) had a chance to watch for it.
        if let Some(installing) = registration.installing() {
            watch_worker(installing, on_update.clone());
        }
        watch_installs(&registration, on_update);
        schedule_update_checks(registration);
        when_controlled(mark_offline_ready);
    });
}

/// Says on the root element that a worker controls the page, so the build is cached and the
/// app works offline (a worker is only activated once its install cached every file): a
/// signal for tests and tools.
fn mark_offline_ready() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("data-offline", "ready");
    }
}

fn watch_installs(registration: &ServiceWorkerRegistration, on_update: Rc<dyn Fn(WaitingVersion)>) {
    let reg = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        if let Some(installing) = reg.installing() {
            watch_worker(installing, on_update.clone());
        }
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

/// Announces `installing` once it is installed and waiting, if it is an update.
fn watch_worker(installing: ServiceWorker, on_update: Rc<dyn Fn(WaitingVersion)>) {
    let worker = installing.clone();
    let on_state_change = Closure::<dyn FnMut()>::new(move || {
        if worker.state() == ServiceWorkerState::Installed && is_controlled() {
            on_update(WaitingVersion(worker.clone()));
        }
    });
    // One handler a worker (a property, not a listener): watching it twice is harmless.
    installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
    // The worker object lives as long as the page; so does its handler.
    on_state_change.forget();
}

fn schedule_update_checks(registration: ServiceWorkerRegistration) {
    let Some(window) = web_sys::window() else { return };
    let check = Closure::<dyn FnMut()>::new(move || {
        let _ = registration.update();
    });
    let _ =
        window.set_interval_with_callback_and_timeout_and_arguments_0(check.as_ref().unchecked_ref(), UPDATE_CHECK_MS);
    check.forget();
}
