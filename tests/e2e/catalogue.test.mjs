// End-to-end: finding equipment in the catalogue (search and filters), as a teacher would.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { BASE, appReady, expectNoAxeViolations, expectNoProblems, newPage, useApp } from "./support.mjs";
import { exportBackup, saveProfile, seedLegacyState } from "./support.mjs";

let browser;
let server;

async function openCatalogue() {
  const context = await browser.newContext();
  const page = await newPage(context);
  await page.goto(server.url);
  await appReady(page);
  return { context, page };
}

const cardNames = (page) => page.locator(".model-card h3").allInnerTexts();
const results = (page) => page.getByRole("status").filter({ hasText: /correspond/ }).innerText();

describe(`Catalogue search and filters under ${BASE}`, () => {
  const app = useApp();
  before(() => {
    browser = app.browser();
    server = app.server();
  });

  test("a search without accents or capitals finds the accented model", async () => {
    const { context, page } = await openCatalogue();
    const total = (await cardNames(page)).length;
    assert.equal(await results(page), `${total} modèles correspondent.`);
    await page.getByLabel("Rechercher un matériel").fill("ecran");
    // "Écran" in a name, and "Loupes à écran" in a description.
    assert.deepEqual(await cardNames(page), ["Écran interactif mobile 65 pouces", "Lot de 8 loupes numériques"]);
    assert.equal(await results(page), "2 modèles correspondent.");
    await page.getByLabel("Rechercher un matériel").fill("ÉCRAN interactif");
    assert.deepEqual(await cardNames(page), ["Écran interactif mobile 65 pouces"]);
    assert.equal(await results(page), "1 modèle correspond.");
    await page.getByLabel("Rechercher un matériel").fill("licorne");
    assert.deepEqual(await cardNames(page), []);
    assert.equal(await results(page), "Aucun modèle ne correspond à ces critères.");
    await expectNoAxeViolations(page, "catalogue with no result");
    await page.getByRole("button", { name: "Effacer les filtres" }).click();
    assert.equal((await cardNames(page)).length, total);
    await expectNoProblems(page);
    await context.close();
  });

  test("category and training filters combine, and only matching categories remain", async () => {
    const { context, page } = await openCatalogue();
    await page.getByLabel("Catégorie").selectOption({ label: "Robotique" });
    const robotics = await cardNames(page);
    assert.ok(robotics.includes("Robot Thymio II") && robotics.includes("Robot Blue-Bot"));
    assert.deepEqual(await page.locator("main h2").allInnerTexts(), ["Robotique"]);
    await page.getByLabel("Formation préalable").selectOption({ label: "Sans formation" });
    const untrained = await cardNames(page);
    assert.ok(untrained.includes("Robot Blue-Bot"));
    assert.ok(!untrained.includes("Robot Thymio II"), "Thymio requires a training");
    const badges = await page.locator(".model-card__training").allInnerTexts();
    assert.ok(badges.every((b) => b.includes("Sans formation préalable")));
    await page.getByLabel("Formation préalable").selectOption({ label: "Formation requise" });
    const trained = await cardNames(page);
    assert.ok(trained.includes("Robot Thymio II") && !trained.includes("Robot Blue-Bot"));
    assert.equal(robotics.length, untrained.length + trained.length);
    await expectNoAxeViolations(page, "filtered catalogue");
    await expectNoProblems(page);
    await context.close();
  });

  test("a large catalogue shows its first 60 models and the next ones on demand; other filters start from their first page", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await newPage(context);
    // A profile, as the first release's keys (seeded below) always hold one.
    await saveProfile(page, server.url);
    // The demo's models five times over: 155, the copies named « (lot n) ».
    const state = await exportBackup(page);
    const demo = state.pool.catalogue.models;
    const renamed = (name, round) =>
      typeof name === "string" ? `${name} (lot ${round})` : { fr: `${name.fr} (lot ${round})`, en: name.en && `${name.en} (batch ${round})` };
    for (let round = 2; round <= 5; round++) {
      state.pool.catalogue.models.push(...demo.slice(0, 31).map((m) => ({ ...m, id: `${m.id}-${round}`, name: renamed(m.name, round) })));
    }
    const total = state.pool.catalogue.models.length;
    await seedLegacyState(page, state);
    await page.goto(server.url);
    await appReady(page);
    const shown = () => page.locator(".model-card").count();
    const more = page.getByRole("button", { name: /^Afficher \d+ autres modèles$/ });
    assert.equal(await results(page), `${total} modèles correspondent.`);
    assert.equal(await shown(), 60);
    assert.equal(await more.innerText(), "Afficher 60 autres modèles");
    await expectNoAxeViolations(page, "catalogue with more to show");
    await more.click();
    await page.locator(".model-card").nth(119).waitFor();
    assert.equal(await shown(), 120);
    assert.equal(await more.innerText(), `Afficher ${total - 120} autres modèles`);
    await more.click();
    await page.locator(".model-card").nth(total - 1).waitFor();
    assert.equal(await more.count(), 0, "nothing more to show");
    // Other filters start from their first page.
    const search = page.getByLabel("Rechercher un matériel");
    await search.fill("e");
    assert.equal(await shown(), 60);
    assert.equal(await more.count(), 1);
    // Every copy of a model is found, and only it.
    await search.fill("thymio");
    assert.deepEqual(await cardNames(page), ["Robot Thymio II", ...[2, 3, 4, 5].map((n) => `Robot Thymio II (lot ${n})`)]);
    // Back to the filters the whole list was asked for: as it was left.
    await search.fill("");
    assert.equal(await shown(), total);
    await expectNoProblems(page);
    await context.close();
  });

  test("searching works by keyboard and in English", async () => {
    const { context, page } = await openCatalogue();
    await page.getByRole("button", { name: "English" }).click();
    await page.getByLabel("Search for equipment").focus();
    await page.keyboard.type("robot orientation");
    await page.keyboard.press("Enter"); // submitting does not reload the page
    assert.deepEqual(await cardNames(page), ["Blue-Bot robot"]);
    assert.equal(await page.getByRole("status").filter({ hasText: /match/ }).innerText(), "1 model matches.");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert.equal(focused, "catalogue-category");
    await expectNoProblems(page);
    await context.close();
  });
});
