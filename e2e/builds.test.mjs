// The calculator build and the full build in one page (rule files, the web component): they
// share js/wire.js, and each must still read its own texts and shapes, whichever ran first.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, open, ROOT } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.stop());

const TYPICAL = JSON.parse(readFileSync(`${ROOT}/bench/typical-year.json`, "utf8"));

describe("two builds in one page", () => {
  it("answer alike, called in turn, in both languages", async () => {
    const s = await open(env);
    const same = await s.page.evaluate(async (input) => {
      const calc = await import("./pkg/xueshi_calc.js");
      await calc.default();
      const full = await import("./pkg/xueshi.js");
      await full.default();
      const strip = (r) => JSON.stringify({ ...r, results: r.results.map((x) => ({ ...x, warnings: [] })) });
      const out = [];
      for (const lang of ["zh", "en", "zh"]) {
        const i = { ...input, lang };
        const a = calc.evaluate(i);
        const b = full.evaluate(i);
        out.push(strip(a) === strip(b), strip(calc.evaluate(i)) === strip(a), full.plan(i, "zaozhuang-2024").options.length >= 0);
      }
      return out;
    }, TYPICAL);
    assert.deepEqual(same, Array(9).fill(true));
    await s.done();
  });
});
