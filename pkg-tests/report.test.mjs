// Report shape and invariants on a realistic mixed year: order, one line per activity,
// totals = sums of the lines, rounding, shortfall and compliance consistent with the numbers,
// applies.inForce, determinism, the input left untouched.

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { xueshi, RULE_SET_IDS, cents, isHundredths, assertResultShape, deepFreeze, input } from "./support.mjs";

// One professional's 2024, as a portal would send it: 24 activities of 18 kinds, three of them
// dated in another year (one a degree, which some documents spread over several years).
const YEAR = 2024;
const ACTIVITIES = [
  { id: "gx-1", kind: "training", subject: "public", date: "2024-03-12", hours: 24, title: "公需科目：数字技术" },
  { id: "gx-2", kind: "training", subject: "public", date: "2024-10-08", minutes: 270, title: "公需科目：知识产权" },
  { id: "zy-1", kind: "training", date: "2024-04-02", days: 3, title: "专业科目面授培训班" },
  { id: "zy-2", kind: "training", subject: "professional", date: "2024-05-20", hours: 10, days: 1 },
  { id: "jx-1", kind: "refresher", date: "2024-06-03", days: 5, title: "进修" },
  { id: "sj-1", kind: "practice", date: "2024-07-15", hours: 12 },
  { id: "ss-1", kind: "advancedSeminar", level: "provincial", date: "2024-08-01" },
  { id: "sk-1", kind: "lecture", level: "provincial", hours: 4, date: "2024-05-10", title: "专题讲座授课" },
  { id: "hy-1", kind: "conference", level: "national", days: 2, presentedPaper: true, date: "2024-09-20" },
  { id: "hy-2", kind: "conference", level: "city", hours: 3, date: "2024-11-02" },
  { id: "lw-1", kind: "paper", venue: "national", authors: 3, date: "2024-02-18" },
  { id: "lw-2", kind: "paper", venue: "provincial", authors: 1, date: "2023-12-30", title: "去年发表" },
  { id: "zz-1", kind: "book", role: "editorialBoard", translation: false, date: "2024-06-30" },
  { id: "zl-1", kind: "patent", type: "utilityModel", date: "2024-01-22" },
  { id: "rz-1", kind: "softwareCopyright", date: "2024-03-03" },
  { id: "jb-1", kind: "standard", date: "2024-08-08" },
  { id: "kt-1", kind: "researchProject", level: "provincial", date: "2024-12-01" },
  { id: "ks-1", kind: "qualificationExam", category: "intermediateTitle", date: "2024-10-19" },
  { id: "wy-1", kind: "languageComputerExam", date: "2024-04-27" },
  { id: "jn-1", kind: "competition", date: "2024-09-09" },
  { id: "zj-1", kind: "expertService", days: 2, date: "2024-11-11" },
  { id: "dw-1", kind: "unitStudy", hours: 16, date: "2024-12-20" },
  { id: "xl-1", kind: "degree", level: "master", mode: "study", date: "2025-06-30", title: "在职硕士" },
  { id: "gx-0", kind: "training", subject: "public", date: "2023-11-30", hours: 30, title: "2023 年度公需" },
];
const IDS = ACTIVITIES.map((a) => a.id);
const mixedInput = (extra = {}) => ({ year: YEAR, activities: structuredClone(ACTIVITIES), ...extra });
const report = xueshi.evaluate(mixedInput());

