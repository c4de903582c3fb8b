// The page: holds the contract Input, runs the engine on every change, renders the Report.

import init, { ruleSets, evaluate, version, activityKinds } from "./pkg/xueshi.js";
import { t, setLang, getLang, errorText, fieldLabel, kindLabel, num, shortName } from "./i18n.js";
import { el, clear } from "./dom.js";
import * as io from "./io.js";
import { renderSummary, renderCompare, renderDetails, renderPrint, csvRows, activityName, describe, lineText } from "./results.js";

const $ = (id) => document.getElementById(id);

const state = {
  input: null, // the contract Input, exactly as given to the engine
  report: null, // the last Report, for the input it was computed from (reportInput)
  reportInput: null,
  error: null, // the engine's error for the current input, if any
  infos: [], // ruleSets()
  kinds: [], // activityKinds()
  engineVersion: "",
  open: new Set(), // details the user opened
  storageOk: true,
};
let form;
let EXAMPLE; // loaded with the form, after the first result
const infoById = () => new Map(state.infos.map((i) => [i.id, i]));
const kindByName = () => new Map(state.kinds.map((k) => [k.kind, k]));
const names = () => new Map(state.infos.map((i) => [i.id, shortName(i.id) ?? i.region]));
const thisYear = () => new Date().getFullYear();
const validYear = (y) => Number.isInteger(y) && y >= 1990 && y <= 2100;
const clone = (v) => JSON.parse(JSON.stringify(v));

// --- notices ----------------------------------------------------------------

/** A message at the top of the page, with optional actions; `sticky` ones stay until dismissed. */
function notify(text, { kind = "info", actions = [], sticky = false } = {}) {
  const box = $("notices");
  if (!sticky) for (const n of box.querySelectorAll(".notice:not(.sticky)")) n.remove();
  const n = el("div", { class: `notice n-${kind}${sticky ? " sticky" : ""}` });
  n.append(el("p", {}, text));
  const acts = el("div", { class: "notice-actions" });
  for (const a of actions) {
    const b = el("button", { type: "button", class: "btn small" }, a.label);
    b.addEventListener("click", () => {
      a.run();
      if (!a.keep) n.remove();
    });
    acts.append(b);
  }
  const close = el("button", { type: "button", class: "btn small ghost", "aria-label": t("dismiss") }, "×");
  close.addEventListener("click", () => n.remove());
  acts.append(close);
  n.append(acts);
  box.append(n);
  return n;
}

let announceTimer;
function announce() {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    if (!state.report || state.error) return;
    const nm = names();
    const summary = state.report.results.map((r) => t("summaryPart", { name: nm.get(r.ruleSet), status: t(r.compliance) })).join(getLang() === "zh" ? "；" : "; ");
    $("announce").textContent = t("updated", { summary });
  }, 700);
}

// --- input changes ----------------------------------------------------------

function persist() {
  const ok = io.save(state.input, state.engineVersion);
  if (!ok && state.storageOk) notify(t("storageFailed"), { kind: "error", sticky: true });
  state.storageOk = ok;
}

/** Every change goes through here: engine, autosave, render. */
function update({ save = true, quiet = false } = {}) {
  try {
    state.report = evaluate(state.input);
    state.reportInput = clone(state.input);
    state.error = null;
  } catch (e) {
    state.error = e;
  }
  if (save) persist();
  render();
  form?.refresh();
  if (!quiet) announce();
}

/** Replaces the whole input (example, import, link), offering to undo. */
function replaceInput(input, message) {
  const prev = state.input;
  state.input = input;
  update();
  const had = prev.activities.length;
  notify(had ? `${message}${t("sep")}${t("replaced", { n: had })}` : message, { actions: had ? [{ label: t("undo"), run: () => restore(prev) }] : [] });
}

function restore(prev) {
  state.input = prev;
  update();
  notify(t("undone"));
}

function newId() {
  const used = new Set(state.input.activities.map((a) => a.id));
  let n = state.input.activities.length + 1;
  while (used.has(`a${n}`)) n++;
  return `a${n}`;
}

/** An engine error on some input, in words a person reads: "第 3 项活动 · 作者人数：必填". */
function errorWithPlace(err, input) {
  const m = /^activities\[(\d+)\](?:\.(\w+))?/.exec(err.path ?? "");
  if (m) {
    const a = input.activities[+m[1]];
    const where = t("itemN", { n: +m[1] + 1 }) + (m[2] ? ` · ${fieldLabel(a?.kind, m[2])}` : "");
    return `${where}${getLang() === "zh" ? "：" : ": "}${errorText(err)}`;
  }
  if (err.path === "year") return `${t("year")}${getLang() === "zh" ? "：" : ": "}${errorText(err)}`;
  return err.path ? `${err.path}: ${errorText(err)}` : errorText(err);
}

