// The three-way merge that keeps two tabs (and 撤销) from overwriting each other, in Node.

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { merge3, same } from "../www/io.js";

const act = (id, extra = {}) => ({ id, kind: "training", date: "2022-03-01", hours: 8, ...extra });
const input = (...activities) => ({ year: 2022, activities });
const ids = (r) => r.input.activities.map((a) => a.id);

describe("merge3", () => {
  const base = input(act("a1"), act("a2"), act("a3"));

  it("takes each side's changes to different activities", () => {
    const ours = input(act("a1", { hours: 1 }), act("a2"), act("a3"), act("a4"));
    const theirs = input(act("a1"), act("a3", { hours: 3 }));
    const r = merge3(base, ours, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(r.input.activities, [act("a1", { hours: 1 }), act("a3", { hours: 3 }), act("a4")]);
  });

  it("never lets a removal beat an edit", () => {
    const edited = input(act("a1"), act("a2", { hours: 5 }), act("a3"));
    const removed = input(act("a1"), act("a3"));
    const gone = merge3(base, edited, removed);
    assert.deepEqual(ids(gone), ["a1", "a2", "a3"]);
    assert.deepEqual(gone.conflicts.map((c) => c.type), ["gone"]);
    const kept = merge3(base, removed, edited);
    assert.equal(kept.input.activities[1].hours, 5);
    assert.deepEqual(kept.conflicts.map((c) => c.type), ["kept"]);
  });

  it("both sides edited one activity: `prefer` decides, and it is reported", () => {
    const ours = input(act("a1", { hours: 7 }), act("a2"), act("a3"));
    const theirs = input(act("a1", { hours: 5 }), act("a2"), act("a3"));
    assert.equal(merge3(base, ours, theirs, "ours").input.activities[0].hours, 7);
    const r = merge3(base, ours, theirs, "theirs");
    assert.equal(r.input.activities[0].hours, 5);
    assert.equal(r.conflicts[0].type, "both");
  });

  it("two activities added under one id are both kept", () => {
    const r = merge3(base, input(...base.activities, act("a4", { hours: 1 })), input(...base.activities, act("a4", { hours: 2 })));
    assert.equal(r.input.activities.length, 5);
    assert.equal(new Set(ids(r)).size, 5);
  });

  it("undo puts a removed activity back where it was, keeping what others did since", () => {
    const after = input(act("a1"), act("a3"));
    const current = input(act("a1"), act("a3", { hours: 2 }), act("a9"));
    const r = merge3(after, base, current, "theirs");
    assert.deepEqual(ids(r), ["a1", "a2", "a3", "a9"]);
    assert.equal(r.input.activities[2].hours, 2);
  });

  it("year and documents merge as values", () => {
    const r = merge3({ ...base, ruleSets: ["taian-2022"] }, { ...base, year: 2023, ruleSets: ["taian-2022"] }, { ...base });
    assert.equal(r.input.year, 2023);
    assert.equal("ruleSets" in r.input, false, "their removal of ruleSets stands");
  });

  it("undoing a clear of 50,000 activities brings them all back, in order", () => {
    const many = input(...Array.from({ length: 50_000 }, (_, i) => act(`a${i}`)));
    const r = merge3(input(), many, input(act("new")), "theirs");
    assert.equal(r.input.activities.length, 50_001);
    assert.equal(r.input.activities[0].id, "a0");
    assert.equal(r.input.activities.at(-2).id, "a49999");
  });

  it("compares activities by value, whatever the key order", () => {
    assert.ok(same({ a: 1, b: "x" }, { b: "x", a: 1 }));
    assert.ok(!same({ a: 1 }, { a: 1, b: undefined }));
    assert.ok(same(["x", "y"], ["x", "y"]));
  });
});
