// Rule files a user or an admin loads (RULESETS.md): read by the full build of the engine
// (pkg/xueshi.js: loadRuleSet), kept in localStorage across reloads and shared by every
// tab. Loaded only when there are rule files: a first visit never fetches this module
// or the full build. Nothing a user loaded is dropped unseen: a saved file the engine
// now refuses stays saved until the user removes it.

import { addStrings } from "./i18n.js";

const KEY = "xueshi.rules";
const FORMAT = "xueshi-rules";
export const MAX_BYTES = 2 * 1024 * 1024;

let full = null;

/** The full build, started once. Its name is made at run time: no part of a first visit. */
export async function engine() {
  if (!full) {
    const name = ["xueshi"][0];
    const file = `./pkg/${name}.js`; // through a variable: no bundler follows it
    const m = await import(file);
    await m.default();
    full = m;
  }
  return full;
}

/** The saved rule files: { files: [{ id, text }], unreadable: text | null }. */
export function saved() {
  let text = null;
  try {
    text = localStorage.getItem(KEY);
  } catch {
    /* blocked storage: none saved */
  }
  if (text === null) return { files: [], unreadable: null };
  try {
    const v = JSON.parse(text);
    if (v.format !== FORMAT || !Array.isArray(v.files)) throw new Error("shape");
    return { files: v.files.filter((f) => typeof f?.id === "string" && typeof f?.text === "string"), unreadable: null };
  } catch {
    return { files: [], unreadable: text };
  }
}

/** Applies `edit` to the files saved now (another tab may have changed them): true when written. */
function write(edit) {
  const cur = saved();
  if (cur.unreadable !== null) return false; // never overwrite what this page cannot read
  try {
    localStorage.setItem(KEY, JSON.stringify({ format: FORMAT, version: 1, files: edit(cur.files) }));
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes the engine hold exactly the saved files. Returns { infos, failed: [{ id, text, error }] };
 * a file that fails stays saved.
 */
export async function syncEngine() {
  const m = await engine();
  const files = saved().files;
  for (const i of m.ruleSets()) if (!i.builtIn && !files.some((f) => f.id === i.id)) m.removeRuleSet(i.id);
  const failed = [];
  for (const f of files) {
    try {
      m.loadRuleSet(f.text);
    } catch (error) {
      failed.push({ id: f.id, text: f.text, error });
    }
  }
  return { failed };
}

/** Reads, checks and registers one file's text; then saves it. Returns { info, saved } or throws the engine's error. */
export async function add(text) {
  const m = await engine();
  const info = m.loadRuleSet(text);
  const ok = write((files) => [...files.filter((f) => f.id !== info.id), { id: info.id, text }]);
  return { info, saved: ok };
}

/** Removes a loaded rule set, from the engine and from storage. */
export async function remove(id) {
  const m = await engine();
  if (m.ruleSets().some((i) => i.id === id && !i.builtIn)) m.removeRuleSet(id);
  return write((files) => files.filter((f) => f.id !== id));
}

/** The texts the worker loads into its own engine. */
export const texts = () => saved().files.map((f) => f.text);

/** Forgets the saved text this page could not read (after the user downloaded or discarded it). */
export function discardUnreadable() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* nothing to do */
  }
}


// The words only rule files need: not part of a first visit's i18n.js.
addStrings({
  zh: {
    loadedName: "{name}（载入）",
    loadedFile: "载入的规则文件",
    versionInForce: "同一地区有多个版本：此版本适用于 {y} 年度",
    versionOther: "同一地区有多个版本：此版本不适用于 {y} 年度",
    rulesLoaded: "已载入规则文件：{name}。它保存在本浏览器中，可随时移除。",
    rulesNotSaved: "已载入规则文件：{name}，但无法保存在浏览器中（空间已满或已禁用），刷新后需重新载入。",
    rulesBad: "规则文件有误，未载入：{msg}",
    rulesTooBig: "文件过大（{size}），未载入。规则文件最大 2 MB。",
    rulesRemoved: "已移除规则文件：{name}",
    rulesRemovedNotSaved: "已移除规则文件：{name}，但浏览器存储无法更新，刷新后它会再出现。",
    rulesStoredBad: "浏览器中保存的规则文件“{id}”无法载入（{msg}）。它仍保存着：可下载查看，或丢弃。",
    rulesUnreadable: "浏览器中保存的规则文件数据本页无法读取，已原样保留，不会被覆盖。可下载查看，或丢弃。",
  },
  en: {
    loadedName: "{name} (loaded)",
    loadedFile: "A loaded rule file",
    versionInForce: "One of several versions for this region: this one governs {y}",
    versionOther: "One of several versions for this region: this one does not govern {y}",
    rulesLoaded: "Loaded the rule file {name}. It is kept in this browser; you can remove it any time.",
    rulesNotSaved: "Loaded the rule file {name}, but it could not be kept in this browser (storage full or blocked): load it again after a reload.",
    rulesBad: "The rule file has an error and was not loaded: {msg}",
    rulesTooBig: "The file is too large ({size}) and was not loaded. A rule file is at most 2 MB.",
    rulesRemoved: "Removed the rule file {name}",
    rulesRemovedNotSaved: "Removed the rule file {name}, but the browser's storage could not be updated: it will be back after a reload.",
    rulesStoredBad: "A rule file kept in this browser (“{id}”) cannot be loaded ({msg}). It is still kept: download it to look at it, or discard it.",
    rulesUnreadable: "Rule file data kept in this browser cannot be read by this page. It is kept as it is and never overwritten: download it, or discard it.",
  },
});
