// Three people's journeys, at 375 and 1280 px, in Chinese and in English, each ending in a
// screenshot (target/screenshots/journey-*) and an axe check: a nurse in 新疆, an engineer
// at a private company in 泰安, a 人事 reviewer opening a colleague's link.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, seed, saved, linkTo, axe, shot, chineseOutsideQuotes, unquoted } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.stop());

const W = {
  zh: { short: /未达标/, possible: /可能达标/, pending20: /待认定 最多 20/, gap: /还差 专业 36、合计 66 学时；待认定的学时即使全部认定也不够/, exempt: /不作要求/, clause: /依二（一），企业专业技术人员不受本年度学时要求约束/, offer: /泰安 适用于 2022 年度/, banner: /你正在查看链接中的输入/, whoLink: /链接中的情况：新疆维吾尔自治区 · 事业单位/ },
  en: { short: /Short/, possible: /Possibly met/, pending20: /to be decided, at most 20/, gap: /Still short: Professional 36; Total 66 h; not enough even if every hour still to be decided is granted/, exempt: /Exempt/, clause: /Under “二（一）”, professionals of enterprises are relieved/, offer: /Tai'an governs 2022/, banner: /You are looking at the input from a link/, whoLink: /In the link: Xinjiang Uygur Autonomous Region · Public institution/ },
};

async function choose(page, region, employer) {
  await page.selectOption("#p-region", region);
  await page.selectOption("#p-employer", employer);
  await page.click("#p-ok");
  await page.waitForSelector("#person", { state: "hidden" });
}

/** Adds an activity through the form as a person would: the kind, the date, then its fields. */
async function add(page, kind, date, fields = {}) {
  await page.selectOption("#f-kind", kind);
  await page.fill("#f-date", date);
  for (const [name, value] of Object.entries(fields)) {
    if (await page.$eval(`#f-${name}`, (e) => e.tagName === "SELECT")) await page.selectOption(`#f-${name}`, value);
    else await page.fill(`#f-${name}`, value);
  }
  const before = await page.locator("#acts li.act").count();
  await page.click("#f-submit");
  await page.waitForFunction((n) => document.querySelectorAll("#acts li.act").length === n + 1, before);
}

/** What every journey ends with: a screenshot looked at, axe clean, one language per message. */
async function finish(page, name, lang) {
  await shot(page, name);
  assert.deepEqual(await axe(page), []);
  if (lang === "en") {
    assert.deepEqual(await chineseOutsideQuotes(page), []);
    assert.deepEqual(await unquoted(page), []);
  }
}

const NURSE = { year: new Date().getFullYear() };

for (const [width, lang] of [[375, "zh"], [1280, "en"], [1280, "zh"], [375, "en"]]) {
  const w = W[lang];
  describe(`journeys at ${width} px in ${lang === "zh" ? "Chinese" : "English"}`, () => {
    it("a nurse in 新疆: 3 days of training and a co-authored paper — short, never a false 可能达标", async () => {
      const s = await open(env, { width, height: 800, lang });
      const { page } = s;
      await choose(page, "新疆维吾尔自治区", "institution");
      const y = NURSE.year;
      await add(page, "training", `${y}-04-10`, { title: lang === "zh" ? "急危重症护理培训" : "Critical care nursing course", days: "3" });
      await add(page, "paper", `${y}-05-20`, { title: lang === "zh" ? "ICU 压力性损伤的护理" : "Pressure injuries in the ICU", venue: "provincial", authors: "3" });
      const card = await page.innerText('.doc-card[data-rule-set="xinjiang-2022"]');
      assert.match(card, w.short);
      assert.match(card, w.pending20);
      assert.match(card.replace(/\s+/g, " "), w.gap);
      assert.doesNotMatch(await page.innerText("main"), w.possible);
      // On a phone the answer stays in view while entering: the summary bar.
      if (width === 375) assert.match(await page.innerText("#mini"), w.short);
      await finish(page, `journey-nurse-${width}-${lang}`, lang);
      await s.done();
    });

    it("an engineer at a private company in 泰安: a master's degree and a patent — exempt, with the clause", async () => {
      const s = await open(env, { width, height: 800, lang });
      const { page } = s;
      await choose(page, "山东省泰安市", "enterprise");
      assert.match(await page.innerText("#year-offer"), w.offer);
      await page.click('#year-offer button[data-year="2022"]');
      await page.waitForFunction(() => document.querySelector("#year").value === "2022");
      await add(page, "degree", "2022-06-30", { level: "master", mode: "study" });
      await add(page, "patent", "2022-09-01", { type: "invention" });
      const card = await page.innerText('.doc-card[data-rule-set="taian-2022"]');
      assert.match(card, w.exempt);
      assert.match(card, w.clause);
      assert.doesNotMatch(card, w.short);
      assert.deepEqual((await saved(page)).input.profile, { employer: "enterprise" });
      await finish(page, `journey-engineer-${width}-${lang}`, lang);
      await s.done();
    });

    it("a 人事 reviewer opens a colleague's link: the colleague's situation and results, the reviewer's own input untouched", async () => {
      const s = await open(env, { width, height: 800, lang });
      const { page } = s;
      const own = { year: 2024, person: {}, activities: [{ id: "x", kind: "unitStudy", date: "2024-03-01", hours: 12, title: lang === "zh" ? "本单位学习" : "Unit study" }] };
      await seed(page, own);
      const colleague = {
        year: 2026, person: { region: "新疆维吾尔自治区" }, profile: { employer: "institution" }, ruleSets: ["xinjiang-2022"],
        activities: [
          { id: "a1", kind: "training", date: "2026-04-10", days: 3, title: lang === "zh" ? "急危重症护理培训" : "Critical care nursing course" },
          { id: "a2", kind: "paper", date: "2026-05-20", venue: "provincial", authors: 3, title: lang === "zh" ? "ICU 压力性损伤的护理" : "Pressure injuries in the ICU" },
        ],
      };
      await page.goto(env.url + linkTo(colleague));
      await page.waitForSelector("body.ready");
      assert.match(await page.innerText("#link-banner"), w.banner);
      assert.match(await page.innerText("#who-text"), w.whoLink);
      assert.ok(await page.isHidden("#person"), "the reviewer is not asked about themselves over a colleague's input");
      const card = await page.innerText('.doc-card[data-rule-set="xinjiang-2022"]');
      assert.match(card, w.short);
      assert.match(card, w.pending20);
      // Opening the details shows every line's clause and arithmetic, for the review.
      await page.click('details.doc-detail[data-rule-set="xinjiang-2022"] > summary');
      await page.click('details.doc-detail[data-rule-set="xinjiang-2022"] details.basis > summary');
      assert.deepEqual((await saved(page)).input.activities, own.activities, "the reviewer's own input is untouched");
      await finish(page, `journey-reviewer-${width}-${lang}`, lang);
      await s.done();
    });
  });
}