// Smaller years, so that the invariants also meet "possible", "short", deemed parts and parts.
const SCENARIOS = {
  "the mixed year": mixedInput(),
  "an empty year": { year: YEAR, activities: [] },
  "a thin year of ranges": {
    year: YEAR,
    activities: [
      { id: "t1", kind: "training", subject: "public", hours: 30, date: "2024-02-01" },
      { id: "t2", kind: "patent", type: "invention", date: "2024-03-01" },
      { id: "t3", kind: "book", role: "author", date: "2024-04-01" },
      { id: "t4", kind: "conference", level: "national", days: 1, date: "2024-05-01" },
      { id: "t5", kind: "qualificationExam", category: "juniorTitle", date: "2024-06-01" },
      { id: "t6", kind: "other", hours: 10, date: "2024-07-01" },
    ],
  },
  "a deemed year": {
    year: YEAR,
    activities: [
      { id: "d1", kind: "degree", level: "doctor", mode: "study", date: "2025-06-30" },
      { id: "d2", kind: "assignment", months: 12, date: "2024-12-31" },
      { id: "d3", kind: "training", subject: "public", hours: 10, date: "2024-03-01" },
    ],
  },
  "a part year of 援派": {
    year: YEAR,
    activities: [
      { id: "p1", kind: "assignment", months: 5, date: "2024-06-30" },
      { id: "p2", kind: "training", subject: "public", hours: 20, date: "2024-03-01" },
      { id: "p3", kind: "selfStudyExam", courses: 2, date: "2024-07-01" },
    ],
  },
};
const REPORTS = Object.entries(SCENARIOS).map(([name, value]) => [name, xueshi.evaluate(value), value.activities.map((a) => a.id)]);
/** Every result of every scenario, with a name for messages. */
const ALL = REPORTS.flatMap(([name, rep, ids]) => rep.results.map((r) => ({ where: `${name} / ${r.ruleSet}`, r, ids })));

/** Σ of a subject over the lines, in cents; `null` as soon as one line has no maximum. */
function sumOf(lines, subject) {
  let min = 0;
  let max = 0;
  for (const l of lines) {
    const parts = l.parts ?? [{ subject: l.subject, hours: l.hours }];
    for (const p of parts.filter((p) => p.subject === subject)) {
      min += cents(p.hours.min);
      max = max === null || p.hours.max === null ? null : max + cents(p.hours.max);
    }
  }
  return { min, max };
}
const rangeCents = (r) => ({ min: cents(r.min), max: r.max === null ? null : cents(r.max) });

/** Guaranteed / possible hours for the requirement check: a deemed part counts as its requirement. */
function effective(result) {
  const part = (subject) => {
    const t = rangeCents(result.totals[subject]);
    if (!result.deemed[subject]) return t;
    const need = cents(result.requirement[subject]);
    return { min: Math.max(t.min, need), max: t.max === null ? null : Math.max(t.max, need) };
  };
  const pub = part("public");
  const pro = part("professional");
  const total = { min: pub.min + pro.min, max: pub.max === null || pro.max === null ? null : pub.max + pro.max };
  return { public: pub, professional: pro, total };
}

describe("report shape", () => {
  it("has exactly year and results, year echoed", () => {
    assert.deepEqual(Object.keys(report).sort(), ["results", "year"]);
    assert.equal(report.year, YEAR);
  });

  it("gives all five rule sets in table order when ruleSets is omitted", () => {
    assert.deepEqual(report.results.map((r) => r.ruleSet), RULE_SET_IDS);
  });

  it("gives the requested rule sets in request order", () => {
    const order = ["taian-2022", "xinjiang-2022", "zaozhuang-2024"];
    assert.deepEqual(xueshi.evaluate(mixedInput({ ruleSets: order })).results.map((r) => r.ruleSet), order);
    const reversed = [...RULE_SET_IDS].reverse();
    assert.deepEqual(xueshi.evaluate(mixedInput({ ruleSets: reversed })).results.map((r) => r.ruleSet), reversed);
  });

  it("a requested rule set's result equals its result among all five", () => {
    for (const id of RULE_SET_IDS) {
      const alone = xueshi.evaluate(mixedInput({ ruleSets: [id] })).results[0];
      assert.deepEqual(alone, report.results.find((r) => r.ruleSet === id), id);
    }
  });

  it("every result has the contract's fields and one line per activity, in input order, with the activity's id", () => {
    for (const r of report.results) assertResultShape(r, IDS);
  });

  it("each result's title is the rule set's title", () => {
    const titles = Object.fromEntries(xueshi.ruleSets().map((r) => [r.id, r.title]));
    for (const r of report.results) assert.equal(r.title, titles[r.ruleSet]);
  });

  it("every hour figure is rounded to 0.01", () => {
    for (const r of report.results) {
      for (const l of r.lines) {
        assert.ok(isHundredths(l.hours.min) && (l.hours.max === null || isHundredths(l.hours.max)), `${r.ruleSet} ${l.activity}`);
      }
      for (const k of ["public", "professional", "total"]) {
        assert.ok(isHundredths(r.totals[k].min) && (r.totals[k].max === null || isHundredths(r.totals[k].max)), `${r.ruleSet}.totals.${k}`);
        assert.ok(isHundredths(r.requirement[k]) && isHundredths(r.shortfall[k]), `${r.ruleSet} ${k}`);
      }
    }
  });

  it("activities dated in another year credit nothing: otherYear where the document covers the kind", () => {
    for (const r of report.results) {
      for (const id of ["lw-2", "gx-0"]) {
        const l = r.lines[IDS.indexOf(id)];
        // A kind the document does not mention may say so (notCovered) instead: both rules 7 and 8 give zero.
        assert.ok(["otherYear", "notCovered"].includes(l.status), `${r.ruleSet} ${id}: ${l.status}`);
        assert.deepEqual(l.hours, { min: 0, max: 0 });
      }
      // Every document covers training.
      assert.equal(r.lines[IDS.indexOf("gx-0")].status, "otherYear", r.ruleSet);
    }
  });

  it("every line that can credit hours cites the clause behind them", () => {
    for (const r of report.results) {
      for (const l of r.lines) {
        if (l.hours.max === null || l.hours.max > 0) assert.ok(l.clause, `${r.ruleSet} ${l.activity} (${l.status}) cites no clause`);
      }
    }
  });
});

