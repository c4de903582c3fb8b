// Keeping and sharing the input: localStorage, the #v1= link, JSON files, CSV.
// Everything here is plain data handling; hours come only from the engine.

export const FORMAT = "xueshi-input";
export const FORMAT_VERSION = 1;
export const MAX_IMPORT_BYTES = 1024 * 1024;
const KEY = "xueshi.input";
const KEY_UNREADABLE = "xueshi.unreadable";
const KEY_LANG = "xueshi.lang";

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

// --- localStorage -------------------------------------------------------

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked by the browser's settings
  }
}

/** `{ input, unreadable }`: the saved input if any, and saved text that could not be read. */
export function loadSaved() {
  const s = storage();
  if (!s) return { input: null, unreadable: null };
  let text = null;
  try {
    text = s.getItem(KEY);
  } catch {
    return { input: null, unreadable: null };
  }
  let input = null;
  if (text !== null) {
    try {
      input = parseText(text);
    } catch {
      // Keep the text aside so that autosave cannot overwrite it.
      try {
        s.setItem(KEY_UNREADABLE, text);
        s.removeItem(KEY);
      } catch {
        /* still offered for download from memory below */
      }
      return { input: null, unreadable: text };
    }
  }
  let unreadable = null;
  try {
    unreadable = s.getItem(KEY_UNREADABLE);
  } catch {
    /* ignore */
  }
  return { input, unreadable };
}

export function forgetUnreadable() {
  try {
    storage()?.removeItem(KEY_UNREADABLE);
  } catch {
    /* ignore */
  }
}

/** Saves the input; false when the browser refuses. */
export function save(input, engineVersion) {
  try {
    storage().setItem(KEY, JSON.stringify(envelope(input, engineVersion)));
    return true;
  } catch {
    return false;
  }
}

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
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
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
