// A Kinto sync server for the tests and the benchmark: `scripts/sync-server.sh start` in a new
// temporary directory (PostgreSQL cluster + Kinto + the layout of scripts/sync_layout.py), or,
// when KINTO_URL, SYNC_ADMIN, SYNC_COORDINATOR and SYNC_DIR are set (a server started once by
// the test script), that server, left running by close().
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SCRIPT = join(REPO, "scripts", "sync-server.sh");

export const BUCKET = "materiotheque";
export const GROUP = `/buckets/${BUCKET}/groups/coordinators`;
export const collection = (name) => `/buckets/${BUCKET}/collections/${name}`;
/** A teacher's record id in `requests` and `answers`: `t-` + lowercase hex of her UTF-8 account id. */
export const recordId = (account) => "t-" + Buffer.from(account, "utf8").toString("hex");

/** Parses the shell-sourceable lines of DIR/env (KEY=value, KEY='value', '\'' inside). */
export function parseEnv(text) {
  const env = {};
  for (const line of text.split("\n")) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (!m) continue;
    let value = "";
    const raw = m[2];
    for (let i = 0; i < raw.length; ) {
      if (raw[i] === "'") {
        const end = raw.indexOf("'", i + 1);
        value += raw.slice(i + 1, end);
        i = end + 1;
      } else if (raw[i] === "\\") {
        value += raw[i + 1];
        i += 2;
      } else {
        value += raw[i];
        i += 1;
      }
    }
    env[m[1]] = value;
  }
  return env;
}

const splitCredentials = (pair) => {
  const at = pair.indexOf(":");
  return { user: pair.slice(0, at), password: pair.slice(at + 1) };
};

function authorization(auth) {
  if (!auth) return {};
  const pair = typeof auth === "string" ? auth : `${auth.user}:${auth.password}`;
  return { Authorization: "Basic " + Buffer.from(pair, "utf8").toString("base64") };
}

async function script(command, dir) {
  try {
    return await run(SCRIPT, dir ? [command, dir] : [command], { cwd: REPO, maxBuffer: 1 << 22 });
  } catch (error) {
    throw new Error(`sync-server.sh ${command} failed:\n${error.stderr || error.message}`);
  }
}

/**
 * Resolves to { url, dir, pgPort, admin, coordinator: {user, password}, createAccount, request,
 * stopKinto, startKinto, restartPostgres, close }.
 */
export async function startSyncServer({ env: extraEnv = {}, own = false } = {}) {
  let env;
  let owned = false;
  const given = process.env;
  // `own`: a server of its own, whose pool starts empty (the end-to-end scenarios).
  if (!own && given.KINTO_URL && given.SYNC_ADMIN && given.SYNC_COORDINATOR && given.SYNC_DIR) {
    env = { ...given };
    if (!env.PG_PORT) {
      Object.assign(env, parseEnv(await readFile(join(given.SYNC_DIR, "env"), "utf8")), {
        KINTO_URL: given.KINTO_URL,
      });
    }
  } else {
    const dir = await mkdtemp(join(tmpdir(), "materiotheque-sync-"));
    try {
      await run(SCRIPT, ["start", dir], {
        cwd: REPO,
        env: { ...process.env, ...extraEnv },
        maxBuffer: 1 << 22,
      });
    } catch (error) {
      await rm(dir, { recursive: true, force: true }); // emptied by the script
      throw new Error(`sync-server.sh start failed:\n${error.stderr || error.message}`);
    }
    env = parseEnv(await readFile(join(dir, "env"), "utf8"));
    owned = true;
  }
  const url = env.KINTO_URL.replace(/\/$/, "");
  const dir = env.SYNC_DIR;
  const coordinator = splitCredentials(env.SYNC_COORDINATOR);

  /** fetch helper: path relative to .../v1; resolves to { status, headers, json } (never throws on HTTP errors). */
  async function request(method, path, { auth, body, headers = {} } = {}) {
    const response = await fetch(url + path, {
      method,
      headers: {
        Accept: "application/json",
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...authorization(auth),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = { raw: text };
      }
    }
    return { status: response.status, headers: response.headers, json };
  }

  /**
   * A write retried while the server says "retry" (409 errno 122: two writes got the same
   * timestamp; 503: serialization failure; 500: serialization failure at commit): a client of
   * this server must do the same. Resolves to the last response.
   */
  async function retried(method, path, options, attempts = 30) {
    for (let attempt = 1; ; attempt++) {
      const res = await request(method, path, options);
      const again = res.status === 503 || res.status === 500 || (res.status === 409 && res.json?.errno === 122);
      if (!again || attempt >= attempts) return res;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80 * Math.min(attempt, 5)));
    }
  }

  /** Creates an account with the coordinator's credentials; a coordinator joins the group. */
  async function createAccount(user, password, { coordinator: isCoordinator = false } = {}) {
    const created = await retried("PUT", `/accounts/${encodeURIComponent(user)}`, {
      auth: coordinator,
      body: { data: { password } },
    });
    if (created.status !== 201 && created.status !== 200) {
      throw new Error(`account ${user}: ${created.status} ${JSON.stringify(created.json)}`);
    }
    if (isCoordinator) {
      for (let attempt = 0; ; attempt++) {
        const group = await request("GET", GROUP, { auth: coordinator });
        const members = group.json.data.members;
        if (members.includes(`account:${user}`)) break;
        const patched = await retried("PATCH", GROUP, {
          auth: coordinator,
          body: { data: { members: [...members, `account:${user}`] } },
          headers: { "If-Match": group.headers.get("etag") },
        });
        if (patched.status === 200) break;
        if (patched.status !== 412 || attempt > 20) {
          throw new Error(`group ${user}: ${patched.status} ${JSON.stringify(patched.json)}`);
        }
      }
    }
    return { user, password, auth: `${user}:${password}` };
  }

  // On a shared server, the accounts of this run get a tag so that runs never collide.
  const tag = owned ? "" : `+${process.pid.toString(36)}${Date.now().toString(36)}`;

  return {
    url,
    dir,
    tag,
    /** An account id for a test teacher: `name@ac-lyon.fr` (tagged on a shared server). */
    accountId: (name) => `${name}${tag}@ac-lyon.fr`,
    pgPort: Number(env.PG_PORT),
    kintoPort: Number(env.KINTO_PORT || new URL(url).port),
    admin: splitCredentials(env.SYNC_ADMIN),
    coordinator,
    owned,
    createAccount,
    request,
    retried,
    stopKinto: () => script("stop-kinto", dir),
    startKinto: () => script("start-kinto", dir),
    restartPostgres: () => script("restart-postgres", dir),
    /** SQL as the cluster's superuser on the kinto database; resolves to psql's output. */
    psql: async (sql) => {
      const args = ["-X", "-A", "-t", "-h", dir, "-p", String(env.PG_PORT), "-U", "postgres", "-d", "kinto", "-c", sql];
      const asRoot = process.getuid && process.getuid() === 0;
      const { stdout } = asRoot ? await run("runuser", ["-u", "postgres", "--", "psql", ...args]) : await run("psql", args);
      return stdout.trim();
    },
    close: async () => {
      if (owned) await script("stop", dir);
    },
  };
}
