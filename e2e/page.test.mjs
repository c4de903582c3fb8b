// The calculator page end to end, in headless Chromium against dist/ on loopback.
// Every test fails on a console error, a page error, a dialog or a request off loopback.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start, open, reload, loadExample, compareTable, cell, shot, axe, DIST, SHOTS } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.stop());

/** Adds a paper through the form, as a person would. */
async function addPaper(page, { year = "2022", date = "2022-06-01", title = "装配式建筑施工质量控制研究", venue = "national", authors = "3" } = {}) {
  await page.fill("#year", year);
  await page.selectOption("#f-kind", "paper");
  await page.fill("#f-date", date);
  await page.fill("#f-title", title);
  await page.selectOption("#f-venue", venue);
  await page.fill("#f-authors", authors);
  await page.click("#act-form button[type=submit]");
}

async function engineKinds(page) {
  return page.evaluate(async () => (await import("./pkg/xueshi_calc.js")).activityKinds());
}

describe("first visit", () => {
  it("shows every document's result, from its own files only", async () => {
    const s = await open(env);
    const { page } = s;
    assert.equal(await page.locator("#summary .doc-card").count(), 5);
    assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
    assert.match(await page.textContent("h1"), /学时计算器/);
    // Every card states the requirement and a status, even before any activity.
    for (const text of await page.locator("#summary .doc-card").allTextContents()) assert.match(text, /未达标/);
    // How fast is `make bench`'s business (cold load <= 150 ms): no test asserts a time.
    // Only the page's own files: each request names a file that dist/ holds.
    for (const u of s.requests) {
      const path = new URL(u).pathname;
      assert.ok(path === "/" || existsSync(join(DIST, decodeURIComponent(path))), `unexpected request ${u}`);
    }
    await s.done();
  });

  it("the example fills a realistic year and shows the point at once", async () => {
    const s = await open(env);
    await loadExample(s.page);
    const { header, rows } = await compareTable(s.page);
    assert.deepEqual(header, ["活动", "新疆", "阿克苏", "兵团", "枣庄高新区", "泰安"]);
    assert.ok(rows.length >= 5);
    await s.done();
  });
});

