// The page: holds the user's own input (saved, shared by every tab) and, while a share
// link is open, someone else's; runs the engine on every change; renders the Report.

import init, { ruleSets, version, activityKinds } from "./pkg/xueshi_calc.js";
import { t, setLang, getLang, errorText, fieldLabel, num, shortName } from "./i18n.js";
import { el, clear } from "./dom.js";
import * as io from "./io.js";
import * as calc from "./calc.js";
import { EMPLOYERS, regions, regionName, governing, governsYear, sameSet, yearOffers } from "./person.js";
import { renderList, renderSummary, renderCompare, renderDetails, renderPrint, renderMini, csvRows, activityName, lineText, words, PAGE } from "./results.js";

const $ = (id) => document.getElementById(id);



const state = {
  mine: null, // the user's own contract Input, as saved
  link: null, // someone's input from a #v1= link: shown read-only and never saved while set
  report: null, // the last Report, of the input it was computed from (reportInput)
  reportInput: null,
  reportIndex: null, // activity id -> line index in reportInput, built when needed
  error: null, // the engine's error for the shown input, if any
  pending: false, // a large input is being evaluated in the worker
  job: 0,
  infos: [], // ruleSets()
  kinds: [], // activityKinds()
  engineVersion: "",
  open: new Set(), // details the user opened
  limits: new Map(), // rows shown per long list, beyond the first page
  note: null, // a confirmation inside the activity list: { after: id | null, node }
  saved: true,
  blocked: null, // unreadable saved text that saving must not overwrite
  aside: new Set(), // keys of unreadable texts already offered
  editPerson: false, // the first step reopened with 修改
  ruleNotes: new Map(), // rule file id -> its sticky warning ("" for unreadable saved files)
};
let form;
let EXAMPLE; // loaded with the form, after the first result
let EXAMPLE_EN; // its titles in English
const shown = () => state.link ?? state.mine;
const limit = (key) => state.limits.get(key) ?? PAGE;
const infoById = () => new Map(state.infos.map((i) => [i.id, i]));
const kindByName = () => new Map(state.kinds.map((k) => [k.kind, k]));
const names = () => new Map(state.infos.map((i) => [i.id, shortName(i.id) ?? (i.builtIn ? regionName(i) : t("loadedName", { name: regionName(i) }))]));
const thisYear = () => new Date().getFullYear();
const validYear = (y) => Number.isInteger(y) && y >= 1990 && y <= 2100;
const colon = () => (getLang() === "zh" ? "：" : ": ");

// --- notices ----------------------------------------------------------------

/** Drops the confirmations (not the sticky warnings). */
function dropNotes() {
  for (const n of document.querySelectorAll(".notice:not(.sticky)")) n.remove();
  state.note?.node.remove();
  state.note = null;
}

/**
 * A message where the user acted: `where` is the id of a notices box ("notices" at the
 * top, "acts-notices", "form-notices", "tools-notices") or { after: id | null }, inside
 * the activity list after that entry. `sticky` ones stay until dismissed.
 */
