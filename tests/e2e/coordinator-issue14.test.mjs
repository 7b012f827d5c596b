// End-to-end: what a coordinator checks after issue 14, against the release build, French UI,
// browser clock fixed on Tuesday 1 December 2026. The pool is the demo's, with a few bookings
// added through a backup (the app's own export, edited): one confirmed for January (handed over
// early), one confirmed whose first day has passed (not picked up), one out past its last day
// whose interactive screen comes back damaged, and a January booking counting on both screens.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appReady, exportBackup, expectNoAxeViolations, expectNoProblems, newPage, useApp, pageReady } from "./support.mjs";
import { BASE } from "./support.mjs";

const TODAY = new Date("2026-12-01T09:00:00");
const SCREEN = "Écran interactif mobile 65 pouces";
const DAMAGED = "SEM-VIS-0016";

const status = (page, text) => page.getByRole("status").filter({ hasText: text }).waitFor();

/** Adds two teachers and the bookings of the scenario to an exported backup. */
function fillPool(backup) {
  const pool = backup.pool;
  const monge = pool.schools.find((s) => s.name === "École élémentaire Monge");
  pool.teachers.push(
    { id: "t-anne", name: "Anne Martin", email: "anne.martin@ac-lyon.fr", school: monge.id },
    { id: "t-paul", name: "Paul Durand", email: "paul.durand@ac-lyon.fr", school: monge.id },
  );
  const history = (teacher, ...steps) => [
    { at: "2026-10-01T08:00:00", by: { teacher }, status: "requested" },
    ...steps.map(([at, status]) => ({ at, by: "coordinator", status })),
  ];
  const booking = (b) => ({ agreement_version: pool.settings.agreement.version, units: [], class: "CM2", ...b });
  pool.bookings.push(
    booking({
      id: "r-tot", teacher: "t-anne", lines: [{ model: "visualiseur", quantity: 1 }],
      start: "2027-01-11", end: "2027-01-22", project: "Sciences au visualiseur", status: "confirmed",
      history: history("t-anne", ["2026-10-02T09:00:00", "confirmed"]),
    }),
    booking({
      id: "r-oubli", teacher: "t-paul", lines: [{ model: "station-meteo", quantity: 1 }],
      start: "2026-11-23", end: "2026-12-11", project: "Météo de la cour", status: "confirmed",
      history: history("t-paul", ["2026-10-02T09:00:00", "confirmed"]),
    }),
    booking({
      id: "r-ecran", teacher: "t-anne", lines: [{ model: "ecran-interactif", quantity: 1 }],
      start: "2026-11-16", end: "2026-11-27", project: "Exposés numériques", status: "handed_over",
      units: [{ label: DAMAGED, model: "ecran-interactif", condition_out: "good" }],
      history: history("t-anne", ["2026-10-02T09:00:00", "confirmed"], ["2026-11-16T08:30:00", "handed_over"]),
    }),
    booking({
      id: "r-janvier", teacher: "t-paul", lines: [{ model: "ecran-interactif", quantity: 2 }],
      start: "2027-01-18", end: "2027-01-29", project: "Conseil des élèves", status: "confirmed",
      history: history("t-paul", ["2026-10-02T09:00:00", "confirmed"]),
    }),
  );
}

