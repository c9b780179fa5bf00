// What a chart is given: its data (an object, JSON text, or the URL of a JSON file, fetched
// here) and the options only the shell reads (height, menu, allowCrossOrigin; the wasm checks
// the others).
import { KhuyenCongError } from "./core.js";
import { toJson } from "./json-text.js";
import { TEXT } from "./chart-text.js";

const FETCH_TIMEOUT_MS = 15_000;

/** Whether `data` is a URL to fetch: a URL, or a string that is not JSON text. */
function isAddress(data) {
  return data instanceof URL || (typeof data === "string" && !data.trimStart().startsWith("{"));
}

/** The data as JSON text: objects are serialized, JSON text passes, anything else is a URL. */
export async function resolveData(data, options, signal, locale) {
  if (isAddress(data)) return fetchText(String(data), options, signal, locale);
  return toJson(data, locale);
}

/** The absolute URL `data` is fetched from, or null for data given as an object or JSON text. */
export function urlOf(data) {
  if (!isAddress(data)) return null;
  try {
    return new URL(data, document.baseURI).href;
  } catch {
    return null;
  }
}

async function fetchText(src, options, signal, locale) {
  const t = TEXT[locale];
  let url;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    throw new KhuyenCongError(t.badUrl(src), "fetch_failed", "src");
  }
  const sameOrigin = url.origin === location.origin;
  if (!sameOrigin && options.allowCrossOrigin !== true) {
    throw new KhuyenCongError(t.crossOrigin(url.href), "cross_origin", "src");
  }
  // Aborted by the caller's signal (a newer update, destroy) or by the timeout.
  const attempt = new AbortController();
  const onAbort = () => attempt.abort(signal.reason);
  signal?.addEventListener("abort", onAbort);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    attempt.abort();
  }, FETCH_TIMEOUT_MS);
  try {
    let response;
    let text;
    try {
      response = await fetch(url, {
        signal: attempt.signal,
        mode: sameOrigin ? "same-origin" : "cors",
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (!response.ok)
        throw new KhuyenCongError(t.http(url.href, response.status), "fetch_failed", "src");
      text = await response.text();
    } catch (e) {
      if (e instanceof KhuyenCongError || signal?.aborted) throw e;
      throw new KhuyenCongError(
        timedOut ? t.timeout(url.href, FETCH_TIMEOUT_MS / 1000) : t.network(url.href),
        "fetch_failed",
        "src",
      );
    }
    // A 200 page of HTML (a CMS's "not found" page) would otherwise be reported as bad JSON at
    // line 1: say what it is instead.
    if (!text.trimStart().startsWith("{")) {
      const type = response.headers.get("Content-Type") || "?";
      throw new KhuyenCongError(t.notJson(url.href, type), "fetch_failed", "src");
    }
    return text;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

/** A copy of the options with the shell's own ones checked (the wasm checks the rest). */
export function shellOptions(options, locale) {
  const t = TEXT[locale];
  if (options === null || typeof options !== "object") {
    throw new KhuyenCongError(t.options, "invalid_option", "options");
  }
  const o = { ...options };
  const refuse = (sentence, name) => {
    throw new KhuyenCongError(sentence, "invalid_option", `options.${name}`);
  };
  if (o.height !== undefined && cssHeight(o.height) === null) refuse(t.height(show(o.height)), "height");
  if (o.menu !== undefined && o.menu !== "auto" && o.menu !== "none") refuse(t.menuOption(show(o.menu)), "menu");
  if (o.allowCrossOrigin !== undefined && typeof o.allowCrossOrigin !== "boolean") {
    refuse(t.crossFlag(show(o.allowCrossOrigin)), "allowCrossOrigin");
  }
  return o;
}

/** `options.height` as CSS text (a number is px), or null when CSS would not take it. */
export function cssHeight(value) {
  if (typeof value === "number") return Number.isFinite(value) && value > 0 ? `${value}px` : null;
  if (typeof value === "string" && value.trim() !== "" && CSS.supports("height", value))
    return value.trim();
  return null;
}

function show(value) {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