function notify(text, { where = "notices", kind = "info", actions = [], sticky = false } = {}) {
  if (!sticky) dropNotes();
  const n = el("div", { class: `notice n-${kind}${sticky ? " sticky" : ""}` }, el("p", {}, text));
  const box = el("div", { class: "notice-actions" });
  for (const a of [...actions, { label: "×", aria: t("dismiss"), ghost: true, run() {} }]) {
    const b = el("button", { type: "button", class: `btn small${a.ghost ? " ghost" : ""}`, "aria-label": a.aria }, a.label);
    b.addEventListener("click", () => {
      a.run();
      if (!a.keep) n.remove();
    });
    box.append(b);
  }
  n.append(box);
  if (typeof where === "object") {
    n.classList.add("act-note");
    state.note = { after: where.after, node: n };
    renderActivities();
    $("announce").textContent = text; // the list is no live region
  } else $(where).append(n);
  if (where !== "notices") n.scrollIntoView({ block: "nearest" });
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

// --- saving -------------------------------------------------------------------

/** What saving did: the warnings it needs, and the tools card's line. */
function storageState(r) {
  if (r.blocked) showBlocked(r.blocked);
  else if (r.ok && state.blocked) {
    state.blocked = null;
    state.blockedNote?.remove();
  }
  if (r.aside) showAside();
  state.saved = !!r.ok;
  if (r.ok) state.failNote?.remove();
  else if (!r.blocked && !state.failNote?.isConnected) state.failNote = notify(t("storageFailed"), { kind: "error", sticky: true });
}

function persist() {
  const r = io.save(state.mine, state.engineVersion);
  state.mine = r.input;
  storageState(r);
  return r;
}

/** A warning about saved text this page cannot read, offering it for download until discarded. */
function unreadableNote(message, text, discard) {
  return notify(message, {
    kind: "error",
    sticky: true,
    actions: [
      { label: t("download"), keep: true, run: () => io.download("xueshi-unreadable.txt", text, "text/plain;charset=utf-8") },
      { label: t("discard"), run: discard },
    ],
  });
}

/** Unreadable text that saving would overwrite: nothing is saved until it is discarded. */
function showBlocked(b) {
  if (state.blocked?.text === b.text) return;
  state.blockedNote?.remove();
  state.blocked = b;
  state.saved = false;
  const why = b.kind === "future" ? t("blockedFuture", { v: b.version }) : t("blockedFull");
  state.blockedNote = unreadableNote(`${why}${t("blockedTail")}`, b.text, () => (io.discard(), change(state.mine)));
}

/** Unreadable texts set aside under keys of their own. */
function showAside() {
  for (const { key, text } of io.asideTexts()) {
    if (!state.aside.has(key)) unreadableNote(t("unreadable"), text, () => io.discard(key));
    state.aside.add(key);
  }
}

// --- input changes ----------------------------------------------------------

/** Runs the engine on the shown input (in the worker when it is large), then renders. */
function update({ quiet = false, text } = {}) {
  const input = shown();
  const job = ++state.job;
  const r = calc.run(input, text);
  if (!(r instanceof Promise)) return settle(r, input, quiet);
  state.pending = true;
  render(); // the input side now, the results when the worker answers
  r.then((res) => job === state.job && settle(res, input, quiet));
}

function settle(r, input, quiet) {
  state.pending = false;
  if (r.report) {
    state.report = r.report;
    state.reportInput = input;
    state.reportIndex = null;
    state.error = null;
  } else state.error = r.error;
  render();
  form?.refresh();
  if (!quiet) announce();
  performance.mark("xueshi:results");
}

/** Makes `next` the shown input; the user's own is saved first (merged with other tabs' changes). */
function change(next) {
  if (state.link) {
    state.link = next;
    update();
    return [];
  }
  state.mine = next;
  const r = persist();
  update({ text: r.ok ? r.text : undefined });
  return r.conflicts;
}

/** A change of the user's own input, confirmed where it was made, with 撤销. */
function act(next, message, where) {
  const before = state.mine;
  const conflicts = change(next);
  const after = state.mine;
  notify(withConflicts(message, conflicts, "ours"), { where, actions: [{ label: t("undo"), run: () => undo(before, after, where) }] });
}

/** Takes back one change (after → before) without taking back what other tabs did since. */
function undo(before, after, where) {
  const { input, conflicts } = io.merge3(after, before, state.mine, "theirs");
  const more = change(input);
  notify(withConflicts(t("undone"), [...conflicts, ...more], "theirs"), { where });
}

function withConflicts(message, conflicts, prefer) {
  const key = { gone: "conflictGone", kept: "conflictKept", both: prefer === "ours" ? "conflictBoth" : "conflictBothUndo" };
  return [message, ...conflicts.map((c) => t(key[c.type], { name: activityName(c.kept) }))].join(t("sep"));
}

const withActs = (activities) => ({ ...state.mine, activities });

function newId() {
  const used = new Set(state.mine.activities.map((a) => a.id));
  let n = state.mine.activities.length + 1;
  while (used.has(`a${n}`)) n++;
  return `a${n}`;
}

/** Another tab saved: follow it, merging what this tab could not save yet. */
function onStorage(e) {
  if (e.key === RULES_KEY || (e.key === null && rules)) followRules();
  if (e.key !== null && e.key !== "xueshi.input") return;
  const r = io.sync(state.mine, state.engineVersion);
  if (!r) return;
  if (r.blocked) return storageState(r);
  if (r.aside) return showAside(), persist(); // set aside: ours goes in its place
  const editing = form?.editing();
  const has = (input) => input.activities.some((a) => a.id === editing);
  const gone = editing && has(state.mine) && !has(r.input); // said once, when it goes
  state.mine = r.input;
  if ("ok" in r) storageState(r);
  if (r.conflicts.length) notify(withConflicts(t("synced"), r.conflicts, "ours"), { where: "acts-notices" });
  if (gone) notify(t("editGone"), { where: "form-notices" });
  if (state.link) render();
  else update();
}

// --- rule files (rulefiles.js and the full build, loaded only when there are some) -----

const RULES_KEY = "xueshi.rules";
let rules = null; // rulefiles.js
// Named at run time through a variable: no part of a first visit, and no bundler follows
// it (the single file, which holds no rule files, leaves it out).
const lazy = (name) => {
  const file = `./${name}.js`;
  return import(file);
};
const hasRules = () => {
  try {
    return localStorage.getItem(RULES_KEY) !== null;
  } catch {
    return false;
  }
};

/** The full build holding the saved rule files becomes the engine; the lists follow it. */
async function startRules() {
  rules ??= await lazy("rulefiles");
  const { failed } = await rules.syncEngine();
  const m = await rules.engine();
  calc.useEngine(m, rules.texts());
  state.infos = m.ruleSets();
  state.kinds = m.activityKinds();
  form?.setKinds(state.kinds);
  for (const f of failed) {
    if (state.ruleNotes.has(f.id)) continue;
    const n = unreadableNote(t("rulesStoredBad", { id: f.id, msg: ruleError(f.error) }), f.text, () => dropRuleFile(f.id));
    state.ruleNotes.set(f.id, n);
  }
  const bad = rules.saved().unreadable;
  if (bad !== null && !state.ruleNotes.has("")) state.ruleNotes.set("", unreadableNote(t("rulesUnreadable"), bad, () => rules.discardUnreadable()));
}

const ruleError = (e) => (e?.path ? `${e.path}${colon()}${errorText(e)}` : errorText(e));

/** Another tab loaded or removed a rule file. */
async function followRules() {
  await startRules();
  buildPerson();
  buildDocs();
  update({ quiet: true });
}

/** The input with a newly loaded document chosen: as its region's default, or beside the others. */
function withRuleSet(x, info) {
  const region = x.person?.region;
  if (region && (region === info.region || region.startsWith(info.region))) {
    return { ...x, ruleSets: governing(region, state.infos, validYear(x.year) ? x.year : thisYear()).ids };
  }
  return x.ruleSets ? { ...x, ruleSets: [...x.ruleSets.filter((id) => id !== info.id), info.id] } : x;
}

async function loadRuleFile(file) {
  const where = "rules-notices";
  try {
    rules ??= await lazy("rulefiles");
    if (file.size > rules.MAX_BYTES) return notify(t("rulesTooBig", { size: io.sizeText(file.size) }), { kind: "error", where });
    const { info, saved } = await rules.add(await file.text());
    await startRules();
    buildPerson();
    buildDocs();
    const name = names().get(info.id);
    change(withRuleSet(shown(), info));
    notify(t(saved ? "rulesLoaded" : "rulesNotSaved", { name }), { where, kind: saved ? "info" : "error" });
  } catch (e) {
    notify(e?.code ? t("rulesBad", { msg: ruleError(e) }) : t("rulesFailed"), { kind: "error", where });
  }
}

async function dropRuleFile(id) {
  const name = names().get(id);
  const saved = await rules.remove(id);
  state.ruleNotes.get(id)?.remove();
  state.ruleNotes.delete(id);
  await startRules();
  buildPerson();
  buildDocs();
  // Inputs that chose it choose the others, else their region's documents, else all.
  const without = (x) => {
    if (!x.ruleSets?.includes(id)) return x;
    const left = x.ruleSets.filter((r) => r !== id);
    const next = { ...x, ruleSets: left.length ? left : x.person?.region ? governing(x.person.region, state.infos, validYear(x.year) ? x.year : thisYear()).ids : undefined };
    if (!next.ruleSets) delete next.ruleSets;
    return next;
  };
  if (state.link) state.link = without(state.link);
  const mine = without(state.mine);
  if (mine !== state.mine) {
    state.mine = mine;
    persist();
  }
  update();
  notify(t(saved ? "rulesRemoved" : "rulesRemovedNotSaved", { name }), { where: "rules-notices" });
  $("load-rules").focus();
}

function wireRules() {
  $("load-rules").addEventListener("click", () => $("rules-file").click());
  $("rules-file").addEventListener("change", (e) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) loadRuleFile(file);
  });
  const zone = $("docs");
  zone.addEventListener("dragover", (e) => (e.preventDefault(), zone.classList.add("drop")));
  zone.addEventListener("dragleave", () => zone.classList.remove("drop"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("drop");
    const file = e.dataTransfer?.files?.[0];
    if (file) loadRuleFile(file);
  });
  $("doc-list").addEventListener("click", (e) => {
    const b = e.target.closest("button[data-remove-rules]");
    if (b) dropRuleFile(b.dataset.removeRules);
  });
}

