// The package's errors in the journalist's words. The package writes for developers ("thiếu
// trường bắt buộc", "records[1].plan", "dạng chuẩn: dấu chấm thập phân"): outside the JSON box
// (the technical mode, which keeps the package's own sentence), the page says the same by the
// error's code and path: what is wrong with the title, the unit, or a cell of the table, and
// what to do. Pure: no DOM.

/** The figure a message quotes, written for a reader of `lang` ("-80.9" → "-80,9"). */
const quoted = (message, lang) => {
  const m = /"(-?[\d.]+)"/.exec(message ?? "");
  if (!m) return "";
  return lang === "vi" ? m[1].replace(".", ",") : m[1];
};

/** The last member of a path: "records[3].plan" → "plan", "title" → "title". */
const memberOf = (path) => /(?:^|\.)(\w+)$/.exec(path ?? "")?.[1] ?? "";

const WORDS = {
  vi: {
    title: "Chưa có tiêu đề: hãy đặt tên cho biểu đồ (ví dụ “Kinh phí khuyến công tỉnh … năm …”).",
    unit: "Chưa chọn đơn vị của các số tiền: đồng, nghìn đồng, triệu đồng hay tỷ đồng?",
    missing: "Còn thiếu thông tin bắt buộc ở ô này.",
    empty: "Ô này chỉ có khoảng trắng: hãy điền nội dung hoặc để trống hẳn.",
    text: "Chữ ở đây có ký tự lạ không in ra được (thường do sao chép): hãy gõ lại.",
    long: "Quá dài: tối đa 500 ký tự.",
    rows: "Bảng quá lớn: tối đa 100 000 hàng.",
    big: "Số quá lớn: tối đa một triệu tỷ.",
    negative: (n) => `Số tiền âm (${n}): kinh phí phải từ 0 trở lên.`,
    negativeCount: (n) => `Số đề án âm (${n}): phải từ 0 trở lên.`,
    year: "Năm phải từ 1900 đến 2100.",
    unitValue: "Đơn vị này không dùng được: hãy chọn đồng, nghìn đồng, triệu đồng hoặc tỷ đồng.",
    overflow: "Các số quá lớn để cộng chính xác: hãy kiểm tra lại các số trong bảng.",
    noFigure: "Hàng này không có số nào.",
    amount: "Số này không đọc được: chỉ ghi số, như 2.400 hoặc 80,9.",
    height: "Chiều cao không dùng được (ví dụ 400 hoặc 400px).",
  },
  en: {
    title: "No title yet: give the chart a title (such as “Industrial promotion funding, … province, …”).",
    unit: "Choose the unit of the amounts: VND, thousand, million or billion VND.",
    missing: "Something required is missing here.",
    empty: "This holds only spaces: fill it in or leave it empty.",
    text: "The text here has characters that do not print (often from copying): type it again.",
    long: "Too long: at most 500 characters.",
    rows: "The table is too large: at most 100,000 rows.",
    big: "The number is too large: at most a million billion.",
    negative: (n) => `A negative amount (${n}): funding must be 0 or more.`,
    negativeCount: (n) => `A negative number of projects (${n}): it must be 0 or more.`,
    year: "A year must be between 1900 and 2100.",
    unitValue: "This unit cannot be used: choose VND, thousand, million or billion VND.",
    overflow: "The figures are too large to add up exactly: check the numbers in the table.",
    noFigure: "This row has no figure.",
    amount: "This number cannot be read: write only the number, such as 2,400 or 80.9.",
    height: "This height cannot be used (for example 400 or 400px).",
  },
};

/** The journalist's sentence for a KhuyenCongError (or a warning), or null to keep the
 * package's own (a code the page has no better words for). */
export function plainMessage(error, lang) {
  const w = WORDS[lang === "en" ? "en" : "vi"];
  const member = memberOf(error.path);
  switch (error.code) {
    case "missing_field":
      return w[member] ?? w.missing;
    case "empty":
      return member === "title" ? w.title : w.empty;
    case "invalid_text":
      return w.text;
    case "too_large":
      if (error.path === "records") return w.rows;
      return /^records\[|^reported/.test(error.path) ? w.big : w.long;
    case "negative_amount":
      return (member === "projects" ? w.negativeCount : w.negative)(quoted(error.message, lang));
    case "invalid_value":
      return member === "year" ? w.year : null;
    case "unknown_unit":
      return w.unitValue;
    case "overflow":
      return w.overflow;
    case "no_measure":
      return w.noFigure;
    case "invalid_amount":
      return w.amount;
    case "invalid_option":
      return member === "height" ? w.height : null;
    default:
      return null;
  }
}
