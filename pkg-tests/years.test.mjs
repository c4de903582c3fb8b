// evaluateYears, make-up study (补学) and evidence through the built package (contract v2),
// with the documents' own numbers.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { xueshi, lineOf, exact, expectError } from "./support.mjs";

describe("evaluateYears", () => {
  it("新疆 第八条（五）: a bachelor's of 2022 is 专业 done in 2019–2022, and in no other year", () => {
    const r = xueshi.evaluateYears({
      from: 2018, to: 2023, ruleSets: ["xinjiang-2022"],
      activities: [{ id: "ba", kind: "degree", level: "bachelor", mode: "study", date: "2022-07-01" }],
    });
    assert.deepEqual([r.from, r.to, r.years.map((y) => y.year)], [2018, 2023, [2018, 2019, 2020, 2021, 2022, 2023]]);
    assert.deepEqual(r.years.map((y) => y.results[0].lines[0].status), ["otherYear", "deemed", "deemed", "deemed", "deemed", "otherYear"]);
  });

  it("阿克苏 六: make-up of 2022 done in 2024 makes 2022 met, cites the clause's proof", () => {
    const r = xueshi.evaluateYears({
      from: 2022, to: 2024, ruleSets: ["aksu-2024"],
      activities: [
        { id: "pub", kind: "training", subject: "public", hours: 30, date: "2024-05-10", makeUpFor: 2022 },
        { id: "pro", kind: "training", subject: "professional", hours: 60, date: "2024-06-10", makeUpFor: 2022 },
      ],
    });
    const [y2022, , y2024] = r.years.map((y) => y.results[0]);
    assert.equal(y2022.compliance, "met");
    assert.deepEqual(y2022.totals.total, exact(90));
    assert.ok(y2022.lines[0].evidence.includes("补学合格证书"));
    assert.deepEqual(y2024.lines.map((l) => l.status), ["otherYear", "otherYear"]);
  });

  it("each year is exactly what evaluate gives for it", () => {
    const activities = [
      { id: "t", kind: "training", hours: 40, date: "2023-03-01" },
      { id: "p", kind: "paper", venue: "national", authors: 3, date: "2024-03-01" },
    ];
    const r = xueshi.evaluateYears({ from: 2023, to: 2024, activities, lang: "en" });
    for (const report of r.years) assert.deepEqual(report, xueshi.evaluate({ year: report.year, activities, lang: "en" }));
  });

  it("a bad span names the field, in both languages", () => {
    expectError(() => xueshi.evaluateYears({ from: 2024, to: 2023, activities: [] }), { code: "invalidInput", path: "to" });
    expectError(() => xueshi.evaluateYears({ from: 2010, to: 2024, activities: [] }), { code: "invalidInput", path: "to" });
    expectError(() => xueshi.evaluateYears({ year: 2024, activities: [] }), { code: "invalidInput", path: "year" });
  });
});

describe("makeUpFor", () => {
  it("泰安 四（三）: 2018–2021 may be made up from 2022; 2017 may not, citing the clause", () => {
    const ok = lineOf("taian-2022", 2019, { kind: "training", subject: "public", hours: 30, date: "2022-03-01", makeUpFor: 2019 });
    assert.deepEqual([ok.hours, ok.status], [exact(30), "credited"]);
    const no = lineOf("taian-2022", 2017, { kind: "training", hours: 8, date: "2022-03-01", makeUpFor: 2017 });
    assert.deepEqual([no.hours, no.status, no.clause.ref], [exact(0), "notCovered", "四（三）"]);
  });

  it("a year not before the activity's date is refused with the field named", () => {
    expectError(
      () => xueshi.evaluate({ year: 2024, activities: [{ id: "a", kind: "training", hours: 8, date: "2024-06-01", makeUpFor: 2024 }] }),
      { code: "invalidInput", path: "activities[0].makeUpFor" },
    );
  });
});

describe("leave in days or across years", () => {
  it("枣庄 第6条: 98 days of maternity leave in 2024 are 3.21 months (98 × 12 / 366); the requirement × 8.79/12", () => {
    const r = xueshi.evaluate({ year: 2024, ruleSets: ["zaozhuang-2024"], activities: [{ id: "m", kind: "leave", reason: "maternity", days: 98, date: "2024-09-01" }] });
    assert.deepEqual(r.results[0].requirement, { total: 65.93, public: 21.98, professional: 43.95 });
  });

  it("sick leave from 2023-06-01 to 2024-08-31 counts in both years by its days in each", () => {
    const r = xueshi.evaluateYears({
      from: 2023, to: 2025, ruleSets: ["zaozhuang-2024"],
      activities: [{ id: "s", kind: "leave", reason: "sickness", date: "2023-06-01", end: "2024-08-31" }],
    });
    assert.deepEqual(r.years.map((y) => y.results[0].requirement.total), [37.2, 30, 90]);
    assert.deepEqual(r.years.map((y) => y.results[0].lines[0].status), ["credited", "credited", "otherYear"]);
  });
});
