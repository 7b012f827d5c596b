// End-to-end: the acceptance sweep. Every page and dialog (the date picker open, the import
// preview, the hand-over form, the label sheet, the incident forms, the narrow-screen menu when
// there is one) at 320, 390 and 1280 px, in French and English, as a teacher and as the
// coordinator: no horizontal overflow, no console error, no axe-core violation (WCAG 2.2 AA), and
// focus on the page's heading after an in-app navigation. Failures are collected over the whole
// sweep and reported once per role and language, so one run shows everything.
//
// One browser context per role, seeded as a user would (profile, bookings, a requests file taken
// in, confirmed, handed over, an incident, the answer and the published catalogue imported back),
// with the clock fixed (the demo pool's dates are for 2026-27). One page per context; viewport
// sizes change with setViewportSize, without reloading. Set SWEEP_REPORT=<file> to also write
// the failures as JSON.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { AXE_TAGS, BASE, MESSAGES, appReady, book, nav, newPage, saveProfile, useApp, pageReady } from "./support.mjs";

// axe-core itself, the version @axe-core/playwright runs: injected once per document and run
// directly (the builder injects it again on every call, which doubled the sweep's time). The
// app has no frames, so the builder's frame handling is not needed; the rules are the same
// (the AXE_TAGS, as `withTags`).
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const MONDAY = new Date("2026-11-23T09:00:00");
const HAND_OVER_DAY = new Date("2026-12-07T10:00:00");
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
  { width: 320, height: 640 },
];
const LANGS = [
  { code: "fr", button: "Français" },
  { code: "en", button: "English" },
];

/** A message of the translation table in `lang`. */
function msg(key, lang) {
  const found = MESSAGES.find((m) => m.key === key);
  assert.ok(found, `message ${key}`);
  return found[lang];
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The part of a message before its first placeholder, as a regular expression's start. */
const startsWith = (key, lang) => new RegExp(`^${escapeRe(msg(key, lang).split("{")[0])}`);

async function download(page, buttonName) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: buttonName }).click()]);
  return readFile(await file.path(), "utf8");
}

/** Imports `path` from the settings page and confirms it (French UI). */
async function importFile(page, path, name) {
  await nav(page, "Paramètres");
  await page.getByLabel("Fichier de données", { exact: true }).setInputFiles(path);
  await page.getByRole("region", { name: `Ce que ${name} changera` }).getByRole("button", { name: "Importer", exact: true }).click();
  await page.getByText("Import effectué.").waitFor();
}

/** A visible link to `path` (under BASE), a navigation's first. */
function linkTo(page, path) {
  const href = `a[href="${BASE + path}"]:visible`;
  return page.locator(`nav ${href}`).or(page.locator(`main ${href}`)).first();
}

/** Follows the link to a coordinator's page, through the workspace's first page when needed. */
async function viaDesk(page, path) {
  if ((await linkTo(page, path).count()) === 0) await follow(page, linkTo(page, "gestion"));
  await follow(page, linkTo(page, path));
}

/**
 * Clicks `link` (an in-app link) and waits for the page it opens: the address changed to the
 * link's, no page is loading, and a new main heading is shown.
 */
async function follow(page, link) {
  await link.waitFor({ state: "visible", timeout: 5_000 });
  const target = await link.evaluate((a) => new URL(a.href).pathname);
  await page.evaluate(() => {
    const h = document.querySelector("main h1");
    if (h) h.dataset.sweepOld = h.innerText;
  });
  await link.click();
  await pageReady(page);
  await page.waitForFunction(
    (target) => {
      const plain = (path) => {
        for (let i = 0; i < 3; i += 1) path = decodeURIComponent(path);
        return path;
      };
      if (plain(location.pathname) !== plain(target)) return false;
      const loading = document.querySelector(".page-loading");
      if (loading && loading.innerText.trim() !== "") return false;
      const h = document.querySelector("main h1");
      if (!h || !h.checkVisibility() || h.innerText.trim() === "") return false;
      return h.dataset.sweepOld === undefined || h.dataset.sweepOld !== h.innerText;
    },
    target,
    { timeout: 30_000 },
  );
}

/** Goes to `path` by the address bar (pages a QR code or a mistyped address open). */
async function open(page, path) {
  await page.goto(new URL(page.url()).origin + BASE + path);
  await appReady(page);
}

