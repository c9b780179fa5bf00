// embed-examples.html: shows each way of embedding a chart, live, with the code to copy.
//
// - The recommended way (picture, link and table) is written as the page loads, by a chart of
//   the package (pkg/index.js, mounted hidden) through its own toEmbedCode(): the code shown is
//   the one the chart's "Sao chép mã nhúng" and the editor page write. A copy of it goes into
//   its [data-example] slot, parsed by a <template> as a CMS puts pasted HTML in an article
//   (it holds no script); embed.js, which the page loads as a portal's template does, then draws
//   the interactive chart in the picture's place. Beside it, the one line of that template.
// - The other ways are <template id="ex-…"> elements: a copy of each goes into its slot, and its
//   source into the matching <pre data-code>, with the addresses made root-relative
//   ("/pkg/embed.js", "/data/…") so that the code works pasted into any page of this site, and
//   the script line in front of the element ways.
//
// Code reaches the page as text (textContent). "Chép mã" copies it. No inline script or style;
// the page runs under
//   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:
// (img-src data: for the picture, a data: URL).

const SCRIPT = "pkg/embed.js";
/** The chart whose picture, link and table the first example shows. */
const PICTURE_DATA = "data/dia-phuong-cong-bo.json";
const PICTURE_OPTIONS = { kind: "regions" };

/** `url` (relative to this page) as an address from the site's root, e.g. "/data/x.json". */
function fromRoot(url) {
  const u = new URL(url, document.baseURI);
  return u.origin === location.origin ? `${u.pathname}${u.search}` : u.href;
}

/** The line a portal's template loads embed.js with (and the element ways start with). */
const scriptLine = () => `<script type="module" src="${fromRoot(SCRIPT)}"></script>`;

/** The example's code as an editor pastes it. */
function codeOf(template) {
  const markup = template.innerHTML
    .trim()
    // Addresses in src, data-src (HTML-escaped in the markup: &amp; in a query string).
    .replace(/ (src|data-src)="([^"]*)"/g, (_, name, value) => {
      const url = fromRoot(value.replaceAll("&amp;", "&")).replaceAll("&", "&amp;");
      return ` ${name}="${url}"`;
    })
    // The live iframe is styled by this page's CSS; the copy carries frameborder="0" (an
    // attribute, not a style: a host's strict style-src has nothing to refuse).
    .replace(' class="way__frame"', ' frameborder="0"')
    // Boolean-like marks read better bare, as an editor would type them.
    .replace(/ (data-khuyencong(?:-frame)?)=""/g, " $1");
  if (template.content.querySelector("iframe")) return markup;
  return `${scriptLine()}\n${markup}`;
}

/** Shows `code` in the <pre data-code="id"> and makes its "Chép mã" button copy it. */
function showCode(id, code) {
  const pre = document.querySelector(`[data-code="${id}"]`);
  pre.textContent = code;
  pre.tabIndex = 0;
  const status = pre.parentElement.querySelector(".way__copied");
  document.querySelector(`[data-copy="${id}"]`).addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(code);
      status.textContent = "Đã chép mã.";
    } catch {
      // No clipboard permission (an old browser, an iframe): select it for Ctrl+C instead.
      getSelection().selectAllChildren(pre);
      status.textContent = "Đã chọn mã: bấm Ctrl+C (hoặc ⌘+C) để chép.";
    }
  });
}

/** The picture, link and table of a chart, written by the chart itself. */
async function showPictureWay() {
  const slot = document.querySelector('[data-example="ex-picture"]');
  const holder = document.createElement("div");
  holder.hidden = true;
  document.body.append(holder);
  let chart = null;
  try {
    // The npm entry point, as the editor page uses it; its wasm is the full build.
    const { mount } = await import("../pkg/index.js");
    chart = await mount(holder, new URL(PICTURE_DATA, document.baseURI).href, PICTURE_OPTIONS);
    const code = await chart.toEmbedCode();
    const template = document.createElement("template");
    template.innerHTML = code;
    slot.append(template.content);
    showCode("ex-picture", code);
  } catch (err) {
    const message = document.createElement("p");
    message.className = "way__error";
    message.setAttribute("role", "alert");
    message.textContent = `Không tạo được mã nhúng: ${err?.message ?? err}`;
    slot.append(message);
  } finally {
    chart?.destroy();
    holder.remove();
  }
}

showCode("ex-template", scriptLine());
for (const template of document.querySelectorAll("template[id^='ex-']")) {
  const { id } = template;
  document.querySelector(`[data-example="${id}"]`).append(template.content.cloneNode(true));
  showCode(id, codeOf(template));
}
showPictureWay();
