// scripts/check-size.mjs: which files count as a reader's download, stage by stage: the loader
// and its static imports; then what its dynamic import reaches statically, with the files those
// modules name by new URL(…, import.meta.url); then what their dynamic imports reach (on demand).
// Run: node --test tests/e2e/

import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { downloadStages } from "../../scripts/check-size.mjs";

let dir;
const at = (name) => path.join(dir, name);
const names = (stage) => stage.map((f) => path.basename(f));

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "check-size-test-"));
  const files = {
    // Minified-looking, with specifiers in a comment and a string that must not count.
    // It names the wasm only to preload it when it loads draw.js: that counts with draw.js.
    "embed.js":
      'import{a}from"./small.js";/* import("./not-me.js") */const s="import(\'./nor-me.js\')";' +
      'export const go=()=>(new URL("./view.wasm",import.meta.url),import("./draw.js"));',
    "small.js": "export const a=1;",
    "draw.js":
      'import"./glue.js";export const w=new URL("./view.wasm",import.meta.url),x=()=>import("./export.js");',
    "glue.js": 'import{a}from"./small.js";export{a};',
    "view.wasm": "\0asm",
    // On demand: its own imports and wasm, and a module an earlier stage already has.
    "export.js": 'export{ready}from"./core.js";import"./glue.js";',
    "core.js": 'export const ready=()=>new URL("./full.wasm",import.meta.url);',
    "full.wasm": "\0asm",
  };
  for (const [name, text] of Object.entries(files)) await writeFile(at(name), text);
});

after(() => rm(dir, { recursive: true, force: true }));

test("stages: the loader, then what a chart needs, then what is loaded on demand", async () => {
  const stages = await downloadStages(at("embed.js"));
  assert.deepEqual(stages.map(names), [
    ["embed.js", "small.js"],
    ["draw.js", "glue.js", "view.wasm"],
    ["export.js", "core.js", "full.wasm"],
  ]);
});

test("a missing file is an error, named", async () => {
  await writeFile(at("broken.js"), 'export const w=new URL("./gone.wasm",import.meta.url);');
  await writeFile(at("entry2.js"), 'import"./broken.js";');
  await assert.rejects(downloadStages(at("entry2.js")), /gone\.wasm is referred to but missing/);
});
