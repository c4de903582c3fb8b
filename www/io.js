// Keeping and sharing the input: localStorage, the #v1= link, JSON files, CSV.
// Everything here is plain data handling; hours come only from the engine.

export const FORMAT = "xueshi-input";
// 2: the input may carry `person` (the page's first step), which version 1 would pass
// to the engine; a version 1 page therefore keeps version 2 data aside, unread.
export const FORMAT_VERSION = 2;
export const MAX_IMPORT_BYTES = 1024 * 1024;

/** The file and storage envelope around a contract Input. */
export function envelope(input, engineVersion) {
  return { format: FORMAT, version: FORMAT_VERSION, engine: engineVersion, input };
}

/** Thrown for a file, link or saved text that is not an input we can read. */
export class ReadError extends Error {
  constructor(kind, detail) {
    super(kind);
    this.kind = kind; // "notJson" | "shape" | "future"
    this.detail = detail;
  }
}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/** The contract Input in `value` (an envelope or a bare Input); shape only, the engine checks the rest. */
export function inputOf(value) {
  let input = value;
  if (isObject(value) && "format" in value) {
    if (value.format !== FORMAT) throw new ReadError("shape");
    if (!Number.isInteger(value.version) || value.version < 1) throw new ReadError("shape");
    if (value.version > FORMAT_VERSION) throw new ReadError("future", value.version);
    input = value.input;
  }
  if (!isObject(input) || !Array.isArray(input.activities) || !input.activities.every(isObject)) {
    throw new ReadError("shape");
  }
  return input;
}

export function parseText(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ReadError("notJson");
  }
  return inputOf(value);
}

// --- localStorage ---------------------------------------------------------------

// The user's own input in localStorage, shared by every tab of this origin. Each save
// carries a revision; a tab that finds another tab's revision merges activity by
// activity before it writes, so no tab overwrites another's change unseen. Saved text
// this version cannot read is never overwritten: it moves to a key of its own, or, when
// it cannot move (storage full, or a newer version's data), nothing is saved until the
// user discards it.

const KEY = "xueshi.input";
const ASIDE = "xueshi.unreadable"; // + ".<time>" per text set aside; bare: older pages
const KEY_LANG = "xueshi.lang";
const TAB = Math.random().toString(36).slice(2, 10);

let known = null; // { rev, tab, input, text }: the saved envelope as this tab last read or wrote it
let parent = null; // `known` before this tab's last write

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked by the browser's settings
  }
}

/** What is saved now: { kind: "empty" | "ok" | "future" | "garbage", text, input, rev, tab }. */
function current() {
  let text = null;
  try {
    text = storage()?.getItem(KEY) ?? null;
  } catch {
    /* unreadable storage counts as empty */
  }
  if (text === null) return { kind: "empty" };
  if (text === known?.text) return known;
  try {
    const v = JSON.parse(text);
    return { kind: "ok", text, input: inputOf(v), rev: Number.isInteger(v.rev) ? v.rev : 0, tab: v.tab };
  } catch (e) {
    return { kind: e?.kind === "future" ? "future" : "garbage", text, version: e?.detail };
  }
}

