// End-to-end: the coordinator's trainings, a teacher's page and the incidents, against the
// release build, French UI, with the browser clock fixed on Tuesday 1 December 2026 (the demo
// pool's dates are for 2026-27).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { appReady, expectNoAxeViolations, expectNoProblems, newPage, pageReady, saveProfile, useApp } from "./support.mjs";
import { BASE } from "./support.mjs";

const TODAY = new Date("2026-12-01T10:00:00");

const status = (page, text) => page.getByRole("status").filter({ hasText: text }).waitFor();
const text = (locator) => locator.innerText().then((t) => t.replace(/\s+/g, " ").trim());

/** A page in coordinator mode, with Anne Martin's profile saved (so she is in the pool). */
async function coordinator(app, { profile = true } = {}) {
  const context = await app.browser().newContext();
  const page = await newPage(context);
  await page.clock.setFixedTime(TODAY);
  const url = app.server().url;
  if (profile) await saveProfile(page, url);
  await page.goto(url + "parametres");
  await appReady(page);
  await page.getByRole("radio", { name: "Gestionnaire du prêt" }).check();
  return { context, page, url };
}

/** The depreciation rate of rule R5, written out: age in whole years → percent. */
const rate = (age) => [100, 80, 60, 40, 20][age] ?? 0;

/** A teacher page's address as the app writes it: the dots of the e-mail escaped twice, so a
 * static host sees no file extension ("anne.martin@ac-lyon.fr" would look like a ".fr" file). */
const teacherPath = (id) => "gestion/enseignants/" + id.replaceAll(".", "%252E");

