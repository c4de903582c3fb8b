// embed.html's script: the <xueshi-calculator> filling the frame that embed.js put in a
// portal's page. The URL sets it up (year, rule-sets, lang, accent, compact) and names
// the host page's origin (host), the only one it talks to: results and the content's
// height go to the parent at that origin, and only that origin's setInput is read.

import "./xueshi-calculator.js";

const q = new URLSearchParams(location.search);
const calc = document.querySelector("xueshi-calculator");

/** The host's origin, if `host` is one (scheme, host, port and nothing else). */
function hostOrigin(text) {
  try {
    const u = new URL(text);
    return /^https?:$/.test(u.protocol) && u.origin === text ? text : null;
  } catch {
    return null;
  }
}
const host = hostOrigin(q.get("host") ?? "");

const year = q.get("year");
if (year !== null && /^\d{4}$/.test(year)) calc.setAttribute("year", year);
if (q.get("rule-sets")) calc.setAttribute("rule-sets", q.get("rule-sets"));
if (q.get("lang") === "en") {
  calc.setAttribute("lang", "en");
  document.documentElement.lang = "en";
  document.title = "Continuing-education hours · xueshi";
}
if (q.has("compact") && q.get("compact") !== "false") calc.setAttribute("compact", "");
const accent = q.get("accent");
if (accent && CSS.supports("color", accent)) calc.style.setProperty("--xueshi-accent", accent);
document.body.style.margin = "0";

const toHost = (message) => {
  if (host && parent !== window) parent.postMessage({ ...message, v: 1 }, host);
};
calc.addEventListener("xueshi-report", (e) => toHost({ type: "xueshi:report", report: e.detail }));
new ResizeObserver(() => toHost({ type: "xueshi:resize", height: Math.ceil(document.documentElement.getBoundingClientRect().height) })).observe(document.documentElement);

addEventListener("message", (e) => {
  if (!host || e.origin !== host || e.source !== parent) return;
  const m = e.data;
  if (m !== null && typeof m === "object" && m.type === "xueshi:setInput" && m.v === 1) calc.input = m.input;
});
