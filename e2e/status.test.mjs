// Honest status and totals: the card counts as the engine does (a deemed part as its
// requirement), hours still to be decided are "待认定 最多 N", an exempt employer is shown
// as exempt with the clause, and every figure on a card adds up.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, seed, loadExample, axe, shot } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.stop());

const card = (page, id) => page.innerText(`.doc-card[data-rule-set="${id}"]`).then((s) => s.replace(/\s+/g, " "));

/** Each card's figures: the parts' counted hours, the total, the requirement and "还差 合计 N". */
const figures = (page) => page.$$eval("#summary .doc-card", (cards) => cards.map((c) => {
  const rows = [...c.querySelectorAll(".bar-row")].map((r) => ({
    val: Number(r.querySelector(".val").textContent),
    req: Number((/\/ ([\d.]+)/.exec(r.querySelector(".req").textContent) ?? [0, 0])[1]),
    pending: Number((/最多 ([\d.]+)/.exec(r.querySelector(".pending")?.textContent ?? "") ?? [0, 0])[1]),
  }));
  const gap = /合计 ([\d.]+)/.exec(c.querySelector(".gap").textContent);
  return { id: c.dataset.ruleSet, rows, gapTotal: gap ? Number(gap[1]) : 0, status: c.querySelector(".pill").textContent };
}));

function assertAddsUp(cards) {
  for (const { id, rows: [pub, pro, total], gapTotal } of cards) {
    assert.ok(Math.abs(pub.val + pro.val - total.val) < 0.005, `${id}: ${pub.val} + ${pro.val} = ${total.val}`);
    assert.ok(Math.abs(pub.pending + pro.pending - total.pending) < 0.005, `${id}: pending adds up`);
    assert.ok(Math.abs(Math.max(0, total.req - total.val) - gapTotal) < 0.005, `${id}: ${total.req} − ${total.val} = ${gapTotal}`);
  }
}

describe("honest status and totals", () => {
  it("a co-authored paper under 新疆 is 待认定 at most 20: no false 可能达标", async () => {
    const s = await open(env);
    const { page } = s;
    await seed(page, {
      year: 2026, ruleSets: ["xinjiang-2022"], person: { region: "新疆维吾尔自治区" },
      activities: [
        { id: "a1", kind: "training", date: "2026-04-10", days: 3, title: "急危重症护理培训" },
        { id: "a2", kind: "paper", date: "2026-05-20", venue: "provincial", authors: 3, title: "ICU 压力性损伤护理" },
      ],
    });
    const text = await card(page, "xinjiang-2022");
    assert.match(text, /未达标/);
    assert.doesNotMatch(await page.textContent("#main"), /可能达标/);
    assert.match(text, /专业 24 \/ 60 待认定 最多 20/);
    assert.match(text, /合计 24 \/ 90 待认定 最多 20/);
    assert.match(text, /还差 专业 36、合计 66 学时；待认定的学时即使全部认定也不够/);
    assert.match(await page.textContent('#acts li[data-id="a2"] .act-hours'), /待认定 最多 20/);
    assertAddsUp(await figures(page));
    await s.done();
  });

  it("a deemed part counts as its requirement, and the figures add up", async () => {
    const s = await open(env);
    const { page } = s;
    await seed(page, { year: 2026, ruleSets: ["xinjiang-2022"], activities: [{ id: "d", kind: "degree", date: "2026-06-30", level: "master", mode: "study" }, { id: "p", kind: "patent", date: "2026-03-01", type: "utilityModel" }] });
    const text = await card(page, "xinjiang-2022");
    assert.match(text, /专业 60 \/ 60 视同完成/);
    assert.match(text, /合计 60 \/ 90/);
    assert.match(text, /还差 合计 30 学时/);
    assert.doesNotMatch(text, /0–/, "no bare range a reader cannot place");
    assertAddsUp(await figures(page));
    await s.done();
  });

  it("every card of the example adds up, in every document", async () => {
    const s = await open(env, { width: 375, height: 800 });
    await loadExample(s.page);
    const cards = await figures(s.page);
    assert.equal(cards.length, 5);
    assertAddsUp(cards);
    await s.done();
  });

  it("an enterprise under 泰安 二（一） is exempt, with the clause, and the general shortfall beside it", async () => {
    const s = await open(env);
    const { page } = s;
    await seed(page, { year: 2022, ruleSets: ["taian-2022"], profile: { employer: "enterprise" }, person: { region: "山东省泰安市" }, activities: [{ id: "m", kind: "degree", date: "2022-06-30", level: "master", mode: "study" }] });
    const text = await card(page, "taian-2022");
    assert.match(text, /不作要求/);
    assert.match(text, /依二（一），企业专业技术人员不受本年度学时要求约束/);
    assert.match(text, /按一般要求还差 公需 30 学时/);
    assert.doesNotMatch(text, /未达标/);
    assert.deepEqual(await axe(page), []);
    // An institution's staff are not relieved.
    await seed(page, { year: 2022, ruleSets: ["taian-2022"], profile: { employer: "institution" }, activities: [] });
    assert.match(await card(page, "taian-2022"), /未达标/);
    await s.done();
  });
});
