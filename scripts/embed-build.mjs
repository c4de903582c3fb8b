// `make dist` step: dist/xueshi-calculator.js, the <xueshi-calculator> custom element as
// one ES module (www/xueshi-calculator.js with the page's rendering modules, the English
// words and the page's style sheet as text), for portals to load with one script tag.
// It fetches the calculator's wasm from pkg/ beside it, and the full engine's (which can
// load rule set documents) only when a page loads one.
// embed.js, embed.html and embed-frame.js are copied and minified like the page's files.
// Usage: node scripts/embed-build.mjs [dist]

import { build } from "esbuild";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");

export async function buildComponent(dist) {
  const outfile = join(dist, "xueshi-calculator.js");
  await build({
    entryPoints: [join(ROOT, "www", "xueshi-calculator.js")],
    bundle: true,
    format: "esm",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    outfile,
    allowOverwrite: true,
    loader: { ".css": "text" },
    plugins: [
      {
        name: "xueshi-engine",
        setup: (b) => {
          b.onResolve({ filter: /^\.\/pkg\/xueshi_calc\.js$/ }, () => ({ path: join(ROOT, "pkg-calc", "xueshi_calc.js") }));
          b.onResolve({ filter: /^\.\/pkg\/xueshi\.js$/ }, () => ({ path: join(ROOT, "pkg", "xueshi.js") }));
        },
      },
    ],
  });
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`web component: ${await buildComponent(process.argv[2] ?? "dist")}`);
}
