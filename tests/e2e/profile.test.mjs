// End-to-end: the teacher's profile (name, e-mail, school), remembered in this browser.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { BASE, appReady, expectNoAxeViolations, expectNoProblems, newPage, useApp, pageReady } from "./support.mjs";

describe(`Teacher profile under ${BASE}`, () => {
  const app = useApp();

  test("an incomplete profile is refused with every reason, a complete one is remembered", async () => {
    const context = await app.browser().newContext();
    const page = await newPage(context);
    await page.goto(app.server().url);
    await appReady(page);
    await page.getByRole("navigation").getByRole("link", { name: "Mon profil" }).click();
    await pageReady(page);
    await page.getByRole("heading", { name: "Mon profil", level: 1 }).waitFor();

    await page.getByLabel("Adresse électronique professionnelle").fill("anne.martin");
    await page.getByRole("button", { name: "Enregistrer le profil" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Le profil n'est pas enregistré" });
    await summary.waitFor();
    assert.deepEqual(await summary.locator("li").allInnerTexts(), [
      "Indiquez votre nom.",
      "Indiquez une adresse électronique valide, par exemple prenom.nom@ac-lyon.fr.",
      "Choisissez votre école dans la liste.",
    ]);
    await page.waitForFunction(() => document.activeElement?.id === "profile-errors"); // focus moves to the errors
    assert.equal(await page.getByLabel("Nom et prénom").getAttribute("aria-invalid"), "true");
    await expectNoAxeViolations(page, "profile with errors");

    await page.getByLabel("Nom et prénom").fill("  Anne   Martin ");
    await page.getByLabel("Adresse électronique professionnelle").fill("Anne.Martin@ac-lyon.fr");
    await page.getByLabel("Votre école").selectOption({ label: "École élémentaire Monge" });
    await page.getByRole("button", { name: "Enregistrer le profil" }).click();
    await page.getByRole("status").filter({ hasText: "Profil enregistré." }).waitFor();
    assert.equal(await page.getByRole("alert").count(), 0);
    assert.equal(await page.getByLabel("Nom et prénom").inputValue(), "Anne Martin");
    assert.equal(await page.getByLabel("Nom et prénom").getAttribute("aria-invalid"), null);

    await page.reload();
    await appReady(page);
    assert.equal(await page.getByLabel("Nom et prénom").inputValue(), "Anne Martin");
    assert.equal(await page.getByLabel("Adresse électronique professionnelle").inputValue(), "Anne.Martin@ac-lyon.fr");
    const school = await page.getByLabel("Votre école").evaluate((s) => s.selectedOptions[0]?.textContent);
    assert.equal(school, "École élémentaire Monge");
    await expectNoAxeViolations(page, "saved profile");
    await expectNoProblems(page);
    await context.close();
  });

  test("the profile form works by keyboard alone", async () => {
    const context = await app.browser().newContext();
    const page = await newPage(context);
    await page.goto(app.server().url + "profil");
    await appReady(page);
    await page.getByLabel("Nom et prénom").focus();
    await page.keyboard.type("Paul Durand");
    await page.keyboard.press("Tab");
    await page.keyboard.type("paul.durand@ac-lyon.fr");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "profile-school");
    await page.getByLabel("Votre école").selectOption({ label: "École primaire Pasteur" }); // a native select
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Profil enregistré." }).waitFor();
    await page.reload();
    await appReady(page);
    assert.equal(await page.getByLabel("Nom et prénom").inputValue(), "Paul Durand");
    const school = await page.getByLabel("Votre école").evaluate((s) => s.selectedOptions[0]?.textContent);
    assert.equal(school, "École primaire Pasteur");
    await expectNoProblems(page);
    await context.close();
  });
});
