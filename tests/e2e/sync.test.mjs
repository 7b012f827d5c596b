// End-to-end: the exchange through the sync server (Kinto on PostgreSQL, started for the test),
// one browser context per person, the server reached under the app's own origin (the static
// server forwards `sync/` to Kinto, so the CSP stays `connect-src 'self'`). Teachers book
// offline and come back; coordinators race for the last units; the server and PostgreSQL stop
// in the middle; requests written in another teacher's name are refused and reported.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { appReady, book, BASE, DIST, expectNoAxeViolations, expectNoProblems, launch, nav, newPage, pageReady } from "./support.mjs";
import { startServer } from "./server.mjs";
import { startSyncServer, recordId } from "../sync/kinto.mjs";

const MONDAY = new Date("2026-11-23T09:00:00");
const demo = JSON.parse(await (await import("node:fs/promises")).readFile("src/demo/catalogue.json", "utf8"));
const monge = demo.schools[0].name;
const ferry = demo.schools[1].name;

const status = (page, text) => page.getByRole("status").filter({ hasText: text }).first().waitFor({ timeout: 60_000 });
/** The sync state the header shows (`data-sync`), waited for. */
const syncState = (page, state) => page.locator(`.sync-badge[data-sync="${state}"]`).waitFor({ timeout: 60_000 });