// --- reading links and files --------------------------------------------------

/** An engine error on some input, in words a person reads: "第 3 项活动 · 作者人数：必填". */
function errorWithPlace(err, input) {
  const m = /^activities\[(\d+)\](?:\.(\w+))?/.exec(err.path ?? "");
  if (m) {
    const a = input.activities[+m[1]];
    return `${t("itemN", { n: +m[1] + 1 })}${m[2] ? ` · ${fieldLabel(a?.kind, m[2])}` : ""}${colon()}${errorText(err)}`;
  }
  if (err.path === "year") return `${t("year")}${colon()}${errorText(err)}`;
  return err.path ? `${err.path}: ${errorText(err)}` : errorText(err);
}

function readError(e, prefix) {
  if (e instanceof io.ReadError) {
    if (e.kind === "future") return t("importFuture", { v: e.detail });
    if (e.kind === "notJson") return prefix === "link" ? t("linkBad") : t("importNotJson");
    return prefix === "link" ? t("linkBad") : t("importShape");
  }
  return t(prefix === "link" ? "linkBad" : "importRead");
}

const dropHash = () => history.replaceState(null, "", location.pathname + location.search);

/**
 * A `#v1=` share link opens as someone's input beside the user's own, which it never
 * replaces; the fragment stays, so a reload shows the same view. True when it opened.
 */
