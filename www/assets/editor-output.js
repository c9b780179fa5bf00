// The output panel: the embed code (written by the phone preview's chart, as its menu does),
// the checks of the addresses it needs, the copy button, the picture and JSON downloads, and
// which picture suits the newsroom's CMS (tests/e2e/cms/).

import { PICTURE_MARK, formatJson, slugify } from "../pkg/embed-code.js";
import { $, fieldValue, setText, state, t } from "./editor-state.js";
import { track } from "./editor-cycle.js";

/** An absolute http(s) URL from a field, or null. */
function urlOf(value) {
  try {
    const url = new URL(value, location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/** Same members, same values, whatever the order. */
function sameData(a, b) {
  const stable = (v) =>
    Array.isArray(v)
      ? `[${v.map(stable).join(",")}]`
      : v && typeof v === "object"
        ? `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${stable(v[k])}`)
            .join(",")}}`
        : JSON.stringify(v);
  return stable(a) === stable(b);
}

/** What each CMS keeps of the code, and so which picture suits it (tests/e2e/cms/). */
const CMS_PICTURE = {
  unknown: "inline",
  tinymce: "inline",
  ckeditor4: "inline",
  ckeditor5: "inline",
  wordpress: "file",
  sharepoint: "file",
};

/** The code last written: { key, code }. */
let written = null;
let writing = 0;

/** The output panel: the fields' checks now, the code once written (it is async: the picture
 * and the compressed link). */
export function renderOutput() {
  const form = document.querySelector('input[name="form"]:checked').value;
  const picture = document.querySelector('input[name="picture"]:checked').value;
  $("picture-mode").hidden = form !== "picture";
  $("picture-file").hidden = form !== "picture" || picture !== "file";
  $("field-dataUrl").hidden = form !== "iframe";
  $("picture-download").disabled = !state.good;
  $("download").disabled = !state.good;
  const problems = {};

  const pkgUrl = urlOf(fieldValue("pkg"));
  if (!pkgUrl) problems.pkg = t(fieldValue("pkg") ? "url.invalid" : "pkg.missing", fieldValue("pkg"));
  const base = pkgUrl ? (pkgUrl.href.endsWith("/") ? pkgUrl.href : `${pkgUrl.href}/`) : null;
  $("loader-line").value = base
    ? `<script type="module" src="${new URL("embed.js", base).href}"></script>`
    : "";
  let dataUrl = null;
  if (form === "iframe") {
    const raw = fieldValue("dataUrl");
    dataUrl = raw === "" ? null : urlOf(raw);
    if (raw === "") problems.dataUrl = t("dataUrl.missing");
    else if (!dataUrl) problems.dataUrl = t("url.invalid", raw);
    else if (pkgUrl && dataUrl.origin !== pkgUrl.origin) problems.dataUrl = t("url.otherOrigin");
    else if (
      state.good &&
      state.sample &&
      dataUrl.href === state.sample.url &&
      !sameData(state.good.data, state.sample.data)
    ) {
      problems.dataUrl = t("dataUrl.changed");
    }
  }
  let pictureUrl = null;
  if (form === "picture" && picture === "file") {
    const raw = fieldValue("pictureUrl");
    pictureUrl = raw === "" ? null : urlOf(raw);
    if (raw === "") problems.pictureUrl = t("pictureUrl.missing");
    else if (!pictureUrl) problems.pictureUrl = t("url.invalid", raw);
    else if (!pictureUrl.href.includes(PICTURE_MARK)) problems.pictureUrl = t("pictureUrl.name");
  }
  for (const id of ["pkg", "dataUrl", "pictureUrl"]) {
    const message = problems[id] ?? "";
    setText($(`${id}-error`), message);
    $(id).toggleAttribute("aria-invalid", Boolean(message));
    $(id).closest(".field").classList.toggle("field--invalid", Boolean(message));
  }
  // The technician's section opens by itself when it holds what stops the code.
  if (problems.pkg) $("tech").open = true;

  const handle = state.shown?.["preview-phone"]?.handle;
  const blocked = Object.keys(problems).length > 0;
  const request =
    state.good && handle && !blocked
      ? { form, picture, base, dataUrl: dataUrl?.href, pictureUrl: pictureUrl?.href }
      : null;
  const note = !state.good ? t("output.none") : (Object.values(problems)[0] ?? null);
  $("code-note").hidden = !note;
  setText($("code-note"), note ?? "");
  if (!request) {
    written = null;
    writing++;
    showCode("");
    return;
  }
  const shown = state.shown["preview-phone"];
  const key = JSON.stringify([request, shown.dataJson, shown.optionsJson]);
  if (written?.key === key) {
    showCode(written.code);
    return;
  }
  const job = ++writing;
  track(async () => {
    // The phone preview's chart writes it (the handle's toEmbedCode, as its menu does).
    const code = await handle.toEmbedCode({
      way: form,
      base: request.base,
      picture: request.pictureUrl,
      dataUrl: request.dataUrl,
    });
    if (job !== writing) return;
    written = { key, code };
    showCode(code);
  })();
}

function showCode(code) {
  if ($("code").value !== code) $("code").value = code;
  $("copy").disabled = code === "";
}

/** Copies the code as HTML and as text: pasted into an article's rich view it is the picture,
 * link and table; into a source view or a text field, the code itself. */
async function copyCode() {
  const area = $("code");
  const text = area.value;
  if (!text) return;
  try {
    if (typeof ClipboardItem === "function" && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          "text/html": new Blob([text], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" }),
        }),
      ]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    setText($("output-status"), t("copy.done"));
  } catch {
    // No clipboard access (permissions, an old browser): select the code for Ctrl+C.
    area.focus();
    area.setSelectionRange(0, text.length);
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    setText($("output-status"), t(copied ? "copy.done" : "copy.selected"));
  }
}

/** The picture as a PNG file named for the chart, for a CMS to upload like any photo. */
async function downloadPicture() {
  const handle = state.shown?.["preview-phone"]?.handle;
  if (!state.good || !handle) return;
  const name = `${PICTURE_MARK}-${slugify(state.good.data.title, "bieu-do")}.png`;
  saveFile(await handle.toPNG({ picture: true }), name);
  setText($("output-status"), t("download.done", name));
}

function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The advice for the CMS chosen, in the interface's language. */
export function labelCms() {
  setText($("cms-help"), t(`cms.${$("cms").value}.help`));
}

/** The advice for the CMS chosen, and the picture that suits it. */
export function syncCms() {
  const cms = $("cms").value;
  labelCms();
  const picture = CMS_PICTURE[cms] ?? "inline";
  for (const input of document.querySelectorAll('input[name="picture"]'))
    input.checked = input.value === picture;
}

function downloadJson() {
  if (!state.good) return;
  const { data } = state.good;
  const name = `${slugify(data.title, "khuyen-cong")}.json`;
  saveFile(new Blob([`${formatJson(data)}\n`], { type: "application/json" }), name);
  setText($("output-status"), t("download.done", name));
}

/** The library's address (on the newspaper's site, the site's own copy: where this page is
 * served from) and the advice for the CMS chosen. */
export function initOutput() {
  $("pkg").value = new URL("../pkg/", import.meta.url).href;
  syncCms();
}

/** Listens to the panel's fields and buttons. */
export function wireOutput() {
  for (const id of ["pkg", "pictureUrl"]) $(id).addEventListener("input", () => renderOutput());
  $("dataUrl").addEventListener("input", () => {
    state.dataUrlAuto = false;
    renderOutput();
  });
  for (const input of document.querySelectorAll('input[name="form"], input[name="picture"]')) {
    input.addEventListener("change", () => renderOutput());
  }
  $("cms").addEventListener("change", () => {
    syncCms();
    renderOutput();
  });
  $("picture-download").addEventListener("click", track(downloadPicture));
  $("copy").addEventListener("click", track(copyCode));
  $("download").addEventListener("click", downloadJson);
}