describe(`Coordinator checks of issue 14 under ${BASE}`, () => {
  const app = useApp();

  test("desk, return for repair, incident, labels, catalogue and reports as a coordinator checks them", async () => {
    const workdir = mkdtempSync(join(tmpdir(), "materiotheque-issue14-"));
    try {
      const url = app.server().url;
      const context = await app.browser().newContext({ acceptDownloads: true });
      const page = await newPage(context);
      await page.clock.setFixedTime(TODAY);
      await page.goto(url + "parametres");
      await appReady(page);
      await page.getByRole("radio", { name: "Gestionnaire du prêt" }).check();
      const backup = await exportBackup(page);
      fillPool(backup);
      const backupPath = join(workdir, "sauvegarde.json");
      writeFileSync(backupPath, JSON.stringify(backup));
      await page.getByLabel("Fichier de données", { exact: true }).setInputFiles(backupPath);
      await page.getByRole("region", { name: "Ce que sauvegarde.json changera" }).getByRole("button", { name: "Importer", exact: true }).click();
      await page.getByText("Import effectué.").waitFor();

      // The desk: the booking whose first day passed without a hand-over is listed with its
      // days late in words; the loan out past its last day too.
      await page.goto(url + "gestion");
      await page.getByRole("heading", { name: "Demandes à traiter", level: 1 }).waitFor();
      const notPicked = page.getByRole("table", { name: "Réservations confirmées non retirées" });
      const late = notPicked.getByRole("row").filter({ hasText: "Météo de la cour" });
      await late.getByText("8 jours de retard", { exact: true }).waitFor();
      assert.match(await late.innerText(), /Paul Durand/);
      const toHandOver = page.getByRole("table", { name: "Confirmées, à remettre" });
      await toHandOver.getByRole("link", { name: "Sciences au visualiseur" }).waitFor();
      assert.equal(await toHandOver.getByRole("link", { name: "Météo de la cour" }).count(), 0, "listed once, as late");
      const overdue = page.getByRole("table", { name: "Prêts en retard" });
      await overdue.getByRole("row").filter({ hasText: "Exposés numériques" }).getByText("4 jours de retard").waitFor();
      await expectNoAxeViolations(page, "desk with late pick-ups");

      // A booking's page is titled with its project and teacher; handing over six weeks early
      // is warned about, with the days, before the coordinator confirms.
      await toHandOver.getByRole("link", { name: "Sciences au visualiseur" }).click();
      await pageReady(page);
      const title = "Réservation « Sciences au visualiseur » (Anne Martin)";
      await page.getByRole("heading", { name: title, level: 1 }).waitFor();
      assert.equal(await page.title(), `${title} — Matériothèque`);
      await page.getByRole("heading", { name: "Remise du matériel" }).waitFor();
      const early = page.getByRole("note").filter({ hasText: "Remise anticipée" });
      assert.equal(
        (await early.innerText()).trim(),
        "Remise anticipée de 41 jours : la réservation commence le lundi 11 janvier 2027. Le matériel sera absent du parc plus longtemps que prévu.",
      );
      // No blank gap before the refusal: the refusal's button follows its field closely.
      const gap = await page.evaluate(() => {
        const field = document.getElementById("desk-reason").getBoundingClientRect();
        const button = [...document.querySelectorAll("button")].find((b) => b.innerText.trim() === "Refuser la réservation");
        const hand = [...document.querySelectorAll("button")].find((b) => b.innerText.trim() === "Remettre ces exemplaires");
        const heading = document.getElementById("decision-heading").getBoundingClientRect();
        return { button: button.getBoundingClientRect().top - field.bottom, heading: heading.top - hand.getBoundingClientRect().bottom };
      });
      assert.ok(gap.button < 40, `field to button: ${gap.button}px`);
      assert.ok(gap.heading < 120, `hand-over to refusal heading: ${gap.heading}px`);
      await expectNoAxeViolations(page, "early hand-over");

      // The screen out past its last day comes back damaged: it goes for repair, the return
      // says so, and the January booking counting on both screens is named as short.
      await page.goto(url + "gestion/reservations/r-ecran");
      await page.getByRole("heading", { name: "Réservation « Exposés numériques » (Anne Martin)", level: 1 }).waitFor();
      await page.getByLabel(`État au retour de ${DAMAGED}`).selectOption({ label: "Endommagé" });
      await page.getByRole("button", { name: "Enregistrer le retour" }).click();
      await status(page, `Retour enregistré. Hors service jusqu'à réparation : ${DAMAGED}.`);
      const notice = await page.getByRole("status").filter({ hasText: "Retour enregistré." }).innerText();
      assert.ok(!notice.includes("de nouveau disponible"), notice);
      assert.match(notice, /À revoir : « Conseil des élèves » de Paul Durand \(18\/01\/2027 – 29\/01\/2027\) demande 2 × Écran interactif mobile 65 pouces, pour 1 exemplaire libre\./);

      // The incident form opens: no warning sign before any error; sent without a description,
      // it is refused on the field.
      const form = page.locator("form.incident-form");
      await form.getByLabel("Ce qui s'est passé").waitFor();
      assert.equal(await form.locator(".field-error").count(), 0, "no stray warning sign");
      assert.ok(!(await form.innerText()).includes("⚠"));
      await form.getByRole("button", { name: "Envoyer la déclaration" }).click();
      const description = form.getByLabel("Ce qui s'est passé");
      await form.getByText("Décrivez ce qui s'est passé : l'état de l'exemplaire et les circonstances.").waitFor();
      assert.equal(await description.getAttribute("aria-invalid"), "true");
      await page.waitForFunction(() => document.activeElement?.tagName === "TEXTAREA");
      await expectNoAxeViolations(page, "incident refused without description");
      await description.fill("Dalle fissurée dans un coin.");
      await form.getByRole("button", { name: "Envoyer la déclaration" }).click();
      await status(page, "Incident déclaré dans le délai de 48 heures.");

      // Out of service: one screen in service, off the label sheet, named on the desk.
      await page.goto(url + "modele/ecran-interactif");
      await page.getByRole("heading", { name: SCREEN, level: 1 }).waitFor();
      await page.locator(".model-facts").filter({ hasText: /^\s*1 en service · / }).waitFor();
      await page.goto(url + "gestion/etiquettes?modele=ecran-interactif");
      await page.getByRole("heading", { name: "Étiquettes à imprimer", level: 1 }).waitFor();
      await page.getByText("1 étiquette ; planches A4 de 3 × 8 : 1.").waitFor();
      assert.equal(await page.getByRole("img", { name: `Code QR de l'exemplaire ${DAMAGED}` }).count(), 0, "in repair");
      await page.goto(url + "gestion");
      await page.getByRole("heading", { name: "Conflits à résoudre" }).waitFor();

      // The catalogue: the unit is being repaired; marked repaired, it is back in service.
      await page.goto(url + "gestion/catalogue?modele=ecran-interactif");
      await page.getByRole("table", { name: `2 exemplaires de ${SCREEN}, dont 1 en service` }).waitFor();
      const row = page.getByRole("row").filter({ hasText: DAMAGED });
      await row.getByRole("cell", { name: "En réparation", exact: true }).waitFor();
      await expectNoAxeViolations(page, "a unit being repaired");
      await row.getByRole("button", { name: `Marquer réparé ${DAMAGED}`, exact: true }).click();
      await status(page, `${DAMAGED} est réparé, en bon état et de nouveau en service.`);
      await page.getByRole("table", { name: `2 exemplaires de ${SCREEN}, dont 2 en service` }).waitFor();
      await page.goto(url + "gestion/etiquettes?modele=ecran-interactif");
      await page.getByText("2 étiquettes ; planches A4 de 3 × 8 : 1.").waitFor();
      await page.getByRole("img", { name: `Code QR de l'exemplaire ${DAMAGED}` }).waitFor();
      await page.goto(url + "gestion");
      await page.getByRole("heading", { name: "Demandes à traiter", level: 1 }).waitFor();
      assert.equal(await page.getByRole("heading", { name: "Conflits à résoudre" }).count(), 0, "no conflict left");

      // Units in bulk: the pattern's syntax is explained under the field, and a wrong pattern
      // is refused saying what is wrong, on the field.
      await page.goto(url + "gestion/catalogue?modele=ecran-interactif");
      const pattern = page.getByLabel("Modèle d'étiquette");
      await pattern.waitFor();
      const hint = await page.locator("#cat-add-pattern-hint").innerText();
      assert.match(hint, /premier numéro entre accolades : SEM-TAB-\{0001\} donne SEM-TAB-0001, SEM-TAB-0002/);
      assert.match(await pattern.getAttribute("aria-describedby"), /cat-add-pattern-hint/);
      await pattern.fill("SEM-VIS-{A1}");
      await page.getByRole("button", { name: "Ajouter les exemplaires" }).click();
      const wrong = "Entre les accolades, écrivez seulement des chiffres, par exemple {0001}.";
      await page.locator("#cat-add-pattern-error").filter({ hasText: wrong }).waitFor();
      assert.equal(await pattern.getAttribute("aria-invalid"), "true");
      await pattern.fill("SEM-VIS");
      await page.getByRole("button", { name: "Ajouter les exemplaires" }).click();
      await page.locator("#cat-add-pattern-error").filter({ hasText: "n'a pas de numéro entre accolades" }).waitFor();
      await expectNoAxeViolations(page, "a refused label pattern");

      // Reports: the current school year by default, what is counted said, counts in words.
      await page.goto(url + "gestion/rapports");
      await page.getByRole("heading", { name: "Rapports", level: 1 }).waitFor();
      await status(page, "Période du 01/09/2026 au 01/12/2026.");
      await page.getByText("Par défaut, l'année scolaire en cours").waitFor();
      await page.getByText(/^Jours de prêt : les jours de classe entre la remise du matériel et son retour/).waitFor();
      const usage = page.getByRole("table", { name: /Utilisation et refus par modèle, du 01\/09\/2026 au 01\/12\/2026/ });
      const screenRow = usage.getByRole("row").filter({ hasText: SCREEN });
      const cells = await screenRow.locator("th, td").allInnerTexts();
      assert.equal(cells[1], "12", `16 Nov – 1 Dec: 12 school days on loan (${cells})`);
      const facts = await page.locator(".report-facts").innerText();
      assert.match(facts, /^1 sinistre sur la période, [\d\u202f]+,\d\d\u00a0€ à rembourser au total\.$/m);
      assert.match(facts, /^0 déclaré après le délai de 48 heures\.$/m);
      assert.match(facts, /^1 sur un exemplaire trop ancien pour être remplacé\.$/m);
      const text = await page.locator("main").innerText();
      assert.ok(!/\b1 (déclarés|sinistres|réservations)\b/.test(text), "no plural after 1");
      assert.ok(!text.includes("(s)"));
      await expectNoAxeViolations(page, "reports over the school year");
      await expectNoProblems(page);
      await context.close();
    } finally {
      rmSync(workdir, { recursive: true, force: true });
    }
  });
});
