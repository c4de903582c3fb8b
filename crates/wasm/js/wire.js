// The two ends of a call into the engine, on the JS side.
//
// In: values as JSON text. JSON.stringify is native and one string crosses into wasm,
// where reading the object field by field cost a boundary crossing each. What JSON cannot
// hold is marked (src/json.rs: MARK) rather than dropped or turned into null, so that
// validation names it with its path.
const MARK = "\u0000xueshi";
const marked = (what) => ({ [MARK]: what });

function replacer(_key, value) {
  // A Proxy can claim any length: refuse what no valid input holds before walking it.
  if (Array.isArray(value) && value.length > 50000) return marked("an array longer than 50000 items");
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? value : marked(String(value));
    case "bigint":
    case "symbol":
    case "function":
      return marked(`a ${typeof value}`);
    default:
      return value;
  }
}

export function encodeInput(value) {
  try {
    // A replacer is called back for every value, which cost more than all the rest of
    // encoding: only where a quick look finds what JSON cannot hold.
    return (plain(value, 0) ? JSON.stringify(value) : JSON.stringify(value, replacer)) ?? "null";
  } catch {
    // A getter that throws, a cycle, a Proxy trap: walk by hand (only now, as it is
    // slower) and mark what cannot be read where it is, so its path can be named.
    return JSON.stringify(readable(value, 0), replacer) ?? "null";
  }
}

/** Whether JSON.stringify keeps `value` as it is: plain objects, arrays, strings, finite
 * numbers, booleans and null, not too many nor too deep. */
function plain(value, depth) {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value);
    case "object": {
      if (value === null) return true;
      if (depth > 32) return false;
      if (Array.isArray(value)) {
        if (value.length > 50000) return false;
        for (let i = 0; i < value.length; i++) if (!plain(value[i], depth + 1)) return false;
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype || typeof value.toJSON === "function") return false;
      for (const key in value) if (Object.hasOwn(value, key) && !plain(value[key], depth + 1)) return false;
      return true;
    }
    default:
      return value === undefined;
  }
}

const why = (e) => `a value that cannot be read (${e instanceof Error ? e.message : String(e)})`;

function readable(value, depth) {
  if (value === null || typeof value !== "object") return value;
  if (depth > 40) return marked("a value nested too deeply");
  try {
    if (Array.isArray(value)) return Array.from(value, (v) => readable(v, depth + 1));
    if (typeof value.toJSON === "function") return readable(value.toJSON(), depth + 1);
    const out = {};
    for (const key of Object.keys(value)) {
      let v;
      try {
        v = value[key];
      } catch (e) {
        v = marked(why(e));
      }
      out[key] = readable(v, depth + 1);
    }
    return out;
  } catch (e) {
    return marked(why(e));
  }
}

// Out: rebuilds a value from the tagged form written by crates/wasm/src/wire.rs (numbers
// and tags, and all text as UTF-16, cut at offsets once decoded). A struct is
// rebuilt by its decoder below, named the first time it is sent. Rule set text arrives
// once and is kept for later calls; what one call adds is dropped again if it cannot be
// read whole, as the Rust side then does not record it as sent either.
// What each build's wasm instance has sent, kept apart: the calculator build and the full
// build may run in one page (rule files, the web component), each numbering its own texts
// and shapes. Per build: syms (Sym id -> text), shapes (shape id -> decoder), names
// (variant id -> name).
const states = [];
const utf16 = new TextDecoder("utf-16le");
const SKIPPED = Symbol("left out");

