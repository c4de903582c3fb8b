// Runs the engine: in the page for ordinary inputs, in a module worker (worker.js) from
// BIG activities on, so that the page stays responsive up to the engine's 50,000.

import * as calcBuild from "./pkg/xueshi_calc.js";

export const BIG = 1000;
let lang = "zh";
let engine = calcBuild; // the full build once rule files are loaded (rulefiles.js)
let rules = null; // their texts, which the worker loads into its own full build

/** Evaluates with `mod` (the full build holding the loaded files, whose texts are `texts`). */
export function useEngine(mod, texts) {
  engine = mod;
  rules = texts;
}
let worker = null; // false: workers do not run here, evaluate in the page
let workerUrl = () => "worker.js"; // named relative to the page: it is no part of a first visit
let jobs = 0;
const waiting = new Map();

/** A packed result's lines, read back one at a time (`length` and `at(i)`, as an array has). */
class Lines {
  constructor(p) {
    this.p = p;
    this.length = p.min.length;
  }
  at(i) {
    const p = this.p;
    const s = (k) => p.texts[p[k][i]] ?? null;
    const ref = s("ref");
    return {
      activity: s("activity"), subject: s("subject"), status: s("status"), explain: s("explain") ?? "",
      hours: { min: p.min[i], max: Number.isNaN(p.max[i]) ? null : p.max[i] },
      clause: ref === null ? null : { ref, quote: s("quote") },
      ...p.extra[i],
    };
  }
}

/** Where the worker's script comes from: the single file (xueshi.html) makes it a Blob. */
export function setWorkerUrl(url) {
  workerUrl = url;
}

function startWorker() {
  try {
    worker = new Worker(workerUrl(), { type: "module" });
  } catch {
    worker = false; // a page that may not start workers (file://, a CSP): evaluate here
    return;
  }
  worker.onmessage = ({ data }) => {
    for (const r of data.report?.results ?? []) r.lines = new Lines(r.lines);
    waiting.get(data.job)?.(data);
    waiting.delete(data.job);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    worker = false;
    for (const done of waiting.values()) done(null);
    waiting.clear();
  };
}

/** The language of the engine's explanations and notes. */
export function setLang(l) {
  lang = l;
}

/** The contract Input of the page's input: without the page's own fields (`person`), with `lang`, for `eng`. */
export function forEngine(input, language = lang, eng = engine) {
  const { person, ...x } = input;
  if (language === "en") x.lang = "en";
  // "All documents" is the engine's built-ins; with rule files loaded, name them all.
  if (x.ruleSets === undefined && eng !== calcBuild) x.ruleSets = eng.ruleSets().map((i) => i.id);
  return x;
}

/** Starts the worker ahead of a large input's first evaluation (it loads the engine itself). */
export function prepare(input) {
  if (input.activities.length >= BIG && worker === null) startWorker();
}

/** `{ report }` or `{ error }` for `input`, in this thread. */
export function here(input) {
  try {
    return { report: engine.evaluate(forEngine(input)) };
  } catch (error) {
    return { error };
  }
}

/** As `here`, but a Promise of it for a large input; `text` is its JSON if already made. */
export function run(input, text) {
  if (input.activities.length < BIG || worker === false) return here(input);
  if (!worker) startWorker();
  if (!worker) return here(input);
  const job = ++jobs;
  return new Promise((resolve) => {
    waiting.set(job, (r) => resolve(r ?? here(input)));
    worker.postMessage({ job, lang, rules, text: text ?? JSON.stringify(input) });
  });
}
