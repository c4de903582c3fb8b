// Rendering the engine's Report: summary cards, the comparison table, the per-document
// details with clauses, the print report, the CSV rows, and the activity list with each
// entry's hours. No hours are computed here.

import { t, num, rangeText, pendingText, statusLabel, kindLabel, fieldLabel, valueLabel, getLang, errorText } from "./i18n.js";
import { el, clear } from "./dom.js";

/** Rows drawn at first and added per "more": a long input costs no more to redraw than a short one. */
export const PAGE = 50;

/** The button under a list cut at `shown` of `total` rows (null when nothing is cut). */
function moreButton(key, shown, total) {
  if (shown >= total) return null;
  return el("button", { type: "button", class: "btn more", "data-more": key }, t("showMore", { n: Math.min(PAGE, total - shown), shown, total }));
}

/**
 * A document's own words: Chinese always, and in English between “ ” so that no
 * sentence mixes the two languages unmarked.
 */
export function words(text, tag = "span", attrs = {}) {
  return el(tag, { lang: "zh-CN", ...attrs }, getLang() === "zh" ? text : `“${text}”`);
}

/**
 * The engine's text (explanations, notes): in English, the Chinese words it quotes
 * between “ ” are marked as Chinese, for screen readers and fonts.
 */
export function engineText(text) {
  if (getLang() === "zh" || !/[\u3400-\u9fff]/.test(text)) return text;
  return el("span", {}, ...text.split(/(“[^”]*”)/).map((p) => (/^“[^]*[\u3400-\u9fff]/.test(p) ? el("span", { lang: "zh-CN" }, p) : p)));
}

/** The document's identity under its short name: its number or title; in English the English title. */
function docLine(info, res, tag = "p", attrs = {}) {
  if (getLang() === "zh") return el(tag, { ...attrs, lang: "zh-CN" }, [info?.issuer, info?.docNumber, res.title].filter(Boolean).join(" · "));
  return el(tag, attrs, info?.titleEn ?? "", " ", words([info?.docNumber, res.title].filter(Boolean).join(" · ")));
}

/** Activity name as the user knows it. */
export function activityName(a) {
  return typeof a.title === "string" && a.title.trim() ? a.title : kindLabel(a.kind);
}

/** Under an activity's name: its kind (unless the name is the kind) and more, joined by " · ". */
function meta(a, ...more) {
  const name = activityName(a);
  return [name === kindLabel(a.kind) ? null : kindLabel(a.kind), ...more].filter(Boolean).join(" · ");
}

/** The activity's own fields in words: "国内国家级刊物 · 作者人数 3 · 会议论文". */
export function describe(a, spec) {
  if (!spec) return "";
  const out = [];
  const seen = new Set();
  for (const f of [...spec.fields, ...(spec.extraFields ?? [])]) {
    const v = a[f.name];
    if (v === undefined || v === null || seen.has(f.name)) continue;
    seen.add(f.name);
    if (f.type === "choice") out.push(valueLabel(f.name, v));
    else if (f.type === "flag") {
      if (v === true) out.push(fieldLabel(a.kind, f.name));
    } else out.push(`${fieldLabel(a.kind, f.name)} ${v}`);
  }
  return out.join(" · ");
}

const BADGE = new Set(["capped", "deemed", "notCovered", "otherYear"]);

/** A line's hours in words, plus its status badge where the status is news. */
export function lineText(line) {
  const span = el("span", { class: "line-h" });
  if (line.status === "notCovered" || line.status === "otherYear") {
    span.append(el("span", { class: `badge b-${line.status}` }, statusLabel(line.status)));
    return span;
  }
  if (line.status === "deemed" && line.hours.min === 0 && line.hours.max === 0) {
    span.append(el("span", { class: "badge b-deemed" }, statusLabel("deemed")));
  } else {
    span.append(el("span", { class: "hours" }, rangeText(line.hours)));
    if (BADGE.has(line.status)) span.append(" ", el("span", { class: `badge b-${line.status}` }, statusLabel(line.status)));
  }
  if (line.parts) {
    span.append(el("span", { class: "parts" }, `${t("parts")} ${line.parts.map((p) => `${t(p.subject)} ${rangeText(p.hours)}`).join(" + ")}`));
  } else if (line.subject === "public" && !(line.hours.max === 0)) {
    span.append(" ", el("span", { class: "tag" }, t("public")));
  }
  return span;
}

