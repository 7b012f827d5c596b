// End-to-end: saving in this browser. Two pages on the app change the same data at once and
// lose nothing; the settings page shows how full storage is and exports a backup.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { BASE, appReady, expectNoAxeViolations, expectNoProblems, newPage, useApp } from "./support.mjs";

describe(`Saving under ${BASE}`, () => {
  const app = useApp();

  test("two pages on the app making 200 interleaved changes lose none of them", async () => {
    const context = await app.browser().newContext();
    const [a, b] = [await newPage(context), await newPage(context)];
    await a.goto(app.server().url + "modele/bluebot");
    await b.goto(app.server().url + "modele/thymio");
    await appReady(a);
    await appReady(b);
    const add = (page) => page.getByRole("button", { name: "Ajouter au panier" });
    for (let i = 1; i <= 100; i++) {
      await add(a).click();
      await add(b).click();
      // Pauses of varying length let either page save while the other has unsaved changes.
      if (i % 7 === 0) await a.waitForTimeout(450);
      if (i % 11 === 0) await b.waitForTimeout(200);
    }
    await a.waitForTimeout(1200);
    // Each page shows its own count, merged with the other page's saves.
    await a.getByRole("status").filter({ hasText: "Robot Blue-Bot : 100 dans le panier" }).waitFor();
    await b.getByRole("status").filter({ hasText: "Robot Thymio II : 100 dans le panier" }).waitFor();

    // A third page reads what was stored: every change of both pages.
    const c = await newPage(context);
    await c.goto(app.server().url + "reserver");
    await appReady(c);
    assert.equal(await c.locator("#qty-bluebot").inputValue(), "100");
    assert.equal(await c.locator("#qty-thymio").inputValue(), "100");
    // And the first pages show the other's changes without a reload.
    await a.getByRole("link", { name: /Réserver/ }).first().click();
    await a.locator("#qty-thymio").waitFor();
    assert.equal(await a.locator("#qty-thymio").inputValue(), "100");
    for (const page of [a, b, c]) await expectNoProblems(page);
    await context.close();
  });

  test("the settings show how full storage is and export a backup of everything", async () => {
    const context = await app.browser().newContext({ acceptDownloads: true });
    const page = await newPage(context);
    await page.goto(app.server().url + "modele/bluebot");
    await appReady(page);
    await page.getByRole("button", { name: "Ajouter au panier" }).click();
    await page.waitForTimeout(800);
    await page.getByRole("navigation").getByRole("link", { name: "Paramètres" }).click();
    await page.getByRole("heading", { name: "Données de ce navigateur" }).waitFor();
    const gauge = page.getByRole("meter", { name: "Espace de stockage utilisé" });
    const used = Number(await gauge.getAttribute("value"));
    assert.ok(used > 0 && used < 100, `gauge at ${used} %`);
    assert.match(await page.locator("#storage-usage").innerText(), /% utilisés \(environ [\d\u202f]+ caractères sur 5\u202f242\u202f880\)/);
    await expectNoAxeViolations(page, "settings with the storage panel");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Exporter une sauvegarde" }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^materiotheque-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(await readFile(await download.path(), "utf8"));
    assert.equal(backup.format, "materiotheque/backup");
    assert.equal(backup.schema_version, 1);
    assert.ok(backup.exported_at);
    assert.deepEqual(backup.plan.basket, [{ model: "bluebot", quantity: 1 }]);
    assert.ok(backup.pool.catalogue.models.length >= 30);
    await page.getByText(/Dernière sauvegarde exportée : (?!jamais)/).waitFor();
    await expectNoProblems(page);
    await context.close();
  });
});
