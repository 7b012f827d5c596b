// End-to-end: the round trip between three teachers and the coordinator, one browser context
// each, clocks fixed, against the release build. Requests travel as files, in an unfavourable
// order and one twice; the coordinator books on a teacher's behalf, records trainings, confirms,
// refuses with a reason, hands over and takes back; each teacher imports her answer and sees
// the truth. The coordinator's exported backup is then checked with an independent count.
// Then a teacher who withdraws from a training session: her next requests give the seat back
// at the coordinator, whatever arrives twice or late.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appReady, expectNoAxeViolations, expectNoProblems, exportBackup, newPage, useApp, pageReady } from "./support.mjs";
import { BASE, book, nav } from "./support.mjs";

const MONDAY = new Date("2026-11-23T09:00:00");
const AFTER_ROBOTICS = new Date("2026-12-03T09:00:00");
const AFTER_VR = new Date("2026-12-17T09:00:00");
const HAND_OVER_DAY = new Date("2027-01-04T08:30:00");
const RETURN_DAY = new Date("2027-01-15T16:30:00");
const TEACHERS_LATER = new Date("2027-01-18T18:00:00");

const demo = JSON.parse(await readFile("src/demo/catalogue.json", "utf8"));

const status = (page, text) => page.getByRole("status").filter({ hasText: text }).first().waitFor();
const teacherPath = (id) => "gestion/enseignants/" + id.replaceAll(".", "%252E");

async function browserAt(app, at) {
  const context = await app.browser().newContext({ acceptDownloads: true });
  const page = await newPage(context);
  await page.clock.setFixedTime(at);
  return { context, page };
}

async function saveProfile(page, url, { name, email, school }) {
  await page.goto(url + "profil");
  await appReady(page);
  await page.getByLabel("Nom et prénom").fill(name);
  await page.getByLabel("Adresse électronique professionnelle").fill(email);
  await page.getByLabel("Votre école").selectOption({ label: school });
  await page.getByRole("button", { name: "Enregistrer le profil" }).click();
  await status(page, "Profil enregistré.");
}

/** Sends the teacher's requests (a download on a device that cannot share files); the file. */
async function sendRequests(page, workdir, name) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Envoyer mes demandes au gestionnaire" }).first().click(),
  ]);
  const path = join(workdir, name);
  writeFileSync(path, await readFile(await file.path(), "utf8"));
  return path;
}

async function importFile(page, path, name) {
  await page.getByLabel("Fichier de données", { exact: true }).setInputFiles(path);
  const preview = page.getByRole("region", { name: `Ce que ${name} changera` });
  await preview.waitFor();
  return preview;
}

async function confirmImport(page, preview) {
  await preview.getByRole("button", { name: "Importer", exact: true }).click();
  await page.getByText("Import effectué.").waitFor();
}

async function recordTraining(page, url, teacherId, training, day) {
  await page.goto(url + teacherPath(teacherId));
  await page.getByRole("heading", { name: /^Enseignant : / , level: 1 }).waitFor();
  await page.locator("#teacher-record-training").selectOption({ label: training });
  await page.getByRole("textbox", { name: "Date de la formation" }).fill(day);
  await page.getByRole("button", { name: "Enregistrer la formation suivie" }).click();
  await status(page, `Formation « ${training} » enregistrée`);
}

/** The rows of an import preview's table: item, added, changed, removed. */
async function previewRows(preview) {
  const rows = await preview.getByRole("table").getByRole("row").allInnerTexts();
  return rows.slice(1).map((row) => row.split("\t").map((cell) => cell.trim()));
}

/** The coordinator's card of a session, on the trainings page. */
async function sessionCard(page, url, date) {
  await page.goto(url + "gestion/formations");
  const session = page.getByRole("region", { name: new RegExp(`^Session du ${date} — `) });
  await session.waitFor();
  return session;
}

function card(page, project) {
  return page.getByRole("article", { name: project });
}

/** Held units per model and day, from the bookings and occupancy of a backup: R1 counted again. */
function overbookedDays(pool) {
  const held = new Map();
  const holds = (s) => ["requested", "awaiting_training", "confirmed", "handed_over"].includes(s);
  const spans = [...pool.bookings, ...(pool.occupancy ?? [])];
  for (const b of spans) {
    if (!holds(b.status)) continue;
    for (let day = new Date(b.start + "T12:00:00Z"); day <= new Date(b.end + "T12:00:00Z"); day.setUTCDate(day.getUTCDate() + 1)) {
      for (const line of b.lines) {
        const key = `${line.model} ${day.toISOString().slice(0, 10)}`;
        held.set(key, (held.get(key) ?? 0) + line.quantity);
      }
    }
  }
  const inService = (model) => pool.catalogue.units.filter((u) => u.model === model && u.in_service !== false).length;
  return [...held].filter(([key, n]) => n > inService(key.split(" ")[0]));
}

