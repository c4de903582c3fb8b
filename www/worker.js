// Evaluates large inputs off the page's thread. The report goes back packed (numbers in
// typed arrays, each distinct text once), as cloning 50,000 line objects would cost the
// page more than evaluating them does. calc.js reads the columns back. With rule files
// loaded, the full build evaluates, holding the same files as the page.

import init, * as calcBuild from "./pkg/xueshi_calc.js";
import { forEngine } from "./calc.js";

const ready = init();
const COLS = ["activity", "subject", "status", "ref", "quote", "explain"];
let full = null;
let held = ""; // the rule file texts the full build holds, joined

const fullBuild = () => "./pkg/xueshi.js";

async function engineFor(rules) {
  if (!rules?.length) return calcBuild;
  if (!full) {
    // Named at run time, like rulefiles.js: no part of a first visit, and left out of the
    // single file's bundle (which holds no rule files).
    const m = await import(fullBuild());
    await m.default();
    full = m;
  }
  const key = rules.join("\u0000");
  if (key !== held) {
    for (const i of full.ruleSets()) if (!i.builtIn) full.removeRuleSet(i.id);
    for (const text of rules) {
      try {
        full.loadRuleSet(text);
      } catch {
        /* the page reports a file it cannot load */
      }
    }
    held = key;
  }
  return full;
}

function pack(lines) {
  const n = lines.length;
  const p = { min: new Float64Array(n), max: new Float64Array(n), texts: [], extra: {} };
  for (const k of COLS) p[k] = new Int32Array(n);
  const index = new Map();
  const text = (s) => {
    if (s === undefined || s === null) return -1;
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = p.texts.push(s) - 1));
    return i;
  };
  lines.forEach((l, i) => {
    const { activity, subject, hours, status, clause, explain, ...rest } = l;
    p.min[i] = hours.min;
    p.max[i] = hours.max ?? NaN;
    [activity, subject, status, clause?.ref, clause?.quote, explain].forEach((v, j) => (p[COLS[j]][i] = text(v)));
    if (Object.keys(rest).length) p.extra[i] = rest; // parts, and whatever a later engine adds
  });
  return p;
}

onmessage = async ({ data: { job, text, lang, rules } }) => {
  try {
    await ready;
    const engine = await engineFor(rules);
    const v = JSON.parse(text);
    const report = engine.evaluate(forEngine(v.format ? v.input : v, lang, engine));
    const moved = [];
    for (const r of report.results) {
      r.lines = pack(r.lines);
      moved.push(r.lines.min.buffer, r.lines.max.buffer, ...COLS.map((k) => r.lines[k].buffer));
    }
    postMessage({ job, report }, moved);
  } catch (e) {
    postMessage({ job, error: { message: String(e?.message ?? e), code: e?.code, path: e?.path, messageZh: e?.messageZh } });
  }
};
