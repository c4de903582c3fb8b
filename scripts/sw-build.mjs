// `make dist` step, the last one: dist/sw.js from www/sw.js, with the files to precache
// and VERSION, a hash of their names and contents (a new deployment, a new cache).
// Precached: the site the page uses; not the single file (xueshi.html, for disks), the
// embedding files (their hosts load them) or what only rule files need: the full engine
// build (pkg/xueshi*) and rulefiles.js.
// Usage: node scripts/sw-build.mjs [dist]

import { transform } from "esbuild";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const LEFT_OUT = [/^sw\.js$/, /^xueshi\.html$/, /^xueshi-calculator\.js$/, /^embed(?:-frame)?\.(?:js|html)$/, /^pkg\/xueshi(?:_bg)?\.(?:js|wasm)$/, /^rulefiles\.js$/];

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
function filesUnder(dir, root = dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name), root) : [relative(root, join(dir, d.name)).split("\\").join("/")]))
    .sort();
}

export async function buildServiceWorker(dist) {
  const files = filesUnder(dist).filter((f) => !LEFT_OUT.some((re) => re.test(f)));
  const hash = createHash("sha256");
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(dist, f))).update("\0");
  const version = hash.digest("hex").slice(0, 12);
  let src = readFileSync(join(ROOT, "www", "sw.js"), "utf8");
  for (const [from, to] of [['const VERSION = "dev";', `const VERSION = ${JSON.stringify(version)};`], ["const FILES = [];", `const FILES = ${JSON.stringify(["./", ...files])};`]]) {
    if (!src.includes(from)) throw new Error(`sw-build: www/sw.js has no ${from}`);
    src = src.replace(from, to);
  }
  writeFileSync(join(dist, "sw.js"), (await transform(src, { minify: true, legalComments: "none" })).code);
  return { version, files };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { version, files } = await buildServiceWorker(process.argv[2] ?? "dist");
  console.log(`sw.js: version ${version}, ${files.length + 1} files precached`);
}
