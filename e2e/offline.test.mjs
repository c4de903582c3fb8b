// Offline: the single file (dist/xueshi.html) opened from disk, and the site over http
// kept by its service worker after the server is gone, also under a sub-path.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdtemp, mkdir, symlink, writeFile, rm, cp } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { DIST, ARGS, linkTo, cell, shot, axe, watch } from "./harness.mjs";
import { serve } from "../scripts/serve.mjs";
import { buildServiceWorker } from "../scripts/sw-build.mjs";

const SINGLE = pathToFileURL(join(DIST, "xueshi.html")).href;
// 泰安 二（三）3: a national journal paper, 125 学时 shared by 3 authors.
const PAPER = { year: 2022, activities: [{ id: "p1", kind: "paper", date: "2022-03-01", venue: "national", authors: 3, title: "离线论文" }] };

let browser;
before(async () => (browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ARGS })));
after(async () => browser?.close());

const watched = (opts) => watch(browser, opts);

const ready = (page) => page.waitForSelector("body.ready");

describe("the single file from file://", () => {
  it("has a strict Content-Security-Policy: hashes for its inline script and style, no 'unsafe-inline'", async () => {
    const html = await readFile(join(DIST, "xueshi.html"), "utf8");
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|'self'|\*/);
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
    assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(html, /<script[^>]*\bsrc=|<link[^>]*rel="(?:stylesheet|modulepreload|preload|manifest)"/, "nothing fetched");
  });

  it("shows the right numbers for a share link, offline, and speaks English", async () => {
    const s = await watched({ offline: true });
    const { page } = s;
    await page.goto(SINGLE + linkTo(PAPER));
    await ready(page);
    assert.equal(await cell(page, 0, "泰安"), "41.67 学时");
    assert.match(await page.textContent('.doc-card[data-rule-set="taian-2022"]'), /专业\s*41\.67/);
    assert.ok(await page.isVisible("#link-banner"), "opened as someone's input");
    await shot(page, "single-file-1280");
    await page.click("#lang");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.match(await page.textContent("#h-results"), /2022/);
    assert.match(await page.textContent("#summary"), /Professional/);
    assert.deepEqual(await axe(page), []);
    await s.done();
  });

  it("saves, exports, imports and prints from disk", async () => {
    const s = await watched({ offline: true, width: 375, height: 800 });
    const { page } = s;
    await page.goto(SINGLE);
    await ready(page);
    await page.click("#example");
    await page.waitForSelector("#acts li");
    await page.reload();
    await ready(page);
    assert.equal(await page.locator("#acts li.act").count(), 7, "autosaved in the browser's storage for files");
    await shot(page, "single-file-375");
    const [json] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
    const exported = JSON.parse(await readFile(await json.path(), "utf8"));
    assert.equal(exported.input.activities.length, 7);
    const dir = await mkdtemp(join(tmpdir(), "xueshi-import-"));
    await writeFile(join(dir, "paper.json"), JSON.stringify(PAPER));
    await page.setInputFiles("#import-file", join(dir, "paper.json"));
    await page.waitForFunction(() => document.querySelectorAll("#acts li.act").length === 1);
    assert.equal(await cell(page, 0, "泰安"), "41.67 学时");
    await rm(dir, { recursive: true });
    await page.emulateMedia({ media: "print" });
    await page.waitForSelector("#print-report .print-doc");
    assert.equal(await page.locator("#print-report .print-doc").count(), 5);
    await s.done();
  });

  it("evaluates a big input in a worker started from a Blob", async () => {
    const s = await watched({ offline: true });
    const { page } = s;
    const big = { year: 2022, activities: Array.from({ length: 1200 }, (_, i) => ({ id: `t${i}`, kind: "training", date: "2022-03-01", hours: 1 })) };
    await page.goto(SINGLE + linkTo(big));
    await ready(page);
    await page.waitForFunction(() => document.querySelector("#results").getAttribute("aria-busy") === "false" && document.querySelector("#summary .doc-card"));
    assert.ok(s.workers.some((u) => u.startsWith("blob:")), `workers: ${s.workers}`);
    // 泰安 二（二）: training at its registered hours, 1,200 × 1.
    assert.match(await page.textContent('.doc-card[data-rule-set="taian-2022"]'), /专业\s*1200/);
    await s.done();
  });
});

