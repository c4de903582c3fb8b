// The activity form, built from the engine's own schema (activityKinds), so that the
// page offers exactly the fields the engine accepts. The engine also validates it.

import { t, getLang, kindLabel, kindHint, fieldLabel, fieldHint, valueLabel, KIND_GROUPS } from "./i18n.js";
import { el, clear } from "./dom.js";

// Starting values for required fields that have no default of their own.
const UI_DEFAULTS = { venue: "national", authors: 1, courses: 1, level: "provincial", mode: "study", category: "intermediateTitle", role: "author", type: "invention", reason: "sickness" };
const TIME = ["hours", "days", "minutes"];

/** A kind's fields, then those loaded rule files add to it (each name once), labelled by the file. */
function fieldsOf(spec) {
  const names = new Set(spec.fields.map((f) => f.name));
  return [...spec.fields, ...(spec.extraFields ?? []).filter((f) => !names.has(f.name) && names.add(f.name))];
}

/**
 * @param {HTMLElement} root the form's section
 * @param {object} o
 *   kinds: the engine's activityKinds()
 *   check(activity) -> { error } | { lines: [{ name, line }] }  (engine run of this one item)
 *   submit(activity, editingId, original) -> void  (original: the entry as editing began)
 *   defaultDate() -> "YYYY-MM-DD"
 */
