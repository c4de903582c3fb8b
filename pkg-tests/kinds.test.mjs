// activityKinds() and "every kind accepted": the schema matches the contract's activity
// table, and a valid activity of every kind (every choice value, every flag) evaluates under
// all five rule sets into lines of the contract's shape.

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { xueshi, RULE_SET_IDS, KIND_SPECS, minimalActivity, sampleValue, input, assertResultShape, expectError } from "./support.mjs";

const TIME = ["hours", "days", "minutes"];
const LEVEL3 = ["national", "provincial", "city"];

// The contract's table of kinds: each kind's own fields and, for choices, their values.
const CONTRACT_KINDS = {
  training: { subject: ["public", "professional"], hours: null, days: null, minutes: null, studyMode: ["fullTime", "partTime"] },
  advancedSeminar: { level: ["national", "provincial"] },
  refresher: { hours: null, days: null, minutes: null },
  practice: { hours: null, days: null, minutes: null },
  lecture: { hours: null, level: LEVEL3 },
  conference: { level: LEVEL3, hours: null, days: null, minutes: null, presentedPaper: null },
  // associate (专科): issue 12, for 泰安 "各种学历教育".
  degree: { level: ["associate", "bachelor", "master", "doctor"], mode: ["study", "degreeOnly"], studyYears: null },
  graduateCourses: {},
  selfStudyExam: { courses: null },
  qualificationExam: { category: ["seniorTitle", "intermediateTitle", "juniorTitle", "licensure", "international"], subjects: null },
  languageComputerExam: {},
  paper: { venue: ["foreign", "national", "provincial", "city"], authors: null, conferencePaper: null },
  book: { role: ["editorInChief", "deputyEditor", "editorialBoard", "author"], translation: null },
  patent: { type: ["invention", "utilityModel", "design"] },
  softwareCopyright: {},
  standard: {},
  award: { level: ["national", "provincial", "city", "county"] },
  researchProject: { level: ["national", "provincial", "other"] },
  competition: {},
  expertService: { hours: null, days: null, minutes: null },
  // days and end (issue 12): leave of 98 days, or across the year boundary.
  assignment: { months: null, days: null, end: null },
  leave: { reason: ["abroad", "sickness", "maternity", "injury"], months: null, days: null, end: null },
  unitStudy: { hours: null },
  other: { hours: null },
};
const TIME_KINDS = ["training", "refresher", "practice", "conference", "expertService"];
const FLAGS = ["presentedPaper", "conferencePaper", "translation"];
const COUNTS = { studyYears: 1, courses: 1, subjects: 1, authors: 1, months: 1 }; // whole numbers, and their least value

/** Valid variants of a kind: the minimal one, then one per choice value, flag set, optional field given. */
function variants(kind) {
  const spec = KIND_SPECS[kind];
  const base = minimalActivity(kind);
  const out = [{ name: "minimal", activity: base }];
  for (const f of spec.fields) {
    if (f.type === "choice") for (const v of f.values) out.push({ name: `${f.name}=${v}`, activity: { ...base, [f.name]: v } });
    if (f.type === "flag") out.push({ name: `${f.name}=true`, activity: { ...base, [f.name]: true } });
    if (!f.required && (f.type === "count" || f.type === "number" || f.type === "date")) {
      const a = { ...base, [f.name]: sampleValue(f) };
      // months, days and end stand for one another.
      if (["days", "end"].includes(f.name)) delete a.months;
      out.push({ name: `with ${f.name}`, activity: a });
    }
  }
  if (spec.needsTime) {
    for (const t of TIME) {
      const a = { ...base };
      delete a.hours;
      a[t] = t === "minutes" ? 90 : 1;
      out.push({ name: `time as ${t} only`, activity: a });
    }
  }
  return out;
}