describe("adding activities", () => {
  it("adds a 泰安 paper through the form and reads the credited hours and the clause", async () => {
    const s = await open(env);
    const { page } = s;
    await addPaper(page);
    await page.waitForSelector("#acts li");
    assert.match(await page.textContent("#acts li"), /装配式建筑施工质量控制研究/);
    assert.equal(await cell(page, 0, "泰安"), "41.67 学时");
    // The card for 泰安 counts it as professional hours.
    assert.match(await page.textContent('.doc-card[data-rule-set="taian-2022"]'), /专业\s*41\.67/);
    // On demand: clause, the document's words, the arithmetic.
    const detail = page.locator('details.doc-detail[data-rule-set="taian-2022"]');
    await detail.locator("summary").first().click();
    await detail.locator("details.basis summary").first().click();
    const basis = await detail.locator("details.basis").first().textContent();
    assert.match(basis, /二（三）3/);
    assert.match(basis, /按作者数均分125个学时/);
    assert.match(basis, /125 ÷ 3/);
    await s.done();
  });

  it("the form shows only the fields of the chosen kind, for every kind the engine knows", async () => {
    const s = await open(env);
    const { page } = s;
    const kinds = await engineKinds(page);
    assert.ok(kinds.length >= 24);
    const offered = await page.$$eval("#f-kind option", (os) => os.map((o) => o.value));
    assert.deepEqual([...offered].sort(), kinds.map((k) => k.kind).sort());
    for (const k of kinds) {
      await page.selectOption("#f-kind", k.kind);
      const ids = await page.$$eval("#act-form .kind-fields [id^='f-']:is(input,select)", (els) => els.map((e) => e.id.slice(2)));
      assert.deepEqual(ids.sort(), k.fields.map((f) => f.name).sort(), k.kind);
      // Every field has a visible label and a one-line hint.
      for (const f of k.fields) {
        assert.ok((await page.textContent(`label[for="f-${f.name}"]`)).trim(), `${k.kind}.${f.name} label`);
        assert.ok((await page.textContent(`#f-${f.name}-hint`)).trim(), `${k.kind}.${f.name} hint`);
      }
    }
    await page.selectOption("#f-kind", "paper");
    assert.equal(await page.textContent("#f-authors-hint"), "含本人");
    await s.done();
  });

  it("every kind can be added, and the engine takes them all", async () => {
    const s = await open(env);
    const { page } = s;
    await page.fill("#year", "2024");
    const kinds = await engineKinds(page);
    for (const k of kinds) {
      await page.selectOption("#f-kind", k.kind);
      await page.fill("#f-date", "2024-05-01");
      for (const f of k.fields) {
        const empty = (await page.$eval(`#f-${f.name}`, (e) => e.type !== "checkbox" && e.value === ""));
        if (f.required && empty) await page.fill(`#f-${f.name}`, String(f.min ?? 2));
      }
      if (k.needsTime) await page.fill("#f-hours", "8");
      // Leave and assignments take one of months, days or an end date: none is required alone.
      if (k.fields.some((f) => f.name === "end")) await page.fill("#f-months", "2");
      await page.click("#act-form button[type=submit]");
    }
    assert.equal(await page.locator("#acts li").count(), kinds.length);
    assert.equal(await page.locator("#acts .err").count(), 0);
    const { rows } = await compareTable(page);
    assert.equal(rows.length, kinds.length);
    assert.ok(await page.isHidden("#stale"));
    await s.done();
  });

  it("shows the engine's error next to the field, in the user's language", async () => {
    const s = await open(env);
    const { page } = s;
    await page.selectOption("#f-kind", "paper");
    await page.fill("#f-authors", "0");
    await page.waitForSelector("#f-authors-err:not(:empty)");
    assert.match(await page.textContent("#f-authors-err"), /应为 1 到 1000 之间的整数/);
    assert.equal(await page.getAttribute("#f-authors", "aria-invalid"), "true");
    await page.click("#act-form button[type=submit]");
    assert.equal(await page.locator("#acts li").count(), 0, "an invalid activity is not added");
    await page.click("#lang");
    await page.waitForSelector("html[lang=en]");
    assert.match(await page.textContent("#f-authors-err"), /must be a whole number from 1 to 1000/);
    // A required field left empty: lecture hours.
    await page.selectOption("#f-kind", "lecture");
    await page.click("#act-form button[type=submit]");
    assert.match(await page.textContent("#f-hours-err"), /required/);
    assert.equal(await page.evaluate(() => document.activeElement.id), "f-hours");
    // The year, an input of the page itself.
    await page.fill("#year", "1800");
    assert.match(await page.textContent("#year-err"), /1990/);
    assert.ok(await page.isVisible("#stale"));
    await page.fill("#year", "2024");
    assert.equal(await page.textContent("#year-err"), "");
    // No document chosen: the engine's ruleSets error, next to the documents.
    for (const id of ["xinjiang-2022", "aksu-2024", "bingtuan-2019", "zaozhuang-2024", "taian-2022"]) await page.uncheck(`#doc-${id}`);
    assert.match(await page.textContent("#docs-err"), /at least one/);
    await page.check("#doc-taian-2022");
    assert.equal(await page.locator("#summary .doc-card").count(), 1);
    await s.done();
  });

  it("edits, duplicates and deletes entries, with undo", async () => {
    const s = await open(env);
    const { page } = s;
    await addPaper(page);
    await page.click('#acts li [data-action="edit"]');
    assert.equal(await page.textContent("#form-title"), "编辑活动");
    assert.equal(await page.inputValue("#f-authors"), "3");
    await page.fill("#f-authors", "5");
    await page.click("#act-form button[type=submit]");
    assert.equal(await cell(page, 0, "泰安"), "25 学时");
    assert.equal(await page.textContent("#form-title"), "添加活动");
    await page.click('#acts li [data-action="duplicate"]');
    assert.equal(await page.locator("#acts li").count(), 2);
    assert.equal(await cell(page, 1, "泰安"), "25 学时");
    await page.click('#acts li:nth-child(1) [data-action="remove"]');
    assert.equal(await page.locator("#acts li").count(), 1);
    await page.click('.notice button:text("撤销")');
    assert.equal(await page.locator("#acts li").count(), 2);
    await s.done();
  });

  it("works by keyboard alone", async () => {
    const s = await open(env);
    const { page } = s;
    // Tab from the top of the page through the form, as far as each control.
    const tabTo = async (id) => {
      for (let i = 0; i < 80 && (await page.evaluate(() => document.activeElement.id)) !== id; i++) await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement.id), id);
    };
    await tabTo("f-kind");
    await tabTo("f-title");
    await page.keyboard.type("键盘录入的培训");
    await tabTo("f-hours");
    await page.keyboard.type("12");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#acts li");
    assert.match(await page.textContent("#acts li"), /键盘录入的培训/);
    // The focus ring is visible on a focused control.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, "none");
    await s.done();
  });
});