function plainLine(line) {
  if (line.status === "notCovered" || line.status === "otherYear") return statusLabel(line.status);
  let s = line.status === "deemed" && line.hours.max === 0 ? statusLabel("deemed") : rangeText(line.hours);
  if (BADGE.has(line.status) && !s.startsWith(statusLabel(line.status))) s += `（${statusLabel(line.status)}）`;
  if (line.parts) s += `：${line.parts.map((p) => `${t(p.subject)} ${rangeText(p.hours)}`).join(" + ")}`;
  return s;
}

const cents = (x) => Math.round(x * 100) / 100;

/**
 * A part as the engine counts it for the check (contract v1.1 rule 6): its lines' sum,
 * a deemed part at least its requirement; the total is the two parts' sum.
 */
export function counted(res, part) {
  if (part === "total") {
    const [a, b] = [counted(res, "public"), counted(res, "professional")];
    return { min: cents(a.min + b.min), max: a.max === null || b.max === null ? null : cents(a.max + b.max) };
  }
  const r = res.totals[part];
  if (!res.deemed[part]) return r;
  const need = res.requirement[part];
  return { min: Math.max(r.min, need), max: r.max === null ? null : Math.max(r.max, need) };
}

/** "24", "24 + 待认定 最多 20": the guaranteed hours, then what is still to be decided. */
function countedText(c) {
  if (c.max === c.min) return num(c.min);
  return `${num(c.min)} + ${pendingText(c)}`;
}

function shortfallText(res) {
  if (res.compliance === "met") return t("metAll");
  const parts = [];
  for (const k of ["public", "professional", "total"]) {
    if (res.shortfall[k] > 0) parts.push(t("shortPart", { what: t(k), h: num(res.shortfall[k]) }));
  }
  if (res.compliance === "exempt") return parts.length ? t("exemptShort", { parts: parts.join(t("listSep")) }) : t("metAll");
  const s = t("shortBy", { parts: parts.join(t("listSep")) });
  const c = counted(res, "total");
  if (res.compliance === "possible") return `${s}${t("possibleWhy")}`;
  return c.max === c.min ? s : `${s}${t("shortEven")}`;
}

function bar(res, part) {
  const req = res.requirement[part];
  const c = counted(res, part);
  const deemed = part !== "total" && res.deemed[part];
  const row = el("div", { class: "bar-row" });
  const value = el("span", { class: "val" }, num(c.min));
  const dd = el("dd", {}, value, el("span", { class: "req" }, req > 0 ? ` ${t("ofReq", { h: num(req) })}` : ` · ${t("noMinimum")}`));
  if (deemed) dd.append(" ", el("span", { class: "badge b-deemed" }, t("deemedPart")));
  if (c.max !== c.min) dd.append(el("span", { class: "pending" }, pendingText(c)));
  row.append(el("dt", {}, t(part)), dd);
  if (req <= 0) return row; // nothing to fill
  const track = el("div", { class: "bar", "aria-hidden": "true" });
  const fill = el("span", { class: "fill" });
  const maybe = el("span", { class: "maybe" });
  const pct = (x) => `${Math.max(0, Math.min(100, (x / req) * 100))}%`;
  // Widths through the CSSOM, which the style-src 'self' policy allows.
  fill.style.width = pct(c.min);
  maybe.style.width = c.max === null ? `calc(100% - ${fill.style.width})` : `calc(${pct(c.max)} - ${fill.style.width})`;
  track.append(fill, maybe);
  dd.append(track);
  return row;
}

/** Summary cards, one per document. */
export function renderSummary(box, ctx) {
  clear(box);
  for (const res of ctx.report.results) {
    const info = ctx.infos.get(res.ruleSet);
    const id = `card-${res.ruleSet}`;
    const card = el("article", { class: `doc-card c-${res.compliance}`, "aria-labelledby": id, "data-rule-set": res.ruleSet });
    card.append(
      el("div", { class: "doc-head" },
        el("h3", { id }, ctx.names.get(res.ruleSet)),
        el("span", { class: `pill p-${res.compliance}` }, t(res.compliance))),
      el("p", { class: "doc-sub" }, getLang() === "zh" ? (info?.docNumber ?? res.title) : (info?.titleEn ?? words(res.title))),
    );
    if (!res.applies.inForce) {
      card.append(el("p", { class: "warn" }, t("notInForce", { y: ctx.report.year })));
    }
    card.append(el("dl", { class: "bars" }, bar(res, "public"), bar(res, "professional"), bar(res, "total")));
    const deemed = ["public", "professional"].filter((p) => res.deemed[p]);
    if (deemed.length) card.append(el("p", { class: "card-note" }, t("deemedNote", { parts: deemed.map((p) => t(p)).join(t("listSep")) })));
    for (const n of res.compliance === "exempt" ? ctx.exemptNotes(res) : []) card.append(el("p", { class: "exempt-note" }, engineText(n)));
    if (info && res.requirement.total !== info.requirement.total) card.append(el("p", { class: "card-note" }, t("adjusted", { h: num(info.requirement.total) })));
    card.append(el("p", { class: "gap" }, shortfallText(res)));
    box.append(card);
  }
}

