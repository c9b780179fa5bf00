// Runs each of the README's JavaScript examples (the ```js example blocks) in Chromium against
// the built package, and checks every `// → expected` comment against what that line printed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { repoPath, startFixture } from "./helpers.mjs";

let fixture;
before(async () => (fixture = await startFixture({ site: {} })));
after(() => fixture?.close());

function readmeExamples() {
  const readme = readFileSync(repoPath("README.md"), "utf8");
  const blocks = [...readme.matchAll(/```js example\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length >= 2, "README.md has its ```js example blocks");
  return blocks;
}

for (const [n, code] of readmeExamples().entries()) test(`README JavaScript example ${n + 1} prints what its comments say`, async () => {
  const expected = code
    .split("\n")
    .filter((line) => line.includes("console.log("))
    .map((line) => {
      const m = line.match(/\/\/ → (.*)$/);
      assert.ok(m, `every console.log line in the example states its output: ${line}`);
      return m[1];
    });
  assert.ok(expected.length >= 3, "the example checks several values");

  const page = await fixture.browser.newPage();
  try {
    const printed = [];
    const errors = [];
    page.on("console", (msg) => (msg.type() === "error" ? errors : printed).push(msg.text()));
    page.on("pageerror", (err) => errors.push(err.message));
    await page.goto(fixture.site.url);
    const done = page.waitForEvent("console", (msg) => msg.text() === "__done__");
    // Imports must stay at the top level; the rest runs inside try/finally so that a failure
    // is reported instead of hanging the test.
    const lines = code.replace(/from "khuyencong-charts"/, 'from "/pkg/index.js"').split("\n");
    const imports = lines.filter((l) => l.startsWith("import ")).join("\n");
    const body = lines.filter((l) => !l.startsWith("import ")).join("\n");
    await page.addScriptTag({
      type: "module",
      content: `${imports}\ntry {\n${body}\n} catch (e) { console.error(String((e && e.stack) || e)); } finally { console.log("__done__"); }`,
    });
    await done;
    assert.deepEqual(errors, []);
    const outputs = printed.filter((t) => t !== "__done__" && !t.startsWith("[demo]"));
    assert.deepEqual(outputs.slice(-expected.length), expected);
  } finally {
    await page.close();
  }
});