describe("results", () => {
  it("the comparison view: one paper, every document's words", async () => {
    const s = await open(env);
    const { page } = s;
    await loadExample(page);
    const { header, rows } = await compareTable(page);
    const paper = rows.findIndex((r) => r[0].includes("论文"));
    assert.ok(paper >= 0);
    assert.equal(await cell(page, paper, "泰安"), "125 学时");
    assert.equal(await cell(page, paper, "枣庄高新区"), "10 学时");
    assert.equal(await cell(page, paper, "新疆"), "待认定 最多 20");
    assert.equal(header.length, 6);
    // Status badges for lines the documents do not cover or that belong to another year.
    assert.ok((await page.locator("#compare-scroll .badge.b-notCovered").count()) > 0);
    // Totals and status per document at the foot.
    const foot = await page.$$eval("#compare-scroll tfoot tr", (trs) => trs.map((tr) => tr.cells[0].textContent));
    assert.deepEqual(foot, ["公需", "专业", "合计", "状态"]);
    await shot(page, "compare-1280");
    await s.done();
  });

  it("warns when a document is applied to a year it does not govern", async () => {
    const s = await open(env);
    const { page } = s;
    await page.fill("#year", "2024");
    assert.ok(await page.isVisible("#doc-taian-2022-warn"));
    assert.ok(await page.isHidden("#doc-aksu-2024-warn"));
    assert.match(await page.textContent('.doc-card[data-rule-set="taian-2022"]'), /不适用于 2024 年度/);
    await page.fill("#year", "2022");
    assert.ok(await page.isHidden("#doc-taian-2022-warn"));
    await s.done();
  });

  it("prints a clean report per document", async () => {
    const s = await open(env);
    const { page } = s;
    await loadExample(page);
    await page.emulateMedia({ media: "print" });
    await page.waitForSelector("#print-report .print-doc");
    assert.equal(await page.locator("#print-report .print-doc").count(), 5);
    assert.ok(await page.isHidden("main"));
    assert.match(await page.textContent("#print-report"), /二（三）3/);
    await page.pdf({ path: join(SHOTS, "report.pdf"), format: "A4" });
    await s.done();
  });
});

