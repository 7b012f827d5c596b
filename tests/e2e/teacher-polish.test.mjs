// End-to-end: what a teacher touches on a phone and on a laptop — the folded navigation, focus
// on the heading of each page reached by a link, the booking draft kept, every problem listed
// at once with dates that suit the whole basket, the missing profile said, enrolling and
// withdrawing with the seats counted, the notice days marked in the date picker, and a console
// without errors. Browser clock fixed on Monday 23 November 2026.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { appReady, expectNoAxeViolations, expectNoProblems, newPage, useApp, pageReady } from "./support.mjs";
import { addToBasket, nav, ruleCheck, saveProfile, savedSince, setPeriod, storedSlots } from "./support.mjs";

const TODAY = new Date("2026-11-23T09:00:00");
const PHONE = { width: 390, height: 844 };

async function personPage(app, { profile = true, viewport } = {}) {
  const context = await app.browser().newContext(viewport ? { viewport } : {});
  const page = await newPage(context);
  const errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.consoleErrors = () => errors;
  await page.clock.setFixedTime(TODAY);
  if (profile) {
    await saveProfile(page, app.server().url);
  } else {
    await page.goto(app.server().url);
    await appReady(page);
  }
  return { context, page };
}

const mainNav = (page) => page.getByRole("navigation", { name: "Navigation principale" });
const check = ruleCheck;



