// Shared set-up for the end-to-end tests: dist/ served on loopback, headless Chromium,
// and a page that fails the test on any console error, page error or request that
// leaves the page's own origin.

import { chromium } from "playwright-core";
import { mkdirSync, existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";
import assert from "node:assert/strict";
import { serve } from "../scripts/serve.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = resolve(ROOT, process.env.XUESHI_DIST ?? "dist");
export const SHOTS = join(ROOT, "target", "screenshots");
mkdirSync(SHOTS, { recursive: true });

export const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN"];

/** Starts the server and the browser once per test file. */
export async function start() {
  assert.ok(existsSync(join(DIST, "index.html")) && existsSync(join(DIST, "pkg", "xueshi.js")), `${DIST} is not built: run 'make dist' first`);
  const server = await serve(DIST, 0);
  const served = []; // every URL the server was asked for, as the server saw it
  server.on("request", (req) => served.push(req.url));
  const origin = `http://127.0.0.1:${server.address().port}`;
  // launch() gives every run a fresh temporary profile of its own.
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ARGS });
  return {
    origin,
    url: `${origin}/`,
    browser,
    served,
    async stop() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * A fresh context (own storage) and page, watched. Call `done()` at the end of the test:
 * it asserts that nothing went wrong and closes the context.
 */
export async function open(env, { width = 1280, height = 900, path = "", lang, contextOptions = {} } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: "zh-CN", ...contextOptions });
  const problems = [];
  const requests = [];
  await context.route("**/*", (route) => {
    const u = route.request().url();
    requests.push(u);
    if (u.startsWith(env.origin + "/") || u.startsWith("data:") || u.startsWith("blob:")) return route.continue();
    problems.push(`request left loopback: ${u}`);
    return route.abort();
  });
  if (lang) await context.addInitScript((l) => localStorage.getItem("xueshi.lang") ?? localStorage.setItem("xueshi.lang", l), lang);
  context.setDefaultTimeout(5000);
  const watched = async (where) => {
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console error: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("dialog", (d) => {
      problems.push(`dialog opened: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
    if (where !== null) await goto(page, env.url + where);
    return page;
  };
  const page = await watched(path);
  return {
    page,
    context,
    problems,
    requests,
    /** Another tab of the same browser (same storage), watched the same way; `null`: not navigated yet. */
    another: (where = "") => watched(where),
    async done() {
      await context.close();
      assert.deepEqual(problems, [], "console errors, page errors, dialogs or requests off loopback");
    },
  };
}

/** Navigates and waits until the first result is on screen. */
export async function goto(page, url) {
  await page.goto(url);
  await page.waitForSelector("body.ready");
}

export async function reload(page) {
  await page.reload();
  await page.waitForSelector("body.ready");
}

export async function loadExample(page) {
  await page.click("#example");
  await page.waitForSelector("#acts li");
}

/** Texts of the comparison table: { header: [...], rows: [[activity, cell, ...]] }. */
export async function compareTable(page) {
  return page.$eval("#compare-scroll table", (table) => ({
    header: [...table.tHead.rows[0].cells].map((c) => c.textContent.trim()),
    rows: [...table.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent.replace(/\s+/g, " ").trim())),
  }));
}

/** The cell of the comparison table for the activity `row` (0-based) under the document named `doc`. */
export async function cell(page, row, doc) {
  const { header, rows } = await compareTable(page);
  const col = header.indexOf(doc);
  assert.ok(col > 0, `no column ${doc} in ${header}`);
  return rows[row][col];
}

export async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations on the page as it is, one line each. */
export async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
}

/** Puts `input` in the page's storage as this version saves it, and reloads. */
export async function seed(page, input) {
  await page.evaluate((i) => localStorage.setItem("xueshi.input", JSON.stringify({ format: "xueshi-input", version: 1, input: i })), input);
  await reload(page);
}

/** The saved envelope, parsed. */
export const saved = (page) => page.evaluate(() => JSON.parse(localStorage.getItem("xueshi.input")));

/** The titles in the activity list, in order. */
export const listed = (page) => page.$$eval("#acts li.act .act-name", (els) => els.map((e) => e.textContent));

/** A share link's fragment for `input`. */
export const linkTo = (input) => `#v1=${Buffer.from(JSON.stringify(input)).toString("base64url")}`;

/**
 * Visible text in Chinese outside the documents' quoted words: [text] (empty when none).
 * Skipped: elements marked lang="zh-CN" (the documents' words, the way back to 中文)
 * and the names a user typed.
 */
export function chineseOutsideQuotes(page) {
  return page.evaluate(() => {
    const out = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const p = n.parentElement;
      if (!/[\u3400-\u9fff]/.test(n.data) || p.closest('[lang="zh-CN"], .act-name, noscript, .print-only, [hidden]')) continue;
      if (!p.checkVisibility?.() && p.closest("details:not([open])") === null) continue;
      out.push(n.data.trim());
    }
    return out;
  });
}

/** The documents' words shown in English that are not between “ ”. */
export function unquoted(page) {
  return page.$$eval('main [lang="zh-CN"]', (els) => els.map((e) => e.textContent).filter((s) => !/^“[^]*”$/.test(s)));
}

/**
 * A fresh context and page of `browser` for pages the harness does not serve (file://,
 * other origins): records console errors (CSP violations among them), page errors and
 * workers; `offline`: any request other than file:, data: or blob: is a failure.
 */
export async function watch(browser, { width = 1280, height = 900, offline = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: "zh-CN" });
  context.setDefaultTimeout(10_000);
  const problems = [];
  const workers = [];
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("worker", (w) => workers.push(w.url()));
  if (offline) {
    await context.route("**/*", (route) => {
      const u = route.request().url();
      if (/^(?:file|data|blob):/.test(u)) return route.continue();
      problems.push(`request: ${u}`);
      return route.abort();
    });
  }
  return {
    context,
    page,
    problems,
    workers,
    async done() {
      await context.close();
      assert.deepEqual(problems, []);
    },
  };
}
