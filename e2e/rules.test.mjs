// Rule files on the page: loaded with the full build only when there are some, checked
// (errors with their path), listed and evaluated like the built-ins, kept across reloads
// and tabs, removable; several versions of one region marked, the one in force chosen.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { start, open, reload, seed, axe, shot, ROOT } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.stop());

const DOC = join(ROOT, "examples", "zaozhuang-hightech-2024.json");
const ID = "zaozhuang-hightech-2024";
const cards = (page) => page.$$eval("#summary .doc-card", (els) => els.map((e) => e.dataset.ruleSet));
const paper = (id, date = "2024-05-01") => ({ id, kind: "paper", date, venue: "national", authors: 2, title: `论文 ${id}` });
const fullBuild = (requests) => requests.filter((u) => /\/pkg\/xueshi\.js$|rulefiles\.js$|xueshi_bg\.wasm$/.test(u));

async function loadFile(page, file = DOC) {
  await page.setInputFiles("#rules-file", file);
  await page.waitForSelector("#rules-notices .notice");
  return page.textContent("#rules-notices");
}

describe("rule files", () => {
  it("the worked example loads, shows results like a built-in, stays after a reload and can be removed", async () => {
    const s = await open(env, { width: 375, height: 800 });
    const { page } = s;
    await seed(page, { year: 2024, activities: [paper("p1"), paper("p2")] });
    assert.deepEqual(fullBuild(s.requests), [], "a visit without rule files never fetches the full build");
    assert.match(await loadFile(page), /已载入规则文件：山东省枣庄市枣庄高新区（载入）/);
    assert.ok(fullBuild(s.requests).length >= 3, "the full build, once a file is loaded");
    assert.deepEqual(await cards(page), ["xinjiang-2022", "aksu-2024", "bingtuan-2019", "zaozhuang-2024", "taian-2022", ID]);
    const card = await page.innerText(`.doc-card[data-rule-set="${ID}"]`);
    assert.match(card, /专业\s*20 \/ 60/, "two papers at 10 each under 附件第3条");
    assert.match(await page.textContent(`#doc-${ID}-ver`), /此版本适用于 2024 年度/);
    assert.match(await page.textContent(`li:has(#doc-${ID})`), /载入的规则文件/);
    assert.deepEqual(await axe(page), []);
    await shot(page, "rules-loaded-375");
    await reload(page);
    assert.equal((await cards(page)).length, 6, "kept across reloads");
    await page.click(`button[data-remove-rules="${ID}"]`);
    await page.waitForFunction(() => document.querySelectorAll("#summary .doc-card").length === 5);
    assert.match(await page.textContent("#rules-notices"), /已移除规则文件/);
    assert.equal(await page.evaluate(() => document.activeElement.id), "load-rules");
    await reload(page);
    assert.equal((await cards(page)).length, 5);
    await s.done();
  });

  it("the fields a loaded file declares appear in the form, labelled by the file, and count", async () => {
    const s = await open(env);
    const { page } = s;
    await seed(page, { year: 2024, ruleSets: ["zaozhuang-2024"], activities: [] });
    await loadFile(page);
    await page.selectOption("#f-kind", "advancedSeminar");
    assert.equal(await page.textContent('label[for="f-hours"]'), "学时（证书登记或实际学时）");
    await page.fill("#f-date", "2024-05-01");
    await page.fill("#f-hours", "12");
    await page.click("#f-submit");
    await page.waitForSelector("#acts li.act");
    assert.match(await page.innerText(`.doc-card[data-rule-set="${ID}"]`), /专业\s*12 \/ 60/);
    // The built-in notice has no such field: there the seminar stays to be decided.
    assert.match(await page.innerText('.doc-card[data-rule-set="zaozhuang-2024"]'), /专业\s*0 \/ 60/);
    await page.click("#lang");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal(await page.textContent('label[for="f-hours"]'), "Hours (registered or actual)");
    await s.done();
  });

  it("two versions of one region: the one in force for the year is chosen and marked", async () => {
    const s = await open(env);
    const { page } = s;
    await seed(page, { year: 2024, person: { region: "山东省枣庄市枣庄高新区" }, ruleSets: ["zaozhuang-2024"], activities: [paper("p1")] });
    const doc = JSON.parse(readFileSync(DOC, "utf8"));
    // An earlier version of the notice (2023), written as another document of the region.
    const old = { ...doc, id: "zaozhuang-hightech-2023", governs: { from: "2023-01-01", to: "2023-12-31" }, examples: [] };
    const file = { name: "old.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(old)) };
    await loadFile(page, file);
    // In 2024 the built-in governs, not the 2023 file: it stays the default.
    assert.deepEqual(await cards(page), ["zaozhuang-2024"]);
    assert.match(await page.textContent("#doc-zaozhuang-hightech-2023-ver"), /此版本不适用于 2024 年度/);
    assert.match(await page.textContent("#doc-zaozhuang-2024-ver"), /此版本适用于 2024 年度/);
    // The year changes: the region's documents follow it.
    await page.fill("#year", "2023");
    await page.waitForFunction(() => [...document.querySelectorAll("#summary .doc-card")].map((e) => e.dataset.ruleSet).join() === "zaozhuang-hightech-2023");
    assert.ok(await page.isChecked("#doc-zaozhuang-hightech-2023"));
    assert.ok(!(await page.isChecked("#doc-zaozhuang-2024")));
    await s.done();
  });

  it("a bad file is refused with its path, in Chinese and in English, and nothing is kept", async () => {
    const s = await open(env);
    const { page } = s;
    const doc = JSON.parse(readFileSync(DOC, "utf8"));
    const bad = { ...doc, id: "bad-one", rules: [{ ...doc.rules[0], kind: "poem" }] };
    const file = (v) => ({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(typeof v === "string" ? v : JSON.stringify(v)) });
    assert.match(await loadFile(page, file(bad)), /规则文件有误，未载入：rules\[0\]\.kind：应为以下之一/);
    assert.match(await loadFile(page, file("{ not json")), /document：无法读取/);
    assert.equal(await page.evaluate(() => localStorage.getItem("xueshi.rules")), null);
    await page.click("#lang");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.match(await loadFile(page, file(bad)), /The rule file has an error and was not loaded: rules\[0\]\.kind: must be one of/);
    assert.equal((await cards(page)).length, 5);
    await s.done();
  });

  it("another tab sees a loaded file; a saved file the engine refuses is kept, not dropped", async () => {
    const s = await open(env);
    const a = s.page;
    const b = await s.another();
    await loadFile(a);
    await b.waitForFunction(() => document.querySelectorAll("#summary .doc-card").length === 6);
    // A saved file this engine refuses (say, written for a later one) stays until the user acts.
    const broken = JSON.stringify({ format: "xueshi-rules", version: 1, files: [{ id: "later", text: '{"format":"xueshi-rule-set/9","id":"later"}' }] });
    await a.evaluate((t) => localStorage.setItem("xueshi.rules", t), broken);
    await reload(a);
    assert.match(await a.textContent("#notices"), /保存的规则文件“later”无法载入（format/);
    assert.equal(await a.evaluate(() => localStorage.getItem("xueshi.rules")), broken);
    await s.done();
  });

  it("a big input is evaluated in the worker with the loaded file too", async () => {
    const s = await open(env);
    const { page } = s;
    await loadFile(page);
    const activities = Array.from({ length: 1200 }, (_, i) => ({ id: `t${i}`, kind: "training", date: "2024-03-01", hours: 1 }));
    await seed(page, { year: 2024, ruleSets: [ID], activities });
    await page.waitForFunction(() => !document.querySelector("#results").getAttribute("aria-busy") || document.querySelector("#results").getAttribute("aria-busy") === "false");
    assert.match(await page.innerText(`.doc-card[data-rule-set="${ID}"]`), /专业\s*1200 \/ 60/);
    await s.done();
  });
});
