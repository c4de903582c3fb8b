// The first step: who the user is picks the documents that govern them; remembered in
// the saved input, merged between tabs and carried in the share link.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, reload, saved, seed, linkTo, axe, shot } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.stop());

const cards = (page) => page.$$eval("#summary .doc-card", (els) => els.map((e) => e.dataset.ruleSet));
const thisYear = new Date().getFullYear();

async function choose(page, region, employer = "") {
  await page.selectOption("#p-region", region);
  await page.selectOption("#p-employer", employer);
  await page.click("#p-ok");
  await page.waitForSelector("#person", { state: "hidden" });
}

describe("the first step", () => {
  it("asks where the user works and for whom; the answer picks the documents and is remembered", async () => {
    const s = await open(env, { width: 375, height: 800 });
    const { page } = s;
    assert.ok(await page.isVisible("#person"), "the step is shown on a first visit");
    assert.equal(await page.inputValue("#year"), String(thisYear), "the year defaults to the current one");
    // Every region of the documents is offered, and the way out.
    const regions = await page.$$eval("#p-region option", (o) => o.map((x) => x.value));
    assert.deepEqual(regions, ["", "新疆维吾尔自治区", "新疆维吾尔自治区阿克苏地区", "新疆生产建设兵团", "山东省枣庄市枣庄高新区", "山东省泰安市", "*"]);
    assert.deepEqual(await axe(page), []);
    await shot(page, "person-step-375");
    await choose(page, "新疆维吾尔自治区", "institution");
    assert.deepEqual(await cards(page), ["xinjiang-2022"]);
    assert.match(await page.textContent("#who-text"), /新疆维吾尔自治区 · 事业单位/);
    assert.match(await page.textContent("#setup-notices"), /已按你的地区选出文件：新疆/);
    assert.equal(await page.evaluate(() => document.activeElement.id), "who-edit", "focus stays near what was done");
    const { version, input } = await saved(page);
    assert.equal(version, 2);
    assert.deepEqual(input.person, { region: "新疆维吾尔自治区" });
    assert.deepEqual(input.profile, { employer: "institution" });
    assert.deepEqual(input.ruleSets, ["xinjiang-2022"]);
    await reload(page);
    assert.ok(await page.isHidden("#person"), "not asked again");
    assert.deepEqual(await cards(page), ["xinjiang-2022"]);
    // 比较全部文件 is one click away, and back.
    await page.click("#who-docs");
    await page.waitForFunction(() => document.querySelectorAll("#summary .doc-card").length === 5);
    assert.equal(await page.textContent("#who-docs"), "只看本地区文件");
    await page.click("#who-docs");
    await page.waitForFunction(() => document.querySelectorAll("#summary .doc-card").length === 1);
    await s.done();
  });

  it("a region inside another is governed by both (阿克苏 by 新疆 too)", async () => {
    const s = await open(env);
    await choose(s.page, "新疆维吾尔自治区阿克苏地区");
    assert.deepEqual(await cards(s.page), ["xinjiang-2022", "aksu-2024"]);
    assert.equal((await saved(s.page)).input.profile, undefined, "no employer given, none sent");
    await s.done();
  });

  it("when no chosen document governs the year, says which years they govern and offers them", async () => {
    const s = await open(env);
    const { page } = s;
    await seed(page, { year: 2026, activities: [] });
    await choose(page, "山东省泰安市", "enterprise");
    assert.match(await page.textContent("#year-offer"), /所选文件都不适用于 2026 年度：泰安 适用于 2022 年度/);
    await page.click('#year-offer button[data-year="2022"]');
    await page.waitForFunction(() => document.querySelector("#year").value === "2022");
    assert.ok(await page.isHidden("#year-offer"));
    assert.equal((await saved(page)).input.year, 2022);
    // A range of years: the ones nearest the chosen year.
    await page.fill("#year", "2020");
    await page.click("#who-edit");
    await choose(page, "新疆维吾尔自治区");
    const offered = await page.$$eval("#year-offer button", (b) => b.map((x) => x.dataset.year));
    assert.deepEqual(offered, ["2023", "2024", "2025", "2026"]);
    assert.match(await page.textContent("#year-offer"), /新疆 适用于 2023–2028 年度/);
    await s.done();
  });

  it("skipping compares every document, and is remembered", async () => {
    const s = await open(env);
    const { page } = s;
    await page.click("#p-skip");
    await page.waitForSelector("#person", { state: "hidden" });
    assert.equal((await cards(page)).length, 5);
    assert.deepEqual((await saved(page)).input.person, {});
    await reload(page);
    assert.ok(await page.isHidden("#person"));
    assert.match(await page.textContent("#who-text"), /未选地区/);
    // 修改 reopens it, prefilled; 取消 leaves things as they were.
    await page.click("#who-edit");
    assert.ok(await page.isVisible("#person"));
    assert.equal(await page.textContent("#p-skip"), "取消");
    await page.click("#p-skip");
    assert.ok(await page.isHidden("#person"));
    await s.done();
  });

  it("is carried in the share link: the reader sees the colleague's choice, and is not asked", async () => {
    const s = await open(env);
    const input = { year: 2024, person: { region: "新疆维吾尔自治区" }, profile: { employer: "institution" }, ruleSets: ["xinjiang-2022"], activities: [] };
    const page = await s.another(linkTo(input));
    assert.ok(await page.isHidden("#person"));
    assert.match(await page.textContent("#who-text"), /链接中的情况：新疆维吾尔自治区 · 事业单位/);
    assert.ok(await page.isHidden("#who-edit"));
    assert.deepEqual(await cards(page), ["xinjiang-2022"]);
    await s.done();
  });

  it("another tab's answer is merged like the rest", async () => {
    const s = await open(env);
    const a = s.page;
    const b = await s.another();
    await choose(a, "新疆生产建设兵团", "government");
    await b.waitForFunction(() => document.querySelector("#person").hidden);
    assert.match(await b.textContent("#who-text"), /新疆生产建设兵团 · 机关/);
    assert.deepEqual(await cards(b), ["bingtuan-2019"]);
    await s.done();
  });
});
