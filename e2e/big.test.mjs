// Big inputs stay usable up to what the engine accepts (50,000 activities): lists and
// tables are drawn a page at a time and large inputs are evaluated in a worker. No test
// asserts a time (make bench measures them); these check what is drawn and computed.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, open, seed, linkTo, axe, shot } from "./harness.mjs";

const TYPICAL = JSON.parse(readFileSync(new URL("../bench/typical-year.json", import.meta.url), "utf8"));
/** `n` activities: the typical year's, repeated under ids of their own. */
const bigInput = (n) => ({ year: TYPICAL.year, activities: Array.from({ length: n }, (_, i) => ({ ...TYPICAL.activities[i % TYPICAL.activities.length], id: `x${i}` })) });

let env;
before(async () => (env = await start()));
after(async () => env?.stop());

const nodes = (page) => page.evaluate(() => document.getElementsByTagName("*").length);
const rows = (page) => page.locator("#compare-scroll tbody tr").count();
const resultsFor = (page, n, year) =>
  page.waitForFunction(([n, y]) => document.querySelector("#act-count").textContent.startsWith(String(n)) && document.querySelector("#h-results").textContent.includes(y) && document.querySelector("#results").getAttribute("aria-busy") === "false", [n, String(year)], { timeout: 60_000 });

describe("big inputs", () => {
  it("a link of 10,000 activities opens with results, a page of rows at a time, evaluated in a worker", async () => {
    const s = await open(env, { path: linkTo(bigInput(10_000)) });
    const { page } = s;
    await resultsFor(page, 10_000, 2024);
    assert.equal(await page.locator("#acts li.act").count(), 50);
    assert.equal(await rows(page), 50);
    assert.ok(await nodes(page) < 6000, `${await nodes(page)} elements`);
    assert.ok(s.requests.some((u) => u.endsWith("/worker.js")), "evaluated in the worker");
    // Every activity counts in the totals, not only the rows drawn.
    const total = await page.textContent('.doc-card[data-rule-set="taian-2022"]');
    assert.match(total, /达标/);
    // A change is evaluated again; "more" draws the next page.
    await page.fill("#year", "2023");
    await resultsFor(page, 10_000, 2023);
    await page.click('button[data-more="compare"]');
    assert.equal(await rows(page), 100);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.more), "compare", "focus stays on the button");
    // The details of a document, opened, show their first page too, with each clause.
    await page.click('details.doc-detail[data-rule-set="taian-2022"] summary');
    assert.equal(await page.locator('details.doc-detail[data-rule-set="taian-2022"] li.line').count(), 50);
    assert.deepEqual(await axe(page), []);
    await shot(page, "big-10000-1280");
    await s.done();
  });

  it("2,000 activities: editing stays a page of work, and every entry still counts", async () => {
    const s = await open(env);
    const { page } = s;
    await seed(page, bigInput(2_000));
    await resultsFor(page, 2_000, 2024);
    await page.click('#acts li.act:nth-child(2) [data-action="remove"]');
    await resultsFor(page, 1_999, 2024);
    assert.equal(await page.locator("#acts li.act").count(), 50);
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem("xueshi.input")).input.activities.length), 1_999);
    // The export holds every activity, not only the drawn ones: 5 documents × (lines + 4 summary rows) + the header.
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
    const lines = (await import("node:fs")).readFileSync(await csv.path(), "utf8").trim().split("\r\n").length;
    assert.equal(lines, 1 + 5 * (1_999 + 4));
    await s.done();
  });

  it("50,000 activities, the engine's limit, open and compute", async () => {
    const s = await open(env);
    const { page } = s;
    await seed(page, bigInput(50_000));
    await resultsFor(page, 50_000, 2024);
    assert.equal(await page.locator("#acts li.act").count(), 50);
    assert.ok(await nodes(page) < 6000, `${await nodes(page)} elements`);
    await s.done();
  });
});
