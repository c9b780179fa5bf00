// Writes the embed codes of the demo article (www/index.html) as the editor page writes them:
// each chart between `<!-- chart KIND FILE -->` and `<!-- /chart -->` is replaced by the code of
// toEmbedCode() for that data file and kind, drawn by the built package (www/pkg) in Chromium.
// The link is written relative to the article ("pkg/chart.html#…"), as an editor that shortens
// same-site URLs saves it, so that the demo works on any port. Run after a layout change:
//
//   make www-pkg && node scripts/demo-charts.mjs

import { readFileSync, writeFileSync } from "node:fs";
import { launchChromium, repoPath } from "../tests/e2e/helpers.mjs";
import { serve } from "./serve.mjs";

const ARTICLE = repoPath("www", "index.html");
const MARKED = /^( *)(<!-- chart (\S+) (\S+) -->\n)([\s\S]*?)^( *<!-- \/chart -->)/gm;

const server = await serve({ root: repoPath("www") });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}charts.html`);
  let html = readFileSync(ARTICLE, "utf8");
  const codes = [];
  for (const [, , , kind, file] of html.matchAll(MARKED)) {
    codes.push(
      await page.evaluate(
        async ([kind, file]) => {
          const { mount } = await import("/pkg/index.js");
          const host = document.createElement("div");
          document.body.append(host);
          const chart = await mount(host, `/data/${file}`, { kind });
          const code = await chart.toEmbedCode();
          chart.destroy();
          return code;
        },
        [kind, file],
      ),
    );
  }
  let k = 0;
  html = html.replace(MARKED, (_, indent, open, _kind, _file, _old, close) => {
    const code = codes[k++].replaceAll(`${server.url}pkg/`, "pkg/");
    return `${indent}${open}${code.split("\n").map((line) => indent + line).join("\n")}\n${close}`;
  });
  writeFileSync(ARTICLE, html);
  console.log(`demo-charts: ${codes.length} charts written into www/index.html`);
} finally {
  await browser.close();
  await server.close();
}