/** Null if the engine accepts `input`, else its error. */
function engineCheck(input) {
  try {
    evaluate(input);
    return null;
  } catch (e) {
    return e;
  }
}

function readError(e, prefix) {
  if (e instanceof io.ReadError) {
    if (e.kind === "future") return t("importFuture", { v: e.detail });
    if (e.kind === "notJson") return prefix === "link" ? t("linkBad") : t("importNotJson");
    return prefix === "link" ? t("linkBad") : t("importShape");
  }
  return t(prefix === "link" ? "linkBad" : "importRead");
}

/** Opens a `#v1=` share link, if the address has one. */
function openHash() {
  if (!location.hash.startsWith("#v1=")) return;
  let input;
  try {
    input = io.inputFromHash(location.hash);
  } catch (e) {
    history.replaceState(null, "", location.pathname + location.search);
    notify(readError(e, "link"), { kind: "error" });
    return;
  }
  // The fragment did its job; drop it so that a reload shows later edits, not the link again.
  history.replaceState(null, "", location.pathname + location.search);
  const err = engineCheck(input);
  if (err) {
    notify(t("linkInvalid", { msg: errorWithPlace(err, input) }), { kind: "error" });
    return;
  }
  replaceInput(input, t("fromLink", { n: input.activities.length }));
}

async function importFile(file) {
  if (file.size > io.MAX_IMPORT_BYTES) {
    notify(t("importTooBig", { size: io.sizeText(file.size), max: io.sizeText(io.MAX_IMPORT_BYTES) }), { kind: "error" });
    return;
  }
  let input;
  try {
    input = io.parseText(await file.text());
  } catch (e) {
    notify(readError(e, "file"), { kind: "error" });
    return;
  }
  const err = engineCheck(input);
  if (err) {
    notify(t("importInvalid", { msg: errorWithPlace(err, input) }), { kind: "error" });
    return;
  }
  replaceInput(input, t("imported", { n: input.activities.length }));
}

// --- rendering --------------------------------------------------------------

function applyStaticTexts() {
  document.documentElement.lang = getLang() === "zh" ? "zh-CN" : "en";
  document.title = `${t("appTitle")} · xueshi`;
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  for (const node of document.querySelectorAll("[data-t-label]")) node.setAttribute("aria-label", t(node.dataset.tLabel));
  const lang = $("lang");
  lang.textContent = t("langSwitch");
  lang.setAttribute("aria-label", t("langSwitchLabel"));
  lang.setAttribute("lang", getLang() === "zh" ? "en" : "zh-CN");
  if (state.engineVersion) $("engine-version").textContent = `xueshi · ${t("engineVersion", { v: state.engineVersion })}`;
}

function governsText(g) {
  const y = g.from.slice(0, 4);
  if (g.from === `${y}-01-01` && g.to === `${y}-12-31`) return t("governsYear", { y });
  return t("governsRange", { from: g.from, to: g.to });
}

function requirementText(r) {
  if (r.professionalShare && Math.abs(r.professionalShare - 2 / 3) < 1e-9) return t("requirementShare", { total: num(r.total), pub: num(r.public), pro: num(r.professional) });
  return t(r.public > 0 ? "requirement" : "requirementNoPublic", { total: num(r.total), pub: num(r.public), pro: num(r.professional) });
}

/** The document checkboxes; built once per language so that focus is never lost. */
function buildDocs() {
  const list = $("doc-list");
  clear(list);
  const nm = names();
  for (const info of state.infos) {
    const id = `doc-${info.id}`;
    const box = el("input", { type: "checkbox", id, value: info.id, "aria-describedby": `${id}-warn` });
    box.addEventListener("change", onDocsChange);
    list.append(el("li", { class: "doc-item" },
      box,
      el("label", { for: id },
        el("span", { class: "doc-line" }, el("span", { class: "doc-name" }, nm.get(info.id)), info.docNumber ? el("span", { class: "doc-num" }, info.docNumber) : null),
        el("span", { class: "doc-gov" }, `${info.region} · ${t("governs")} ${governsText(info.governs)}`)),
      el("p", { class: "warn small", id: `${id}-warn`, hidden: true })));
  }
}

function onDocsChange() {
  const chosen = state.infos.map((i) => i.id).filter((id) => $(`doc-${id}`).checked);
  if (chosen.length === state.infos.length) delete state.input.ruleSets;
  else state.input.ruleSets = chosen;
  update();
}

