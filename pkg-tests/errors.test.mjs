// Every error code: bad input throws a real Error with a stable `code`, the field `path`,
// `message` "<path>: <what is wrong>" and `messageZh`; nothing else is ever thrown.

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { xueshi, RULE_SET_IDS, input, expectError, assertContractError, lineOf, exact } from "./support.mjs";

const training = (extra = {}) => ({ kind: "training", date: "2024-03-01", hours: 8, ...extra });
const paper = (extra = {}) => ({ kind: "paper", date: "2024-03-01", venue: "national", authors: 2, ...extra });
const evaluate = (value) => () => xueshi.evaluate(value);
const invalid = (path) => ({ code: "invalidInput", path });
/** One bad activity in second place, after a valid one (so the index in the path is checked). */
const second = (activity) => input(2024, [training(), activity]);

describe("unknownKind", () => {
  it("names the kind and its path", () => {
    const e = expectError(evaluate(second({ id: "x", kind: "seminar", date: "2024-03-01" })), {
      code: "unknownKind",
      path: "activities[1].kind",
    });
    assert.match(e.message, /seminar/);
  });

  it("is case-sensitive: Training is not a kind", () => {
    expectError(evaluate(input(2024, [training({ kind: "Training" })])), { code: "unknownKind", path: "activities[0].kind" });
  });

  it("is not used for a kind that is not a string (that is invalidInput)", () => {
    expectError(evaluate(input(2024, [training({ kind: 5 })])), invalid("activities[0].kind"));
  });
});

describe("unknownRuleSet", () => {
  it("names the unknown id and its index", () => {
    const e = expectError(evaluate(input(2024, [], ["taian-2022", "beijing-2024"])), {
      code: "unknownRuleSet",
      path: "ruleSets[1]",
    });
    assert.match(e.message, /beijing-2024/);
  });

  it("is case-sensitive", () => {
    expectError(evaluate(input(2024, [], ["TAIAN-2022"])), { code: "unknownRuleSet", path: "ruleSets[0]" });
  });
});

describe("invalidInput: the input itself", () => {
  for (const [name, value] of [["null", null], ["42", 42], ['"x"', "x"], ["[]", []], ["true", true], ["undefined", undefined]]) {
    it(`evaluate(${name}) throws invalidInput at path input`, () => {
      expectError(evaluate(value), invalid("input"));
    });
  }

  it("evaluate() with no argument throws invalidInput", () => {
    expectError(() => xueshi.evaluate(), invalid("input"));
  });

  it("rejects an unknown top-level field, by name", () => {
    expectError(evaluate({ ...input(2024, []), foo: 1 }), invalid("foo"));
    expectError(evaluate({ ...input(2024, []), Year: 2024 }), invalid("Year"));
    expectError(evaluate({ ...input(2024, []), rulesets: ["taian-2022"] }), invalid("rulesets"));
  });
});

describe("invalidInput: year", () => {
  it("is required", () => {
    expectError(evaluate({ activities: [] }), invalid("year"));
  });

  for (const year of [1989, 2101, -2024, 0, 2024.5, NaN, Infinity, "2024", true, [2024], { y: 2024 }]) {
    it(`rejects year ${typeof year === "string" ? JSON.stringify(year) : String(year)}`, () => {
      expectError(evaluate({ year, activities: [] }), invalid("year"));
    });
  }

  it("accepts whole years in range", () => {
    for (const year of [1990, 2019, 2024, 2100]) assert.equal(xueshi.evaluate({ year, activities: [] }).year, year);
  });
});

describe("invalidInput: activities", () => {
  it("is required", () => {
    expectError(evaluate({ year: 2024 }), invalid("activities"));
  });

  for (const [name, value] of [["an object", {}], ["a string", "training"], ["a number", 3], ["true", true]]) {
    it(`must be an array, not ${name}`, () => {
      expectError(evaluate({ year: 2024, activities: value }), invalid("activities"));
    });
  }

  for (const [name, value] of [["null", null], ["a number", 5], ["a string", "training"], ["an array", [training()]], ["true", true]]) {
    it(`rejects an activity that is ${name}, at its index`, () => {
      expectError(evaluate({ year: 2024, activities: [{ id: "a", ...training() }, value] }), invalid("activities[1]"));
    });
  }

  it("accepts an empty list", () => {
    const report = xueshi.evaluate({ year: 2024, activities: [] });
    for (const r of report.results) assert.deepEqual(r.lines, []);
  });
});

