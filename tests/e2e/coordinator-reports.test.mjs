// End-to-end: the coordinator's timeline and reports, against the release build, French UI,
// browser clock fixed on Tuesday 1 December 2026. The pool is filled by importing a backup built
// from the app's own export (bookings across models, a refused one, incidents tied to communes
// and schools, a teacher note that is a spreadsheet formula); the CSV exports are read with
// Python's csv module and must give the numbers the screen shows.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BASE, appReady, exportBackup, expectNoAxeViolations, expectNoProblems, newPage, useApp, pageReady } from "./support.mjs";

const TODAY = new Date("2026-12-01T09:00:00");
const FORMULA_NOTE = '=HYPERLINK("http://exemple.test/piege";"Cliquez ici")';

/** Reads a CSV file as a French spreadsheet would: Python's csv module, `;`, UTF-8 with BOM. */
function readCsv(path) {
  const script = [
    "import csv, json, sys",
    "raw = open(sys.argv[1], 'rb').read()",
    "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:",
    "    rows = list(csv.reader(f, delimiter=';'))",
    "print(json.dumps({'bom': raw.startswith(b'\\xef\\xbb\\xbf'), 'lines': raw.count(b'\\n'), 'crlf': raw.count(b'\\r\\n'), 'rows': rows}))",
  ].join("\n");
  return JSON.parse(execFileSync("python3", ["-c", script, path], { encoding: "utf8" }));
}

/** The text of every cell of a table, row by row (header row included). */
function tableCells(table) {
  return table.locator("tr").evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => c.innerText.trim())),
  );
}

/** Adds teachers, bookings and incidents to an exported backup. */
function fillPool(backup) {
  const pool = backup.pool;
  const school = (name) => pool.schools.find((s) => s.name === name);
  const monge = school("École élémentaire Monge");
  const other = pool.schools.find((s) => s.commune !== monge.commune);
  const units = (model) => pool.catalogue.units.filter((u) => u.model === model && u.in_service);
  const thymio = units("thymio");
  const bluebot = units("bluebot");
  pool.teachers.push(
    { id: "t-anne", name: "Anne Martin", email: "anne.martin@ac-lyon.fr", school: monge.id },
    { id: "t-paul", name: "Paul Durand", email: "paul.durand@ac-lyon.fr", school: other.id },
  );
  const history = (at, status, reason) => [
    { at: "2026-09-01T08:00:00", by: { teacher: "t-anne" }, status: "requested" },
    ...(status === "requested" ? [] : [{ at, by: "coordinator", status, ...(reason ? { reason } : {}) }]),
  ];
  const booking = (b) => ({ agreement_version: pool.settings?.agreement?.version ?? "2026-1", units: [], class: "CM1 A", ...b });
  pool.bookings.push(
    booking({
      id: "r-formule", teacher: "t-anne", lines: [{ model: "thymio", quantity: 2 }],
      start: "2026-11-30", end: "2026-12-11", project: "Robots au CM1", notes: FORMULA_NOTE,
      status: "confirmed", history: history("2026-11-20T10:00:00", "confirmed"),
    }),
    booking({
      id: "r-paul", teacher: "t-paul", lines: [{ model: "thymio", quantity: 1 }, { model: "bluebot", quantity: 2 }],
      start: "2026-11-23", end: "2026-12-04", project: "Parcours ; labyrinthe", class: "CE2",
      notes: "Merci, à bientôt", status: "requested", history: history(null, "requested"),
    }),
    // More Thymio than there are, in the week of 7 December: a conflict.
    booking({
      id: "r-trop", teacher: "t-paul", lines: [{ model: "thymio", quantity: thymio.length }],
      start: "2026-12-07", end: "2026-12-11", project: "Fête de l'école", status: "confirmed",
      history: history("2026-11-25T10:00:00", "confirmed"),
    }),
    booking({
      id: "r-refus", teacher: "t-anne", lines: [{ model: "bluebot", quantity: 3 }],
      start: "2026-10-12", end: "2026-10-16", project: "Refusé", status: "refused",
      history: history("2026-10-05T09:00:00", "refused", "Plus d'exemplaires"),
    }),
    booking({
      id: "r-rendu", teacher: "t-paul", lines: [{ model: "thymio", quantity: 2 }],
      start: "2026-09-07", end: "2026-09-25", project: "Danse des robots", status: "returned",
      units: thymio.slice(0, 2).map((u) => ({ label: u.label, model: "thymio", condition_out: "good", condition_in: "good" })),
      history: history("2026-09-26T09:00:00", "returned"),
    }),
  );
  const incident = (i) => ({ description: "", history: [], ...i });
  pool.incidents.push(
    incident({
      id: "s-casse", unit: thymio[0].label, booking: "r-rendu", teacher: "t-paul", school: other.id,
      commune: other.commune, kind: "damage", discovered_at: "2026-09-20T10:00:00",
      declared_at: "2026-09-21T09:00:00", status: "documented", quote_cents: 12000,
    }),
    incident({
      id: "s-vol", unit: bluebot[0].label, teacher: "t-anne", school: monge.id, commune: monge.commune,
      kind: "theft", discovered_at: "2026-06-10T08:00:00", declared_at: "2026-06-15T08:00:00",
      police_report: "PV-2026-118", police_report_at: "2026-06-11T08:00:00", status: "settled",
    }),
    incident({
      id: "s-perte", unit: bluebot[1].label, kind: "loss", discovered_at: "2026-11-02T08:00:00",
      declared_at: "2026-11-02T09:00:00", police_report: "PV-2026-301", police_report_at: "2026-11-02T10:00:00",
      status: "declared",
    }),
  );
  return { monge, other };
}

