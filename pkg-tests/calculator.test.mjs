// The calculator's build (pkg-calc/, `--no-default-features`): the built-in rule sets
// precompiled, no document reader, no review features. It must answer as the whole
// package does, except that its results carry no warnings (always []).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import initCalc, * as calc from "../pkg-calc/xueshi_calc.js";
import { xueshi, RULE_SET_IDS } from "./support.mjs";

await initCalc({ module_or_path: readFileSync(new URL("../pkg-calc/xueshi_calc_bg.wasm", import.meta.url)) });

const typical = JSON.parse(readFileSync(new URL("../bench/typical-year.json", import.meta.url), "utf8"));

describe("the calculator's build", () => {
  it("lists the same rule sets and activity kinds", () => {
    assert.deepEqual(calc.ruleSets(), xueshi.ruleSets());
    assert.deepEqual(calc.activityKinds(), xueshi.activityKinds());
    assert.equal(calc.version(), xueshi.version());
  });

  it("gives the same report for every document, year and language, warnings aside", () => {
    const noWarnings = (report) => ({ ...report, results: report.results.map((r) => ({ ...r, warnings: [] })) });
    // Two awards fill no cap; a third fills 枣庄's 30 (capReached in the whole package).
    const award = (i) => ({ id: `aw${i}`, kind: "award", level: "city", date: "2024-0" + i + "-01" });
    const activities = [...typical.activities, award(1), award(2), award(3)];
    let warned = 0;
    for (const year of [2019, 2022, 2024, 2025]) {
      for (const lang of ["zh", "en"]) {
        const input = { ...typical, activities, year, lang, ruleSets: RULE_SET_IDS };
        const [small, whole] = [calc.evaluate(input), xueshi.evaluate(input)];
        assert.ok(small.results.every((r) => Array.isArray(r.warnings) && r.warnings.length === 0));
        warned += whole.results.reduce((n, r) => n + r.warnings.length, 0);
        assert.deepEqual(small, noWarnings(whole), `${year} ${lang}`);
      }
    }
    assert.ok(warned > 0, "the whole package warns somewhere in these inputs");
  });

  it("refuses bad input with the same error", () => {
    const bad = { year: 2024, activities: [{ id: "a", kind: "paper", date: "2024-01-01", venue: "moon", authors: 1 }] };
    const error = (f) => {
      try {
        f(bad);
      } catch (e) {
        return { message: e.message, code: e.code, path: e.path, messageZh: e.messageZh };
      }
      assert.fail("accepted");
    };
    assert.deepEqual(error(calc.evaluate), error(xueshi.evaluate));
  });

  it("carries no document reader and no multi-year report", () => {
    for (const name of ["loadRuleSet", "exportRuleSet", "removeRuleSet", "ruleSetSchema", "evaluateYears"]) assert.equal(calc[name], undefined, name);
  });
});