describe("report invariants (every scenario, every rule set)", () => {
  it("the scenarios between them meet every compliance value", () => {
    assert.deepEqual([...new Set(ALL.map(({ r }) => r.compliance))].sort(), ["met", "possible", "short"]);
    assert.ok(ALL.some(({ r }) => r.deemed.public) && ALL.some(({ r }) => r.deemed.professional), "some part deemed");
    assert.ok(ALL.some(({ r }) => r.lines.some((l) => l.parts)), "some line with parts");
  });

  it("every result has the contract's shape, one line per activity in input order", () => {
    for (const { where, r, ids } of ALL) {
      assert.doesNotThrow(() => assertResultShape(r, ids), where);
    }
  });

  it("totals per subject are the sums of the lines (a line's parts count each to its subject)", () => {
    for (const { where, r } of ALL) {
      for (const subject of ["public", "professional"]) {
        assert.deepEqual(rangeCents(r.totals[subject]), sumOf(r.lines, subject), `${where}: totals.${subject}`);
      }
    }
  });

  it("total = public + professional", () => {
    for (const { where, r } of ALL) {
      const { public: p, professional: q, total } = r.totals;
      assert.equal(cents(total.min), cents(p.min) + cents(q.min), where);
      assert.equal(total.max === null ? null : cents(total.max), p.max === null || q.max === null ? null : cents(p.max) + cents(q.max), where);
    }
  });

  it("the requirement is the rule set's own when no leave pro-rates it", () => {
    const infos = Object.fromEntries(xueshi.ruleSets().map((r) => [r.id, r.requirement]));
    for (const { where, r } of ALL) {
      const { total, public: pub, professional } = infos[r.ruleSet];
      assert.deepEqual(r.requirement, { total, public: pub, professional }, where);
    }
  });

  it("shortfall = requirement − guaranteed (min) hours, never below 0, a deemed part counting as its requirement", () => {
    for (const { where, r } of ALL) {
      const e = effective(r);
      for (const k of ["public", "professional", "total"]) {
        const expected = Math.max(0, cents(r.requirement[k]) - e[k].min);
        assert.equal(cents(r.shortfall[k]), expected, `${where}: shortfall.${k}`);
        assert.ok(r.shortfall[k] >= 0);
      }
    }
  });

  it("compliance agrees with the numbers: met iff no shortfall, possible iff the maxima could reach it, else short", () => {
    for (const { where, r } of ALL) {
      const e = effective(r);
      const met = ["public", "professional", "total"].every((k) => cents(r.shortfall[k]) === 0);
      const reachable = ["public", "professional", "total"].every((k) => e[k].max === null || e[k].max >= cents(r.requirement[k]));
      const expected = met ? "met" : reachable ? "possible" : "short";
      assert.equal(r.compliance, expected, `${where}: ${JSON.stringify({ totals: r.totals, requirement: r.requirement, deemed: r.deemed })}`);
    }
  });

  it("a part is deemed only through a deemed line, and a deemed line deems some part", () => {
    for (const { where, r } of ALL) {
      const deemedLines = r.lines.filter((l) => l.status === "deemed");
      assert.equal(r.deemed.public || r.deemed.professional, deemedLines.length > 0, where);
    }
  });

  it("applies.inForce is true exactly when the year overlaps what the document governs", () => {
    const governs = Object.fromEntries(xueshi.ruleSets().map((r) => [r.id, r.governs]));
    for (const year of [2018, 2019, 2022, 2023, 2024, 2027, 2028, 2029]) {
      const rep = xueshi.evaluate({ year, activities: [] });
      for (const r of rep.results) {
        const g = governs[r.ruleSet];
        const overlaps = g.from <= `${year}-12-31` && g.to >= `${year}-01-01`;
        assert.equal(r.applies.inForce, overlaps, `${r.ruleSet} in ${year}`);
        assert.ok(r.applies.note.length > 0);
      }
    }
  });

  it("in 2024 taian-2022 and bingtuan-2019 are not in force, yet their results are computed", () => {
    const taian = report.results.find((r) => r.ruleSet === "taian-2022");
    const bingtuan = report.results.find((r) => r.ruleSet === "bingtuan-2019");
    assert.equal(taian.applies.inForce, false);
    assert.equal(bingtuan.applies.inForce, false);
    for (const id of ["xinjiang-2022", "aksu-2024", "zaozhuang-2024"]) {
      assert.equal(report.results.find((r) => r.ruleSet === id).applies.inForce, true, id);
    }
    // 泰安: the national paper with 3 authors is still 125 ÷ 3.
    assert.deepEqual(taian.lines[IDS.indexOf("lw-1")].hours, { min: 41.67, max: 41.67 });
    assert.ok(cents(taian.totals.total.min) > 0);
    assert.ok(cents(bingtuan.totals.total.min) > 0);
  });
});

