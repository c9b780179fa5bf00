// scripts/check-size.mjs: which files count as a reader's download (static imports, transitively,
// and one of the new URL(…, import.meta.url) files they name) and which are loaded on demand
// (what dynamic imports reach besides). Run: node --test tests/e2e/

import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { downloadSets, kindOf, references } from "../../scripts/check-size.mjs";

let dir;
const at = (name) => path.join(dir, name);

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "check-size-test-"));
  const files = {
    // Minified-looking, with the specifiers also in a comment and a string that must not count.
    "embed.js":
      'import{a}from"./shell.js";/* import("./not-me.js") */const s="import(\'./nor-me.js\')";' +
      'export const x=()=>import("./export.js"),w=new URL("./view.wasm",import.meta.url),' +
      'k={regions:()=>new URL("./khuyencong_charts_view_regions_bg.wasm",import.meta.url)};',
    "shell.js": 'export const a=1;import"./glue.js";',
    "glue.js": "export{};",
    "view.wasm": "\0asm",
    "khuyencong_charts_view_regions_bg.wasm": "\0asm",
    // On demand: its own imports and wasm, and a module the download set already has.
    "export.js": 'export{ready}from"./core.js";import"./glue.js";',
    "core.js": 'export const ready=()=>new URL("./full.wasm",import.meta.url);',
    "full.wasm": "\0asm",
  };
  for (const [name, text] of Object.entries(files)) await writeFile(at(name), text);
});

after(() => rm(dir, { recursive: true, force: true }));

test("a dynamic import is lazy, a static one and a new URL are not", () => {
  const refs = references('import"./a.js";export*from"./b.js";import("./c.js");new URL("d.wasm",import.meta.url)');
  assert.deepEqual(refs, { imports: ["./a.js", "./b.js"], lazy: ["./c.js"], urls: ["d.wasm"] });
});

test("the download set leaves out what dynamic imports reach; on demand lists it once", () => {
  const { eager, wasm, onDemand } = downloadSets(at("embed.js"));
  assert.deepEqual(eager, ["embed.js", "shell.js", "glue.js"].map(at));
  // The wasm files the modules name, of which a page loads one.
  assert.deepEqual(wasm, ["view.wasm", "khuyencong_charts_view_regions_bg.wasm"].map(at));
  assert.deepEqual(onDemand, ["export.js", "core.js", "full.wasm"].map(at));
  assert.deepEqual(wasm.map(kindOf), [null, "regions"]);
});

test("a missing file is an error, named", async () => {
  await writeFile(at("broken.js"), 'import("./gone.js");');
  assert.throws(() => downloadSets(at("broken.js")), /gone\.js is referred to but missing/);
});