describe("activityKinds()", () => {
  it("lists exactly the contract's 24 kinds, in the contract's order", () => {
    const kinds = xueshi.activityKinds().map((k) => k.kind);
    assert.equal(kinds.length, 24);
    assert.deepEqual(kinds, Object.keys(CONTRACT_KINDS));
  });

  it("describes every field with a type (number/count/choice/flag/date), bounds and required", () => {
    for (const k of xueshi.activityKinds()) {
      assert.equal(typeof k.needsTime, "boolean", k.kind);
      assert.ok(Array.isArray(k.fields), k.kind);
      for (const f of k.fields) {
        const where = `${k.kind}.${f.name}`;
        assert.equal(typeof f.name, "string", where);
        assert.equal(typeof f.required, "boolean", where);
        switch (f.type) {
          case "number":
            assert.ok(Number.isFinite(f.max) && f.max > 0, `${where}.max`);
            break;
          case "count":
            assert.ok(Number.isInteger(f.min) && Number.isInteger(f.max) && f.min <= f.max, `${where} bounds`);
            break;
          case "choice":
            assert.ok(Array.isArray(f.values) && f.values.length > 0 && f.values.every((v) => typeof v === "string"), `${where}.values`);
            break;
          case "flag":
          case "date":
            break;
          default:
            assert.fail(`${where}: type ${f.type}`);
        }
        if ("default" in f) {
          assert.equal(f.required, false, `${where}: a required field has no default`);
          if (f.type === "choice") assert.ok(f.values.includes(f.default), `${where}.default`);
          if (f.type === "count") assert.ok(f.default >= f.min && f.default <= f.max, `${where}.default`);
          if (f.type === "flag") assert.equal(typeof f.default, "boolean", `${where}.default`);
        }
      }
    }
  });

  it("gives each kind exactly the contract's fields and choice values", () => {
    for (const k of xueshi.activityKinds()) {
      const contract = CONTRACT_KINDS[k.kind];
      assert.deepEqual(k.fields.map((f) => f.name).sort(), Object.keys(contract).sort(), `${k.kind} fields`);
      for (const f of k.fields) {
        if (contract[f.name]) {
          assert.equal(f.type, "choice", `${k.kind}.${f.name} type`);
          assert.deepEqual([...f.values].sort(), [...contract[f.name]].sort(), `${k.kind}.${f.name} values`);
        }
      }
    }
  });

  it("types flags as flag, counts as whole-number count and time as number", () => {
    for (const k of xueshi.activityKinds()) {
      for (const f of k.fields) {
        if (FLAGS.includes(f.name)) assert.equal(f.type, "flag", `${k.kind}.${f.name}`);
        if (f.name in COUNTS) {
          assert.equal(f.type, "count", `${k.kind}.${f.name}`);
          assert.equal(f.min, COUNTS[f.name], `${k.kind}.${f.name}.min`);
        }
        if (TIME.includes(f.name)) assert.equal(f.type, "number", `${k.kind}.${f.name}`);
      }
    }
  });

  it("bounds months to 1–12 (served / on leave in the assessment year), or days, or an end date", () => {
    for (const kind of ["assignment", "leave"]) {
      const f = Object.fromEntries(KIND_SPECS[kind].fields.map((x) => [x.name, x]));
      assert.deepEqual([f.months.min, f.months.max, f.months.required], [1, 12, false]);
      assert.deepEqual([f.days.type, f.days.max, f.end.type], ["number", 366, "date"]);
    }
  });

  it("bounds days to 366 (a year), with hours and minutes no more than a year's worth", () => {
    for (const kind of TIME_KINDS) {
      const f = Object.fromEntries(KIND_SPECS[kind].fields.map((x) => [x.name, x]));
      assert.equal(f.days.max, 366, `${kind}.days.max`);
      assert.ok(f.hours.max >= 366 * 8, `${kind}.hours.max`);
      assert.ok(f.minutes.max >= 366 * 8 * 60, `${kind}.minutes.max`);
    }
  });

  it("marks the time kinds as needsTime, and only those", () => {
    const needing = xueshi.activityKinds().filter((k) => k.needsTime).map((k) => k.kind);
    assert.deepEqual(needing.sort(), [...TIME_KINDS].sort());
  });

  it("makes the contract's defaults: subject professional, subjects 1, flags false", () => {
    const training = KIND_SPECS.training.fields.find((f) => f.name === "subject");
    assert.equal(training.required, false);
    assert.equal(training.default, "professional");
    const subjects = KIND_SPECS.qualificationExam.fields.find((f) => f.name === "subjects");
    assert.equal(subjects.required, false);
    assert.equal(subjects.default, 1);
    for (const k of xueshi.activityKinds()) {
      for (const f of k.fields.filter((f) => f.type === "flag")) {
        assert.equal(f.required, false, `${k.kind}.${f.name}`);
        assert.equal(f.default, false, `${k.kind}.${f.name}`);
      }
    }
  });

  it("returns a fresh value on each call", () => {
    const first = xueshi.activityKinds();
    first.length = 0;
    assert.equal(xueshi.activityKinds().length, 24);
  });
});

