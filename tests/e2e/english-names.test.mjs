// End-to-end: model names follow the interface language. In English the catalogue, the model page
// and the booking page name the demo's models in English (a product's proper name stays as it
// is), in French they stay French, and switching back and forth needs no reload. The coordinator
// gives a model an English name in the catalogue form and the English interface shows it.
// Release build, clock fixed on 1 December 2026.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { appReady, expectNoAxeViolations, expectNoProblems, newPage, useApp, pageReady } from "./support.mjs";

const TODAY = new Date("2026-12-01T09:00:00");
const RECORDER = { fr: "Enregistreur Zoom H1n", en: "Zoom H1n recorder" };

async function openApp(app, context, path = "") {
  const page = await newPage(context);
  await page.clock.setFixedTime(TODAY);
  await page.goto(app.server().url + path);
  await appReady(page);
  return page;
}

const cardNames = (page) => page.locator(".model-card h3").allInnerTexts();

describe("Model names in the interface's language", () => {
  const app = useApp();

  test("the English interface names models in English on the catalogue, the model page and the booking page; the French one in French", async () => {
    const context = await app.browser().newContext();
    const page = await openApp(app, context);

    // French: French names only.
    await page.getByRole("link", { name: RECORDER.fr, exact: true }).waitFor();
    const french = await cardNames(page);
    assert.ok(french.includes("Robot Thymio II") && french.includes("Valise de 16 iPad (10e génération)"));
    assert.ok(!french.includes(RECORDER.en) && !french.includes("Thymio II robot"), `English names in French: ${french}`);

    // English: every translated name in English, a product name unchanged.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Equipment catalogue", level: 1 }).waitFor();
    await page.getByRole("link", { name: RECORDER.en, exact: true }).waitFor();
    const english = await cardNames(page);
    assert.equal(english.length, french.length);
    for (const name of ["Thymio II robot", "Case of 16 iPads (10th generation)", "Portable green screen", "Lego Education Spike Prime"]) {
      assert.ok(english.includes(name), `${name} in ${english}`);
    }
    for (const name of [RECORDER.fr, "Robot Thymio II", "Fond vert portable"]) {
      assert.ok(!english.includes(name), `${name} stays French in ${english}`);
    }
    // Searching by the English name finds the model.
    await page.getByLabel("Search for equipment").fill("action camera");
    await page.getByRole("status").filter({ hasText: "1 model matches." }).waitFor();
    assert.deepEqual(await cardNames(page), ["Action camera"]);
    await page.getByLabel("Search for equipment").fill("");
    await expectNoAxeViolations(page, "catalogue in English");

    // The model page: heading, page title and the basket's confirmation.
    await page.getByRole("link", { name: RECORDER.en, exact: true }).click();
    await pageReady(page);
    await page.getByRole("heading", { name: RECORDER.en, level: 1 }).waitFor();
    assert.ok((await page.title()).startsWith(`${RECORDER.en} — `), await page.title());
    await page.getByRole("spinbutton", { name: "Quantity" }).fill("2");
    await page.getByRole("button", { name: "Add to basket" }).click();
    await page.getByRole("status").filter({ hasText: `${RECORDER.en}: 2 in the basket.` }).waitFor();
    await expectNoAxeViolations(page, "model page in English");

    // The booking page: the basket's row, its quantity field and its remove button.
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: /^Book/ }).click();
    await pageReady(page);
    await page.getByRole("heading", { name: "Book equipment", level: 1 }).waitFor();
    await page.getByRole("rowheader", { name: RECORDER.en, exact: true }).waitFor();
    assert.equal(await page.getByRole("spinbutton", { name: `Quantity of ${RECORDER.en}` }).inputValue(), "2");
    await page.getByRole("button", { name: `Remove ${RECORDER.en}` }).waitFor();
    await expectNoAxeViolations(page, "booking page in English");

    // Back to French on the same page: the row follows, with no reload.
    await page.getByRole("button", { name: "Français" }).click();
    await page.getByRole("rowheader", { name: RECORDER.fr, exact: true }).waitFor();
    assert.equal(await page.getByRole("spinbutton", { name: `Quantité de ${RECORDER.fr}` }).inputValue(), "2");
    await page.getByRole("button", { name: `Retirer ${RECORDER.fr}` }).waitFor();
    await expectNoProblems(page);
    await context.close();
  });

  test("the coordinator names a model in English and the English interface shows that name", async () => {
    const context = await app.browser().newContext();
    const page = await openApp(app, context, "parametres");
    await page.locator("#role-coordinator").check();
    await page.getByRole("navigation").getByRole("link", { name: "Gestion", exact: true }).click();
    await pageReady(page);
    await page.getByRole("link", { name: "Catalogue et exemplaires", exact: true }).click();
    await pageReady(page);
    await page.getByRole("heading", { name: "Catalogue et exemplaires", level: 1 }).waitFor();

    // The form holds both names; the English one is described as optional, with its hint.
    await page.getByLabel("Modèle à modifier").selectOption({ label: "Kit Makey Makey" });
    await page.getByRole("heading", { name: "Exemplaires de Kit Makey Makey", level: 2 }).waitFor();
    const french = page.getByRole("textbox", { name: "Nom du modèle (en français)", exact: true });
    const english = page.getByRole("textbox", { name: "Nom anglais du modèle (facultatif)", exact: true });
    assert.equal(await french.inputValue(), "Kit Makey Makey");
    assert.equal(await english.inputValue(), "Makey Makey kit");
    assert.equal(await english.getAttribute("lang"), "en");
    assert.match(await english.evaluate((e) => document.getElementById(e.getAttribute("aria-describedby")).textContent), /interface en anglais/);
    await expectNoAxeViolations(page, "model form with both names");

    await english.fill("Makey Makey invention kit");
    await page.getByRole("button", { name: "Enregistrer le modèle" }).click();
    await page.getByRole("status").filter({ hasText: "Modèle « Kit Makey Makey » enregistré." }).waitFor();

    // In English: the model list of this page, then the catalogue and the model page.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Catalogue and units", level: 1 }).waitFor();
    await page.getByLabel("Model to edit").locator("option", { hasText: "Makey Makey invention kit" }).waitFor({ state: "attached" });
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Catalogue", exact: true }).click();
    await pageReady(page);
    await page.getByRole("heading", { name: "Equipment catalogue", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Makey Makey invention kit", exact: true }).click();
    await pageReady(page);
    await page.getByRole("heading", { name: "Makey Makey invention kit", level: 1 }).waitFor();

    // Cleared, the English name falls back to the French one.
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Coordination", exact: true }).click();
    await pageReady(page);
    await page.getByRole("link", { name: "Catalogue and units", exact: true }).click();
    await pageReady(page);
    await page.getByRole("heading", { name: "Catalogue and units", level: 1 }).waitFor();
    await page.getByLabel("Model to edit").selectOption({ label: "Makey Makey invention kit" });
    await page.getByRole("heading", { name: "Units of Makey Makey invention kit", level: 2 }).waitFor();
    await page.getByRole("textbox", { name: "Model name in English (optional)", exact: true }).fill("");
    await page.getByRole("button", { name: "Save the model" }).click();
    await page.getByRole("status").filter({ hasText: 'Model "Kit Makey Makey" saved.' }).waitFor();
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Catalogue", exact: true }).click();
    await pageReady(page);
    await page.getByRole("link", { name: "Kit Makey Makey", exact: true }).waitFor();
    await expectNoProblems(page);
    await context.close();
  });
});
