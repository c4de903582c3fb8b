// Garbage in through the wasm boundary: whatever JS value `evaluate` is given, it throws
// an Error with a `code` and a `path`, or returns a report; it never traps, and after a
// bad call a good call still works (the instance is not left broken).
// Needs pkg/ (make pkg). Run: node --test tests-js/

import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const PKG = new URL("../pkg/", import.meta.url);
let xueshi;

/** A module instance of its own (a query string makes a new module), so that a test that
 * breaks one cannot fail the others. */
let instances = 0;
async function load() {
  const m = await import(new URL(`xueshi.js?instance=${instances++}`, PKG));
  await m.default({ module_or_path: readFileSync(new URL("xueshi_bg.wasm", PKG)) });
  return m;
}

before(async () => {
  xueshi = await load();
});

const GOOD = () => ({ year: 2024, activities: [{ id: "g", kind: "training", date: "2024-05-01", hours: 8 }] });

/** The instance still answers a good call correctly. */
function stillWorks() {
  const r = xueshi.evaluate(GOOD());
  assert.equal(r.results.length, 5);
  assert.deepEqual(r.results[0].lines[0].hours, { min: 8, max: 8 });
}

/**
 * Calls evaluate(value): a report, or an Error carrying code and path. A trap shows as a
 * WebAssembly.RuntimeError (unreachable, out of bounds, stack overflow) and fails here.
 * Returns the error, if any.
 */
