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

// Out: rebuilds a value from the tagged form written by crates/wasm/src/wire.rs. Struct
// shapes (field names), enum variant names and rule set text arrive once and are kept
// here for later calls; what one call adds is dropped again if it cannot be read whole,
// as the Rust side then does not record it as sent either.
const syms = new Map(); // Sym id -> text
const shapes = []; // shape id -> field names
const names = []; // variant id -> name
const utf16 = new TextDecoder("utf-16le");

export function decodeValue(nums, codes) {
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
  const fields = (keys, o) => {
    for (let k = 0; k < keys.length; k++) {
      if (nums[i] === 12) i++; // left out
      else o[keys[k]] = value();
    }
    return o;
  };
  const value = () => {
    switch (nums[i++]) {
      case 0: return null;
      case 1: return false;
      case 2: return true;
      case 3: return nums[i++];
      case 4: return take();
      case 5: return syms.get(nums[i++]);
      case 6: {
        const id = nums[i++];
        const s = take();
        syms.set(id, s);
        added.push(id);
        return s;
      }
      case 7: {
        const a = new Array(nums[i++]);
        for (let k = 0; k < a.length; k++) a[k] = value();
        return a;
      }
      case 8: return fields(shapes[nums[i++]], {});
      case 9: {
        const keys = (shapes[nums[i++]] = []);
        const o = {};
        while (nums[i] !== 13) {
          i++; // the name's tag
          const key = take();
          keys.push(key);
          if (nums[i] === 12) i++;
          else o[key] = value();
        }
        i++;
        return o;
      }
      case 10: return names[nums[i++]];
      case 11: {
        const id = nums[i++];
        return (names[id] = take());
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
    for (const id of added) syms.delete(id);
    throw e;
  }
}

export function parseJson(text) {
  return JSON.parse(text);
}