function renderDocs() {
  const chosen = new Set(state.input.ruleSets ?? state.infos.map((i) => i.id));
  const results = new Map((state.report?.results ?? []).map((r) => [r.ruleSet, r]));
  for (const info of state.infos) {
    $(`doc-${info.id}`).checked = chosen.has(info.id);
    const warn = $(`doc-${info.id}-warn`);
    const r = results.get(info.id);
    const show = !state.error && r && !r.applies.inForce;
    warn.hidden = !show;
    warn.textContent = show ? t("notInForce", { y: state.report.year }) : "";
  }
}

function setFieldError(inputEl, errEl, msg) {
  errEl.textContent = msg;
  if (msg) inputEl.setAttribute("aria-invalid", "true");
  else inputEl.removeAttribute("aria-invalid");
}

function renderActivities() {
  const list = $("acts");
  const focused = document.activeElement?.closest?.("#acts li") ? document.activeElement : null;
  const focusKey = focused ? [focused.closest("li").dataset.id, focused.dataset.action] : null;
  clear(list);
  const acts = state.input.activities;
  $("act-count").textContent = acts.length ? t("activitiesCount", { n: acts.length }) : "";
  $("act-empty").hidden = acts.length > 0;
  const kinds = kindByName();
  const m = /^activities\[(\d+)\](?:\.(\w+))?/.exec(state.error?.path ?? "");
  acts.forEach((a, i) => {
    const name = activityName(a);
    const titled = name !== kindLabel(a.kind); // else the name is the kind: not shown twice
    const li = el("li", { class: `act${form?.editing() === a.id ? " editing" : ""}`, "data-id": a.id });
    const meta = [a.date, describe(a, kinds.get(a.kind))].filter(Boolean).join(" · ");
    const main = el("div", { class: "act-main" },
      el("p", { class: "act-title" }, titled ? el("span", { class: "kind-chip" }, kindLabel(a.kind)) : null, titled ? " " : null, el("span", { class: "act-name" }, name)),
      el("p", { class: "act-meta" }, meta));
    if (m && +m[1] === i) {
      li.classList.add("has-error");
      const msg = m[2] ? t("invalidField", { label: fieldLabel(a.kind, m[2]), msg: errorText(state.error) }) : errorText(state.error);
      main.append(el("p", { class: "err", id: `act-err-${i}` }, msg));
    }
    const btns = el("div", { class: "act-actions" });
    for (const [action, label, aria] of [["edit", "edit", "editLabel"], ["duplicate", "duplicate", "duplicateLabel"], ["remove", "remove", "removeLabel"]]) {
      btns.append(el("button", { type: "button", class: `btn small${action === "remove" ? " danger" : ""}`, "data-action": action, "aria-label": t(aria, { name }) }, t(label)));
    }
    li.append(main, btns);
    list.append(li);
  });
  if (focusKey) list.querySelector(`li[data-id="${CSS.escape(focusKey[0])}"] [data-action="${focusKey[1]}"]`)?.focus();
}

function renderErrors() {
  const e = state.error;
  const path = e?.path ?? "";
  setFieldError($("year"), $("year-err"), path === "year" ? errorText(e) : "");
  // The engine's words for an empty list ("omit it for all") speak to programmers.
  const none = Array.isArray(state.input.ruleSets) && state.input.ruleSets.length === 0;
  const docsMsg = path.startsWith("ruleSets") ? (none ? t("noDocs") : errorText(e)) : "";
  $("docs-err").textContent = docsMsg;
  $("docs").classList.toggle("invalid", !!docsMsg);
  const general = e && path !== "year" && !path.startsWith("ruleSets") && !/^activities\[\d+\]/.test(path);
  $("result-err").hidden = !general;
  $("result-err").textContent = general ? errorWithPlace(e, state.input) : "";
  $("stale").hidden = !e;
  $("stale").textContent = e ? t("stale") : "";
}

function render() {
  const yearIn = $("year");
  if (Number(yearIn.value) !== state.input.year || yearIn.value === "") {
    if (document.activeElement !== yearIn) yearIn.value = state.input.year ?? "";
  }
  renderDocs();
  renderActivities();
  renderErrors();
  $("results").classList.toggle("is-stale", !!state.error);
  const rep = state.report;
  if (rep) {
    const ctx = { report: rep, input: state.reportInput, infos: infoById(), names: names(), requirementText };
    $("h-results").textContent = t("resultsYear", { y: rep.year });
    renderSummary($("summary"), ctx);
    $("compare-section").hidden = ctx.input.activities.length === 0;
    $("details-section").hidden = ctx.input.activities.length === 0;
    if (ctx.input.activities.length) {
      renderCompare($("compare-scroll"), ctx);
      watchWide();
      renderDetails($("details"), ctx, state.open);
    }
    clear($("print-report")); // built when printing: it holds every line of every document
  } else {
    $("h-results").textContent = t("results");
    $("compare-section").hidden = true;
    $("details-section").hidden = true;
  }
}

