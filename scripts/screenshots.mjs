// Takes the README's screenshots of a release build: the catalogue and the booking page (a
// basket of robots over three weeks of January), on a phone (390 px) and a laptop (1280 px).
// Usage: node scripts/screenshots.mjs [dist] [out-dir]   (defaults: dist, docs/screenshots)
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { startServer } from "../tests/e2e/server.mjs";

const dist = resolve(process.argv[2] || "dist");
const out = resolve(process.argv[3] || "docs/screenshots");
mkdirSync(out, { recursive: true });
const server = await startServer({ root: dist, base: "/" });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  for (const [width, height] of [[390, 844], [1280, 900]]) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    // The demo pool's dates are for the school year 2026-27.
    await page.clock.setFixedTime(new Date("2026-11-23T09:00:00"));
    await page.goto(server.url);
    await page.locator("main .model-card").first().waitFor();
    await page.screenshot({ path: `${out}/catalogue-${width}.png` });

    await page.goto(`${server.url}profil`);
    await page.getByLabel("Nom et prénom").fill("Anne Martin");
    await page.getByLabel("Adresse électronique professionnelle").fill("anne.martin@ac-lyon.fr");
    await page.getByLabel("Votre école").selectOption({ label: "École élémentaire Monge" });
    await page.getByRole("button", { name: "Enregistrer le profil" }).click();
    await page.getByRole("status").filter({ hasText: "Profil enregistré." }).waitFor();
    await page.goto(`${server.url}modele/bluebot`);
    await page.getByRole("heading", { name: "Robot Blue-Bot", level: 1 }).waitFor();
    await page.getByRole("spinbutton", { name: "Quantité" }).fill("4");
    await page.getByRole("button", { name: "Ajouter au panier" }).click();
    await page.getByRole("status").filter({ hasText: "dans le panier" }).waitFor();
    await page.goto(`${server.url}reserver`);
    await page.getByRole("textbox", { name: "Premier jour" }).fill("04/01/2027");
    await page.getByRole("textbox", { name: "Dernier jour" }).fill("22/01/2027");
    await page.getByRole("textbox", { name: "Dernier jour" }).press("Tab");
    await page.getByText("Tout est disponible sur cette période.").waitFor().catch(async (e) => { await page.screenshot({ path: "/tmp/fail.png", fullPage: true }); throw e; });
    await page.getByLabel("Titre du projet").fill("Robots au jardin");
    await page.getByRole("heading", { name: "Réserver du matériel", level: 1 }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${out}/booking-${width}.png` });
    await context.close();
  }
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.close();
}