describe("every kind accepted", () => {
  for (const kind of Object.keys(CONTRACT_KINDS)) {
    it(`${kind}: every valid variant evaluates under all five rule sets with contract-shaped lines`, () => {
      const vs = variants(kind);
      const activities = vs.map((v, i) => ({ id: `${kind}-${i}`, ...v.activity }));
      const report = xueshi.evaluate({ year: 2024, activities });
      assert.equal(report.year, 2024);
      assert.deepEqual(report.results.map((r) => r.ruleSet), RULE_SET_IDS);
      for (const result of report.results) assertResultShape(result, activities.map((a) => a.id));
    });

    it(`${kind}: the minimal activity alone is accepted by each rule set`, () => {
      for (const rs of RULE_SET_IDS) {
        const report = xueshi.evaluate(input(2024, [minimalActivity(kind)], [rs]));
        assert.equal(report.results.length, 1);
        assertResultShape(report.results[0], ["a1"]);
      }
    });
  }

  it("accepts a title of up to 200 characters on any kind", () => {
    for (const kind of Object.keys(CONTRACT_KINDS)) {
      const report = xueshi.evaluate(input(2024, [minimalActivity(kind, { title: "学".repeat(200) })], ["xinjiang-2022"]));
      assert.equal(report.results[0].lines.length, 1);
    }
  });

  it("rejects, per schema, each count out of its bounds or not whole, and each number below 0 or over its max", () => {
    for (const k of xueshi.activityKinds()) {
      for (const f of k.fields.filter((f) => f.type === "count" || f.type === "number")) {
        const bad = f.type === "count" ? [f.min - 1, f.max + 1, f.min + 0.5, String(f.min)] : [-1, f.max + 1, NaN, Infinity, "2"];
        for (const v of bad) {
          expectError(() => xueshi.evaluate(input(2024, [minimalActivity(k.kind, { [f.name]: v })])), {
            code: "invalidInput",
            path: `activities[0].${f.name}`,
          });
        }
        // The bounds themselves are valid.
        const edge = f.type === "count" ? [f.min, f.max] : [0, f.max];
        for (const v of edge) xueshi.evaluate(input(2024, [minimalActivity(k.kind, { [f.name]: v })]));
      }
    }
  });

  it("rejects, per schema, each choice outside its values and each flag that is not a boolean", () => {
    for (const k of xueshi.activityKinds()) {
      for (const f of k.fields.filter((f) => f.type === "choice" || f.type === "flag")) {
        const bad = f.type === "choice" ? ["nope", f.values[0].toUpperCase(), 1, true] : ["true", 1, 0];
        for (const v of bad) {
          expectError(() => xueshi.evaluate(input(2024, [minimalActivity(k.kind, { [f.name]: v })])), {
            code: "invalidInput",
            path: `activities[0].${f.name}`,
          });
        }
      }
    }
  });

  it("rejects, per schema, a missing required field with that field's path", () => {
    for (const k of xueshi.activityKinds()) {
      for (const f of k.fields.filter((f) => f.required)) {
        const a = minimalActivity(k.kind);
        delete a[f.name];
        expectError(() => xueshi.evaluate(input(2024, [a])), { code: "invalidInput", path: `activities[0].${f.name}` });
      }
    }
  });
});