/** Serves `dir` under `base` (e.g. "/tools/xueshi/") on a port of its own; `stop()` takes the server away. */
async function hosted(dir, base = "/") {
  const root = base === "/" ? dir : await mkdtemp(join(tmpdir(), "xueshi-site-"));
  if (base !== "/") {
    const at = join(root, ...base.split("/").filter(Boolean));
    await mkdir(join(at, ".."), { recursive: true });
    await symlink(dir, at);
  }
  const server = await serve(root, 0);
  return {
    url: `http://127.0.0.1:${server.address().port}${base}`,
    async stop() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
    clean: async () => base !== "/" && rm(root, { recursive: true, force: true }),
  };
}

/** Waits until the page is controlled by its service worker (installed, site precached). */
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });

describe("the site over http, kept by its service worker", () => {
  for (const base of ["/", "/tools/xueshi/"]) {
    it(`keeps working after the server stops, reload included (at ${base})`, async () => {
      const site = await hosted(DIST, base);
      const s = await watched();
      const { page } = s;
      try {
        await page.goto(site.url + linkTo(PAPER));
        await ready(page);
        await controlled(page);
        const scope = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
        assert.equal(scope, `${site.url}sw.js`);
        await site.stop();
        await page.reload();
        await ready(page);
        assert.equal(await cell(page, 0, "泰安"), "41.67 学时");
        // Still calculating, and English (loaded on demand) comes from the cache too.
        await page.fill("#year", "2024");
        await page.waitForFunction(() => document.querySelector("#h-results").textContent.includes("2024"));
        await page.click("#lang");
        await page.waitForFunction(() => document.documentElement.lang === "en");
        // A new visit in a new tab, server still gone.
        const again = await s.context.newPage();
        await again.goto(site.url);
        await ready(again);
        assert.equal(await again.locator("#summary .doc-card").count(), 5);
        // The browser's own error about the stopped server (the sw.js update check) is no page error.
        s.problems.splice(0, s.problems.length, ...s.problems.filter((p) => !/ERR_CONNECTION_REFUSED|Failed to (?:fetch|update)/.test(p)));
      } finally {
        await site.stop().catch(() => {});
        await site.clean();
      }
      await s.done();
    });
  }

  it("offers 新版本可用，刷新 when a new version is deployed, and drops the old cache", async () => {
    const copy = await mkdtemp(join(tmpdir(), "xueshi-deploy-"));
    await cp(DIST, copy, { recursive: true });
    const site = await hosted(copy, "/xs/");
    const s = await watched({ width: 375, height: 800 });
    const { page } = s;
    try {
      await page.goto(site.url);
      await ready(page);
      await controlled(page);
      const before = await page.evaluate(() => caches.keys());
      assert.equal(before.length, 1);
      assert.equal(await page.locator("#sw-update").count(), 0, "a first install is no update");
      // A new deployment: one file changes, and so sw.js and its version.
      await writeFile(join(copy, "style.css"), `${readFileSync(join(copy, "style.css"), "utf8")}\n/* v2 */\n`);
      const { version } = await buildServiceWorker(copy);
      await page.reload();
      await ready(page);
      await page.waitForSelector("#sw-update", { timeout: 15_000 });
      assert.match(await page.textContent("#sw-update"), /新版本可用.*刷新/);
      await shot(page, "sw-update-375");
      await Promise.all([page.waitForEvent("load"), page.click("#sw-update button")]);
      await ready(page);
      const after = await page.evaluate(() => caches.keys());
      assert.deepEqual(after, [`xueshi:${site.url}:${version}`]);
      assert.equal(await page.locator("#sw-update").count(), 0);
      assert.match(await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).match("style.css")).text()), /\/\* v2 \*\//);
    } finally {
      await site.stop();
      await site.clean();
      await rm(copy, { recursive: true, force: true });
    }
    await s.done();
  });
});
