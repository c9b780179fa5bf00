// scripts/kinds.mjs: the chart kinds' one table (src/chart/mod.rs) and the lists that derive
// from it. The repository's lists agree with it; the table it reads is the one compiled into the
// package; a kind added to the table makes it rewrite the written lists and name each worded
// one that lacks it. Run: make test-tooling (make test-kinds runs the check alone, before package).
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";

import { PAGES, ROOT, TABLE_FILE, WRITTEN, checkKinds, readKinds } from "../../scripts/kinds.mjs";

describe("the repository", () => {
  test("every list of kinds agrees with the table", async () => {
    const { kinds, stale, problems } = await checkKinds();
    assert.deepEqual([...stale, ...problems], []);
    assert.deepEqual(
      kinds.map((k) => k.key),
      ["summary", "sources", "plan-actual", "regions", "leverage", "trend", "categories"],
    );
    assert.deepEqual(kinds.filter((k) => k.isDefault).map((k) => k.key), ["sources"]);
  });

  test("the table read from the source is the one compiled into the package", () => {
    // The option error's list of values (KIND_KEYS, built by the kinds! macro) is in the wasm.
    const keys = readKinds(readFileSync(path.join(ROOT, TABLE_FILE), "utf8")).map((k) => `"${k.key}"`);
    const wasm = readFileSync(path.join(ROOT, "pkg", "khuyencong_charts_bg.wasm"));
    assert.ok(wasm.includes(Buffer.from(keys.join(", "))), `pkg's wasm holds ${keys.join(", ")} (make package first)`);
  });
});

describe("a kind added to a copy of the repository", () => {
  let root;
  const file = (name) => path.join(root, name);
  const read = (name) => readFileSync(file(name), "utf8");
  const edit = (name, from, to) => {
    const text = read(name);
    assert.ok(text.includes(from), `${name} holds ${from}`);
    writeFileSync(file(name), text.replace(from, to));
  };

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), "kinds-test-"));
    const files = [
      TABLE_FILE,
      "README.md",
      "www/assets/editor-checks.js",
      "www/assets/editor-inputs.js",
      ...WRITTEN.map((w) => w.file),
      ...PAGES,
    ];
    // editor-i18n.js and the modules it imports.
    for (const name of readdirSync(path.join(ROOT, "www/assets"))) {
      if (name.endsWith(".js")) files.push(`www/assets/${name}`);
    }
    for (const name of new Set(files)) {
      mkdirSync(path.dirname(file(name)), { recursive: true });
      cpSync(path.join(ROOT, name), file(name));
    }
    writeFileSync(file("package.json"), '{ "type": "module" }\n');
    edit(TABLE_FILE, '    Categories = "categories",\n', '    Categories = "categories",\n    /// A test kind.\n    Pie = "pie",\n');
  });
  after(() => root && rmSync(root, { recursive: true, force: true }));

  test("the check names each written list out of date and each worded one that lacks it", async () => {
    const { kinds, stale, problems } = await checkKinds({ root });
    assert.equal(kinds.at(-1).key, "pie");
    assert.deepEqual(
      stale.map((s) => s.split(":")[0]),
      WRITTEN.map((w) => w.file),
    );
    for (const want of [
      'www/assets/editor-i18n.js: TEXT.vi lacks "kind.pie"',
      'www/assets/editor-i18n.js: TEXT.vi lacks "kindhelp.pie"',
      'www/assets/editor-i18n.js: TEXT.en lacks "kind.pie"',
      'www/assets/editor-i18n.js: TEXT.en lacks "kindhelp.pie"',
      'README.md: the table of kinds under "## Charts" has no row for `pie`',
      'www/charts.html: no gallery card draws pie (data-kind="pie")',
    ]) {
      assert.ok(problems.some((p) => p.startsWith(want)), `${want}\n  in:\n${problems.join("\n")}`);
    }
    assert.ok(problems.some((p) => /^README\.md:\d+: says "seven kinds"; there are eight$/.test(p)), problems.join("\n"));
  });

  test("its written lists come out with the kind, and then agree", async () => {
    const { writes } = await checkKinds({ root });
    for (const w of writes) writeFileSync(file(w.file), w.text);
    const region = (name) => {
      const text = read(name);
      return text.slice(text.indexOf("kinds:begin"), text.indexOf("kinds:end") + 9);
    };
    assert.match(region("src/js/index.d.ts"), /export type ChartKind =\n {2}\| "summary" [^\n]*\| "categories"\s+\| "pie";\n\/\/ kinds:end$/);
    assert.match(region("www/editor.html"), /<option value="categories" [^\n]*\n {14}<option value="pie" data-i18n="kind.pie">pie<\/option>\n {14}<!-- kinds:end$/);
    assert.match(region("www/embed-examples.html"), /<code>categories<\/code>, <code>pie<\/code><!-- kinds:end$/);
    const again = await checkKinds({ root });
    assert.deepEqual(again.stale, []);
    // What is left is wording, for a person to write.
    assert.ok(again.problems.length >= 7);
  });

  test("a renamed kind is caught where it is still named", async () => {
    edit("www/assets/editor-checks.js", 'case "leverage":', 'case "leverage-old":');
    const { problems } = await checkKinds({ root });
    assert.ok(problems.some((p) => p.startsWith('www/assets/editor-checks.js: case "leverage-old" names "leverage-old", which is not a kind')), problems.join("\n"));
  });
});

test("a line the table reader does not know stops it, with its line number", () => {
  const rust = "fn x() {}\nkinds! {\n    Summary = \"summary\",\n    #[default]\n    Sources = \"sources\",\n    Pie => \"pie\",\n}\n";
  assert.throws(() => readKinds(rust), /src\/chart\/mod\.rs:6: not a line of the kinds table/);
  assert.throws(() => readKinds("kinds! {\n    A = \"a\",\n    B = \"a\",\n}\n"), /listed twice: a/);
  assert.throws(() => readKinds("kinds! {\n    A = \"a\",\n}\n"), /no single #\[default\]/);
});
