// Shared by every pkg test: loads the BUILT web package (pkg/, from `make pkg`) into Node
// and offers small helpers for building inputs and checking the contract's shapes.
// Not a test file itself (node --test only runs *.test.mjs here).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import init, * as xueshi from "../pkg/xueshi.js";

await init({ module_or_path: readFileSync(new URL("../pkg/xueshi_bg.wasm", import.meta.url)) });

export { xueshi };

/** The contract's rule set ids, in its table order. */
export const RULE_SET_IDS = ["xinjiang-2022", "aksu-2024", "bingtuan-2019", "zaozhuang-2024", "taian-2022"];

/** The contract's line statuses, error codes and compliance values. */
export const STATUSES = ["credited", "capped", "deemed", "upTo", "undetermined", "notCovered", "otherYear"];
export const ERROR_CODES = ["invalidInput", "unknownKind", "unknownRuleSet", "invalidRuleSet"];
export const COMPLIANCE = ["met", "possible", "short", "exempt"];

/** Hours as whole hundredths, so that sums compare exactly. */
export const cents = (x) => Math.round(x * 100);

/** Is `x` a number rounded to 0.01 (as the contract says every hour figure is)? */
export const isHundredths = (x) => typeof x === "number" && Number.isFinite(x) && Math.round(x * 100) / 100 === x;

/** The input for some activities: ids a1, a2, … unless an activity brings its own. */
export function input(year, activities, ruleSets) {
  const value = { year, activities: activities.map((a, i) => ({ id: `a${i + 1}`, ...a })) };
  if (ruleSets) value.ruleSets = ruleSets;
  return value;
}

/** The result of one rule set for `activities` in `year`. */
export function resultOf(ruleSet, year, activities) {
  const report = xueshi.evaluate(input(year, activities, [ruleSet]));
  assert.equal(report.results.length, 1);
  assert.equal(report.results[0].ruleSet, ruleSet);
  return report.results[0];
}

/** The single line of one activity under one rule set. */
export function lineOf(ruleSet, year, activity) {
  return resultOf(ruleSet, year, [activity]).lines[0];
}

/** `{min: h, max: h}`: an exact number of hours. */
export const exact = (h) => ({ min: h, max: h });

/** The schema of every kind, by kind name. */
export const KIND_SPECS = Object.fromEntries(xueshi.activityKinds().map((k) => [k.kind, k]));

/** A value that the schema says a field accepts. */
export function sampleValue(field) {
  switch (field.type) {
    case "number":
      return 2;
    case "count":
      return field.min;
    case "choice":
      return field.values[0];
    case "flag":
      return false;
    case "date":
      return "2024-12-31";
    default:
      throw new Error(`unknown field type ${field.type}`);
  }
}

/** The smallest valid activity of a kind: its required fields, and `hours` where it needs time. */
export function minimalActivity(kind, extra = {}) {
  const spec = KIND_SPECS[kind];
  assert.ok(spec, `no schema for kind ${kind}`);
  const activity = { kind, date: "2024-06-15" };
  for (const f of spec.fields) if (f.required) activity[f.name] = sampleValue(f);
  if (spec.needsTime) activity.hours = 2;
  // Leave and assignments take one of months, days or an end date.
  if (spec.fields.some((f) => f.name === "end") && !("days" in extra) && !("end" in extra)) activity.months = 3;
  return { ...activity, ...extra };
}

/**
 * Runs `fn`, which must throw the contract's error: a real Error with `code`, `path`,
 * `message` = "<path>: <what is wrong>" and `messageZh`. Returns the error.
 */
export function expectError(fn, { code, path }) {
  let thrown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown !== undefined, `expected an error ${code} at ${path}, but nothing was thrown`);
  assertContractError(thrown);
  assert.equal(thrown.code, code, `code of: ${thrown.message}`);
  if (path instanceof RegExp) assert.match(thrown.path, path);
  else assert.equal(thrown.path, path, `path of: ${thrown.message}`);
  return thrown;
}

/** Shape of every error `evaluate` may throw. */
export function assertContractError(e) {
  assert.ok(e instanceof Error, `not an Error: ${String(e)}`);
  assert.ok(ERROR_CODES.includes(e.code), `code ${JSON.stringify(e.code)} is not one of the contract's (${e.message})`);
  assert.equal(typeof e.path, "string");
  assert.ok(e.path.length > 0);
  assert.equal(typeof e.message, "string");
  assert.ok(e.message.startsWith(`${e.path}: `), `message does not start with its path: ${e.message}`);
  assert.ok(e.message.length > e.path.length + 2, `message says nothing after the path: ${e.message}`);
  assert.equal(typeof e.messageZh, "string");
  assert.ok(e.messageZh.startsWith(e.path), `messageZh does not name the path: ${e.messageZh}`);
  assert.ok(e.messageZh.length > e.path.length + 1);
}

function assertRange(range, where) {
  assert.deepEqual(Object.keys(range).sort(), ["max", "min"], `${where}: Range keys`);
  assert.ok(isHundredths(range.min), `${where}.min ${range.min} not rounded to 0.01`);
  assert.ok(range.min >= 0, `${where}.min < 0`);
  if (range.max !== null) {
    assert.ok(isHundredths(range.max), `${where}.max ${range.max} not rounded to 0.01`);
    assert.ok(range.max >= range.min, `${where}: max < min`);
  }
}