/** Moves unreadable saved text to a key of its own; false when it must stay (newer version, full storage). */
function setAside(cur) {
  if (cur.kind === "future") return false;
  const s = storage();
  const key = `${ASIDE}.${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
  try {
    s.setItem(key, cur.text);
    s.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
}

/** Texts set aside earlier: [{ key, text }]. */
export function asideTexts() {
  const s = storage();
  const out = [];
  try {
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (key === ASIDE || key.startsWith(`${ASIDE}.`)) out.push({ key, text: s.getItem(key) });
    }
  } catch {
    /* none we can reach */
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Unreadable saved text found now: set aside, or blocking saves. */
const unreadable = (cur) => (setAside(cur) ? { aside: true } : { blocked: cur });

/** At start: `{ input, blocked, aside }`. */
export function load() {
  const cur = current();
  if (cur.kind === "ok") known = cur;
  const r = cur.kind === "ok" || cur.kind === "empty" ? {} : unreadable(cur);
  return { input: cur.kind === "ok" ? cur.input : null, blocked: r.blocked ?? null, aside: asideTexts() };
}

/** The common ancestor of our input and the saved one. */
function baseOf(cur) {
  // Our last write was replaced by one that had not seen it: both came from `parent`.
  if (known?.tab === TAB && parent && cur.rev === known.rev) return parent.input;
  return known?.input ?? { activities: [] };
}

/**
 * Saves `input`, first merging any change another tab saved since this tab last looked.
 * Returns { ok, input (what is now this tab's input), conflicts, blocked }.
 */
export function save(input, engine) {
  const s = storage();
  const cur = current();
  if (!s) return { ok: false, input, conflicts: [] };
  if (cur.kind === "future" || cur.kind === "garbage") {
    const r = unreadable(cur);
    if (r.blocked) return { ok: false, input, conflicts: [], blocked: r.blocked };
  }
  let out = input;
  let conflicts = [];
  const foreign = cur.kind === "ok" && cur !== known;
  if (foreign) ({ input: out, conflicts } = merge3(baseOf(cur), input, cur.input));
  const rev = Math.max(cur.rev ?? 0, known?.rev ?? 0) + 1;
  const text = JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, rev, tab: TAB, engine, input: out });
  try {
    s.setItem(KEY, text);
  } catch {
    if (foreign) known = cur; // merged in: the next save starts from it
    return { ok: false, input: out, conflicts };
  }
  parent = known;
  known = { kind: "ok", rev, tab: TAB, input: out, text };
  return { ok: true, input: out, conflicts, text };
}

/**
 * Another tab wrote: what this tab's input becomes. `input` is this tab's input now; it
 * differs from what this tab saved only when saving failed. Returns null when nothing
 * changed, else { input, conflicts, blocked, aside }.
 */
export function sync(input, engine) {
  const cur = current();
  if (cur === known) return null;
  if (cur.kind === "empty") {
    known = null; // cleared elsewhere: our input is saved again on the next change
    return { input, conflicts: [] };
  }
  if (cur.kind !== "ok") return unreadable(cur);
  if (known && input === known.input) {
    known = cur;
    return { input: cur.input, conflicts: [] };
  }
  return save(input, engine); // unsaved changes of ours: merged into theirs
}

/** Discards the unreadable text at `key` (the saved input's own key when it blocks saving). */
export function discard(key) {
  try {
    storage()?.removeItem(key ?? KEY);
  } catch {
    /* nothing to do */
  }
}

// --- three-way merge -------------------------------------------------------------

/** Equal as JSON values (activities are flat; key order does not matter). */
export function same(a, b) {
  if (a === b) return true;
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k] || (typeof a[k] === "object" && JSON.stringify(a[k]) === JSON.stringify(b[k])));
}

/**
 * The changes from `base` to `ours` applied onto `theirs`, activity by activity (by id).
 * Where both changed one activity, `prefer` decides ("ours" when saving, "theirs" when
 * undoing); removing never beats editing. Returns { input, conflicts: [{ type, ours, theirs }] }
 * with type "gone" (they removed it, ours kept), "kept" (ours removed it, their edit kept),
 * "both" (both edited it).
 */
export function merge3(base, ours, theirs, prefer = "ours") {
  if (ours === base) return { input: theirs, conflicts: [] };
  if (theirs === base) return { input: ours, conflicts: [] };
  const byId = (x) => new Map(x.activities.map((a) => [a.id, a]));
  const [B, O, T] = [byId(base), byId(ours), byId(theirs)];
  const conflicts = [];
  const twins = []; // both sides added an activity under one id: ours gets a new id
  const pick = (id) => {
    const [b, o, t] = [B.get(id), O.get(id), T.get(id)];
    if (same(o, b)) return t;
    if (same(t, b) || same(o, t)) return o;
    if (!b && o && t) return twins.push(o), t;
    const kept = !o ? t : !t ? o : prefer === "ours" ? o : t;
    conflicts.push({ type: !t ? "gone" : !o ? "kept" : "both", ours: o, theirs: t, kept });
    return kept;
  };
  // Theirs' order; an activity only ours has goes after its predecessor in ours.
  const after = new Map();
  let anchor = null;
  for (const o of ours.activities) {
    if (T.has(o.id)) anchor = o.id;
    else if (after.has(anchor)) after.get(anchor).push(o.id);
    else after.set(anchor, [o.id]);
  }
  const ids = [...(after.get(null) ?? [])];
  for (const t of theirs.activities) ids.push(t.id, ...(after.get(t.id) ?? []));
  const activities = ids.map(pick).filter(Boolean);
  const used = new Set(activities.map((a) => a.id));
  let n = activities.length;
  for (const o of twins) {
    while (used.has(`a${++n}`));
    used.add(`a${n}`);
    activities.push({ ...o, id: `a${n}` });
  }
  const input = { ...theirs, activities };
  for (const k of new Set([...Object.keys(base), ...Object.keys(ours), ...Object.keys(theirs)])) {
    if (k === "activities") continue;
    const v = same(ours[k], base[k]) ? theirs[k] : same(theirs[k], base[k]) || prefer === "ours" ? ours[k] : theirs[k];
    if (v === undefined) delete input[k];
    else input[k] = v;
  }
  return { input, conflicts };
}

// --- the language ----------------------------------------------------------------

export function loadLang() {
  try {
    return storage()?.getItem(KEY_LANG) ?? null;
  } catch {
    return null;
  }
}
export function saveLang(lang) {
  try {
    storage()?.setItem(KEY_LANG, lang);
  } catch {
    /* the switch still works for this visit */
  }
}

// --- the #v1= link ------------------------------------------------------

export function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(b64) {
  // Padded or not; some apps escape the padding ("%3D") or use the standard alphabet.
  b64 = b64.replace(/%3D/gi, "=");
  if (!/^[A-Za-z0-9_+/-]*={0,2}$/.test(b64)) throw new ReadError("notJson");
  let bin;
  try {
    bin = atob(b64.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, ""));
  } catch {
    throw new ReadError("notJson");
  }
  const bytes = new Uint8Array(bin.length); // a plain loop: Uint8Array.from with a callback takes ~50× longer
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ReadError("notJson");
  }
}

export function linkFor(input) {
  const base = location.href.replace(/#.*$/, "");
  return `${base}#v1=${toBase64Url(JSON.stringify(input))}`;
}

/** The input in a `#v1=` fragment, null when the fragment is not a share link. */
export function inputFromHash(hash) {
  if (!hash.startsWith("#v1=")) return null;
  return parseText(fromBase64Url(hash.slice(4)));
}

// --- files --------------------------------------------------------------

export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function sizeText(bytes) {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

// A spreadsheet runs a cell as a formula when it starts with one of these, also after
// blanks or control characters, and with the full-width forms (OWASP, CSV injection).
const FORMULA = /^(?:[\t\r]|[\s\p{C}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/** One text cell: NULs removed, a formula defused with a leading ', always quoted (RFC 4180). */
function csvCell(text) {
  let s = text.replace(/\0/g, "");
  if (FORMULA.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

function row(cells) {
  return cells.map((c) => (c === null || c === undefined ? "" : typeof c === "string" ? csvCell(c) : String(c))).join(",");
}

/** UTF-8 with BOM, so that Excel shows Chinese. `header` and `rows` are arrays of cells. */
export function csvText(header, rows) {
  return "\uFEFF" + [header, ...rows].map(row).join("\r\n") + "\r\n";
}