describe("invalidInput: id, kind, date, title", () => {
  it("requires id, kind and date", () => {
    for (const field of ["id", "kind", "date"]) {
      const a = { id: "x", ...training() };
      delete a[field];
      expectError(evaluate({ year: 2024, activities: [{ id: "ok", ...training() }, a] }), invalid(`activities[1].${field}`));
    }
  });

  it("rejects an id that is not a string or is empty", () => {
    expectError(evaluate({ year: 2024, activities: [{ ...training(), id: 7 }] }), invalid("activities[0].id"));
    expectError(evaluate({ year: 2024, activities: [{ ...training(), id: "" }] }), invalid("activities[0].id"));
  });

  it("rejects a duplicate id at the later activity, naming the id", () => {
    const e = expectError(
      evaluate({ year: 2024, activities: [{ id: "dup", ...training() }, { id: "other", ...training() }, { id: "dup", ...paper() }] }),
      invalid("activities[2].id"),
    );
    assert.match(e.message, /dup/);
  });

  for (const date of ["2024-02-30", "2024-2-3", "2023-02-29", "2024-13-01", "2024-00-10", "2024/02/03", "20240203", "2024-02-03T00:00:00Z", " 2024-02-03", "", "二〇二四年二月三日"]) {
    it(`rejects the date ${JSON.stringify(date)}`, () => {
      expectError(evaluate(second({ id: "x", ...training({ date }) })), invalid("activities[1].date"));
    });
  }

  it("rejects a date that is not a string (a number, a Date)", () => {
    expectError(evaluate(input(2024, [training({ date: 20240203 })])), invalid("activities[0].date"));
    expectError(evaluate(input(2024, [training({ date: new Date("2024-02-03") })])), invalid("activities[0].date"));
  });

  it("accepts 29 February in a leap year", () => {
    assert.deepEqual(lineOf("xinjiang-2022", 2024, training({ date: "2024-02-29" })).hours, exact(8));
  });

  it("rejects a title over 200 characters, accepts 200", () => {
    expectError(evaluate(input(2024, [training({ title: "x".repeat(201) })])), invalid("activities[0].title"));
    expectError(evaluate(input(2024, [training({ title: "学".repeat(201) })])), invalid("activities[0].title"));
    xueshi.evaluate(input(2024, [training({ title: "x".repeat(200) })]));
  });

  it("rejects a title that is not a string", () => {
    expectError(evaluate(input(2024, [training({ title: 5 })])), invalid("activities[0].title"));
  });
});

describe("invalidInput: kind-specific fields", () => {
  it("rejects a field the kind does not have (authors on a training), by its path", () => {
    const e = expectError(evaluate(second({ id: "x", ...training({ authors: 2 }) })), invalid("activities[1].authors"));
    assert.match(e.message, /training/);
  });

  it("rejects a field of another kind even when its value would be valid there (level on a paper)", () => {
    expectError(evaluate(input(2024, [paper({ level: "national" })])), invalid("activities[0].level"));
  });

  it("rejects a wrong enum value, listing the allowed ones", () => {
    const e = expectError(evaluate(input(2024, [paper({ venue: "international" })])), invalid("activities[0].venue"));
    for (const v of ["foreign", "national", "provincial", "city"]) assert.ok(e.message.includes(v), e.message);
    expectError(evaluate(input(2024, [training({ subject: "both" })])), invalid("activities[0].subject"));
    expectError(evaluate(input(2024, [{ kind: "award", date: "2024-03-01", level: "National" }])), invalid("activities[0].level"));
  });

  for (const authors of [0, 1.5, "3", -1, null]) {
    it(`rejects authors ${JSON.stringify(authors)}`, () => {
      expectError(evaluate(input(2024, [paper({ authors })])), invalid("activities[0].authors"));
    });
  }

  for (const [name, hours] of [["negative", -1], ["NaN", NaN], ["Infinity", Infinity], ["-Infinity", -Infinity], ["a string", "8"]]) {
    it(`rejects ${name} hours`, () => {
      expectError(evaluate(second({ id: "x", ...training({ hours }) })), invalid("activities[1].hours"));
    });
  }

  it("rejects negative days and minutes", () => {
    expectError(evaluate(input(2024, [training({ hours: undefined, days: -1 })])), invalid("activities[0].days"));
    expectError(evaluate(input(2024, [training({ hours: undefined, minutes: -30 })])), invalid("activities[0].minutes"));
  });

  it("rejects more than 366 days, accepts 366", () => {
    expectError(evaluate(input(2024, [training({ hours: undefined, days: 367 })])), invalid("activities[0].days"));
    xueshi.evaluate(input(2024, [training({ hours: undefined, days: 366 })]));
  });

  it("rejects a flag that is not a boolean", () => {
    expectError(
      evaluate(input(2024, [{ kind: "conference", date: "2024-03-01", level: "national", days: 1, presentedPaper: "yes" }])),
      invalid("activities[0].presentedPaper"),
    );
  });

  it("rejects months 0 and 13", () => {
    for (const months of [0, 13]) {
      expectError(evaluate(input(2024, [{ kind: "assignment", date: "2024-03-01", months }])), invalid("activities[0].months"));
    }
  });

  for (const kind of ["training", "refresher", "practice", "conference", "expertService"]) {
    it(`rejects a ${kind} with no time field (hours, days or minutes)`, () => {
      const a = { kind, date: "2024-03-01" };
      if (kind === "conference") a.level = "national";
      const e = expectError(evaluate(second({ id: "x", ...a })), invalid(/^activities\[1\]/));
      assert.match(e.message, /hours/);
    });
  }
});

