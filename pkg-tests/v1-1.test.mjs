// The contract's v1.1 rules and v2 fields through the built package, with the documents'
// own numbers.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { xueshi, input, resultOf, lineOf, exact, expectError } from "./support.mjs";

const upTo = (max) => ({ min: 0, max });
const assertError = (fn, code, path) => expectError(fn, path ? { code, path } : { code });

describe("v1.1", () => {
  it("1. capped when a clause's day limit cuts the line (枣庄 附件第1条: 20 学时 over 2 days → 16)", () => {
    const l = lineOf("zaozhuang-2024", 2024, { kind: "training", date: "2024-04-01", hours: 20, days: 2 });
    assert.deepEqual([l.hours, l.status], [exact(16), "capped"]);
  });

  it("2. an open amount under a yearly maximum is bounded by it (新疆 第八条（八）: co-authored paper ≤ 20)", () => {
    const l = lineOf("xinjiang-2022", 2024, { kind: "paper", date: "2024-03-01", venue: "national", authors: 3 });
    assert.deepEqual([l.hours, l.status, l.clause.ref], [upTo(20), "upTo", "第八条第（八）项"]);
  });

  it("3. a part of a day is at most a day (新疆 第六条: 480 minutes → 8, not 10.67)", () => {
    const l = lineOf("xinjiang-2022", 2024, { kind: "training", date: "2024-05-01", minutes: 480 });
    assert.deepEqual([l.hours, l.status], [exact(8), "capped"]);
    assert.deepEqual(lineOf("xinjiang-2022", 2024, { kind: "training", date: "2024-05-01", minutes: 90 }).hours, exact(2));
  });

  it("6. possible only when the maxima could still meet every part: the 新疆 nurse is short", () => {
    const r = resultOf("xinjiang-2022", 2024, [
      { kind: "training", date: "2024-05-01", days: 3 },
      { kind: "paper", date: "2024-06-01", venue: "provincial", authors: 3 },
    ]);
    assert.deepEqual(r.totals.total, { min: 24, max: 44 });
    assert.equal(r.compliance, "short");
    assert.deepEqual(r.shortfall, { total: 66, public: 0, professional: 36 });
  });

  it("7. messages quote at most 40 characters of an input value, and do not mix languages", () => {
    const huge = "x".repeat(10_000_000);
    const e = assertError(() => xueshi.evaluate(input(2024, [{ kind: huge, date: "2024-01-01" }])), "unknownKind", "activities[0].kind");
    assert.ok(e.message.length < 120 && e.messageZh.length < 120, e.message);
    assert.ok(e.message.includes(`"${"x".repeat(40)}…"`), e.message);
    const deep = JSON.parse("[".repeat(40) + "]".repeat(40));
    const d = assertError(() => xueshi.evaluate({ year: 2024, activities: deep }), "invalidInput", /^activities/);
    const zh = d.messageZh.slice(d.path.length + 1);
    assert.doesNotMatch(zh, /[A-Za-z]{3,}/, d.messageZh);
  });

  it("8. a lone surrogate is refused with its field, never replaced", () => {
    assertError(() => xueshi.evaluate(input(2024, [{ id: "a\ud800", kind: "competition", date: "2024-01-01" }])), "invalidInput", "activities[0].id");
    assertError(() => xueshi.evaluate(input(2024, [{ kind: "competition", date: "2024-01-01", title: "\udc00" }])), "invalidInput", "activities[0].title");
  });
});

describe("v2 fields", () => {
  it("lang: English explanations and notes, the same hours, the document's words as quotes", () => {
    const acts = [{ kind: "paper", date: "2022-03-01", venue: "national", authors: 3 }];
    const zh = xueshi.evaluate({ ...input(2022, acts, ["taian-2022"]), lang: "zh" }).results[0];
    const en = xueshi.evaluate({ ...input(2022, acts, ["taian-2022"]), lang: "en" }).results[0];
    assert.deepEqual(en.lines[0].hours, zh.lines[0].hours);
    assert.equal(en.lines[0].explain, "national journal in China: 125 ÷ 3 authors = 41.67");
    assert.equal(en.lines[0].clause.quote, zh.lines[0].clause.quote);
    const outsideQuotes = (s) => s.replace(/“[^”]*”/g, "");
    for (const text of [...en.notes, en.applies.note, ...en.lines.map((l) => l.explain)]) assert.doesNotMatch(outsideQuotes(text), /[\u4e00-\u9fff]/, text);
  });

  it("profile.employer: 泰安 二（一） relieves enterprise staff (exempt, citing the clause)", () => {
    const r = xueshi.evaluate({ year: 2022, ruleSets: ["taian-2022"], profile: { employer: "enterprise" }, activities: [] }).results[0];
    assert.equal(r.compliance, "exempt");
    assert.ok(r.notes.some((n) => n.includes("二（一）")), r.notes.join("\n"));
    assert.equal(xueshi.evaluate({ year: 2022, ruleSets: ["taian-2022"], profile: { employer: "institution" }, activities: [] }).results[0].compliance, "short");
  });

  it("evidence: the proof the clause names (泰安 学历教育 → 毕业证)", () => {
    const l = lineOf("taian-2022", 2022, { kind: "degree", date: "2022-06-30", level: "bachelor", mode: "study" });
    assert.deepEqual(l.evidence, ["毕业证"]);
  });

  it("titleEn on every rule set", () => {
    for (const r of xueshi.ruleSets()) assert.ok(r.titleEn && !/[\u4e00-\u9fff]/.test(r.titleEn), r.id);
  });
});