/** The activities × documents table: the first `ctx.limit("compare")` rows, then a "more" button. */
export function renderCompare(box, ctx) {
  clear(box);
  const { report, input } = ctx;
  const table = el("table", { class: "compare" });
  table.append(el("caption", { class: "visually-hidden" }, t("compareCaption")));
  const head = el("tr", {}, el("th", { scope: "col" }, t("activity")));
  for (const res of report.results) head.append(el("th", { scope: "col" }, ctx.names.get(res.ruleSet)));
  table.append(el("thead", {}, head));
  const body = el("tbody");
  const shown = Math.min(ctx.limit("compare"), input.activities.length);
  for (let i = 0; i < shown; i++) {
    const a = input.activities[i];
    const tr = el("tr", {}, el("th", { scope: "row" },
      el("span", { class: "act-name" }, activityName(a)),
      el("span", { class: "act-meta" }, meta(a, a.date))));
    for (const res of report.results) tr.append(el("td", {}, lineText(res.lines.at(i))));
    body.append(tr);
  }
  table.append(body, compareFoot(report));
  box.append(table);
  return moreButton("compare", shown, input.activities.length);
}

function compareFoot(report) {
  const foot = el("tfoot");
  for (const part of ["public", "professional", "total"]) {
    const tr = el("tr", {}, el("th", { scope: "row" }, t(part)));
    for (const res of report.results) {
      const req = res.requirement[part];
      tr.append(el("td", {}, el("span", { class: "hours" }, countedText(counted(res, part))), req > 0 ? el("span", { class: "req" }, ` ${t("ofReq", { h: num(req) })}`) : null));
    }
    foot.append(tr);
  }
  const st = el("tr", {}, el("th", { scope: "row" }, t("status")));
  for (const res of report.results) st.append(el("td", {}, el("span", { class: `pill p-${res.compliance}` }, t(res.compliance))));
  foot.append(st);
  return foot;
}

function basis(line, key, open) {
  const d = el("details", { class: "basis", open: open.has(key) }, el("summary", {}, t("basis")));
  d.addEventListener("toggle", () => (d.open ? open.add(key) : open.delete(key)));
  const dl = el("dl");
  if (line.clause) {
    dl.append(el("dt", {}, t("clause")), el("dd", {}, words(line.clause.ref)));
    dl.append(el("dt", {}, t("quote")), el("dd", {}, words(line.clause.quote, "blockquote")));
  } else {
    dl.append(el("dt", {}, t("clause")), el("dd", {}, t("noClause")));
  }
  if (line.explain) dl.append(el("dt", {}, t("explain")), el("dd", {}, engineText(line.explain)));
  d.append(dl);
  return d;
}

/** Per document: every line with its clause, the document's words and the arithmetic. Built when opened. */
export function renderDetails(box, ctx, open) {
  clear(box);
  for (const res of ctx.report.results) {
    const d = el("details", { class: "doc-detail", "data-rule-set": res.ruleSet, open: open.has(res.ruleSet) });
    const fill = () => {
      if (d.open && d.children.length === 1) d.append(detailBody(res, ctx, open));
    };
    d.addEventListener("toggle", () => {
      if (d.open) open.add(res.ruleSet);
      else open.delete(res.ruleSet);
      fill();
    });
    d.append(el("summary", {},
      el("span", { class: "dd-name" }, ctx.names.get(res.ruleSet)),
      el("span", { class: "dd-meta" }, `${countedText(counted(res, "total"))} / ${num(res.requirement.total)} · ${t(res.compliance)}`)));
    fill();
    box.append(d);
  }
}

