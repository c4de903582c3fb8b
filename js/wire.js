// The two ends of a call to `evaluate`, on the JS side.
//
// In: the input as JSON text. JSON.stringify is native and one string crosses into wasm,
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
    return JSON.stringify(value, replacer) ?? "null";
  } catch {
    // A getter that throws, a cycle, a Proxy trap: walk by hand (only now, as it is
    // slower) and mark what cannot be read where it is, so its path can be named.
    return JSON.stringify(readable(value, 0), replacer) ?? "null";
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

// Out: rebuilds a Report from the flat form written by src/wire.rs, field for field in
// the same order. Static text arrives once and is kept here, by index, for later calls.
const statics = [];
const utf16 = new TextDecoder("utf-16le");

export function decodeReport(nums, codes) {
  const text = utf16.decode(codes);
  let i = 0;
  let at = 0;
  const num = () => nums[i++];
  const flag = () => nums[i++] === 1;
  const opt = () => {
    const x = nums[i++];
    return x === x ? x : null; // NaN is "no maximum"
  };
  const range = () => ({ min: num(), max: opt() });
  const str = () => {
    const k = nums[i++];
    if (k >= 0) return statics[k];
    const end = nums[i++];
    const s = text.slice(at, end);
    at = end;
    if (k === -2) statics.push(s);
    return s;
  };
  const hours3 = () => ({ total: num(), public: num(), professional: num() });

  const year = num();
  const results = new Array(num());
  for (let r = 0; r < results.length; r++) {
    const ruleSet = str();
    const title = str();
    const applies = { inForce: flag(), note: str() };
    const lines = new Array(num());
    for (let l = 0; l < lines.length; l++) {
      const line = {
        activity: str(),
        subject: str(),
        hours: range(),
        status: str(),
        clause: flag() ? { ref: str(), quote: str() } : null,
        explain: str(),
      };
      const parts = num();
      if (parts > 0) {
        line.parts = [];
        for (let p = 0; p < parts; p++) line.parts.push({ subject: str(), hours: range() });
      }
      lines[l] = line;
    }
    const totals = { public: range(), professional: range(), total: range() };
    const requirement = hours3();
    const shortfall = hours3();
    const deemed = { public: flag(), professional: flag() };
    const compliance = str();
    const notes = new Array(num());
    for (let n = 0; n < notes.length; n++) notes[n] = str();
    results[r] = { ruleSet, title, applies, lines, totals, requirement, deemed, compliance, shortfall, notes };
  }
  return { year, results };
}