function openHash() {
  if (!location.hash.startsWith("#v1=")) return false;
  try {
    state.link = io.inputFromHash(location.hash);
  } catch (e) {
    dropHash();
    notify(readError(e, "link"), { kind: "error" });
    return false;
  }
  form?.forget(form.editing());
  state.limits.clear();
  dropNotes(); // their 撤销 would act on the user's own input, out of sight
  return true;
}

function saveAsMine() {
  const input = state.link;
  const had = state.mine.activities.length;
  state.link = null;
  dropHash();
  const msg = t("savedAsMine", { n: input.activities.length });
  act(input, had ? `${msg}${t("sep")}${t("replaced", { n: had })}` : msg, "notices");
}

function backToMine() {
  state.link = null;
  dropHash();
  state.limits.clear();
  update();
}

async function importFile(file) {
  const where = "tools-notices";
  if (file.size > io.MAX_IMPORT_BYTES) {
    notify(t("importTooBig", { size: io.sizeText(file.size), max: io.sizeText(io.MAX_IMPORT_BYTES) }), { kind: "error", where });
    return;
  }
  let input;
  try {
    input = io.parseText(await file.text());
  } catch (e) {
    notify(readError(e, "file"), { kind: "error", where });
    return;
  }
  const { error } = await calc.run(input);
  if (error) notify(t("importInvalid", { msg: errorWithPlace(error, input) }), { kind: "error", where });
  else act(input, t("imported", { n: input.activities.length }), where);
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
        el("span", { class: "doc-line" }, el("span", { class: "doc-name" }, nm.get(info.id)), info.docNumber ? words(info.docNumber, "span", { class: "doc-num" }) : null),
        el("span", { class: "doc-gov" }, `${regionName(info)} · ${t("governs")} ${governsText(info.governs)}`)),
      el("p", { class: "doc-ver", id: `${id}-ver`, hidden: true }),
      el("p", { class: "warn small", id: `${id}-warn`, hidden: true }),
      info.builtIn ? null : el("p", { class: "doc-own" }, t("loadedFile"), " ",
        el("button", { type: "button", class: "btn small ghost", "data-remove-rules": info.id, "aria-label": t("removeLabel", { name: nm.get(info.id) }) }, t("remove")))));
  }
}

function onDocsChange() {
  const chosen = state.infos.map((i) => i.id).filter((id) => $(`doc-${id}`).checked);
  const next = { ...shown() };
  if (chosen.length === state.infos.length) delete next.ruleSets;
  else next.ruleSets = chosen;
  change(next);
}

function renderDocs() {
  const chosen = new Set(shown().ruleSets ?? state.infos.map((i) => i.id));
  const results = new Map((state.report?.results ?? []).map((r) => [r.ruleSet, r]));
  for (const info of state.infos) {
    $(`doc-${info.id}`).checked = chosen.has(info.id);
    const warn = $(`doc-${info.id}-warn`);
    const r = results.get(info.id);
    const show = !state.error && r && !r.applies.inForce;
    warn.hidden = !show;
    warn.textContent = show ? t("notInForce", { y: state.report.year }) : "";
    // Versions of one region's document: which one governs the year.
    const y = shown().year;
    const versions = state.infos.filter((i) => i.region === info.region).length > 1 && validYear(y);
    const ver = $(`doc-${info.id}-ver`);
    ver.hidden = !versions;
    ver.textContent = versions ? t(governsYear(info, y) ? "versionInForce" : "versionOther", { y }) : "";
  }
}