describe("invalidInput: ruleSets", () => {
  it("rejects an empty list", () => {
    expectError(evaluate(input(2024, [], [])), invalid("ruleSets"));
  });

  it("rejects a duplicate at the later index", () => {
    const e = expectError(evaluate(input(2024, [], ["taian-2022", "aksu-2024", "taian-2022"])), invalid("ruleSets[2]"));
    assert.match(e.message, /taian-2022/);
  });

  for (const [name, value] of [["a string", "taian-2022"], ["an object", { id: "taian-2022" }], ["a number", 1], ["true", true]]) {
    it(`rejects ruleSets that is ${name}, not an array`, () => {
      expectError(evaluate({ ...input(2024, []), ruleSets: value }), invalid("ruleSets"));
    });
  }

  it("rejects an id that is not a string", () => {
    expectError(evaluate(input(2024, [], [5])), invalid("ruleSets[0]"));
  });
});

describe("null-valued optional fields are treated as absent", () => {
  it("ruleSets: null means all five, in table order", () => {
    const report = xueshi.evaluate({ ...input(2024, []), ruleSets: null });
    assert.deepEqual(report.results.map((r) => r.ruleSet), RULE_SET_IDS);
  });

  it("title: null is accepted", () => {
    assert.deepEqual(lineOf("xinjiang-2022", 2024, training({ title: null })).hours, exact(8));
  });

  it("subject: null on a training takes the default, professional", () => {
    assert.equal(lineOf("taian-2022", 2022, training({ date: "2022-03-01", subject: null })).subject, "professional");
  });

  it("presentedPaper: null is no paper (兵团 national conference 2 days = 12)", () => {
    const l = lineOf("bingtuan-2019", 2019, { kind: "conference", date: "2019-05-01", level: "national", days: 2, presentedPaper: null });
    assert.deepEqual(l.hours, exact(12));
  });

  it("subjects: null on a qualification exam takes the default 1", () => {
    const l = lineOf("bingtuan-2019", 2019, { kind: "qualificationExam", date: "2019-05-01", category: "seniorTitle", subjects: null });
    assert.deepEqual(l.hours, exact(40));
  });

  it("studyYears: null on a degree takes the default by level (bachelor 4: a 2025 degree covers 2022 under taian)", () => {
    const l = lineOf("taian-2022", 2022, { kind: "degree", date: "2025-07-01", level: "bachelor", mode: "study", studyYears: null });
    assert.deepEqual(l.hours, exact(100));
  });

  it("a null time field beside a given one is ignored (hours: null, days: 2 = 16)", () => {
    assert.deepEqual(lineOf("xinjiang-2022", 2024, training({ hours: null, days: 2, minutes: null })).hours, exact(16));
  });

  it("undefined-valued fields are absent too", () => {
    assert.deepEqual(lineOf("xinjiang-2022", 2024, training({ title: undefined, minutes: undefined })).hours, exact(8));
  });

  it("null in a required field is 'required', not accepted", () => {
    expectError(evaluate({ year: null, activities: [] }), invalid("year"));
    expectError(evaluate({ year: 2024, activities: null }), invalid("activities"));
    expectError(evaluate(input(2024, [paper({ venue: null })])), invalid("activities[0].venue"));
    expectError(evaluate(input(2024, [training({ date: null })])), invalid("activities[0].date"));
  });

  it("all time fields null is no time at all", () => {
    expectError(evaluate(input(2024, [training({ hours: null, days: null, minutes: null })])), invalid(/^activities\[0\]/));
  });
});

