// `make dist` step: dist/xueshi.html, the whole calculator in one file that opens from
// disk (file://), where the browser fetches no module and no wasm. Everything is inlined:
// the page's modules bundled by esbuild (the form, the example and English included), the
// style sheet, the icon, and the calculator wasm as base64. The Content-Security-Policy
// names the inline script and style by their hashes; no 'unsafe-inline'.
//
// Large inputs still go to a worker: its bundled script is a string in the page, started
// from a Blob (worker-src blob:) that also carries the same base64 wasm, so the file holds
// the wasm once. Where a worker cannot start, calc.js evaluates in the page.
// Usage: node scripts/single-file.mjs [dist]

import { build, transform } from "esbuild";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const WWW = join(ROOT, "www");
const GLUE = join(ROOT, "pkg-calc", "xueshi_calc.js");
const WASM = join(ROOT, "pkg-calc", "xueshi_calc_bg.wasm");

/**
 * Resolves the page's `./pkg/xueshi_calc.js` to the glue whose `init()` takes the wasm
 * from `xueshi:wasm` (a module exporting `B64`, the wasm as base64), and `xueshi:<name>`
 * to `virtual[name]`.
 */
function inlineEngine(virtual) {
  return {
    name: "xueshi-inline-engine",
    setup(b) {
      b.onResolve({ filter: /^\.\/pkg\/xueshi_calc\.js$/ }, () => ({ path: "engine", namespace: "xueshi" }));
      b.onResolve({ filter: /^xueshi:/ }, (a) => ({ path: a.path.slice(7), namespace: "xueshi" }));
      b.onLoad({ filter: /.*/, namespace: "xueshi" }, (a) => ({ resolveDir: WWW, loader: "js", contents: a.path === "engine" ? ENGINE : virtual[a.path] }));
    },
  };
}

const ENGINE = `
  import initWith from ${JSON.stringify(GLUE)};
  import { B64 } from "xueshi:wasm";
  export * from ${JSON.stringify(GLUE)};
  export default function init() {
    const s = atob(B64);
    const bytes = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    return initWith({ module_or_path: bytes });
  }`;

// Runs before app.js: the worker is a Blob of its bundled script, made when first needed.
const SETUP = `
  import { B64 } from "xueshi:wasm";
  import { WORKER } from "xueshi:worker";
  import { setWorkerUrl } from "./calc.js";
  let url;
  setWorkerUrl(() => (url ??= URL.createObjectURL(new Blob(["self.XUESHI_WASM_B64=" + JSON.stringify(B64) + ";\\n", WORKER], { type: "text/javascript" }))));
`;

const bundle = async (opts, virtual) => {
  const r = await build({ bundle: true, format: "esm", minify: true, write: false, legalComments: "none", logLevel: "warning", absWorkingDir: WWW, plugins: [inlineEngine(virtual)], ...opts });
  return r.outputFiles[0].text;
};

/** Script text that cannot end its <script> element early. */
const safeInline = (js) => js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** Replaces `re` in `html`, failing loudly when the page no longer has it (index.html changed). */
function swap(html, re, by) {
  if (!re.test(html)) throw new Error(`single-file: index.html has no ${re}`);
  return html.replace(re, by);
}

export async function singleFile(dist) {
  const b64 = readFileSync(WASM).toString("base64");
  const worker = await bundle({ entryPoints: [join(WWW, "worker.js")] }, { wasm: "export const B64 = self.XUESHI_WASM_B64;" });
  const page = await bundle(
    { stdin: { contents: `import "xueshi:setup"; import "./app.js";`, resolveDir: WWW, loader: "js" } },
    { wasm: `export const B64 = ${JSON.stringify(b64)};`, worker: `export const WORKER = ${JSON.stringify(worker)};`, setup: SETUP },
  );
  const script = safeInline(page);
  const style = (await transform(readFileSync(join(WWW, "style.css"), "utf8"), { loader: "css", minify: true })).code;
  const icon = `data:image/svg+xml;base64,${readFileSync(join(WWW, "favicon.svg")).toString("base64")}`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(style)}`,
    "img-src data:",
    "worker-src blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join("; ");

  let html = readFileSync(join(WWW, "index.html"), "utf8");
  html = swap(html, /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/, `$1${csp}$2`);
  html = html.replace(/^<link rel="(?:modulepreload|preload|manifest)"[^>]*>\n/gm, "");
  html = html.replace(/^<script type="module" src="(?!app\.js")[^"]*"><\/script>\n/gm, ""); // the service worker's: no use on file://
  html = swap(html, /<link rel="icon" href="favicon\.svg"/, `<link rel="icon" href="${icon}"`);
  html = swap(html, /<link rel="stylesheet" href="style\.css">/, () => `<style>${style}</style>`);
  html = swap(html, /<script type="module" src="app\.js"><\/script>/, () => `<script type="module">${script}</script>`);
  const out = join(dist, "xueshi.html");
  writeFileSync(out, html);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await singleFile(process.argv[2] ?? "dist");
  console.log(`single file: ${out}`);
}
