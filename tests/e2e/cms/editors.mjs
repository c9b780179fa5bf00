// Three rich-text editors from npm in their default configurations, in headless Chromium, as a
// journalist meets them in a CMS: paste HTML into the source view, save the article, reopen it
// (a new page, a new editor given what was saved) and save again. Plus allowList, a server-side
// filter standing for the allow-lists CMSs run on saved HTML (WordPress's kses and the like).
// The embed code must be made only of what survives all of them (tests/e2e/cms/survey.mjs).
//
//   const server = await startEditorServer();
//   const { first, second } = await roundTrip(browser, server, "tinymce", html);
//   allowList(second);
//   await server.close();

import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../../scripts/serve.mjs";

/** The editors, each a page beside this file: tinymce.html, ckeditor5.html, ckeditor4.html. */
export const EDITORS = ["tinymce", "ckeditor5", "ckeditor4"];

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/**
 * Serves the repository on 127.0.0.1: the harness pages under /tests/e2e/cms/ and the editors'
 * files under /node_modules/ (TinyMCE and CKEditor 4 load their skins, themes and languages
 * from beside their main script).
 *
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function startEditorServer() {
  return serve({ root: ROOT });
}

/**
 * Opens `editor`'s page in a fresh context of `browser` and starts the editor with `initial`
 * as the stored article. Nothing leaves 127.0.0.1: any other request is aborted (CKEditor 4
 * asks a CDN whether a newer version exists; none of the editors needs the network to work).
 * Throws when the editor did not start or the page threw.
 *
 * @returns {Promise<{ page: import("playwright-core").Page, version: string,
 *   blocked: string[], close: () => Promise<void> }>} `version` as the editor tells it
 *   ("TinyMCE 8.9.2"); `blocked`: the URLs aborted so far (the array fills up)
 */
export async function openEditor(browser, server, editor, initial = "") {
  if (!EDITORS.includes(editor)) throw new Error(`unknown editor ${editor}`);
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const origin = new URL(server.url).origin;
  const blocked = [];
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      blocked.push(route.request().url());
      return route.abort();
    },
  );
  const page = await context.newPage();
  const errors = [];
  let version;
  page.on("pageerror", (err) => errors.push(err.message));
  try {
    await page.goto(`${server.url}tests/e2e/cms/${editor}.html`);
    // A page that never finishes starting (a skin or a language file missing) would otherwise
    // wait forever: page.evaluate has no timeout of its own.
    version = await Promise.race([
      page.evaluate((html) => window.harness.open(html), initial),
      new Promise((_, reject) => {
        setTimeout(() => reject(new Error(`${editor} did not start in 30 s`)), 30_000).unref();
      }),
    ]);
    if (errors.length > 0) throw new Error(`${editor} threw: ${errors.join("; ")}`);
  } catch (err) {
    await context.close();
    throw err;
  }
  return { page, version, blocked, close: () => context.close() };
}

/**
 * `html` pasted into the source view of a new article in `editor` and saved (`first`), then the
 * article reopened in a new page and saved again without edits (`second`): what readers get.
 * With `stored`, the article is reopened from `stored(first)` instead: what a server-side
 * filter such as allowList leaves of the first save, as a CMS that filters on save stores it.
 *
 * @param {import("playwright-core").Browser} browser
 * @param {{ url: string }} server from startEditorServer()
 * @param {"tinymce" | "ckeditor5" | "ckeditor4"} editor
 * @param {string} html
 * @param {{ stored?: (saved: string) => string }} [options]
 * @returns {Promise<{ first: string, second: string }>}
 */
export async function roundTrip(browser, server, editor, html, { stored = (s) => s } = {}) {
  const first = await withEditor(browser, server, editor, "", async (page) => {
    await page.evaluate((h) => window.harness.paste(h), html);
    return page.evaluate(() => window.harness.save());
  });
  const second = await withEditor(browser, server, editor, stored(first), (page) =>
    page.evaluate(() => window.harness.save()),
  );
  return { first, second };
}

async function withEditor(browser, server, editor, initial, use) {
  const { page, close } = await openEditor(browser, server, editor, initial);
  try {
    return await use(page);
  } finally {
    await close();
  }
}

// ---- allowList ------------------------------------------------------------------------------