describe("keeping and sharing", () => {
  it("reload keeps the entries", async () => {
    const s = await open(env);
    const { page } = s;
    await addPaper(page);
    await reload(page);
    assert.equal(await page.locator("#acts li").count(), 1);
    assert.equal(await page.inputValue("#year"), "2022");
    assert.equal(await cell(page, 0, "泰安"), "41.67 学时");
    await s.done();
  });

  it("the share link round trip restores the whole input", async () => {
    const s = await open(env);
    const { page } = s;
    await loadExample(page);
    await page.uncheck("#doc-bingtuan-2019");
    await page.click("#copy-link");
    const link = await page.inputValue("#share-url");
    assert.ok(link.startsWith(env.url + "#v1="), link);
    const input = JSON.parse(Buffer.from(link.split("#v1=")[1], "base64url").toString("utf8"));
    assert.equal(input.year, 2024);
    assert.deepEqual(input.ruleSets, ["xinjiang-2022", "aksu-2024", "zaozhuang-2024", "taian-2022"]);
    const before = await compareTable(page);

    const t = await open(env, { path: link.slice(env.url.length) });
    assert.equal(await t.page.locator("#acts li").count(), input.activities.length);
    assert.deepEqual(await compareTable(t.page), before);
    assert.ok(!env.served.some((u) => u.includes("v1=")), "the fragment never reaches the server");
    // Someone's input, until saved as mine; then the fragment goes and a reload keeps it.
    assert.ok(await t.page.isVisible("#link-banner"));
    await t.page.click('#link-banner button:text("保存为我的")');
    assert.equal(new URL(t.page.url()).hash, "", "the fragment is dropped once saved");
    await reload(t.page);
    assert.ok(await t.page.isHidden("#link-banner"));
    assert.equal(await t.page.locator("#acts li").count(), input.activities.length);
    await t.done();

    // A broken link is reported and changes nothing.
    const u = await open(env, { path: "#v1=!!notbase64" });
    assert.match(await u.page.textContent("#notices"), /链接中的数据无法读取/);
    await u.done();
    await s.done();
  });

  it("survives corrupt localStorage and offers the unreadable text", async () => {
    const s = await open(env);
    const { page } = s;
    const junk = '{"format":"xueshi-input","version":1,"input":{"year":20';
    await page.evaluate((j) => localStorage.setItem("xueshi.input", j), junk);
    await reload(page);
    const notice = page.locator("#notices .notice.n-error");
    assert.match(await notice.textContent(), /无法读取/);
    assert.equal(await page.locator("#summary .doc-card").count(), 5, "starts clean and works");
    const [download] = await Promise.all([page.waitForEvent("download"), notice.locator('button:text("下载")').click()]);
    assert.equal(await readFile(await download.path(), "utf8"), junk);
    // Working on does not throw the unreadable text away: it is offered again after a reload.
    await addPaper(page);
    await reload(page);
    assert.equal(await page.locator("#acts li").count(), 1);
    assert.match(await page.textContent("#notices"), /无法读取/);
    await s.done();
  });

  it("saved input the engine rejects: the error sits on the entry and field it names, and editing fixes it", async () => {
    const s = await open(env);
    const { page } = s;
    const input = { year: 2022, activities: [
      { id: "a1", kind: "training", date: "2022-03-01", hours: 8 },
      { id: "a2", kind: "paper", date: "2022-04-01", title: "作者数写错的论文", venue: "national", authors: 0 },
    ] };
    await page.evaluate((i) => localStorage.setItem("xueshi.input", JSON.stringify({ format: "xueshi-input", version: 1, input: i })), input);
    await reload(page);
    assert.equal(await page.locator("#acts li").count(), 2, "nothing is dropped");
    assert.match(await page.textContent("#acts li:nth-child(2) .err"), /作者人数：应为 1 到 1000 之间的整数/);
    assert.equal(await page.locator("#acts li:nth-child(1) .err").count(), 0);
    assert.ok(await page.isVisible("#stale"));
    await page.click('#acts li:nth-child(2) [data-action="edit"]');
    assert.match(await page.textContent("#f-authors-err"), /应为 1 到 1000/);
    await page.fill("#f-authors", "2");
    await page.click("#act-form button[type=submit]");
    assert.ok(await page.isHidden("#stale"));
    assert.equal(await cell(page, 1, "泰安"), "62.5 学时");
    // The change is announced politely to screen readers.
    await page.waitForFunction(() => document.querySelector("#announce").textContent.includes("结果已更新"));
    assert.equal(await page.getAttribute("#announce", "aria-live"), "polite");
    await s.done();
  });

  it("exports and imports the input as JSON, and the results as CSV with a BOM", async () => {
    const s = await open(env);
    const { page } = s;
    await loadExample(page);
    const [json] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
    const file = JSON.parse(await readFile(await json.path(), "utf8"));
    assert.equal(file.format, "xueshi-input");
    assert.equal(file.version, 2);
    assert.equal(file.input.activities.length, await page.locator("#acts li").count());
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
    const bytes = await readFile(await csv.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    assert.match(text, /泰安/);
    assert.match(text, /125/);

    const t = await open(env);
    const dir = await mkdtemp(join(tmpdir(), "xueshi-"));
    const path = join(dir, "input.json");
    await writeFile(path, JSON.stringify(file));
    await importFile(t.page, path);
    assert.equal(await t.page.locator("#acts li").count(), file.input.activities.length);
    // A bare contract Input is accepted too.
    await writeFile(path, JSON.stringify({ year: 2022, activities: [{ id: "x", kind: "paper", date: "2022-03-01", venue: "provincial", authors: 2 }] }));
    await importFile(t.page, path);
    assert.equal(await t.page.locator("#acts li").count(), 1);
    assert.equal(await cell(t.page, 0, "泰安"), "25 学时");
    await t.done();
    await s.done();
  });

  it("CSV cells that a spreadsheet would run as formulas are defused, NULs dropped", async () => {
    const s = await open(env);
    const { page } = s;
    const titles = ["=HYPERLINK(\"http://x\")", " +1", "\t-2", "\u0001@SUM(A1)", "＝１＋１", "－3", "＋4", "＠5", "\r=6", "a\u0000b=c", "plain - text"];
    const input = { year: 2022, activities: titles.map((title, i) => ({ id: `c${i}`, kind: "training", date: "2022-03-01", hours: 1, title })) };
    await page.evaluate((i) => localStorage.setItem("xueshi.input", JSON.stringify({ format: "xueshi-input", version: 1, input: i })), input);
    await reload(page);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
    const text = await readFile(await csv.path(), "utf8");
    assert.ok(!text.includes("\u0000"), "no NUL");
    for (const title of titles.slice(0, -2)) assert.ok(text.includes(`"'${title.replace(/"/g, '""')}"`), `defused: ${JSON.stringify(title)}`);
    assert.ok(text.includes('"ab=c"'), "NUL removed, not a formula");
    assert.ok(text.includes('"plain - text"'), "ordinary text untouched");
    await s.done();
  });

  it("share links work with base64 padding as well as without", async () => {
    const input = { year: 2022, activities: [{ id: "p", kind: "paper", date: "2022-03-01", venue: "national", authors: 3, title: "带填充的链接" }] };
    let b64 = Buffer.from(JSON.stringify(input)).toString("base64url");
    while (b64.length % 4) b64 += "=";
    assert.match(b64, /=$/, "the test needs a link that has padding");
    for (const fragment of [b64, b64.replace(/=/g, "%3D"), b64.replace(/=+$/, "")]) {
      const s = await open(env, { path: `#v1=${fragment}` });
      assert.equal(await cell(s.page, 0, "泰安"), "41.67 学时", fragment.slice(-6));
      await s.done();
    }
  });

  it("refuses bad imports clearly and loses none of the current entries", async () => {
    const s = await open(env);
    const { page } = s;
    await loadExample(page);
    const count = await page.locator("#acts li").count();
    const dir = await mkdtemp(join(tmpdir(), "xueshi-"));
    const cases = [
      ["malformed.json", '{"year": 2024, "activities": [', /不是有效的 JSON/],
      ["shape.json", JSON.stringify({ hello: "world" }), /不是学时计算器的输入/],
      ["array.json", "[1,2,3]", /不是学时计算器的输入/],
      ["future.json", JSON.stringify({ format: "xueshi-input", version: 3, input: { year: 2024, activities: [] } }), /更新的版本/],
      ["invalid.json", JSON.stringify({ year: 2024, activities: [{ id: "a", kind: "paper", date: "2024-01-01", venue: "national", authors: 0 }] }), /第 1 项活动 · 作者人数：应为 1 到 1000/],
      ["unknown.json", JSON.stringify({ year: 2024, activities: [{ id: "a", kind: "poem", date: "2024-01-01" }] }), /未知的活动类型/],
    ];
    for (const [name, text, message] of cases) {
      const path = join(dir, name);
      await writeFile(path, text);
      await importFile(page, path);
      assert.match(await page.textContent("#tools-notices .n-error"), message, name);
      assert.equal(await page.locator("#acts li").count(), count, name);
    }
    // 50 MB: refused before it is read.
    const big = join(dir, "big.json");
    await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 32));
    await importFile(page, big);
    assert.match(await page.textContent("#tools-notices .n-error"), /文件过大（50 MB）/);
    assert.equal(await page.locator("#acts li").count(), count);
    await reload(page);
    assert.equal(await page.locator("#acts li").count(), count);
    await s.done();
  });
});