function setFieldError(inputEl, errEl, msg) {
  errEl.textContent = msg;
  if (msg) inputEl.setAttribute("aria-invalid", "true");
  else inputEl.removeAttribute("aria-invalid");
}

/** Line index of activity `a` (index `i` of the shown input) in the report; -1 if the report is of another version of it. */
function reportIndex(a, i) {
  const acts = state.reportInput?.activities;
  if (!acts) return -1;
  if (acts[i] === a) return i;
  state.reportIndex ??= new Map(acts.map((x, j) => [x.id, j]));
  const j = state.reportIndex.get(a.id) ?? -1;
  return acts[j] === a ? j : -1;
}

function renderActivities() {
  const acts = shown().activities;
  $("act-count").textContent = acts.length ? t("activitiesCount", { n: acts.length }) : "";
  $("act-empty").hidden = acts.length > 0;
  $("hours-hint").hidden = !acts.length || (state.report?.results.length ?? 0) < 2;
  const m = /^activities\[(\d+)\](?:\.(\w+))?/.exec(state.error?.path ?? "");
  const more = renderList($("acts"), {
    acts, limit: limit("acts"), readOnly: !!state.link, editing: form?.editing(),
    report: state.report, error: state.error, errorAt: m && { index: +m[1], field: m[2] },
    reportIndex, kinds: kindByName(), names: names(), note: state.note, notesAbove: $("acts-notices"),
  });
  $("acts-more").replaceChildren(more ?? "");
}

function renderErrors() {
  const e = state.error;
  const path = e?.path ?? "";
  setFieldError($("year"), $("year-err"), path === "year" ? errorText(e) : "");
  // The engine's words for an empty list ("omit it for all") speak to programmers.
  const none = Array.isArray(shown().ruleSets) && shown().ruleSets.length === 0;
  const docsMsg = path.startsWith("ruleSets") ? (none ? t("noDocs") : errorText(e)) : "";
  $("docs-err").textContent = docsMsg;
  $("docs").classList.toggle("invalid", !!docsMsg);
  const general = e && path !== "year" && !path.startsWith("ruleSets") && !/^activities\[\d+\]/.test(path);
  $("result-err").hidden = !general;
  $("result-err").textContent = general ? errorWithPlace(e, shown()) : "";
  $("stale").hidden = !e && !state.pending;
  $("stale").textContent = e ? t("stale") : state.pending ? t("computing") : "";
  $("stale").classList.toggle("busy", !e);
}

/** The banner of a share link's input, and the tools card's line on saving. */
function renderLink() {
  const l = state.link;
  document.body.classList.toggle("viewing", !!l);
  $("link-banner").hidden = !l;
  $("view-note").hidden = !l;
  if (l) {
    $("link-text").textContent = t("linkText", { n: l.activities.length });
    $("link-close").textContent = t("backToMine", { n: state.mine.activities.length });
  }
  const hint = $("tools-hint");
  hint.textContent = l ? t("viewNotSaved") : state.saved ? t("toolsHint") : t("notSavedHint");
  hint.classList.toggle("warn", !l && !state.saved);
}

/**
 * The engine's notes that relieve the user's employer (泰安 二（一）): those it adds for
 * the profile, found by asking it once without. Cached per year, documents, employer, language.
 */
let exemptCache = { key: "", notes: [] };
function exemptNotes(res) {
  const x = state.reportInput;
  const key = [state.report.year, res.ruleSet, x.profile?.employer, getLang()].join("|");
  if (exemptCache.key !== key) {
    const ask = (profile) => calc.here({ year: state.report.year, ruleSets: [res.ruleSet], profile, activities: [] }).report?.results[0].notes ?? [];
    const plain = new Set(ask(undefined));
    exemptCache = { key, notes: ask(x.profile).filter((n) => !plain.has(n)) };
  }
  return exemptCache.notes;
}

const resultCtx = () => ({ report: state.report, input: state.reportInput, infos: infoById(), names: names(), requirementText, limit, exemptNotes });

