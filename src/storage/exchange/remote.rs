//! The sync client: the messages of the file exchange, carried by a Kinto server instead of
//! files. Kinto stores JSON records in collections of a bucket, with per-record permissions; the
//! layout (`scripts/sync_layout.py`) is:
//!
//! | collection  | records                                     | who reads / writes               |
//! |-------------|---------------------------------------------|----------------------------------|
//! | `catalogue` | `public`: the public catalogue file          | every account / coordinators     |
//! | `requests`  | one per teacher: her requests file           | coordinators / that teacher      |
//! | `answers`   | one per teacher: her answer file             | that teacher, coordinators       |
//! | `pool`      | `pool`: the coordinators' pool (backup file) | coordinators                     |
//!
//! Teachers' requests are read from the bucket's history (Kinto's history plugin), which names
//! the signed-in account that made each write: the author of a request is that account, never
//! what the request says.
//!
//! Each record holds the very text of the file it replaces (`file`, or `document` for the
//! pool), so the same parsers and the same domain rules read it. The server enforces who may
//! read and write what; this module only speaks the protocol: conditional reads (`If-None-Match`,
//! 304), writes under optimistic concurrency (`If-Match`, 412), `_since` listings, and the
//! `Backoff` and `Retry-After` headers.

use serde_json::{json, Value};
use std::fmt;
use std::future::Future;

/// The headers of an answer the client reads (lower-case names): `ETag`, `Backoff` and
/// `Retry-After`.
pub const KEPT_HEADERS: [&str; 3] = ["etag", "backoff", "retry-after"];

/// What the server answered: the status, the headers the client reads ([`KEPT_HEADERS`]), the
/// body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpReply {
    /// The status code.
    pub status: u16,
    /// Those of [`KEPT_HEADERS`] the answer has.
    pub headers: Vec<(&'static str, String)>,
    /// The body as text.
    pub body: String,
}

impl HttpReply {
    /// The value of one of the headers kept.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }
}

/// How the client reaches the server: one HTTP request with every cache bypassed, keeping the
/// [`KEPT_HEADERS`] of the answer; `None` when no answer came (offline, refused, timed out).
/// The app sends through the browser's `fetch`; this module never touches the browser.
pub trait Http {
    /// Sends `method url` with `headers` and `body`.
    fn request(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> impl Future<Output = Option<HttpReply>>;
}

/// The bucket holding the pool's collections.
pub const BUCKET: &str = "materiotheque";
/// The record of the public catalogue.
pub const CATALOGUE_RECORD: &str = "public";
/// The record of the coordinators' pool.
pub const POOL_RECORD: &str = "pool";

/// A collection of the layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Collection {
    /// The public catalogue.
    Catalogue,
    /// The teachers' requests.
    Requests,
    /// The coordinators' answers.
    Answers,
    /// The coordinators' pool.
    Pool,
}

impl Collection {
    fn name(self) -> &'static str {
        match self {
            Collection::Catalogue => "catalogue",
            Collection::Requests => "requests",
            Collection::Answers => "answers",
            Collection::Pool => "pool",
        }
    }
}

/// The record id of a teacher's requests and answer: `t-` and the hexadecimal UTF-8 bytes of her
/// account (Kinto record ids allow only letters, digits, `-` and `_`; an e-mail address has `@`
/// and `.`). The same account always gives the same record, so a browser that lost its data
/// finds hers again.
pub fn record_id(account: &str) -> String {
    let mut id = String::with_capacity(2 + account.len() * 2);
    id.push_str("t-");
    for byte in account.bytes() {
        id.push_str(&format!("{byte:02x}"));
    }
    id
}

/// The account a record id names, if it is one of [`record_id`]'s.
pub fn account_of(record: &str) -> Option<String> {
    let hex = record.strip_prefix("t-")?;
    if hex.len() % 2 != 0 {
        return None;
    }
    let bytes: Option<Vec<u8>> =
        (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()).collect();
    String::from_utf8(bytes?).ok()
}

