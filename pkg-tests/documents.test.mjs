// Worked examples from the five documents (shared/seeds), with the documents' own numbers,
// and the clause citations checked against the documents' words.

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { xueshi, RULE_SET_IDS, resultOf, lineOf, exact, minimalActivity, KIND_SPECS } from "./support.mjs";

const paper = (venue, authors, date = "2022-05-01") => ({ kind: "paper", venue, authors, date });

describe("泰安 2022 (004): papers shared equally by the authors, 二（三）3", () => {
  const RS = "taian-2022";

  it("national journal, 3 authors: 125 ÷ 3 = 41.67, explained as the contract shows", () => {
    const l = lineOf(RS, 2022, paper("national", 3));
    assert.deepEqual(l.hours, exact(41.67));
    assert.equal(l.status, "credited");
    assert.equal(l.subject, "professional");
    assert.equal(l.clause.ref, "二（三）3");
    assert.ok(l.explain.includes("125 ÷ 3 位作者 = 41.67"), l.explain);
  });

  it("national journal, 2 authors: 62.5", () => {
    assert.deepEqual(lineOf(RS, 2022, paper("national", 2)).hours, exact(62.5));
  });

  it("foreign journal, 7 authors: 225 ÷ 7 = 32.14", () => {
    assert.deepEqual(lineOf(RS, 2022, paper("foreign", 7)).hours, exact(32.14));
  });

  it("provincial 50 and city 25, shared the same way", () => {
    assert.deepEqual(lineOf(RS, 2022, paper("provincial", 1)).hours, exact(50));
    assert.deepEqual(lineOf(RS, 2022, paper("provincial", 3)).hours, exact(16.67));
    assert.deepEqual(lineOf(RS, 2022, paper("city", 1)).hours, exact(25));
    assert.deepEqual(lineOf(RS, 2022, paper("city", 3)).hours, exact(8.33));
  });

  it("rounds half up on each line (25 ÷ 8 = 3.125 → 3.13, 125 ÷ 8 = 15.625 → 15.63)", () => {
    assert.deepEqual(lineOf(RS, 2022, paper("city", 8)).hours, exact(3.13));
    assert.deepEqual(lineOf(RS, 2022, paper("national", 8)).hours, exact(15.63));
    assert.deepEqual(lineOf(RS, 2022, paper("foreign", 8)).hours, exact(28.13));
  });

  it("totals are the sums of the rounded lines (41.67 + 41.67 + 41.67 = 125.01)", () => {
    const r = resultOf(RS, 2022, [paper("national", 3), paper("national", 3), paper("national", 3)]);
    assert.deepEqual(r.totals.professional, exact(125.01));
  });

  it("the other numbers of 二（三）: self-study 25 a course, graduate courses 150, in-service master 200 / doctor 300", () => {
    assert.deepEqual(lineOf(RS, 2022, { kind: "selfStudyExam", courses: 3, date: "2022-06-01" }).hours, exact(75));
    assert.deepEqual(lineOf(RS, 2022, { kind: "graduateCourses", date: "2022-06-01" }).hours, exact(150));
    assert.deepEqual(lineOf(RS, 2022, { kind: "degree", level: "master", mode: "degreeOnly", date: "2022-06-01" }).hours, exact(200));
    assert.deepEqual(lineOf(RS, 2022, { kind: "degree", level: "doctor", mode: "degreeOnly", date: "2022-06-01" }).hours, exact(300));
  });

  it("awards 150 / 125 / 75 / 50 and books 100 / 85 / 20 by role", () => {
    const award = (level) => lineOf(RS, 2022, { kind: "award", level, date: "2022-06-01" }).hours;
    assert.deepEqual([award("national"), award("provincial"), award("city"), award("county")], [150, 125, 75, 50].map(exact));
    const book = (role) => lineOf(RS, 2022, { kind: "book", role, date: "2022-06-01" }).hours;
    assert.deepEqual([book("editorInChief"), book("deputyEditor"), book("editorialBoard")], [100, 85, 20].map(exact));
  });

  it("degree education: 100 a year within the standard length (bachelor 4 years by default)", () => {
    const degree = (date) => lineOf(RS, 2022, { kind: "degree", level: "bachelor", mode: "study", date });
    assert.deepEqual(degree("2022-07-01").hours, exact(100));
    assert.deepEqual(degree("2025-07-01").hours, exact(100)); // 2022–2025
    const later = degree("2026-07-01"); // 2023–2026: not 2022
    assert.equal(later.status, "otherYear");
    assert.deepEqual(later.hours, exact(0));
  });
});

