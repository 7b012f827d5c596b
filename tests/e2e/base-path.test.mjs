// End-to-end: what depends on where the app is deployed (at the root, or under a sub-path such
// as /pret/): deep links and the 404 page, the service worker's scope, offline use and the
// update prompt, the manifest, the catalogue published beside the app, and the addresses the app
// writes into links and QR codes. `make test` runs this file under both deployments; every other
// file runs at / only, since nothing else in them depends on the base path.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stampServiceWorker } from "../../scripts/post-build.mjs";
import { BASE, DIST, appReady, heading, decodeQr, expectNoAxeViolations, expectNoProblems, newPage, pageReady, saveProfile, serve, useApp } from "./support.mjs";
import { offlineReady, savedSince, storedSlots } from "./support.mjs";

const TODAY = new Date("2026-11-23T09:00:00");

const PAGES = [
  { path: "", fr: "Catalogue du matériel" },
  { path: "modele/thymio", fr: "Robot Thymio II" },
  { path: "reserver", fr: "Réserver du matériel" },
  { path: "mes-reservations", fr: "Mes réservations" },
  { path: "profil", fr: "Mon profil" },
  { path: "parametres", fr: "Paramètres" },
  { path: "a-propos", fr: "À propos" },
  { path: "nulle-part/ici", fr: "Page introuvable" },
];

/** A teacher page's address as the app writes it: the dots of the e-mail escaped twice, so a
 * static host sees no file extension ("anne.martin@ac-lyon.fr" would look like a ".fr" file). */
const teacherPath = (id) => "gestion/enseignants/" + id.replaceAll(".", "%252E");

describe(`Deployed under ${BASE}`, () => {
  const app = useApp();
  let browser;
  let server;
  before(() => {
    browser = app.browser();
    server = app.server();
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
    await pageReady(page);
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

  test("a label's QR code, a teacher's and a unit's links hold addresses under the deployment path", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await page.clock.setFixedTime(TODAY);
    await saveProfile(page, server.url);
    await page.goto(server.url + "parametres");
    await appReady(page);
    await page.getByRole("radio", { name: "Gestionnaire du prêt" }).check();

    // The trainings page links to the teacher's page, under the deployment path.
    await page.goto(server.url + "gestion/formations");
    const teacher = page.getByRole("region", { name: "Enseignants" }).getByRole("link", { name: "Anne Martin" });
    assert.equal(await teacher.getAttribute("href"), BASE + teacherPath("anne.martin@ac-lyon.fr"));
    await teacher.click();
    await pageReady(page);
    await page.getByRole("heading", { name: "Enseignant : Anne Martin", level: 1 }).waitFor();

    // A label's QR code holds the unit page's whole address, which opens on another device.
    await page.goto(server.url + "gestion/etiquettes");
    await page.getByLabel("Étiquettes à imprimer pour").selectOption({ label: "Toute la catégorie Sciences et nature" });
    const first = page.locator(".label-sheet svg[role=img]").first();
    await first.waitFor();
    const label = (await first.getAttribute("aria-label")).replace("Code QR de l'exemplaire ", "");
    const url = await decodeQr(page, label);
    assert.equal(url, `${server.url}exemplaire/${label}`);
    const phone = await newPage(await browser.newContext());
    await phone.goto(url);
    await phone.getByRole("heading", { name: `Exemplaire ${label}`, level: 1 }).waitFor();
    // The unit page's own links stay under the deployment path.
    const hrefs = await phone.$$eval("main a[href]", (links) => links.map((a) => a.getAttribute("href")));
    assert.deepEqual(hrefs.filter((href) => !href.startsWith(BASE)), [], "links leaving the deployment path");
    await expectNoProblems(page);
    await expectNoProblems(phone);
    await context.close();
    await phone.context().close();
  });


  test("a newer catalogue.json is offered, previewed and taken in once", async () => {
    const demo = JSON.parse(await readFile("src/demo/catalogue.json", "utf8"));
    demo.exported_at = "2026-11-20T08:00:00Z";
    demo.catalogue.models.find((m) => m.id === "bluebot").name = "Robot Blue-Bot (nouvelle série)";
    const context = await browser.newContext();
    await context.route(/\/catalogue\.json$/, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(demo) }),
    );
    const page = await newPage(context);
    await page.clock.setFixedTime(TODAY);
    await page.goto(server.url);
    await appReady(page);
    const offer = page.getByRole("status").filter({ hasText: "Un catalogue plus récent a été publié le vendredi 20 novembre 2026" });
    await offer.waitFor();
    await expectNoAxeViolations(page, "catalogue offered");
    await offer.getByRole("link", { name: "Voir ce qu'il change" }).click();
    await pageReady(page);
    await page.getByRole("button", { name: "Examiner le catalogue publié le vendredi 20 novembre 2026" }).click();
    const preview = page.getByRole("region", { name: "Ce que catalogue.json changera" });
    await preview.waitFor();
    assert.deepEqual(await preview.getByRole("row", { name: /Modèles/ }).getByRole("cell").allInnerTexts(), ["0", "1", "0"]);
    const before = await storedSlots(page);
    await preview.getByRole("button", { name: "Importer", exact: true }).click();
    await page.getByText("Import effectué.").waitFor();
    await savedSince(page, before);
    await page.goto(server.url + "modele/bluebot");
    await page.getByRole("heading", { name: "Robot Blue-Bot (nouvelle série)", level: 1 }).waitFor();
    assert.equal(await offer.count(), 0, "once taken in, no longer offered");
    await expectNoProblems(page);
    await context.close();
  });
});