describe(`The round trip between three teachers and the coordinator under ${BASE}`, () => {
  const app = useApp();

  test("two weeks of requests, decisions and answers, files in an unfavourable order: nothing is lost and every answer comes back", async () => {
    const workdir = mkdtempSync(join(tmpdir(), "materiotheque-round-trip-"));
    const url = app.server().url;
    const [monge, second, third] = [demo.schools[0].name, demo.schools[1].name, demo.schools[2].name];
    const bluebots = demo.catalogue.units.filter((u) => u.model === "bluebot" && u.in_service !== false).length;
    const half = Math.floor(bluebots / 2) + 1;
    try {
      // Anne enrols in the robotics session, then books six Thymio robots: awaiting training.
      const anne = await browserAt(app, MONDAY);
      await saveProfile(anne.page, url, { name: "Anne Martin", email: "anne.martin@ac-lyon.fr", school: monge });
      await anne.page.goto(url + "modele/thymio");
      await anne.page.getByRole("button", { name: "M'inscrire à la session du mercredi 2 décembre 2026" }).click();
      const anneBooked = await book(anne.page, {
        model: "Robot Thymio II", quantity: 6, start: "04/01/2027", end: "15/01/2027", project: "Robots et déplacements",
      });
      assert.match(anneBooked, /En attente de formation/);
      assert.match(anneBooked, /n'a pas encore quitté ce navigateur/);
      const annePath = await sendRequests(anne.page, workdir, "demandes-anne.json");
      await nav(anne.page, "Mes réservations");
      await card(anne.page, "Robots et déplacements").getByText("Envoyée au gestionnaire").waitFor();

      // Bruno has no VR training: the check stops him, he enrols in the next session, then books.
      const bruno = await browserAt(app, MONDAY);
      await saveProfile(bruno.page, url, { name: "Bruno Leroy", email: "bruno.leroy@ac-lyon.fr", school: second });
      await bruno.page.goto(url + "modele/casque-rv");
      await bruno.page.getByText("Vous n'avez pas encore suivi cette formation.").first().waitFor();
      await bruno.page.getByRole("button", { name: "M'inscrire à la session du mercredi 16 décembre 2026" }).click();
      await book(bruno.page, {
        model: "Casque de réalité virtuelle autonome", quantity: 2, start: "11/01/2027", end: "22/01/2027", project: "Voyage virtuel",
      });
      await book(bruno.page, {
        model: "Robot Blue-Bot", quantity: half, start: "01/03/2027", end: "12/03/2027", project: "Parcours Blue-Bot",
      });
      const brunoPath = await sendRequests(bruno.page, workdir, "demandes-bruno.json");

      // Chloé needs no training: Blue-Bots for the same fortnight as Bruno (together more than
      // the pool has), sent once; then weather stations, and everything sent again.
      const chloe = await browserAt(app, MONDAY);
      await saveProfile(chloe.page, url, { name: "Chloé Durand", email: "chloe.durand@ac-lyon.fr", school: third });
      await book(chloe.page, {
        model: "Robot Blue-Bot", quantity: half, start: "01/03/2027", end: "12/03/2027", project: "Défis Blue-Bot",
      });
      const chloeFirst = await sendRequests(chloe.page, workdir, "demandes-chloe-1.json");
      // She also takes a seat in the robotics session of March (counted in every browser).
      await chloe.page.goto(url + "modele/thymio");
      await chloe.page.getByRole("button", { name: "M'inscrire à la session du mercredi 10 mars 2027" }).click();
      // Her seat taken: the session is no longer offered to her, she is shown as enrolled in it.
      await chloe.page.getByRole("status").filter({ hasText: "Vous êtes inscrit à la session du mercredi 10 mars 2027." }).waitFor();
      await chloe.page.getByText(/^Vous êtes inscrit à la session du mercredi 10 mars 2027, /).first().waitFor();
      await book(chloe.page, {
        model: "Station météo connectée", quantity: 2, start: "15/03/2027", end: "19/03/2027", project: "Petites bêtes",
      });
      await nav(chloe.page, "Mes réservations");
      await card(chloe.page, "Petites bêtes").getByText("Pas encore envoyée au gestionnaire").waitFor();
      // Her weather stations and her seat in March: two requests not sent yet.
      await chloe.page.getByText("2 demandes n'ont pas encore été envoyées au gestionnaire.").waitFor();
      const chloeSecond = await sendRequests(chloe.page, workdir, "demandes-chloe-2.json");
      await chloe.page.getByText("Toutes vos demandes ont été envoyées.").waitFor();

      // The coordinator takes the files in, in an unfavourable order: Chloé's second file before
      // her first, Bruno's before Anne's, Anne's twice.
      const coordinator = await browserAt(app, MONDAY);
      const desk = coordinator.page;
      await desk.goto(url + "parametres");
      await appReady(desk);
      await desk.getByRole("radio", { name: "Gestionnaire du prêt" }).check();
      let preview = await importFile(desk, chloeSecond, "demandes-chloe-2.json");
      await preview.getByText("Chloé Durand, « Défis Blue-Bot » : demande enregistrée, à confirmer.").waitFor();
      await preview.getByText("Chloé Durand, « Petites bêtes » : demande enregistrée, à confirmer.").waitFor();
      await expectNoAxeViolations(desk, "requests preview");
      await confirmImport(desk, preview);
      await importFile(desk, chloeFirst, "demandes-chloe-1.json");
      await desk.getByText("Ce fichier ne change rien : les données sont déjà à jour.").waitFor();
      await desk.getByRole("button", { name: "Ne pas importer" }).click();
      preview = await importFile(desk, brunoPath, "demandes-bruno.json");
      await preview.getByText(/^Bruno Leroy, « Voyage virtuel » : en attente de formation/).waitFor();
      const refusedNote = preview.getByText(/^Bruno Leroy, « Parcours Blue-Bot » : refusée par les règles/);
      await refusedNote.waitFor();
      assert.match(await refusedNote.innerText(), new RegExp(`Robot Blue-Bot : ${bluebots - half} exemplaires libres sur la période, ${half} demandés`));
      await confirmImport(desk, preview);
      preview = await importFile(desk, annePath, "demandes-anne.json");
      await preview.getByText(/^Anne Martin, « Robots et déplacements » : en attente de formation/).waitFor();
      await confirmImport(desk, preview);
      await importFile(desk, annePath, "demandes-anne.json");
      await desk.getByText("Ce fichier ne change rien : les données sont déjà à jour.").waitFor();
      await desk.getByRole("button", { name: "Ne pas importer" }).click();

      // The coordinator books recorders on Anne's behalf.
      await book(desk, {
        model: "Enregistreur Zoom H1n", quantity: 2, start: "01/02/2027", end: "05/02/2027", project: "Interviews", behalf: "Anne Martin",
      });

      // Trainings are recorded after their sessions; then the queue is handled.
      await desk.clock.setFixedTime(AFTER_ROBOTICS);
      await recordTraining(desk, url, "anne.martin@ac-lyon.fr", "Robotique pédagogique", "02/12/2026");
      await desk.clock.setFixedTime(AFTER_VR);
      await recordTraining(desk, url, "bruno.leroy@ac-lyon.fr", "Réalité virtuelle en classe", "16/12/2026");
      await nav(desk, "Gestion");
      const queue = desk.getByRole("table", { name: /demandes? à confirmer ou refuser/ });
      for (const project of ["Robots et déplacements", "Voyage virtuel", "Défis Blue-Bot", "Interviews"]) {
        await queue.getByRole("row", { name: new RegExp(project) }).getByRole("checkbox").check();
      }
      await desk.getByRole("button", { name: "Confirmer la sélection" }).click();
      await status(desk, "Réservations confirmées : 4.");
      await queue.getByRole("row", { name: /Petites bêtes/ }).getByRole("checkbox").check();
      await desk.getByRole("button", { name: "Refuser la sélection…" }).click();
      await desk.getByLabel("Motif du refus (envoyé à l'enseignant)").fill("Stations météo réservées pour la fête de la science.");
      await desk.getByRole("button", { name: "Refuser (1)" }).click();
      await status(desk, "Réservations refusées : 1.");

      // Anne's robots go out and come back.
      await desk.clock.setFixedTime(HAND_OVER_DAY);
      await nav(desk, "Gestion");
      await desk.getByRole("table", { name: "Confirmées, à remettre" }).getByRole("link", { name: "Robots et déplacements" }).click();
      await pageReady(desk);
      await desk.getByRole("heading", { name: "Remise du matériel" }).waitFor();
      await desk.getByRole("button", { name: "Remettre ces exemplaires" }).click();
      await status(desk, "Matériel remis");
      await desk.clock.setFixedTime(RETURN_DAY);
      await desk.reload();
      await desk.getByRole("heading", { name: "Retour du matériel" }).waitFor();
      await desk.getByRole("button", { name: "Enregistrer le retour" }).click();
      await status(desk, "de nouveau disponibles");

      // Every teacher with news gets her answer, in one action.
      await nav(desk, "Paramètres");
      const news = desk.getByText(/^3 enseignants ont des nouvelles : /);
      await news.waitFor();
      for (const name of ["Anne Martin", "Bruno Leroy", "Chloé Durand"]) assert.match(await news.innerText(), new RegExp(name));
      const answers = [];
      const collect = (file) => answers.push(file);
      desk.on("download", collect);
      await desk.getByRole("button", { name: "Produire les réponses" }).click();
      await status(desk, "3 réponses produites");
      desk.off("download", collect);
      await desk.getByText("Aucun enseignant n'a de nouvelles depuis sa dernière réponse.").waitFor();
      const answerOf = async (who) => {
        const file = answers.find((a) => a.suggestedFilename().startsWith(`reponse-${who}-`));
        assert.ok(file, `an answer for ${who}: ${answers.map((a) => a.suggestedFilename())}`);
        const path = join(workdir, file.suggestedFilename());
        const text = await readFile(await file.path(), "utf8");
        writeFileSync(path, text);
        return { path, name: file.suggestedFilename(), text };
      };

      // Each teacher imports her own answer (in her browser, days before the coordinator's
      // last decisions on her own clock: no clock is shared).
      for (const { page } of [anne, bruno, chloe]) await page.clock.setFixedTime(TEACHERS_LATER);
      const anneAnswer = await answerOf("anne-martin");
      assert.ok(!anneAnswer.text.includes("Bruno") && !anneAnswer.text.includes("chloe"), "her answer names nobody else");
      await nav(anne.page, "Paramètres");
      preview = await importFile(anne.page, anneAnswer.path, anneAnswer.name);
      await preview.getByText("« Interviews » : réservation faite pour vous par le gestionnaire.").waitFor();
      await preview.getByText("Formation « Robotique pédagogique » enregistrée par le gestionnaire.").waitFor();
      await expectNoAxeViolations(anne.page, "answer preview");
      await confirmImport(anne.page, preview);
      await nav(anne.page, "Mes réservations");
      const robots = card(anne.page, "Robots et déplacements");
      await robots.getByText("Rendue", { exact: true }).first().waitFor();
      await robots.getByText("Historique", { exact: true }).click();
      const history = await robots.innerText();
      for (const step of ["En attente de formation", "Confirmée", "Remise", "Rendue"]) assert.match(history, new RegExp(step));
      await card(anne.page, "Interviews").getByText("Confirmée", { exact: true }).first().waitFor();
      await anne.page.goto(url + "modele/thymio");
      await anne.page.getByText("Vous avez suivi cette formation.").first().waitFor();

      const brunoAnswer = await answerOf("bruno-leroy");
      await nav(bruno.page, "Paramètres");
      // Anne's answer is not his.
      await bruno.page.getByLabel("Fichier de données", { exact: true }).setInputFiles(anneAnswer.path);
      await bruno.page.getByRole("alert").filter({ hasText: "destinée à Anne Martin" }).waitFor();
      await confirmImport(bruno.page, await importFile(bruno.page, brunoAnswer.path, brunoAnswer.name));
      await nav(bruno.page, "Mes réservations");
      await card(bruno.page, "Voyage virtuel").getByText("Confirmée", { exact: true }).first().waitFor();
      const refused = card(bruno.page, "Parcours Blue-Bot");
      const reason = refused.getByText(/^Motif du refus :/);
      assert.match(await reason.innerText(), new RegExp(`Robot Blue-Bot : ${bluebots - half} exemplaires libres sur la période, ${half} demandés`));
      assert.equal(await refused.getByRole("button", { name: "Ajouter à mon agenda (.ics)" }).count(), 0);
      assert.equal(await refused.getByRole("link", { name: "Imprimer la convention" }).count(), 0);
      await expectNoAxeViolations(bruno.page, "refused booking");
      // His training now counts in a new booking check.
      await bruno.page.goto(url + "modele/casque-rv");
      await bruno.page.getByText("Vous avez suivi cette formation.").first().waitFor();
      await book(bruno.page, {
        model: "Casque de réalité virtuelle autonome", quantity: 1, start: "08/03/2027", end: "12/03/2027", project: "Musées virtuels",
      }).then((text) => assert.match(text, /Demandée/));

      const chloeAnswer = await answerOf("chloe-durand");
      await nav(chloe.page, "Paramètres");
      await confirmImport(chloe.page, await importFile(chloe.page, chloeAnswer.path, chloeAnswer.name));
      await nav(chloe.page, "Mes réservations");
      await card(chloe.page, "Défis Blue-Bot").getByText("Confirmée", { exact: true }).first().waitFor();
      await card(chloe.page, "Petites bêtes").getByText("Motif du refus : Stations météo réservées pour la fête de la science.").waitFor();

      // Seats: Chloé's place in the March robotics session counts once, in every browser: Bruno,
      // who lacks that training, is offered the session with the coordinator's count.
      await bruno.page.goto(url + "modele/thymio");
      const offered = bruno.page.getByText(/Session du mercredi 10 mars 2027, .*places libres/).first();
      const teacherSeats = (await offered.innerText()).match(/\((\d+) places? libres?\)/)[1];
      await desk.goto(url + "gestion/formations");
      const march = desk.getByRole("region", { name: /^Session du mercredi 10 mars 2027/ });
      await march.getByText(/16 places, \d+ libres\./).waitFor();
      const deskSeats = (await march.getByText(/16 places, \d+ libres\./).innerText()).match(/, (\d+) libres/)[1];
      assert.deepEqual([teacherSeats, deskSeats], ["15", "15"]);

      // The coordinator's backup, counted independently: nothing lost, ids unique, no day overbooked.
      const backup = await exportBackup(desk);
      const ids = backup.pool.bookings.map((b) => b.id);
      assert.equal(new Set(ids).size, ids.length, "no two bookings share an id");
      for (const path of [annePath, brunoPath, chloeFirst, chloeSecond]) {
        for (const sent of JSON.parse(await readFile(path, "utf8")).bookings) {
          assert.ok(ids.includes(sent.id), `request ${sent.project} (${sent.id}) is in the coordinator's pool`);
        }
      }
      const projects = backup.pool.bookings.map((b) => `${b.project}: ${b.status}`).sort();
      assert.deepEqual(projects, [
        "Défis Blue-Bot: confirmed",
        "Interviews: confirmed",
        "Parcours Blue-Bot: refused",
        "Petites bêtes: refused",
        "Robots et déplacements: returned",
        "Voyage virtuel: confirmed",
      ]);
      assert.deepEqual(overbookedDays(backup.pool), []);
      for (const page of [anne.page, bruno.page, chloe.page, desk]) await expectNoProblems(page);
      for (const { context } of [anne, bruno, chloe, coordinator]) await context.close();
    } finally {
      rmSync(workdir, { recursive: true, force: true });
    }
  });

  test("a teacher withdraws from a session the coordinator counted her in: her next requests free the seat, a file twice or an old answer late change nothing", async () => {
    const workdir = mkdtempSync(join(tmpdir(), "materiotheque-withdrawal-"));
    const url = app.server().url;
    const date = "mercredi 13 janvier 2027";
    const { capacity } = demo.sessions.find((s) => s.start === "2027-01-13" && s.training === "f-robotique");
    const seats = (n) => new RegExp(`\\(${n} places? libres?\\)`);
    const nothing = (page) => page.getByText("Ce fichier ne change rien : les données sont déjà à jour.").waitFor();
    try {
      // Anne enrols from her profile in the robotics session of 13 January, books recorders
      // for another project, and sends her requests.
      const anne = await browserAt(app, MONDAY);
      await saveProfile(anne.page, url, { name: "Anne Martin", email: "anne.martin@ac-lyon.fr", school: demo.schools[0].name });
      const robotics = anne.page.getByRole("listitem").filter({ has: anne.page.getByRole("heading", { name: "Robotique pédagogique" }) });
      const offer = robotics.getByRole("listitem").filter({ hasText: `Session du ${date}, ` });
      assert.match(await offer.innerText(), seats(capacity));
      await robotics.getByRole("button", { name: `M'inscrire à la session du ${date}` }).click();
      await robotics.getByRole("status").filter({ hasText: `Vous êtes inscrit à la session du ${date}.` }).waitFor();
      await book(anne.page, { model: "Enregistreur Zoom H1n", quantity: 2, start: "01/02/2027", end: "05/02/2027", project: "Interviews" });
      await nav(anne.page, "Paramètres");
      const enrolment = await sendRequests(anne.page, workdir, "demandes-anne-1.json");

      // The coordinator takes the file in, twice (the second time changes nothing): one seat
      // is taken, Anne is listed on the session and on her page.
      const coordinator = await browserAt(app, MONDAY);
      const desk = coordinator.page;
      await desk.goto(url + "parametres");
      await appReady(desk);
      await desk.getByRole("radio", { name: "Gestionnaire du prêt" }).check();
      let preview = await importFile(desk, enrolment, "demandes-anne-1.json");
      await preview.getByText("Anne Martin, « Interviews » : demande enregistrée, à confirmer.").waitFor();
      assert.deepEqual(await previewRows(preview), [["Sessions de formation", "0", "1", "0"], ["Réservations", "1", "0", "0"]]);
      await confirmImport(desk, preview);
      await importFile(desk, enrolment, "demandes-anne-1.json");
      await nothing(desk);
      await desk.getByRole("button", { name: "Ne pas importer" }).click();
      let session = await sessionCard(desk, url, date);
      await session.getByText(`${capacity} places, ${capacity - 1} libres.`).waitFor();
      assert.equal(await session.getByRole("link", { name: "Anne Martin", exact: true }).count(), 1);
      await desk.goto(url + teacherPath("anne.martin@ac-lyon.fr"));
      await desk.getByRole("heading", { name: "Enseignant : Anne Martin", level: 1 }).waitFor();
      const enrolments = desk.getByRole("region", { name: "Inscriptions aux sessions à venir" });
      await enrolments.getByText(`Robotique pédagogique : ${date}, `).waitFor();

      // The recorders are confirmed; her answer says so and counts her in the session. She takes it in.
      await nav(desk, "Gestion");
      const queue = desk.getByRole("table", { name: /demandes? à confirmer ou refuser/ });
      await queue.getByRole("row", { name: /Interviews/ }).getByRole("checkbox").check();
      await desk.getByRole("button", { name: "Confirmer la sélection" }).click();
      await status(desk, "Réservations confirmées : 1.");
      await nav(desk, "Paramètres");
      await desk.getByText("1 enseignant a des nouvelles : Anne Martin.").waitFor();
      const [download] = await Promise.all([
        desk.waitForEvent("download"),
        desk.getByRole("button", { name: "Produire les réponses" }).click(),
      ]);
      const answerName = download.suggestedFilename();
      const answer = join(workdir, answerName);
      writeFileSync(answer, await readFile(await download.path(), "utf8"));
      preview = await importFile(anne.page, answer, answerName);
      await preview.getByText("« Interviews » : Demandée → Confirmée.").waitFor();
      await confirmImport(anne.page, preview);

      // She withdraws on her profile: the seat is free again in her browser. She sends her requests.
      await nav(anne.page, "Mon profil");
      await robotics.getByText(new RegExp(`^Vous êtes inscrit à la session du ${date}, `)).waitFor();
      await robotics.getByRole("button", { name: `Me désinscrire de la session du ${date}` }).click();
      await robotics.getByRole("status").filter({ hasText: `Vous êtes désinscrit de la session du ${date} : votre place est libérée.` }).waitFor();
      assert.match(await offer.innerText(), seats(capacity));
      await nav(anne.page, "Paramètres");
      const withdrawal = await sendRequests(anne.page, workdir, "demandes-anne-2.json");

      // The coordinator takes the withdrawal in: only the session changes. The seat is back,
      // nobody is enrolled, Anne is among those who can be, her page has no enrolment left,
      // and her recorders stay confirmed.
      await nav(desk, "Paramètres");
      preview = await importFile(desk, withdrawal, "demandes-anne-2.json");
      assert.deepEqual(await previewRows(preview), [["Sessions de formation", "0", "1", "0"]]);
      await confirmImport(desk, preview);
      session = await sessionCard(desk, url, date);
      await session.getByText(`${capacity} places, ${capacity} libres.`).waitFor();
      await session.getByText("Personne n'est inscrit.").waitFor();
      assert.equal(await session.getByRole("link", { name: "Anne Martin", exact: true }).count(), 0);
      await session.getByLabel("Enseignant à inscrire").getByRole("option", { name: "Anne Martin" }).waitFor({ state: "attached" });
      await desk.goto(url + teacherPath("anne.martin@ac-lyon.fr"));
      await enrolments.getByText("Aucune inscription à venir.").waitFor();

      // The withdrawal arriving a second time changes nothing.
      await nav(desk, "Paramètres");
      await importFile(desk, withdrawal, "demandes-anne-2.json");
      await nothing(desk);
      await desk.getByRole("button", { name: "Ne pas importer" }).click();
      session = await sessionCard(desk, url, date);
      await session.getByText(`${capacity} places, ${capacity} libres.`).waitFor();
      const backup = await exportBackup(desk);
      assert.deepEqual(backup.pool.sessions.find((s) => s.start === "2027-01-13" && s.training === "f-robotique").enrolled ?? [], []);
      assert.deepEqual(backup.pool.bookings.map((b) => `${b.project}: ${b.status}`), ["Interviews: confirmed"]);

      // The old answer, which still counts her, arrives again late in her browser: it changes
      // nothing, she stays withdrawn, the session is offered to her with every seat free.
      await importFile(anne.page, answer, answerName);
      await nothing(anne.page);
      await anne.page.getByRole("button", { name: "Ne pas importer" }).click();
      await nav(anne.page, "Mon profil");
      await robotics.getByRole("button", { name: `M'inscrire à la session du ${date}` }).waitFor();
      assert.match(await offer.innerText(), seats(capacity));
      assert.equal(await robotics.getByText(new RegExp(`^Vous êtes inscrit à la session du ${date}`)).count(), 0);
      assert.equal(await robotics.getByRole("button", { name: `Me désinscrire de la session du ${date}` }).count(), 0);

      for (const page of [anne.page, desk]) await expectNoProblems(page);
      for (const { context } of [anne, coordinator]) await context.close();
    } finally {
      rmSync(workdir, { recursive: true, force: true });
    }
  });

  test("a teacher withdraws before any answer counted her: the withdrawal travels, an older file arriving late does not enrol her again, and each answer says where she stands", async () => {
    const workdir = mkdtempSync(join(tmpdir(), "materiotheque-withdrawal-order-"));
    const url = app.server().url;
    const date = "mercredi 13 janvier 2027";
    const session = demo.sessions.find((s) => s.start === "2027-01-13" && s.training === "f-robotique");
    const { capacity } = session;
    const words = `la session « Robotique pédagogique » du ${date}`;
    const nothing = (page) => page.getByText("Ce fichier ne change rien : les données sont déjà à jour.").waitFor();
    const unsent = (page, text) => page.locator(".send-requests__count").filter({ hasText: text }).waitFor();
    const enrolledAtDesk = async (desk) => {
      const backup = await exportBackup(desk);
      return backup.pool.sessions.find((s) => s.id === session.id).enrolled ?? [];
    };
    /** The coordinator produces the answers: one file, Anne's. */
    const produceAnswer = async (desk, name) => {
      await nav(desk, "Paramètres");
      await desk.getByText("1 enseignant a des nouvelles : Anne Martin.").waitFor();
      const [download] = await Promise.all([
        desk.waitForEvent("download"),
        desk.getByRole("button", { name: "Produire les réponses" }).click(),
      ]);
      const path = join(workdir, name);
      writeFileSync(path, await readFile(await download.path(), "utf8"));
      return path;
    };
    try {
      // Anne enrols in the robotics session of 13 January: one request not sent yet. She sends it.
      const anne = await browserAt(app, MONDAY);
      await saveProfile(anne.page, url, { name: "Anne Martin", email: "anne.martin@ac-lyon.fr", school: demo.schools[0].name });
      const robotics = anne.page.getByRole("listitem").filter({ has: anne.page.getByRole("heading", { name: "Robotique pédagogique" }) });
      await robotics.getByRole("button", { name: `M'inscrire à la session du ${date}` }).click();
      await robotics.getByRole("status").filter({ hasText: `Vous êtes inscrit à la session du ${date}.` }).waitFor();
      await nav(anne.page, "Paramètres");
      await unsent(anne.page, "1 demande n'a pas encore été envoyée au gestionnaire.");
      const enrolling = await sendRequests(anne.page, workdir, "demandes-anne-1.json");
      await unsent(anne.page, "Toutes vos demandes ont été envoyées.");

      // The coordinator takes it in: the preview says the enrolment in words.
      const coordinator = await browserAt(app, MONDAY);
      const desk = coordinator.page;
      await desk.goto(url + "parametres");
      await appReady(desk);
      await desk.getByRole("radio", { name: "Gestionnaire du prêt" }).check();
      let preview = await importFile(desk, enrolling, "demandes-anne-1.json");
      await preview.getByText(`Anne Martin s'inscrit à ${words}.`).waitFor();
      await confirmImport(desk, preview);
      assert.deepEqual(await enrolledAtDesk(desk), ["anne.martin@ac-lyon.fr"]);
      const countingHer = await produceAnswer(desk, "reponse-anne-1.json");

      // Before any answer, she withdraws: the send panel counts it, and her file carries it.
      await nav(anne.page, "Mon profil");
      await robotics.getByRole("button", { name: `Me désinscrire de la session du ${date}` }).click();
      await robotics.getByRole("status").filter({ hasText: `Vous êtes désinscrit de la session du ${date} : votre place est libérée.` }).waitFor();
      await nav(anne.page, "Paramètres");
      await unsent(anne.page, "1 demande n'a pas encore été envoyée au gestionnaire.");
      const withdrawing = await sendRequests(anne.page, workdir, "demandes-anne-2.json");
      await unsent(anne.page, "Toutes vos demandes ont été envoyées.");
      const [first, second] = await Promise.all([enrolling, withdrawing].map(async (p) => JSON.parse(await readFile(p, "utf8"))));
      assert.equal(second.schema_version, 3);
      assert.ok(second.sequence > first.sequence, `${second.sequence} > ${first.sequence}`);
      assert.deepEqual([second.enrolments, second.withdrawals], [[], [session.id]]);

      // The coordinator takes the withdrawal in: in words, and the seat is free.
      await nav(desk, "Paramètres");
      preview = await importFile(desk, withdrawing, "demandes-anne-2.json");
      await preview.getByText(`Anne Martin se désinscrit de ${words} : sa place est libérée.`).waitFor();
      assert.deepEqual(await previewRows(preview), [["Sessions de formation", "0", "1", "0"]]);
      await confirmImport(desk, preview);
      let card = await sessionCard(desk, url, date);
      await card.getByText(`${capacity} places, ${capacity} libres.`).waitFor();
      await card.getByText("Personne n'est inscrit.").waitFor();

      // The older file arrives again, after the newer one: it enrols nobody.
      await nav(desk, "Paramètres");
      await importFile(desk, enrolling, "demandes-anne-1.json");
      await desk.getByText(`Anne Martin : ce fichier (n° ${first.sequence}) est plus ancien que le dernier pris en compte (n° ${second.sequence}) ; ses inscriptions et désinscriptions sont ignorées.`).waitFor();
      await nothing(desk);
      await desk.getByRole("button", { name: "Ne pas importer" }).click();
      card = await sessionCard(desk, url, date);
      await card.getByText(`${capacity} places, ${capacity} libres.`).waitFor();
      assert.deepEqual(await enrolledAtDesk(desk), []);

      // The coordinator's next answer says her withdrawal was taken in; she stays withdrawn,
      // with nothing left to send.
      const freeingHer = await produceAnswer(desk, "reponse-anne-2.json");
      preview = await importFile(anne.page, freeingHer, "reponse-anne-2.json");
      await preview.getByText(`Le gestionnaire a pris en compte votre désinscription de ${words}.`).waitFor();
      await confirmImport(anne.page, preview);
      await unsent(anne.page, "Toutes vos demandes ont été envoyées.");
      // The first answer, which counted her, arriving late is older: refused, she stays withdrawn.
      await anne.page.getByLabel("Fichier de données", { exact: true }).setInputFiles(countingHer);
      await anne.page.getByText(/reponse-anne-1\.json est une réponse plus ancienne que celle déjà importée/).waitFor();
      await nav(anne.page, "Mon profil");
      await robotics.getByRole("button", { name: `M'inscrire à la session du ${date}` }).waitFor();
      assert.equal(await robotics.getByRole("button", { name: `Me désinscrire de la session du ${date}` }).count(), 0);

      // She enrols again and sends; the coordinator's answer has only her seat as news: it can
      // be taken in, and says so.
      await robotics.getByRole("button", { name: `M'inscrire à la session du ${date}` }).click();
      await robotics.getByRole("status").filter({ hasText: `Vous êtes inscrit à la session du ${date}.` }).waitFor();
      await nav(anne.page, "Paramètres");
      const again = await sendRequests(anne.page, workdir, "demandes-anne-3.json");
      await nav(desk, "Paramètres");
      preview = await importFile(desk, again, "demandes-anne-3.json");
      await preview.getByText(`Anne Martin s'inscrit à ${words}.`).waitFor();
      await confirmImport(desk, preview);
      const seatOnly = await produceAnswer(desk, "reponse-anne-3.json");
      preview = await importFile(anne.page, seatOnly, "reponse-anne-3.json");
      await preview.getByText(`Le gestionnaire compte votre place à ${words}.`).waitFor();
      await confirmImport(anne.page, preview);
      assert.deepEqual(await enrolledAtDesk(desk), ["anne.martin@ac-lyon.fr"]);
      card = await sessionCard(desk, url, date);
      await card.getByText(`${capacity} places, ${capacity - 1} libres.`).waitFor();

      for (const page of [anne.page, desk]) await expectNoProblems(page);
      for (const { context } of [anne, coordinator]) await context.close();
    } finally {
      rmSync(workdir, { recursive: true, force: true });
    }
  });
});