/** A fade at the table's right edge and a hint while it is wider than the screen. */
let wideObserver;
function watchWide() {
  const box = $("compare-scroll");
  const check = () => {
    const wide = box.scrollWidth > box.clientWidth + 1;
    $("compare-wrap").classList.toggle("wide", wide);
    $("compare-wrap").classList.toggle("at-end", box.scrollLeft + box.clientWidth >= box.scrollWidth - 1);
    $("wide-hint").hidden = !wide;
  };
  if (!wideObserver) {
    wideObserver = new ResizeObserver(check);
    box.addEventListener("scroll", check, { passive: true });
  }
  wideObserver.disconnect();
  wideObserver.observe(box);
  if (box.firstElementChild) wideObserver.observe(box.firstElementChild);
}

// --- actions ------------------------------------------------------------------

/** After 删除: the next entry, else the previous, else the add button. */
function focusAfterRemove(nextId, prevId) {
  const btn = (id) => id !== undefined && $("acts").querySelector(`li[data-id="${CSS.escape(id)}"] [data-action="remove"]`);
  (btn(nextId) || btn(prevId) || $("f-submit"))?.focus();
}

function onActivityAction(e) {
  const btn = e.target.closest("button[data-action]");
  if (!btn) return;
  const id = btn.closest("li").dataset.id;
  const acts = state.input.activities;
  const i = acts.findIndex((a) => a.id === id);
  if (i < 0) return;
  const a = acts[i];
  if (btn.dataset.action === "edit") {
    form.edit(clone(a));
    renderActivities();
  } else if (btn.dataset.action === "duplicate") {
    const copy = { ...clone(a), id: newId() };
    acts.splice(i + 1, 0, copy);
    update();
    notify(t("duplicated", { name: activityName(a) }));
    $("acts").querySelector(`li[data-id="${CSS.escape(copy.id)}"] [data-action="edit"]`)?.focus();
  } else if (btn.dataset.action === "remove") {
    const prev = clone(state.input);
    acts.splice(i, 1);
    form.forget(id);
    update();
    notify(t("removed", { name: activityName(a) }), { actions: [{ label: t("undo"), run: () => restore(prev) }] });
    focusAfterRemove(acts[i]?.id, acts[i - 1]?.id);
  }
}

function exportCsv() {
  if (!state.report || state.error) {
    notify(t("stale"), { kind: "error" });
    return;
  }
  const ctx = { report: state.report, input: state.reportInput, infos: infoById(), names: names() };
  const { header, rows } = csvRows(ctx);
  io.download(`xueshi-${state.report.year}.csv`, io.csvText(header, rows), "text/csv;charset=utf-8");
}

async function copyLink() {
  const url = io.linkFor(state.input);
  const field = $("share-url");
  field.value = url;
  $("share").hidden = false;
  try {
    await navigator.clipboard.writeText(url);
    notify(t("linkCopied"));
  } catch {
    notify(t("linkManual"));
    field.focus();
    field.select();
  }
}

function printNow() {
  if (state.report) renderPrint($("print-report"), { report: state.report, input: state.reportInput, infos: infoById(), names: names() });
}

function printReport() {
  printNow();
  window.print();
}

async function switchLang() {
  const want = getLang() === "zh" ? "en" : "zh";
  try {
    await setLang(want);
  } catch {
    notify(t("langFailed"), { kind: "error" });
    return;
  }
  io.saveLang(getLang());
  applyStaticTexts();
  buildDocs();
  form.relabel();
  render();
  for (const n of $("notices").querySelectorAll(".notice:not(.sticky)")) n.remove();
}

