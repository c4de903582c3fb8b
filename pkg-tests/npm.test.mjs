// pkg/ as the npm package a portal installs: packed with `npm pack`, installed from the
// tarball into a scratch project (offline: no registry), imported in Node and bundled for
// the browser with esbuild, then run in Chromium. Needs `make pkg`.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.mjs";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const PKG = join(ROOT, "pkg");
const CRATE_VERSION = /^version = "(.+)"/m.exec(readFileSync(join(ROOT, "Cargo.toml"), "utf8"))[1];
// 泰安 二（三）3: a national journal paper is 125 学时, shared by its 3 authors.
const INPUT = { year: 2022, ruleSets: ["taian-2022"], activities: [{ id: "p1", kind: "paper", date: "2022-03-01", venue: "national", authors: 3 }] };
const EXPECTED = { min: 41.67, max: 41.67 };

let scratch;
let tarball;
const npm = (args, cwd) => execFileSync("npm", [...args, "--offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8" });

before(() => {
  scratch = mkdtempSync(join(tmpdir(), "xueshi-npm-"));
  const packed = JSON.parse(npm(["pack", "--json", "--pack-destination", scratch], PKG));
  tarball = { ...packed[0], path: join(scratch, packed[0].filename) };
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "portal", private: true, type: "module" }));
  npm(["install", tarball.path], scratch);
});

after(() => rmSync(scratch, { recursive: true, force: true }));

test("the manifest is complete: name, version, module type, exports, types, files, sideEffects", () => {
  const m = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));
  assert.equal(m.name, "xueshi");
  assert.equal(m.version, CRATE_VERSION);
  assert.equal(m.type, "module");
  assert.equal(m.types, "./xueshi.d.ts");
  assert.deepEqual(m.exports["."], { types: "./xueshi.d.ts", default: "./xueshi.js" });
  assert.equal(m.exports["./xueshi_bg.wasm"], "./xueshi_bg.wasm");
  assert.ok(Array.isArray(m.sideEffects));
  for (const f of m.files) assert.ok(existsSync(join(PKG, f)), `files names ${f}, which pkg/ lacks`);
});

test("the tarball holds the package's files and nothing else", () => {
  const names = tarball.files.map((f) => f.path).sort();
  const snippet = names.find((n) => /^snippets\/[^/]+\/js\/wire\.js$/.test(n));
  assert.ok(snippet, `no snippets/…/js/wire.js in ${names}`);
  assert.deepEqual(names.filter((n) => n !== snippet), ["README.md", "package.json", "xueshi.d.ts", "xueshi.js", "xueshi_bg.wasm", "xueshi_bg.wasm.d.ts"]);
  assert.equal(tarball.name, "xueshi");
  assert.equal(tarball.version, CRATE_VERSION);
});

test("installed from the tarball, it imports in Node (initSync) and evaluates", () => {
  const installed = readdirSync(join(scratch, "node_modules", "xueshi")).sort();
  assert.ok(installed.includes("xueshi_bg.wasm") && installed.includes("package.json"), installed.join(", "));
  writeFileSync(join(scratch, "node.mjs"), `
    import { readFileSync } from "node:fs";
    import { initSync, evaluate, version, ruleSets } from "xueshi";
    initSync({ module: readFileSync(new URL(import.meta.resolve("xueshi/xueshi_bg.wasm"))) });
    const line = evaluate(${JSON.stringify(INPUT)}).results[0].lines[0];
    console.log(JSON.stringify({ version: version(), ids: ruleSets().map((r) => r.id), hours: line.hours, ref: line.clause.ref }));
  `);
  const out = JSON.parse(execFileSync(process.execPath, ["node.mjs"], { cwd: scratch, encoding: "utf8" }));
  assert.equal(out.version, CRATE_VERSION);
  assert.deepEqual(out.ids, ["xinjiang-2022", "aksu-2024", "bingtuan-2019", "zaozhuang-2024", "taian-2022"]);
  assert.deepEqual(out.hours, EXPECTED);
  assert.equal(out.ref, "二（三）3");
});

test("bundled by esbuild for the browser, it evaluates in Chromium", async () => {
  writeFileSync(join(scratch, "browser.mjs"), `
    import init, { evaluate } from "xueshi";
    import wasmUrl from "xueshi/xueshi_bg.wasm";
    await init({ module_or_path: wasmUrl });
    window.result = evaluate(${JSON.stringify(INPUT)}).results[0].lines[0].hours;
  `);
  const out = join(scratch, "www");
  await build({ absWorkingDir: scratch, entryPoints: ["browser.mjs"], bundle: true, format: "esm", platform: "browser", minify: true, loader: { ".wasm": "file" }, outdir: out, logLevel: "error" });
  const bundle = readFileSync(join(out, "browser.js"), "utf8");
  assert.ok(!/node:|require\(/.test(bundle), "the browser bundle refers to Node");
  writeFileSync(join(out, "index.html"), `<!doctype html><meta charset="utf-8"><title>portal</title><script type="module" src="browser.js"></script>`);
  const server = await serve(out, 0);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const result = await page.waitForFunction(() => window.result, null, { timeout: 10000 });
    assert.deepEqual(await result.jsonValue(), EXPECTED);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
});
