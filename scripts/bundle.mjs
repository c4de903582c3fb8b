// `make dist` step: the page's modules bundled by esbuild into dist/, split so that what
// the first visit loads is a few files (gzip then sees them whole: measured 1.5 KB less
// than the same modules minified one by one). The entry points keep their names, as
// pages and code name them (index.html: app.js, sw-register.js; calc.js: worker.js;
// app.js: rulefiles.js, at run time); modules they share become chunks loaded once. The
// engine (pkg/) stays apart, as its glue finds its wasm beside it, and so does i18n.js
// (below). index.html's modulepreload list is rewritten for the chunks.
// Usage: node scripts/bundle.mjs [dist]

import { build } from "esbuild";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const WWW = join(ROOT, "www");
const ENTRIES = ["app.js", "worker.js", "rulefiles.js", "sw-register.js"];

export async function bundle(dist) {
  dist = resolve(dist);
  const result = await build({
    entryPoints: ENTRIES.map((e) => join(WWW, e)),
    bundle: true,
    splitting: true,
    format: "esm",
    minify: true,
    outdir: dist,
    // Beside the entries, so that the modules left apart resolve from every file alike.
    chunkNames: "[name]-[hash]",
    // i18n.js stays its own module: it loads English by a name made at run time, which a
    // bundle would turn into a path every first visit seems to load.
    external: ["./pkg/*", "./i18n.js"],
    metafile: true,
    absWorkingDir: ROOT,
    legalComments: "none",
    logLevel: "warning",
  });
  // The modules now inside the bundles are not served on their own.
  const inside = new Set(Object.keys(result.metafile.inputs).map((p) => relative(WWW, resolve(ROOT, p))));
  for (const m of inside) if (!ENTRIES.includes(m) && !m.startsWith("..")) rmSync(join(dist, m), { force: true });
  // Preload what app.js imports statically (its chunks), instead of the modules it was.
  const app = result.metafile.outputs[relative(ROOT, join(dist, "app.js"))];
  const chunks = app.imports.filter((i) => i.kind === "import-statement" && !i.external).map((i) => relative(dist, resolve(ROOT, i.path)));
  const index = join(dist, "index.html");
  let html = readFileSync(index, "utf8");
  html = html.replace(/^<link rel="modulepreload" href="(?!pkg\/|i18n\.js)[^"]*">\n/gm, "");
  const preloads = chunks.map((c) => `<link rel="modulepreload" href="${c}">\n`).join("");
  html = html.replace(/(<script type="module" src="app\.js"><\/script>\n)/, `${preloads}$1`);
  writeFileSync(index, html);
  return { inside: [...inside], chunks };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { chunks } = await bundle(process.argv[2] ?? "dist");
  console.log(`bundled: ${ENTRIES.join(", ")}; app.js preloads ${chunks.join(", ") || "nothing"}`);
}
