//! Mounts the app; everything else lives in the library crate.

fn main() {
    leptos::mount::mount_to_body(materiotheque::ui::App);
}