function survive(value, label = String(value)) {
  let err;
  try {
    const r = xueshi.evaluate(value);
    assert.ok(r && Array.isArray(r.results), `${label}: not a report`);
  } catch (e) {
    err = e;
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${label}: trapped: ${e}`);
    assert.ok(e instanceof Error, `${label}: threw a non-Error: ${String(e)}`);
    assert.equal(typeof e.code, "string", `${label}: no code on ${e.message}`);
    assert.ok(["invalidInput", "unknownKind", "unknownRuleSet"].includes(e.code), `${label}: code ${e.code}`);
    assert.ok(typeof e.path === "string" && e.path.length > 0, `${label}: no path on ${e.message}`);
    assert.ok(e.message.startsWith(`${e.path}: `), `${label}: message ${e.message.slice(0, 200)}`);
  }
  stillWorks();
  return err;
}

/** An input with one activity that has `field` set to `value`. */
const withField = (field, value, base = { id: "a", kind: "training", date: "2024-05-01", hours: 8 }) => ({
  year: 2024,
  activities: [{ ...base, [field]: value }],
});

const ODD = {
  undefined: undefined,
  null: null,
  true: true,
  NaN: NaN,
  Infinity: Infinity,
  "-Infinity": -Infinity,
  "-0": -0,
  "1e308": 1e308,
  "-1e308": -1e308,
  "2**53+1": 2 ** 53 + 1,
  BigInt: 2024n,
  hugeBigInt: 10n ** 400n,
  Symbol: Symbol("x"),
  function: () => 1,
  Map: new Map([["year", 2024]]),
  Set: new Set([1]),
  Date: new Date(0),
  RegExp: /x/,
  Promise: Promise.resolve(1),
  WeakMap: new WeakMap(),
  ArrayBuffer: new ArrayBuffer(8),
  Uint8Array: new Uint8Array([1, 2]),
  Float64Array: new Float64Array([NaN]),
  Error: new Error("x"),
  String: new String("2024"),
  Number: new Number(2024),
  "Object.create(null)": Object.create(null),
  "empty array": [],
  "sparse array": [, , 1],
  "string": "2024",
  "empty string": "",
  "lone surrogate": "\ud800",
  "NUL": "\0",
};

describe("the whole input is any JS value", () => {
  for (const [name, v] of Object.entries(ODD)) {
    it(name, () => {
      const e = survive(v, name);
      assert.ok(e, `${name}: accepted as an input`);
    });
  }
});

describe("each field of an input is any JS value", () => {
  for (const [name, v] of Object.entries(ODD)) {
    it(name, () => {
      survive({ year: v, activities: [] }, `year = ${name}`);
      survive({ year: 2024, activities: v }, `activities = ${name}`);
      survive({ year: 2024, ruleSets: v, activities: [] }, `ruleSets = ${name}`);
      survive({ year: 2024, activities: [v] }, `activities[0] = ${name}`);
      for (const f of ["id", "kind", "date", "title", "hours", "days", "minutes", "subject"]) {
        survive(withField(f, v), `${f} = ${name}`);
      }
      survive(withField("months", v, { id: "a", kind: "assignment", date: "2024-05-01", months: 3 }), `months = ${name}`);
      survive(withField("presentedPaper", v, { id: "a", kind: "conference", level: "national", date: "2024-05-01", days: 1 }), `presentedPaper = ${name}`);
    });
  }
});

describe("numbers beyond what a year holds are refused with their path", () => {
  const cases = [
    ["hours", 1e308], ["hours", 366 * 24 + 0.01], ["hours", -1], ["hours", NaN], ["hours", Infinity],
    ["days", 400], ["days", 367], ["minutes", 1e12],
  ];
  for (const [f, v] of cases) {
    it(`${f} = ${v}`, () => {
      const e = survive(withField(f, v), `${f} = ${v}`);
      assert.equal(e?.code, "invalidInput");
      assert.equal(e.path, `activities[0].${f}`);
    });
  }
  it("-0 hours is 0 hours; a whole leap year of days is accepted", () => {
    assert.equal(xueshi.evaluate(withField("hours", -0)).results[0].lines[0].hours.min, 0);
    assert.ok(xueshi.evaluate(withField("days", 366)).results.length);
  });
  it("year 1e308, months 13 and authors 0 name their field", () => {
    assert.equal(survive({ year: 1e308, activities: [] }).path, "year");
    assert.equal(survive(withField("months", 13, { id: "a", kind: "assignment", date: "2024-05-01" })).path, "activities[0].months");
    assert.equal(survive(withField("authors", 0, { id: "a", kind: "paper", venue: "city", date: "2024-05-01" })).path, "activities[0].authors");
  });
});

describe("odd field names", () => {
  for (const key of ["", ".", "[0]", " ", "__proto__", "constructor"]) {
    it(JSON.stringify(key), () => {
      survive(JSON.parse(`{"year":2024,"activities":[],${JSON.stringify(key)}:1}`), `top-level key ${JSON.stringify(key)}`);
      const a = JSON.parse(`{"id":"a","kind":"other","hours":1,"date":"2024-05-01",${JSON.stringify(key)}:1}`);
      const e = survive({ year: 2024, activities: [a] }, `activity key ${JSON.stringify(key)}`);
      assert.ok(e.path.startsWith("activities[0]"), e.path);
    });
  }
});

describe("size and depth", () => {
  it("10,000 levels of nested objects", () => {
    let v = { year: 2024, activities: [] };
    for (let i = 0; i < 10_000; i++) v = { x: v };
    survive(v, "nested objects");
    let a = [];
    for (let i = 0; i < 10_000; i++) a = [a];
    survive({ year: 2024, activities: a }, "nested arrays");
  });

  it("10 MB strings in every string field and as a key", () => {
    const big = "学".repeat(10 * 1024 * 1024 / 3);
    for (const f of ["id", "kind", "date", "title", "subject"]) survive(withField(f, big), `${f} = 10 MB`);
    survive({ year: 2024, ruleSets: [big], activities: [] }, "ruleSets[0] = 10 MB");
    const e = survive({ year: 2024, activities: [], [big.slice(0, 1000)]: 1 }, "1000-char key");
    assert.ok(e.message.length < 5000, `the message repeats a long key: ${e.message.length} chars`);
  });

  it("a 1,000,000-element array", () => {
    survive({ year: 2024, activities: new Array(1_000_000).fill(null) }, "1e6 nulls");
    survive({ year: 2024, activities: Array.from({ length: 1_000_000 }, (_, i) => i) }, "1e6 numbers");
    survive({ year: 2024, ruleSets: new Array(1_000_000).fill("taian-2022"), activities: [] }, "1e6 rule sets");
  });

  it("10,000 valid activities evaluate (no stack overflow)", () => {
    const acts = Array.from({ length: 10_000 }, (_, i) => ({ id: `a${i}`, kind: "training", date: "2024-05-01", hours: 1 }));
    const r = xueshi.evaluate({ year: 2024, activities: acts });
    assert.equal(r.results[0].lines.length, 10_000);
    assert.equal(r.results[0].totals.total.min, 10_000);
  });
});

describe("hostile objects", () => {
  const boom = () => { throw new Error("boom"); };

  it("a getter that throws", () => {
    const a = { id: "a", kind: "training", date: "2024-05-01" };
    Object.defineProperty(a, "hours", { get: boom, enumerable: true });
    survive({ year: 2024, activities: [a] }, "throwing getter on an activity");
    const top = { activities: [] };
    Object.defineProperty(top, "year", { get: boom, enumerable: true });
    survive(top, "throwing getter on year");
  });

  it("Proxies whose traps throw or lie", () => {
    const throwing = new Proxy({}, { get: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, has: boom });
    survive(throwing, "all traps throw");
    survive({ year: 2024, activities: [throwing] }, "activity proxy throws");
    survive({ year: 2024, activities: new Proxy([], { get: boom }) }, "array proxy throws");
    // 1e9 ends in an error too, but only after JSON.stringify walks it (~17 s).
    const lying = new Proxy([1, 2, 3], { get: (t, k) => (k === "length" ? 1e7 : t[k]) });
    survive({ year: 2024, activities: lying }, "array proxy claims 1e7 items");
    survive(new Proxy(GOOD(), {}), "transparent proxy");
  });

  it("a revoked Proxy, as the input, an activity and the activities", () => {
    const revoked = () => {
      const { proxy, revoke } = Proxy.revocable([], {});
      revoke();
      return proxy;
    };
    survive(revoked(), "revoked proxy");
    survive({ year: 2024, activities: [revoked()] }, "revoked activity");
    survive({ year: 2024, activities: revoked() }, "revoked activities");
  });

  it("thousands of throwing reads in a row leave the instance working", async () => {
    // An exception that unwinds through wasm frames skips their epilogues (the shadow
    // stack pointer is never restored), so each one leaks stack until the instance traps.
    const hostile = [
      () => ({ year: 2024, activities: new Proxy([], { get: boom }) }),
      () => ({ year: 2024, activities: [new Proxy({}, { ownKeys: boom })] }),
      () => {
        const a = { id: "a", kind: "training", date: "2024-05-01" };
        Object.defineProperty(a, "hours", { get: boom, enumerable: true });
        return { year: 2024, activities: [a] };
      },
    ];
    const shared = xueshi;
    try {
      for (const [k, mk] of hostile.entries()) {
        xueshi = await load();
        for (let i = 0; i < 3000; i++) {
          try {
            xueshi.evaluate(mk());
          } catch (e) {
            assert.ok(!(e instanceof WebAssembly.RuntimeError), `case ${k}: trapped after ${i} throwing reads: ${e.message}`);
          }
        }
        stillWorks();
      }
    } finally {
      xueshi = shared;
    }
  });

  it("a value that changes as it is read", () => {
    let n = 0;
    const a = { id: "a", kind: "training", date: "2024-05-01" };
    Object.defineProperty(a, "hours", { get: () => (n++ % 2 ? "x" : 8), enumerable: true });
    survive({ year: 2024, activities: [a, a] }, "flip-flopping getter");
  });

  it("cycles", () => {
    const a = { id: "a", kind: "training", date: "2024-05-01", hours: 8 };
    a.self = a;
    survive({ year: 2024, activities: [a] }, "cyclic activity");
    const arr = [];
    arr.push(arr);
    survive({ year: 2024, activities: arr }, "cyclic array");
  });
});

describe("random garbage (seeded)", () => {
  // A small deterministic generator, so a failure can be replayed.
  let seed = 20261122;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const leaves = [...Object.values(ODD), 0, 1, 8, 12, 2024, "training", "paper", "2024-05-01", "national", "public", "a", "hours", "year"];
  const keys = ["year", "activities", "ruleSets", "id", "kind", "date", "title", "hours", "days", "minutes", "level", "venue", "authors", "months", "x", "", "__proto__", "constructor"];
  function gen(depth) {
    const r = rand();
    if (depth > 4 || r < 0.4) return pick(leaves);
    if (r < 0.7) return Array.from({ length: Math.floor(rand() * 5) }, () => gen(depth + 1));
    const o = {};
    for (let i = Math.floor(rand() * 6); i > 0; i--) o[pick(keys)] = gen(depth + 1);
    return o;
  }
  it("2,000 generated values", () => {
    for (let i = 0; i < 2000; i++) {
      const v = rand() < 0.5 ? gen(0) : { year: pick([2024, 2022, gen(3)]), activities: Array.from({ length: Math.floor(rand() * 4) }, () => gen(1)) };
      survive(v, `case ${i}`);
    }
  });
});
