//! The sync engine: the file exchange's messages carried by the sync server (see
//! [`crate::storage::exchange::remote`] for the layout). A WebAssembly chunk of its own in release builds,
//! fetched only in a browser where a server is set.
//!
//! - **A teacher** pushes her requests file to her record when some requests are unsent (the
//!   outbox is the exchange log kept in the pool, so offline requests wait in local storage),
//!   then pulls the public catalogue and her answer: the same adoption rules as the files.
//! - **A coordinator** shares one pool record. Local changes wait in the outbox (kept in local
//!   storage); each is pushed with `If-Match` on the version the browser last read. On 412 the
//!   browser reads the newer pool and plays its outbox again under the rules (the path another
//!   tab's save takes); a change the rules now refuse is explained. Teachers' requests changed
//!   since the last listing are taken in as a change of their own, with the account that wrote
//!   them as their author; answers with news and the public catalogue are written once the
//!   pool is in step with the server.
//! - Polling every few seconds while the page is visible, at once after a change, when the
//!   browser comes back online or the page is shown; backing off on failures, and never
//!   sooner than the server's `Backoff` or `Retry-After` asks.

use crate::domain::change::replay;
use crate::domain::exchange::answer::AnswerError;
use crate::domain::exchange::{publish, unsent_requests};
use crate::domain::{adopt_answer, adopt_catalogue, answers_with_news, Dropped, Pool, PoolChange, PoolState};
use crate::platform::{clock, network, tabs};
use crate::storage::exchange::backup::{backup_file, parse_backup_file};
use crate::storage::exchange::files::{answer_file, catalogue_file, parse_answer_file};
use crate::storage::exchange::files::{parse_catalogue_file, parse_requests_file, requests_file};
use crate::storage::exchange::remote::{normalise_server, poll_delay, record_id, Client, Collection, Credentials};
use crate::storage::exchange::remote::{Http, HttpReply, KEPT_HEADERS};
use crate::storage::exchange::remote::{Precondition, Read, RemoteError, CATALOGUE_RECORD, POOL_RECORD};
use crate::storage::persist::local::LocalStore;
use crate::storage::persist::model::StateRef;
use crate::ui::state::Handles;
use crate::ui::sync::{SyncHandle, SyncProblem, SyncStatus};
use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::cell::RefCell;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Duration;

/// What the engine keeps between visits: the versions it has seen and the coordinator's
/// outbox. Never a credential.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Kept {
    /// The server these versions are of.
    #[serde(default)]
    server: String,
    /// The version of the shared pool this browser's pool is based on.
    #[serde(default)]
    pool_version: Option<u64>,
    /// The newest request record taken in.
    #[serde(default)]
    requests_since: Option<u64>,
    /// The version of the public catalogue adopted.
    #[serde(default)]
    catalogue_version: Option<u64>,
    /// The version of the teacher's answer adopted.
    #[serde(default)]
    answer_version: Option<u64>,
    /// The fingerprint of the public catalogue last published.
    #[serde(default)]
    published: Option<u64>,
    /// The sessions the teacher was enrolled in when her requests were last pushed (an
    /// enrolment alone is news for the coordinator too).
    #[serde(default)]
    enrolments_sent: Vec<String>,
    /// The coordinator's changes the shared pool has not taken yet.
    #[serde(default)]
    outbox: Vec<PoolChange>,
}

/// The browser's `fetch`, as the sync client sends its requests.
#[derive(Clone, Copy, Debug, Default)]
struct Fetch;

impl Http for Fetch {
    async fn request(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Option<HttpReply> {
        let (status, headers, body) = network::request(method, url, headers, body, &KEPT_HEADERS).await.ok()?;
        Some(HttpReply { status, headers, body })
    }
}

/// The sync client, over the browser's `fetch`.
type SyncClient = Client<Fetch>;

#[derive(Default)]
struct Engine {
    client: Option<SyncClient>,
    kept: Kept,
    failures: u32,
    timer: Option<TimeoutHandle>,
    running: bool,
    /// A sync was asked for while one ran.
    again: bool,
    /// A poll fell due while the page was hidden.
    due_when_shown: bool,
    /// Counts sign-ins and sign-outs: a cycle started before one leaves its results.
    generation: u32,
    resumed: bool,
}

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::default());
}

