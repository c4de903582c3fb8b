// plan(input, ruleSetId) through the built package (contract v2), with the documents' own
// numbers: an option's activity, added to the input, credits what the option said.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { xueshi, expectError } from "./support.mjs";

const short12 = {
  year: 2024,
  activities: [
    { id: "p", kind: "training", subject: "public", hours: 30, date: "2024-03-01" },
    { id: "q", kind: "training", subject: "professional", hours: 48, date: "2024-04-01" },
  ],
};

describe("plan", () => {
  it("枣庄 专业 short by 12: 2 days of training (附件第1条, 16) first, a competition (第5条, 10, 30 a year)", () => {
    const p = xueshi.plan(short12, "zaozhuang-2024");
    assert.deepEqual(p.shortfall, { total: 12, public: 0, professional: 12 });
    const [first] = p.options;
    assert.equal(first.kind, "training");
    assert.deepEqual(first.activity, { kind: "training", date: "2024-06-30", subject: "professional", days: 2, studyMode: "fullTime" });
    assert.deepEqual([first.hours, first.clause.ref], [{ min: 16, max: 16 }, "附件第1条"]);
    assert.match(first.explain, /^专业科目 还差 12：/);
    const competition = p.options.find((o) => o.kind === "competition");
    assert.match(competition.explain, /本年度还可计 30/);
  });

  it("each option, added to the input, credits at least what it said", () => {
    const p = xueshi.plan(short12, "zaozhuang-2024");
    for (const o of p.options) {
      const input = { ...short12, ruleSets: ["zaozhuang-2024"], activities: [...short12.activities, { id: "new", ...o.activity }] };
      const line = xueshi.evaluate(input).results[0].lines.find((l) => l.activity === "new");
      assert.ok(line.hours.min >= o.hours.min, `${o.kind}: ${JSON.stringify(line.hours)} < ${JSON.stringify(o.hours)}`);
    }
  });

  it("in English, and nothing to plan once met; an unknown document is named", () => {
    const p = xueshi.plan({ ...short12, lang: "en" }, "zaozhuang-2024");
    assert.match(p.options[0].explain, /^the professional subjects short by 12: /);
    const met = { year: 2024, activities: [...short12.activities, { id: "r", kind: "training", hours: 12, date: "2024-05-01" }] };
    assert.deepEqual(xueshi.plan(met, "zaozhuang-2024").options, []);
    expectError(() => xueshi.plan(short12, "nowhere"), { code: "unknownRuleSet", path: "ruleSetId" });
  });
});
