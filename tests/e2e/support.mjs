// Shared set-up for the end-to-end suites: the build under test, the browser, axe-core, and
// the Content-Security-Policy watch.
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import jsQR from "jsqr";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { startServer } from "./server.mjs";

/** The build directory and the URL prefix it was built for (`make test` sets both). */
export const DIST = resolve(process.env.E2E_DIST || "dist");
export const BASE = process.env.E2E_BASE || "/";

/** Every translation, exported from the Rust tables by `cargo run --example i18n_table`. */
export const MESSAGES = JSON.parse(readFileSync(resolve(process.env.E2E_I18N || "target/i18n-table.json"), "utf8"));

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** A server for DIST under BASE. */
export function serve(root = DIST) {
  return startServer({ root, base: BASE });
}

/**
 * A new page that records CSP violations and page errors; `page.problems()` lists them.
 */
export async function newPage(context) {
  const page = await context.newPage();
  const problems = [];
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  // Every visit of an app address waits for the page's code to be ready (see `pageReady`), so
  // no test gives a lazily loaded page a fixed time to compile.
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    if (response?.headers()["content-type"]?.startsWith("text/html")) await pageReady(page);
    return response;
  };
  page.problems = async () => {
    const csp = await page.evaluate(() => window.__csp || []).catch(() => []);
    return [...problems, ...csp.map((v) => `csp: ${v}`)];
  };
  return page;
}

/**
 * Only a bound on a hang: a lazily loaded page's code can take a long time to compile on a busy
 * machine, and the tests wait on the app's own signal that the page is complete, whatever it takes.
 */
const PAGE_LOAD_LIMIT = 300_000;

/** Waits until the app says the page on screen is complete (`data-page="ready"` on the root). */
export async function pageReady(page) {
  await page.waitForFunction(() => document.documentElement.dataset.page === "ready", null, { timeout: PAGE_LOAD_LIMIT });
}

/** Waits until the app has rendered the page, its main landmark content included. */
export async function appReady(page) {
  await pageReady(page);
  await page.locator("main h1").first().waitFor({ state: "visible" });
}

export async function expectNoAxeViolations(page, label) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  assert.deepEqual(summary, [], `axe violations on ${label}`);
}

export async function expectNoProblems(page) {
  assert.deepEqual(await page.problems(), [], "CSP violations or page errors");
}

/**
 * The interface's own text: the visible text without the lists of choices, whose options are
 * data (school names such as "École Monge" stay French in the English UI).
 */
export function interfaceText(page) {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true);
    copy.querySelectorAll("select").forEach((s) => s.remove());
    document.body.after(copy);
    copy.hidden = false;
    const text = copy.innerText;
    copy.remove();
    return text;
  });
}

/** The two slots of the stored document, as they stand (to tell when the app saved next). */
export function storedSlots(page) {
  return page.evaluate(() => ["a", "b"].map((k) => localStorage.getItem(`materiotheque.state.${k}`)).join("\u0000"));
}

/** Waits until the app saved after `before` (a `storedSlots` reading): its stored document changed. */
export async function savedSince(page, before) {
  await page.waitForFunction(
    (was) => ["a", "b"].map((k) => localStorage.getItem(`materiotheque.state.${k}`)).join("\u0000") !== was,
    before,
    { timeout: 30_000 },
  );
}

/** Waits until the page has no change waiting to be saved (the app's `data-save` signal). */
export async function allSaved(page) {
  await page.waitForFunction(() => document.documentElement.dataset.save !== "pending", null, { timeout: 30_000 });
}

/** The page's main heading, as shown. */
export async function heading(page) {
  return (await page.locator("main h1").first().innerText()).trim();
}

/** Visible text of the page, as a user sees it. */
export function visibleText(page) {
  return page.evaluate(() => document.body.innerText);
}

/**
 * Starts one browser and one server for the enclosing `describe`, closed after it; returns
 * getters, since both exist only once `before` has run.
 */
export function useApp() {
  let browser;
  let server;
  before(async () => {
    browser = await launch();
    server = await serve();
  });
  after(async () => {
    await server?.close();
    await browser?.close();
  });
  return { browser: () => browser, server: () => server };
}

/**
 * Waits until the app says it works offline (`data-offline="ready"` on the root): its worker,
 * registered once the first screen was idle, cached the build and controls the page.
 */
export async function offlineReady(page) {
  await page.locator('html[data-offline="ready"]').waitFor({ state: "attached", timeout: PAGE_LOAD_LIMIT });
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), "a worker controls the page");
}

/**
 * The whole local state as the app exports it (Paramètres → Exporter une sauvegarde), parsed.
 * Leaves the page on the settings page. The context must accept downloads.
 */
