// The words of the chart's shell, in Vietnamese and English: its controls, what they say when
// done, and the sentences of the errors the shell finds itself (the wasm writes the others).

export const TEXT = {
  vi: {
    failed: "Không vẽ được biểu đồ.",
    keys: "Dùng các phím mũi tên để đi qua từng số liệu, Home và End để về số liệu đầu và cuối.",
    legend: "Chú giải: bấm để ẩn hoặc hiện từng chuỗi số liệu",
    source: "Nguồn: ",
    notes: "Ghi chú: ",
    table: "Xem bảng số liệu",
    menu: "Tải xuống / chia sẻ",
    png: "Tải ảnh PNG",
    svg: "Tải SVG",
    csv: "Tải dữ liệu CSV",
    embed: "Sao chép mã nhúng",
    copied: "Đã sao chép mã nhúng.",
    copyHere: "Mã nhúng của biểu đồ: nhấn Ctrl+C (trên máy Mac: ⌘C) để sao chép.",
    close: "Đóng",
    saved: (name) => `Đã tạo tệp ${name}.`,
    exportFailed: "Không tạo được tệp tải xuống.",
    exportNotReady:
      "Chưa tải phần xuất tệp của biểu đồ nhúng: hãy gọi await chart.exportReady() trước toSVG() hoặc toCSV().",
    destroyed: "Biểu đồ đã bị gỡ khỏi trang (destroy).",
    element: "element: cần một phần tử HTML để đặt biểu đồ vào.",
    options: "options: cần một đối tượng (object) tùy chọn.",
    height: (v) => `options.height: ${v} không phải chiều cao CSS (ví dụ 360, "360px", "50vh").`,
    menuOption: (v) => `options.menu: cần "auto" hoặc "none", không phải ${v}.`,
    crossFlag: (v) => `options.allowCrossOrigin: cần true hoặc false, không phải ${v}.`,
    badUrl: (src) => `src: "${src}" không phải địa chỉ hợp lệ.`,
    crossOrigin: (url) =>
      `src: ${url} không cùng nguồn (origin) với trang; hãy đặt tệp dữ liệu cùng nguồn, hoặc dùng tùy chọn allowCrossOrigin: true.`,
    http: (url, status) => `src: không tải được ${url} (HTTP ${status}).`,
    network: (url) => `src: không tải được ${url} (lỗi mạng hoặc máy chủ từ chối).`,
    timeout: (url, seconds) => `src: không tải được ${url} trong ${seconds} giây.`,
    notJson: (url, type) => `src: ${url} không phải dữ liệu JSON (Content-Type: ${type}).`,
    data: "Dữ liệu",
    invalid: (code) => `giá trị không hợp lệ (mã lỗi: ${code}).`,
  },
  en: {
    failed: "The chart could not be drawn.",
    keys: "Use the arrow keys to go through the figures one by one, Home and End for the first and last.",
    legend: "Legend: press to hide or show each series",
    source: "Source: ",
    notes: "Notes: ",
    table: "Show data table",
    menu: "Download / share",
    png: "Download PNG image",
    svg: "Download SVG",
    csv: "Download CSV data",
    embed: "Copy embed code",
    copied: "Embed code copied.",
    copyHere: "The chart's embed code: press Ctrl+C (on a Mac: ⌘C) to copy it.",
    close: "Close",
    saved: (name) => `Created the file ${name}.`,
    exportFailed: "The file could not be created.",
    exportNotReady:
      "The embedded chart's export module is not loaded: call await chart.exportReady() before toSVG() or toCSV().",
    destroyed: "The chart has been removed from the page (destroy).",
    element: "element: an HTML element to put the chart in is required.",
    options: "options: an options object is required.",
    height: (v) => `options.height: ${v} is not a CSS height (for example 360, "360px", "50vh").`,
    menuOption: (v) => `options.menu: must be "auto" or "none", not ${v}.`,
    crossFlag: (v) => `options.allowCrossOrigin: must be true or false, not ${v}.`,
    badUrl: (src) => `src: "${src}" is not a valid address.`,
    crossOrigin: (url) =>
      `src: ${url} is not on this page's origin; serve the data file from the same origin, or use the option allowCrossOrigin: true.`,
    http: (url, status) => `src: could not load ${url} (HTTP ${status}).`,
    network: (url) => `src: could not load ${url} (network error or refused by the server).`,
    timeout: (url, seconds) => `src: could not load ${url} within ${seconds} seconds.`,
    notJson: (url, type) => `src: ${url} is not JSON data (Content-Type: ${type}).`,
    data: "Data",
    invalid: (code) => `not a valid value (error code: ${code}).`,
  },
};

/** The accessible description of a chart's view: the figures in the press's phrasing, the
 * source line and the notes of the data. */
export function describe({ spokenDescription, source, notes, locale }) {
  const t = TEXT[locale];
  const parts = [spokenDescription];
  if (source) parts.push(sentence(`${t.source}${source}`));
  if (notes) parts.push(sentence(`${t.notes}${notes}`));
  return parts.filter(Boolean).join(" ");
}

/** `text` ending with a full stop (unless it ends with other final punctuation). */
function sentence(text) {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}