fn with_engine<R>(f: impl FnOnce(&mut Engine) -> R) -> R {
    ENGINE.with(|engine| f(&mut engine.borrow_mut()))
}

/// Why a cycle stopped.
enum Stop {
    Remote(RemoteError),
    Problem(SyncProblem),
}

impl From<RemoteError> for Stop {
    fn from(error: RemoteError) -> Self {
        Stop::Remote(error)
    }
}

fn unreadable(error: impl std::fmt::Display) -> Stop {
    Stop::Problem(SyncProblem::Unreadable(error.to_string()))
}

split_fn! {
    sync_engine;
    /// Starts keeping the outbox and listening for the moments to sync (a server is set). Call
    /// with the app's owner, once.
    fn resume(handles: Handles, sync: SyncHandle, owner: Owner) {
        if with_engine(|e| std::mem::replace(&mut e.resumed, true)) {
            return;
        }
        let kept: Kept = LocalStore::sync_state().and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default();
        handles.pool.set_outbox(Some(kept.outbox.clone()));
        with_engine(|e| e.kept = kept);
        owner.with(|| {
            // Every change: kept at once (a reload offline loses nothing), and pushed soon.
            Effect::new(move |previous: Option<()>| {
                handles.pool.pool.track();
                if previous.is_some() {
                    keep_outbox(handles);
                    let now_waiting = waiting(handles);
                    sync.waiting.set(now_waiting);
                    // A teacher's enrolment is news too: her browser looks at once.
                    if now_waiting > 0 || !handles.role.coordinator.get_untracked() {
                        poke_soon(handles, sync);
                    }
                }
            });
        });
        network::on_online(move || run(handles, sync));
        tabs::on_visibility_change(move |hidden| {
            if !hidden && with_engine(|e| std::mem::take(&mut e.due_when_shown)) {
                run(handles, sync);
            }
        });
    }
}

split_fn! {
    sync_engine;
    /// Checks the credentials with the server, keeps them in memory only, and starts syncing.
    fn sign_in(handles: Handles, sync: SyncHandle, owner: Owner, server: String, account: String, password: String) {
        let Some(server) = normalise_server(&server) else {
            sync.status.set(SyncStatus::Problem(SyncProblem::BadAddress));
            return;
        };
        if account.trim().is_empty() || password.is_empty() {
            sync.status.set(SyncStatus::Problem(SyncProblem::MissingFields));
            return;
        }
        sync.status.set(SyncStatus::Connecting);
        let generation = with_engine(|e| {
            e.generation += 1;
            e.generation
        });
        leptos::task::spawn_local(async move {
            let mut client = Client::new(Fetch, server.clone(), Credentials::new(&account, &password));
            let result = client.sign_in().await;
            if with_engine(|e| e.generation) != generation {
                return;
            }
            match result {
                Ok(account) => {
                    let _ = LocalStore::save_sync_server(Some(&server), Some(&account));
                    sync.server.set(Some(server.clone()));
                    sync.account.set(Some(account));
                    resume_now(handles, sync, owner);
                    with_engine(|e| {
                        if e.kept.server != server {
                            // Versions seen on another server mean nothing here.
                            e.kept = Kept { server, outbox: std::mem::take(&mut e.kept.outbox), ..Kept::default() };
                        }
                        e.client = Some(client);
                        e.failures = 0;
                    });
                    sync.signed_in.set(true);
                    run(handles, sync);
                }
                Err(error) => sync.status.set(status_of(Stop::Remote(error))),
            }
        });
    }
}

split_fn! {
    sync_engine;
    /// Forgets the credentials and stops syncing; changes stay in the outbox.
    fn sign_out(sync: SyncHandle) {
        with_engine(|e| {
            e.client = None;
            e.generation += 1;
            if let Some(timer) = e.timer.take() {
                timer.clear();
            }
        });
        sync.status.set(SyncStatus::SignedOut);
        sync.signed_in.set(false);
    }
}