/** Elements kept, with the attributes each keeps. */
export const ALLOWED = new Map(
  Object.entries({
    a: ["href"],
    img: ["src", "alt", "width", "height"],
    table: [],
    caption: [],
    thead: [],
    tbody: [],
    tfoot: [],
    tr: [],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    p: [],
    br: [],
    figure: [],
    figcaption: [],
    strong: [],
    em: [],
  }),
);
const URL_ATTRIBUTES = new Set(["href", "src"]);
const VOID = new Set(["br", "img"]);
/** Removed with everything inside, as kses does with script and style. */
const DROPPED_WITH_CONTENT = new Set(["script", "style", "iframe", "noscript", "template"]);
/**
 * Elements whose content the browser reads as text up to their end tag (scripting on, so
 * noscript is one). The content of those removed with their content goes; the text of the
 * others stays, escaped.
 */
const RAW_TEXT = new Set([
  "script",
  "style",
  "iframe",
  "noscript",
  "xmp",
  "noembed",
  "noframes",
  "textarea",
  "title",
]);
const SPACE = /[\t\n\f\r ]/;

/**
 * A server-side allow-list filter standing for WordPress-like sanitizers (kses): keeps only
 * a[href], img[src,alt,width,height], table, caption, thead, tbody, tfoot, tr,
 * th[colspan,rowspan,scope], td[colspan,rowspan], p, br, figure, figcaption, strong and em;
 * unwraps every other element (its text stays), except script, style, template, iframe and
 * noscript, removed with their content; drops comments and every other attribute; keeps
 * href and src only when they are absolute http: or https: URLs.
 *
 * A tokenizer after the HTML standard's (no tree: the order of tags is kept as it comes, like
 * kses), so that what it keeps is what a browser would see. Text is copied as written except
 * that a "<" not starting a tag is escaped; every "<" in the output starts a tag it wrote.
 *
 * @param {string} html
 * @returns {string}
 */
export function allowList(html) {
  let out = "";
  let i = 0;
  let templateDepth = 0; // inside a template being removed: nothing is written
  const emit = (s) => {
    if (templateDepth === 0) out += s;
  };
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      emit(html.slice(i));
      break;
    }
    emit(html.slice(i, lt));
    i = lt;
    const next = html[i + 1] ?? "";
    if (html.startsWith("<!--", i)) {
      i = commentEnd(html, i + 4);
    } else if (next === "!" || next === "?") {
      // <!DOCTYPE …>, <![CDATA[…]]> and <?…> are bogus comments in HTML: up to the next ">".
      i = endOf(html, ">", i);
    } else if (next === "/") {
      if (/[a-z]/i.test(html[i + 2] ?? "")) {
        const tag = readTag(html, i + 2);
        i = tag.end;
        if (tag.eof) break;
        if (tag.name === "template" && templateDepth > 0) {
          templateDepth--;
        } else if (tag.name === "br") {
          emit("<br>"); // what browsers make of </br>
        } else if (ALLOWED.has(tag.name) && !VOID.has(tag.name)) {
          emit(`</${tag.name}>`);
        }
      } else if (html[i + 2] === ">") {
        i += 3; // </> is ignored
      } else {
        i = endOf(html, ">", i); // </3…> is a bogus comment
      }
    } else if (/[a-z]/i.test(next)) {
      const tag = readTag(html, i + 1);
      i = tag.end;
      if (tag.eof) break; // a tag cut off by the end of the input is no tag
      if (tag.name === "template") {
        templateDepth++;
      } else if (RAW_TEXT.has(tag.name)) {
        const close = rawTextEnd(html, i, tag.name);
        const text = html.slice(i, close);
        // Character references count in textarea and title (RCDATA), not in the others.
        const rcdata = tag.name === "textarea" || tag.name === "title";
        if (!DROPPED_WITH_CONTENT.has(tag.name)) emit(escapeText(text, !rcdata));
        i = close < html.length ? readTag(html, close + 2).end : close;
      } else if (tag.name === "plaintext") {
        emit(escapeText(html.slice(i))); // everything after <plaintext> is text, as written
        break;
      } else if (ALLOWED.has(tag.name)) {
        emit(startTag(tag));
      }
    } else {
      emit("&lt;"); // "<" followed by anything else is text
      i++;
    }
  }
  return out;
}

/** The allowed start tag, with its allowed attributes (the first of a repeated one counts). */
function startTag({ name, attributes }) {
  let s = `<${name}`;
  const seen = new Set();
  for (const { name: attr, value } of attributes) {
    if (seen.has(attr)) continue;
    seen.add(attr);
    if (!ALLOWED.get(name).includes(attr)) continue;
    let kept = value;
    if (URL_ATTRIBUTES.has(attr)) {
      if (!isWebUrl(value)) continue;
      kept = trimUrl(value);
    }
    s += ` ${attr}="${kept.replaceAll('"', "&quot;")}"`;
  }
  return s + ">";
}

