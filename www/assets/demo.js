// Fills every <figure class="kc" id="…" data-src="…"> on the page with a table that the
// khuyencong-charts package computes from the JSON file named in data-src. The table's caption
// gets the id "<figure id>-title", which the figure's aria-labelledby names.
//
// A figure starts out with data-state="static": the published figures are typed into the HTML
// (elements marked data-fallback), so readers without JavaScript or WebAssembly still see them.
// On success those elements are replaced and the figure becomes data-state="ready"; on failure
// they stay, an error box (role="alert") naming the offending JSON path is added above them, and
// the figure becomes data-state="error".
//
// Data reaches the page only through createElement/textContent, never innerHTML. There is no
// inline script or style anywhere, so the page runs under
//   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'

const COLUMNS = ["Nguồn kinh phí", "Kế hoạch", "Thực hiện", "Đạt (% kế hoạch)", "Tỷ trọng"];
const VALUE_KEYS = ["plan", "actual", "attainment", "share"];

const figures = [...document.querySelectorAll("figure.kc[data-src]")];
let pkg = null;
try {
  // A dynamic import, so that a missing or broken build ends in the error state too,
  // instead of a module that silently fails to load.
  pkg = await import("../pkg/index.js");
  await pkg.ready();
} catch (err) {
  pkg = null;
  for (const figure of figures) fail(figure, err);
}
if (pkg) await Promise.all(figures.map((figure) => render(figure, pkg)));

async function render(figure, { analyze }) {
  try {
    const url = figure.dataset.src;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Không tải được ${url} (HTTP ${response.status}).`);
    const data = await response.json();
    const a = analyze(data, { locale: "vi" });

    const content = [];
    const lead = leadSentence(a);
    if (lead) content.push(el("p", "kc__lead", lead));
    content.push(tableRegion(figure.id, data.title, a));
    if (data.source) content.push(el("p", "kc__source", `Nguồn: ${data.source}`));
    if (a.warnings.length > 0) {
      const notes = el("ul", "kc__notes");
      for (const w of a.warnings) {
        const item = el("li");
        item.dataset.code = w.code;
        item.append(el("strong", null, "Lưu ý: "), w.message);
        notes.append(item);
      }
      content.push(notes);
    }

    for (const old of figure.querySelectorAll("[data-fallback]")) old.remove();
    figure.append(...content);
    figure.dataset.state = "ready";
  } catch (err) {
    fail(figure, err);
  }
}

// The table sits in a focusable, labelled region that scrolls sideways when the table is
// wider than the column (phones), so keyboard users can scroll it too.
function tableRegion(figureId, title, a) {
  const captionId = `${figureId}-title`;
  const table = el("table", "kc__table");
  const caption = table.createCaption();
  caption.id = captionId;
  caption.textContent = title;

  const head = table.createTHead().insertRow();
  for (const label of COLUMNS) head.append(headerCell(label, "col"));
  const body = table.createTBody();
  for (const group of a.bySource) addRow(body, group.label, group.text);
  addRow(table.createTFoot(), "Tổng cộng", a.total.text);

  const region = el("div", "kc__scroll");
  region.tabIndex = 0;
  region.setAttribute("role", "region");
  region.setAttribute("aria-labelledby", captionId);
  region.append(table);
  return region;
}

function addRow(section, label, text) {
  const row = section.insertRow();
  row.append(headerCell(label, "row"));
  for (const key of VALUE_KEYS) row.insertCell().textContent = text[key];
}

function headerCell(text, scope) {
  const th = el("th", null, text);
  th.scope = scope;
  return th;
}

// The press's phrasing, e.g. "Tổng kinh phí khuyến công thực hiện năm 2022 là 170,4 tỷ đồng,
// đạt 95,2% kế hoạch; khuyến công quốc gia chiếm 46,7%, khuyến công địa phương chiếm 53,3%."
// Clauses whose figure is missing are left out; with no actual total there is no lead at all.
function leadSentence(a) {
  const total = a.total;
  if (total.actual === null) return null;
  const year = a.byYear.length === 1 ? ` năm ${a.byYear[0].label}` : "";
  let sentence = `Tổng kinh phí khuyến công thực hiện${year} là ${total.text.actual}`;
  if (total.attainment !== null) sentence += `, đạt ${total.text.attainment} kế hoạch`;
  const shares = a.bySource
    .filter((g) => g.share !== null)
    .map((g) => `${lowerFirst(g.label)} chiếm ${g.text.share}`);
  if (shares.length > 0) sentence += `; ${shares.join(", ")}`;
  return `${sentence}.`;
}

// Source labels start a sentence in the data ("Khuyến công quốc gia") but sit mid-sentence here.
function lowerFirst(label) {
  return label.charAt(0).toLocaleLowerCase("vi") + label.slice(1);
}

function fail(figure, err) {
  console.error(err);
  const box = el("div", "kc__error");
  box.setAttribute("role", "alert");
  box.append(el("p", "kc__error-title", "Không hiển thị được bảng số liệu tự động."));
  box.append(el("p", null, err.message));
  // Only the package's own errors carry the JSON path of the offending value.
  if (pkg && err instanceof pkg.KhuyenCongError && err.path) {
    const where = el("p", null, "Vị trí lỗi trong dữ liệu: ");
    where.append(el("code", null, err.path));
    box.append(where);
  }
  figure.prepend(box);
  figure.dataset.state = "error";
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
