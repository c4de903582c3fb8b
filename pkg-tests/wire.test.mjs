// The JS end of the report transport (crates/wasm/js/wire.js): what one decode learns
// (shapes, variant names, rule set text) is kept only if the whole value was read, as
// the Rust end records it as sent only then.

import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, it } from "node:test";

const dir = new URL("../pkg/snippets/", import.meta.url);
const snippet = readdirSync(dir).find((d) => d.startsWith("xueshi-wasm-"));
const { decodeValue } = await import(new URL(`${snippet}/js/wire.js`, dir));

// Tags, as crates/wasm/src/wire.rs writes them.
const [NUM, STR, SYM, SYM_NEW, OBJ, OBJ_NEW] = [3, 4, 5, 6, 8, 9];
const text = (s) => new Uint16Array([...s].flatMap((c) => [...Array(c.length).keys()].map((k) => c.charCodeAt(k))));
// Sym ids far above what the engine in this process hands out.
const ID = 1e6;

describe("the report transport, JS end", () => {
  it("rebuilds a struct by its generated decoder, then knows its shape and text by id", () => {
    // A Clause (its fields: ref, quote), its ref a rule set text with an id.
    const first = decodeValue(new Float64Array([OBJ_NEW, 900, STR, 6, SYM_NEW, ID, 8, STR, 9]), text("Clause学时x"));
    assert.deepEqual(first, { ref: "学时", quote: "x" });
    assert.deepEqual(decodeValue(new Float64Array([OBJ, 900, SYM, ID, STR, 1]), text("y")), { ref: "学时", quote: "y" });
  });

  it("forgets what a decode that failed would have taught it", () => {
    assert.throws(() => decodeValue(new Float64Array([OBJ_NEW, 901, STR, 6, SYM_NEW, ID + 1, 8, 99]), text("Clause学时")));
    // The Rust end sends it again as new; a reference to it now finds nothing.
    assert.equal(decodeValue(new Float64Array([SYM, ID + 1]), text("")), undefined);
    assert.deepEqual(decodeValue(new Float64Array([OBJ_NEW, 901, STR, 6, SYM_NEW, ID + 1, 8, STR, 9]), text("Clause学时z")), { ref: "学时", quote: "z" });
  });

  it("refuses a struct it has no decoder for", () => {
    assert.throws(() => decodeValue(new Float64Array([OBJ_NEW, 902, STR, 7, NUM, 1]), text("Unknown")), /cannot read/);
  });
});
