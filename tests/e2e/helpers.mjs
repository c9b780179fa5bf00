// Shared pieces of the end-to-end tests: where things are, how to start Chromium, and a
// recorder of everything a page does that a test may want to forbid.

import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

/** Absolute path of a file in the repository. */
export const repoPath = (...parts) =>
  path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", ...parts);

/** The policy the page must work under when a newspaper embeds it. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const CHROMIUM = "/usr/bin/chromium";

/**
 * Debian's Chromium (apt-get install chromium): playwright's own browser download cannot work
 * here. The networking flags stop it from calling home, which would fail and add noise.
 */
export async function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/**
 * Starts recording, before the first navigation, what `page` logs as an error, throws, requests
 * and what the Content-Security-Policy blocks. The arrays fill up as the page runs.
 */
export async function watchPage(page) {
  const seen = { consoleErrors: [], pageErrors: [], requests: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") seen.consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => seen.pageErrors.push(err.message));
  page.on("request", (req) => seen.requests.push(req.url()));
  // Runs in every document before its own scripts (injected by the DevTools protocol, so the
  // page's CSP does not apply to it). Read the result with cspViolations(page).
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener(
      "securitypolicyviolation",
      (e) => window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI}`),
      true,
    );
  });
  return seen;
}

/** The CSP violations recorded in the page's current document. */
export const cspViolations = (page) => page.evaluate(() => window.__cspViolations);