describe("purity", () => {
  it("is deterministic: the same input twice gives deep-equal reports", () => {
    assert.deepEqual(xueshi.evaluate(mixedInput()), report);
    assert.deepEqual(xueshi.evaluate(mixedInput()), xueshi.evaluate(mixedInput()));
  });

  it("does not mutate its input (a deep-frozen input works and is unchanged)", () => {
    const value = mixedInput({ ruleSets: [...RULE_SET_IDS] });
    const before = structuredClone(value);
    deepFreeze(value);
    const out = xueshi.evaluate(value);
    assert.deepEqual(value, before);
    assert.deepEqual(out.results, report.results);
  });

  it("returns a fresh report: editing one does not change the next", () => {
    const first = xueshi.evaluate(mixedInput());
    first.results[0].lines[0].hours.min = 9999;
    first.results.pop();
    assert.deepEqual(xueshi.evaluate(mixedInput()), report);
  });

  it("a line depends only on its activity and the ones sharing its caps: adding an unrelated otherYear activity changes nothing else", () => {
    const more = xueshi.evaluate({ year: YEAR, activities: [...structuredClone(ACTIVITIES), { id: "late", kind: "training", hours: 40, date: "2020-01-01" }] });
    for (const [i, r] of more.results.entries()) {
      assert.deepEqual(r.lines.slice(0, -1), report.results[i].lines, r.ruleSet);
      assert.deepEqual(r.totals, report.results[i].totals, r.ruleSet);
      assert.equal(r.lines.at(-1).status, "otherYear");
    }
  });

  it("field order inside an activity does not matter", () => {
    const shuffled = ACTIVITIES.map((a) => Object.fromEntries(Object.entries(a).reverse()));
    assert.deepEqual(xueshi.evaluate({ activities: shuffled, year: YEAR }), report);
  });

  it("an input of many activities (2000) evaluates, with one line each", () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ ...ACTIVITIES[i % ACTIVITIES.length], id: `m${i}` }));
    const rep = xueshi.evaluate(input(YEAR, many));
    for (const r of rep.results) assert.equal(r.lines.length, 2000);
  });
});
