// End-to-end: the coordinator's desk, against the release build, French UI, with the browser
// clock fixed (the demo pool's dates are for 2026-27): a booking's whole life across a teacher's
// browser and the coordinator's, the training check at hand-over, and the desk by keyboard.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appReady, expectNoAxeViolations, expectNoProblems, interfaceText, newPage, saveProfile, useApp, pageReady } from "./support.mjs";
import { BASE, MESSAGES, book, nav } from "./support.mjs";

const MONDAY = new Date("2026-11-23T09:00:00");
const HAND_OVER_DAY = new Date("2026-12-07T08:30:00");
const RETURN_DAY = new Date("2026-12-18T16:30:00");

const status = (page, text) => page.getByRole("status").filter({ hasText: text }).waitFor();

/** A browser context with downloads, its clock fixed on `at`. */
async function browserAt(app, at) {
  const context = await app.browser().newContext({ acceptDownloads: true });
  const page = await newPage(context);
  await page.clock.setFixedTime(at);
  // Printing opens no dialog in a test: count the calls instead.
  await page.addInitScript(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  return { context, page };
}

async function coordinatorMode(page, url) {
  await page.goto(url + "parametres");
  await appReady(page);
  await page.getByRole("radio", { name: "Gestionnaire du prêt" }).check();
}

async function download(page, buttonName) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: buttonName }).click()]);
  return readFile(await file.path(), "utf8");
}

/** The depreciation rate of rule R5, written out: age in whole years → percent. */
function rate(age) {
  return [100, 80, 60, 40, 20][age] ?? 0;
}