/// The sync server's address as the user typed it, normalised: no trailing slash, and `/v1`
/// added when missing (`https://sync.example.org` → `https://sync.example.org/v1`).
pub fn normalise_server(address: &str) -> Option<String> {
    let trimmed = address.trim().trim_end_matches('/');
    if trimmed.is_empty() || trimmed.contains(char::is_whitespace) {
        return None;
    }
    Some(if trimmed.ends_with("/v1") { trimmed.to_owned() } else { format!("{trimmed}/v1") })
}

/// An account and its password, kept in memory only: never in local storage, never in a file.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// The account (a teacher's e-mail address, or a coordinator's name).
    pub account: String,
    password: String,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials").field("account", &self.account).finish_non_exhaustive()
    }
}

impl Credentials {
    /// The account and password as typed (the account trimmed and lower-cased, as teacher ids).
    pub fn new(account: &str, password: &str) -> Self {
        Self { account: crate::domain::profile::teacher_id(account), password: password.to_owned() }
    }

    fn authorization(&self) -> String {
        format!("Basic {}", base64(format!("{}:{}", self.account, self.password).as_bytes()))
    }
}

/// Standard base64 with padding (HTTP Basic authentication of UTF-8 credentials).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Why the server could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RemoteError {
    /// No answer: the browser is offline, or the server is down or unreachable.
    Unreachable,
    /// The account or password was refused (401).
    SignInRefused,
    /// The server refuses this account this action (403).
    Forbidden,
    /// Someone wrote the record first (412): read it again and retry.
    Conflict,
    /// The server failed (5xx, or a proxy in front of it said so).
    Server(u16),
    /// An answer that is not what the protocol says.
    Unreadable(String),
}

/// A record as read: its data and version.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// The record's data.
    pub data: Value,
    /// Its version (`last_modified`), for `If-Match` and `If-None-Match`.
    pub version: u64,
}

impl Record {
    /// A text field of the data (`file`, `document`).
    pub fn text(&self, field: &str) -> Result<&str, RemoteError> {
        text_of(&self.data, field)
    }

    /// A number field of the data (`pool_version`), 0 when absent.
    pub fn number(&self, field: &str) -> u64 {
        self.data.get(field).and_then(Value::as_u64).unwrap_or(0)
    }
}

/// A text field of a record's data (`file`, `document`), or which one is missing.
fn text_of<'a>(data: &'a Value, field: &str) -> Result<&'a str, RemoteError> {
    data.get(field).and_then(Value::as_str).ok_or_else(|| RemoteError::Unreadable(format!("data.{field}")))
}

/// What a conditional read found.
#[derive(Clone, Debug, PartialEq)]
pub enum Read {
    /// The record did not change since the version given.
    Unchanged,
    /// There is no such record (or none this account may read).
    Missing,
    /// The record.
    Found(Record),
}

/// The condition a write is made under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precondition {
    /// None: the account's own record.
    None,
    /// Only if the record is still at this version (optimistic concurrency).
    Version(u64),
    /// Only if the record does not exist yet.
    Absent,
}

/// Seconds between two polls while the page is visible and all goes well.
pub const POLL_SECONDS: u32 = 3;
/// The longest wait after failures.
pub const MAX_WAIT_SECONDS: u32 = 120;

/// How long to wait before the next sync: [`POLL_SECONDS`], doubled for each failure in a row
/// (up to [`MAX_WAIT_SECONDS`]), and never less than what the server asked for.
pub fn poll_delay(failures: u32, asked: Option<u32>) -> u32 {
    let backing_off = POLL_SECONDS.saturating_mul(1 << failures.min(8)).min(MAX_WAIT_SECONDS);
    backing_off.max(asked.unwrap_or(0))
}

fn quoted(version: u64) -> String {
    format!("\"{version}\"")
}

/// Reads a version from an `ETag` (`"1234"`).
pub fn version_of_etag(etag: &str) -> Option<u64> {
    etag.trim().trim_start_matches("W/").trim_matches('"').parse().ok()
}

