// End-to-end: the teacher's booking flow, against the release build, French UI, with the
// browser clock fixed on Monday 23 November 2026 (the demo pool's dates are for 2026-27).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import ICAL from "ical.js";
import { readFile } from "node:fs/promises";
import { appReady, expectNoAxeViolations, expectNoProblems, newPage, useApp, pageReady } from "./support.mjs";
import { exportBackup, saveProfile, seedLegacyState } from "./support.mjs";
import { BASE, addToBasket, ruleCheck, savedSince, setPeriod, storedSlots } from "./support.mjs";

const TODAY = new Date("2026-11-23T09:00:00");

async function teacherPage(app) {
  const context = await app.browser().newContext({ acceptDownloads: true });
  const page = await newPage(context);
  await page.clock.setFixedTime(TODAY);
  await saveProfile(page, app.server().url);
  return { context, page };
}

const nav = async (page, name) => {
  await page.getByRole("navigation").getByRole("link", { name, exact: true }).click();
  await pageReady(page);
};



async function finishBooking(page, project) {
  await page.getByLabel("Titre du projet").fill(project);
  await page.getByLabel("Classe", { exact: true }).fill("CM1 B");
  await page.getByRole("checkbox", { name: /J'ai lu et j'accepte/ }).check();
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  const confirmation = page.getByRole("region", { name: "Demande enregistrée" });
  await confirmation.waitFor();
  return confirmation;
}

const check = ruleCheck;

