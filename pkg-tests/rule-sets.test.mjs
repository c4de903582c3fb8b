// ruleSets() and version(): the built-in documents as the contract lists them.

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { xueshi, RULE_SET_IDS } from "./support.mjs";

const byId = () => Object.fromEntries(xueshi.ruleSets().map((r) => [r.id, r]));
const isDate = (s) => typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

describe("ruleSets()", () => {
  it("lists the five contract ids in the contract's table order", () => {
    assert.deepEqual(xueshi.ruleSets().map((r) => r.id), RULE_SET_IDS);
  });

  it("gives every RuleSetInfo field with the right type", () => {
    for (const r of xueshi.ruleSets()) {
      const keys = Object.keys(r).sort();
      // The contract's fields, v2's titleEn, and this project's regionEn, builtIn, rulesFrom.
      assert.deepEqual(keys, ["builtIn", "docNumber", "governs", "id", "issuer", "region", "regionEn", "requirement", "rulesFrom", "title", "titleEn"], r.id);
      for (const k of ["id", "title", "issuer", "region", "titleEn", "regionEn"]) {
        assert.equal(typeof r[k], "string", `${r.id}.${k}`);
        assert.ok(r[k].length > 0, `${r.id}.${k} is empty`);
      }
      assert.equal(r.builtIn, true, `${r.id}.builtIn`);
      assert.equal(r.rulesFrom, r.id === "aksu-2024" ? "xinjiang-2022" : null, `${r.id}.rulesFrom`);
      assert.ok(r.docNumber === null || (typeof r.docNumber === "string" && r.docNumber.length > 0), `${r.id}.docNumber`);
      assert.deepEqual(Object.keys(r.governs).sort(), ["from", "to"], `${r.id}.governs`);
      assert.ok(isDate(r.governs.from) && isDate(r.governs.to), `${r.id}.governs dates`);
      assert.ok(r.governs.from <= r.governs.to, `${r.id}.governs from <= to`);
      const req = r.requirement;
      for (const k of ["total", "public", "professional"]) assert.equal(typeof req[k], "number", `${r.id}.requirement.${k}`);
      for (const k of Object.keys(req)) assert.ok(["total", "public", "professional", "professionalShare"].includes(k), `${r.id}.requirement.${k}`);
      if ("professionalShare" in req) assert.equal(typeof req.professionalShare, "number");
    }
  });

  it("gives each document's governed period", () => {
    const rs = byId();
    assert.deepEqual(rs["xinjiang-2022"].governs, { from: "2023-02-01", to: "2028-01-31" }); // 002 第十八条
    assert.deepEqual(rs["aksu-2024"].governs, { from: "2024-01-01", to: "2024-12-31" });
    assert.deepEqual(rs["bingtuan-2019"].governs, { from: "2019-01-01", to: "2019-12-31" });
    assert.deepEqual(rs["zaozhuang-2024"].governs, { from: "2024-01-01", to: "2024-12-31" });
    assert.deepEqual(rs["taian-2022"].governs, { from: "2022-01-01", to: "2022-12-31" });
  });

  it("gives xinjiang-2022 90 in all, no separate public minimum, professional 60 = 2/3", () => {
    const req = byId()["xinjiang-2022"].requirement;
    assert.equal(req.total, 90);
    assert.equal(req.public, 0);
    assert.equal(req.professional, 60);
    assert.ok(Math.abs(req.professionalShare - 2 / 3) < 1e-12, `professionalShare ${req.professionalShare}`);
  });

  it("gives the other four 90 in all, public 30, professional 60 and no professionalShare", () => {
    const rs = byId();
    for (const id of RULE_SET_IDS.filter((id) => id !== "xinjiang-2022")) {
      assert.deepEqual(rs[id].requirement, { total: 90, public: 30, professional: 60 }, id);
    }
  });

  it("gives the document numbers of xinjiang and aksu, null for the three without one", () => {
    const rs = byId();
    assert.equal(rs["xinjiang-2022"].docNumber, "新人社规〔2022〕9号");
    assert.equal(rs["aksu-2024"].docNumber, "阿地人社传〔2024〕5号");
    assert.equal(rs["bingtuan-2019"].docNumber, null);
    assert.equal(rs["zaozhuang-2024"].docNumber, null);
    assert.equal(rs["taian-2022"].docNumber, null);
  });

  it("returns a fresh value on each call (a caller's edits do not leak back)", () => {
    const first = xueshi.ruleSets();
    first[0].id = "changed";
    first.pop();
    assert.deepEqual(xueshi.ruleSets().map((r) => r.id), RULE_SET_IDS);
  });
});

describe("version()", () => {
  it("equals the version in Cargo.toml", () => {
    const toml = readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8");
    const pkg = toml.split(/^\[/m).find((s) => s.startsWith("package]"));
    const m = pkg.match(/^version\s*=\s*"([^"]+)"/m);
    assert.ok(m, "no version in Cargo.toml [package]");
    assert.equal(xueshi.version(), m[1]);
  });

  it("is a semver string", () => {
    assert.match(xueshi.version(), /^\d+\.\d+\.\d+(?:[-+].*)?$/);
  });
});
