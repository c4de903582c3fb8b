// The size budgets, checked on the built site (dist/): all are deterministic, so
// `make test` checks them too. Sizes are gzip -9 (no name or time in the header, as a
// server sends it); 1 KB = 1000 bytes.
// Usage: node scripts/check-size.mjs [dist]   (exit 1 when a budget is missed)

import { readFileSync, existsSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join, normalize, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const KB = 1000;
export const BUDGETS = { wasmGzip: 60 * KB, firstVisitGzip: 100 * KB, singleFileGzip: 140 * KB };

/** Bytes of `file` after gzip -9. */
export function gzipSize(file) {
  const r = spawnSync("gzip", ["-9", "-n", "-c"], { input: readFileSync(file), maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`gzip failed on ${file}: ${r.stderr}`);
  return r.stdout.length;
}

// What a page or module names that the browser fetches on the first visit.
const HTML_REFS = [
  /<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi,
  /<link\b(?=[^>]*\brel\s*=\s*["']?(?:stylesheet|modulepreload|preload|icon|shortcut icon|manifest)\b)[^>]*\bhref\s*=\s*["']([^"']+)["']/gi,
  /<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi,
];
const JS_REFS = [
  /\bimport\s+(?:[\w*{}\s,$]+\s+from\s+)?["']([^"']+)["']/g,
  /\bexport\s+(?:\*|\{[^}]*\})\s+from\s+["']([^"']+)["']/g,
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  /\bnew\s+URL\s*\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g,
];
const CSS_REFS = [/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g, /url\(\s*["']?([^"')]+)["']?\s*\)/g];

/**
 * Every file of `dir` that loading its index.html fetches: the page, what it links, and
 * what those modules and style sheets import, followed to the end. Static references
 * only; bench/run.mjs checks the list against what Chromium actually requests.
 */
export function firstVisitFiles(dir) {
  const root = resolve(dir);
  const seen = new Set();
  const missing = [];
  const visit = (file) => {
    if (seen.has(file)) return;
    if (!existsSync(file) || !statSync(file).isFile()) return void missing.push(relative(root, file));
    seen.add(file);
    const text = /\.(html|m?js|css)$/.test(file) ? readFileSync(file, "utf8") : "";
    const patterns = file.endsWith(".html") ? HTML_REFS : file.endsWith(".css") ? CSS_REFS : /\.m?js$/.test(file) ? JS_REFS : [];
    for (const re of patterns) {
      for (const m of text.matchAll(re)) {
        const ref = m[1].split(/[?#]/)[0];
        if (!ref || /^(?:[a-z]+:|\/\/|#)/i.test(ref)) continue; // other origins, data: URLs
        const target = ref.startsWith("/") ? join(root, ref) : normalize(join(dirname(file), ref));
        if (target.startsWith(root)) visit(target);
      }
    }
  };
  visit(join(root, "index.html"));
  return { files: [...seen].map((f) => relative(root, f)).sort(), missing };
}

/** The size figures of `dir`, with each first-visit file's share; singleFileGzip: xueshi.html, the page in one file. */
export function measureSizes(dir) {
  const { files, missing } = firstVisitFiles(dir);
  const perFile = files.map((f) => ({ file: f, raw: statSync(join(dir, f)).size, gzip: gzipSize(join(dir, f)) }));
  const wasm = perFile.find((f) => f.file.endsWith(".wasm"));
  return {
    wasmGzip: wasm ? wasm.gzip : gzipSize(join(dir, "pkg/xueshi_calc_bg.wasm")),
    firstVisitGzip: perFile.reduce((s, f) => s + f.gzip, 0),
    singleFileGzip: existsSync(join(dir, "xueshi.html")) ? gzipSize(join(dir, "xueshi.html")) : null,
    perFile,
    missing,
  };
}

const kb = (n) => `${(n / KB).toFixed(1)} KB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? "dist";
  if (!existsSync(join(dir, "index.html"))) {
    console.error(`check-size: ${dir}/index.html is missing (make dist first)`);
    process.exit(2);
  }
  const s = measureSizes(dir);
  for (const f of s.perFile) console.log(`  ${f.file.padEnd(28)} ${String(f.raw).padStart(8)} B raw ${String(f.gzip).padStart(8)} B gzip -9`);
  let failed = s.missing.length > 0;
  for (const m of s.missing) console.log(`  missing: ${m} (referenced but not in ${dir})`);
  for (const [key, label] of [["wasmGzip", "wasm, gzip -9"], ["firstVisitGzip", "first visit (all files), gzip -9"], ["singleFileGzip", "single file xueshi.html, gzip -9"]]) {
    const ok = s[key] !== null && s[key] <= BUDGETS[key];
    failed ||= !ok;
    console.log(`${ok ? "ok  " : "OVER"} ${label}: ${kb(s[key])} (${s[key]} B), budget ${kb(BUDGETS[key])}`);
  }
  process.exit(failed ? 1 : 0);
}