/** Whether focus is on the main heading (or inside it), within a short while; else what has it. */
async function focusOnHeading(page) {
  const ok = await page
    .waitForFunction(
      () => {
        const h = document.querySelector("main h1");
        const a = document.activeElement;
        return !!h && !!a && (a === h || h.contains(a));
      },
      null,
      { timeout: 2_000 },
    )
    .then(
      () => true,
      () => false,
    );
  if (ok) return null;
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return "focus stays on <body>";
    const text = (a.innerText || a.value || a.getAttribute("aria-label") || "").trim().slice(0, 60);
    return `focus on <${a.tagName.toLowerCase()}${a.id ? "#" + a.id : ""}${a.className ? "." + String(a.className).trim().replace(/\s+/g, ".") : ""}> “${text}”`;
  });
}

/** Horizontal overflow: null when none, else the width and the outermost elements sticking out. */
function overflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const vw = window.innerWidth;
    if (doc.scrollWidth <= vw) return null;
    const describe = (el) => {
      const cls = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().replace(/\s+/g, ".") : "";
      const id = el.id ? "#" + el.id : "";
      const text = (el.innerText || el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 50);
      const r = el.getBoundingClientRect();
      return `<${el.tagName.toLowerCase()}${id}${cls}> right=${Math.round(r.right + window.scrollX)} width=${Math.round(r.width)} “${text}”`;
    };
    // An element clipped by a scrolling or hidden-overflow ancestor that itself fits does not
    // widen the page.
    // An absolutely positioned element escapes such ancestors below its containing block; a
    // fixed one escapes them all.
    const clipped = (el) => {
      const position = getComputedStyle(el).position;
      if (position === "fixed") return false;
      const block = position === "absolute" ? el.offsetParent || doc : null;
      for (let p = el.parentElement; p && p !== document.body && p !== doc; p = p.parentElement) {
        if (block && !p.contains(block)) continue;
        if (getComputedStyle(p).overflowX !== "visible" && p.getBoundingClientRect().right <= vw + 0.5) return true;
      }
      return false;
    };
    const sticking = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right + window.scrollX > vw + 0.5 && !clipped(el);
    };
    const all = [...document.body.querySelectorAll("*")].filter(sticking);
    const set = new Set(all);
    // The outermost offenders (their parent fits), widest first; then the deepest one.
    const outer = all.filter((el) => !set.has(el.parentElement)).sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right);
    const widest = all.reduce((w, el) => (!w || el.getBoundingClientRect().right > w.getBoundingClientRect().right ? el : w), null);
    // Alike offenders (same tag and class) are counted once, the one furthest right shown.
    const kinds = new Map();
    for (const el of outer) {
      const key = el.tagName + "." + el.className;
      if (kinds.has(key)) kinds.get(key).count += 1;
      else kinds.set(key, { el, count: 1 });
    }
    const shown = [...kinds.values()].slice(0, 4);
    const lines = shown.map(({ el, count }) => describe(el) + (count > 1 ? ` (and ${count - 1} more alike)` : ""));
    if (lines.length === 0) lines.push("no element found sticking out (clipped or pseudo-element content)");
    if (widest && !shown.some(({ el }) => el === widest)) lines.push(`widest inside: ${describe(widest)}`);
    return `scrollWidth ${doc.scrollWidth} > innerWidth ${vw}: ${lines.join(" | ")}`;
  });
}