/// How long the server asks clients to wait before the next request, in seconds: the larger of
/// `Backoff` (sent on any answer when it is busy) and `Retry-After` (on 503 and 429).
pub fn wait_asked(reply: &HttpReply) -> Option<u32> {
    let seconds = |name| reply.header(name).and_then(|v| v.trim().parse::<u32>().ok());
    match (seconds("backoff"), seconds("retry-after")) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

fn status_error(status: u16) -> RemoteError {
    match status {
        401 => RemoteError::SignInRefused,
        403 => RemoteError::Forbidden,
        412 => RemoteError::Conflict,
        _ => RemoteError::Server(status),
    }
}

fn parse(body: &str) -> Result<Value, RemoteError> {
    serde_json::from_str(body).map_err(|e| RemoteError::Unreadable(e.to_string()))
}

/// Reads a record from a Kinto answer body (`{"data": …, "permissions": …}`).
pub fn record_of(body: &str) -> Result<Record, RemoteError> {
    let value = parse(body)?;
    let data = value.get("data").cloned().ok_or_else(|| RemoteError::Unreadable("data".into()))?;
    let version = data.get("last_modified").and_then(Value::as_u64).unwrap_or(0);
    Ok(Record { version, data })
}

/// One write of a record, as the server's history tells it: who wrote what, and when. The
/// author is the signed-in account that made the write (the history plugin records it), so it
/// cannot be forged by the record's content.
#[derive(Clone, Debug, PartialEq)]
pub struct Authored {
    /// The record written.
    pub record: String,
    /// The account that wrote it (`account:` removed; empty for another kind of principal).
    pub author: String,
    /// The version of the history entry (for the next `_since`).
    pub version: u64,
    /// The record's data as written.
    pub data: Value,
}

impl Authored {
    /// A text field of the data written.
    pub fn text(&self, field: &str) -> Result<&str, RemoteError> {
        text_of(&self.data, field)
    }
}

/// Reads a history listing (`{"data": [{record_id, user_id, action, last_modified, target}…]}`);
/// deletions are left out.
pub fn history_of(body: &str) -> Result<Vec<Authored>, RemoteError> {
    let value = parse(body)?;
    let items = value.get("data").and_then(Value::as_array).ok_or_else(|| RemoteError::Unreadable("data".into()))?;
    Ok(items
        .iter()
        .filter(|item| item.get("action").and_then(Value::as_str) != Some("delete"))
        .filter_map(|item| {
            let user = item.get("user_id")?.as_str()?;
            Some(Authored {
                record: item.get("record_id")?.as_str()?.to_owned(),
                author: user.strip_prefix("account:").unwrap_or_default().to_owned(),
                version: item.get("last_modified")?.as_u64()?,
                data: item.get("target")?.get("data")?.clone(),
            })
        })
        .collect())
}

/// A connection to the sync server as one account, through `H`. Remembers the wait the server
/// last asked for, so that the caller honours it.
#[derive(Clone, Debug)]
pub struct Client<H> {
    http: H,
    server: String,
    credentials: Credentials,
    /// Seconds the server asked to wait before the next request (`Backoff`, `Retry-After`).
    pub wait: Option<u32>,
}

impl<H: Http> Client<H> {
    /// A client of `server` (as [`normalise_server`] gives it) signed in with `credentials`,
    /// sending through `http`.
    pub fn new(http: H, server: String, credentials: Credentials) -> Self {
        Self { http, server, credentials, wait: None }
    }

    /// The account signed in.
    pub fn account(&self) -> &str {
        &self.credentials.account
    }

    fn record_url(&self, collection: Collection, id: &str) -> String {
        format!("{}/buckets/{BUCKET}/collections/{}/records/{id}", self.server, collection.name())
    }

    async fn send(
        &mut self,
        method: &str,
        url: &str,
        extra: &[(&str, &str)],
        body: Option<&str>,
    ) -> Result<HttpReply, RemoteError> {
        let authorization = self.credentials.authorization();
        let mut headers = vec![("Authorization", authorization.as_str()), ("Accept", "application/json")];
        if body.is_some() {
            headers.push(("Content-Type", "application/json"));
        }
        headers.extend_from_slice(extra);
        let reply = self.http.request(method, url, &headers, body).await.ok_or(RemoteError::Unreachable)?;
        self.wait = wait_asked(&reply);
        Ok(reply)
    }

    /// Checks the credentials: `Ok` with the account the server knows them as.
    pub async fn sign_in(&mut self) -> Result<String, RemoteError> {
        let url = format!("{}/", self.server);
        let reply = self.send("GET", &url, &[], None).await?;
        if reply.status != 200 {
            return Err(status_error(reply.status));
        }
        let value = parse(&reply.body)?;
        let user = value.get("user").and_then(|u| u.get("id")).and_then(Value::as_str);
        match user.and_then(|u| u.strip_prefix("account:")) {
            Some(account) => Ok(account.to_owned()),
            // Kinto answers its root without a user when the credentials are wrong.
            None if value.get("project_name").is_some() => Err(RemoteError::SignInRefused),
            None => Err(RemoteError::Unreadable("user".into())),
        }
    }

    /// Reads a record, unless it is still at version `known`.
    pub async fn read(&mut self, collection: Collection, id: &str, known: Option<u64>) -> Result<Read, RemoteError> {
        let url = self.record_url(collection, id);
        let condition = known.map(quoted);
        let extra: Vec<(&str, &str)> = condition.iter().map(|v| ("If-None-Match", v.as_str())).collect();
        let reply = self.send("GET", &url, &extra, None).await?;
        match reply.status {
            200 => record_of(&reply.body).map(Read::Found),
            304 => Ok(Read::Unchanged),
            404 => Ok(Read::Missing),
            status => Err(status_error(status)),
        }
    }

    /// Writes a record's data under `precondition`; `read_by` gives one account read
    /// permission on it (a teacher's answer). Returns the new version.
    pub async fn write(
        &mut self,
        collection: Collection,
        id: &str,
        data: Value,
        read_by: Option<&str>,
        precondition: Precondition,
    ) -> Result<u64, RemoteError> {
        let url = self.record_url(collection, id);
        let mut body = json!({ "data": data });
        if let Some(account) = read_by {
            body["permissions"] = json!({ "read": [format!("account:{account}")] });
        }
        let condition = match precondition {
            Precondition::None => None,
            Precondition::Version(v) => Some(("If-Match", quoted(v))),
            Precondition::Absent => Some(("If-None-Match", "*".to_owned())),
        };
        let extra: Vec<(&str, &str)> = condition.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let reply = self.send("PUT", &url, &extra, Some(&body.to_string())).await?;
        match reply.status {
            200 | 201 => Ok(record_of(&reply.body)?.version),
            status => Err(status_error(status)),
        }
    }

    /// The writes to the records of `collection` since history version `since` (all with
    /// `None`), oldest first, each with the account that made it.
    pub async fn writes(&mut self, collection: Collection, since: Option<u64>) -> Result<Vec<Authored>, RemoteError> {
        let mut url = format!(
            "{}/buckets/{BUCKET}/history?resource_name=record&collection_id={}&_sort=last_modified",
            self.server,
            collection.name()
        );
        if let Some(since) = since {
            url.push_str(&format!("&_since={since}"));
        }
        let reply = self.send("GET", &url, &[], None).await?;
        match reply.status {
            200 => history_of(&reply.body),
            status => Err(status_error(status)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_teacher_record_id_is_only_letters_digits_and_dashes_and_reads_back() {
        let id = record_id("hélène.lœuvre@école.fr");
        assert!(id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
        assert_eq!(account_of(&id).as_deref(), Some("hélène.lœuvre@école.fr"));
        assert_eq!(account_of("pool"), None);
        assert_eq!(account_of("t-zz"), None);
        assert_ne!(record_id("a@b.fr"), record_id("a@b.fr "));
    }

    #[test]
    fn base64_matches_the_standard_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64("é:ß".as_bytes()), "w6k6w58=");
    }

    #[test]
    fn the_server_address_gets_its_version_path_once() {
        assert_eq!(normalise_server(" https://sync.example.org/ ").as_deref(), Some("https://sync.example.org/v1"));
        assert_eq!(normalise_server("sync/v1/").as_deref(), Some("sync/v1"));
        assert_eq!(normalise_server("  "), None);
        assert_eq!(normalise_server("http://a b"), None);
    }

    #[test]
    fn credentials_never_show_the_password() {
        let credentials = Credentials::new(" Anne@AC-Lyon.fr ", "secret-pass");
        assert_eq!(credentials.account, "anne@ac-lyon.fr");
        assert!(!format!("{credentials:?}").contains("secret-pass"));
        assert_eq!(credentials.authorization(), format!("Basic {}", base64(b"anne@ac-lyon.fr:secret-pass")));
    }

    #[test]
    fn a_record_gives_its_version_and_its_data() {
        let body = r#"{"data":{"id":"t-61","last_modified":1733350000123,"file":"{}"},
            "permissions":{"write":["account:bob@ac-lyon.fr","/buckets/materiotheque/groups/coordinators"]}}"#;
        let record = record_of(body).unwrap();
        assert_eq!(record.version, 1_733_350_000_123);
        assert_eq!(record.text("file").unwrap(), "{}");
        assert_eq!(record.text("document"), Err(RemoteError::Unreadable("data.document".into())));
        assert!(matches!(record_of("<html>"), Err(RemoteError::Unreadable(_))));
    }

    #[test]
    fn the_history_names_who_wrote_each_version_and_leaves_deletions_out() {
        let body = r#"{"data":[
            {"record_id":"t-61","user_id":"account:bob@ac-lyon.fr","action":"create","last_modified":10,
             "target":{"data":{"id":"t-61","teacher":"ana@ac-lyon.fr","file":"{}"},"permissions":{}}},
            {"record_id":"t-61","user_id":"account:bob@ac-lyon.fr","action":"delete","last_modified":11,"target":{"data":{"id":"t-61"}}},
            {"record_id":"t-62","user_id":"system.Everyone","action":"update","last_modified":12,"target":{"data":{"file":"x"}}}
        ]}"#;
        let writes = history_of(body).unwrap();
        assert_eq!(writes.len(), 2);
        assert_eq!(
            (writes[0].record.as_str(), writes[0].author.as_str(), writes[0].version),
            ("t-61", "bob@ac-lyon.fr", 10)
        );
        assert_eq!(writes[0].text("file").unwrap(), "{}");
        assert_eq!(writes[1].author, "", "not an account: no author");
    }

    #[test]
    fn failures_back_off_up_to_a_limit_and_the_server_can_ask_for_more() {
        assert_eq!(poll_delay(0, None), POLL_SECONDS);
        assert_eq!(poll_delay(1, None), 2 * POLL_SECONDS);
        assert_eq!(poll_delay(3, None), 8 * POLL_SECONDS);
        assert_eq!(poll_delay(30, None), MAX_WAIT_SECONDS);
        assert_eq!(poll_delay(0, Some(60)), 60);
        assert_eq!(poll_delay(30, Some(600)), 600);
    }

    #[test]
    fn the_wait_asked_is_the_longer_of_backoff_and_retry_after() {
        let reply = |headers: Vec<(&'static str, String)>| HttpReply { status: 503, headers, body: String::new() };
        assert_eq!(wait_asked(&reply(vec![])), None);
        assert_eq!(wait_asked(&reply(vec![("backoff", "30".into())])), Some(30));
        assert_eq!(wait_asked(&reply(vec![("backoff", "30".into()), ("retry-after", "45".into())])), Some(45));
        assert_eq!(wait_asked(&reply(vec![("retry-after", "soon".into())])), None);
        assert_eq!(version_of_etag("\"1733\""), Some(1733));
    }
}
