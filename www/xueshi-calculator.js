// <xueshi-calculator>: the calculator as a custom element for another site (a portal's
// 学时申报 page). The page's own parts in a Shadow root: the form (form.js), the list and
// the results (results.js) and the words (i18n.js), with the page's style sheet, so that
// neither side's CSS reaches the other. Built into one module, dist/xueshi-calculator.js,
// by scripts/embed-build.mjs (which also turns `import … from "./style.css"` into text);
// the engine's wasm is fetched from pkg/ beside it: the calculator build (the built-in
// documents, precompiled), and the full one only once a rule set document is loaded.
//
//   <xueshi-calculator year="2024" rule-sets="taian-2022" lang="zh" compact></xueshi-calculator>
//   el.input = { year, ruleSets?, activities }   (evaluate's input; the attributes fill what it leaves out)
//   el.addEventListener("xueshi-report", (e) => e.detail)   (the Report, on every change)

import initCalc, * as calcBuild from "./pkg/xueshi_calc.js";
import { t, setLang, shortName, errorText, fieldLabel } from "./i18n.js";
import { el, clear } from "./dom.js";
import { renderSummary, renderDetails, renderList, lineText, PAGE } from "./results.js";
import { createForm } from "./form.js";
import PAGE_CSS from "./style.css";

// The page's look, with the host's custom properties in place of its colours and font.
const THEME = `
:host {
  --accent: var(--xueshi-accent, #1b4f8a);
  --accent-2: var(--xueshi-accent-strong, color-mix(in srgb, var(--accent) 75%, #000));
  --accent-soft: var(--xueshi-accent-soft, color-mix(in srgb, var(--accent) 9%, #fff));
  --ink: var(--xueshi-ink, #1c2430);
  --surface: var(--xueshi-surface, #fff);
  --line: var(--xueshi-line, #d8dee6);
  --radius: var(--xueshi-radius, 8px);
  --font: var(--xueshi-font, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif);
  display: block;
  container-type: inline-size;
  font: var(--xueshi-font-size, 15px)/1.55 var(--font);
  color: var(--ink);
  overflow-wrap: anywhere;
  text-align: start;
}
:host([hidden]) { display: none; }
.xc { display: grid; gap: 12px; }
.xc-year { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.xc-year .field { margin: 0; }
.xc-year input { width: 7.5em; }
.xc.compact .summary { grid-template-columns: minmax(0, 1fr); }
.xc-title { margin-bottom: 10px; }
@container (min-width: 760px) {
  .xc.full { grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); align-items: start; }
  .xc.full .xc-results { grid-column: 2; grid-row: 1 / span 3; }
}
`;

let sheet; // one style sheet shared by every instance (adopted: no <style> for a host's CSP to refuse)
const styles = () => {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(PAGE_CSS.replace(/:root\s*\{/, ":host {") + THEME);
  }
  return sheet;
};

let engine = calcBuild; // evaluate, ruleSets, activityKinds: one engine for every instance
let started;
const loadEngine = () => (started ??= initCalc({ module_or_path: new URL("pkg/xueshi_calc_bg.wasm", import.meta.url) }));
let full; // the full build, which can load rule set documents
const loadFull = () =>
  (full ??= import("./pkg/xueshi.js").then(async (m) => {
    await m.default({ module_or_path: new URL("pkg/xueshi_bg.wasm", import.meta.url) });
    return m;
  }));

const live = new Set(); // connected instances: a rule set loaded later re-evaluates them
const thisYear = () => new Date().getFullYear();
/** A copy the host cannot change behind our back; a value that cannot be copied goes as it is, for the engine to name. */
const copy = (value) => {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
};
const listOf = (text) => (text ?? "").split(",").map((s) => s.trim()).filter(Boolean);

export class XueshiCalculator extends HTMLElement {
  static observedAttributes = ["year", "rule-sets", "lang", "compact"];