async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) =>
      window.axe
        .run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
        .then((r) => ({
          rules: r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length,
          violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })),
        })),
    AXE_TAGS,
  );
  // A run that checked no rule at all would pass anything.
  if (violations.rules === 0) return ["axe-core ran no rule"];
  return violations.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(", ")}${v.nodes.length > 4 ? ` (+${v.nodes.length - 4})` : ""}`,
  );
}

/** A browser context with downloads, its clock fixed on `at`, one page recording console errors. */
async function roleContext(app, at) {
  const context = await app.browser().newContext({ acceptDownloads: true, viewport: WIDTHS[0] });
  const page = await newPage(context);
  await page.clock.setFixedTime(at);
  await page.addInitScript(() => {
    window.print = () => {};
  });
  page.where = { state: "set-up", width: 1280 };
  page.errors = [];
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const url = m.location()?.url;
    page.errors.push({ where: page.where, text: m.text() + (url ? ` (${url.replace(/^https?:\/\/[^/]+/, "")})` : "") });
  });
  page.on("pageerror", (e) => page.errors.push({ where: page.where, text: `pageerror: ${e.message}` }));
  return { context, page };
}

/** Opens the date picker of the page's first date field. */
async function openDatePicker(page, lang) {
  const dialog = page.locator("[role=dialog]:visible");
  if ((await dialog.count()) > 0) return;
  await page.getByRole("button", { name: startsWith("DatePickerOpenFor", lang) }).first().click();
  await dialog.first().waitFor();
}

async function closeDatePicker(page) {
  const dialog = page.locator("[role=dialog]:visible");
  if ((await dialog.count()) === 0) return;
  await page.keyboard.press("Escape");
  await dialog.first().waitFor({ state: "hidden" });
}

/** The narrow-screen menu button, when the header has one. */
function menuButton(page) {
  return page.getByRole("button", { name: "Menu", exact: true });
}

/**
 * The states swept, in order, for a role: `reach` gets there (a link followed, `focus: true`,
 * has its heading focus checked), `ensure` restores a state a resize may have undone, `leave`
 * undoes it, `widths` limits the sizes.
 */
function teacherStates(files) {
  return [
    { name: "catalogue /", focus: true, reach: (p) => follow(p, linkTo(p, "")) },
    menuOpen,
    { name: "model /modele/thymio", focus: true, reach: (p) => follow(p, p.getByRole("link", { name: /^(Robot Thymio II|Thymio II robot)$/ })) },
    { name: "booking /reserver", focus: true, reach: (p) => follow(p, linkTo(p, "reserver")) },
    {
      name: "booking, date picker open",
      reach: (p, lang) => openDatePicker(p, lang),
      ensure: (p, lang) => openDatePicker(p, lang),
      leave: closeDatePicker,
      fits: "[role=dialog]",
    },
    { name: "my bookings /mes-reservations", focus: true, reach: (p) => follow(p, linkTo(p, "mes-reservations")) },
    {
      name: "my bookings, incident form open",
      reach: async (p, lang) => {
        const card = p.locator("article").filter({ has: p.getByRole("heading", { name: "Radio des CM2" }) });
        await card.getByRole("button", { name: msg("DeclareIncident", lang), exact: true }).click();
        await card.getByRole("button", { name: msg("IncidentCancel", lang), exact: true }).waitFor();
      },
    },
    {
      name: "agreement /mes-reservations/<id>/convention",
      focus: true,
      reach: (p) => follow(p, p.locator("article").filter({ has: p.getByRole("heading", { name: "Radio des CM2" }) }).locator('a[href$="/convention"]')),
    },
    { name: "profile /profil", focus: true, reach: (p) => follow(p, linkTo(p, "profil")) },
    { name: "settings /parametres", focus: true, reach: (p) => follow(p, linkTo(p, "parametres")) },
    { name: "settings, import preview (published catalogue)", reach: (p, lang) => importPreview(p, lang, files.catalogue), leave: (p, lang) => cancelImport(p, lang) },
    { name: "about /a-propos", focus: true, reach: (p) => follow(p, linkTo(p, "a-propos")) },
    { name: "unit /exemplaire/<label> (address bar)", reach: (p) => open(p, `exemplaire/${files.unit}`) },
    { name: "404 (address bar)", reach: (p) => open(p, "nulle-part/ici") },
  ];
}

function coordinatorStates(files) {
  // A booking's desk page, from its link in the workspace's tables, with its form (`submit`) shown.
  const desk = (project, submit) => async (p, lang) => {
    await follow(p, p.getByRole("link", { name: project, exact: true }).first());
    await p.getByRole("button", { name: msg(submit, lang), exact: true }).waitFor();
  };
  return [
    { name: "catalogue /", focus: true, reach: (p) => follow(p, linkTo(p, "")) },
    menuOpen,
    { name: "model /modele/thymio", focus: true, reach: (p) => follow(p, p.getByRole("link", { name: /^(Robot Thymio II|Thymio II robot)$/ })) },
    { name: "booking on a teacher's behalf /reserver", focus: true, reach: (p) => follow(p, linkTo(p, "reserver")) },
    {
      name: "booking, date picker open",
      reach: (p, lang) => openDatePicker(p, lang),
      ensure: (p, lang) => openDatePicker(p, lang),
      leave: closeDatePicker,
      fits: "[role=dialog]",
    },
    { name: "requests /gestion", focus: true, reach: (p) => follow(p, linkTo(p, "gestion")) },
    { name: "booking desk, hand-over form /gestion/reservations/<id>", focus: true, reach: desk("Lecture à voix haute", "HandOverSubmit") },
    { name: "agreement /gestion/reservations/<id>/convention", focus: true, reach: (p) => follow(p, p.locator('main a[href$="/convention"]:visible').first()) },
    { name: "requests /gestion (again)", reach: (p) => follow(p, linkTo(p, "gestion")), widths: [] },
    { name: "booking desk, loan out (return form)", focus: true, reach: desk("Radio des CM2", "ReturnSubmit") },
    { name: "unit /exemplaire/<label> (from the desk)", focus: true, reach: (p) => follow(p, p.locator('main a[href*="/exemplaire/"]:visible').first()) },
    { name: "planning /gestion/planning", focus: true, reach: (p) => viaDesk(p, "gestion/planning") },
    {
      name: "planning, a booked model",
      reach: (p) => p.locator("#timeline-model").selectOption({ value: "enregistreur-zoom" }),
    },
    { name: "catalogue admin /gestion/catalogue", focus: true, reach: (p) => viaDesk(p, "gestion/catalogue") },
    {
      name: "catalogue admin, a model chosen",
      reach: async (p) => {
        await p.locator("#cat-model-pick").selectOption({ value: "enregistreur-zoom" });
        await p.locator("#cat-units-heading").waitFor();
      },
    },
    { name: "label sheet /gestion/etiquettes", focus: true, reach: (p) => viaDesk(p, "gestion/etiquettes") },
    {
      name: "label sheet, labels with QR codes shown",
      reach: async (p) => {
        await p.locator("#labels-choice").selectOption({ index: 1 });
        await p.locator(".label-sheet svg[role=img]").first().waitFor();
      },
    },
    { name: "trainings /gestion/formations", focus: true, reach: (p) => viaDesk(p, "gestion/formations") },
    { name: "teacher /gestion/enseignants/<id>", focus: true, reach: (p) => follow(p, p.locator('main a[href*="/gestion/enseignants/"]:visible').first()) },
    { name: "incidents /gestion/sinistres", focus: true, reach: (p) => viaDesk(p, "gestion/sinistres") },
    {
      name: "incidents, declaration form open",
      reach: async (p, lang) => {
        await p.getByRole("button", { name: msg("IncidentAdminDeclareOpen", lang), exact: true }).click();
        await p.locator("#incident-admin-unit").waitFor();
      },
    },
    { name: "reports /gestion/rapports", focus: true, reach: (p) => viaDesk(p, "gestion/rapports") },
    { name: "profile /profil", focus: true, reach: (p) => follow(p, linkTo(p, "profil")) },
    { name: "settings /parametres", focus: true, reach: (p) => follow(p, linkTo(p, "parametres")) },
    { name: "settings, import preview (a teacher's requests)", reach: (p, lang) => importPreview(p, lang, files.requests), leave: (p, lang) => cancelImport(p, lang) },
    { name: "about /a-propos", focus: true, reach: (p) => follow(p, linkTo(p, "a-propos")) },
    { name: "404 (address bar)", reach: (p) => open(p, "nulle-part/ici") },
  ];
}

/** The header's menu open on narrow screens, when it has a menu button (checked on the catalogue). */
const menuOpen = {
      name: "catalogue, narrow-screen menu open",
      widths: [390, 320],
      ensure: async (p) => {
        const button = menuButton(p);
        if ((await button.count()) === 0 || !(await button.first().isVisible())) return "skip";
        if ((await button.first().getAttribute("aria-expanded")) !== "true") await button.first().click();
        await p.waitForFunction(() => document.querySelector('button[aria-expanded="true"]') !== null, null, { timeout: 5_000 });
      },
      leave: async (p) => {
        const button = menuButton(p);
        if ((await button.count()) > 0 && (await button.first().getAttribute("aria-expanded")) === "true") await button.first().click();
      },
};

async function importPreview(page, lang, path) {
  const name = path.split("/").pop();
  await page.locator("main input[type=file]").setInputFiles(path);
  await page.getByRole("region", { name: msg("ImportPreviewTitle", lang).replace("{file}", name) }).waitFor();
}

async function cancelImport(page, lang) {
  await page.getByRole("button", { name: msg("ImportCancel", lang), exact: true }).click();
}

/**
 * Sweeps every state for one role in one language; returns the failures, one line each.
 */
async function sweep(page, states, lang) {
  const failures = [];
  const fail = (state, width, kind, detail) => failures.push(`[${state}] @${width}px ${kind}: ${detail}`);
  for (const state of states) {
    const started = Date.now();
    page.where = { state: state.name, width: 1280 };
    await page.setViewportSize(WIDTHS[0]);
    if (state.reach) {
      try {
        await state.reach(page, lang);
      } catch (e) {
        fail(state.name, 1280, "could not reach", e.message.split("\n")[0]);
        continue;
      }
      if (state.focus) {
        const wrong = await focusOnHeading(page);
        if (wrong) fail(state.name, 1280, "focus", `not on the main heading after following a link: ${wrong}`);
      }
    }
    for (const size of WIDTHS) {
      if (state.widths && !state.widths.includes(size.width)) continue;
      page.where = { state: state.name, width: size.width };
      await page.setViewportSize(size);
      if (state.ensure) {
        let result;
        try {
          result = await state.ensure(page, lang);
        } catch (e) {
          fail(state.name, size.width, "could not restore the state", e.message.split("\n")[0]);
          continue;
        }
        if (result === "skip") continue;
      }
      // Layout settles on a frame after the resize.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const wide = await overflow(page);
      if (wide) fail(state.name, size.width, "overflow", wide);
      if (state.fits) {
        const out = await page.evaluate((selector) => {
          const el = [...document.querySelectorAll(selector)].find((e) => e.checkVisibility());
          if (!el) return `${selector} not shown`;
          const r = el.getBoundingClientRect();
          return r.left < -0.5 || r.right > window.innerWidth + 0.5
            ? `${selector} spans ${Math.round(r.left)}–${Math.round(r.right)} px (width ${Math.round(r.width)}), beyond the ${window.innerWidth} px viewport`
            : null;
        }, state.fits);
        if (out) fail(state.name, size.width, "off-screen", out);
      }
      for (const v of await axeViolations(page)) fail(state.name, size.width, "axe", v);
    }
    if (state.leave) {
      try {
        await state.leave(page, lang);
      } catch (e) {
        fail(state.name, 1280, "could not leave the state", e.message.split("\n")[0]);
      }
    }
    if (process.env.SWEEP_TIMING) console.log(`# ${state.name}: ${Date.now() - started} ms`);
  }
  await page.setViewportSize(WIDTHS[0]);
  // Console errors since the last sweep: the set-up's (in the first one), the language switch's, the sweep's.
  for (const { where, text } of page.errors) fail(where.state, where.width, "console error", text);
  page.errors.length = 0;
  return failures;
}