async function importFile(page, path) {
  await page.$$eval("#tools-notices .notice", (ns) => ns.forEach((n) => n.remove()));
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#import-json")]);
  await chooser.setFiles(path);
  await page.waitForFunction(() => document.querySelector("#tools-notices .notice"));
}

describe("language", () => {
  it("switches to English and remembers it", async () => {
    const s = await open(env);
    const { page } = s;
    await loadExample(page);
    await page.click("#lang");
    await page.waitForSelector("html[lang=en]"); // English loads when first chosen
    assert.match(await page.textContent("h1"), /Continuing-education hours/);
    assert.match(await page.textContent("#summary"), /Public|Professional|Total/);
    const { header } = await compareTable(page);
    assert.equal(header[0], "Activity");
    assert.ok((await page.$$eval("#f-kind option", (os) => os.map((o) => o.textContent))).includes("Paper"));
    await reload(page);
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.textContent("#lang"), "中文");
    await page.click("#lang");
    await page.waitForSelector("html[lang=zh-CN]");
    await s.done();
  });
});

describe("quality", () => {
  it("375 px: no horizontal scroll; screenshots at 375 and 1280 px", async () => {
    for (const width of [375, 1280]) {
      for (const lang of ["zh", "en"]) {
        const s = await open(env, { width, height: 800, lang });
        const { page } = s;
        const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(await sideways(), 0, `${width}px ${lang}: the empty page scrolls sideways`);
        await loadExample(page);
        await page.click('details.doc-detail[data-rule-set="taian-2022"] summary');
        await page.click('details.doc-detail[data-rule-set="taian-2022"] details.basis summary');
        const overflow = await sideways();
        assert.equal(overflow, 0, `${width}px ${lang}: page scrolls sideways by ${overflow}px`);
        await shot(page, `page-${width}-${lang}`);
        await s.done();
      }
    }
  });

  it("axe-core finds no violations (empty, full, with errors, in both languages)", async () => {
    const s = await open(env);
    const { page } = s;
    assert.deepEqual(await axe(page), [], "empty page");
    await loadExample(page);
    for (const d of await page.locator("details").all()) await d.evaluate((e) => (e.open = true));
    assert.deepEqual(await axe(page), [], "example, all details open");
    await page.selectOption("#f-kind", "paper");
    await page.fill("#f-authors", "0");
    await page.fill("#year", "1800");
    assert.deepEqual(await axe(page), [], "with errors");
    await page.fill("#year", "2024");
    await page.click("#lang");
    await page.waitForSelector("html[lang=en]");
    assert.deepEqual(await axe(page), [], "English");
    await s.done();
  });

  it("user text stays text, never HTML", async () => {
    const s = await open(env);
    const { page } = s;
    const evil = "<img src=x onerror=alert(1)>";
    await addPaper(page, { title: evil });
    await page.waitForSelector("#acts li");
    assert.equal(await page.locator("#acts li .act-name").textContent(), evil);
    assert.equal(await page.locator("main img, #print-report img").count(), 0);
    const { rows } = await compareTable(page);
    assert.ok(rows[0][0].includes(evil));
    // Also through a share link and an import.
    await page.click("#copy-link");
    const link = await page.inputValue("#share-url");
    const t = await open(env, { path: link.slice(env.url.length) });
    assert.equal(await t.page.locator("#acts li .act-name").textContent(), evil);
    assert.equal(await t.page.locator("main img").count(), 0);
    await t.done();
    await s.done();
  });

  it("the page declares a strict Content-Security-Policy and uses no inline script or style", async () => {
    const s = await open(env);
    const { page } = s;
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(csp, /style-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|https?:/);
    const html = await readFile(join(DIST, "index.html"), "utf8");
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline script");
    assert.doesNotMatch(html, /\sstyle=|\son\w+=/, "no inline style or handler");
    await loadExample(page);
    assert.equal(await page.locator("[style]:not(.fill):not(.maybe)").count(), 0);
    await s.done();
  });
});

