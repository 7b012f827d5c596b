// End-to-end: the release build served like a static host, driven as a user would.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stampServiceWorker } from "../../scripts/post-build.mjs";
import { startServer } from "./server.mjs";
import {
  BASE,
  DIST,
  MESSAGES,
  appReady,
  expectNoAxeViolations,
  expectNoProblems,
  newPage,
  serve,
  useApp,
  interfaceText,
  visibleText,
} from "./support.mjs";

const PAGES = [
  { path: "", fr: "Catalogue du matériel", en: "Equipment catalogue" },
  { path: "modele/thymio", fr: "Robot Thymio II", en: "Thymio II robot" },
  { path: "reserver", fr: "Réserver du matériel", en: "Book equipment" },
  { path: "mes-reservations", fr: "Mes réservations", en: "My bookings" },
  { path: "profil", fr: "Mon profil", en: "My profile" },
  { path: "parametres", fr: "Paramètres", en: "Settings" },
  { path: "a-propos", fr: "À propos", en: "About" },
  { path: "nulle-part/ici", fr: "Page introuvable", en: "Page not found" },
];

// Messages whose two versions differ, without placeholders: each must never show in the
// other language's UI.
const DISTINCT = MESSAGES.filter((m) => m.fr !== m.en && !m.fr.includes("{") && m.key !== "LangNameFr" && m.key !== "LangNameEn");

/**
 * Waits until the app says it works offline (`data-offline="ready"` on the root): its worker,
 * registered once the first screen was idle, cached the build and controls the page.
 */
async function offlineReady(page) {
  await page.locator('html[data-offline="ready"]').waitFor({ state: "attached", timeout: 60_000 });
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), "a worker controls the page");
}

/** Whether `text` holds `phrase` as whole words ("Class" is not in "Classe"). */
function hasPhrase(text, phrase) {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, "u").test(text);
}

async function heading(page) {
  return (await page.locator("main h1").first().innerText()).trim();
}


