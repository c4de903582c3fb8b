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
const [NUM, STR, SYM, SYM_NEW, OBJ, OBJ_NEW, SKIP, END] = [3, 4, 5, 6, 8, 9, 12, 13];
const text = (s) => new Uint16Array([...s].map((c) => c.charCodeAt(0)));
// Sym ids far above what the engine in this process hands out.
const ID = 1e6;

describe("the report transport, JS end", () => {
  it("rebuilds a struct, then knows its shape and text by id", () => {
    // Keys a, b, c (c left out); a's value is rule set text with an id.
    const first = decodeValue(new Float64Array([OBJ_NEW, 900, STR, 1, SYM_NEW, ID, 3, STR, 4, NUM, 7, STR, 5, SKIP, END]), text("a学时bc"));
    assert.deepEqual(first, { a: "学时", b: 7 });
    assert.deepEqual(decodeValue(new Float64Array([OBJ, 900, SYM, ID, SKIP, NUM, 2]), text("")), { a: "学时", c: 2 });
  });

  it("forgets what a decode that failed would have taught it", () => {
    assert.throws(() => decodeValue(new Float64Array([OBJ_NEW, 901, STR, 1, SYM_NEW, ID + 1, 3, 99]), text("xyz")));
    // The Rust end sends it again as new; a reference to it now finds nothing.
    assert.equal(decodeValue(new Float64Array([SYM, ID + 1]), text("")), undefined);
    assert.deepEqual(decodeValue(new Float64Array([OBJ_NEW, 901, STR, 1, SYM_NEW, ID + 1, 3, END]), text("xyz")), { x: "yz" });
  });
});
