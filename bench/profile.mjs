// Where the time of a browser figure goes: Chromium's sampling profiler over a cold load
// of dist/ (to the paint of the first result) or over typical-year `evaluate` calls,
// summed by function (self time). For when `make bench` misses a time budget.
// Usage: node bench/profile.mjs [load|evaluate] [dist]

import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.mjs";

const [what = "load", dist = "dist"] = process.argv.slice(2);
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const TYPICAL = JSON.parse(readFileSync(new URL("typical-year.json", import.meta.url), "utf8"));

const server = await serve(dist, 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS, headless: true });

/** Self time per function (ms), biggest first. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map();
  profile.samples.forEach((id, k) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || "(anonymous)"}  ${f.url.split("/").pop() || ""}${f.url ? `:${f.lineNumber + 1}` : ""}`;
    total.set(key, (total.get(key) ?? 0) + profile.timeDeltas[k] / 1000);
  });
  return [...total].sort((a, b) => b[1] - a[1]);
}

try {
  // Two loads first: Chromium warms itself on them (see bench/run.mjs).
  for (let i = 0; i < 3; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    let profile;
    if (what === "load") {
      await page.addInitScript(() => {
        window.__xs = {};
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (e.name !== "xueshi:first-result" || window.__xs.mark !== undefined) continue;
            window.__xs.mark = e.startTime;
            requestAnimationFrame(() => (window.__xs.frame = performance.now()));
          }
        }).observe({ type: "mark", buffered: true });
      });
      await cdp.send("Profiler.start");
      await page.goto(`${base}/`);
      await page.waitForFunction(() => window.__xs.frame !== undefined);
      ({ profile } = await cdp.send("Profiler.stop"));
      if (i === 2) console.log("first-result mark, painted (ms):", await page.evaluate(() => [window.__xs.mark, window.__xs.frame].map(Math.round)));
    } else {
      await page.goto(`${base}/__profile__`);
      await page.evaluate(async () => {
        const m = await import("/pkg/xueshi_calc.js");
        await m.default();
        window.xs = m;
      });
      await cdp.send("Profiler.start");
      await page.evaluate((input) => {
        for (let i = 0; i < 5000; i++) window.xs.evaluate(input);
      }, TYPICAL);
      ({ profile } = await cdp.send("Profiler.stop"));
    }
    await ctx.close();
    if (i < 2 && what === "load") continue;
    for (const [k, ms] of selfTimes(profile).slice(0, 30)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
    break;
  }
  console.log('"(program)" is Chromium\'s own work (parsing, style, layout, paint, compiling); wasm functions are named by index (twiggy or wasm-objdump maps them).');
} finally {
  await browser.close();
  server.close();
}