function defaultDate() {
  const y = validYear(state.input.year) ? state.input.year : thisYear();
  const now = new Date();
  if (now.getFullYear() === y) return `${y}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  return `${y}-12-31`;
}

/** Runs the engine on one draft activity, for the form's errors and preview. */
function checkDraft(a) {
  const input = { year: validYear(state.input.year) ? state.input.year : thisYear(), activities: [a] };
  if (state.input.ruleSets?.length) input.ruleSets = state.input.ruleSets;
  try {
    const rep = evaluate(input);
    const nm = names();
    return { lines: rep.results.map((r) => ({ name: nm.get(r.ruleSet), line: r.lines[0] })) };
  } catch (e) {
    const m = /^activities\[0\](?:\.(\w+))?/.exec(e.path ?? "");
    return { error: { field: m?.[1] ?? "kind", text: errorText(e) } };
  }
}

function submitDraft(a, editingId) {
  if (editingId) {
    const i = state.input.activities.findIndex((x) => x.id === editingId);
    if (i >= 0) state.input.activities[i] = { ...a, id: editingId };
    update();
    notify(t("saved", { name: activityName(a) }));
  } else {
    state.input.activities.push({ ...a, id: newId() });
    update();
    notify(t("added", { name: activityName(a) }));
  }
}

function showUnreadable(text) {
  notify(t("unreadable"), {
    kind: "error",
    sticky: true,
    actions: [
      { label: t("download"), keep: true, run: () => io.download("xueshi-unreadable.txt", text, "text/plain;charset=utf-8") },
      { label: t("dismiss"), run: () => io.forgetUnreadable() },
    ],
  });
}

// --- start --------------------------------------------------------------------

async function main() {
  // English loads beside the engine; until then the page speaks Chinese.
  const lang = setLang(io.loadLang() ?? "zh").catch(() => {});
  const saved = io.loadSaved();
  try {
    await init();
    await lang;
    state.infos = ruleSets();
    state.kinds = activityKinds();
    state.engineVersion = version();
  } catch (e) {
    $("loading").textContent = t("engineFailed");
    notify(t("engineFailed"), { kind: "error", sticky: true });
    throw e;
  }
  applyStaticTexts();
  state.input = saved.input ?? { year: thisYear(), activities: [] };
  if (saved.unreadable !== null) showUnreadable(saved.unreadable);

  buildDocs();
  update({ save: false, quiet: true });
  document.documentElement.classList.add("started");
  performance.mark("xueshi:first-result");
  // Let the results paint (two frames: the first may already be on its way) before
  // building the form and wiring the page.
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  await frame();
  await frame();

  // The form is not needed for the first result: it loads after it.
  const [{ createForm }, example] = await Promise.all([import("./form.js"), import("./example.js")]);
  EXAMPLE = example.EXAMPLE;
  form = createForm($("form-section"), {
    kinds: state.kinds,
    check: checkDraft,
    submit: submitDraft,
    defaultDate,
    lineText,
    afterEdit: (id) => {
      renderActivities();
      $("acts").querySelector(`li[data-id="${CSS.escape(id)}"] [data-action="edit"]`)?.focus();
    },
  });
  openHash();

  $("year").addEventListener("input", () => {
    const v = $("year").value.trim();
    state.input.year = v === "" ? null : Number(v);
    update();
  });
  $("year").addEventListener("change", () => render());
  $("acts").addEventListener("click", onActivityAction);
  $("example").addEventListener("click", () => {
    replaceInput(clone(EXAMPLE), t("exampleLoaded", { y: EXAMPLE.year, n: EXAMPLE.activities.length }));
    // On a phone the results are far below: take the visitor there.
    if ($("results").getBoundingClientRect().top > innerHeight) $("results").scrollIntoView({ block: "start" });
  });
  $("clear").addEventListener("click", () => {
    const prev = clone(state.input);
    if (!prev.activities.length) return;
    state.input.activities = [];
    form.forget(form.editing());
    update();
    notify(t("cleared", { n: prev.activities.length }), { actions: [{ label: t("undo"), run: () => restore(prev) }] });
  });
  $("lang").addEventListener("click", switchLang);
  $("copy-link").addEventListener("click", copyLink);
  $("export-json").addEventListener("click", () => io.download(`xueshi-input-${state.input.year ?? ""}.json`, JSON.stringify(io.envelope(state.input, state.engineVersion), null, 2) + "\n", "application/json"));
  $("import-json").addEventListener("click", () => $("import-file").click());
  $("import-file").addEventListener("change", async (e) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) await importFile(file);
  });
  $("export-csv").addEventListener("click", exportCsv);
  $("print").addEventListener("click", printReport);
  window.addEventListener("hashchange", openHash);
  window.addEventListener("beforeprint", printNow);
  matchMedia("print").addEventListener("change", (e) => e.matches && printNow());
  // Another tab changed the saved input: follow it rather than overwrite it later.
  window.addEventListener("storage", (e) => {
    if (e.key !== "xueshi.input" || e.newValue === null) return;
    try {
      state.input = io.parseText(e.newValue);
      update({ save: false });
    } catch {
      /* keep ours */
    }
  });
  document.body.classList.add("ready"); // everything is wired: the tests wait for this
}

main();