describe("兵团 2019 (001): academic conferences, 附件二第（四）项", () => {
  const RS = "bingtuan-2019";
  const conf = (level, days, presentedPaper, date = "2019-05-01") => ({ kind: "conference", level, days, presentedPaper, date });

  it("national, 2 days, paper presented: 2 × 6 + 6 = 18", () => {
    const l = lineOf(RS, 2019, conf("national", 2, true));
    assert.deepEqual(l.hours, exact(18));
    assert.equal(l.status, "credited");
    assert.equal(l.clause.ref, "附件二第（四）项");
  });

  it("national without a paper 6 a day; provincial 4 a day, +4 for a paper", () => {
    assert.deepEqual(lineOf(RS, 2019, conf("national", 2, false)).hours, exact(12));
    assert.deepEqual(lineOf(RS, 2019, conf("provincial", 2, false)).hours, exact(8));
    assert.deepEqual(lineOf(RS, 2019, conf("provincial", 2, true)).hours, exact(12));
  });

  it("conferences count at most 40 a year in total: earlier lines keep theirs, the later ones are cut", () => {
    const r = resultOf(RS, 2019, [conf("national", 2, true), conf("national", 2, true, "2019-06-01"), conf("provincial", 3, false, "2019-07-01"), conf("national", 1, false, "2019-08-01")]);
    assert.deepEqual(r.lines.map((l) => l.hours), [exact(18), exact(18), exact(4), exact(0)]);
    assert.deepEqual(r.lines.map((l) => l.status), ["credited", "credited", "capped", "capped"]);
    assert.deepEqual(r.totals.professional, exact(40));
  });

  it("the 40 cap does not touch other professional hours", () => {
    const r = resultOf(RS, 2019, [conf("national", 5, true), { kind: "languageComputerExam", date: "2019-03-01" }]);
    assert.deepEqual(r.lines[0].hours, exact(36));
    assert.deepEqual(r.lines[1].hours, exact(10)); // 附件二第（七）项
    assert.deepEqual(r.totals.professional, exact(46));
  });

  it("qualification exams: senior 40, intermediate 35, junior 30, licensure 40 (附件二第（五）项)", () => {
    const exam = (category) => lineOf(RS, 2019, { kind: "qualificationExam", category, date: "2019-09-01" }).hours;
    assert.deepEqual(["seniorTitle", "intermediateTitle", "juniorTitle", "licensure"].map(exam), [40, 35, 30, 40].map(exact));
  });

  it("a full year of 访惠聚 / 支教 deems all public and professional hours done (附件二第（六）项)", () => {
    const r = resultOf(RS, 2019, [{ kind: "assignment", months: 12, date: "2019-12-31" }]);
    assert.equal(r.lines[0].status, "deemed");
    assert.deepEqual(r.deemed, { public: true, professional: true });
    assert.equal(r.compliance, "met");
    assert.deepEqual(r.shortfall, { total: 0, public: 0, professional: 0 });
  });

  it("a degree deems the professional part of that year only (附件二第（三）项)", () => {
    const r = resultOf(RS, 2019, [{ kind: "degree", level: "master", mode: "study", date: "2019-07-01" }]);
    assert.equal(r.lines[0].status, "deemed");
    assert.deepEqual(r.deemed, { public: false, professional: true });
    assert.deepEqual(r.shortfall, { total: 30, public: 30, professional: 0 });
    assert.equal(resultOf(RS, 2019, [{ kind: "degree", level: "master", mode: "study", date: "2020-07-01" }]).lines[0].status, "otherYear");
  });
});