split_fn! {
    sync_engine;
    /// Syncs now.
    fn sync_now(handles: Handles, sync: SyncHandle) {
        run(handles, sync);
    }
}

fn resume_now(handles: Handles, sync: SyncHandle, owner: Owner) {
    // Already in the chunk: completes at once.
    crate::ui::storage_engine::run_now(resume(handles, sync, owner));
}

/// Writes what the engine keeps, with the outbox as it stands.
fn keep_outbox(handles: Handles) {
    let outbox = handles.pool.with_outbox(|o| o.clone()).flatten().unwrap_or_default();
    let text = with_engine(|e| {
        e.kept.outbox = outbox;
        serde_json::to_string(&e.kept).unwrap_or_default()
    });
    if let Err(error) = LocalStore::save_sync_state(&text) {
        handles.storage.problem.set(Some(crate::ui::saver::problem_of_write(error)));
    }
}

/// A sync shortly after a change (changes made in a burst go together).
fn poke_soon(handles: Handles, sync: SyncHandle) {
    schedule(handles, sync, Duration::from_millis(300));
}

fn schedule(handles: Handles, sync: SyncHandle, delay: Duration) {
    let timer = set_timeout_with_handle(move || run(handles, sync), delay).ok();
    if let Some(old) = with_engine(|e| std::mem::replace(&mut e.timer, timer)) {
        old.clear();
    }
}

/// Runs one sync cycle unless one runs already (then it runs again right after).
fn run(handles: Handles, sync: SyncHandle) {
    if handles.pool.pool.is_disposed() {
        return;
    }
    if tabs::is_hidden() {
        with_engine(|e| e.due_when_shown = true);
        return;
    }
    let started = with_engine(|e| {
        if e.running {
            e.again = true;
            return None;
        }
        let client = e.client.clone()?;
        e.running = true;
        Some((client, e.generation, e.kept.clone()))
    });
    let Some((mut client, generation, mut kept)) = started else { return };
    leptos::task::spawn_local(async move {
        let coordinator = handles.role.coordinator.get_untracked();
        let result = if coordinator {
            coordinator_cycle(&mut client, handles, sync, &mut kept).await
        } else {
            teacher_cycle(&mut client, handles, &mut kept).await
        };
        let (current, again) = with_engine(|e| {
            e.running = false;
            (e.generation == generation, std::mem::take(&mut e.again))
        });
        if !current || handles.pool.pool.is_disposed() {
            return;
        }
        let waiting = waiting(handles);
        let failures = with_engine(|e| {
            e.kept = Kept { outbox: Vec::new(), ..kept };
            match &result {
                Ok(()) => e.failures = 0,
                Err(Stop::Remote(RemoteError::SignInRefused)) => {
                    e.client = None;
                    sync.signed_in.set(false);
                }
                Err(_) => e.failures += 1,
            }
            e.failures
        });
        keep_outbox(handles);
        sync.waiting.set(waiting);
        sync.status.set(match result {
            Ok(()) => SyncStatus::Synced { at: clock::now() },
            Err(stop) => status_of(stop),
        });
        let seconds = if again { 0 } else { poll_delay(failures, client.wait) };
        schedule(handles, sync, Duration::from_secs(u64::from(seconds)));
    });
}

fn status_of(stop: Stop) -> SyncStatus {
    SyncStatus::Problem(match stop {
        Stop::Remote(RemoteError::Unreachable) => return SyncStatus::Offline,
        Stop::Remote(RemoteError::SignInRefused) => SyncProblem::SignInRefused,
        Stop::Remote(RemoteError::Forbidden) => SyncProblem::NotAllowed,
        // Another write won every retry of this cycle: the next one tries again.
        Stop::Remote(RemoteError::Conflict) => SyncProblem::Server(412),
        Stop::Remote(RemoteError::Server(status)) => SyncProblem::Server(status),
        Stop::Remote(RemoteError::Unreadable(detail)) => SyncProblem::Unreadable(detail),
        Stop::Problem(problem) => problem,
    })
}

