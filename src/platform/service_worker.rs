//! Registration of the offline service worker (`sw.js`, generated at build time), and the
//! consent step before a new version takes over: a waiting worker is only activated when
//! the user asks for it.

use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// How often an open tab asks the server whether a new version exists.
const UPDATE_CHECK_MS: i32 = 30 * 60 * 1000;

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

/// Registers `sw.js` (relative to the document base, so it works under a sub-path) and calls
/// `on_update` whenever a new version is installed and waiting. Does nothing where service
/// workers are unavailable.
pub fn register(on_update: impl Fn(WaitingVersion) + 'static) {
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
        watch_installs(&registration, on_update);
        schedule_update_checks(registration);
    });
}

fn watch_installs(registration: &ServiceWorkerRegistration, on_update: Rc<dyn Fn(WaitingVersion)>) {
    let reg = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg.installing() else { return };
        let worker = installing.clone();
        let on_update = on_update.clone();
        let on_state_change = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && is_controlled() {
                on_update(WaitingVersion(worker.clone()));
            }
        });
        installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
        // The worker object lives as long as the page; so does its handler.
        on_state_change.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
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
