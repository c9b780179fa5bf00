// embed-examples.html: puts a copy of each example <template id="ex-…"> into its
// [data-example] slot (embed.js then draws it like any chart in an article) and shows the
// template's source in the matching <pre data-code>, as text (textContent), with the addresses
// made root-relative ("/pkg/embed.js", "/data/…") so that the code works pasted into any page of
// this site. The element ways get the preload and <script> lines in front. "Chép mã" copies the code.
//
// No inline script or style; text only through textContent. The page runs under
//   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'

const SCRIPT = "pkg/embed.js";
// The file of all kinds: an article may hold charts of several kinds, whose snippets then
// preload the one file (the page's text says when to preload the kind's own file instead).
const WASM = "pkg/khuyencong_charts_view_bg.wasm";

/** `url` (relative to this page) as an address from the site's root, e.g. "/data/x.json". */
function fromRoot(url) {
  const u = new URL(url, document.baseURI);
  return u.origin === location.origin ? `${u.pathname}${u.search}` : u.href;
}

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
  return (
    `<link rel="preload" href="${fromRoot(WASM)}" as="fetch" crossorigin>\n` +
    `<script type="module" src="${fromRoot(SCRIPT)}"></script>\n${markup}`
  );
}

for (const template of document.querySelectorAll("template[id^='ex-']")) {
  const { id } = template;
  const code = codeOf(template);
  document.querySelector(`[data-example="${id}"]`).append(template.content.cloneNode(true));
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
