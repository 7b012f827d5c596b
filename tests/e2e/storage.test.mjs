// End-to-end: saving in this browser. Two pages on the app change the same data at once and
// lose nothing; the settings page shows how full storage is and exports a backup.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BASE, appReady, expectNoAxeViolations, expectNoProblems, newPage, saveProfile, useApp, pageReady } from "./support.mjs";
import { allSaved, savedSince, storedSlots } from "./support.mjs";

const TODAY = new Date("2026-11-23T09:00:00");

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
      // Now and then one page saves while the other has unsaved changes.
      if (i % 7 === 0) await allSaved(a);
      if (i % 11 === 0) await allSaved(b);
    }
    await allSaved(a);
    await allSaved(b);
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
    await pageReady(a);
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
    const before = await storedSlots(page);
    await page.getByRole("button", { name: "Ajouter au panier" }).click();
    await savedSince(page, before);
    await page.getByRole("navigation").getByRole("link", { name: "Paramètres" }).click();
    await pageReady(page);
    await page.getByRole("heading", { name: "Données de ce navigateur" }).waitFor();
    const gauge = page.getByRole("meter", { name: "Espace de stockage utilisé" });
    const used = Number(await gauge.getAttribute("value"));
    assert.ok(used > 0 && used < 100, `gauge at ${used} %`);
    assert.match(await page.locator("#storage-usage").innerText(), /% utilisés? \(environ [\d\u202f]+ caractères sur 5\u202f242\u202f880\)/);
    await expectNoAxeViolations(page, "settings with the storage panel");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Exporter une sauvegarde" }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^materiotheque-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(await readFile(await download.path(), "utf8"));
    assert.equal(backup.format, "materiotheque/backup");
    assert.equal(backup.schema_version, 3);
    assert.ok(backup.exported_at);
    assert.deepEqual(backup.plan.basket, [{ model: "bluebot", quantity: 1 }]);
    assert.ok(backup.pool.catalogue.models.length >= 30);
    await page.getByText(/Dernière sauvegarde exportée : (?!jamais)/).waitFor();
    await expectNoProblems(page);
    await context.close();
  });
});

describe(`Files between a teacher and the coordinator under ${BASE}`, () => {
  const app = useApp();

  test("a teacher's requests are previewed, checked and taken in once by the coordinator; the catalogue file carries no personal data", async () => {
    const workdir = mkdtempSync(join(tmpdir(), "materiotheque-files-"));
    try {
      // The teacher: a profile, a booking, then the requests file.
      const teacherContext = await app.browser().newContext({ acceptDownloads: true });
      const teacher = await newPage(teacherContext);
      await teacher.clock.setFixedTime(TODAY);
      await saveProfile(teacher, app.server().url);
      await teacher.goto(app.server().url + "modele/bluebot");
      await teacher.getByRole("spinbutton", { name: "Quantité" }).fill("2");
      await teacher.getByRole("button", { name: "Ajouter au panier" }).click();
      await teacher.getByRole("navigation").getByRole("link", { name: /^Réserver/ }).click();
      await pageReady(teacher);
      await teacher.getByRole("textbox", { name: "Premier jour" }).fill("04/01/2027");
      await teacher.getByRole("textbox", { name: "Dernier jour" }).fill("15/01/2027");
      await teacher.getByRole("textbox", { name: "Dernier jour" }).press("Tab");
      await teacher.getByLabel("Titre du projet").fill("Parcours codés");
      await teacher.getByRole("checkbox", { name: /J'ai lu et j'accepte/ }).check();
      await teacher.getByRole("button", { name: "Envoyer la demande" }).click();
      await teacher.getByRole("region", { name: "Demande enregistrée" }).waitFor();
      await teacher.getByRole("navigation").getByRole("link", { name: "Paramètres", exact: true }).click();
      await pageReady(teacher);
      const [sent] = await Promise.all([
        teacher.waitForEvent("download"),
        teacher.getByRole("button", { name: "Envoyer mes demandes au gestionnaire" }).click(),
      ]);
      const requests = JSON.parse(await readFile(await sent.path(), "utf8"));
      assert.equal(requests.format, "materiotheque/requests");
      assert.deepEqual(requests.bookings.map((b) => b.project), ["Parcours codés"]);
      // The file claims a training the coordinator never recorded.
      requests.trainings.push({ teacher: requests.teacher.id, training: "f-robotique", completed: "2026-10-01" });
      const requestsPath = join(workdir, "demandes-anne.json");
      writeFileSync(requestsPath, JSON.stringify(requests));

      // The coordinator, in another browser.
      const coordinatorContext = await app.browser().newContext({ acceptDownloads: true });
      const coordinator = await newPage(coordinatorContext);
      await coordinator.clock.setFixedTime(TODAY);
      await coordinator.goto(app.server().url + "parametres");
      await appReady(coordinator);
      await coordinator.getByRole("radio", { name: "Gestionnaire du prêt" }).check();
      await coordinator.getByLabel("Fichier de données", { exact: true }).setInputFiles(requestsPath);
      const preview = coordinator.getByRole("region", { name: "Ce que demandes-anne.json changera" });
      await preview.waitFor();
      await preview.getByText("Les demandes de Anne Martin sont vérifiées avec toutes les règles").waitFor();
      await preview.getByText("Anne Martin, « Parcours codés » : demande enregistrée, à confirmer.").waitFor();
      const bookingsRow = preview.getByRole("row", { name: /^Réservations/ });
      assert.deepEqual(await bookingsRow.getByRole("cell").allInnerTexts(), ["1", "0", "0"]);
      await preview
        .getByText("Anne Martin déclare la formation « Robotique pédagogique », absente de vos registres : déclaration ignorée.")
        .waitFor();
      await expectNoAxeViolations(coordinator, "requests preview");
      await preview.getByRole("button", { name: "Importer", exact: true }).click();
      await coordinator.getByText("Import effectué.").waitFor();

      // The same file again changes nothing.
      await coordinator.getByLabel("Fichier de données", { exact: true }).setInputFiles(requestsPath);
      await coordinator.getByText("Ce fichier ne change rien : les données sont déjà à jour.").waitFor();
      await coordinator.getByRole("button", { name: "Ne pas importer" }).click();

      const [published] = await Promise.all([
        coordinator.waitForEvent("download"),
        coordinator.getByRole("button", { name: "Exporter le catalogue" }).click(),
      ]);
      const catalogue = await readFile(await published.path(), "utf8");
      assert.equal(JSON.parse(catalogue).format, "materiotheque/catalogue");
      assert.ok(!catalogue.includes("Anne Martin"), "no teacher name in the catalogue file");
      assert.ok(!catalogue.toLowerCase().includes("anne.martin"), "no e-mail in the catalogue file");
      assert.ok(!catalogue.includes("Parcours codés"), "no project in the catalogue file");
      const occupancy = JSON.parse(catalogue).occupancy;
      assert.ok(occupancy.some((o) => o.start === "2027-01-04" && o.status === "requested"), "the booking, anonymous");
      for (const page of [teacher, coordinator]) await expectNoProblems(page);
      await teacherContext.close();
      await coordinatorContext.close();
    } finally {
      rmSync(workdir, { recursive: true, force: true });
    }
  });
});