describe(`The coordinator's desk under ${BASE}`, () => {
  const app = useApp();

  test("a booking's whole life: requested, confirmed, seen by the teacher, handed over, agreement printed, returned damaged, incident declared", async () => {
    const workdir = mkdtempSync(join(tmpdir(), "materiotheque-desk-"));
    try {
      const url = app.server().url;
      // The teacher books two Zoom recorders and sends the requests file.
      const { context: teacherContext, page: teacher } = await browserAt(app, MONDAY);
      await saveProfile(teacher, url);
      await book(teacher, {
        model: "Enregistreur Zoom H1n",
        quantity: 2,
        start: "07/12/2026",
        end: "18/12/2026",
        project: "Radio des CM2",
      });
      await nav(teacher, "Paramètres");
      const requestsPath = join(workdir, "demandes-anne.json");
      writeFileSync(requestsPath, await download(teacher, "Envoyer mes demandes au gestionnaire"));

      // The coordinator takes the requests in and confirms from the queue.
      const { context: coordinatorContext, page: coordinator } = await browserAt(app, MONDAY);
      await coordinatorMode(coordinator, url);
      await coordinator.getByLabel("Fichier de données", { exact: true }).setInputFiles(requestsPath);
      const preview = coordinator.getByRole("region", { name: "Ce que demandes-anne.json changera" });
      await preview.getByRole("button", { name: "Importer", exact: true }).click();
      await coordinator.getByText("Import effectué.").waitFor();
      await nav(coordinator, "Gestion");
      await coordinator.getByRole("heading", { name: "Demandes à traiter", level: 1 }).waitFor();
      const queue = coordinator.getByRole("table", { name: /demandes? à confirmer ou refuser/ });
      const row = queue.getByRole("row", { name: /Radio des CM2/ });
      assert.match(await row.innerText(), /Anne Martin/);
      assert.match(await row.innerText(), /2 × Enregistreur Zoom H1n/);
      await expectNoAxeViolations(coordinator, "request queue");
      await row.getByRole("checkbox").check();
      await coordinator.getByRole("button", { name: "Confirmer la sélection" }).click();
      await status(coordinator, "Réservations confirmées : 1.");
      await queue.getByRole("row", { name: /Radio des CM2/ }).waitFor({ state: "detached" });

      // Her answer goes to the teacher, who now sees the booking confirmed.
      await nav(coordinator, "Paramètres");
      const answerPath = join(workdir, "reponse.json");
      writeFileSync(answerPath, await download(coordinator, "Produire les réponses"));
      await nav(teacher, "Paramètres");
      await teacher.getByLabel("Fichier de données", { exact: true }).setInputFiles(answerPath);
      await teacher.getByRole("region", { name: "Ce que reponse.json changera" }).getByRole("button", { name: "Importer", exact: true }).click();
      await teacher.getByText("Import effectué.").waitFor();
      await nav(teacher, "Mes réservations");
      const card = teacher.getByRole("article", { name: "Radio des CM2" });
      await card.getByText("Confirmée", { exact: true }).waitFor();

      // Hand-over day: the units suggested are taken, the agreement lists them.
      await coordinator.clock.setFixedTime(HAND_OVER_DAY);
      await nav(coordinator, "Gestion");
      await coordinator.getByRole("table", { name: "Confirmées, à remettre" }).getByRole("link", { name: "Radio des CM2" }).click();
      await pageReady(coordinator);
      await coordinator.getByRole("heading", { name: "Remise du matériel" }).waitFor();
      const first = coordinator.getByLabel("Enregistreur Zoom H1n, exemplaire 1 sur 2");
      const second = coordinator.getByLabel("Enregistreur Zoom H1n, exemplaire 2 sur 2");
      const labels = [await first.inputValue(), await second.inputValue()];
      assert.ok(labels.every((l) => /^SEM-/.test(l)) && labels[0] !== labels[1], `two units suggested: ${labels}`);
      await expectNoAxeViolations(coordinator, "booking desk, hand-over");
      await coordinator.getByRole("button", { name: "Remettre ces exemplaires" }).click();
      await status(coordinator, `Matériel remis : ${labels.join(", ")}.`);
      // A unit's label opens its page, which shows the loan it is out on.
      const scanned = await newPage(coordinatorContext);
      await scanned.goto(url + `exemplaire/${labels[0]}`);
      await scanned.getByRole("heading", { level: 1 }).filter({ hasText: labels[0] }).waitFor();
      await scanned.getByRole("heading", { name: "Prêt en cours" }).waitFor();
      await scanned.getByText("Anne Martin").first().waitFor();
      assert.match(await scanned.locator("main").innerText(), /18 décembre 2026/, "the loan's last day");
      await scanned.close();
      await coordinator.getByRole("link", { name: "Imprimer la convention" }).click();
      await pageReady(coordinator);
      const agreement = coordinator.locator("article.agreement");
      await agreement.getByRole("heading", { level: 1 }).waitFor();
      for (const label of labels) await agreement.getByText(new RegExp(`^${label} — Enregistreur Zoom H1n`)).waitFor();
      await agreement.getByText("Anne Martin").waitFor();
      await expectNoAxeViolations(coordinator, "agreement");
      await coordinator.getByRole("button", { name: "Imprimer" }).click();
      assert.equal(await coordinator.evaluate(() => window.__printed), 1);

      // Return day: one unit comes back damaged (the younger one, so the table gives an amount);
      // the incident is declared at once.
      const demo = JSON.parse(await readFile("src/demo/catalogue.json", "utf8"));
      const ageOf = (label) => 2026 - Number(demo.catalogue.units.find((u) => u.label === label).acquired.slice(0, 4));
      const damaged = [...labels].sort((a, b) => rate(ageOf(b)) - rate(ageOf(a)))[0];
      const unit = demo.catalogue.units.find((u) => u.label === damaged);
      await coordinator.clock.setFixedTime(RETURN_DAY);
      await coordinator.getByRole("link", { name: "Retour à la réservation" }).click();
      await pageReady(coordinator);
      await coordinator.getByRole("heading", { name: "Retour du matériel" }).waitFor();
      await coordinator.getByLabel(`État au retour de ${damaged}`).selectOption({ label: "Endommagé" });
      await expectNoAxeViolations(coordinator, "booking desk, return");
      await coordinator.getByRole("button", { name: "Enregistrer le retour" }).click();
      await status(coordinator, `Hors service jusqu'à réparation : ${damaged}.`);
      const form = coordinator.locator("form.incident-form");
      assert.equal(await form.getByLabel("Exemplaire concerné").inputValue(), damaged);
      await form.getByLabel("Ce qui s'est passé").fill("Écran fissuré au retour.");
      await expectNoAxeViolations(coordinator, "incident declaration at return");
      await form.getByRole("button", { name: "Envoyer la déclaration" }).click();
      await status(coordinator, "Incident déclaré dans le délai de 48 heures.");

      // The incident: its amount follows the depreciation table, then it is documented and settled.
      const age = ageOf(damaged);
      const cents = (unit.replacement_value_cents * rate(age)) / 100;
      const euros = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
      assert.ok(rate(age) > 0, `a unit ${age} years old is reimbursed`);
      await nav(coordinator, "Gestion");
      await coordinator.getByRole("navigation", { name: "Gestion du prêt" }).getByRole("link", { name: "Sinistres" }).click();
      await pageReady(coordinator);
      await coordinator.getByRole("heading", { name: "Sinistres", level: 1 }).waitFor();
      const incidents = coordinator.getByRole("table", { name: /^Sinistres : / });
      const incidentRow = incidents.getByRole("row", { name: new RegExp(damaged) });
      const text = await incidentRow.innerText();
      assert.match(text, new RegExp(`${rate(age)}\\s%`), `rate for a unit ${age} years old`);
      assert.match(text, new RegExp(`${euros}\\s€`), `amount ${euros} €`);
      await expectNoAxeViolations(coordinator, "incidents");
      await incidentRow.getByRole("button", { name: `Documenter le sinistre ${damaged} du 18/12/2026` }).click();
      await coordinator.getByLabel("Montant du devis en euros").fill("95,50");
      await coordinator.getByRole("button", { name: "Enregistrer le devis" }).click();
      await status(coordinator, `Sinistre ${damaged} du 18/12/2026 documenté.`);
      await coordinator.getByRole("button", { name: `Marquer réglé le sinistre ${damaged} du 18/12/2026` }).click();
      await status(coordinator, `Sinistre ${damaged} du 18/12/2026 réglé.`);
      assert.match(await incidents.getByRole("row", { name: new RegExp(damaged) }).innerText(), /Réglé/);

      // The unit's page, as its label's QR code opens it, tells its loans and the incident.
      await coordinator.goto(url + `exemplaire/${damaged}`);
      await coordinator.getByRole("heading", { level: 1 }).filter({ hasText: damaged }).waitFor();
      await coordinator.getByText("Anne Martin").first().waitFor();
      await coordinator.getByText("Dégradation").first().waitFor();

      for (const page of [teacher, coordinator]) await expectNoProblems(page);
      await teacherContext.close();
      await coordinatorContext.close();
    } finally {
      rmSync(workdir, { recursive: true, force: true });
    }
  });

  test("hand-over is refused while the training is missing, naming it and its next session", async () => {
    const url = app.server().url;
    const { context, page } = await browserAt(app, MONDAY);
    await saveProfile(page, url);
    await coordinatorMode(page, url);
    // The teacher enrols in the robotics session of 2 December, so the booking awaits training.
    await page.goto(url + "modele/thymio");
    await page.getByRole("heading", { name: "Robot Thymio II", level: 1 }).waitFor();
    await page.getByRole("button", { name: "M'inscrire à la session du mercredi 2 décembre 2026" }).click();
    await book(page, { model: "Robot Thymio II", quantity: 2, start: "04/01/2027", end: "15/01/2027", project: "Robots et parcours" });
    await nav(page, "Gestion");
    await page.getByRole("link", { name: "Robots et parcours" }).click();
    await pageReady(page);
    await page.getByRole("heading", { name: "Remise du matériel" }).waitFor();
    const warning = page.getByRole("note").filter({ hasText: "La remise sera refusée" });
    await warning.getByText("La formation « Robotique pédagogique » n'a pas été suivie.").waitFor();
    await page.getByRole("button", { name: "Remettre ces exemplaires" }).click();


    const refusal = page.getByRole("alert").filter({ hasText: "Remise refusée" });
    await refusal.getByText("La formation « Robotique pédagogique » n'a pas été suivie.").waitFor();
    await refusal.getByText(/Prochaine session : .*, .* \(\d+ places? libres?\)\./).waitFor();
    await expectNoAxeViolations(page, "hand-over refused");
    // Nothing was handed over.
    await page.getByRole("heading", { name: "Remise du matériel" }).waitFor();
    await expectNoProblems(page);
    await context.close();
  });

  test("confirming, assigning units and recording a return work by keyboard alone", async () => {
    const url = app.server().url;
    const { context, page } = await browserAt(app, MONDAY);
    await saveProfile(page, url);
    await coordinatorMode(page, url);
    await book(page, { model: "Visualiseur USB", quantity: 1, start: "07/12/2026", end: "11/12/2026", project: "Lecture à voix haute" });
    await page.goto(url + "gestion");
    await page.getByRole("heading", { name: "Demandes à traiter", level: 1 }).waitFor();
    const focusOn = async (locator, max = 80) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press("Tab");
        if (await locator.evaluate((el) => el === document.activeElement)) return;
      }
      assert.fail("focus never reached the control");
    };
    const check = page.getByRole("checkbox", { name: /Sélectionner « Lecture à voix haute »/ });
    await focusOn(check);
    await page.keyboard.press("Space");
    assert.ok(await check.isChecked());
    await focusOn(page.getByRole("button", { name: "Confirmer la sélection" }));
    await page.keyboard.press("Enter");
    await status(page, "Réservations confirmées : 1.");

    await page.clock.setFixedTime(HAND_OVER_DAY);
    const link = page.getByRole("table", { name: "Confirmées, à remettre" }).getByRole("link", { name: "Lecture à voix haute" });
    await focusOn(link);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Remise du matériel" }).waitFor();
    const select = page.getByLabel("Visualiseur USB, exemplaire 1 sur 1");
    const suggested = await select.inputValue();
    await focusOn(select);
    await page.keyboard.press("ArrowDown");
    const chosen = await select.inputValue();
    assert.notEqual(chosen, suggested, "the arrow keys change the unit");
    await focusOn(page.getByRole("button", { name: "Remettre ces exemplaires" }));
    await page.keyboard.press("Enter");
    await status(page, `Matériel remis : ${chosen}.`);

    await page.clock.setFixedTime(RETURN_DAY);
    const back = page.getByLabel(`État au retour de ${chosen}`);
    await focusOn(back);
    await page.keyboard.press("End");
    await focusOn(page.getByRole("button", { name: "Enregistrer le retour" }));
    await page.keyboard.press("Enter");
    await status(page, "Retour enregistré");
    await page.getByText("Rendue").first().waitFor();
    await expectNoProblems(page);
    await context.close();
  });

  test("every coordinator page passes axe-core, reads in English too, and asks a teacher to switch mode first", async () => {
    const url = app.server().url;
    const { context, page } = await browserAt(app, MONDAY);
    const pages = ["gestion", "gestion/planning", "gestion/catalogue", "gestion/etiquettes", "gestion/formations", "gestion/sinistres", "gestion/rapports"];
    await page.goto(url + "gestion");
    await page.getByRole("heading", { name: "Espace de gestion du prêt", level: 1 }).waitFor();
    await page.getByText("Cette page est réservée à la personne qui gère le prêt.").waitFor();
    assert.equal(await page.getByRole("navigation", { name: "Gestion du prêt" }).count(), 0, "no coordinator menu in teacher mode");
    await expectNoAxeViolations(page, "coordinator page in teacher mode");
    await coordinatorMode(page, url);
    for (const path of [...pages, "exemplaire/SEM-ROB-0001"]) {
      await page.goto(url + path);
      await appReady(page);
      await expectNoAxeViolations(page, path);
    }
    await page.getByRole("button", { name: "English" }).click();
    // Messages whose two versions differ, without placeholders: none may show in English. "École"
    // alone is left out: it starts school names, which are data ("École élémentaire Monge").
    const french = MESSAGES.filter((m) => m.fr !== m.en && !m.fr.includes("{") && !m.key.startsWith("LangName") && m.fr !== "École");
    const hasPhrase = (text, phrase) =>
      new RegExp(`(^|[^\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}])`, "u").test(text);
    for (const path of pages) {
      await page.goto(url + path);
      await appReady(page);
      const text = await interfaceText(page);
      assert.deepEqual(french.filter((m) => hasPhrase(text, m.fr)).map((m) => m.key), [], `French on the English page /${path}`);
    }
    await expectNoProblems(page);
    await context.close();
  });
});
