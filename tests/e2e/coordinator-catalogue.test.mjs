// End-to-end: the coordinator's catalogue (units added in bulk from a label pattern, edited,
// retired), the printable label sheet whose QR codes decode to each unit's page address, and the
// unit page that address opens. Release build, French UI, clock fixed on 1 December 2026.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { appReady, decodeQr, expectNoAxeViolations, expectNoProblems, newPage, useApp, pageReady } from "./support.mjs";
import { BASE } from "./support.mjs";

const TODAY = new Date("2026-12-01T09:00:00");
const MODEL = "Station météo connectée";

async function coordinatorPage(app, context) {
  const page = await newPage(context);
  await page.clock.setFixedTime(TODAY);
  await page.goto(app.server().url + "parametres");
  await appReady(page);
  await page.locator("#role-coordinator").check();
  return page;
}

describe(`Coordinator catalogue, labels and unit page under ${BASE}`, () => {
  const app = useApp();

  test("units added from a pattern by keyboard, one edited and one retired; their labels print with QR codes that open the unit page", async () => {
    const context = await app.browser().newContext();
    const page = await coordinatorPage(app, context);
    await page.getByRole("navigation").getByRole("link", { name: "Gestion", exact: true }).click();
    await pageReady(page);
    await page.getByRole("link", { name: "Catalogue et exemplaires", exact: true }).click();
    await pageReady(page);
    await page.getByRole("heading", { name: "Catalogue et exemplaires", level: 1 }).waitFor();
    await expectNoAxeViolations(page, "catalogue page, new model");

    // Choose the model: its details, its four units, the form to add more.
    await page.getByLabel("Modèle à modifier").selectOption({ label: MODEL });
    await page.getByRole("heading", { name: `Exemplaires de ${MODEL}`, level: 2 }).waitFor();
    const table = page.getByRole("table", { name: `4 exemplaires de ${MODEL}, dont 4 en service` });
    await table.waitFor();
    assert.equal(await table.locator("tbody tr").count(), 4);
    assert.equal(await page.getByLabel("Nom du modèle").inputValue(), MODEL);
    assert.equal(await page.getByLabel("Modèle d'étiquette").inputValue(), "SEM-SCI-{0001}", "pattern suggested");
    await expectNoAxeViolations(page, "catalogue page, a model chosen");

    // A pattern without a number is refused, in words.
    await page.getByLabel("Modèle d'étiquette").fill("SEM-MET");
    await page.getByRole("button", { name: "Ajouter les exemplaires" }).click();
    await page.getByRole("alert").filter({ hasText: "Le modèle d'étiquette n'a pas de numéro entre accolades : ajoutez le premier numéro, par exemple SEM-TAB-{0001}." }).waitFor();
    await expectNoAxeViolations(page, "refused pattern");

    // Keyboard only: type the pattern, Tab to the number, type 3, Enter.
    await page.getByLabel("Modèle d'étiquette").focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("SEM-MET-{001}");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "cat-add-count");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("3");
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: "3 exemplaires ajoutés : SEM-MET-001, SEM-MET-002, SEM-MET-003." })
      .waitFor();
    const grown = page.getByRole("table", { name: `7 exemplaires de ${MODEL}, dont 7 en service` });
    await grown.waitFor();
    await expectNoAxeViolations(page, "units added");

    // Edit a row in place: its replacement value, with a decimal comma.
    await page.getByRole("button", { name: "Modifier SEM-MET-001", exact: true }).click();
    const value = page.getByLabel("Valeur de remplacement de SEM-MET-001, en euros");
    await value.fill("149,90");
    await expectNoAxeViolations(page, "a unit row being edited");
    await page.getByRole("button", { name: "Enregistrer SEM-MET-001", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Exemplaire SEM-MET-001 enregistré." }).waitFor();
    const row1 = grown.getByRole("row").filter({ hasText: "SEM-MET-001" });
    await row1.getByText(/149,90\s€/).waitFor();
    // The keyboard is back on the row's edit button.
    await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Modifier SEM-MET-001");

    // Retire one; it says so in words, and its button now puts it back.
    await page.getByRole("button", { name: "Retirer SEM-MET-002", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "SEM-MET-002 est retiré du service." }).waitFor();
    await page.getByRole("table", { name: `7 exemplaires de ${MODEL}, dont 6 en service` }).waitFor();
    const row2 = page.getByRole("row").filter({ hasText: "SEM-MET-002" });
    await row2.getByRole("cell", { name: "Hors service", exact: true }).waitFor();
    await row2.getByRole("button", { name: "Remettre en service SEM-MET-002", exact: true }).waitFor();
    await expectNoAxeViolations(page, "a unit retired");

    // The label sheet of this model: one label with a QR code per unit in service.
    await page.getByRole("link", { name: "Imprimer les étiquettes de ce modèle" }).click();
    await pageReady(page);
    await page.getByRole("heading", { name: "Étiquettes à imprimer", level: 1 }).waitFor();
    await page.getByText("6 étiquettes ; planches A4 de 3 × 8 : 1.").waitFor();
    const labels = ["SEM-SCI-0009", "SEM-SCI-0010", "SEM-SCI-0011", "SEM-SCI-0012", "SEM-MET-001", "SEM-MET-003"];
    assert.equal(await page.locator(".label-sheet svg[role=img]").count(), labels.length);
    assert.equal(await page.getByRole("img", { name: "Code QR de l'exemplaire SEM-MET-002" }).count(), 0, "retired");
    for (const label of labels) {
      assert.equal(await decodeQr(page, label), `${app.server().url}exemplaire/${label}`);
    }
    await expectNoAxeViolations(page, "label sheet");

    // Printed: three labels a row on A4, the controls hidden; the print button prints.
    await page.emulateMedia({ media: "print" });
    const columns = await page.locator(".label").evaluateAll((items) => new Set(items.map((i) => Math.round(i.getBoundingClientRect().left))).size);
    assert.equal(columns, 3);
    assert.equal(await page.getByRole("button", { name: "Imprimer les étiquettes" }).isVisible(), false);
    await page.emulateMedia({ media: "screen" });
    await page.evaluate(() => {
      window.__printed = 0;
      window.print = () => {
        window.__printed += 1;
      };
    });
    await page.getByRole("button", { name: "Imprimer les étiquettes" }).click();
    assert.equal(await page.evaluate(() => window.__printed), 1);

    // A whole category is one choice away.
    await page.getByLabel("Étiquettes à imprimer pour").selectOption({ label: "Toute la catégorie Sciences et nature" });
    await page.getByText("20 étiquettes ; planches A4 de 3 × 8 : 1.").waitFor();

    // Scanning a label opens the unit's page.
    const url = await decodeQr(page, "SEM-MET-001");
    const phone = await newPage(context);
    await phone.clock.setFixedTime(TODAY);
    await phone.goto(url);
    await phone.getByRole("heading", { name: "Exemplaire SEM-MET-001", level: 1 }).waitFor();
    await phone.getByText(MODEL, { exact: true }).waitFor();
    await phone.getByText("Cet exemplaire n'est pas prêté en ce moment.").waitFor();
    await phone.getByText(/149,90\s€/).waitFor();
    await phone.getByText("Aucun prêt pour l'instant.").waitFor();
    await phone.getByText("Aucun sinistre déclaré.").waitFor();
    await expectNoAxeViolations(phone, "unit page");
    await phone.goto(app.server().url + "exemplaire/SEM-MET-002");
    await phone.getByRole("heading", { name: "Exemplaire SEM-MET-002", level: 1 }).waitFor();
    await phone.getByText("Hors service", { exact: true }).waitFor();

    await expectNoProblems(page);
    await expectNoProblems(phone);
    await context.close();
  });

  test("the unit page reads in teacher mode without the value, and names an unknown label", async () => {
    const context = await app.browser().newContext();
    const page = await newPage(context);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server().url + "exemplaire/SEM-ROB-0001");
    await page.getByRole("heading", { name: "Exemplaire SEM-ROB-0001", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Robot Thymio II" }).waitFor();
    await page.getByText("En service", { exact: true }).waitFor();
    assert.equal(await page.getByText("Valeur de remplacement").count(), 0, "no value in teacher mode");
    assert.equal(await page.getByRole("navigation", { name: "Gestion du prêt" }).count(), 0);
    await expectNoAxeViolations(page, "unit page, teacher mode");

    await page.goto(app.server().url + "exemplaire/SEM-NOPE-9");
    await page.getByRole("heading", { name: "Exemplaire introuvable", level: 1 }).waitFor();
    await page.getByText("Aucun exemplaire ne porte l'étiquette « SEM-NOPE-9 »").waitFor();
    await expectNoAxeViolations(page, "unknown unit");
    await expectNoProblems(page);
    await context.close();
  });
});
