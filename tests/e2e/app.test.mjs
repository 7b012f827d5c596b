// End-to-end: the release build served like a static host, driven as a user would.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "./server.mjs";
import {
  BASE,
  DIST,
  MESSAGES,
  appReady,
  heading,
  expectNoAxeViolations,
  expectNoProblems,
  newPage,
  offlineReady,
  useApp,
  interfaceText,
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

/** Whether `text` holds `phrase` as whole words ("Class" is not in "Classe"). */
function hasPhrase(text, phrase) {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, "u").test(text);
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
});