describe(`Booking equipment under ${BASE}`, () => {
  const app = useApp();

  test("without the robotics training a class set of robots is refused; enrolling makes it await training", async () => {
    const { context, page } = await teacherPage(app);
    await addToBasket(page, "Robot Thymio II", 12);
    await page.reload(); // the basket is kept
    await appReady(page);
    await nav(page, "Réserver (1)");
    await page.getByRole("heading", { name: "Réserver du matériel", level: 1 }).waitFor();
    await setPeriod(page, "04/01/2027", "29/01/2027");
    await check(page).getByText("Robot Thymio II demande la formation « Robotique pédagogique », que vous n'avez pas suivie.").waitFor();
    await check(page).getByText("Prochaine session : mercredi 2 décembre 2026, Atelier Canopé, Saint-Étienne").waitFor();
    await expectNoAxeViolations(page, "booking refused for training");

    await check(page).getByRole("button", { name: "M'inscrire à la session du mercredi 2 décembre 2026" }).click();
    await check(page).getByText("Disponible. La réservation sera en attente de formation jusqu'à votre session.").waitFor();
    const confirmation = await finishBooking(page, "Robots en maternelle");
    await confirmation.getByText("Statut : En attente de formation").waitFor();
    await expectNoAxeViolations(page, "confirmation");
    await expectNoProblems(page);
    await context.close();
  });

  test("too many units: refused with the number free and the next free period; the suggestion books", async () => {
    const { context, page } = await teacherPage(app);
    await addToBasket(page, "Robot Blue-Bot", 10);
    await nav(page, "Réserver (1)");
    await setPeriod(page, "04/01/2027", "22/01/2027");
    await check(page).getByText("Robot Blue-Bot : 5 libres sur cette période, vous en demandez 10.").waitFor();
    const suggestion = check(page).getByRole("button", { name: /^Choisir ces dates/ });
    const label = await suggestion.innerText();
    const [, start, end] = label.match(/du (.+) au (.+)\)$/);
    assert.notEqual(start, "lundi 4 janvier 2027");
    await check(page).getByText(`Période la plus proche qui convient à tout le panier : du ${start} au ${end}.`).waitFor();
    await expectNoAxeViolations(page, "booking refused for quantity (basket filled)");
    await suggestion.click();
    await check(page).getByText("Tout est disponible sur cette période.").waitFor();
    const confirmation = await finishBooking(page, "Robots et géométrie");
    await confirmation.getByText(`du ${start} au ${end}`).waitFor();
    await confirmation.getByText("Statut : Demandée").waitFor();
    await expectNoProblems(page);
    await context.close();
  });

  test("a booking survives a reload, shows in My bookings, exports to a calendar; cancelling frees the units", async () => {
    const { context, page } = await teacherPage(app);
    await addToBasket(page, "Robot Blue-Bot", 5);
    await nav(page, "Réserver (1)");
    await setPeriod(page, "04/01/2027", "22/01/2027");
    await check(page).getByText("Tout est disponible sur cette période.").waitFor();
    await finishBooking(page, "Robots au jardin");

    await page.reload();
    await appReady(page);
    await nav(page, "Mes réservations");
    const card = page.getByRole("article", { name: "Robots au jardin" });
    await card.waitFor();
    await card.getByText("Du lundi 4 janvier 2027 au vendredi 22 janvier 2027").waitFor();
    await card.getByText("5 × Robot Blue-Bot").waitFor();
    await card.getByText("Demandée", { exact: true }).waitFor();
    await expectNoAxeViolations(page, "my bookings");

    // The calendar file, read by an independent parser (ical.js).
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      card.getByRole("button", { name: "Ajouter à mon agenda (.ics)" }).click(),
    ]);
    const text = await readFile(await download.path(), "utf8");
    assert.match(text, /^BEGIN:VCALENDAR\r\n/);
    assert.ok(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75), "lines folded at 75 octets");
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent");
    const event = new ICAL.Event(vevent);
    assert.equal(event.startDate.toString(), "2027-01-04");
    assert.ok(event.startDate.isDate, "an all-day event");
    assert.equal(event.endDate.toString(), "2027-01-23", "DTEND is the day after the last day");
    assert.match(event.uid, /@materiotheque$/);
    assert.ok(vevent.getFirstPropertyValue("dtstamp"), "DTSTAMP present");
    assert.equal(event.summary, "Prêt Matériothèque : Robots au jardin");

    // The agreement, laid out for print.
    await card.getByRole("link", { name: "Imprimer la convention" }).click();
    await pageReady(page);
    await page.getByRole("heading", { name: "Convention de prêt de matériel", level: 1 }).waitFor();
    await page.getByText("Anne Martin <anne.martin@ac-lyon.fr>").waitFor();
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.getByRole("navigation").count(), 0, "no navigation on paper");
    await expectNoAxeViolations(page, "print preview of the agreement");
    await page.emulateMedia({ media: "screen" });
    await page.getByRole("link", { name: "Retour à mes réservations" }).click();
    await pageReady(page);

    // Units free in the catalogue for those dates: 17 in service, 12 elsewhere, 5 mine.
    const freeInCatalogue = async () => {
      await nav(page, "Catalogue");
      await page.getByRole("textbox", { name: "Premier jour" }).fill("04/01/2027");
      await page.getByRole("textbox", { name: "Dernier jour" }).fill("22/01/2027");
      await page.getByRole("textbox", { name: "Dernier jour" }).press("Tab");
      await page.getByRole("status").filter({ hasText: /correspond/ }).waitFor();
      const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Robot Blue-Bot" }) });
      if ((await card.count()) === 0) return null; // filtered out: not one free
      return Number((await card.innerText()).match(/(\d+) libres? du/)[1]);
    };
    assert.equal(await freeInCatalogue(), null, "all Blue-Bots are booked on those dates");

    await nav(page, "Mes réservations");
    await page.getByRole("article", { name: "Robots au jardin" }).getByRole("button", { name: "Annuler la réservation" }).click();
    await expectNoAxeViolations(page, "cancel confirmation");
    await page.getByRole("button", { name: "Oui, annuler" }).click();
    await page.getByRole("status").filter({ hasText: "La réservation « Robots au jardin » est annulée." }).waitFor();
    await page.getByRole("article", { name: "Robots au jardin" }).getByText("Annulée", { exact: true }).waitFor();
    assert.equal(await freeInCatalogue(), 5);
    await expectNoProblems(page);
    await context.close();
  });

  test("the whole booking flow works by keyboard alone, date picker included", async () => {
    const { context, page } = await teacherPage(app);
    await nav(page, "Réserver");
    await page.getByRole("heading", { name: "Réserver du matériel", level: 1 }).waitFor();
    // Start: typed. End: chosen in the calendar dialog with the arrow keys.
    await page.getByRole("textbox", { name: "Premier jour" }).focus();
    await page.keyboard.type("04/01/2027");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.type("04/01/2027");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await expectNoAxeViolations(page, "date picker open");
    await page.keyboard.press("ArrowDown"); // one week later
    await page.keyboard.press("ArrowRight"); // Tuesday
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight"); // Friday 15 January
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    assert.equal(await page.getByRole("textbox", { name: "Dernier jour" }).inputValue(), "15/01/2027");
    // Basket: choose a model in the list, add it, set its quantity.
    await page.getByLabel("Ajouter un matériel").focus();
    await page.getByLabel("Ajouter un matériel").selectOption({ label: "Enregistreur Zoom H1n" }); // a native select
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const quantity = page.getByRole("spinbutton").first();
    await quantity.waitFor();
    await quantity.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("3");
    await check(page).getByText("Tout est disponible sur cette période.").waitFor();
    await page.getByLabel("Titre du projet").focus();
    await page.keyboard.type("Podcast de classe");
    await page.keyboard.press("Tab");
    await page.keyboard.type("CE2");
    await page.keyboard.press("Tab"); // notes
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "book-accept");
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const confirmation = page.getByRole("region", { name: "Demande enregistrée" });
    await confirmation.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "booking-confirmation");
    await confirmation.getByText("Statut : Demandée").waitFor();
    await expectNoProblems(page);
    await context.close();
  });

  test("an incomplete request lists what is missing and moves focus there", async () => {
    const { context, page } = await teacherPage(app);
    await nav(page, "Réserver");
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "La demande n'est pas envoyée" });
    await summary.waitFor();
    assert.deepEqual(await summary.locator("li").allInnerTexts(), [
      "Choisissez le premier et le dernier jour du prêt.",
      "Ajoutez au moins un matériel.",
      "Indiquez le titre du projet.",
      "Acceptez le règlement d'usage et la convention de prêt.",
    ]);
    await page.waitForFunction(() => document.activeElement?.id === "booking-errors");
    await expectNoAxeViolations(page, "booking form with errors");
    await context.close();
  });

  test("an incident on a unit handed over is declared with the 48-hour guidance, late ones flagged", async () => {
    const { context, page } = await teacherPage(app);
    await addToBasket(page, "Robot Blue-Bot", 2);
    await nav(page, "Réserver (1)");
    await setPeriod(page, "30/11/2026", "11/12/2026");
    await check(page).getByText("Tout est disponible sur cette période.").waitFor();
    await finishBooking(page, "Parcours codés");
    // The coordinator hands over two units (issue 6); here the stored state says so.
    const state = await exportBackup(page);
    const booking = state.pool.bookings.find((b) => b.project === "Parcours codés");
    booking.status = "handed_over";
    booking.units = ["SEM-ROB-0025", "SEM-ROB-0026"].map((label) => ({ label, model: "bluebot", condition_out: "good" }));
    booking.history.push({ at: "2026-11-23T08:00:00", by: "coordinator", status: "handed_over" });
    await seedLegacyState(page, state);
    await page.reload();
    await appReady(page);
    await nav(page, "Mes réservations");
    const card = page.getByRole("article", { name: "Parcours codés" });
    await card.getByText("Exemplaires remis : SEM-ROB-0025, SEM-ROB-0026").waitFor();
    await card.getByRole("button", { name: "Déclarer un incident" }).click();
    await card.getByText("Déclarez toute dégradation, perte ou vol dans les 48 heures").waitFor();
    await expectNoAxeViolations(page, "incident form");
    await card.getByLabel("Exemplaire concerné").selectOption("SEM-ROB-0026");
    await card.getByRole("radio", { name: "Vol" }).check();
    await card.getByLabel("Ce qui s'est passé").fill("Disparu de la classe pendant la récréation.");
    await card.getByRole("textbox", { name: "Jour de la découverte" }).fill("20/11/2026");
    await card.getByLabel("Heure de la découverte").fill("08:30");
    await card.getByRole("button", { name: "Envoyer la déclaration" }).click();
    const status = page.getByRole("status").filter({ hasText: "Incident déclaré, mais plus de 48 heures après sa découverte" });
    await status.waitFor();
    await status.getByText("Pensez à remettre le récépissé de plainte avant le dimanche 22 novembre 2026 à 08:30.").waitFor();

    await card.getByRole("button", { name: "Déclarer un incident" }).click();
    await card.getByLabel("Ce qui s'est passé").fill("Écran fissuré.");
    const before = await storedSlots(page);
    await card.getByRole("button", { name: "Envoyer la déclaration" }).click();
    await page.getByRole("status").filter({ hasText: "Incident déclaré dans le délai de 48 heures." }).waitFor();
    await savedSince(page, before);
    await page.reload();
    await appReady(page);
    const stored = (await exportBackup(page)).pool.incidents;
    assert.deepEqual(stored.map((i) => [i.unit, i.kind]), [["SEM-ROB-0026", "theft"], ["SEM-ROB-0025", "damage"]]);
    await expectNoProblems(page);
    await context.close();
  });

  test("saved data that cannot be read is offered for download first, and nothing is saved over it", async () => {
    const context = await app.browser().newContext({ acceptDownloads: true });
    const garbage = '{"schema_version":2,"revision":4,"pool":[tronqué';
    await context.addInitScript((garbage) => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem("materiotheque.state.a", garbage);
        sessionStorage.setItem("seeded", "1");
      }
    }, garbage);
    const page = await newPage(context);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server().url + "modele/bluebot");
    await page.getByRole("heading", { name: "Données illisibles", level: 1 }).waitFor();
    assert.equal(await page.getByRole("button", { name: "Ajouter au panier" }).count(), 0, "no page before the download");
    const erase = page.getByRole("button", { name: "Effacer les données illisibles et repartir de zéro" });
    assert.ok(await erase.isDisabled());
    await expectNoAxeViolations(page, "recovery screen");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Télécharger la copie illisible" }).click(),
    ]);
    assert.equal(await readFile(await download.path(), "utf8"), garbage, "the download is the stored text, as it is");
    assert.equal(await page.evaluate(() => localStorage.getItem("materiotheque.state.a")), garbage);
    await erase.click();
    await page.getByRole("button", { name: "Ajouter au panier" }).click();
    await page.getByRole("status").filter({ hasText: "Robot Blue-Bot : 1 dans le panier." }).waitFor();
    await page.waitForFunction((was) => localStorage.getItem("materiotheque.state.a") !== was, garbage);
    assert.notEqual(await page.evaluate(() => localStorage.getItem("materiotheque.state.a")), garbage);
    await expectNoProblems(page);
    await context.close();
  });
});
