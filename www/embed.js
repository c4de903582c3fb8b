// One script tag puts the calculator into a portal's page, in an iframe of embed.html
// beside the tag; no build step on the portal's side:
//
//   <script src="https://xueshi.example/embed.js" data-year="2024" data-rule-sets="taian-2022"
//           data-lang="zh" data-accent="#0a7f5a"></script>
//
// The frame's height follows its content; each result arrives as a `xueshi-report` event
// (detail: the Report) on the iframe, which bubbles; `iframe.xueshiSetInput(input)` sets
// the input. Messages (version 1): frame → host { type: "xueshi:report", v: 1, report },
// { type: "xueshi:resize", v: 1, height }; host → frame { type: "xueshi:setInput", v: 1,
// input }. Only messages from this frame's window and origin are read; the frame only
// reads the origin it was given (`host`). Anything else is ignored.

(() => {
  const script = document.currentScript;
  if (!script?.src) return;
  const home = new URL(script.src, location.href);
  const origin = home.origin; // where xueshi is served: the frame's origin
  const d = script.dataset;
  const url = new URL("embed.html", home);
  for (const [name, value] of [["year", d.year], ["rule-sets", d.ruleSets], ["lang", d.lang], ["accent", d.accent], ["compact", d.compact]]) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  url.searchParams.set("host", location.origin);

  const frame = document.createElement("iframe");
  frame.src = url.href;
  frame.title = d.title || (d.lang === "en" ? "Continuing-education hours calculator" : "学时计算器");
  frame.className = "xueshi-embed";
  // Through the CSSOM, which a host's style-src policy allows (a style attribute it may not).
  frame.style.display = "block";
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.height = "480px";
  script.after(frame);

  let ready = false; // the frame has spoken: it listens
  let pending = null; // an input set before that
  const send = (input) => frame.contentWindow.postMessage({ type: "xueshi:setInput", v: 1, input }, origin);
  frame.xueshiSetInput = (input) => (ready ? send(input) : (pending = { input }));

  addEventListener("message", (e) => {
    if (e.origin !== origin || e.source !== frame.contentWindow) return;
    const m = e.data;
    if (m === null || typeof m !== "object" || m.v !== 1) return;
    if (!ready) {
      ready = true;
      if (pending) send(pending.input);
      pending = null;
    }
    if (m.type === "xueshi:resize" && Number.isFinite(m.height) && m.height > 0) {
      frame.style.height = `${Math.ceil(Math.min(m.height, 100000))}px`;
    } else if (m.type === "xueshi:report" && m.report && typeof m.report === "object") {
      frame.dispatchEvent(new CustomEvent("xueshi-report", { bubbles: true, detail: m.report }));
    }
  });
})();