/** The text of the element that has focus, and its tag. */
const focused = (page) =>
  page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent?.trim() }));

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe("A teacher on a phone and a laptop", () => {
  const app = useApp();

  test("on a phone the navigation folds behind « Menu », the first result is on the first screen, and nothing scrolls sideways", async () => {
    const { context, page } = await personPage(app, { viewport: PHONE });
    await page.goto(app.server().url);
    await appReady(page);
    const menu = page.getByRole("button", { name: "Menu" });
    assert.equal(await menu.getAttribute("aria-expanded"), "false");
    assert.equal(await mainNav(page).getByRole("link", { name: "Paramètres" }).isVisible(), false, "folded");
    const first = page.locator("main .model-card a").first();
    const box = await first.boundingBox();
    assert.ok(box && box.y + box.height <= PHONE.height, `first result at ${JSON.stringify(box)}, below the first screen`);
    assert.ok((await overflow(page)) <= 0, "no sideways scroll on the catalogue");
    await expectNoAxeViolations(page, "catalogue on a phone");

    await menu.click();
    assert.equal(await menu.getAttribute("aria-expanded"), "true");
    await nav(page, "Paramètres");
    await page.getByRole("heading", { name: "Paramètres", level: 1 }).waitFor();
    assert.equal(await menu.getAttribute("aria-expanded"), "false", "folded again after following a link");
    assert.deepEqual(await focused(page), { tag: "H1", text: "Paramètres" });

    // The booking page with a basket: the table stacks instead of widening the page.
    await menu.click();
    await nav(page, "Catalogue");
    await page.getByRole("link", { name: "Robot Blue-Bot", exact: true }).click();
    await pageReady(page);
    await page.getByRole("heading", { name: "Robot Blue-Bot", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Ajouter au panier" }).click();
    await menu.click();
    await nav(page, "Réserver (1)");
    await page.getByRole("heading", { name: "Réserver du matériel", level: 1 }).waitFor();
    await setPeriod(page, "04/01/2027", "22/01/2027");
    await check(page).getByText("Tout est disponible sur cette période.").waitFor();
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 800 });
      assert.ok((await overflow(page)) <= 0, `no sideways scroll on the booking page at ${width} px`);
    }
    // The date picker fits on the screen, its last column and its buttons included.
    await page.getByRole("button", { name: "Choisir une date : Premier jour" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    for (const name of ["Annuler"]) {
      const b = await dialog.getByRole("button", { name }).boundingBox();
      assert.ok(b && b.x >= 0 && b.x + b.width <= 320, `${name} inside the screen: ${JSON.stringify(b)}`);
    }
    assert.ok((await overflow(page)) <= 0, "no sideways scroll with the date picker open");
    await expectNoAxeViolations(page, "date picker on a phone");
    await expectNoProblems(page);
    await context.close();
  });

  test("following a link puts focus on the new page's heading; the next Tab goes into the page, not the header", async () => {
    const { context, page } = await personPage(app);
    await nav(page, "Mes réservations");
    await page.getByRole("heading", { name: "Mes réservations", level: 1 }).waitFor();
    assert.deepEqual(await focused(page), { tag: "H1", text: "Mes réservations" });
    await page.keyboard.press("Tab");
    const inHeader = await page.evaluate(() => Boolean(document.activeElement?.closest("header")));
    assert.equal(inHeader, false, "Tab continues in the page");
    // Changing the language does not move focus.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "My bookings", level: 1 }).waitFor();
    assert.equal((await focused(page)).tag, "BUTTON");
    await context.close();
  });

  test("the booking form is kept across pages and a reload, and cleared once the booking is sent", async () => {
    const { context, page } = await personPage(app);
    await addToBasket(page, "Robot Blue-Bot", 2);
    await nav(page, "Réserver (1)");
    await setPeriod(page, "04/01/2027", "22/01/2027");
    await page.getByLabel("Titre du projet").fill("Robots au jardin");
    await page.getByLabel("Classe", { exact: true }).fill("CM1 B");
    await page.getByLabel("Remarques pour le gestionnaire (facultatif)").fill("Salle 12, le mardi");
    const before = await storedSlots(page);
    await page.getByRole("checkbox", { name: /J'ai lu et j'accepte/ }).check();
    await savedSince(page, before);

    const expectDraft = async (where) => {
      assert.equal(await page.getByLabel("Titre du projet").inputValue(), "Robots au jardin", where);
      assert.equal(await page.getByLabel("Classe", { exact: true }).inputValue(), "CM1 B", where);
      assert.equal(await page.getByLabel("Remarques pour le gestionnaire (facultatif)").inputValue(), "Salle 12, le mardi", where);
      assert.equal(await page.getByRole("checkbox", { name: /J'ai lu et j'accepte/ }).isChecked(), true, where);
    };
    await nav(page, "Catalogue");
    await nav(page, "Réserver (1)");
    await expectDraft("after visiting the catalogue");
    await page.reload();
    await appReady(page);
    await expectDraft("after a reload");

    const sending = await storedSlots(page);
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    await page.getByRole("region", { name: "Demande enregistrée" }).waitFor();
    await savedSince(page, sending);
    await page.reload();
    await appReady(page);
    assert.equal(await page.getByLabel("Titre du projet").inputValue(), "", "cleared once sent");
    assert.equal(await page.getByLabel("Remarques pour le gestionnaire (facultatif)").inputValue(), "");
    assert.equal(await page.getByRole("checkbox", { name: /J'ai lu et j'accepte/ }).isChecked(), false);
    await expectNoProblems(page);
    await context.close();
  });

  test("30 robots over a weekend without the training: every problem at once, then dates that suit the whole basket", async () => {
    const { context, page } = await personPage(app);
    await addToBasket(page, "Robot Thymio II", 30);
    await nav(page, "Réserver (1)");
    await setPeriod(page, "09/01/2027", "10/01/2027");
    const panel = check(page);
    await panel.getByText("Cette demande ne peut pas être acceptée telle quelle (3 problèmes) :").waitFor();
    await panel.getByText("Le premier jour n'est pas un jour de classe (week-end).").waitFor();
    await panel.getByText("Le dernier jour n'est pas un jour de classe (week-end).").waitFor();
    await panel.getByText("Robot Thymio II demande la formation « Robotique pédagogique », que vous n'avez pas suivie.").waitFor();
    await panel.getByText(/^Robot Thymio II : \d+ libres? sur cette période, vous en demandez 30\.$/).waitFor();
    // More robots than the pool has: no dates can suit, and the check says what to change.
    await panel.getByText(/Aucune période d'ici la fin de l'année scolaire prochaine ne convient à tout le panier/).waitFor();
    await expectNoAxeViolations(page, "every problem at once");

    // Six robots: the weekend becomes the Friday and the Monday around it.
    await page.getByRole("spinbutton", { name: "Quantité de Robot Thymio II" }).fill("6");
    await panel.getByText("Cette demande ne peut pas être acceptée telle quelle (2 problèmes) :").waitFor();
    const suggestion = panel.getByRole("button", { name: "Choisir ces dates (du vendredi 8 janvier 2027 au lundi 11 janvier 2027)" });
    await suggestion.click();
    assert.equal(await page.getByRole("textbox", { name: "Premier jour" }).inputValue(), "08/01/2027");
    assert.equal(await page.getByRole("textbox", { name: "Dernier jour" }).inputValue(), "11/01/2027");
    // Only the training is left.
    await panel.getByText("Cette demande ne peut pas être acceptée telle quelle (1 problème) :").waitFor();
    await expectNoProblems(page);
    await context.close();
  });

  test("a session ending after the loan starts is marked too late for it", async () => {
    const { context, page } = await personPage(app);
    await addToBasket(page, "Robot Thymio II", 6);
    await nav(page, "Réserver (1)");
    await setPeriod(page, "30/11/2026", "11/12/2026");
    const panel = check(page);
    await panel.getByText("Robot Thymio II demande la formation « Robotique pédagogique », que vous n'avez pas suivie.").waitFor();
    const session = panel.getByRole("listitem").filter({ hasText: "mercredi 2 décembre 2026" });
    await session.getByText("trop tard pour ce prêt").waitFor();
    await panel.getByText(/^Aucune session ne se termine avant le début de ce prêt/).waitFor();
    // Her profile is about no loan: the same session is offered there, too late for nothing.
    await nav(page, "Mon profil");
    const trainings = page.getByRole("region", { name: "Mes formations" });
    await trainings.getByRole("button", { name: "M'inscrire à la session du mercredi 2 décembre 2026" }).waitFor();
    assert.equal(await trainings.getByText("trop tard pour ce prêt").count(), 0);
    await context.close();
  });

  test("without a profile, the check and the error summary say so with the link, and nothing else hides it", async () => {
    const { context, page } = await personPage(app, { profile: false });
    await addToBasket(page, "Robot Blue-Bot", 2);
    await nav(page, "Réserver (1)");
    await setPeriod(page, "04/01/2027", "22/01/2027");
    const panel = check(page);
    await panel.getByText("Renseignez d'abord votre profil (nom, adresse, école) : il accompagne vos demandes.").waitFor();
    await panel.getByRole("link", { name: "Compléter mon profil" }).waitFor();
    assert.equal(await panel.getByText(/Choisissez une période/).count(), 0);
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    const summary = page.getByRole("alert");
    await summary.getByText("Votre profil n'est pas renseigné : il accompagne chaque demande.").waitFor();
    await summary.getByRole("link", { name: "Compléter mon profil" }).click();
    await pageReady(page);
    await page.getByRole("heading", { name: "Mon profil", level: 1 }).waitFor();
    await expectNoProblems(page);
    await context.close();
  });

  test("enrolling is confirmed and shown on the profile, withdrawing gives the seat back", async () => {
    const { context, page } = await personPage(app);
    // saveProfile leaves the profile page open: the robotics training lists its sessions.
    const training = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Robotique pédagogique" }) });
    const line = training.getByRole("listitem").filter({ hasText: "mercredi 2 décembre 2026" });
    const seatsBefore = (await line.innerText()).match(/\((\d+) places? libres?\)/)[1];
    await training.getByRole("button", { name: "M'inscrire à la session du mercredi 2 décembre 2026" }).click();
    await training.getByRole("status").filter({ hasText: "Vous êtes inscrit à la session du mercredi 2 décembre 2026." }).waitFor();
    await training.getByText(/^Vous êtes inscrit à la session du mercredi 2 décembre 2026, /).waitFor();

    // The booking page knows it too, and offers to withdraw.
    await addToBasket(page, "Robot Thymio II", 6);
    await nav(page, "Réserver (1)");
    await setPeriod(page, "04/01/2027", "29/01/2027");
    await check(page).getByText("Disponible. La réservation sera en attente de formation jusqu'à votre session.").waitFor();
    await check(page).getByRole("button", { name: "Me désinscrire de la session du mercredi 2 décembre 2026" }).waitFor();

    await nav(page, "Mon profil");
    await training.getByRole("button", { name: "Me désinscrire de la session du mercredi 2 décembre 2026" }).click();
    await training.getByRole("status").filter({ hasText: "Vous êtes désinscrit de la session du mercredi 2 décembre 2026 : votre place est libérée." }).waitFor();
    const seatsAfter = (await line.innerText()).match(/\((\d+) places? libres?\)/)[1];
    assert.equal(seatsAfter, seatsBefore, "the seat is back");
    await expectNoAxeViolations(page, "profile after withdrawing");
    await expectNoProblems(page);
    await context.close();
  });

  test("the date picker marks the days inside the notice; no page logs an error, not even for an unpublished catalogue", async () => {
    const { context, page } = await personPage(app);
    await nav(page, "Réserver");
    await page.getByRole("button", { name: "Choisir une date : Premier jour" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    const note = (date) => dialog.locator(`td[data-date="${date}"] .date-sr`).innerText();
    assert.match(await note("2026-11-25"), /dans le délai de préavis/);
    assert.doesNotMatch(await note("2026-11-30"), /préavis/, "the earliest first day");
    await page.keyboard.press("Escape");
    // A reload under the service worker, then every teacher page.
    await page.reload();
    await appReady(page);
    for (const name of ["Catalogue", "Réserver", "Mes réservations", "Mon profil", "Paramètres", "À propos"]) {
      await nav(page, name);
      await page.locator("main h1").first().waitFor();
    }
    assert.deepEqual(page.consoleErrors(), []);
    await context.close();
  });
});
