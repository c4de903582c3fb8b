// Embedding in a portal: a host page on another origin (its own server, with a strict
// CSP) loads two themed <xueshi-calculator> elements and the iframe of embed.js from the
// xueshi server, and receives their results; messages from a third origin are ignored.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { DIST, ARGS, SHOTS, shot, axe, watch } from "./harness.mjs";
import { serve } from "../scripts/serve.mjs";

// 泰安 二（三）3: a national journal paper, 125 学时 shared by its 3 authors = 41.67.
const PAPER = { activities: [{ id: "p1", kind: "paper", date: "2022-03-01", venue: "national", authors: 3 }] };
// 泰安 二（三）3 again, a sole author: 125. Sent from the wrong origin, it must not count.
const SOLE = { year: 2022, activities: [{ id: "s1", kind: "paper", date: "2022-03-01", venue: "national", authors: 1 }] };
// 枣庄 附件第3条: "每项（篇、本）计10学时，每年累计不超过30学时".
const works = (n) => ({ activities: ["paper", "patent", "award", "softwareCopyright"].slice(0, n).map((kind, i) => ({ id: `w${i}`, kind, date: "2024-05-01", ...{ paper: { venue: "national", authors: 1 }, patent: { type: "invention" }, award: { level: "city" }, softwareCopyright: {} }[kind] })) });

let xueshi; // dist/ with CORS, as a portal would load it from xueshi's own server
let portal;
let stranger; // a third origin
let dir;
let browser;

const originOf = (server) => `http://127.0.0.1:${server.address().port}`;

before(async () => {
  xueshi = await serve(DIST, 0, { cors: true });
  stranger = await serve(DIST, 0);
  const X = originOf(xueshi);
  const S = originOf(stranger);
  dir = await mkdtemp(join(tmpdir(), "xueshi-portal-"));
  await writeFile(join(dir, "index.html"), `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' ${X} 'wasm-unsafe-eval'; connect-src ${X}; style-src 'self'; img-src ${X}; frame-src ${X} ${S}">
<title>继续教育学时申报 · 门户</title>
<link rel="stylesheet" href="portal.css">
<script src="portal.js"></script>
<script type="module" src="${X}/xueshi-calculator.js"></script>
</head>
<body>
<main>
<h1>学时申报</h1>
<button type="button" class="btn primary" id="own">门户自己的按钮</button>
<h2>泰安（完整）</h2>
<xueshi-calculator id="c1" year="2022" rule-sets="taian-2022"></xueshi-calculator>
<h2>Zaozhuang (compact)</h2>
<xueshi-calculator id="c2" year="2024" rule-sets="zaozhuang-2024" lang="en" compact></xueshi-calculator>
<h2>iframe</h2>
<script src="${X}/embed.js" data-year="2022" data-rule-sets="taian-2022" data-lang="zh" data-accent="#8a1b4f"></script>
<iframe id="stranger" title="另一个来源" src="${S}/favicon.svg"></iframe>
</main>
</body>
</html>
`);
  // The portal's own rules: they must not reach inside the component.
  await writeFile(join(dir, "portal.css"), `
body { font-family: serif; margin: 12px; }
.card, .doc-card { display: none !important; }
p { color: rgb(255, 0, 0) !important; }
#c1 { --xueshi-accent: rgb(10, 127, 90); --xueshi-radius: 2px; }
#c2 { --xueshi-accent: rgb(138, 27, 79); --xueshi-font: Georgia, serif; }
#c2::part(card) { outline: 3px solid rgb(1, 2, 3); }
iframe#stranger { width: 10px; height: 10px; border: 0; }
`);
  await writeFile(join(dir, "portal.js"), `
window.__reports = [];
document.addEventListener("xueshi-report", (e) => window.__reports.push({
  from: e.target.id || e.target.className, bubbles: e.bubbles, year: e.detail.year,
  totals: Object.fromEntries(e.detail.results.map((r) => [r.ruleSet, r.totals.total.min])),
}));
`);
  portal = await serve(dir, 0);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ARGS });
});

after(async () => {
  await browser?.close();
  for (const s of [xueshi, portal, stranger]) s && (await new Promise((ok) => s.close(ok)));
  await rm(dir, { recursive: true, force: true });
});

const reports = (page, from) => page.evaluate((f) => window.__reports.filter((r) => r.from === f), from);
/** Waits for a report from `from` whose `ruleSet` total is `total`. */
const reportWith = (page, from, ruleSet, total) =>
  page.waitForFunction(([f, id, t]) => window.__reports.some((r) => r.from === f && r.totals[id] === t), [from, ruleSet, total], { timeout: 15_000 });
/** The text of a selector inside a component's shadow root. */
const inside = (page, id, selector) => page.evaluate(([i, s]) => document.getElementById(i).shadowRoot.querySelector(s)?.textContent ?? null, [id, selector]);
const styleInside = (page, id, selector, prop) => page.evaluate(([i, s, p]) => getComputedStyle(document.getElementById(i).shadowRoot.querySelector(s))[p], [id, selector, prop]);