export function decodeValue(nums, codes, build) {
  const { syms, shapes, names } = (states[build] ??= { syms: [], shapes: [], names: [] });
  const text = utf16.decode(codes);
  let i = 0;
  let at = 0;
  const added = [];
  const [shapeCount, nameCount] = [shapes.length, names.length];
  const take = () => {
    const end = nums[i++];
    const s = text.slice(at, end);
    at = end;
    return s;
  };
  const value = () => {
    switch (nums[i++]) {
      case 0: return null;
      case 1: return false;
      case 2: return true;
      case 3: return nums[i++];
      case 4: return take();
      case 5: return syms[nums[i++]];
      case 6: {
        const id = nums[i++];
        const s = take();
        syms[id] = s;
        added.push(id);
        return s;
      }
      case 7: {
        const a = new Array(nums[i++]);
        for (let k = 0; k < a.length; k++) a[k] = value();
        return a;
      }
      case 8: return shapes[nums[i++]](value);
      case 9: {
        const id = nums[i++];
        i++; // the name's tag
        const decoder = DECODERS[take()];
        if (!decoder) throw new Error("xueshi: the engine sent a value this page cannot read");
        return (shapes[id] = decoder)(value);
      }
      case 10: return names[nums[i++]];
      case 11: {
        const id = nums[i++];
        return (names[id] = take());
      }
      case 12: return SKIPPED;
      case 13: {
        // An explanation's pieces, joined (numbers as JS writes them: 41.67, 125).
        i++; // the sequence's tag
        let s = "";
        for (let n = nums[i++]; n > 0; n--) s += value();
        return s;
      }
      case 14: {
        // An object of keys and values (a proposed activity).
        const o = {};
        for (let n = nums[i++]; n > 0; n--) {
          const k = value();
          o[k] = value();
        }
        return o;
      }
      default:
        throw new Error("xueshi: a value from the engine could not be read");
    }
  };
  try {
    return value();
  } catch (e) {
    shapes.length = shapeCount;
    names.length = nameCount;
    for (const id of added) syms[id] = undefined;
    throw e;
  }
}

// --- generated from the engine's shape!/variants! declarations by crates/wasm/tests/generated.rs ---
// How each struct is rebuilt: an object literal, so that V8 makes every one alike.
const DECODERS = {
  Report: (v) => ({ year: v(), results: v() }),
  YearsReport: (v) => ({ from: v(), to: v(), years: v() }),
  Plan: (v) => ({ shortfall: v(), options: v() }),
  PlanOption: (v) => ({ kind: v(), activity: v(), hours: v(), clause: v(), explain: v() }),
  RuleSetResult: (v) => ({ ruleSet: v(), title: v(), applies: v(), lines: v(), totals: v(), requirement: v(), deemed: v(), compliance: v(), shortfall: v(), notes: v(), warnings: v() }),
  Applies: (v) => ({ inForce: v(), note: v() }),
  Line: (v) => {
    const o = { activity: v(), subject: v(), hours: v(), status: v(), clause: v(), explain: v(), evidence: v() };
    let x;
    if ((x = v()) !== SKIPPED) o.parts = x;
    return o;
  },
  Warning: (v) => ({ code: v(), activities: v(), message: v(), clause: v() }),
  Part: (v) => ({ subject: v(), hours: v() }),
  Range: (v) => ({ min: v(), max: v() }),
  Totals: (v) => ({ public: v(), professional: v(), total: v() }),
  Hours3: (v) => ({ total: v(), public: v(), professional: v() }),
  Deemed: (v) => ({ public: v(), professional: v() }),
  Clause: (v) => ({ ref: v(), quote: v() }),
  RuleSetInfo: (v) => ({ id: v(), title: v(), titleEn: v(), issuer: v(), docNumber: v(), region: v(), regionEn: v(), governs: v(), requirement: v(), builtIn: v(), rulesFrom: v() }),
  Governs: (v) => ({ from: v(), to: v() }),
  RequirementInfo: (v) => {
    const o = { total: v(), public: v(), professional: v() };
    let x;
    if ((x = v()) !== SKIPPED) o.professionalShare = x;
    return o;
  },
  KindView: (v) => {
    const o = { kind: v(), needsTime: v(), fields: v() };
    let x;
    if ((x = v()) !== SKIPPED) o.extraFields = x;
    return o;
  },
  FieldView: (v) => {
    const o = { name: v(), type: v() };
    let x;
    if ((x = v()) !== SKIPPED) o.required = x;
    if ((x = v()) !== SKIPPED) o.default = x;
    if ((x = v()) !== SKIPPED) o.values = x;
    if ((x = v()) !== SKIPPED) o.min = x;
    if ((x = v()) !== SKIPPED) o.max = x;
    if ((x = v()) !== SKIPPED) o.label = x;
    if ((x = v()) !== SKIPPED) o.labelEn = x;
    if ((x = v()) !== SKIPPED) o.ruleSet = x;
    return o;
  },
};
// --- end of generated code ---

export function parseJson(text) {
  return JSON.parse(text);
}