export function createForm(root, o) {
  let kinds = new Map(o.kinds.map((k) => [k.kind, k]));
  const heading = el("h2", { id: "form-title" });
  const form = el("form", { id: "act-form", novalidate: true, "aria-labelledby": "form-title" });
  const kindSel = el("select", { id: "f-kind", "aria-describedby": "f-kind-hint f-kind-err" });
  const kindHintEl = el("p", { class: "hint", id: "f-kind-hint" });
  const dateIn = el("input", { id: "f-date", type: "date", min: "1990-01-01", max: "2100-12-31", "aria-describedby": "f-date-hint f-date-err" });
  const titleIn = el("input", { id: "f-title", type: "text", maxlength: "200", autocomplete: "off", "aria-describedby": "f-title-hint f-title-err" });
  const fieldsBox = el("div", { class: "kind-fields" });
  const preview = el("div", { class: "preview", id: "f-preview" });
  const submitBtn = el("button", { type: "submit", class: "btn primary", id: "f-submit" });
  const cancelBtn = el("button", { type: "button", class: "btn", hidden: true });
  const notes = el("div", { class: "notices", id: "form-notices", "aria-live": "polite" }); // confirmations where the user acted
  const labels = {}; // text nodes that change with the language

  let editingId = null;
  let original = null; // the entry as it was when editing began
  let touched = new Set();
  let showAll = false;
  let lastError = null;

  function labelled(id, key, control, hintText) {
    const lab = el("label", { for: id }, key);
    const box = el("div", { class: "field" }, lab, control);
    if (hintText !== undefined) box.append(el("p", { class: "hint", id: `${id}-hint` }, hintText));
    box.append(el("p", { class: "err", id: `${id}-err` }));
    return { box, lab };
  }

  const kindField = el("div", { class: "field" }, (labels.kind = el("label", { for: "f-kind" })), kindSel, kindHintEl, el("p", { class: "err", id: "f-kind-err" }));
  const dateF = labelled("f-date", "", dateIn, "");
  const titleF = labelled("f-title", "", titleIn, "");
  labels.date = dateF.lab;
  labels.title = titleF.lab;
  form.append(
    kindField,
    el("div", { class: "row2" }, dateF.box, titleF.box),
    fieldsBox,
    preview,
    el("div", { class: "actions" }, submitBtn, cancelBtn),
    notes,
  );
  root.append(heading, form);

  function fillKinds() {
    const cur = kindSel.value || "training";
    clear(kindSel);
    const listed = new Set();
    for (const [group, names] of KIND_GROUPS) {
      const og = el("optgroup", { label: t(group) });
      for (const k of names) {
        if (!kinds.has(k)) continue;
        listed.add(k);
        og.append(el("option", { value: k }, kindLabel(k)));
      }
      if (og.children.length) kindSel.append(og);
    }
    // Kinds this page has no group for still appear, so the form never hides one.
    const rest = [...kinds.keys()].filter((k) => !listed.has(k));
    if (rest.length) kindSel.append(el("optgroup", { label: t("groupMore") }, ...rest.map((k) => el("option", { value: k }, kindLabel(k)))));
    kindSel.value = kinds.has(cur) ? cur : o.kinds[0].kind;
  }

  function control(kind, f, id, describedBy) {
    if (f.type === "choice") {
      const s = el("select", { id, "aria-describedby": describedBy });
      for (const v of f.values) s.append(el("option", { value: v }, valueLabel(f.name, v)));
      const d = f.default ?? UI_DEFAULTS[f.name];
      s.value = f.values.includes(d) ? d : f.values[0];
      return s;
    }
    if (f.type === "flag") return el("input", { id, type: "checkbox", "aria-describedby": describedBy, checked: f.default === true });
    if (f.type === "date") return el("input", { id, type: "date", "aria-describedby": describedBy });
    const attrs = { id, type: "number", min: f.type === "count" ? f.min : 0, step: f.type === "count" ? 1 : "any", inputmode: f.type === "count" ? "numeric" : "decimal", "aria-describedby": describedBy };
    if (f.max !== undefined) attrs.max = f.max;
    const inp = el("input", attrs);
    const d = f.default ?? (f.required ? UI_DEFAULTS[f.name] : undefined);
    if (typeof d === "number") inp.value = String(d);
    return inp;
  }

  function fieldBox(kind, f) {
    const id = `f-${f.name}`;
    const described = `${id}-hint ${id}-err`;
    const c = control(kind, f, id, described);
    const label = f.label ? (getLang() === "en" && f.labelEn) || f.label : fieldLabel(kind, f.name);
    if (f.type === "flag") {
      return el("div", { class: "field check" },
        el("div", { class: "check-row" }, c, el("label", { for: id }, label)),
        el("p", { class: "hint", id: `${id}-hint` }, fieldHint(kind, f.name)),
        el("p", { class: "err", id: `${id}-err` }));
    }
    return el("div", { class: `field${f.type === "choice" ? "" : " narrow"}` },
      el("label", { for: id }, label), c,
      el("p", { class: "hint", id: `${id}-hint` }, fieldHint(kind, f.name)),
      el("p", { class: "err", id: `${id}-err` }));
  }

  function buildFields() {
    const spec = kinds.get(kindSel.value);
    clear(fieldsBox);
    kindHintEl.textContent = kindHint(spec.kind);
    const time = spec.needsTime ? spec.fields.filter((f) => TIME.includes(f.name)) : [];
    const rest = fieldsOf(spec).filter((f) => !time.includes(f));
    const boxes = rest.filter((f) => f.type !== "flag").map((f) => fieldBox(spec.kind, f));
    if (boxes.length) fieldsBox.append(el("div", { class: "grid" }, ...boxes));
    if (time.length) {
      fieldsBox.append(el("fieldset", { class: "time" },
        el("legend", {}, t("timeGroup")),
        el("div", { class: "grid3" }, ...time.map((f) => fieldBox(spec.kind, f)))));
    }
    for (const f of rest.filter((f) => f.type === "flag")) fieldsBox.append(fieldBox(spec.kind, f));
  }

  function setTexts() {
    heading.textContent = editingId ? t("editTitle") : t("addTitle");
    labels.kind.textContent = t("kind");
    labels.date.textContent = t("date");
    labels.title.textContent = t("title");
    root.querySelector("#f-date-hint").textContent = t("dateHint");
    root.querySelector("#f-title-hint").textContent = t("titleHint");
    submitBtn.textContent = editingId ? t("save") : t("add");
    cancelBtn.textContent = t("cancel");
    cancelBtn.hidden = !editingId;
  }

  /** The activity as the form holds it, plus errors the browser already knows (bad numbers). */
  function read() {
    const spec = kinds.get(kindSel.value);
    const a = { id: editingId ?? "draft", kind: spec.kind };
    if (dateIn.value) a.date = dateIn.value;
    if (titleIn.value.trim()) a.title = titleIn.value;
    const local = {};
    for (const f of fieldsOf(spec)) {
      const c = form.querySelector(`#f-${f.name}`);
      if (!c) continue;
      if (f.type === "choice") a[f.name] = c.value;
      else if (f.type === "flag") a[f.name] = c.checked;
      else if (f.type === "date") {
        if (c.value) a[f.name] = c.value;
      } else if (c.validity.badInput) local[f.name] = t("notANumber");
      else if (c.value.trim() !== "") a[f.name] = Number(c.value);
    }
    return { a, local };
  }

  function setError(name, msg) {
    const errEl = form.querySelector(`#f-${name}-err`);
    const c = form.querySelector(`#f-${name}`);
    if (!errEl) return false;
    errEl.textContent = msg;
    if (c) {
      if (msg) c.setAttribute("aria-invalid", "true");
      else c.removeAttribute("aria-invalid");
    }
    return true;
  }

  function clearErrors() {
    for (const e of form.querySelectorAll(".err")) e.textContent = "";
    for (const c of form.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
  }

  /** Runs the engine on the draft; shows errors on touched fields and the preview. */
  function refresh() {
    const { a, local } = read();
    clearErrors();
    clear(preview);
    const localName = Object.keys(local)[0];
    let res = localName ? { error: { field: localName, text: local[localName] } } : o.check(a);
    lastError = res.error ?? null;
    if (res.error) {
      const name = res.error.field;
      if (name && (showAll || touched.has(name) || name === localName)) {
        if (!setError(name, res.error.text)) setError("kind", res.error.text);
      }
      preview.append(el("p", { class: "muted" }, t("previewWait")));
      return;
    }
    const list = el("ul", { class: "preview-list" });
    for (const { name, line } of res.lines) {
      list.append(el("li", {}, el("span", { class: "pv-doc" }, name), " ", o.lineText(line)));
    }
    preview.append(el("p", { class: "pv-head" }, t("preview")), list, el("p", { class: "hint" }, t("previewNote")));
  }

  function resetValues(keepKind = true) {
    const kind = keepKind ? kindSel.value : "training";
    editingId = null;
    original = null;
    touched = new Set();
    showAll = false;
    titleIn.value = "";
    dateIn.value = o.defaultDate();
    kindSel.value = kind;
    buildFields();
    setTexts();
    refresh();
  }

  kindSel.addEventListener("change", () => {
    buildFields();
    refresh();
  });
  form.addEventListener("input", (e) => {
    if (e.target.id?.startsWith("f-")) touched.add(e.target.id.slice(2));
    if (e.target !== kindSel) refresh();
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    showAll = true;
    refresh();
    if (lastError) {
      const c = form.querySelector(`#f-${lastError.field}`) ?? kindSel;
      c.focus();
      return;
    }
    const { a } = read();
    const [wasEditing, was] = [editingId, original];
    resetValues();
    o.submit(a, wasEditing, was);
    if (wasEditing) o.afterEdit?.(wasEditing);
    else kindSel.focus({ preventScroll: true }); // the confirmation below the button stays in view
  });
  form.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && editingId) cancelBtn.click();
  });
  cancelBtn.addEventListener("click", () => {
    const id = editingId;
    resetValues();
    o.afterEdit?.(id);
  });

  fillKinds();
  resetValues();

  return {
    /** Loads an activity for editing. */
    edit(a) {
      editingId = a.id;
      original = a;
      touched = new Set();
      showAll = true;
      kindSel.value = kinds.has(a.kind) ? a.kind : o.kinds[0].kind;
      buildFields();
      dateIn.value = typeof a.date === "string" ? a.date : "";
      titleIn.value = typeof a.title === "string" ? a.title : "";
      for (const f of fieldsOf(kinds.get(kindSel.value))) {
        const c = form.querySelector(`#f-${f.name}`);
        if (!c) continue;
        const v = a[f.name];
        if (f.type === "flag") c.checked = v === true;
        else if (v === undefined || v === null) c.value = f.type === "choice" ? c.value : "";
        else c.value = String(v);
      }
      setTexts();
      refresh();
      heading.scrollIntoView({ block: "start" });
      kindSel.focus({ preventScroll: true });
    },
    editing: () => editingId,
    /** Leaves edit mode if the activity being edited is gone. */
    forget(id) {
      if (editingId === id) resetValues();
    },
    /** The year or documents changed: the preview and default date follow. */
    refresh() {
      if (!editingId && !touched.has("date")) dateIn.value = o.defaultDate();
      refresh();
    },
    /** Rule files were loaded or removed: their kinds' fields, keeping the values. */
    setKinds(list) {
      kinds = new Map(list.map((k) => [k.kind, k]));
      this.relabel();
    },
    /** The language changed: rebuild every label, keeping the values. */
    relabel() {
      const { a } = read();
      const keep = { editingId, touched, showAll };
      fillKinds();
      buildFields();
      for (const f of fieldsOf(kinds.get(kindSel.value))) {
        const c = form.querySelector(`#f-${f.name}`);
        if (!c || !(f.name in a)) continue;
        if (f.type === "flag") c.checked = a[f.name];
        else c.value = String(a[f.name]);
      }
      ({ editingId, touched, showAll } = keep);
      setTexts();
      refresh();
    },
  };
}
