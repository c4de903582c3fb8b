// Who the user is: where they work and the kind of employer. The region picks the
// documents that govern it (from ruleSets()' region fields); the employer is the
// engine's profile.employer. Remembered in the input as `person` (the page's own field,
// never sent to the engine) beside `profile`, so it is saved, merged and shared with it.

import { t, getLang } from "./i18n.js";

export const EMPLOYERS = ["enterprise", "institution", "government"];

export const regionName = (info) => (getLang() === "en" && info.regionEn) || info.region;

/** The documents' regions, each once, in the documents' order: [{ region, label }]. */
export function regions(infos) {
  const seen = new Map();
  for (const i of infos) if (!seen.has(i.region)) seen.set(i.region, regionName(i));
  return [...seen].map(([region, label]) => ({ region, label }));
}

const span = (info) => [+info.governs.from.slice(0, 4), +info.governs.to.slice(0, 4)];
/** A year partly inside the period counts (新疆 2023, 2028): the engine says so too. */
export const governsYear = (info, y) => y >= span(info)[0] && y <= span(info)[1];

/**
 * Of several versions of one region's document, the one for `year`: in force that year
 * (the latest to start, and a loaded file before a built-in); else the nearest in time.
 */
function pickVersion(list, year) {
  const dist = (i) => (governsYear(i, year) ? 0 : Math.min(...span(i).map((y) => Math.abs(y - year))));
  return [...list].sort((a, b) => dist(a) - dist(b) || b.governs.from.localeCompare(a.governs.from) || a.builtIn - b.builtIn)[0];
}

/**
 * The documents that govern someone working in `region` in `year`: those of the region
 * and of the regions containing it (阿克苏 is in 新疆), one version per region.
 * Returns { ids, others } (others: versions of those regions not chosen for the year).
 */
export function governing(region, infos, year) {
  const byRegion = new Map();
  for (const i of infos) {
    if (region === i.region || region.startsWith(i.region)) byRegion.set(i.region, [...(byRegion.get(i.region) ?? []), i]);
  }
  const ids = [];
  const others = new Set();
  for (const list of byRegion.values()) {
    const pick = pickVersion(list, year);
    ids.push(pick.id);
    for (const i of list) if (i !== pick) others.add(i.id);
  }
  const order = infos.map((i) => i.id);
  return { ids: ids.sort((a, b) => order.indexOf(a) - order.indexOf(b)), others };
}

/** Same members, any order. */
export const sameSet = (a, b) => Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x) => b.includes(x));

/**
 * When no chosen document governs `year`: the years they do govern, nearest to `year`
 * first (at most 4, then in order), and a sentence naming each document's years.
 */
export function yearOffers(chosen, year, name) {
  if (!chosen.length || chosen.some((i) => governsYear(i, year))) return null;
  const all = new Set();
  const parts = chosen.map((i) => {
    const [a, b] = span(i);
    for (let y = a; y <= b; y++) all.add(y);
    return t("docYears", { name: name(i), years: a === b ? a : `${a}–${b}` });
  });
  const years = [...all].sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || b - a).slice(0, 4).sort((a, b) => a - b);
  return { text: t("noneGoverns", { y: year, list: parts.join(t("listSep")) }), years };
}