/// Changes not yet on the server: the coordinator's outbox, or the teacher's unsent requests.
fn waiting(handles: Handles) -> usize {
    if handles.role.coordinator.get_untracked() {
        return handles.pool.with_outbox(|o| o.as_ref().map_or(0, Vec::len)).unwrap_or(0);
    }
    let Some(me) = handles.profile.teacher.get_untracked() else { return 0 };
    handles.pool.pool.with_untracked(|p| unsent_requests(p.state(), &me.id).len())
}

/// The sessions `teacher` is enrolled in, in this browser.
fn enrolments_of(handles: Handles, teacher: &str) -> Vec<String> {
    handles
        .pool
        .pool
        .with_untracked(|p| crate::domain::exchange::enrolled_in(p.state(), teacher).map(str::to_owned).collect())
}

fn unsent_ids(handles: Handles, teacher: &str) -> Vec<String> {
    handles.pool.pool.with_untracked(|p| unsent_requests(p.state(), teacher).iter().map(|b| b.id.clone()).collect())
}

async fn teacher_cycle(client: &mut SyncClient, handles: Handles, kept: &mut Kept) -> Result<(), Stop> {
    let Some(me) = handles.profile.teacher.get_untracked() else {
        return Err(Stop::Problem(SyncProblem::NoProfile));
    };
    if me.id != client.account() {
        let mismatch = SyncProblem::AccountMismatch { account: client.account().to_owned(), profile: me.id };
        return Err(Stop::Problem(mismatch));
    }
    let record = record_id(&me.id);
    // Push: the requests file, as it stands, when some requests have not left this browser or
    // her enrolments changed since the last push.
    let unsent = unsent_ids(handles, &me.id);
    let enrolments = enrolments_of(handles, &me.id);
    if !unsent.is_empty() || enrolments != kept.enrolments_sent {
        let text = handles.pool.pool.with_untracked(|p| requests_file(p.state(), &me, clock::now()));
        let data = json!({ "teacher": me.id, "file": text });
        client.write(Collection::Requests, &record, data, None, Precondition::None).await?;
        // Marked sent only if nothing was booked meanwhile (else pushed again next time).
        if unsent_ids(handles, &me.id) == unsent {
            let _ = handles.pool.apply(PoolChange::RequestsSent { teacher: me.id.clone() });
        }
        kept.enrolments_sent = enrolments;
    }
    // Pull the public catalogue, then her answer: the same adoption as the files.
    if let Read::Found(found) = client.read(Collection::Catalogue, CATALOGUE_RECORD, kept.catalogue_version).await? {
        let public = parse_catalogue_file(found.text("file")?).map_err(unreadable)?;
        let adopted = handles.pool.pool.with_untracked(|p| adopt_catalogue(p.state(), public));
        show(handles, adopted.state);
        kept.catalogue_version = Some(found.version);
    }
    let answer = match client.read(Collection::Answers, &record, kept.answer_version).await {
        // No answer yet: the server does not say whether a record it would not show exists.
        Err(RemoteError::Forbidden) => Read::Missing,
        other => other?,
    };
    if let Read::Found(found) = answer {
        let answer = parse_answer_file(found.text("file")?).map_err(unreadable)?;
        let adopted = handles.pool.pool.with_untracked(|p| adopt_answer(p.state(), answer, Some(&me.id)));
        match adopted {
            Ok((adopted, _report)) => show(handles, adopted.state),
            // Already taken in (from a file, or an earlier visit): nothing newer.
            Err(AnswerError::Older { .. }) => {}
            Err(error) => return Err(unreadable(format!("{error:?}"))),
        }
        kept.answer_version = Some(found.version);
    }
    Ok(())
}

/// Shows an adopted state when it differs (a change to save, not one to push).
fn show(handles: Handles, state: PoolState) {
    if handles.pool.pool.with_untracked(|p| *p.state() != state) {
        let minter = handles.pool.pool.with_untracked(|p| p.state().minter.clone());
        let mut pool = Pool::new(state);
        if let Some(minter) = minter {
            pool.set_minter(minter);
        }
        handles.pool.show_synced(pool);
    }
}