describe(`Live sync through the server under ${BASE}`, () => {
  let browser;
  let server;
  let sync;
  let url;
  before(async () => {
    sync = await startSyncServer({ own: true });
    browser = await launch();
    server = await startServer({ root: DIST, base: BASE, proxy: { prefix: "sync/", target: new URL(sync.url).origin } });
    url = server.url;
  });
  after(async () => {
    await server?.close();
    await browser?.close();
    await sync?.close();
  });

  async function person(at = MONDAY) {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await newPage(context);
    await page.clock.setFixedTime(at);
    return { context, page };
  }

  async function saveProfile(page, { name, email, school }) {
    await page.goto(url + "profil");
    await appReady(page);
    await page.getByLabel("Nom et prénom").fill(name);
    await page.getByLabel("Adresse électronique professionnelle").fill(email);
    await page.getByLabel("Votre école").selectOption({ label: school });
    await page.getByRole("button", { name: "Enregistrer le profil" }).click();
    await status(page, "Profil enregistré.");
  }

  async function signIn(page, { user, password }, { coordinator = false } = {}) {
    await page.goto(url + "parametres");
    await appReady(page);
    if (coordinator) await page.getByRole("radio", { name: "Gestionnaire du prêt" }).check();
    await page.getByLabel("Adresse du serveur").fill(url + "sync");
    await page.getByLabel("Compte (votre adresse électronique pour un enseignant)").fill(user);
    await page.getByLabel("Mot de passe").fill(password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByText(`Connecté au serveur en tant que ${user.toLowerCase()}.`).waitFor({ timeout: 60_000 });
    await syncState(page, "synced");
  }

  /** A booking on a teacher's behalf filled in up to its last click (see `book` in support.mjs). */
  async function prepare(page, { model, quantity, start, end, project, behalf }) {
    await nav(page, "Catalogue");
    await page.getByRole("link", { name: model, exact: true }).click();
    await pageReady(page);
    await page.getByRole("heading", { name: model, level: 1 }).waitFor();
    await page.getByRole("spinbutton", { name: "Quantité" }).fill(String(quantity));
    await page.getByRole("button", { name: "Ajouter au panier" }).click();
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: /^Réserver/ }).click();
    await pageReady(page);
    await page.getByLabel("Réserver pour").selectOption({ label: behalf });
    await page.getByRole("textbox", { name: "Premier jour" }).fill(start);
    await page.getByRole("textbox", { name: "Dernier jour" }).fill(end);
    await page.getByRole("textbox", { name: "Dernier jour" }).press("Tab");
    await page.getByLabel("Titre du projet").fill(project);
    await page.getByRole("checkbox", { name: /J'ai lu et j'accepte/ }).check();
  }

  /** The coordinators' pool as the server holds it (direct HTTP, a coordinator's credentials). */
  async function serverPool() {
    const res = await sync.request("GET", "/buckets/materiotheque/collections/pool/records/pool", { auth: sync.coordinator });
    assert.equal(res.status, 200);
    return JSON.parse(res.json.data.document).pool;
  }

  test("a teacher books offline; back online, her request reaches the coordinator's queue, and the decision and her training come back by themselves", async () => {
    const anneAccount = await sync.createAccount("anne.martin@ac-lyon.fr", "anne-secret-2026");
    const desk = await person();
    await signIn(desk.page, sync.coordinator, { coordinator: true });
    const teacher = await person();
    await saveProfile(teacher.page, { name: "Anne Martin", email: "anne.martin@ac-lyon.fr", school: monge });
    await signIn(teacher.page, anneAccount);
    await expectNoAxeViolations(teacher.page, "settings with sync");
    // No credential in local storage, ever.
    const stored = await teacher.page.evaluate(() => Object.values(localStorage).join("\n"));
    assert.ok(!stored.includes(anneAccount.password), "the password is not in local storage");

    await teacher.context.setOffline(true);
    await book(teacher.page, {
      model: "Robot Blue-Bot", quantity: 2, start: "11/01/2027", end: "15/01/2027", project: "Parcours synchronisé",
    });
    await teacher.page.locator('.sync-badge[data-sync="offline"]').filter({ hasText: "1 changement en attente d'envoi" }).waitFor({ timeout: 60_000 });
    await teacher.context.setOffline(false);
    await syncState(teacher.page, "synced");

    // Within one poll the request is in the coordinator's queue.
    await nav(desk.page, "Gestion");
    const queue = desk.page.getByRole("table", { name: /demandes? à confirmer ou refuser/ });
    const row = queue.getByRole("row", { name: /Parcours synchronisé/ });
    await row.waitFor({ timeout: 30_000 }).catch(async (e) => {
      throw new Error(`${e.message}\ndesk: ${await desk.page.locator(".sync-badge").innerText()}\nteacher: ${await teacher.page.locator(".sync-badge").innerText()}`);
    });
    assert.match(await row.innerText(), /Anne Martin/);

    // Online, from her click to the coordinator's screen: measured and reported.
    const clicked = Date.now();
    await book(teacher.page, {
      model: "Robot Blue-Bot", quantity: 1, start: "18/01/2027", end: "22/01/2027", project: "Parcours en ligne",
    });
    await queue.getByRole("row", { name: /Parcours en ligne/ }).waitFor({ timeout: 30_000 });
    console.log(`# end-to-end delay, a teacher's click on « Envoyer la demande » to the coordinator's queue: ${Date.now() - clicked} ms`);

    // The coordinator records her robotics training and confirms (following links: a reload
    // would forget the password, which lives in memory only).
    await row.getByRole("link", { name: "Anne Martin" }).click();
    await pageReady(desk.page);
    await desk.page.getByRole("heading", { name: /^Enseignant : /, level: 1 }).waitFor();
    await desk.page.locator("#teacher-record-training").selectOption({ label: "Robotique pédagogique" });
    await desk.page.getByRole("textbox", { name: "Date de la formation" }).fill("18/11/2026");
    await desk.page.getByRole("button", { name: "Enregistrer la formation suivie" }).click();
    await status(desk.page, "Formation « Robotique pédagogique » enregistrée");
    await nav(desk.page, "Gestion");
    await queue.getByRole("row", { name: /Parcours synchronisé/ }).getByRole("checkbox").check();
    await desk.page.getByRole("button", { name: "Confirmer la sélection" }).click();
    await status(desk.page, "Réservations confirmées : 1.");

    // Within one poll she sees it confirmed, and her training recorded.
    await nav(teacher.page, "Mes réservations");
    const card = teacher.page.getByRole("article", { name: "Parcours synchronisé" });
    await card.getByText("Confirmée").first().waitFor({ timeout: 30_000 }).catch(async (e) => {
      const answers = await sync.request("GET", "/buckets/materiotheque/collections/answers/records?_fields=teacher,pool_version", { auth: sync.coordinator });
      throw new Error(`${e.message}\ndesk: ${await desk.page.locator(".sync-badge").innerText()}\nteacher: ${await teacher.page.locator(".sync-badge").innerText()}\nanswers: ${JSON.stringify(answers.json)}`);
    });
    await nav(teacher.page, "Mon profil");
    await teacher.page.getByText(/Robotique pédagogique/).first().waitFor({ timeout: 30_000 });
    await teacher.page.getByText("Vous avez suivi cette formation.").first().waitFor({ timeout: 30_000 });

    const pool = await serverPool();
    const booking = pool.bookings.find((b) => b.project === "Parcours synchronisé");
    assert.equal(booking.status, "confirmed");
    assert.equal(booking.teacher, "anne.martin@ac-lyon.fr");
    await expectNoProblems(teacher.page);
    await expectNoProblems(desk.page);
    await teacher.context.close();
    await desk.context.close();
  });

  test("the round trip of three teachers and the coordinator through the server, requests arriving in an unfavourable order", async () => {
    const AFTER_ROBOTICS = new Date("2026-12-03T09:00:00");
    const accounts = {
      anne: await sync.createAccount("aline.morin@ac-lyon.fr", "aline-secret-2026"),
      bruno: await sync.createAccount("bruno.leroy@ac-lyon.fr", "bruno-secret-2026"),
      chloe: await sync.createAccount("chloe.durand@ac-lyon.fr", "chloe-secret-2026"),
    };
    const bluebots = demo.catalogue.units.filter((u) => u.model === "bluebot" && u.in_service !== false).length;
    const half = Math.floor(bluebots / 2) + 1;
    const desk = await person();
    await signIn(desk.page, sync.coordinator, { coordinator: true });
    const [anne, bruno, chloe] = [await person(), await person(), await person()];
    await saveProfile(anne.page, { name: "Aline Morin", email: "aline.morin@ac-lyon.fr", school: monge });
    await saveProfile(bruno.page, { name: "Bruno Leroy", email: "bruno.leroy@ac-lyon.fr", school: ferry });
    await saveProfile(chloe.page, { name: "Chloé Durand", email: "chloe.durand@ac-lyon.fr", school: demo.schools[2].name });
    await signIn(anne.page, accounts.anne);
    await signIn(bruno.page, accounts.bruno);
    await signIn(chloe.page, accounts.chloe);

    // Aline enrols in the robotics session, then books Thymio robots: awaiting training.
    await nav(anne.page, "Catalogue");
    await anne.page.getByRole("link", { name: "Robot Thymio II", exact: true }).click();
    await pageReady(anne.page);
    await anne.page.getByRole("button", { name: "M'inscrire à la session du mercredi 2 décembre 2026" }).click();
    assert.match(
      await book(anne.page, { model: "Robot Thymio II", quantity: 6, start: "04/01/2027", end: "15/01/2027", project: "Robots et déplacements" }),
      /En attente de formation/,
    );
    // Bruno books Blue-Bots offline; Chloé books the same fortnight online, and hers arrives
    // first: together they ask more than the pool has.
    await bruno.context.setOffline(true);
    await book(bruno.page, { model: "Robot Blue-Bot", quantity: half, start: "01/03/2027", end: "12/03/2027", project: "Parcours Blue-Bot" });
    await book(chloe.page, { model: "Robot Blue-Bot", quantity: half, start: "01/03/2027", end: "12/03/2027", project: "Défis Blue-Bot" });
    await nav(desk.page, "Gestion");
    const queue = desk.page.getByRole("table", { name: /demandes? à confirmer ou refuser/ });
    await queue.getByRole("row", { name: /Défis Blue-Bot/ }).waitFor({ timeout: 30_000 });
    await bruno.context.setOffline(false);
    await syncState(bruno.page, "synced");

    // The coordinator records Aline's training after the session, confirms Aline's and Chloé's.
    await desk.page.clock.setFixedTime(AFTER_ROBOTICS);
    await queue.getByRole("row", { name: /Robots et déplacements/ }).getByRole("link", { name: "Aline Morin" }).click();
    await pageReady(desk.page);
    await desk.page.locator("#teacher-record-training").selectOption({ label: "Robotique pédagogique" });
    await desk.page.getByRole("textbox", { name: "Date de la formation" }).fill("02/12/2026");
    await desk.page.getByRole("button", { name: "Enregistrer la formation suivie" }).click();
    await status(desk.page, "Formation « Robotique pédagogique » enregistrée");
    await nav(desk.page, "Gestion");
    for (const project of ["Robots et déplacements", "Défis Blue-Bot"]) {
      await queue.getByRole("row", { name: new RegExp(project) }).getByRole("checkbox").check();
    }
    await desk.page.getByRole("button", { name: "Confirmer la sélection" }).click();
    await status(desk.page, "Réservations confirmées : 2.");
    // The coordinator also books recorders on Aline's behalf, then hands her robots over and
    // takes them back (following links: the password lives in memory only).
    // (Podcast microphones: the recorders are the race's, below.)
    await book(desk.page, {
      model: "Micro USB de podcast", quantity: 2, start: "01/02/2027", end: "05/02/2027", project: "Interviews", behalf: "Aline Morin",
    });
    await desk.page.clock.setFixedTime(new Date("2027-01-04T08:30:00"));
    await nav(desk.page, "Gestion");
    await desk.page.getByRole("table", { name: "Confirmées, à remettre" }).getByRole("link", { name: "Robots et déplacements" }).click();
    await pageReady(desk.page);
    await desk.page.getByRole("button", { name: "Remettre ces exemplaires" }).click();
    await status(desk.page, "Matériel remis");
    await desk.page.clock.setFixedTime(new Date("2027-01-15T16:30:00"));
    await nav(desk.page, "Gestion");
    await desk.page.getByRole("table", { name: "Prêts en cours" }).getByRole("link", { name: "Robots et déplacements" }).click();
    await pageReady(desk.page);
    await desk.page.getByRole("button", { name: "Enregistrer le retour" }).click();
    await status(desk.page, "de nouveau disponibles");
    // Chloé takes a seat in the robotics session of March.
    await nav(chloe.page, "Catalogue");
    await chloe.page.getByRole("link", { name: "Robot Thymio II", exact: true }).click();
    await pageReady(chloe.page);
    await chloe.page.getByRole("button", { name: "M'inscrire à la session du mercredi 10 mars 2027" }).click();

    // Each teacher sees the truth within a poll, without any file.
    await nav(anne.page, "Mes réservations");
    const robots = anne.page.getByRole("article", { name: "Robots et déplacements" });
    await robots.getByText("Rendue", { exact: true }).first().waitFor({ timeout: 30_000 });
    await robots.getByText("Historique", { exact: true }).click();
    const history = await robots.innerText();
    for (const step of ["En attente de formation", "Confirmée", "Remise", "Rendue"]) assert.match(history, new RegExp(step));
    // The booking made on her behalf appears in her list, as the coordinator left it.
    await anne.page.getByRole("article", { name: "Interviews" }).getByText("Demandée", { exact: true }).first().waitFor({ timeout: 30_000 });
    await nav(chloe.page, "Mes réservations");
    await chloe.page.getByRole("article", { name: "Défis Blue-Bot" }).getByText("Confirmée", { exact: true }).first().waitFor({ timeout: 30_000 });
    await nav(bruno.page, "Mes réservations");
    const refused = bruno.page.getByRole("article", { name: "Parcours Blue-Bot" });
    const reason = refused.getByText(/^Motif du refus :/);
    await reason.waitFor({ timeout: 30_000 });
    assert.match(await reason.innerText(), new RegExp(`Robot Blue-Bot : ${bluebots - half} exemplaires libres sur la période, ${half} demandés`));
    await expectNoAxeViolations(bruno.page, "a refusal arrived through the server");
    await nav(anne.page, "Catalogue");
    await anne.page.getByRole("link", { name: "Robot Thymio II", exact: true }).click();
    await pageReady(anne.page);
    await anne.page.getByText("Vous avez suivi cette formation.").first().waitFor({ timeout: 30_000 });

    // Seats: Chloé's place counts once, in every browser: Bruno, who lacks that training, is
    // offered the session with the coordinator's count.
    await nav(bruno.page, "Catalogue");
    await bruno.page.getByRole("link", { name: "Robot Thymio II", exact: true }).click();
    await pageReady(bruno.page);
    const offered = bruno.page.getByText(/Session du mercredi 10 mars 2027, .*\(15 places libres\)/).first();
    await offered.waitFor({ timeout: 30_000 });
    await nav(desk.page, "Gestion");
    await desk.page.getByRole("navigation", { name: "Gestion du prêt" }).getByRole("link", { name: "Formations et sessions" }).click();
    await pageReady(desk.page);
    const march = desk.page.getByRole("region", { name: /^Session du mercredi 10 mars 2027/ });
    await march.getByText("16 places, 15 libres.").waitFor({ timeout: 30_000 });

    // The shared pool, counted independently: every request is there once, none overbooked.
    const pool = await serverPool();
    const ids = pool.bookings.map((b) => b.id);
    assert.equal(new Set(ids).size, ids.length, "no two bookings share an id");
    const mine = pool.bookings.filter((b) => ["Robots et déplacements", "Parcours Blue-Bot", "Défis Blue-Bot"].includes(b.project));
    assert.deepEqual(mine.map((b) => `${b.project}: ${b.status}`).sort(), [
      "Défis Blue-Bot: confirmed",
      "Parcours Blue-Bot: refused",
      "Robots et déplacements: returned",
    ]);
    assert.equal(pool.bookings.find((b) => b.project === "Interviews")?.status, "requested");
    for (const { page } of [anne, bruno, chloe, desk]) await expectNoProblems(page);
    for (const { context } of [anne, bruno, chloe, desk]) await context.close();
  });

  test("requests written by one teacher's account in another teacher's name are refused on take-in and reported", async () => {
    const bob = await sync.createAccount("bob.petit@ac-lyon.fr", "bob-secret-2026");
    const desk = await person();
    await signIn(desk.page, sync.coordinator, { coordinator: true });
    const forged = {
      format: "materiotheque/requests",
      schema_version: 2,
      exported_at: "2026-11-23T09:00:00",
      teacher: { id: "claire.fabre@ac-lyon.fr", name: "Claire Fabre", email: "claire.fabre@ac-lyon.fr", school: demo.schools[2].id },
      bookings: [],
      trainings: [],
      enrolments: [],
    };
    // Under his own record, and squatting the record of a teacher who has none yet: the server lets him create both (his
    // account writes them); the coordinator's browser refuses both on take-in.
    for (const id of [recordId("bob.petit@ac-lyon.fr"), recordId("claire.fabre@ac-lyon.fr")]) {
      const res = await sync.request("PUT", `/buckets/materiotheque/collections/requests/records/${id}`, {
        auth: bob,
        body: { data: { teacher: "claire.fabre@ac-lyon.fr", file: JSON.stringify(forged) } },
      });
      assert.ok([200, 201].includes(res.status), `${res.status} ${JSON.stringify(res.json)}`);
    }
    const report = desk.page.getByText(
      "Demandes envoyées par le compte bob.petit@ac-lyon.fr au nom de claire.fabre@ac-lyon.fr : refusées, car une demande est toujours celle du compte qui l'envoie.",
    );
    await report.first().waitFor({ timeout: 30_000 });
    assert.equal(await report.count(), 2);
    const pool = await serverPool();
    assert.ok(!pool.teachers.some((t) => t.id === "claire.fabre@ac-lyon.fr"), "nothing of the forged requests in the pool");
    await desk.context.close();
  });

  test("the server and PostgreSQL stop in the middle: the app keeps working, loses nothing and catches up", async () => {
    const ines = await sync.createAccount("ines.roux@ac-lyon.fr", "ines-secret-2026");
    const desk = await person();
    await signIn(desk.page, sync.coordinator, { coordinator: true });
    const teacher = await person();
    await saveProfile(teacher.page, { name: "Inès Roux", email: "ines.roux@ac-lyon.fr", school: ferry });
    await signIn(teacher.page, ines);
    await sync.stopKinto();
    try {
      await book(teacher.page, {
        model: "Station météo connectée", quantity: 1, start: "08/03/2027", end: "12/03/2027", project: "Météo pendant la panne",
      });
      await teacher.page.locator('.sync-badge[data-sync="problem"], .sync-badge[data-sync="offline"]').first().waitFor({ timeout: 60_000 });
      // The coordinator goes on working meanwhile: a change kept in the outbox.
      await nav(desk.page, "Paramètres");
      await desk.page.getByLabel("Adresse où les enseignants envoient leurs demandes").fill("pret@circonscription.fr");
      await desk.page.getByRole("button", { name: "Enregistrer l'adresse" }).click();
      await desk.page.locator(".sync-badge").filter({ hasText: "en attente d'envoi" }).waitFor({ timeout: 60_000 });
      await sync.restartPostgres();
    } finally {
      await sync.startKinto();
    }
    await syncState(teacher.page, "synced");
    await syncState(desk.page, "synced");
    await nav(desk.page, "Gestion");
    await desk.page.getByRole("row", { name: /Météo pendant la panne/ }).waitFor({ timeout: 30_000 });
    const pool = await serverPool();
    assert.ok(pool.bookings.some((b) => b.project === "Météo pendant la panne"), "the request reached the shared pool");
    assert.equal(pool.settings.contact, "pret@circonscription.fr", "the coordinator's change made during the outage");
    await teacher.context.close();
    await desk.context.close();
  });

  test("two coordinators take the last free units at the same moment, round after round: one wins, the other is told why, never overbooked", async () => {
    const second = await sync.createAccount("coordination2", "second-secret-2026", { coordinator: true });
    const [a, b] = [await person(), await person()];
    await signIn(a.page, sync.coordinator, { coordinator: true });
    await signIn(b.page, second, { coordinator: true });
    // The teacher they book for makes herself known through the server (her profile, no request).
    const jeanne = await sync.createAccount("jeanne.morel@ac-lyon.fr", "jeanne-secret-2026");
    const profile = { id: "jeanne.morel@ac-lyon.fr", name: "Jeanne Morel", email: "jeanne.morel@ac-lyon.fr", school: demo.schools[0].id };
    const file = { format: "materiotheque/requests", schema_version: 2, exported_at: "2026-11-23T09:00:00", teacher: profile, bookings: [], trainings: [], enrolments: [] };
    const put = await sync.request("PUT", `/buckets/materiotheque/collections/requests/records/${recordId(profile.id)}`, {
      auth: jeanne,
      body: { data: { teacher: profile.id, file: JSON.stringify(file) } },
    });
    assert.ok([200, 201].includes(put.status));
    for (const page of [a.page, b.page]) {
      await nav(page, "Catalogue");
      await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: /^Réserver/ }).click();
      await pageReady(page);
      await page.getByLabel("Réserver pour").locator("option", { hasText: "Jeanne Morel" }).waitFor({ state: "attached", timeout: 30_000 });
    }
    const rounds = Number(process.env.SYNC_RACE_ROUNDS || 20);
    let races = 0;
    // Two models in turn, Tuesday to Thursday of school weeks of 2027 (zone A): the day after
    // a loan is kept for the turnaround, and the next Monday may be a public holiday.
    const models = [["Enregistreur Zoom H1n", "enregistreur-zoom"], ["Appareil photo numérique compact", "appareil-photo"]];
    const tuesdays = ["2027-01-19", "2027-01-26", "2027-02-02", "2027-02-09", "2027-03-02", "2027-03-09", "2027-03-16", "2027-03-23", "2027-03-30", "2027-04-06"];
    const inService = (id) => demo.catalogue.units.filter((u) => u.model === id && u.in_service !== false).length;
    const fr = (iso) => iso.split("-").reverse().join("/");
    const plus = (iso, days) => new Date(Date.parse(iso + "T12:00:00Z") + days * 86_400_000).toISOString().slice(0, 10);
    for (let round = 0; round < rounds; round++) {
      const [model, modelId] = models[round % 2];
      const start = tuesdays[Math.floor(round / 2) % tuesdays.length];
      const end = plus(start, 2);
      const quantity = inService(modelId);
      const [pa, pb] = [`Course ${round + 1} A`, `Course ${round + 1} B`];
      // The catalogue filters on the last booking's period, when all units went: clear it.
      for (const page of [a.page, b.page]) {
        await nav(page, "Catalogue");
        for (const field of ["Premier jour", "Dernier jour"]) {
          await page.getByRole("textbox", { name: field }).first().fill("");
          await page.getByRole("textbox", { name: field }).first().press("Tab");
        }
      }
      // Both fill in the form, then send at the same moment (each browser alone has room).
      await Promise.all([
        prepare(a.page, { model, quantity, start: fr(start), end: fr(end), project: pa, behalf: "Jeanne Morel" }),
        prepare(b.page, { model, quantity, start: fr(start), end: fr(end), project: pb, behalf: "Jeanne Morel" }),
      ]);
      await Promise.all([a.page, b.page].map((page) => page.getByRole("button", { name: "Envoyer la demande" }).click()));
      // Each browser either took its booking (then syncing decides), or had already heard of
      // the other's and its rule check refused (told why before sending).
      const outcome = (page) =>
        Promise.race([
          page.getByRole("region", { name: "Demande enregistrée" }).waitFor().then(() => "taken"),
          page.getByText("La demande n'est pas envoyée. Corrigez :").waitFor().then(() => "refused"),
        ]);
      const outcomes = await Promise.all([outcome(a.page), outcome(b.page)]);
      if (outcomes.every((o) => o === "taken")) races += 1;
      // Both settle; exactly one booking of the round is on the server.
      await Promise.all([syncState(a.page, "synced"), syncState(b.page, "synced")]);
      let held;
      for (let tries = 0; tries < 60; tries++) {
        const pool = await serverPool();
        held = pool.bookings.filter((x) => x.project === pa || x.project === pb);
        if (held.length === 1) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      assert.equal(held.length, 1, `round ${round + 1}: exactly one wins (${outcomes}); on the server: ${JSON.stringify((await serverPool()).bookings.map((x) => [x.project, x.start, x.end, x.status]))}`);
      const loserIndex = held[0].project === pa ? 1 : 0;
      const loser = [a.page, b.page][loserIndex];
      if (outcomes[loserIndex] === "taken") {
        await loser.getByText(/un autre gestionnaire a modifié le parc avant vous/).first().waitFor({ timeout: 30_000 });
        await loser.getByText(new RegExp(`${model} : 0 exemplaires? libres? sur la période`)).first().waitFor();
      } else {
        await loser.getByText(/0 libres? sur/).first().waitFor();
      }
      await loser.getByRole("button", { name: "Fermer ce message" }).first().click().catch(() => {});
    }
    console.log(`# ${races} of ${rounds} rounds were true races (both browsers took the booking before hearing of the other's)`);
    assert.ok(races >= rounds / 2, "most rounds are true races");
    // R1 counted again on the server's pool, day by day, for every round.
    const pool = await serverPool();
    for (let round = 0; round < rounds; round++) {
      const modelId = models[round % 2][1];
      const start = tuesdays[Math.floor(round / 2) % tuesdays.length];
      for (const day of [start, plus(start, 1), plus(start, 2)]) {
        const held = pool.bookings
          .filter((x) => ["requested", "awaiting_training", "confirmed", "handed_over"].includes(x.status) && x.start <= day && day <= x.end)
          .flatMap((x) => x.lines)
          .filter((l) => l.model === modelId)
          .reduce((n, l) => n + l.quantity, 0);
        const units = pool.catalogue.units.filter((u) => u.model === modelId && u.in_service !== false).length;
        assert.ok(held <= units, `${modelId} ${day}: ${held} held for ${units} in service`);
      }
    }
    await a.context.close();
    await b.context.close();
  });
});