/** Switches the language with the header's buttons, as a user does. */
async function switchLanguage(page, { code, button }) {
  page.where = { state: `language switch to ${code}`, width: 1280 };
  await page.locator("header").getByRole("button", { name: button, exact: true }).click();
  await page.waitForFunction((code) => document.documentElement.lang === code, code, { timeout: 10_000 });
}

describe(`Acceptance sweep under ${BASE}`, () => {
  const app = useApp();
  const report = {};
  let workdir;
  let teacher;
  let coordinator;
  const files = {};

  before(async () => {
    workdir = mkdtempSync(join(tmpdir(), "materiotheque-sweep-"));
    const url = app.server().url;

    // The teacher: a profile, three bookings, her requests file.
    teacher = await roleContext(app, MONDAY);
    const t = teacher.page;
    await saveProfile(t, url);
    await book(t, { model: "Enregistreur Zoom H1n", quantity: 2, start: "07/12/2026", end: "18/12/2026", project: "Radio des CM2" });
    await book(t, { model: "Visualiseur USB", quantity: 1, start: "07/12/2026", end: "11/12/2026", project: "Lecture à voix haute" });
    await book(t, { model: "Station météo connectée", quantity: 2, start: "11/01/2027", end: "22/01/2027", project: "Météo de l'école" });
    await nav(t, "Paramètres");
    files.requestsFirst = join(workdir, "demandes.json");
    writeFileSync(files.requestsFirst, await download(t, "Envoyer mes demandes au gestionnaire"));

    // The coordinator takes them in, confirms two, hands one over, declares an incident.
    coordinator = await roleContext(app, MONDAY);
    const c = coordinator.page;
    await c.goto(url + "parametres");
    await appReady(c);
    await c.getByRole("radio", { name: "Gestionnaire du prêt" }).check();
    await importFile(c, files.requestsFirst, "demandes.json");
    await nav(c, "Gestion");
    const queue = c.getByRole("table", { name: /demandes à confirmer ou refuser/ });
    for (const project of ["Radio des CM2", "Lecture à voix haute"]) await queue.getByRole("row", { name: new RegExp(project) }).getByRole("checkbox").check();
    await c.getByRole("button", { name: "Confirmer la sélection" }).click();
    await c.getByRole("status").filter({ hasText: "Réservations confirmées : 2." }).waitFor();
    await c.clock.setFixedTime(HAND_OVER_DAY);
    await c.getByRole("table", { name: "Confirmées, à remettre" }).getByRole("link", { name: "Radio des CM2" }).click();
    await pageReady(c);
    await c.getByRole("heading", { name: "Remise du matériel" }).waitFor();
    files.unit = await c.getByLabel("Enregistreur Zoom H1n, exemplaire 1 sur 2").inputValue();
    await c.getByRole("button", { name: "Remettre ces exemplaires" }).click();
    await c.getByRole("status").filter({ hasText: "Matériel remis" }).waitFor();
    await c.goto(url + "gestion/sinistres");
    await c.getByRole("heading", { name: "Sinistres", level: 1 }).waitFor();
    await c.getByRole("button", { name: "Déclarer un sinistre" }).click();
    await c.getByLabel("Étiquette de l'exemplaire").fill("SEM-ROB-0002");
    await c.getByLabel("Ce qui s'est passé").fill("Roue cassée");
    await c.getByLabel("Heure de la découverte").fill("08:30");
    await c.getByRole("button", { name: "Déclarer le sinistre" }).click();
    await c.getByRole("status").filter({ hasText: "Sinistre déclaré sur SEM-ROB-0002." }).waitFor();
    await nav(c, "Paramètres");
    files.answer = join(workdir, "reponse.json");
    writeFileSync(files.answer, await download(c, "Produire les réponses"));
    files.catalogue = join(workdir, "catalogue-publie.json");
    writeFileSync(files.catalogue, await download(c, "Exporter le catalogue"));

    // The teacher takes her answer in, books once more (a second requests file, for the
    // coordinator's import preview) and leaves one model in her basket.
    await t.clock.setFixedTime(HAND_OVER_DAY);
    await importFile(t, files.answer, "reponse.json");
    await book(t, { model: "Visualiseur USB", quantity: 1, start: "04/01/2027", end: "08/01/2027", project: "Lecture suivie" });
    await nav(t, "Paramètres");
    files.requests = join(workdir, "demandes-janvier.json");
    writeFileSync(files.requests, await download(t, "Envoyer mes demandes au gestionnaire"));
    await nav(t, "Catalogue");
    await t.getByRole("link", { name: "Enregistreur Zoom H1n", exact: true }).click();
    await pageReady(t);
    await t.getByRole("heading", { name: "Enregistreur Zoom H1n", level: 1 }).waitFor();
    await t.getByRole("button", { name: "Ajouter au panier" }).click();
    await t.getByRole("status").filter({ hasText: "dans le panier" }).waitFor();
    await nav(t, "À propos");
    await t.getByRole("heading", { name: "À propos", level: 1 }).waitFor();
    await nav(c, "Catalogue");
    await c.getByRole("link", { name: "Visualiseur USB", exact: true }).click();
    await pageReady(c);
    await c.getByRole("heading", { name: "Visualiseur USB", level: 1 }).waitFor();
    await c.getByRole("button", { name: "Ajouter au panier" }).click();
    await c.getByRole("status").filter({ hasText: "dans le panier" }).waitFor();
    await nav(c, "À propos");
    await c.getByRole("heading", { name: "À propos", level: 1 }).waitFor();
  });

  after(async () => {
    await teacher?.context.close();
    await coordinator?.context.close();
    if (workdir) rmSync(workdir, { recursive: true, force: true });
    if (process.env.SWEEP_REPORT) writeFileSync(process.env.SWEEP_REPORT, JSON.stringify(report, null, 2));
  });

  for (const role of ["teacher", "coordinator"]) {
    for (const lang of LANGS) {
      test(`${role}, ${lang.code}: every page and dialog at ${WIDTHS.map((w) => w.width).join(", ")} px`, async () => {
        const { page } = role === "teacher" ? teacher : coordinator;
        await switchLanguage(page, lang);
        const states = role === "teacher" ? teacherStates(files) : coordinatorStates(files);
        const started = Date.now();
        const failures = await sweep(page, states, lang.code);
        report[`${role} ${lang.code}`] = { seconds: Math.round((Date.now() - started) / 1000), failures };
        assert.equal(failures.length, 0, `${failures.length} problem(s) for the ${role} in ${lang.code}:\n  ${failures.join("\n  ")}`);
      });
    }
  }
});