/// Most pushes of the shared pool tried in one cycle when other coordinators keep writing first.
const PUSH_ATTEMPTS: usize = 6;

async fn coordinator_cycle(
    client: &mut SyncClient,
    handles: Handles,
    sync: SyncHandle,
    kept: &mut Kept,
) -> Result<(), Stop> {
    pull_pool(client, handles, sync, kept, kept.pool_version).await?;
    let newest_request = take_in_requests(client, handles, sync, kept).await?;
    push_pool(client, handles, sync, kept).await?;
    if newest_request.is_some() {
        kept.requests_since = newest_request;
    }
    // In step with the server from here: what leaves is what the shared pool holds.
    if write_answers(client, handles, kept).await? {
        push_pool(client, handles, sync, kept).await?;
    }
    publish_catalogue(client, handles, kept).await
}

/// Reads the shared pool unless still at `known`; plays the outbox again on a newer one.
async fn pull_pool(
    client: &mut SyncClient,
    handles: Handles,
    sync: SyncHandle,
    kept: &mut Kept,
    known: Option<u64>,
) -> Result<(), Stop> {
    let found = match client.read(Collection::Pool, POOL_RECORD, known).await? {
        Read::Found(found) => found,
        Read::Unchanged => return Ok(()),
        Read::Missing => {
            // The first coordinator: this browser's pool becomes the shared one.
            kept.pool_version = None;
            return Ok(());
        }
    };
    let stored = parse_backup_file(found.text("document")?).map_err(unreadable)?;
    let Some(state) = stored.pool else { return Err(unreadable("pool")) };
    let minter = handles.pool.pool.with_untracked(|p| p.state().minter.clone());
    let mut pool = Pool::new(state);
    if let Some(minter) = minter {
        pool.set_minter(minter);
    }
    let mut outbox = handles.pool.with_outbox(|o| o.take()).flatten().unwrap_or_default();
    let dropped = replay(&mut pool, &mut outbox);
    handles.pool.with_outbox(|o| *o = Some(outbox));
    handles.pool.show_synced(pool);
    kept.pool_version = Some(found.version);
    report(sync, dropped);
    Ok(())
}

fn report(sync: SyncHandle, dropped: Vec<Dropped>) {
    if !dropped.is_empty() {
        sync.refused.update(|refused| refused.extend(dropped));
    }
}

/// Takes in the teachers' requests written since the last listing, each with the account the
/// server says wrote it (its history); returns the newest version seen (kept once the pool
/// holding them is pushed).
async fn take_in_requests(
    client: &mut SyncClient,
    handles: Handles,
    sync: SyncHandle,
    kept: &Kept,
) -> Result<Option<u64>, Stop> {
    let writes = client.writes(Collection::Requests, kept.requests_since).await?;
    let mut newest = None;
    for write in writes {
        newest = newest.max(Some(write.version));
        // A write that is not a requests file is not a request: nothing to take in.
        let Ok(requests) = write.text("file").map_err(|_| ()).and_then(|t| parse_requests_file(t).map_err(|_| ()))
        else {
            continue;
        };
        let (requests, author, at) = (Box::new(requests), write.author, clock::now());
        let change = PoolChange::TakeInRequests { requests: requests.clone(), author: author.clone(), at };
        // The variant named where `apply` is inlined: only the take-in's rules come along.
        if let Err(error) = handles.pool.apply(PoolChange::TakeInRequests { requests, author, at }) {
            report(sync, vec![Dropped { change, error }]);
        }
    }
    Ok(newest)
}

