// Shared pieces of the tests of a chart leaving the page (issue 9, export-*.test.mjs): the
// browser, the site and the site under the strict CSP (useExportFixture() registers the file's
// before() and after() that set them), blank and gallery pages on the site's origin, and a chart
// mounted in a blank page.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { after, before } from "node:test";
import { gotoGallery, openPage, repoPath, startFixture, testPage } from "./helpers.mjs";

export let fixture;
export let browser;
export let site;
export let strictSite;

/** Registers the before() that starts the browser, the site and the site under the strict CSP
 * (`fixture`, `browser`, `site`, `strictSite`) and makes target/screenshots/, and the
 * after() that closes them. Call it at the top of a test file. */
export function useExportFixture() {
  before(async () => {
    assert.ok(
      existsSync(repoPath("www", "pkg", "chart.js")),
      "www/pkg/chart.js is missing: make www-pkg",
    );
    fixture = await startFixture({ site: {}, strictSite: { csp: true } });
    ({ browser, site, strictSite } = fixture);
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  after(() => fixture?.close());
}

export const SCREENSHOTS = repoPath("target", "screenshots");
export const BLANK = "__test__/blank.html";
export const PASTED = "__test__/pasted.html";

export const PHIA_BAC = JSON.parse(readFileSync(repoPath("www", "data", "phia-bac-2022.json"), "utf8"));

/**
 * A fresh context and page, watched, with a blank page at BLANK and `pasted` (an HTML body) at
 * PASTED on the site's origin (under the strict policy when `csp`).
 */
export async function open({ csp = false, pasted = "", ...options } = {}) {
  const base = (csp ? strictSite : site).url;
  const pages = { [`${base}${BLANK}`]: testPage(), [`${base}${PASTED}`]: testPage(pasted) };
  return { ...(await openPage(browser, { csp, pages, ...options })), base };
}

export async function openGallery(options = {}) {
  const opened = await open(options);
  return gotoGallery(opened, opened.base);
}

/** The blank page with the package imported as window.kc and a chart of `data` mounted in a
 * #c of `width` px as window.chart. */
export async function openMounted(data, options, { width = 640, ...openOptions } = {}) {
  const opened = await open(openOptions);
  await opened.page.goto(`${opened.base}${BLANK}`);
  await opened.page.evaluate(
    async ({ data, options, width }) => {
      window.kc = await import("/pkg/index.js");
      const element = document.createElement("div");
      element.id = "c";
      element.style.setProperty("width", `${width}px`);
      document.body.append(element);
      window.chart = await window.kc.mount(element, data, options);
    },
    { data, options, width },
  );
  return opened;
}