function renderResults(ctx) {
  $("h-results").textContent = t("resultsYear", { y: ctx.report.year });
  renderSummary($("summary"), ctx);
  renderMini($("mini"), ctx);
  const has = ctx.input.activities.length > 0;
  $("compare-section").hidden = !has;
  $("details-section").hidden = !has;
  if (has) {
    $("compare-more").replaceChildren(renderCompare($("compare-scroll"), ctx) ?? "");
    watchWide();
    renderDetails($("details"), ctx, state.open);
  }
  clear($("print-report")); // built when printing: it holds every line of every document
}

function render() {
  const yearIn = $("year");
  if ((Number(yearIn.value) !== shown().year || yearIn.value === "") && document.activeElement !== yearIn) yearIn.value = shown().year ?? "";
  renderPerson();
  renderDocs();
  renderActivities();
  renderErrors();
  renderLink();
  $("results").classList.toggle("is-stale", !!state.error);
  $("results").setAttribute("aria-busy", String(state.pending));
  if (state.report) renderResults(resultCtx());
  else {
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

// --- the person: the first step ------------------------------------------------

const docName = (info) => names().get(info.id);

/** The first step's choices, in the page's language. */
function buildPerson() {
  const other = [el("option", { value: "" }, t("choose")), ...regions(state.infos).map((r) => el("option", { value: r.region }, r.label)), el("option", { value: "*" }, t("regionOther"))];
  $("p-region").replaceChildren(...other);
  $("p-employer").replaceChildren(el("option", { value: "" }, t("employerUnsure")), ...EMPLOYERS.map((e) => el("option", { value: e }, t(`emp_${e}`))));
}

/** The first step while unanswered (or reopened), else a line saying what was chosen. */
function renderPerson() {
  const x = shown();
  const p = x.person;
  const asking = !state.link && (p === undefined || state.editPerson);
  const card = $("person");
  if (asking && card.hidden) {
    $("p-region").value = p?.region ?? "";
    $("p-employer").value = x.profile?.employer ?? "";
  }
  card.hidden = !asking;
  $("p-skip").textContent = t(state.editPerson ? "cancel" : "personSkip");
  $("who").hidden = asking || p === undefined;
  if (p !== undefined) {
    const info = state.infos.find((i) => i.region === p.region);
    const region = p.region ? (info ? regionName(info) : p.region) : t("noRegion");
    const employer = x.profile?.employer ? t(`emp_${x.profile.employer}`) : t("employerUnset");
    $("who-text").textContent = t(state.link ? "whoLink" : "who", { region, employer });
    $("who-edit").hidden = !!state.link;
    $("who-docs").hidden = !p.region;
    $("who-docs").textContent = t(x.ruleSets === undefined ? "onlyMine" : "compareAll");
  }
  renderYearOffer();
}

/** When no chosen document governs the year: which years they govern, one click each. */
function renderYearOffer() {
  const box = $("year-offer");
  const x = shown();
  const ids = x.ruleSets ?? state.infos.map((i) => i.id);
  const o = validYear(x.year) ? yearOffers(state.infos.filter((i) => ids.includes(i.id)), x.year, docName) : null;
  const key = o ? `${o.text}|${o.years}` : "";
  box.hidden = !o;
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  box.replaceChildren(...(o ? [el("p", { class: "warn" }, o.text), el("div", { class: "notice-actions" }, ...o.years.map((y) => el("button", { type: "button", class: "btn small", "data-year": y }, t("useYear", { y }))))] : []));
}

/** The year; a region's documents follow it (the version in force) unless others were chosen. */
function setYear(year) {
  const x = shown();
  const next = { ...x, year };
  const region = x.person?.region;
  const before = validYear(x.year) ? x.year : state.ruleYear;
  if (region && validYear(year) && before && sameSet(x.ruleSets, governing(region, state.infos, before).ids)) {
    next.ruleSets = governing(region, state.infos, year).ids;
  }
  if (validYear(year)) state.ruleYear = year;
  change(next);
}

function choosePerson() {
  const region = $("p-region").value;
  const employer = $("p-employer").value;
  const x = shown();
  const next = { ...x, person: region && region !== "*" ? { region } : {} };
  if (employer) next.profile = { employer };
  else delete next.profile;
  const year = validYear(x.year) ? x.year : thisYear();
  if (next.person.region) next.ruleSets = governing(region, state.infos, year).ids;
  else delete next.ruleSets;
  state.editPerson = false;
  const docs = next.ruleSets ? next.ruleSets.map((id) => names().get(id)).join(t("listSep")) : null;
  act(next, docs ? t("personChosen", { docs }) : t("personAll"), "setup-notices");
  $("who-edit").focus();
}

function skipPerson() {
  const x = shown();
  state.editPerson = false;
  if (x.person === undefined) change({ ...x, person: {} });
  else render();
  $("who-edit").focus();
}

function toggleAllDocs() {
  const x = shown();
  const next = { ...x };
  if (x.ruleSets === undefined) next.ruleSets = governing(x.person.region, state.infos, validYear(x.year) ? x.year : thisYear()).ids;
  else delete next.ruleSets;
  change(next);
}

// --- actions ------------------------------------------------------------------

/** After 删除: the next entry, else the previous, else the add button. */
function focusAfterRemove(nextId, prevId) {
  const btn = (id) => id !== undefined && $("acts").querySelector(`li[data-id="${CSS.escape(id)}"] [data-action="remove"]`);
  (btn(nextId) || btn(prevId) || $("f-submit"))?.focus();
}

function onActivityAction(e) {
  const btn = e.target.closest("button[data-action]");
  if (!btn || state.link) return;
  const id = btn.closest("li").dataset.id;
  const acts = state.mine.activities;
  const i = acts.findIndex((a) => a.id === id);
  if (i < 0) return;
  const a = acts[i];
  if (btn.dataset.action === "edit") {
    form.edit(a);
    renderActivities();
  } else if (btn.dataset.action === "duplicate") {
    const copy = { ...a, id: newId() };
    act(withActs([...acts.slice(0, i + 1), copy, ...acts.slice(i + 1)]), t("duplicated", { name: activityName(a) }), { after: copy.id });
    $("acts").querySelector(`li[data-id="${CSS.escape(copy.id)}"] [data-action="edit"]`)?.focus();
  } else if (btn.dataset.action === "remove") {
    form.forget(id);
    act(withActs(acts.filter((x) => x !== a)), t("removed", { name: activityName(a) }), { after: acts[i - 1]?.id ?? null });
    focusAfterRemove(acts[i + 1]?.id, acts[i - 1]?.id);
  }
}

/** "Show more" under a long list: the next page, the focus staying on the button. */
function onMore(e) {
  const b = e.target.closest("button[data-more]");
  if (!b) return;
  const key = b.dataset.more;
  state.limits.set(key, limit(key) + PAGE);
  render();
  document.querySelector(`button[data-more="${CSS.escape(key)}"]`)?.focus();
}

function exportCsv() {
  if (!state.report || state.error || state.reportInput !== shown()) {
    notify(t(state.pending ? "computing" : "stale"), { kind: "error", where: "tools-notices" });
    return;
  }
  const { header, rows } = csvRows(resultCtx());
  io.download(`xueshi-${state.report.year}.csv`, io.csvText(header, rows), "text/csv;charset=utf-8");
}

async function copyLink() {
  const url = io.linkFor(shown());
  const field = $("share-url");
  field.value = url;
  $("share").hidden = false;
  try {
    await navigator.clipboard.writeText(url);
    notify(t("linkCopied"), { where: "tools-notices" });
  } catch {
    notify(t("linkManual"), { where: "tools-notices" });
    field.focus();
    field.select();
  }
}

function printNow() {
  if (state.report) renderPrint($("print-report"), resultCtx());
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
  calc.setLang(getLang());
  applyStaticTexts();
  buildPerson();
  buildDocs();
  form.relabel();
  dropNotes();
  update({ quiet: true }); // the engine's explanations and notes in the new language
}

function defaultDate() {
  const y = validYear(shown().year) ? shown().year : thisYear();
  const now = new Date();
  if (now.getFullYear() === y) return `${y}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  return `${y}-12-31`;
}

/** Runs the engine on one draft activity, for the form's errors and preview. */
function checkDraft(a) {
  const input = { year: validYear(shown().year) ? shown().year : thisYear(), activities: [a] };
  if (shown().ruleSets?.length) input.ruleSets = shown().ruleSets;
  const { report, error } = calc.here(input);
  if (report) {
    const nm = names();
    return { lines: report.results.map((r) => ({ name: nm.get(r.ruleSet), line: r.lines[0] })) };
  }
  const m = /^activities\[0\](?:\.(\w+))?/.exec(error.path ?? "");
  return { error: { field: m?.[1] ?? "kind", text: errorText(error) } };
}

/** The form's entry: added, or saved over the entry being edited (re-added if another tab removed it). */
function submitDraft(a, editingId, original) {
  const acts = state.mine.activities;
  const name = activityName(a);
  if (!editingId) {
    act(withActs([...acts, { ...a, id: newId() }]), t("added", { name }), "form-notices");
    return;
  }
  const next = { ...a, id: editingId };
  const i = acts.findIndex((x) => x.id === editingId);
  const elsewhere = i < 0 ? t("readded") : !io.same(acts[i], original) ? t("editedElsewhere") : null;
  const list = i < 0 ? [...acts, next] : acts.map((x, j) => (j === i ? next : x));
  act(withActs(list), elsewhere ? `${t("saved", { name })}${t("sep")}${elsewhere}` : t("saved", { name }), { after: editingId });
}

// --- start --------------------------------------------------------------------

function wire() {
  $("year").addEventListener("input", () => {
    const v = $("year").value.trim();
    setYear(v === "" ? null : Number(v));
  });
  $("year-offer").addEventListener("click", (e) => {
    const b = e.target.closest("button[data-year]");
    if (!b) return;
    setYear(Number(b.dataset.year));
    $("year").focus();
  });
  $("p-ok").addEventListener("click", choosePerson);
  $("p-skip").addEventListener("click", skipPerson);
  $("who-edit").addEventListener("click", () => {
    state.editPerson = true;
    render();
    $("p-region").focus();
  });
  $("who-docs").addEventListener("click", toggleAllDocs);
  // Leaving the field shows the year as the input holds it (only the field: a redraw here
  // would replace the button being clicked).
  $("year").addEventListener("change", () => ($("year").value = shown().year ?? ""));
  $("acts").addEventListener("click", onActivityAction);
  document.addEventListener("click", onMore);
  $("example").addEventListener("click", () => {
    const had = state.mine.activities.length;
    const msg = t("exampleLoaded", { y: EXAMPLE.year, n: EXAMPLE.activities.length });
    // Confirmed beside the button; on a phone the sticky summary shows the outcome.
    const example = structuredClone(EXAMPLE);
    if (getLang() === "en") for (const a of example.activities) a.title = EXAMPLE_EN[a.id] ?? a.title;
    act(example, had ? `${msg}${t("sep")}${t("replaced", { n: had })}` : msg, "acts-notices");
  });
  $("clear").addEventListener("click", () => {
    const n = state.mine.activities.length;
    if (!n) return;
    form.forget(form.editing());
    act(withActs([]), t("cleared", { n }), "acts-notices");
  });
  $("lang").addEventListener("click", switchLang);
  // To the results without touching the address: it may hold a share link to keep.
  for (const a of document.querySelectorAll('a[href="#results"]')) {
    a.addEventListener("click", (e) => (e.preventDefault(), $("results").focus()));
  }
  for (const b of document.querySelectorAll("[data-do=save-mine]")) b.addEventListener("click", saveAsMine);
  $("link-close").addEventListener("click", backToMine);
  $("copy-link").addEventListener("click", copyLink);
  $("export-json").addEventListener("click", () => io.download(`xueshi-input-${shown().year ?? ""}.json`, JSON.stringify(io.envelope(shown(), state.engineVersion), null, 2) + "\n", "application/json"));
  $("import-json").addEventListener("click", () => $("import-file").click());
  $("import-file").addEventListener("change", async (e) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) await importFile(file);
  });
  $("export-csv").addEventListener("click", exportCsv);
  $("print").addEventListener("click", () => (printNow(), window.print()));
  window.addEventListener("hashchange", () => openHash() && update());
  window.addEventListener("beforeprint", printNow);
  matchMedia("print").addEventListener("change", (e) => e.matches && printNow());
  window.addEventListener("storage", onStorage);
}

async function main() {
  // English loads beside the engine; until then the page speaks Chinese.
  const lang = setLang(io.loadLang() ?? "zh").catch(() => {});
  const saved = io.load();
  state.mine = saved.input ?? { year: thisYear(), activities: [] };
  openHash();
  calc.prepare(shown()); // a large input: the worker loads its engine beside this one
  try {
    await init();
    await lang;
    calc.setLang(getLang());
    state.infos = ruleSets();
    state.kinds = activityKinds();
    state.engineVersion = version();
    if (hasRules()) await startRules().catch(() => notify(t("rulesFailed"), { kind: "error", sticky: true }));
  } catch (e) {
    $("loading").textContent = t("engineFailed");
    notify(t("engineFailed"), { kind: "error", sticky: true });
    throw e;
  }
  applyStaticTexts();
  if (saved.blocked) showBlocked(saved.blocked);
  showAside();
  buildPerson();
  buildDocs();
  if (validYear(shown().year)) state.ruleYear = shown().year;
  update({ quiet: true });
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
  EXAMPLE_EN = example.TITLES_EN;
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
  wire();
  wireRules();
  document.body.classList.add("ready"); // everything is wired: the tests wait for this
}

main();