/// Pushes the pool while the outbox holds changes, under `If-Match`; on 412 reads the newer
/// pool, plays the outbox again and retries.
async fn push_pool(client: &mut SyncClient, handles: Handles, sync: SyncHandle, kept: &mut Kept) -> Result<(), Stop> {
    for _ in 0..PUSH_ATTEMPTS {
        let outbox_len = handles.pool.with_outbox(|o| o.as_ref().map_or(0, Vec::len)).unwrap_or(0);
        if outbox_len == 0 && kept.pool_version.is_some() {
            return Ok(());
        }
        let document = handles.pool.pool.with_untracked(|p| {
            backup_file(StateRef { profile: None, plan: None, pool: Some(p.state()) }, clock::now())
        });
        let precondition = kept.pool_version.map_or(Precondition::Absent, Precondition::Version);
        match client.write(Collection::Pool, POOL_RECORD, json!({ "document": document }), None, precondition).await {
            Ok(version) => {
                kept.pool_version = Some(version);
                // What was made during the push stays for the next one.
                handles.pool.with_outbox(|o| {
                    if let Some(o) = o {
                        o.drain(..outbox_len.min(o.len()));
                    }
                });
                keep_outbox(handles);
                if handles.pool.with_outbox(|o| o.as_ref().map_or(0, Vec::len)).unwrap_or(0) == 0 {
                    return Ok(());
                }
            }
            // Another coordinator wrote first (412), or PostgreSQL refused to serialise two
            // writes (503, 500 at commit, 409 for two writes in one millisecond): nothing was
            // written; read the newer pool, play the outbox again, retry.
            Err(RemoteError::Conflict | RemoteError::Server(409 | 500 | 503)) => {
                pull_pool(client, handles, sync, kept, None).await?
            }
            Err(error) => return Err(error.into()),
        }
    }
    Err(Stop::Remote(RemoteError::Conflict))
}

/// Writes each answer with news, unless another coordinator wrote one from a newer pool;
/// records them as sent. Whether any was written.
async fn write_answers(client: &mut SyncClient, handles: Handles, kept: &Kept) -> Result<bool, Stop> {
    let Some(pool_version) = kept.pool_version else { return Ok(false) };
    let now = clock::now();
    let news = handles.pool.pool.with_untracked(|p| answers_with_news(p.state(), now));
    let mut sent = Vec::new();
    for (answer, fingerprint) in news {
        let record = record_id(&answer.teacher.id);
        let precondition = match client.read(Collection::Answers, &record, None).await? {
            Read::Found(found) if found.number("pool_version") > pool_version => continue,
            Read::Found(found) => Precondition::Version(found.version),
            _ => Precondition::Absent,
        };
        let data =
            json!({ "teacher": answer.teacher.id, "file": answer_file(&answer, now), "pool_version": pool_version });
        match client.write(Collection::Answers, &record, data, Some(&answer.teacher.id), precondition).await {
            Ok(_) => sent.push((answer.teacher.id.clone(), fingerprint)),
            // Another coordinator wrote it meanwhile: the next cycle decides again.
            Err(RemoteError::Conflict) => {}
            Err(error) => return Err(error.into()),
        }
    }
    if sent.is_empty() {
        return Ok(false);
    }
    let _ = handles.pool.apply(PoolChange::AnswersSent(sent));
    Ok(true)
}

/// Publishes the public catalogue when it changed, unless a newer pool's is there already.
async fn publish_catalogue(client: &mut SyncClient, handles: Handles, kept: &mut Kept) -> Result<(), Stop> {
    let Some(pool_version) = kept.pool_version else { return Ok(()) };
    let public = handles.pool.pool.with_untracked(|p| serde_json::to_string(&publish(p.state())).unwrap_or_default());
    let mut hasher = DefaultHasher::new();
    public.hash(&mut hasher);
    let fingerprint = hasher.finish();
    if kept.published == Some(fingerprint) {
        return Ok(());
    }
    let precondition = match client.read(Collection::Catalogue, CATALOGUE_RECORD, None).await? {
        Read::Found(found) if found.number("pool_version") > pool_version => return Ok(()),
        Read::Found(found) => Precondition::Version(found.version),
        _ => Precondition::Absent,
    };
    let text = handles.pool.pool.with_untracked(|p| catalogue_file(p.state(), clock::now()));
    let data = json!({ "file": text, "pool_version": pool_version });
    match client.write(Collection::Catalogue, CATALOGUE_RECORD, data, None, precondition).await {
        Ok(_) => kept.published = Some(fingerprint),
        Err(RemoteError::Conflict) => {}
        Err(error) => return Err(error.into()),
    }
    Ok(())
}