describe("枣庄 2024 (003): the attachment 枣庄市继续教育学时认定说明", () => {
  const RS = "zaozhuang-2024";

  it("three papers and one patent: 10 each, the 4th line 0 and capped (代表性成果类 at most 30)", () => {
    const r = resultOf(RS, 2024, [
      { kind: "paper", venue: "national", authors: 3, date: "2024-02-01" },
      { kind: "paper", venue: "city", authors: 1, date: "2024-03-01" },
      { kind: "paper", venue: "provincial", authors: 2, conferencePaper: true, date: "2024-04-01" },
      { kind: "patent", type: "invention", date: "2024-05-01" },
    ]);
    assert.deepEqual(r.lines.map((l) => l.hours), [exact(10), exact(10), exact(10), exact(0)]);
    assert.deepEqual(r.lines.map((l) => l.status), ["credited", "credited", "credited", "capped"]);
    assert.deepEqual(r.totals.professional, exact(30));
    for (const l of r.lines) assert.equal(l.clause.ref, "附件第3条");
  });

  it("援派 6 months: public 30 × 6/12 = 15 and professional 60 × 6/12 = 30 in the totals", () => {
    const r = resultOf(RS, 2024, [{ kind: "assignment", months: 6, date: "2024-06-30" }]);
    assert.deepEqual(r.totals.public, exact(15));
    assert.deepEqual(r.totals.professional, exact(30));
    assert.deepEqual(r.totals.total, exact(45));
    assert.deepEqual(r.shortfall, { total: 45, public: 15, professional: 30 });
    const l = r.lines[0];
    assert.deepEqual(l.hours, exact(45));
    assert.deepEqual(l.parts, [{ subject: "public", hours: exact(15) }, { subject: "professional", hours: exact(30) }]);
  });

  it("援派 a full year: 30 + 60, the requirement met", () => {
    const r = resultOf(RS, 2024, [{ kind: "assignment", months: 12, date: "2024-12-31" }]);
    assert.deepEqual([r.totals.public, r.totals.professional], [exact(30), exact(60)]);
    assert.equal(r.compliance, "met");
  });

  it("training counts the actual hours, at most 8 a day (附件第1条)", () => {
    assert.deepEqual(lineOf(RS, 2024, { kind: "training", hours: 10, days: 1, date: "2024-03-01" }).hours, exact(8));
    assert.deepEqual(lineOf(RS, 2024, { kind: "training", hours: 14, days: 2, date: "2024-03-01" }).hours, exact(14));
  });

  it("an exam certificate counts 16 (附件第2条); competitions 10 each, at most 30, apart from the achievements' 30", () => {
    assert.deepEqual(lineOf(RS, 2024, { kind: "qualificationExam", category: "licensure", date: "2024-03-01" }).hours, exact(16));
    const comp = { kind: "competition", date: "2024-03-01" };
    const award = { kind: "award", level: "city", date: "2024-03-01" };
    const r = resultOf(RS, 2024, [comp, comp, comp, comp, award, award, award].map((a, i) => ({ ...a, id: `c${i}` })));
    assert.deepEqual(r.lines.map((l) => l.hours.max), [10, 10, 10, 0, 10, 10, 10]);
    assert.deepEqual(r.totals.professional, exact(60));
  });

  it("学习类 (unit study, self-study exam, degree study) at most 40 a year, shared in input order", () => {
    const r = resultOf(RS, 2024, [
      { kind: "unitStudy", hours: 30, date: "2024-03-01" },
      { kind: "selfStudyExam", courses: 2, date: "2024-06-01" }, // only a maximum stated: up to what is left
      { kind: "unitStudy", hours: 20, date: "2024-09-01" },
    ]);
    assert.deepEqual(r.lines[0].hours, exact(30));
    assert.equal(r.lines[0].status, "credited");
    // The two later lines share the 10 left; how a range line and an exact one split it is
    // open (contract rule 3 vs "totals are the sums of the lines"), so only the bounds are checked.
    for (const l of r.lines.slice(1)) {
      assert.equal(l.status, "capped", l.activity);
      assert.ok(l.hours.max !== null && l.hours.max <= 10, `${l.activity}: ${JSON.stringify(l.hours)}`);
    }
    assert.deepEqual(r.totals.professional, exact(40));
  });

  it("maternity leave pro-rates the requirement by time on duty (附件第6条): 4 months off → 60 / 20 / 40", () => {
    const r = resultOf(RS, 2024, [{ kind: "leave", reason: "maternity", months: 4, date: "2024-05-01" }]);
    assert.deepEqual(r.requirement, { total: 60, public: 20, professional: 40 });
    assert.deepEqual(r.shortfall, { total: 60, public: 20, professional: 40 });
  });

  it("work abroad pro-rates only beyond 6 months in the year", () => {
    const six = resultOf(RS, 2024, [{ kind: "leave", reason: "abroad", months: 6, date: "2024-07-01" }]);
    assert.deepEqual(six.requirement, { total: 90, public: 30, professional: 60 });
    const seven = resultOf(RS, 2024, [{ kind: "leave", reason: "abroad", months: 7, date: "2024-08-01" }]);
    assert.deepEqual(seven.requirement, { total: 37.5, public: 12.5, professional: 25 });
  });
});

