// Shared pieces of the accessibility tests (issue 6, a11y-*.test.mjs): the browser and the site
// (useA11yFixture() registers the file's before() and after() that set them), and a blank page
// and the gallery on the site's origin.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { after, before } from "node:test";
import { gotoGallery, openPage, repoPath, startFixture, testPage } from "./helpers.mjs";

export let fixture;
export let browser;
export let site;

/** Registers the before() that starts the browser and the site (`fixture`, `browser`, `site`)
 * and makes target/screenshots/, and the after() that closes them. Call it at the top of a test
 * file. */
export function useA11yFixture() {
  before(async () => {
    assert.ok(existsSync(repoPath("www", "pkg", "chart.js")), "www/pkg is missing: make www-pkg");
    assert.ok(existsSync(AXE), "node_modules/axe-core is missing: npm ci");
    fixture = await startFixture({ site: {} });
    ({ browser, site } = fixture);
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  after(() => fixture?.close());
}

export const SCREENSHOTS = repoPath("target", "screenshots");
export const AXE = repoPath("node_modules", "axe-core", "axe.min.js");
export const BLANK = "__test__/blank.html";
export const PHIA_BAC = JSON.parse(readFileSync(repoPath("www", "data", "phia-bac-2022.json"), "utf8"));

/** A fresh context and page, watched, with a blank page (a <main>) at BLANK. */
export function open(options = {}) {
  return openPage(browser, { pages: { [`${site.url}${BLANK}`]: testPage("<main></main>") }, ...options });
}

export async function openGallery(options = {}) {
  return gotoGallery(await open(options), site.url);
}