describe(`Matériothèque served under ${BASE}`, () => {
  const app = useApp();
  let browser;
  let server;
  before(() => {
    browser = app.browser();
    server = app.server();
  });

  test("the catalogue renders in French with the demo pool", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await page.goto(server.url);
    await appReady(page);
    assert.equal(await heading(page), "Catalogue du matériel");
    assert.equal(await page.getAttribute("html", "lang"), "fr");
    assert.match(await page.title(), /^Catalogue du matériel — Matériothèque$/);
    const models = await page.locator(".model-card").count();
    assert.ok(models >= 30, `expected at least 30 models, saw ${models}`);
    await page.getByRole("heading", { name: "Robotique", level: 2 }).waitFor();
    await page.getByRole("link", { name: "Robot Thymio II" }).waitFor();
    const summary = await page.locator(".summary").innerText();
    assert.match(summary, /^\d+ modèles, \d+ exemplaires en service$/);
    await expectNoProblems(page);
    await context.close();
  });

  test("the first screen loads no page chunk and does not wait for the storage engine; a page opened later fetches its own", async () => {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await newPage(context);
    const fetched = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    // Hold the booking page's chunk back until the loading status has been seen.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/split___booking_route_view_\d+\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    // The storage engine is fetched after the first screen: held back, the catalogue still shows.
    let releaseEngine;
    const engineHeld = new Promise((resolve) => (releaseEngine = resolve));
    await page.route(/split_storage_engine\.wasm$/, async (route) => {
      await engineHeld;
      await route.continue();
    });
    await page.goto(server.url);
    await appReady(page);
    const wasm = () => fetched.filter((path) => path.endsWith(".wasm"));
    assert.equal(wasm()[0].split("/").pop(), "materiotheque_bg.wasm");
    assert.ok(!wasm().some((path) => /_route_view_/.test(path)), "no page chunk for the first screen");
    assert.ok((await page.locator(".model-card").count()) >= 30, "the catalogue shows while the engine is held");
    releaseEngine();
    await page.getByRole("navigation").getByRole("link", { name: /^Réserver/ }).click();
    await page.getByRole("status").filter({ hasText: "Chargement de la page…" }).waitFor();
    assert.equal(await heading(page), "Catalogue du matériel", "the catalogue stays until the page is ready");
    release();
    await page.getByRole("heading", { name: "Réserver du matériel", level: 1 }).waitFor();
    assert.equal(await page.locator(".page-loading").innerText(), "");
    assert.ok(wasm().some((path) => /split___booking_route_view_/.test(path)), "the booking chunk was fetched");
    assert.ok(!wasm().some((path) => /split___(profile|about|agreement)_route_view_/.test(path)), "other pages were not fetched");
    await expectNoProblems(page);
    await context.close();
  });

  test("switching to English changes every UI string and survives a reload", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    for (const { path, fr } of PAGES) {
      await page.goto(server.url + path);
      await appReady(page);
      assert.equal(await heading(page), fr);
      const text = await interfaceText(page);
      const english = DISTINCT.filter((m) => hasPhrase(text, m.en)).map((m) => m.key);
      assert.deepEqual(english, [], `English strings on the French page /${path}`);
    }
    await page.goto(server.url);
    await appReady(page);
    await page.getByRole("button", { name: "English" }).click();
    assert.equal(await heading(page), "Equipment catalogue");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await page.getByRole("heading", { name: "Robotics", level: 2 }).waitFor();
    await page.reload();
    await appReady(page);
    assert.equal(await heading(page), "Equipment catalogue", "language kept after reload");
    for (const { path, en } of PAGES) {
      await page.goto(server.url + path);
      await appReady(page);
      assert.equal(await heading(page), en);
      const text = await interfaceText(page);
      const french = DISTINCT.filter((m) => hasPhrase(text, m.fr)).map((m) => m.key);
      assert.deepEqual(french, [], `French strings on the English page /${path}`);
      assert.match(await page.title(), new RegExp(`^${en} — Matériothèque$`));
    }
    await expectNoProblems(page);
    await context.close();
  });

  test("deep links open directly, and an unknown address shows the 404 page", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    for (const { path, fr } of PAGES) {
      await page.goto(server.url + path);
      await appReady(page);
      assert.equal(await heading(page), fr, `deep link /${path}`);
    }
    await page.goto(server.url + "modele/inexistant");
    await appReady(page);
    assert.equal(await heading(page), "Modèle introuvable");
    // Links inside the app stay under the deployment path.
    await page.goto(server.url + "a-propos");
    await appReady(page);
    const hrefs = await page.$$eval("a[href]", (links) => links.map((a) => a.getAttribute("href")));
    const outside = hrefs.filter((href) => !href.startsWith("#") && !href.startsWith(BASE));
    assert.deepEqual(outside, [], "links leaving the deployment path");
    await page.getByRole("navigation").getByRole("link", { name: "Catalogue" }).click();
    assert.equal(await heading(page), "Catalogue du matériel");
    assert.equal(new URL(page.url()).pathname, BASE);
    await expectNoProblems(page);
    await context.close();
  });

  test("after one online visit, a reload and a deep link work offline", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await page.goto(server.url);
    await appReady(page);
    await offlineReady(page);
    await context.setOffline(true);
    await page.reload();
    await appReady(page);
    assert.equal(await heading(page), "Catalogue du matériel");
    await page.goto(server.url + "modele/thymio");
    await appReady(page);
    assert.equal(await heading(page), "Robot Thymio II");
    await page.goto(server.url + "parametres");
    await appReady(page);
    assert.equal(await heading(page), "Paramètres");
    // Proof that this is the cache: the network really is unreachable.
    const online = await page.evaluate(() => fetch("no-such-file.txt").then(() => true, () => false));
    assert.equal(online, false);
    await expectNoProblems(page);
    await context.close();
  });

  test("a first visit asks for the first screen's files only; the worker comes once the catalogue is drawn, and caches the build", async () => {
    const asked = [];
    // Stamped on arrival, so never before the browser asked: a request stamped before the
    // catalogue was drawn was asked for before it.
    const local = await startServer({ root: DIST, base: BASE, onRequest: (path) => asked.push({ path, at: Date.now() }) });
    const context = await browser.newContext();
    const page = await newPage(context);
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector("[data-results-for]")) {
          window.__drawnAt = performance.timeOrigin + performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    try {
      await page.goto(local.url);
      await appReady(page);
      await offlineReady(page);
      const drawnAt = await page.evaluate(() => window.__drawnAt);
      const file = (r) => r.path.slice(BASE.length);
      const before = asked.filter((r) => r.at <= drawnAt).map(file);
      assert.ok(before.some((f) => f.endsWith("materiotheque_bg.wasm")), `the main module was asked for first: ${before}`);
      const early = before.filter((f) => f === "sw.js" || /(chunk_\d+|split_[\w-]+)\.wasm$/.test(f));
      assert.deepEqual(early, [], "neither the worker nor a chunk before the catalogue is drawn");
      // Every file of the build is in the worker's cache (the precache list, as stamped).
      const precache = JSON.parse(readFileSync(join(DIST, "sw.js"), "utf8").match(/const PRECACHE = (\[.*\]);/)[1]);
      const cached = await page.evaluate(async () => {
        const names = (await caches.keys()).filter((n) => n.startsWith("materiotheque-"));
        const requests = (await Promise.all(names.map(async (n) => (await caches.open(n)).keys()))).flat();
        return requests.map((r) => new URL(r.url).pathname);
      });
      assert.deepEqual(precache.filter((f) => !cached.includes(BASE + f)), [], "files of the build missing from the cache");
      await expectNoProblems(page);
    } finally {
      await context.close();
      await local.close();
    }
  });

  test("a new build on the same URL prompts 'Nouvelle version disponible' instead of switching", async () => {
    const workdir = mkdtempSync(join(tmpdir(), "materiotheque-deploy-"));
    const current = join(workdir, "current");
    const next = join(workdir, "next");
    cpSync(DIST, current, { recursive: true });
    cpSync(DIST, next, { recursive: true });
    // The next deploy: a changed page (marked so the test can tell which one runs) and the
    // service worker re-stamped from its files, as the build hook does.
    const indexPath = join(next, "index.html");
    writeFileSync(indexPath, readFileSync(indexPath, "utf8").replace("<head>", '<head><meta name="build" content="next">'));
    const stamped = stampServiceWorker(next);
    assert.notEqual(stamped.version, stampServiceWorker(current).version);

    const local = await serve(current);
    const context = await browser.newContext();
    const page = await newPage(context);
    const isNext = () => page.evaluate(() => document.querySelector('meta[name="build"]') !== null);
    try {
      await page.goto(local.url);
      await appReady(page);
      await offlineReady(page);
      assert.equal(await page.locator(".update-banner").innerText(), "");

      local.setRoot(next);
      await page.reload(); // the browser checks for a new worker on navigation
      await appReady(page);
      const banner = page.getByRole("status").filter({ hasText: "Nouvelle version disponible" });
      await banner.waitFor({ timeout: 30_000 });
      assert.equal(await isNext(), false, "the old version keeps running until the user agrees");
      await expectNoAxeViolations(page, "update prompt");

      await page.reload();
      await appReady(page);
      assert.equal(await isNext(), false, "a plain reload does not switch versions");
      await banner.waitFor({ timeout: 30_000 });

      await Promise.all([page.waitForEvent("load"), banner.getByRole("button", { name: "Recharger" }).click()]);
      await appReady(page);
      assert.equal(await isNext(), true, "the new version runs after 'Recharger'");
      await expectNoProblems(page);
    } finally {
      await context.close();
      await local.close();
      rmSync(workdir, { recursive: true, force: true });
    }
  });

  test("without local storage the app still works and says choices will not be remembered", async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    });
    const page = await newPage(context);
    await page.goto(server.url);
    await appReady(page);
    await page.getByRole("alert").filter({ hasText: "Le stockage local n'est pas disponible" }).waitFor();
    assert.ok((await page.locator(".model-card").count()) >= 30);
    await page.getByRole("button", { name: "English" }).click();
    assert.equal(await heading(page), "Equipment catalogue");
    await expectNoProblems(page);
    await context.close();
  });

  test("the web app manifest makes it installable from the deployment path", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await page.goto(server.url);
    await appReady(page);
    const manifestUrl = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
    assert.equal(manifestUrl, `${server.url}manifest.webmanifest`);
    const manifest = await (await context.request.get(manifestUrl)).json();
    assert.equal(manifest.name.startsWith("Matériothèque"), true);
    assert.equal(manifest.short_name, "Matériothèque");
    assert.equal(manifest.display, "standalone");
    assert.equal(manifest.lang, "fr");
    assert.equal(new URL(manifest.start_url, manifestUrl).href, server.url);
    assert.equal(new URL(manifest.scope, manifestUrl).href, server.url);
    for (const size of [192, 512]) {
      const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.type === "image/png");
      assert.ok(icon, `a ${size} px PNG icon is declared`);
      const dims = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      }, new URL(icon.src, manifestUrl).href);
      assert.deepEqual(dims, [size, size]);
    }
    // The worker is registered for exactly the deployment path.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, server.url);
    await expectNoProblems(page);
    await context.close();
  });

  test("axe-core finds no WCAG 2.2 AA violation on any page, in both languages", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    for (const lang of ["Français", "English"]) {
      await page.goto(server.url);
      await appReady(page);
      await page.getByRole("button", { name: lang }).click();
      for (const { path } of PAGES) {
        await page.goto(server.url + path);
        await appReady(page);
        await expectNoAxeViolations(page, `/${path} (${lang})`);
      }
    }
    await expectNoProblems(page);
    await context.close();
  });

  test("the app is usable by keyboard alone: skip link, navigation, language switch", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await page.goto(server.url);
    await appReady(page);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el?.tagName, id: el?.id, text: el?.innerText?.trim() };
      });

    await page.keyboard.press("Tab");
    assert.equal((await focused()).text, "Aller au contenu");
    assert.ok(await page.locator(".skip-link").isVisible(), "the skip link shows when focused");
    await page.keyboard.press("Enter");
    assert.equal((await focused()).id, "contenu", "Enter on the skip link moves focus to main");
    assert.equal(new URL(page.url()).pathname, BASE, "the skip link does not leave the page");

    async function tabTo(text, limit = 30) {
      for (let i = 0; i < limit; i += 1) {
        await page.keyboard.press("Tab");
        if ((await focused()).text === text) return;
      }
      assert.fail(`could not reach "${text}" with Tab`);
    }
    await page.keyboard.press("Shift+Tab"); // back into the header
    await page.goto(server.url);
    await appReady(page);
    await tabTo("Paramètres");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Paramètres", level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, `${BASE}parametres`);

    await tabTo("English");
    await page.keyboard.press("Space");
    await page.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
    assert.equal(await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed"), "true");

    // The language radio group on the settings page works with arrow keys too.
    await page.getByRole("radio", { name: "English" }).focus();
    await page.keyboard.press("ArrowUp");
    await page.getByRole("heading", { name: "Paramètres", level: 1 }).waitFor();

    await tabTo("À propos");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "À propos", level: 1 }).waitFor();
    await expectNoProblems(page);
    await context.close();
  });
});
