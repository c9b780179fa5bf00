// Shared pieces of the embed snippet's tests (embed-*.test.mjs): the browser, the site and the
// site under the strict CSP (useEmbedFixture() registers the file's before() and after() that set
// them), test pages served on the site's origin, and what the tests read from a page's charts.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before } from "node:test";
import { openPage, repoPath, startFixture, testPage } from "./helpers.mjs";

export let fixture;
export let browser;
export let site;
export let strictSite;

/** Registers the before() that starts the browser, the site and the site under the strict CSP
 * (`fixture`, `browser`, `site`, `strictSite`), and the after() that closes them. Call it at
 * the top of a test file. */
export function useEmbedFixture() {
  before(async () => {
    assert.ok(
      existsSync(repoPath("www", "pkg", "embed.js")),
      "www/pkg/embed.js is missing: make www-pkg",
    );
    fixture = await startFixture({ site: {}, strictSite: { csp: true } });
    ({ browser, site, strictSite } = fixture);
  });
  after(() => fixture?.close());
}

export const PHIA_BAC_TITLE = "Kinh phí khuyến công 28 tỉnh, thành phố phía Bắc năm 2022";

/** A fallback as an editor types it: a small table of the figures. */
export const FALLBACK_TABLE =
  '<table class="fallback"><caption>Kinh phí khuyến công 2022</caption>' +
  "<tr><th>Khuyến công quốc gia</th><td>79,5 tỷ đồng</td></tr>" +
  "<tr><th>Khuyến công địa phương</th><td>90,9 tỷ đồng</td></tr></table>";

/**
 * A fresh context and page, watched (console errors, page errors, requests, CSP violations),
 * with `pages` ({ "name.html": body }) served at `${base}__test__/name.html` on the site's origin,
 * each a blank article with embed.js loaded as the snippet loads it (unless `script: false`).
 */
export async function open({ viewport = { width: 1000, height: 800 }, csp = false, pages = {}, script = true, ...options } = {}) {
  const base = (csp ? strictSite : site).url;
  const url = (name) => `${base}__test__/${name}`;
  const served = Object.fromEntries(
    Object.entries(pages).map(([name, body]) => [url(name), testPage(body, { embed: script })]),
  );
  const opened = await openPage(browser, { viewport, csp, pages: served, ...options });
  return { ...opened, base, url };
}

/** Waits until every embedded chart matching `selector` has drawn or failed. */
export const settle = (page, selector = "khuyencong-chart, [data-khuyencong]") =>
  page.waitForFunction((sel) => {
    const nodes = [...document.querySelectorAll(sel)];
    return nodes.length > 0 && nodes.every((n) => ["ready", "error"].includes(n.dataset.kcState));
  }, selector);

/** The chart handle's view() of the element at `selector` (custom or plain), or null. */
export const viewOf = (page, selector) =>
  page.evaluate(async (sel) => {
    const { chartOf } = await import("/pkg/embed.js");
    return chartOf(document.querySelector(sel))?.view() ?? null;
  }, selector);

/** Pixels of the element's chart canvas that differ from its top left pixel (the background). */
export function inkOf(page, selector) {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas.kc-chart__canvas`);
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) count++;
    }
    return { count, total: data.length / 4 };
  }, selector);
}

export async function assertDraws(page, selector) {
  const ink = await inkOf(page, selector);
  assert.ok(ink.count > ink.total * 0.02, `${selector}: only ${ink.count} of ${ink.total} drawn`);
}