describe("on a phone", () => {
  const PHONE = { width: 375, height: 740 };
  const inView = (page, selector) =>
    page.$eval(selector, (e) => {
      const r = e.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
    });

  it("confirmations appear where the user acted, not at the top", async () => {
    const s = await open(env, PHONE);
    const { page } = s;
    await addPaper(page);
    assert.match(await page.textContent("#form-notices"), /已添加/);
    assert.ok(await inView(page, "#form-notices .notice"), "the confirmation of the form is in view");
    await loadExample(page);
    assert.match(await page.textContent("#acts-notices"), /已载入示例/);
    await page.click('#acts li.act:nth-child(3) [data-action="remove"]');
    const note = page.locator("#acts li.act:nth-child(2) .notice");
    assert.match(await note.textContent(), /已删除/);
    assert.ok(await inView(page, "#acts li.act:nth-child(2) .notice"), "the confirmation of a removal is where the entry was");
    assert.equal(await page.locator("#notices .notice").count(), 0, "nothing at the top");
    assert.deepEqual(await axe(page), []);
    await shot(page, "notice-in-place-375");
    await s.done();
  });

  it("every activity shows its hours; an untitled one names its kind once", async () => {
    const s = await open(env, PHONE);
    const { page } = s;
    await loadExample(page);
    const paper = page.locator("#acts li.act", { hasText: "基于 BIM" });
    assert.equal((await paper.locator(".act-hours").textContent()).replace(/\s+/g, ""), "125学时（泰安）");
    assert.ok(await page.isVisible("#hours-hint"));
    await page.selectOption("#f-kind", "training");
    await page.fill("#f-hours", "8");
    await page.click("#f-submit");
    const last = page.locator("#acts li.act").last();
    assert.equal(await last.locator(".act-title").textContent(), "培训（面授、远程）");
    assert.equal(await last.locator(".kind-chip").count(), 0);
    const { rows } = await compareTable(page);
    assert.equal(rows.at(-1)[0].split("培训（面授、远程）").length, 2, `the kind once in the table: ${rows.at(-1)[0]}`);
    await s.done();
  });

  it("a loading state, not a blank page, while the engine loads", async () => {
    const s = await open(env, PHONE);
    const { page, context } = s;
    let release;
    const held = new Promise((ok) => (release = ok));
    await context.route("**/*.wasm", async (route) => (await held, route.fallback()));
    await page.goto(env.url);
    await page.waitForSelector("#loading", { state: "visible" });
    assert.match(await page.textContent("#loading"), /正在加载计算引擎/);
    await shot(page, "loading-375");
    release();
    await page.waitForSelector("body.ready");
    assert.ok(await page.isHidden("#loading"));
    await s.done();
  });

  it("after 删除 the focus goes to the next entry, else the previous, else the add button", async () => {
    const s = await open(env, PHONE);
    const { page } = s;
    for (const title of ["一", "二", "三"]) await addPaper(page, { title });
    const focused = () => page.evaluate(() => document.activeElement.getAttribute("aria-label") ?? document.activeElement.id);
    await page.click('#acts li.act:nth-child(2) [data-action="remove"]');
    assert.equal(await focused(), "删除：三");
    await page.click('#acts li.act:nth-child(2) [data-action="remove"]');
    assert.equal(await focused(), "删除：一");
    await page.click('#acts li.act [data-action="remove"]');
    assert.equal(await focused(), "f-submit");
    await s.done();
  });

  it("a table wider than the screen shows a shade and a hint", async () => {
    const s = await open(env, PHONE);
    const { page } = s;
    await loadExample(page);
    await page.locator("#compare-section").scrollIntoViewIfNeeded();
    await page.waitForSelector("#compare-wrap.wide:not(.at-end)");
    assert.match(await page.textContent("#wide-hint"), /左右滑动/);
    assert.equal(await page.$eval("#compare-wrap", (e) => getComputedStyle(e, "::after").content), '""');
    await shot(page, "wide-table-375");
    await page.$eval("#compare-scroll", (e) => (e.scrollLeft = e.scrollWidth));
    await page.waitForSelector("#compare-wrap.at-end");
    await s.done();
    const w = await open(env);
    await loadExample(w.page);
    assert.ok(await w.page.isHidden("#wide-hint"), "no hint when the table fits");
    await w.done();
  });

  it("keeps each chosen document's total / requirement and status in view while entering", async () => {
    const s = await open(env, PHONE);
    const { page } = s;
    await loadExample(page);
    await page.uncheck("#doc-bingtuan-2019");
    await page.locator("#f-title").scrollIntoViewIfNeeded();
    const mini = await page.$eval("#mini", (e) => ({ bottom: Math.round(e.getBoundingClientRect().bottom), text: e.textContent, docs: e.querySelectorAll(".mini-doc").length }));
    assert.equal(mini.bottom, 740, "stuck to the bottom of the screen");
    assert.equal(mini.docs, 4, "the chosen documents only");
    assert.match(mini.text, /泰安 \d+(\.\d+)?\+?\/90 (达标|可能达标|未达标)/);
    await shot(page, "summary-sticky-375");
    await s.done();
    const w = await open(env);
    assert.ok(await w.page.isHidden("#mini"), "beside the results on a wide screen: not needed");
    await w.done();
  });

  it("no document ticked: says what it means", async () => {
    const s = await open(env, PHONE);
    const { page } = s;
    for (const id of ["xinjiang-2022", "aksu-2024", "bingtuan-2019", "zaozhuang-2024", "taian-2022"]) await page.uncheck(`#doc-${id}`);
    const msg = await page.textContent("#docs-err");
    assert.match(msg, /没有勾选任何文件/);
    assert.doesNotMatch(msg, /不填则全部/);
    await s.done();
  });
});