describe(`Coordinator trainings, teacher page and incidents under ${BASE}`, () => {
  const app = useApp();

  test("a session created, the teacher enrolled, attendance recorded, seen on the teacher's page", async () => {
    const { context, page, url } = await coordinator(app);
    await page.goto(url + "gestion/formations");
    await page.getByRole("heading", { name: "Formations et sessions", level: 1 }).waitFor();
    // The teachers known: the profile saved in this browser.
    const teachers = page.getByRole("region", { name: "Enseignants" });
    await teachers.getByRole("row", { name: /Anne Martin/ }).getByText("École élémentaire Monge").waitFor();
    await expectNoAxeViolations(page, "trainings page");

    // A new training.
    await page.getByRole("button", { name: "Nouvelle formation" }).click();
    await page.getByLabel("Nom en français").fill("Tableau blanc interactif");
    await page.getByLabel("Validité en années").fill("2");
    await expectNoAxeViolations(page, "new training form");
    await page.getByRole("button", { name: "Enregistrer la formation" }).click();
    await status(page, "Formation « Tableau blanc interactif » enregistrée.");
    await page.getByRole("region", { name: "Tableau blanc interactif" }).getByText("Valable 2 ans après la session suivie.").waitFor();

    // A session of the robotics training, last week.
    const robotics = page.getByRole("region", { name: "Robotique pédagogique", exact: true });
    await robotics.getByRole("button", { name: "Nouvelle session de Robotique pédagogique" }).click();
    await robotics.getByRole("textbox", { name: "Premier jour de la session" }).fill("25/11/2026");
    await robotics.getByLabel("Lieu").fill("École Monge, salle informatique");
    await robotics.getByLabel("Nombre de places").fill("8");
    await expectNoAxeViolations(page, "new session form");
    await robotics.getByRole("button", { name: "Enregistrer la session" }).click();
    await status(page, "Session du mercredi 25 novembre 2026 enregistrée.");

    const session = page.getByRole("region", { name: "Session du mercredi 25 novembre 2026 — École Monge, salle informatique" });
    await session.getByText("8 places, 8 libres.").waitFor();
    await session.getByLabel("Enseignant à inscrire").selectOption({ label: "Anne Martin" });
    await session.getByRole("button", { name: "Inscrire", exact: true }).click();
    await status(page, "Anne Martin est inscrit à la session.");
    await session.getByText("8 places, 7 libres.").waitFor();

    // Attendance, recorded for the ticked teachers at the session's last day.
    await session.getByRole("checkbox", { name: "Anne Martin" }).check();
    await expectNoAxeViolations(page, "session with attendance");
    await session.getByRole("button", { name: "Enregistrer la formation des présents" }).click();
    await status(page, "Formation enregistrée au mercredi 25 novembre 2026 pour 1 enseignant : Anne Martin.");
    await session.getByText("déjà enregistrée").waitFor();

    // The teacher's page shows the record with its validity (3 years).
    const link = teachers.getByRole("link", { name: "Anne Martin" });
    assert.equal(await link.getAttribute("href"), BASE + teacherPath("anne.martin@ac-lyon.fr"));
    await link.click();
    await pageReady(page);
    await page.getByRole("heading", { name: "Enseignant : Anne Martin", level: 1 }).waitFor();
    await page.getByText("anne.martin@ac-lyon.fr").waitFor();
    const row = page.getByRole("table", { name: "Formations suivies et leur validité" }).getByRole("row", { name: /Robotique pédagogique/ });
    assert.equal(await text(row), "Robotique pédagogique 25/11/2026 Valable jusqu'au samedi 24 novembre 2029");
    await expectNoAxeViolations(page, "teacher page");

    // Enrolled in a coming session from the teacher's page.
    await page.getByLabel("Session choisie").selectOption({ label: "Programmer avec micro:bit — jeudi 10 décembre 2026, Atelier Canopé, Saint-Étienne (16 places libres)" });
    await page.getByRole("button", { name: "Inscrire à cette session" }).click();
    await status(page, "Inscription enregistrée : Programmer avec micro:bit");
    await page.getByRole("region", { name: "Inscriptions aux sessions à venir" }).getByText(/^Programmer avec micro:bit :/).waitFor();
    await expectNoProblems(page);
    await context.close();
  });

  test("a completed training recorded by keyboard alone on the teacher's page; an unknown teacher is said so", async () => {
    const { context, page, url } = await coordinator(app);
    await page.goto(url + teacherPath("anne.martin@ac-lyon.fr"));
    await page.getByRole("heading", { name: "Enseignant : Anne Martin", level: 1 }).waitFor();
    await page.getByText("Aucune formation enregistrée.").waitFor();
    // From the top of the page, Tab to the training list.
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.id === "teacher-record-training")) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), "teacher-record-training");
    await page.keyboard.press("t"); // type-ahead: "Tablettes en classe"
    await page.keyboard.press("Tab");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("16/11/2026");
    await page.keyboard.press("Enter");
    await status(page, "Formation « Tablettes en classe » enregistrée au lundi 16 novembre 2026.");
    const row = page.getByRole("row", { name: /Tablettes en classe/ });
    assert.equal(await text(row), "Tablettes en classe 16/11/2026 Sans limite");
    await expectNoAxeViolations(page, "teacher page after a record");

    await page.goto(url + teacherPath("personne@example.org"));
    await page.getByRole("heading", { name: "Enseignant inconnu", level: 1 }).waitFor();
    await page.getByText("Aucun enseignant n'a l'identifiant « personne@example.org ».").waitFor();
    await expectNoAxeViolations(page, "unknown teacher");
    await expectNoProblems(page);
    await context.close();
  });

  test("without any teacher the trainings page says how they appear", async () => {
    const { context, page, url } = await coordinator(app, { profile: false });
    await page.goto(url + "gestion/formations");
    await page.getByText("Aucun enseignant connu pour l'instant.").waitFor();
    await expectNoAxeViolations(page, "trainings page without teachers");
    await context.close();
  });

  test("incidents: declared on units of the demo pool, amount from the table, late flags, documented and settled", async () => {
    const { context, page, url } = await coordinator(app, { profile: false });
    await page.goto(url + "gestion/sinistres");
    await page.getByRole("heading", { name: "Sinistres", level: 1 }).waitFor();
    await page.getByText("Aucun sinistre déclaré.").waitFor();
    const scale = page.getByRole("table", { name: /Part de la valeur de remplacement/ });
    assert.equal(await text(scale.getByRole("row", { name: /^2 an/ })), "2 ans 60 %");
    await expectNoAxeViolations(page, "incidents page, empty");

    // SEM-ROB-0002, a Thymio robot acquired on 2 February 2024 for 169,00 €: two years old.
    await page.getByRole("button", { name: "Déclarer un sinistre" }).click();
    await page.getByLabel("Étiquette de l'exemplaire").fill("SEM-ROB-0002");
    await page.getByLabel("Ce qui s'est passé").fill("Roue cassée");
    await page.getByLabel("Heure de la découverte").fill("08:30");
    await expectNoAxeViolations(page, "declaration form");
    await page.getByRole("button", { name: "Déclarer le sinistre" }).click();
    const amount = Math.round((16900 * rate(2)) / 100);
    assert.equal(amount, 10140);
    await status(page, "Sinistre déclaré sur SEM-ROB-0002. Montant remboursable : 101,40 € (60 % de la valeur de remplacement).");
    const damaged = page.getByRole("row", { name: /SEM-ROB-0002/ });
    assert.equal(
      await text(damaged),
      "SEM-ROB-0002 Robot Thymio II Dégradation 01/12/2026 à 08:30 01/12/2026 à 10:00 Dans le délai Non requis 101,40 € 60 % de 169,00 €, âge 2 ans Déclaré Documenter",
    );

    // SEM-ROB-0004, acquired in April 2019, stolen and found out on Saturday: late, not replaced.
    await page.getByRole("button", { name: "Déclarer un sinistre" }).click();
    await page.getByLabel("Étiquette de l'exemplaire").fill("sem-rob-0004");
    await page.getByRole("radio", { name: "Vol" }).check();
    await page.getByRole("textbox", { name: "Jour de la découverte" }).fill("28/11/2026");
    await page.getByLabel("Heure de la découverte").fill("09:00");
    // Without saying what happened, the declaration is refused in words.
    await page.getByRole("button", { name: "Déclarer le sinistre" }).click();
    await page.getByRole("alert").filter({ hasText: "Décrivez ce qui s'est passé : l'état de l'exemplaire et les circonstances." }).waitFor();
    await page.getByLabel("Ce qui s'est passé").fill("Disparu de la classe pendant le week-end");
    await page.getByRole("button", { name: "Déclarer le sinistre" }).click();
    await status(page, "Sinistre déclaré sur SEM-ROB-0004. Montant remboursable : 0,00 € (0 % de la valeur de remplacement). Déclaré plus de 48 heures après la découverte.");
    const stolen = page.getByRole("row", { name: /SEM-ROB-0004/ });
    const stolenText = await text(stolen);
    for (const part of ["En retard (plus de 48 h)", "À fournir avant le 30/11/2026 à 09:00", "Plainte en retard", "Non remplacé (plus de 6 ans)", "âge 7 ans"]) {
      assert.ok(stolenText.includes(part), `${part} in ${stolenText}`);
    }
    await expectNoAxeViolations(page, "incidents listed");

    // Documenting the theft needs the police report reference.
    await page.getByRole("button", { name: "Documenter le sinistre SEM-ROB-0004 du 28/11/2026" }).click();
    await page.getByLabel("Montant du devis en euros").fill("169");
    await page.getByRole("button", { name: "Enregistrer le devis" }).click();
    await page.getByRole("alert").filter({ hasText: "Pour un vol ou une perte, indiquez la référence du dépôt de plainte." }).waitFor();
    await page.getByLabel("Référence du dépôt de plainte (vol ou perte)").fill("PV 2026/1187");
    await page.getByRole("button", { name: "Enregistrer le devis" }).click();
    await status(page, "Sinistre SEM-ROB-0004 du 28/11/2026 documenté.");

    // The damage: a quote typed with a decimal comma.
    await page.getByRole("button", { name: "Documenter le sinistre SEM-ROB-0002 du 01/12/2026" }).click();
    const quote = page.getByLabel("Montant du devis en euros");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "incident-document-quote", "the form takes the focus");
    await quote.fill("12,345");
    await page.getByRole("button", { name: "Enregistrer le devis" }).click();
    await page.getByRole("alert").filter({ hasText: "Deux chiffres au plus après la virgule." }).waitFor();
    await expectNoAxeViolations(page, "document form with an error");
    await quote.fill("1 234,5");
    await page.getByRole("button", { name: "Enregistrer le devis" }).click();
    await status(page, "Sinistre SEM-ROB-0002 du 01/12/2026 documenté.");
    assert.ok((await text(damaged)).includes("Devis : 1 234,50 € Documenté"));

    // Filtered by status, then settled.
    await page.getByLabel("Afficher les sinistres").selectOption({ label: "Documenté" });
    await page.getByRole("table", { name: /Sinistres : 2 affichés sur 2/ }).waitFor();
    await page.getByRole("button", { name: "Marquer réglé le sinistre SEM-ROB-0002 du 01/12/2026" }).click();
    await status(page, "Sinistre SEM-ROB-0002 du 01/12/2026 réglé.");
    await page.getByRole("table", { name: /Sinistres : 1 affiché sur 2/ }).waitFor();
    await page.getByLabel("Afficher les sinistres").selectOption({ label: "Réglé" });
    assert.ok((await text(page.getByRole("row", { name: /SEM-ROB-0002/ }))).endsWith("Réglé Terminé"));
    await expectNoAxeViolations(page, "settled incidents");

    // The unit's label links to its page.
    assert.equal(await page.getByRole("link", { name: "SEM-ROB-0002" }).getAttribute("href"), `${BASE}exemplaire/SEM-ROB-0002`);
    await expectNoProblems(page);
    await context.close();
  });
});
