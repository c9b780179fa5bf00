// The editor's words about provinces since the 2025 merger (editor-regions.js): the offer to
// add up former provinces under today's 34, what was added up, and the notes about province
// names, in Vietnamese and English. Spread into TEXT by editor-i18n.js. Parameters come as one
// object (p), so that a missing one never throws.

import { rowSpans, someNames } from "./editor-regions.js";

const namesVi = (names) => {
  const { shown, more } = someNames(names);
  return more > 0 ? `${shown.join(", ")} và ${more} tỉnh khác` : shown.join(", ");
};
const namesEn = (names) => {
  const { shown, more } = someNames(names);
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
};
const rows = (p) => rowSpans(Array.isArray(p.rows) ? p.rows : []);

export const REGION_TEXT = {
  vi: {
    "regions.heading": "Tỉnh, thành phố sau sáp nhập năm 2025",
    "regions.offer": (p) =>
      `${p.table ? "Bảng" : "Số liệu"} có tên tỉnh trước sáp nhập năm 2025 (${namesVi(p.names)}). Cộng số liệu theo 34 tỉnh, thành phố hiện nay?`,
    "regions.prominent": (p) =>
      `Biểu đồ đang chia theo tên tỉnh như đã ghi: ${p.name} vẫn đứng riêng, dù từ năm 2025 đã thuộc ${p.unit}.`,
    "regions.applied":
      "Số liệu các tỉnh trước sáp nhập đã cộng theo tỉnh hiện nay (34 tỉnh, thành phố). Tổng số không đổi; biểu đồ ghi rõ điều này dưới dòng nguồn.",
    "regions.appliedNone":
      "Số liệu được cộng theo 34 tỉnh, thành phố hiện nay, nhưng số liệu hiện không có tên tỉnh nào trước sáp nhập.",
    "regions.apply": "Cộng theo tỉnh hiện nay",
    "regions.undo.table": "Giữ tên tỉnh như trong bảng",
    "regions.undo.data": "Giữ tên tỉnh như đã ghi",
    "regions.list.table": "Các hàng đã cộng:",
    "regions.list.data": "Các tên đã cộng:",
    "regions.part.rows": (p) => `${p.text} (hàng ${rows(p)})`,
    "regions.part.records": (p) => `${p.text} (${p.records} mục số liệu)`,
    "regions.cell": (p) => `Cộng vào ${p.unit}`,
    "province.possible_province": (p) =>
      `Có phải “${p.written}” là ${p.suggestion}? Tên này không khớp tỉnh, thành phố nào, nên số liệu vẫn đứng riêng theo tên đã ghi. Nếu đúng là ${p.suggestion}, hãy sửa lại ${p.table ? "ô này" : "tên trong số liệu"}.`,
    "province.former_province": (p) =>
      `“${p.written}” là tên trước sáp nhập: từ ngày 1/7/2025 ${p.name} thuộc ${p.unit}, nhưng ${p.table ? "hàng" : "số liệu"} năm ${p.year} vẫn ghi tên cũ.${
        p.applied
          ? ` Số liệu đã cộng vào ${p.unit}.`
          : ` Bấm “Cộng theo tỉnh hiện nay” để cộng vào ${p.unit}, hoặc sửa lại tên.`
      }`,
  },
  en: {
    "regions.heading": "Provinces since the 2025 merger",
    "regions.offer": (p) =>
      `The ${p.table ? "table" : "data"} names provinces from before the 2025 merger (${namesEn(p.names)}). Add up the figures under today's 34 provinces and cities?`,
    "regions.prominent": (p) =>
      `The chart is split by the provinces as written: ${p.name} still stands on its own, though it has been part of ${p.unit} since 2025.`,
    "regions.applied":
      "The figures of provinces before the merger are added up under today's provinces (34 provinces and cities). The totals do not change; the chart says so under its source line.",
    "regions.appliedNone":
      "The figures are added up under today's 34 provinces and cities, but the data names no province from before the merger now.",
    "regions.apply": "Add up under today's provinces",
    "regions.undo.table": "Keep the provinces as in the table",
    "regions.undo.data": "Keep the provinces as written",
    "regions.list.table": "Rows added up:",
    "regions.list.data": "Names added up:",
    "regions.part.rows": (p) => {
      const list = Array.isArray(p.rows) ? p.rows : [];
      return `${p.text} (${list.length === 1 ? "row" : "rows"} ${rows(p)})`;
    },
    "regions.part.records": (p) => `${p.text} (${p.records} ${p.records === 1 ? "entry" : "entries"})`,
    "regions.cell": (p) => `Added to ${p.unit}`,
    "province.possible_province": (p) =>
      `Is “${p.written}” meant to be ${p.suggestion}? The name matches no province or city, so its figures stay on their own under the name as written. If it is ${p.suggestion}, correct ${p.table ? "this cell" : "the name in the data"}.`,
    "province.former_province": (p) =>
      `“${p.written}” is a name from before the merger: since 1 July 2025 ${p.name} has been part of ${p.unit}, but ${p.table ? "a row" : "an entry"} of ${p.year} still uses the old name.${
        p.applied
          ? ` Its figures are added to ${p.unit}.`
          : ` Press “Add up under today's provinces” to add them to ${p.unit}, or correct the name.`
      }`,
  },
};