async function openPortal(width) {
  const s = await watch(browser, { width, height: 900 });
  await s.page.goto(`${originOf(portal)}/`);
  await s.page.waitForFunction(() => document.getElementById("c1").report && document.getElementById("c2").report);
  return s;
}

describe("a portal on another origin", () => {
  it("two web components work independently, each in its language, and report every change", async () => {
    const s = await openPortal(1280);
    const { page } = s;
    await page.evaluate((p) => (document.getElementById("c1").input = p), PAPER);
    await reportWith(page, "c1", "taian-2022", 41.67);
    await page.evaluate((w) => (document.getElementById("c2").input = w), works(1));
    await reportWith(page, "c2", "zaozhuang-2024", 10);
    await page.evaluate((w) => (document.getElementById("c2").input = w), works(4));
    await reportWith(page, "c2", "zaozhuang-2024", 30); // 4 × 10, capped at 30 a year
    const c1 = await reports(page, "c1");
    assert.ok(c1.every((r) => r.bubbles && r.year === 2022 && Object.keys(r.totals).join() === "taian-2022"), JSON.stringify(c1));
    assert.equal(c1.at(-1).totals["taian-2022"], 41.67, "c2's changes left c1 alone");
    // What each shows, in its own language.
    assert.match(await inside(page, "c1", '.doc-card[data-rule-set="taian-2022"]'), /专业\s*41\.67/);
    assert.match(await inside(page, "c2", ".doc-card"), /Professional\s*30/);
    assert.equal(await page.evaluate(() => document.getElementById("c2").shadowRoot.querySelector("form")), null, "compact: results only");
    assert.match(await inside(page, "c1", "#form-title"), /添加活动/);
    // Attributes change what it shows: the language, then the year.
    await page.evaluate(() => document.getElementById("c2").setAttribute("lang", "zh"));
    await page.waitForFunction(() => /专业\s*30/.test(document.getElementById("c2").shadowRoot.querySelector(".doc-card")?.textContent));
    await page.evaluate(() => document.getElementById("c2").setAttribute("year", "2023"));
    await page.waitForFunction(() => window.__reports.some((r) => r.from === "c2" && r.year === 2023));
    assert.match(await inside(page, "c1", '.doc-card[data-rule-set="taian-2022"]'), /专业\s*41\.67/, "c1 unchanged");
    // The input property reads back in evaluate's shape, attributes filled in.
    assert.deepEqual(await page.evaluate(() => document.getElementById("c1").input), { year: 2022, ruleSets: ["taian-2022"], ...PAPER });
    await s.done();
  });

  it("a refused input is said in the component and sent as xueshi-error, naming the field", async () => {
    const s = await openPortal(1280);
    const { page } = s;
    const detail = await page.evaluate(() => new Promise((resolve) => {
      const c1 = document.getElementById("c1");
      c1.addEventListener("xueshi-error", (e) => resolve({ ...e.detail, bubbles: e.bubbles, composed: e.composed }), { once: true });
      c1.input = { activities: [{ id: "x", kind: "paper", date: "2022-03-01", venue: "national", authors: 0 }] };
    }));
    assert.equal(detail.path, "activities[0].authors");
    assert.equal(detail.code, "invalidInput");
    assert.ok(detail.bubbles && detail.composed && detail.messageZh && detail.message);
    const shown = await inside(page, "c1", '[part="error"]');
    assert.match(shown, /第 1 项.*作者人数/);
    assert.ok(!/[A-Za-z]{4,}/.test(shown.replace(/activities/g, "")), `Chinese only: ${shown}`);
    await s.done();
  });

  it("the form inside a component adds an activity and reports it", async () => {
    const s = await openPortal(1280);
    const { page } = s;
    const form = page.locator("#c1 #act-form"); // Playwright's CSS pierces open shadow roots
    await form.locator("#f-kind").selectOption("paper");
    await form.locator("#f-date").fill("2022-06-01");
    await form.locator("#f-venue").selectOption("national");
    await form.locator("#f-authors").fill("3");
    await form.locator("#f-submit").click();
    await reportWith(page, "c1", "taian-2022", 41.67);
    assert.equal(await page.locator("#c1 #acts li.act").count(), 1);
    await s.done();
  });

  it("is themed by custom properties and ::part, and no CSS crosses the shadow boundary", async () => {
    const s = await openPortal(1280);
    const { page } = s;
    assert.equal(await styleInside(page, "c1", "#f-submit", "backgroundColor"), "rgb(10, 127, 90)");
    assert.equal(await styleInside(page, "c1", ".doc-card", "borderTopLeftRadius"), "2px");
    assert.notEqual(await styleInside(page, "c1", ".doc-card", "display"), "none", "the portal's .doc-card rule stays outside");
    assert.notEqual(await styleInside(page, "c1", ".gap", "color"), "rgb(255, 0, 0)", "the portal's p rule stays outside");
    assert.equal(await styleInside(page, "c2", ".doc-card", "outlineColor"), "rgb(1, 2, 3)");
    assert.match(await styleInside(page, "c2", ".doc-card", "fontFamily"), /Georgia/);
    const own = await page.evaluate(() => getComputedStyle(document.getElementById("own")).backgroundColor);
    assert.notEqual(own, "rgb(27, 79, 138)", "the page's .btn.primary stays inside");
    assert.deepEqual(await axe(page), []);
    await s.done();
  });

  it("the iframe: sized to its content, relays results, takes setInput, ignores other origins", async () => {
    const s = await openPortal(1280);
    const { page } = s;
    const frame = page.locator("iframe.xueshi-embed");
    await frame.scrollIntoViewIfNeeded(); // a cross-origin frame out of view is not rendered
    await page.waitForFunction(() => window.__reports.some((r) => r.from === "xueshi-embed"));
    // The frame follows its content (which grows once the form is built after the first result).
    let height;
    let content;
    for (let i = 0; i < 50; i++) {
      height = await page.evaluate(() => parseFloat(document.querySelector("iframe.xueshi-embed").style.height));
      content = await page.frameLocator("iframe.xueshi-embed").locator("html").evaluate((h) => h.getBoundingClientRect().height);
      if (Math.abs(height - content) <= 1 && content > 480) break;
      await page.waitForTimeout(100);
    }
    assert.ok(Math.abs(height - content) <= 1 && content > 480, `frame ${height}px, content ${content}px`);

    // A third origin posts look-alike messages to both sides.
    const evil = page.frames().find((f) => f.url().startsWith(originOf(stranger)));
    await evil.evaluate((sole) => {
      parent.postMessage({ type: "xueshi:report", v: 1, report: { year: 1999, results: [] } }, "*");
      parent.postMessage({ type: "xueshi:resize", v: 1, height: 7 }, "*");
      parent.frames[0].postMessage({ type: "xueshi:setInput", v: 1, input: sole }, "*");
    }, SOLE);
    // The host page itself, with a version the frame does not speak.
    await page.evaluate((sole) => document.querySelector("iframe.xueshi-embed").contentWindow.postMessage({ type: "xueshi:setInput", v: 2, input: sole }, "*"), SOLE);
    // Then the real thing, after them.
    await page.evaluate((p) => document.querySelector("iframe.xueshi-embed").xueshiSetInput({ year: 2022, ...p }), PAPER);
    await reportWith(page, "xueshi-embed", "taian-2022", 41.67);
    const all = await page.evaluate(() => window.__reports);
    assert.ok(!all.some((r) => r.year === 1999), "a report from another origin was relayed");
    assert.ok(!all.some((r) => r.totals["taian-2022"] === 125), "a setInput from another origin or version was obeyed");
    assert.notEqual(await page.evaluate(() => document.querySelector("iframe.xueshi-embed").style.height), "7px");
    const inFrame = page.frameLocator("iframe.xueshi-embed");
    assert.match(await inFrame.locator('.doc-card[data-rule-set="taian-2022"]').textContent(), /专业\s*41\.67/);
    assert.equal(await inFrame.locator("#f-submit").evaluate((b) => getComputedStyle(b).backgroundColor), "rgb(138, 27, 79)", "data-accent");
    await s.done();
  });

  it("takes a rule set document the portal loads (the full engine, fetched then)", async () => {
    const { default: init, exportRuleSet } = await import("../pkg/xueshi.js");
    await init({ module_or_path: await readFile(join(DIST, "pkg", "xueshi_bg.wasm")) });
    const doc = { ...exportRuleSet("taian-2022"), id: "taian-copy" }; // the contract: same results under another id
    const s = await openPortal(1280);
    const { page } = s;
    const info = await page.evaluate((d) => customElements.get("xueshi-calculator").loadRuleSet(d), doc);
    assert.equal(info.id, "taian-copy");
    await page.evaluate((p) => {
      const c1 = document.getElementById("c1");
      c1.setAttribute("rule-sets", "taian-copy");
      c1.input = p;
    }, PAPER);
    await reportWith(page, "c1", "taian-copy", 41.67);
    await page.waitForFunction(() => document.getElementById("c1").shadowRoot.querySelector("#f-submit")); // the form, rebuilt
    await s.done();
  });

  for (const width of [375, 1280]) {
    it(`looks right at ${width} px`, async () => {
      const s = await openPortal(width);
      const { page } = s;
      await page.evaluate((p) => (document.getElementById("c1").input = p), PAPER);
      await page.evaluate((w) => (document.getElementById("c2").input = w), works(4));
      const frame = page.locator("iframe.xueshi-embed");
      await frame.scrollIntoViewIfNeeded();
      await page.evaluate((p) => document.querySelector("iframe.xueshi-embed").xueshiSetInput({ year: 2022, ...p }), PAPER);
      await reportWith(page, "xueshi-embed", "taian-2022", 41.67);
      await page.waitForFunction(() => document.querySelector("iframe.xueshi-embed").style.height !== "480px");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the portal scrolls sideways by ${overflow}px`);
      await frame.scrollIntoViewIfNeeded();
      await frame.screenshot({ path: join(SHOTS, `embed-iframe-${width}.png`) }); // a full-page shot leaves a frame out of view blank
      await page.evaluate(() => scrollTo(0, 0));
      await shot(page, `embed-portal-${width}`);
      await s.done();
    });
  }
});