  /** Registers a rule set document (see RULESETS.md) for every instance; returns its RuleSetInfo. */
  static async loadRuleSet(doc) {
    const m = await loadFull();
    const info = m.loadRuleSet(doc);
    engine = m;
    for (const c of live) if (c.#ready) c.#build(); // its fields may be new to the form
    return info;
  }

  #root = this.attachShadow({ mode: "open" });
  #given = null; // what the host set as `input` (or null): the attributes fill in what it leaves out
  #own = []; // activities added in the form, while the host has set none
  #report = null;
  #reportInput = null; // the input #report is of
  #error = null;
  #form = null;
  #open = new Set(); // details the visitor opened
  #limits = new Map();
  #ready = false;
  #builds = 0;
  #parts = {};

  get input() {
    const given = this.#given;
    if (given !== null && (typeof given !== "object" || Array.isArray(given))) return given; // the engine says what is wrong
    const has = (k) => given !== null && given[k] !== undefined;
    const input = { ...given, year: has("year") ? given.year : Number(this.getAttribute("year")) || thisYear(), activities: has("activities") ? given.activities : this.#own };
    const named = listOf(this.getAttribute("rule-sets"));
    if (!has("ruleSets") && named.length) input.ruleSets = named;
    // compact: one document, the first named (else the first built-in one).
    if (this.compact && (input.ruleSets === undefined || Array.isArray(input.ruleSets))) {
      const first = input.ruleSets?.[0] ?? (this.#ready ? engine.ruleSets()[0]?.id : undefined);
      if (first !== undefined) input.ruleSets = [first];
    }
    return copy(input);
  }

  set input(value) {
    this.#given = value === undefined ? null : copy(value);
    this.#speak();
    const editing = this.#form?.editing();
    if (editing) this.#form.forget(editing);
    this.#update();
  }

  get report() {
    return this.#report;
  }

  get compact() {
    return this.hasAttribute("compact");
  }

  get #lang() {
    return this.getAttribute("lang") === "en" ? "en" : "zh";
  }

  /** i18n.js speaks one language at a time: each instance sets its own before it draws or reacts. */
  #speak() {
    setLang(this.#lang); // English is loaded by then (#start): this takes effect at once
  }

  connectedCallback() {
    live.add(this);
    // `input` set before this module defined the element is an own property: take it over.
    if (Object.hasOwn(this, "input")) {
      const value = this.input;
      delete this.input;
      this.#given = value === undefined ? null : copy(value);
    }
    if (!this.#parts.box) this.#start();
    else this.#update();
  }

  disconnectedCallback() {
    live.delete(this);
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#ready || before === after) return;
    if (name === "compact") return void this.#build();
    if (name === "lang") {
      setLang(this.#lang).then(() => {
        this.#speak();
        this.#build();
      });
      return;
    }
    this.#update();
  }

  async #start() {
    this.#root.adoptedStyleSheets = [styles()];
    this.#parts.box = el("div", { class: "xc", part: "root" }, el("p", { class: "loading" }, t("loading")));
    this.#root.append(this.#parts.box);
    for (const type of ["click", "input", "change", "submit", "keydown", "toggle", "focusin"]) {
      this.#root.addEventListener(type, () => this.#speak(), true);
    }
    this.#root.addEventListener("click", (e) => {
      const more = e.target.closest?.("button[data-more]")?.dataset.more; // a long list's next page
      if (!more) return;
      this.#limits.set(more, (this.#limits.get(more) ?? PAGE) + PAGE);
      this.#draw(this.input);
    });
    try {
      await Promise.all([loadEngine(), setLang(this.#lang)]);
    } catch {
      this.#parts.box.replaceChildren(el("p", { class: "err block", part: "error", role: "alert" }, t("engineFailed")));
      return;
    }
    this.#ready = true;
    this.#speak();
    this.#build();
  }

  /** Builds the parts for the current mode and language, then draws. */
  async #build() {
    const build = ++this.#builds;
    await loadEngine();
    const kinds = engine.activityKinds();
    this.#speak();
    const p = this.#parts;
    let formBox;
    p.error = el("p", { class: "err block", part: "error", role: "alert", hidden: true });
    p.summary = el("div", { class: "summary" });
    p.heading = el("h2", { class: "xc-title" }, t("results"));
    p.results = el("section", { class: `results xc-results${this.compact ? "" : " card"}`, part: "results", "aria-label": t("results") }, p.heading, p.error, p.summary);
    this.#form = null;
    if (this.compact) {
      p.box.className = "xc compact";
      p.box.replaceChildren(p.results);
    } else {
      p.year = el("input", { id: "year", type: "number", min: 1990, max: 2100, step: 1, inputmode: "numeric", part: "year-input" });
      p.year.addEventListener("change", () => this.#setYear(p.year.value));
      p.list = el("ol", { class: "acts", id: "acts" });
      p.list.addEventListener("click", (e) => this.#onAction(e));
      p.details = el("div");
      p.results.append(el("div", { class: "xc-details" }, p.details));
      formBox = el("section", { class: "card form-card", part: "form" });
      p.box.className = "xc full";
      p.box.replaceChildren(
        el("section", { class: "card xc-year", part: "year" }, el("div", { class: "field" }, el("label", { for: "year" }, t("year")), p.year)),
        el("section", { class: "card", part: "activities", "aria-label": t("activities") },
          el("h2", { class: "xc-title" }, t("activities"), " ", (p.count = el("span", { class: "count" }))),
          (p.empty = el("p", { class: "empty" }, t("noActivities"))), p.list),
        formBox,
        p.results,
      );
    }
    this.#update();
    if (this.compact) return;
    // The form is no part of the first result: it is built once that is painted.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    if (build !== this.#builds) return; // built again meanwhile
    this.#speak();
    this.#form = createForm(formBox, { kinds, check: (a) => this.#check(a), submit: (a, id) => this.#submit(a, id), defaultDate: () => this.#defaultDate(), lineText });
  }

  #setYear(text) {
    const year = text.trim() === "" ? null : Number(text);
    this.#given = { ...(this.#given ?? {}), year, activities: this.input.activities };
    this.#update();
  }

  #activities() {
    const acts = this.input.activities;
    return Array.isArray(acts) ? acts : [];
  }

  /** Replaces the activity list: the host's input if it set one, else the instance's own. */
  #setActivities(list) {
    if (this.#given) this.#given = { ...this.#given, activities: list };
    else this.#own = list;
    this.#update();
  }

  #submit(a, editingId) {
    const acts = this.#activities();
    if (!editingId) {
      const used = new Set(acts.map((x) => x.id));
      let n = acts.length + 1;
      while (used.has(`a${n}`)) n++;
      this.#setActivities([...acts, { ...a, id: `a${n}` }]);
    } else this.#setActivities(acts.map((x) => (x.id === editingId ? { ...a, id: editingId } : x)));
  }