export async function exportBackup(page) {
  await page.getByRole("navigation").getByRole("link", { name: "Paramètres", exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Exporter une sauvegarde" }).click(),
  ]);
  return JSON.parse(await readFile(await download.path(), "utf8"));
}

/**
 * Puts a state into storage as the first released version kept it (one key each for the
 * profile, the pool and the plan), so the app migrates it on the next start. Stands in for
 * what the coordinator's side will do (hand-over, issue 6).
 */
export async function seedLegacyState(page, { profile, pool, plan }) {
  // Let a debounced save land first, so it does not come after the seed.
  await allSaved(page);
  await page.evaluate(
    ([profile, pool, plan]) => {
      localStorage.removeItem("materiotheque.state.a");
      localStorage.removeItem("materiotheque.state.b");
      localStorage.setItem("materiotheque.profile", profile);
      localStorage.setItem("materiotheque.pool", pool);
      localStorage.setItem("materiotheque.plan", plan);
    },
    [JSON.stringify(profile), JSON.stringify(pool), JSON.stringify(plan ?? {})],
  );
}

/** Fills in and saves the profile of Anne Martin (École élémentaire Monge), from the profile page. */
export async function saveProfile(page, url) {
  await page.goto(url + "profil");
  await appReady(page);
  await page.getByLabel("Nom et prénom").fill("Anne Martin");
  await page.getByLabel("Adresse électronique professionnelle").fill("anne.martin@ac-lyon.fr");
  await page.getByLabel("Votre école").selectOption({ label: "École élémentaire Monge" });
  await page.getByRole("button", { name: "Enregistrer le profil" }).click();
  await page.getByRole("status").filter({ hasText: "Profil enregistré." }).waitFor();
}

/** Follows a link of the main navigation, and waits for the page to be complete. */
export async function nav(page, name) {
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name, exact: true }).click();
  await pageReady(page);
}

/** Puts `quantity` of the model named `modelName` in the basket, from its page in the catalogue. */
export async function addToBasket(page, modelName, quantity) {
  await nav(page, "Catalogue");
  await page.getByRole("link", { name: modelName, exact: true }).click();
  await pageReady(page);
  await page.getByRole("heading", { name: modelName, level: 1 }).waitFor();
  await page.getByRole("spinbutton", { name: "Quantité" }).fill(String(quantity));
  await page.getByRole("button", { name: "Ajouter au panier" }).click();
  await page.getByRole("status").filter({ hasText: `${modelName} : ${quantity} dans le panier.` }).waitFor();
}

/** Types the project period on the booking page (or the catalogue's "free for my dates"). */
export async function setPeriod(page, start, end) {
  await page.getByRole("textbox", { name: "Premier jour" }).fill(start);
  await page.getByRole("textbox", { name: "Dernier jour" }).fill(end);
  await page.getByRole("textbox", { name: "Dernier jour" }).press("Tab");
}

/** The booking page's rule check. */
export const ruleCheck = (page) => page.getByRole("region", { name: "Vérification des règles" });

/**
 * Books `quantity` of `model` from the model's page for the profile's teacher (or, in
 * coordinator mode, on behalf of `behalf`); returns the confirmation's text.
 */
export async function book(page, { model, quantity, start, end, project, notes, behalf }) {
  await addToBasket(page, model, quantity);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: /^Réserver/ }).click();
  await pageReady(page);
  if (behalf) await page.getByLabel("Réserver pour").selectOption({ label: behalf });
  await setPeriod(page, start, end);
  await page.getByLabel("Titre du projet").fill(project);
  if (notes) await page.getByLabel("Remarques pour le gestionnaire (facultatif)").fill(notes);
  await page.getByRole("checkbox", { name: /J'ai lu et j'accepte/ }).check();
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  const confirmation = page.getByRole("region", { name: "Demande enregistrée" });
  await confirmation.waitFor();
  return confirmation.innerText();
}

/** Draws a label's QR code (its SVG as rendered) on a canvas and decodes it with jsQR. */
export async function decodeQr(page, label) {
  const svg = page.getByRole("img", { name: `Code QR de l'exemplaire ${label}`, exact: true });
  const image = await svg.evaluate(async (element) => {
    const size = 8 * element.viewBox.baseVal.width;
    const source = new XMLSerializer().serializeToString(element);
    const img = new Image(size, size);
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(source);
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, size, size);
    context.drawImage(img, 0, 0, size, size);
    const data = context.getImageData(0, 0, size, size);
    return { width: size, height: size, data: Array.from(data.data) };
  });
  const code = jsQR(Uint8ClampedArray.from(image.data), image.width, image.height);
  assert.ok(code, `the QR code of ${label} decodes`);
  return code.data;
}