/**
 * Whether an attribute value (as written, character references and all) is an absolute
 * http(s) URL. References are decoded first (numeric ones and the few named ones that can
 * spell a scheme): one left undecoded can only make the test fail, so it errs on dropping.
 */
function isWebUrl(raw) {
  const value = trimUrl(decodeReferences(raw));
  return /^https?:\/\/[^\s/?#\\]/i.test(value);
}

/** Browsers strip leading and trailing spaces and control characters from a URL. */
const trimUrl = (s) => s.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, "");

const NAMED = new Map(
  Object.entries({ amp: "&", colon: ":", sol: "/", period: ".", Tab: "\t", NewLine: "\n" }),
);

function decodeReferences(s) {
  return s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));?/gi, (ref, dec, hex, name) => {
    if (dec || hex) {
      const code = parseInt(dec ?? hex, dec ? 10 : 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
    }
    return ref.endsWith(";") && NAMED.has(name) ? NAMED.get(name) : ref;
  });
}

/** Text for the output; `ampersands` too when the source did not read references in it. */
const escapeText = (s, ampersands = true) =>
  (ampersands ? s.replaceAll("&", "&amp;") : s).replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** The index after the ">" ending what starts at `from`, or the end of the input. */
function endOf(html, text, from) {
  const at = html.indexOf(text, from);
  return at < 0 ? html.length : at + text.length;
}

/** The index after a comment whose text starts at `from` ("<!-->" and "--!>" end one too). */
function commentEnd(html, from) {
  if (html[from] === ">") return from + 1;
  if (html.startsWith("->", from)) return from + 2;
  const ends = [html.indexOf("-->", from), html.indexOf("--!>", from)].filter((n) => n >= 0);
  if (ends.length === 0) return html.length;
  const at = Math.min(...ends);
  return at + (html.startsWith("-->", at) ? 3 : 4);
}

/** The index of the "</name" that ends a raw-text element's content, or the input's end. */
function rawTextEnd(html, from, name) {
  // "i" without "u" folds ASCII letters only, as the HTML tokenizer does.
  const end = new RegExp(`</${name}(?=[\\t\\n\\f\\r />]|$)`, "gi");
  end.lastIndex = from;
  return end.exec(html)?.index ?? html.length;
}

/** Tag and attribute names: HTML lowercases ASCII letters only. */
const asciiLower = (s) => s.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/**
 * Reads a tag from its name (at `from`, just after "<" or "</") to its ">" as the HTML
 * tokenizer does: attribute names end at space, "/", ">" or "="; values are quoted with " or '
 * or run to a space or ">"; "/" between attributes is skipped.
 *
 * @returns {{ name: string, attributes: { name: string, value: string }[], end: number,
 *   eof: boolean }}
 */
function readTag(html, from) {
  let i = from;
  const n = html.length;
  const nameStart = i;
  while (i < n && !SPACE.test(html[i]) && html[i] !== "/" && html[i] !== ">") i++;
  const name = asciiLower(html.slice(nameStart, i));
  const attributes = [];
  for (;;) {
    while (i < n && (SPACE.test(html[i]) || html[i] === "/")) i++;
    if (i >= n) return { name, attributes, end: n, eof: true };
    if (html[i] === ">") return { name, attributes, end: i + 1, eof: false };
    const attrStart = i;
    i++; // the first character may be "="
    while (i < n && !SPACE.test(html[i]) && !"/>=".includes(html[i])) i++;
    const attr = { name: asciiLower(html.slice(attrStart, i)), value: "" };
    attributes.push(attr);
    let j = i;
    while (j < n && SPACE.test(html[j])) j++;
    if (html[j] !== "=") continue;
    i = j + 1;
    while (i < n && SPACE.test(html[i])) i++;
    const quote = html[i];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, i + 1);
      if (close < 0) return { name, attributes, end: n, eof: true };
      attr.value = html.slice(i + 1, close);
      i = close + 1;
    } else {
      const valueStart = i;
      while (i < n && !SPACE.test(html[i]) && html[i] !== ">") i++;
      attr.value = html.slice(valueStart, i);
    }
  }
}