  #onAction(e) {
    const btn = e.target.closest("button[data-action]");
    if (!btn || !this.#form) return;
    const id = btn.closest("li").dataset.id;
    const acts = this.#activities();
    const i = acts.findIndex((a) => a.id === id);
    if (i < 0) return;
    if (btn.dataset.action === "edit") this.#form.edit(acts[i]);
    else if (btn.dataset.action === "duplicate") this.#submit({ ...acts[i] }, null);
    else if (btn.dataset.action === "remove") {
      this.#form.forget(id);
      this.#setActivities(acts.filter((_, j) => j !== i));
    }
  }

  #defaultDate() {
    const y = this.input.year;
    return Number.isInteger(y) ? `${y}-12-31` : `${thisYear()}-12-31`;
  }

  /** The form's preview and errors: the draft alone under this instance's documents. */
  #check(a) {
    const { year, ruleSets: chosen } = this.input;
    try {
      const report = engine.evaluate({ year: Number.isInteger(year) ? year : thisYear(), ruleSets: chosen, activities: [a] });
      return { lines: report.results.map((r) => ({ name: this.#names().get(r.ruleSet), line: r.lines[0] })) };
    } catch (error) {
      const m = /^activities\[0\](?:\.(\w+))?/.exec(error.path ?? "");
      return { error: { field: m?.[1] ?? "kind", text: errorText(error) } };
    }
  }

  #names() {
    return new Map(engine.ruleSets().map((i) => [i.id, shortName(i.id) ?? i.region]));
  }

  /** Evaluates the input, draws, and tells the host (xueshi-report, or xueshi-error). */
  #update() {
    if (!this.#ready || !this.#parts.summary) return;
    this.#speak();
    const input = this.input;
    try {
      this.#report = engine.evaluate(input);
      this.#error = null;
    } catch (error) {
      this.#error = error;
    }
    this.#draw(input);
    performance.mark("xueshi:component-result");
    const detail = this.#error ? { code: this.#error.code, path: this.#error.path, message: this.#error.message, messageZh: this.#error.messageZh } : this.#report;
    this.dispatchEvent(new CustomEvent(this.#error ? "xueshi-error" : "xueshi-report", { bubbles: true, composed: true, detail }));
  }

  #draw(input) {
    const p = this.#parts;
    const e = this.#error;
    p.error.hidden = !e;
    p.error.textContent = e ? (e.path ? `${this.#place(e.path)}${errorText(e)}` : errorText(e)) : "";
    p.results.classList.toggle("is-stale", !!e);
    if (!e) this.#reportInput = input;
    const ctx = { report: this.#report, input: this.#reportInput, infos: new Map(engine.ruleSets().map((i) => [i.id, i])), names: this.#names(), limit: (k) => this.#limits.get(k) ?? PAGE };
    p.heading.hidden = this.compact;
    if (this.#report) {
      p.heading.textContent = t("resultsYear", { y: this.#report.year });
      renderSummary(p.summary, ctx);
      for (const card of p.summary.querySelectorAll(".doc-card")) card.setAttribute("part", `card card-${card.dataset.ruleSet}`);
      for (const pill of p.summary.querySelectorAll(".pill")) pill.setAttribute("part", "status");
    }
    if (this.compact) return;
    if (this.#root.activeElement !== p.year) p.year.value = input.year ?? "";
    const acts = Array.isArray(input.activities) ? input.activities : [];
    p.empty.hidden = acts.length > 0;
    p.count.textContent = acts.length ? t("activitiesCount", { n: acts.length }) : "";
    const m = /^activities\[(\d+)\](?:\.(\w+))?/.exec(e?.path ?? "");
    renderList(p.list, {
      acts, limit: ctx.limit("acts"), readOnly: false, editing: this.#form?.editing(),
      report: e ? null : this.#report, error: e, errorAt: m && { index: +m[1], field: m[2] },
      reportIndex: (a, i) => (this.#reportInput?.activities?.[i]?.id === a.id ? i : -1),
      kinds: new Map(engine.activityKinds().map((k) => [k.kind, k])), names: ctx.names, note: null, notesAbove: p.list, root: this.#root,
    });
    if (this.#report && ctx.input.activities?.length) renderDetails(p.details, ctx, this.#open);
    else clear(p.details);
    this.#form?.refresh();
  }

  /** "考核年度：" or "第 3 项活动 · 作者人数：" before an engine error. */
  #place(path) {
    const colon = this.#lang === "zh" ? "：" : ": ";
    const m = /^activities\[(\d+)\](?:\.(\w+))?/.exec(path);
    if (m) {
      const a = this.input.activities?.[+m[1]];
      return `${t("itemN", { n: +m[1] + 1 })}${m[2] ? ` · ${fieldLabel(a?.kind, m[2])}` : ""}${colon}`;
    }
    return path === "year" ? `${t("year")}${colon}` : `${path}${colon}`;
  }
}

if (!customElements.get("xueshi-calculator")) customElements.define("xueshi-calculator", XueshiCalculator);