function detailBody(res, ctx, open) {
  const info = ctx.infos.get(res.ruleSet);
  const inner = el("div", { class: "dd-body" });
  inner.append(docLine(info, res, "p", { class: "doc-title" }));
  if (info && ctx.requirementText) inner.append(el("p", { class: "doc-title" }, ctx.requirementText(info.requirement)));
  if (!res.applies.inForce || res.applies.note) {
    inner.append(el("p", { class: res.applies.inForce ? "note" : "warn" }, engineText(res.applies.note || t("notInForce", { y: ctx.report.year }))));
  }
  if (res.notes.length) inner.append(el("ul", { class: "notes" }, ...res.notes.map((n) => el("li", {}, engineText(n)))));
  const ol = el("ol", { class: "lines" });
  const acts = ctx.input.activities;
  const shown = Math.min(ctx.limit(`d:${res.ruleSet}`), acts.length);
  for (let i = 0; i < shown; i++) {
    const a = acts[i];
    const line = res.lines.at(i);
    ol.append(el("li", { class: `line s-${line.status}` },
      el("div", { class: "line-top" },
        el("div", {}, el("span", { class: "act-name" }, activityName(a)), el("span", { class: "act-meta" }, meta(a, a.date, t(line.subject === "public" ? "publicLong" : "professionalLong")))),
        lineText(line)),
      basis(line, `${res.ruleSet}:${a.id}`, open)));
  }
  inner.append(ol, moreButton(`d:${res.ruleSet}`, shown, acts.length) ?? "");
  return inner;
}

/** The printable report: one section per document, everything expanded. */
export function renderPrint(box, ctx) {
  clear(box);
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  box.append(el("h1", {}, t("printHeading", { y: ctx.report.year })), el("p", { class: "muted" }, t("printMeta", { date: today })));
  for (const res of ctx.report.results) {
    const info = ctx.infos.get(res.ruleSet);
    const sec = el("section", { class: "print-doc" });
    sec.append(el("h2", {}, ctx.names.get(res.ruleSet)), docLine(info, res));
    if (!res.applies.inForce) sec.append(el("p", { class: "warn" }, engineText(res.applies.note || t("notInForce", { y: ctx.report.year }))));
    sec.append(el("p", { class: "print-sum" },
      ["public", "professional", "total"].map((p) => `${t(p)} ${countedText(counted(res, p))}${res.requirement[p] > 0 ? ` / ${num(res.requirement[p])}` : ""}`).join("　"),
      "　", el("strong", {}, t(res.compliance)), "　", shortfallText(res)));
    const table = el("table", { class: "print-table" });
    table.append(el("thead", {}, el("tr", {}, ...[t("index"), t("activity"), t("date"), t("hoursCol"), t("clause")].map((h) => el("th", { scope: "col" }, h)))));
    const tb = el("tbody");
    ctx.input.activities.forEach((a, i) => {
      const line = res.lines.at(i);
      tb.append(el("tr", {},
        el("td", {}, String(i + 1)),
        el("td", {}, activityName(a), el("br"), el("small", {}, meta(a, t(line.subject === "public" ? "publicLong" : "professionalLong")))),
        el("td", {}, a.date ?? ""),
        el("td", {}, plainLine(line)),
        el("td", {}, line.clause ? words(line.clause.ref) : "—", line.clause ? words(line.clause.quote, "small", { class: "quote" }) : null, line.explain ? el("small", {}, engineText(line.explain)) : null)));
    });
    table.append(tb);
    sec.append(table);
    if (res.notes.length) sec.append(el("ul", { class: "notes" }, ...res.notes.map((n) => el("li", {}, engineText(n)))));
    box.append(sec);
  }
}

/** CSV header and rows: one row per document × activity, then the document's totals. */
export function csvRows(ctx) {
  const header = [t("csvFile"), t("csvDocNumber"), t("index"), t("activity"), t("csvKind"), t("date"), t("subject"), t("hoursCol"), t("csvMin"), t("csvMax"), t("status"), t("clause"), t("explain")];
  const rows = [];
  for (const res of ctx.report.results) {
    const info = ctx.infos.get(res.ruleSet);
    const name = ctx.names.get(res.ruleSet);
    ctx.input.activities.forEach((a, i) => {
      const line = res.lines.at(i);
      rows.push([name, info?.docNumber ?? "", i + 1, activityName(a), kindLabel(a.kind), a.date ?? "", t(line.subject), plainLine(line), line.hours.min, line.hours.max, statusLabel(line.status), line.clause?.ref ?? "", line.explain]);
    });
    for (const p of ["public", "professional", "total"]) {
      rows.push([name, info?.docNumber ?? "", "", p === "total" ? t("total") : t("partTotal", { p: t(p) }), "", "", t(p), rangeText(res.totals[p]), res.totals[p].min, res.totals[p].max, res.requirement[p] > 0 ? `${t("csvRequirement")} ${num(res.requirement[p])}` : t("noMinimum"), "", ""]);
    }
    rows.push([name, info?.docNumber ?? "", "", t("csvCompliance"), "", "", "", "", "", "", t(res.compliance), "", shortfallText(res)]);
  }
  return { header, rows };
}

