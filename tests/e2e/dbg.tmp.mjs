import { launch, serve, newPage, appReady } from "/work/main/tests/e2e/support.mjs";
const browser = await launch();
const server = await serve();
const context = await browser.newContext();
const [a, b] = [await newPage(context), await newPage(context)];
await a.goto(server.url + "modele/bluebot");
await b.goto(server.url + "modele/thymio");
await appReady(a); await appReady(b);
const add = (page) => page.getByRole("button", { name: "Ajouter au panier" });
let t = Date.now();
for (let i = 1; i <= 10; i++) {
  await add(a).click();
  console.log("a", i, Date.now() - t); t = Date.now();
  await add(b).click();
  console.log("b", i, Date.now() - t); t = Date.now();
}
await a.waitForTimeout(1500);
console.log(await a.locator(".form-status").innerText(), "|", await b.locator(".form-status").innerText());
console.log(await a.evaluate(() => Object.keys(localStorage)));
console.log(await a.problems(), await b.problems());
await browser.close(); await server.close();
