// Installs the offline copy (sw.js) once the page has settled, and offers 新版本可用，刷新
// when a new deployment's copy is installed: it takes over only when the visitor says so.
// Over http(s) only: a page opened from disk has no service worker (xueshi.html is for that).

import { getLang } from "./i18n.js";

let asked = false; // this tab's 刷新 was clicked

const TEXT = {
  zh: { news: "新版本可用", reload: "刷新" },
  en: { news: "A new version is available", reload: "Reload" },
};

function offer(waiting) {
  if (document.getElementById("sw-update")) return;
  const text = TEXT[getLang()] ?? TEXT.zh;
  const note = document.createElement("div");
  note.id = "sw-update";
  note.className = "notice n-info sticky";
  note.setAttribute("role", "status");
  const p = document.createElement("p");
  p.textContent = text.news;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "btn small primary";
  button.textContent = text.reload;
  button.addEventListener("click", () => {
    button.disabled = true;
    asked = true;
    // Another tab's 刷新 may have switched already: then this tab only reloads.
    if (waiting.state === "installed") waiting.postMessage({ type: "xueshi:skipWaiting" });
    else location.reload();
  });
  const actions = document.createElement("div");
  actions.className = "notice-actions";
  actions.append(button);
  note.append(p, actions);
  (document.getElementById("notices") ?? document.body).prepend(note);
}

async function register() {
  const reg = await navigator.serviceWorker.register("sw.js").catch(() => null);
  if (!reg) return;
  // The first install is no update: only a worker that replaces another one is offered.
  const installed = (w) => w && navigator.serviceWorker.controller && offer(w);
  installed(reg.waiting);
  reg.addEventListener("updatefound", () => {
    const w = reg.installing;
    w?.addEventListener("statechange", () => w.state === "installed" && installed(w));
  });
  // Only the tab whose 刷新 was clicked reloads; others keep what they hold and their offer.
  navigator.serviceWorker.addEventListener("controllerchange", () => asked && location.reload());
}

if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
  // After the first result is on screen: installing fetches the whole site.
  const idle = () => (window.requestIdleCallback ?? setTimeout)(register, { timeout: 3000 });
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle, { once: true });
}
