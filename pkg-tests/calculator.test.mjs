// The calculator's build (pkg-calc/, `--no-default-features`): the built-in rule sets
// precompiled, no document reader. It must answer exactly as the whole package does.

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

  it("gives the same report for every document, year and language", () => {
    for (const year of [2019, 2022, 2024, 2025]) {
      for (const lang of ["zh", "en"]) {
        const input = { ...typical, year, lang, ruleSets: RULE_SET_IDS };
        assert.deepEqual(calc.evaluate(input), xueshi.evaluate(input), `${year} ${lang}`);
      }
    }
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

  it("carries no document reader", () => {
    for (const name of ["loadRuleSet", "exportRuleSet", "removeRuleSet", "ruleSetSchema"]) assert.equal(calc[name], undefined, name);
  });
});
