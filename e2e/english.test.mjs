// English all the way: the engine's explanations and notes in English, English titles and
// regions, the documents' own words kept in Chinese and quoted “…”; no sentence mixes them.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, seed, axe, shot, chineseOutsideQuotes, unquoted } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.stop());

describe("English all the way", () => {
  it("explanations, notes, titles and regions in English; the documents' words quoted", async () => {
    const s = await open(env, { lang: "en" });
    const { page } = s;
    await seed(page, {
      year: 2026, ruleSets: ["xinjiang-2022", "taian-2022"], person: { region: "新疆维吾尔自治区" }, profile: { employer: "institution" },
      activities: [
        { id: "a1", kind: "training", date: "2026-04-10", days: 3, title: "Emergency nursing course" },
        { id: "a2", kind: "paper", date: "2026-05-20", venue: "provincial", authors: 3, title: "Pressure injuries in the ICU" },
      ],
    });
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.match(await page.textContent("#who-text"), /Xinjiang Uygur Autonomous Region · Public institution/);
    const card = await page.innerText('.doc-card[data-rule-set="xinjiang-2022"]');
    assert.match(card, /Measures of the Xinjiang Uygur Autonomous Region/);
    assert.match(card, /to be decided, at most 20/);
    // Open every detail and basis: explanations and notes are the engine's English.
    for (const d of await page.$$("details.doc-detail")) await d.evaluate((x) => (x.open = true));
    for (const d of await page.$$("details.basis")) await d.evaluate((x) => (x.open = true));
    const details = await page.innerText("#details");
    assert.match(details, /3 days × 8 h\/day = 24|3 days/);
    assert.match(details, /Article 9/);
    assert.doesNotMatch(details, /按照实际学习时间计算学时(?!。?”)/, "the quote is between “ ”");
    assert.match(details, /“第八条第（八）项”/);
    assert.deepEqual(await chineseOutsideQuotes(page), []);
    assert.deepEqual(await unquoted(page), []);
    assert.deepEqual(await axe(page), []);
    await shot(page, "english-details-1280");
    // Back to Chinese: the engine speaks Chinese again, no quotes around the document's words.
    await page.click("#lang");
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await page.waitForFunction(() => /天/.test(document.querySelector("#details").textContent));
    assert.match(await page.innerText("#details"), /第九条/);
    await s.done();
  });

  it("the example reads in English too, its every line in one language", async () => {
    const s = await open(env, { width: 375, height: 800, lang: "en" });
    const { page } = s;
    await page.click("#example");
    await page.waitForSelector("#acts li");
    assert.match(await page.innerText("#acts"), /BIM-based quality control of prefabricated construction/);
    for (const d of await page.$$("details")) await d.evaluate((x) => (x.open = true));
    assert.deepEqual(await chineseOutsideQuotes(page), []);
    assert.deepEqual(await unquoted(page), []);
    await shot(page, "english-example-375");
    await s.done();
  });
});