describe(`Coordinator timeline and reports under ${BASE}`, () => {
  const app = useApp();

  test("the timeline and the reports show the pool, and their CSV exports give the same numbers", async () => {
    const workdir = mkdtempSync(join(tmpdir(), "materiotheque-reports-"));
    try {
      const context = await app.browser().newContext({ acceptDownloads: true });
      const page = await newPage(context);
      await page.clock.setFixedTime(TODAY);
      await page.goto(app.server().url + "parametres");
      await appReady(page);
      await page.getByRole("radio", { name: "Gestionnaire du prêt" }).check();
      const backup = await exportBackup(page);
      const { monge, other } = fillPool(backup);
      const communeName = (id) => backup.pool.communes.find((c) => c.id === id).name;
      const backupPath = join(workdir, "sauvegarde.json");
      writeFileSync(backupPath, JSON.stringify(backup));
      await page.getByLabel("Fichier de données", { exact: true }).setInputFiles(backupPath);
      await page.getByRole("region", { name: "Ce que sauvegarde.json changera" }).getByRole("button", { name: "Importer", exact: true }).click();
      await page.getByText("Import effectué.").waitFor();

      // The timeline of the Thymio: the bookings in their weeks.
      await page.goto(app.server().url + "gestion/planning?modele=thymio");
      await page.getByRole("heading", { name: "Planning par modèle", level: 1 }).waitFor();
      const timeline = page.getByRole("table", { name: /Robot Thymio II : réservations par semaine à partir du 30\/11\/2026/ });
      await timeline.waitFor();
      const rows = await tableCells(timeline);
      const header = rows[0];
      assert.match(header[4], /^30\/11/);
      const formula = rows.find((r) => r[0] === "r-formule");
      assert.deepEqual(formula.slice(1, 4), ["Anne Martin", "Confirmée", "2"]);
      assert.deepEqual(formula.slice(4, 7).map((c) => c.replace("■", "").trim()), ["2", "2", ""]);
      const paul = rows.find((r) => r[0] === "r-paul");
      assert.deepEqual(paul.slice(4, 7).map((c) => c.replace("■", "").trim()), ["1", "", ""]);
      assert.ok(!rows.some((r) => r[0] === "r-rendu"), "a loan of September is not in these weeks");
      const footer = rows.at(-1);
      assert.match(footer[0], /Demandés \/ en service/);
      assert.match(footer[1], /^3 \/ \d+$/);
      const capacity = backup.pool.catalogue.units.filter((u) => u.model === "thymio" && u.in_service).length;
      assert.equal(footer[1], `3 / ${capacity}`);
      assert.match(footer[2], new RegExp(`^${capacity + 2} / ${capacity}\\s*conflit$`, "i"), "the conflict said in words");
      assert.equal(footer[3], `0 / ${capacity}`);
      await page.getByRole("status").filter({ hasText: "Semaine en conflit : 1 (la demande dépasse le nombre d'exemplaires en service)." }).waitFor();
      await expectNoAxeViolations(page, "timeline");
      // Earlier weeks by keyboard: the September loan shows.
      await page.getByRole("button", { name: "Semaines précédentes" }).focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press("Enter");
      await page.getByRole("table", { name: /à partir du 07\/09\/2026/ }).waitFor();
      await page.getByRole("link", { name: "r-rendu" }).waitFor();
      await page.getByRole("link", { name: "r-rendu" }).click();
      await pageReady(page);
      await page.waitForURL(/\/gestion\/reservations\/r-rendu$/);

      // The reports: the current school year by default; here the last 12 months.
      await page.goto(app.server().url + "gestion/rapports");
      await page.getByRole("heading", { name: "Rapports", level: 1 }).waitFor();
      await page.getByRole("status").filter({ hasText: "Période du 01/09/2026 au 01/12/2026." }).waitFor();
      await page.getByRole("textbox", { name: "Premier jour de la période" }).fill("02/12/2025");
      await page.getByRole("textbox", { name: "Premier jour de la période" }).press("Tab");
      await page.getByRole("status").filter({ hasText: "Période du 02/12/2025 au 01/12/2026." }).waitFor();
      const usageChart = page.getByRole("img", { name: "Utilisation par modèle, du 02/12/2025 au 01/12/2026" });
      await usageChart.waitFor();
      const usageTable = page.getByRole("table", { name: /Utilisation et refus par modèle/ });
      const usage = await tableCells(usageTable);
      const thymioRow = usage.find((r) => r[0] === "Robot Thymio II");
      assert.ok(Number(thymioRow[1]) === 30, `two Thymio for 15 school days: ${thymioRow}`);
      const bluebotRow = usage.find((r) => r[0] === "Robot Blue-Bot");
      assert.deepEqual(bluebotRow.slice(5), ["1", "3", "Non"]);
      // Each bar says its value in text.
      assert.ok((await usageChart.locator("text").allTextContents()).includes(`${thymioRow[3]} %`));
      await page.getByRole("heading", { name: /Candidats à la réaffectation \(moins de 10 %\)/ }).waitFor();

      const facts = await page.locator(".report-facts").innerText();
      assert.match(facts, /3 sinistres sur la période, [\d\u202f]+,\d\d\u00a0€ à rembourser au total\./);
      assert.match(facts, /1 déclaré après le délai de 48 heures\./);
      const kinds = await tableCells(page.getByRole("table", { name: "Sinistres par type" }));
      assert.deepEqual(kinds.slice(1).map((r) => r.slice(0, 2)), [["Dégradation", "1"], ["Perte", "1"], ["Vol", "1"]]);
      const communes = await tableCells(page.getByRole("table", { name: "Sinistres par commune" }));
      const communeNames = communes.slice(1).map((r) => r[0]).sort();
      assert.deepEqual(communeNames, [communeName(monge.commune), communeName(other.commune), "Sans commune"].sort());
      const schools = await tableCells(page.getByRole("table", { name: "Sinistres par école" }));
      assert.ok(schools.some((r) => r[0] === "École élémentaire Monge" && r[1] === "1"));
      const settlement = await tableCells(page.getByRole("table", { name: "Sinistres par état du règlement" }));
      assert.deepEqual(settlement.slice(1).map((r) => r.slice(0, 2)), [["Déclaré", "1"], ["Documenté", "1"], ["Réglé", "1"]]);
      for (const name of ["Sinistres par type", "Sinistres par commune", "Sinistres par école"]) {
        await page.getByRole("img", { name: `${name}, du 02/12/2025 au 01/12/2026` }).waitFor();
      }
      // The demo pool's anonymous occupancy counts too.
      const inPeriod = backup.pool.bookings.filter((b) => b.start <= "2026-12-01" && b.end >= "2025-12-02").length;
      assert.ok(inPeriod >= 4);
      await page.getByText(`${inPeriod} réservations touchent la période.`).waitFor();
      await expectNoAxeViolations(page, "reports");

      const download = async (button) => {
        const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
        const path = join(workdir, file.suggestedFilename());
        await file.saveAs(path);
        const csv = readCsv(path);
        assert.ok(csv.bom, `${button}: BOM`);
        assert.equal(csv.crlf, csv.lines, `${button}: every line ends with CRLF`);
        return { name: file.suggestedFilename(), rows: csv.rows };
      };

      // Usage: the CSV is the table on screen.
      const usageCsv = await download("Exporter l'utilisation (CSV)");
      assert.equal(usageCsv.name, "materiotheque-utilisation-2025-12-02_2026-12-01.csv");
      assert.deepEqual(usageCsv.rows, usage);
      await page.getByRole("status").filter({ hasText: `Fichier ${usageCsv.name} proposé au téléchargement.` }).waitFor();

      // Incidents: every grouping with the numbers of the screen tables.
      const reviewCsv = await download("Exporter le bilan des sinistres (CSV)");
      assert.deepEqual(reviewCsv.rows[0], ["Regroupement", "Libellé", "Nombre", "Montant remboursable (€)"]);
      const part = (grouping) => reviewCsv.rows.filter((r) => r[0] === grouping).map((r) => r.slice(1));
      assert.deepEqual(part("Type"), kinds.slice(1));
      assert.deepEqual(part("Règlement"), settlement.slice(1));
      assert.deepEqual(part("Commune"), communes.slice(1));
      assert.deepEqual(part("École"), schools.slice(1));
      const [total] = part("Total");
      assert.equal(total[1], "3");
      assert.ok(facts.replaceAll("\u202f", "").includes(`${total[2]}\u00a0€ à rembourser`), `total ${total[2]} as on screen`);
      assert.match(total[2], /^\d+,\d\d$/, "euros with a decimal comma");
      assert.deepEqual(part("Déclarés en retard"), [["", "1", ""]]);

      // Bookings of the period: the formula in a teacher's note comes out as text.
      const bookingsCsv = await download("Exporter les réservations (CSV)");
      assert.equal(bookingsCsv.rows.length - 1, inPeriod, "as many bookings as the screen says");
      const [head, ...bookings] = bookingsCsv.rows;
      assert.equal(head.length, 11);
      const withFormula = bookings.find((r) => r[0] === "r-formule");
      assert.equal(withFormula[10], `'${FORMULA_NOTE}`);
      assert.deepEqual(withFormula.slice(1, 10), [
        "Anne Martin", "École élémentaire Monge", communeName(monge.commune), "Robot Thymio II × 2",
        "30/11/2026", "11/12/2026", "Confirmée", "Robots au CM1", "CM1 A",
      ]);
      const paulRow = bookings.find((r) => r[0] === "r-paul");
      assert.equal(paulRow[4], "Robot Thymio II × 1, Robot Blue-Bot × 2");
      assert.equal(paulRow[8], "Parcours ; labyrinthe");
      for (const row of bookings) for (const cell of row) assert.ok(!/^[=+@\t\r]/.test(cell), `formula in ${cell}`);
      await expectNoProblems(page);
      await context.close();
    } finally {
      rmSync(workdir, { recursive: true, force: true });
    }
  });

  test("the period is changed and a report downloaded by keyboard alone", async () => {
    const context = await app.browser().newContext({ acceptDownloads: true });
    const page = await newPage(context);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server().url + "parametres");
    await appReady(page);
    await page.getByRole("radio", { name: "Gestionnaire du prêt" }).check();
    await page.goto(app.server().url + "gestion/rapports");
    await page.getByRole("heading", { name: "Rapports", level: 1 }).waitFor();
    await page.getByRole("textbox", { name: "Premier jour de la période" }).focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("01/09/2026");
    await page.keyboard.press("Tab"); // the calendar button
    await page.keyboard.press("Tab");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("31/10/2026");
    await page.getByRole("status").filter({ hasText: "Période du 01/09/2026 au 31/10/2026." }).waitFor();
    await page.getByRole("img", { name: "Utilisation par modèle, du 01/09/2026 au 31/10/2026" }).waitFor();
    // A period ending before it starts is refused in words.
    await page.keyboard.press("Control+A");
    await page.keyboard.type("31/08/2026");
    await page.keyboard.press("Tab");
    await page.getByRole("status").filter({ hasText: "Choisissez deux dates valables" }).waitFor();
    await expectNoAxeViolations(page, "reports with a refused period");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("31/10/2026");
    await page.keyboard.press("Tab");
    await page.getByRole("status").filter({ hasText: "Période du 01/09/2026 au 31/10/2026." }).waitFor();
    // Tab until the first export button, then Enter.
    let name = "";
    for (let i = 0; i < 40 && name !== "Exporter l'utilisation (CSV)"; i++) {
      await page.keyboard.press("Tab");
      name = await page.evaluate(() => (document.activeElement?.tagName === "BUTTON" ? document.activeElement.innerText.trim() : ""));
    }
    assert.equal(name, "Exporter l'utilisation (CSV)");
    const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    assert.equal(file.suggestedFilename(), "materiotheque-utilisation-2026-09-01_2026-10-31.csv");
    const text = readFileSync(await file.path(), "utf8");
    assert.ok(text.startsWith("\ufeffModèle;Jours de prêt;"));
    await expectNoProblems(page);
    await context.close();
  });
});