describe("新疆 2022 (002): 新人社规〔2022〕9号", () => {
  const RS = "xinjiang-2022";

  it("a lecture of 4 hours at provincial level: 4 × 6 = 24 (第八条第（四）项)", () => {
    const l = lineOf(RS, 2024, { kind: "lecture", level: "provincial", hours: 4, date: "2024-05-10" });
    assert.deepEqual(l.hours, exact(24));
    assert.equal(l.status, "credited");
    assert.equal(l.clause.ref, "第八条第（四）项");
  });

  it("lectures count at most 50 a year: 24, then 30 cut to 26, then 0", () => {
    const r = resultOf(RS, 2024, [
      { kind: "lecture", level: "provincial", hours: 4, date: "2024-05-10" },
      { kind: "lecture", level: "national", hours: 5, date: "2024-06-10" },
      { kind: "lecture", level: "national", hours: 1, date: "2024-07-10" },
    ]);
    assert.deepEqual(r.lines.map((l) => l.hours), [exact(24), exact(26), exact(0)]);
    assert.deepEqual(r.lines.map((l) => l.status), ["credited", "capped", "capped"]);
    assert.deepEqual(r.totals.professional, exact(50));
  });

  it("a lecture below 自治区级 counts nothing", () => {
    const l = lineOf(RS, 2024, { kind: "lecture", level: "city", hours: 4, date: "2024-05-10" });
    assert.deepEqual(l.hours, exact(0));
    assert.equal(l.status, "notCovered");
  });

  it("training of 90 minutes: 2 (45 minutes = 1 学时, 第六条)", () => {
    const l = lineOf(RS, 2024, { kind: "training", minutes: 90, date: "2024-04-01" });
    assert.deepEqual(l.hours, exact(2));
    assert.equal(l.status, "credited");
  });

  it("training by days: 8 a day, and a part day by 45 minutes (3 days = 24; 1 day + 45 min = 9; 100 min = 2.22)", () => {
    assert.deepEqual(lineOf(RS, 2024, { kind: "training", days: 3, date: "2024-04-01" }).hours, exact(24));
    assert.deepEqual(lineOf(RS, 2024, { kind: "training", days: 1, minutes: 45, date: "2024-04-01" }).hours, exact(9));
    assert.deepEqual(lineOf(RS, 2024, { kind: "training", minutes: 100, date: "2024-04-01" }).hours, exact(2.22));
  });

  it("refresher at most 60 a year, practice at most 30 (第八条第（二）、（三）项)", () => {
    const r = resultOf(RS, 2024, [
      { kind: "refresher", days: 5, date: "2024-03-01" },
      { kind: "refresher", days: 5, date: "2024-09-01" },
      { kind: "practice", days: 5, date: "2024-10-01" },
    ]);
    assert.deepEqual(r.lines.map((l) => l.hours), [exact(40), exact(20), exact(30)]);
    assert.deepEqual(r.lines.map((l) => l.status), ["credited", "capped", "capped"]);
  });

  it("only a yearly maximum stated: 0 up to it (patent 40, sole-author paper 20, book 40, project 40, other 30, attending 20)", () => {
    const upTo = (a, max) => {
      const l = lineOf(RS, 2024, { date: "2024-06-01", ...a });
      assert.equal(l.status, "upTo", a.kind);
      assert.deepEqual(l.hours, { min: 0, max }, a.kind);
    };
    upTo({ kind: "patent", type: "invention" }, 40);
    upTo({ kind: "paper", venue: "national", authors: 1 }, 20);
    upTo({ kind: "book", role: "author" }, 40);
    upTo({ kind: "researchProject", level: "provincial" }, 40);
    upTo({ kind: "other", hours: 10 }, 30);
    upTo({ kind: "conference", level: "national", days: 1 }, 20);
  });

  it("a qualification exam: 'a certain number' of hours, undetermined (第八条第（九）项)", () => {
    const l = lineOf(RS, 2024, { kind: "qualificationExam", category: "licensure", date: "2024-06-01" });
    assert.equal(l.status, "undetermined");
    assert.deepEqual(l.hours, { min: 0, max: null });
  });

  it("degrees deem the professional part for 4 / 3 / 2 years ending with the year obtained (第八条第（五）项)", () => {
    const degree = (level, date) => resultOf(RS, 2024, [{ kind: "degree", level, mode: "study", date }]);
    for (const [level, years] of [["bachelor", 4], ["master", 3], ["doctor", 2]]) {
      const last = 2024 + years - 1;
      const inside = degree(level, `${last}-06-30`);
      assert.equal(inside.lines[0].status, "deemed", `${level} ${last}`);
      assert.deepEqual(inside.deemed, { public: false, professional: true });
      assert.equal(inside.shortfall.professional, 0);
      assert.equal(degree(level, `${last + 1}-06-30`).lines[0].status, "otherYear", `${level} ${last + 1}`);
      assert.equal(degree(level, "2023-06-30").lines[0].status, "otherYear", `${level} 2023`);
    }
  });

  it("an advanced seminar deems the professional part; 30 more of either part meets the 90", () => {
    const r = resultOf(RS, 2024, [
      { kind: "advancedSeminar", level: "national", date: "2024-06-01" },
      { kind: "training", subject: "public", hours: 30, date: "2024-03-01" },
    ]);
    assert.equal(r.lines[0].status, "deemed");
    assert.equal(r.compliance, "met");
  });

  it("hours never carry over (第九条): last year's training is otherYear", () => {
    const l = lineOf(RS, 2024, { kind: "training", hours: 40, date: "2023-12-31" });
    assert.equal(l.status, "otherYear");
    assert.deepEqual(l.hours, exact(0));
  });

  it("sickness leave may reduce the requirement by an open amount (第十条): possible, not short", () => {
    const r = resultOf(RS, 2024, [{ kind: "leave", reason: "sickness", months: 8, date: "2024-09-01" }]);
    assert.equal(r.compliance, "possible");
  });
});