/** A Line as the contract writes it (`parts` only for lines crediting both subjects; `evidence` from v2). */
export function assertLineShape(line, activityId, where = "line") {
  const keys = Object.keys(line);
  for (const k of ["activity", "subject", "hours", "status", "clause", "explain", "evidence"]) assert.ok(keys.includes(k), `${where}: missing ${k}`);
  for (const k of keys) assert.ok(["activity", "subject", "hours", "status", "clause", "explain", "parts", "evidence"].includes(k), `${where}: unexpected field ${k}`);
  assert.ok(Array.isArray(line.evidence) && line.evidence.every((e) => typeof e === "string" && e.length > 0), `${where}.evidence`);
  if (activityId !== undefined) assert.equal(line.activity, activityId, `${where}.activity`);
  assert.ok(["public", "professional"].includes(line.subject), `${where}.subject ${line.subject}`);
  assertRange(line.hours, `${where}.hours`);
  assert.ok(STATUSES.includes(line.status), `${where}.status ${line.status}`);
  if (line.clause !== null) {
    assert.deepEqual(Object.keys(line.clause).sort(), ["quote", "ref"], `${where}.clause keys`);
    assert.equal(typeof line.clause.ref, "string");
    assert.ok(line.clause.ref.length > 0, `${where}.clause.ref empty`);
    assert.equal(typeof line.clause.quote, "string");
    assert.ok(line.clause.quote.length > 0, `${where}.clause.quote empty`);
  }
  assert.equal(typeof line.explain, "string");
  assert.ok(line.explain.length > 0, `${where}.explain empty`);
  if (line.status === "otherYear" || line.status === "notCovered") assert.deepEqual(line.hours, exact(0), `${where}: ${line.status} gives no hours`);
  if (line.parts !== undefined) {
    assert.ok(Array.isArray(line.parts) && line.parts.length > 0, `${where}.parts`);
    let min = 0;
    let max = 0;
    for (const [i, p] of line.parts.entries()) {
      assert.deepEqual(Object.keys(p).sort(), ["hours", "subject"], `${where}.parts[${i}] keys`);
      assert.ok(["public", "professional"].includes(p.subject));
      assertRange(p.hours, `${where}.parts[${i}].hours`);
      min += cents(p.hours.min);
      max = max === null || p.hours.max === null ? null : max + cents(p.hours.max);
    }
    assert.equal(cents(line.hours.min), min, `${where}: hours.min is the sum of its parts`);
    assert.equal(line.hours.max === null ? null : cents(line.hours.max), max, `${where}: hours.max is the sum of its parts`);
  }
}

function assertHours3(h, where) {
  assert.deepEqual(Object.keys(h).sort(), ["professional", "public", "total"], `${where} keys`);
  for (const k of ["total", "public", "professional"]) {
    assert.ok(isHundredths(h[k]), `${where}.${k} ${h[k]} not rounded to 0.01`);
    assert.ok(h[k] >= 0, `${where}.${k} < 0`);
  }
}

/** A RuleSetResult as the contract writes it, lines included. */
export function assertResultShape(result, activityIds) {
  assert.deepEqual(
    Object.keys(result).sort(),
    ["applies", "compliance", "deemed", "lines", "notes", "requirement", "ruleSet", "shortfall", "title", "totals", "warnings"],
  );
  const where = result.ruleSet;
  assert.ok(RULE_SET_IDS.includes(result.ruleSet));
  assert.equal(typeof result.title, "string");
  assert.ok(result.title.length > 0);
  assert.deepEqual(Object.keys(result.applies).sort(), ["inForce", "note"]);
  assert.equal(typeof result.applies.inForce, "boolean");
  assert.equal(typeof result.applies.note, "string");
  assert.ok(Array.isArray(result.lines));
  if (activityIds) {
    assert.equal(result.lines.length, activityIds.length, `${where}: one line per activity`);
    result.lines.forEach((l, i) => assertLineShape(l, activityIds[i], `${where}.lines[${i}]`));
  } else {
    result.lines.forEach((l, i) => assertLineShape(l, undefined, `${where}.lines[${i}]`));
  }
  assert.deepEqual(Object.keys(result.totals).sort(), ["professional", "public", "total"]);
  for (const k of ["public", "professional", "total"]) assertRange(result.totals[k], `${where}.totals.${k}`);
  assertHours3(result.requirement, `${where}.requirement`);
  assert.deepEqual(Object.keys(result.deemed).sort(), ["professional", "public"]);
  assert.equal(typeof result.deemed.public, "boolean");
  assert.equal(typeof result.deemed.professional, "boolean");
  assert.ok(COMPLIANCE.includes(result.compliance), `${where}.compliance ${result.compliance}`);
  assertHours3(result.shortfall, `${where}.shortfall`);
  assert.ok(Array.isArray(result.notes));
  for (const n of result.notes) assert.equal(typeof n, "string");
  // v2: warnings name the activities, say why and cite the clause.
  assert.ok(Array.isArray(result.warnings));
  for (const w of result.warnings) {
    assert.deepEqual(Object.keys(w).sort(), ["activities", "clause", "code", "message"]);
    assert.ok(["possibleDuplicate", "capReached"].includes(w.code), `${where}: warning ${w.code}`);
    assert.ok(w.activities.length > 0 && w.activities.every((a) => typeof a === "string"));
    assert.ok(w.message.length > 0 && w.clause.ref.length > 0 && w.clause.quote.length > 0);
  }
}

/** Freezes a value and everything in it (so that any write by `evaluate` would throw). */
export function deepFreeze(value) {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