describe("the path names the field even for values JSON cannot hold", () => {
  // The contract: the message "names the field path and what is wrong". These values are
  // refused while the input is read, before validation knows where they are.
  it("a function as hours: path activities[0].hours", () => {
    expectError(evaluate(input(2024, [training({ hours: () => 8 })])), invalid("activities[0].hours"));
  });

  it("a Symbol as year: path year", () => {
    expectError(evaluate({ year: Symbol("2024"), activities: [] }), invalid("year"));
  });

  it("a getter that throws on an activity's date: path activities[0].date", () => {
    const a = { id: "g", ...training() };
    Object.defineProperty(a, "date", { enumerable: true, get() { throw new Error("no date"); } });
    expectError(evaluate({ year: 2024, activities: [a] }), invalid("activities[0].date"));
  });

  it("a BigInt as authors: path activities[0].authors", () => {
    expectError(evaluate(input(2024, [paper({ authors: 3n })])), invalid("activities[0].authors"));
  });

  it("an activity carrying 40 extra fields (a portal's whole record): path names that activity", () => {
    const record = { id: "r1", ...training(), ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`column${i}`, i])) };
    expectError(evaluate({ year: 2024, activities: [record] }), invalid(/^activities\[0\]/));
  });
});

describe("nothing is thrown but a contract Error", () => {
  const base = () => input(2024, [training()]);
  const cyclic = base();
  cyclic.activities[0].self = cyclic;
  const deep = base();
  let node = deep;
  for (let i = 0; i < 200; i++) node = node.next = {};
  const throwingGetter = base();
  Object.defineProperty(throwingGetter, "year", { enumerable: true, get() { throw new TypeError("boom"); } });
  const throwingKeys = new Proxy(base(), { ownKeys() { throw new RangeError("no keys"); } });
  const garbage = {
    "a getter that throws": throwingGetter,
    "a Proxy whose ownKeys throws": throwingKeys,
    "a Proxy of a valid input": new Proxy(base(), {}),
    "a BigInt year": { ...base(), year: 2024n },
    "a Map as input": new Map([["year", 2024], ["activities", []]]),
    "a Symbol year": { ...base(), year: Symbol("y") },
    "a function year": { ...base(), year: () => 2024 },
    "a huge BigInt year": { ...base(), year: 2n ** 70n },
    "a Date year": { ...base(), year: new Date() },
    "a String object year": { ...base(), year: new String("2024") },
    "a Set of activities": { ...base(), activities: new Set([training()]) },
    "a typed array of activities": { ...base(), activities: new Uint8Array(3) },
    "a sparse activities array": { ...base(), activities: [, training()] }, // eslint-disable-line no-sparse-arrays
    "a cyclic input": cyclic,
    "a 200-deep input": deep,
    "an object with 100 fields": Object.fromEntries([["year", 2024], ["activities", []], ...Array.from({ length: 100 }, (_, i) => [`f${i}`, i])]),
    "an activity with 100 fields": input(2024, [Object.fromEntries([...Object.entries(training()), ...Array.from({ length: 100 }, (_, i) => [`f${i}`, i])])]),
    "a 10 kB id": input(2024, [training({ id: "x".repeat(10_000) })]),
    "a 1 MB title": input(2024, [training({ title: "学".repeat(1_000_000) })]),
    "hours of 1e308": input(2024, [training({ hours: 1e308 })]),
    "a count of 1e20": input(2024, [paper({ authors: 1e20 })]),
    "a count of -0.5": input(2024, [paper({ authors: -0.5 })]),
    "a date of year 0000": input(2024, [training({ date: "0000-01-01" })]),
    "a date of year 9999": input(2024, [training({ date: "9999-12-31" })]),
    "a lone surrogate in a title": input(2024, [training({ title: "\ud800" })]),
    "a NUL in an id": input(2024, [training({ id: "a\u0000b" })]),
  };

  for (const [name, value] of Object.entries(garbage)) {
    it(`${name}: either a report or a contract Error, and the package still works after`, () => {
      try {
        const report = xueshi.evaluate(value);
        assert.equal(typeof report, "object");
        assert.ok(Array.isArray(report.results));
      } catch (e) {
        assertContractError(e);
      }
      const after = xueshi.evaluate(input(2024, [training()], ["xinjiang-2022"]));
      assert.deepEqual(after.results[0].lines[0].hours, exact(8));
    });
  }

  it("reports one error per call: the first problem in input order", () => {
    expectError(evaluate({ year: 2024, activities: [{ id: "a", ...training({ hours: -1 }) }, { id: "b", kind: "nope", date: "x" }] }), invalid("activities[0].hours"));
  });

  it("after 1000 rejected inputs in a row, a valid input still evaluates", () => {
    for (let i = 0; i < 1000; i++) {
      try {
        xueshi.evaluate(input(2024, [paper({ authors: i % 2 ? 0 : "x" })]));
        assert.fail("no error");
      } catch (e) {
        assertContractError(e);
      }
    }
    assert.deepEqual(lineOf("taian-2022", 2022, paper({ date: "2022-01-01" })).hours, exact(62.5));
  });
});