describe("阿克苏 2024 (000): its own requirement, crediting by 新人社规〔2022〕9号", () => {
  it("credits like xinjiang-2022, citing the lending document's number", () => {
    const a = { kind: "lecture", level: "provincial", hours: 4, date: "2024-05-10" };
    const l = lineOf("aksu-2024", 2024, a);
    assert.deepEqual(l.hours, exact(24));
    assert.ok(l.clause.ref.includes("新人社规〔2022〕9号"), l.clause.ref);
    assert.ok(l.clause.ref.includes("第八条第（四）项"), l.clause.ref);
  });

  it("requires public 30 where xinjiang-2022 does not", () => {
    const only = [{ kind: "training", hours: 90, date: "2024-05-01" }];
    assert.equal(resultOf("xinjiang-2022", 2024, only).compliance, "met");
    const aksu = resultOf("aksu-2024", 2024, only);
    assert.equal(aksu.compliance, "short");
    assert.equal(aksu.shortfall.public, 30);
  });
});

// The documents themselves, to check that every quote is their words.
const SEEDS = process.env.XUESHI_SEEDS ?? new URL("../../shared/seeds/", import.meta.url).pathname;
const DOCS = { "xinjiang-2022": ["002"], "aksu-2024": ["000", "002"], "bingtuan-2019": ["001"], "zaozhuang-2024": ["003"], "taian-2022": ["004"] };
const squash = (s) => s.replace(/\s+/g, "");

describe("citations are the documents' words", { skip: !existsSync(SEEDS) && `no seed documents at ${SEEDS}` }, () => {
  const text = () => Object.fromEntries(readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).map((f) => [f.slice(0, 3), squash(readFileSync(SEEDS + f, "utf8"))]));

  it("every clause quote, for every kind and choice value under every rule set, is in its document (ignoring line breaks)", () => {
    const docs = text();
    const activities = [];
    for (const spec of Object.values(KIND_SPECS)) {
      const base = minimalActivity(spec.kind);
      activities.push(base);
      for (const f of spec.fields) {
        if (f.type === "choice") for (const v of f.values) activities.push({ ...base, [f.name]: v });
        if (f.type === "flag") activities.push({ ...base, [f.name]: true });
      }
    }
    const report = xueshi.evaluate({ year: 2024, activities: activities.map((a, i) => ({ id: `q${i}`, ...a })) });
    let checked = 0;
    for (const r of report.results) {
      for (const l of r.lines) {
        if (!l.clause) continue;
        const pieces = squash(l.clause.quote).split(/…+/).filter(Boolean); // a quote may elide with ……
        const found = DOCS[r.ruleSet].some((d) => pieces.every((p) => docs[d].includes(p)));
        assert.ok(found, `${r.ruleSet} ${l.clause.ref}: not in the document: ${l.clause.quote}`);
        checked++;
      }
    }
    assert.ok(checked > 100, `only ${checked} quotes checked`);
  });

  it("every rule set's title is in its document", () => {
    const docs = text();
    for (const r of xueshi.ruleSets()) {
      assert.ok(docs[DOCS[r.id][0]].includes(squash(r.title)), `${r.id}: ${r.title}`);
    }
    assert.equal(Object.keys(DOCS).join(), RULE_SET_IDS.join());
  });
});