/** Beside an activity: its line with the most guaranteed hours over the documents (then the most possible). */
export function bestLine(report, i) {
  let best = null;
  for (const res of report.results) {
    const line = res.lines.at(i);
    const more = !best || line.hours.min > best.line.hours.min || (line.hours.min === best.line.hours.min && (line.hours.max ?? Infinity) > (best.line.hours.max ?? Infinity));
    if (more) best = { line, ruleSet: res.ruleSet };
  }
  return best;
}

/** The phone's sticky summary: per document 合计 / 要求 and the status. */
export function renderMini(box, ctx) {
  clear(box);
  box.append(el("span", { class: "visually-hidden" }, t("miniLabel")));
  for (const res of ctx.report.results) {
    box.append(el("span", { class: "mini-doc" },
      el("b", {}, ctx.names.get(res.ruleSet)), ` ${num(counted(res, "total").min)}/${num(res.requirement.total)} `,
      el("span", { class: `pill p-${res.compliance}` }, t(res.compliance))));
  }
}

// --- the activity list: each entry with its hours, a page at a time, with a
// confirmation in place where the user acted on an entry ---------------------------

const ACTIONS = [["edit", "editLabel"], ["duplicate", "duplicateLabel"], ["remove", "removeLabel"]];

/** The hours beside activity `a` (index `i` of the shown input), if the report is of this very entry. */
function hoursOf(a, i, o) {
  const rep = o.report;
  if (!rep || o.error) return null;
  const j = o.reportIndex(a, i);
  if (j < 0) return null;
  const best = bestLine(rep, j);
  if (!best) return null;
  const box = el("p", { class: "act-hours" }, lineText(best.line));
  if (rep.results.length > 1) box.append(el("span", { class: "act-doc" }, getLang() === "zh" ? `（${o.names.get(best.ruleSet)}）` : ` (${o.names.get(best.ruleSet)})`));
  return box;
}

function item(a, i, o) {
  const name = activityName(a);
  const titled = name !== kindLabel(a.kind); // else the name is the kind: not shown twice
  const li = el("li", { class: `act${o.editing === a.id ? " editing" : ""}`, "data-id": a.id });
  const main = el("div", { class: "act-main" },
    el("p", { class: "act-title" }, titled ? el("span", { class: "kind-chip" }, kindLabel(a.kind)) : null, titled ? " " : null, el("span", { class: "act-name" }, name)),
    el("p", { class: "act-meta" }, [a.date, describe(a, o.kinds.get(a.kind))].filter(Boolean).join(" · ")),
    hoursOf(a, i, o));
  if (o.errorAt?.index === i) {
    li.classList.add("has-error");
    const { field } = o.errorAt;
    main.append(el("p", { class: "err" }, field ? t("invalidField", { label: fieldLabel(a.kind, field), msg: errorText(o.error) }) : errorText(o.error)));
  }
  li.append(main);
  if (!o.readOnly) {
    const btns = el("div", { class: "act-actions" });
    for (const [action, aria] of ACTIONS) {
      btns.append(el("button", { type: "button", class: `btn small${action === "remove" ? " danger" : ""}`, "data-action": action, "aria-label": t(aria, { name }) }, t(action)));
    }
    li.append(btns);
  }
  return li;
}

/**
 * o: { acts, limit, readOnly, editing, report, error, errorAt: { index, field }, reportIndex(a, i),
 *      kinds, names, note: { after: id | null, node }, notesAbove: the box for a note with no entry before it,
 *      root?: the document or shadow root the list is in (default document) }
 */
export function renderList(list, o) {
  const active = (o.root ?? document).activeElement; // o.root: a shadow root holding the list
  const focused = active?.closest?.("#acts li") ? active : null;
  const focusKey = focused && [focused.closest("li").dataset.id, focused.dataset.action];
  clear(list);
  const shown = Math.min(o.limit, o.acts.length);
  for (let i = 0; i < shown; i++) list.append(item(o.acts[i], i, o));
  // A confirmation goes inside the entry it follows (a list item of its own would count
  // as an activity); above the list when there is none on this page.
  const at = o.note && o.note.after !== null && list.querySelector(`li[data-id="${CSS.escape(o.note.after)}"]`);
  if (o.note) (at || o.notesAbove).append(o.note.node);
  if (focusKey) list.querySelector(`li[data-id="${CSS.escape(focusKey[0])}"] [data-action="${focusKey[1]}"]`)?.focus();
  return moreButton("acts", shown, o.acts.length);
}
