// The editor's words (editor.html) in Vietnamese (the default) and English.
//
// Static texts: an element with data-i18n="key" gets TEXT[lang][key] as its text, one with
// data-i18n-placeholder="key" its placeholder; editor.html holds the Vietnamese text itself
// too, so the page reads right before the script runs (a test checks the two agree).
// Messages with parameters are functions.

const UNITS = {
  vi: { dong: "đồng", nghin_dong: "nghìn đồng", trieu_dong: "triệu đồng", ty_dong: "tỷ đồng" },
  en: {
    dong: "VND",
    nghin_dong: "thousand VND",
    trieu_dong: "million VND",
    ty_dong: "billion VND",
  },
};

const FIELD_NAMES = {
  vi: {
    source: "Nguồn kinh phí",
    region: "Tỉnh, địa phương",
    year: "Năm",
    category: "Nội dung hoạt động",
    plan: "Kế hoạch",
    actual: "Thực hiện",
    counterpart: "Vốn đối ứng",
    projects: "Số đề án",
  },
  en: {
    source: "Source of funds",
    region: "Province, region",
    year: "Year",
    category: "Activity",
    plan: "Plan",
    actual: "Actual",
    counterpart: "Counterpart capital",
    projects: "Projects",
  },
};

/** A column's letter, as in a spreadsheet: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index) {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/** A cell's name: "C3" (row is the 0-based index of the parsed row). */
export const cellName = (row, col) => `${columnLetter(col)}${row + 1}`;

/** A canonical amount written for a reader of `lang`, without grouping: "2.4" → "2,4" (vi). */
export const plainNumber = (canonical, lang) =>
  lang === "vi" ? canonical.replace(".", ",") : canonical;

export const TEXT = {
  vi: {
    "page.title": "Tạo biểu đồ khuyến công để đưa vào bài viết",
    "page.lead":
      "Dán bảng số liệu, điền tiêu đề và đơn vị, xem trước biểu đồ trên điện thoại và máy tính, rồi sao chép mã nhúng vào bài viết.",
    "page.noscript": "Trang này cần JavaScript và WebAssembly.",
    "lang.legend": "Ngôn ngữ giao diện",
    "data.heading": "Số liệu",
    "data.mode": "Nhập số liệu bằng",
    "data.mode.table": "Bảng (Excel, Google Sheets)",
    "data.mode.json": "JSON",
    "sample.label": "Hoặc dùng số liệu mẫu đã công bố",
    "sample.none": "— Chọn số liệu mẫu —",
    "sample.load": "Nạp số liệu mẫu",
    "sample.loaded": (title) => `Đã nạp số liệu mẫu: ${title}.`,
    "sample.failed": (file) => `Không tải được tệp mẫu ${file}.`,
    "table.label": "Dán bảng sao chép từ Excel hoặc Google Sheets",
    "table.help":
      "Dòng đầu là tên cột: Nguồn, Tỉnh, Năm, Nội dung, Kế hoạch, Thực hiện, Vốn đối ứng, Số đề án (có dấu hay không dấu, tiếng Việt hay tiếng Anh đều được). Số viết kiểu Việt Nam (2.400,5) được. Nếu có hàng “Tổng cộng”, hàng đó được dùng làm số tổng đã công bố.",
    "table.example": "Điền bảng ví dụ",
    "table.placeholder": "Nguồn\tKế hoạch\tThực hiện\nKhuyến công quốc gia\t80,9\t79,5",
    "grid.caption": "Bảng đã dán: sửa trực tiếp trong ô nếu cần",
    "grid.corner": "Hàng",
    "grid.header": "tên cột",
    "grid.total": "tổng",
    "grid.ignored": "bỏ qua",
    "grid.cell": (name, header) => (header ? `Ô ${name}, cột ${header}` : `Ô ${name}`),
    "grid.role": (field) => `→ ${FIELD_NAMES.vi[field]}`,
    "json.label": "Dán dữ liệu JSON (lược đồ phiên bản 1)",
    "json.help":
      "Tiêu đề, tiêu đề phụ, nguồn và đơn vị trong JSON được điền vào các ô bên dưới; sửa ở đó là sửa dữ liệu.",
    "json.goto": (line, col) => `Chọn chỗ này trong JSON (dòng ${line}, cột ${col})`,
    "json.empty": "Chưa có JSON: hãy dán dữ liệu, hoặc chọn số liệu mẫu.",
    "info.heading": "Thông tin biểu đồ",
    "field.title": "Tiêu đề",
    "field.required": "(bắt buộc)",
    "field.subtitle": "Tiêu đề phụ",
    "field.source": "Nguồn số liệu",
    "field.source.help": "Hiện dưới biểu đồ: “Nguồn: …”.",
    "field.unit": "Đơn vị",
    "field.unit.none": "— Chọn đơn vị —",
    "unit.dong": "đồng",
    "unit.nghin_dong": "nghìn đồng",
    "unit.trieu_dong": "triệu đồng",
    "unit.ty_dong": "tỷ đồng",
    "kind.heading": "Loại biểu đồ",
    "field.kind": "Loại biểu đồ",
    "kind.summary": "Tóm tắt: các con số chính",
    "kind.sources": "Nguồn kinh phí (biểu đồ tròn)",
    "kind.plan-actual": "Kế hoạch và thực hiện",
    "kind.regions": "Theo địa phương",
    "kind.leverage": "Vốn đối ứng",
    "kind.trend": "Theo năm",
    "kind.categories": "Theo nội dung hoạt động",
    "kindhelp.summary":
      "Các con số chính: tổng kinh phí thực hiện, mức đạt kế hoạch, tỷ trọng hai nguồn, vốn đối ứng, số đề án.",
    "kindhelp.sources": "Kinh phí thực hiện chia theo nguồn, với tỷ trọng và tổng ở giữa.",
    "kindhelp.plan-actual":
      "Kế hoạch so với thực hiện, ghi mức đạt kế hoạch; chọn chia theo gì ở ô “Chia theo”.",
    "kindhelp.regions":
      "Kinh phí thực hiện theo tỉnh, địa phương, chia theo nguồn, xếp từ lớn đến nhỏ.",
    "kindhelp.leverage":
      "Kinh phí khuyến công so với vốn đối ứng thu hút được: “1 đồng khuyến công thu hút … đồng vốn đối ứng”.",
    "kindhelp.trend": "Kế hoạch và thực hiện theo năm, phần thực hiện chia theo nguồn.",
    "kindhelp.categories": "Kinh phí theo nội dung hoạt động, với tỷ trọng.",
    "field.by": "Chia theo",
    "by.default": "Mặc định của loại biểu đồ",
    "by.source": "Nguồn kinh phí",
    "by.region": "Tỉnh, địa phương",
    "by.year": "Năm",
    "by.category": "Nội dung hoạt động",
    "by.help":
      "Chỉ dùng cho: Kế hoạch và thực hiện, Theo địa phương, Vốn đối ứng, Theo nội dung hoạt động.",
    "field.sort": "Thứ tự",
    "sort.default": "Mặc định",
    "sort.value": "Từ lớn đến nhỏ",
    "sort.input": "Theo thứ tự trong bảng",
    "field.locale": "Ngôn ngữ của biểu đồ",
    "field.theme": "Màu nền",
    "theme.auto": "Theo máy người đọc",
    "theme.light": "Sáng",
    "theme.dark": "Tối",
    "field.height": "Chiều cao",
    "field.height.help": "Để trống: tự vừa với nội dung. Ví dụ: 400 hoặc 400px.",
    "field.height.placeholder": "tự động",
    "height.invalid": (v) => `“${v}” không phải chiều cao (ví dụ 400 hoặc 400px).`,
    "field.amountDigits": "Số tiền: chữ số thập phân",
    "amountDigits.default": "Mặc định (170,4)",
    "field.percentDigits": "Tỷ lệ phần trăm: chữ số thập phân",
    "percentDigits.default": "Mặc định (95,2%)",
    "field.ratioDigits": "Vốn đối ứng: chữ số thập phân",
    "ratioDigits.default": "Mặc định (2,48)",
    "preview.heading": "Xem trước",
    "preview.device": "Xem trên",
    "preview.phone": "Điện thoại (360 px)",
    "preview.desktop": "Máy tính",
    "preview.desktopWidth": (w) => `Máy tính (${w} px)`,
    "preview.desktopScaled": (w) => `Máy tính (${w} px, thu nhỏ cho vừa màn hình)`,
    "preview.empty": "Biểu đồ sẽ hiện ở đây khi có số liệu.",
    "preview.stale": "Chưa cập nhật: sửa lỗi ở trên để xem biểu đồ mới.",
    "status.start": "Dán bảng số liệu hoặc chọn số liệu mẫu để bắt đầu.",
    "status.loading": "Đang tải thư viện biểu đồ…",
    "status.loadFailed": (m) => `Không tải được thư viện biểu đồ: ${m}`,
    "status.ok": "Biểu đồ đã cập nhật.",
    "status.question":
      "Hãy cho biết cách viết số trong bảng (câu hỏi ở phần Số liệu) để vẽ biểu đồ.",
    "status.errors": (n) => `Có ${n} lỗi cần sửa.`,
    "status.first": "Lỗi đầu tiên:",
    "errors.heading": "Cần sửa",
    "warnings.heading": "Lưu ý về số liệu",
    "question.legend": (col, header, example) =>
      `Cột ${col} “${header}”: số “${example}” đọc được hai cách. Bảng của bạn viết số theo kiểu nào?`,
    "question.vi": (example, reading) =>
      `Kiểu Việt Nam: dấu chấm ngăn cách hàng nghìn, dấu phẩy thập phân. “${example}” là ${reading}.`,
    "question.en": (example, reading) =>
      `Kiểu quốc tế: dấu chấm thập phân, dấu phẩy ngăn cách hàng nghìn. “${example}” là ${reading}.`,
    "question.count": (n) => (n > 1 ? `${n} ô của cột viết như vậy.` : ""),
    "unit.fromHeader": (unit, cell) => `Đơn vị lấy từ tên cột ${cell}: ${unit}.`,
    "unit.conflict": (unit, cell, chosen) =>
      `Tên cột ${cell} ghi đơn vị ${unit}, khác đơn vị đã chọn (${chosen}).`,
    "notation.vi": "kiểu Việt Nam (dấu phẩy thập phân)",
    "notation.en": "kiểu quốc tế (dấu chấm thập phân)",
    "problem.empty_table": "Chưa có bảng: hãy dán bảng, dòng đầu là tên cột.",
    "problem.no_header":
      "Không thấy dòng tên cột có Kế hoạch, Thực hiện, Vốn đối ứng hoặc Số đề án. Dòng đầu của bảng phải là tên cột.",
    "problem.no_rows": "Bảng chỉ có dòng tên cột, chưa có số liệu.",
    "problem.duplicate_column": (p) =>
      `Cột này và cột ${columnLetter(p.other)} cùng là “${FIELD_NAMES.vi[p.field]}”: chỉ để một cột.`,
    "problem.unit_conflict": (p) =>
      `Cột này ghi đơn vị ${UNITS.vi[p.unit]}, một cột khác ghi ${UNITS.vi[p.other]}: mọi số phải cùng một đơn vị.`,
    "problem.cell_count": (p) =>
      `Hàng này có ${p.count} ô, bảng có ${p.expected} cột: có ô bị thiếu hoặc thừa.`,
    "problem.not_a_number": (p) =>
      `“${p.text}” không phải là số. Chỉ ghi số, không ghi đơn vị hay chữ.`,
    "problem.not_an_integer": (p) => `Số đề án phải là số nguyên, không phải “${p.text}”.`,
    "problem.mixed_notation": (p) =>
      `“${p.text}” viết ${p.notation === "vi" ? "kiểu Việt Nam (dấu phẩy thập phân)" : "kiểu quốc tế (dấu chấm thập phân)"}, khác các ô khác trong cột (như “${p.example}”). Hãy viết cả cột một kiểu.`,
    "problem.invalid_year": (p) => `Năm phải có 4 chữ số (ví dụ 2022), không phải “${p.text}”.`,
    "problem.second_total": (p) =>
      `Bảng đã có hàng tổng (hàng ${p.first + 1}): chỉ để một hàng tổng.`,
    "note.skipped_row": "Dòng phía trên dòng tên cột: bỏ qua.",
    "note.unknown_column": (p) => `Không nhận ra cột “${p.header}”: bỏ qua.`,
    "note.ignored_column": (p) => `Cột “${p.header}” không dùng cho biểu đồ.`,
    "note.unnamed_column": "Cột không có tên: bỏ qua.",
    "note.total_row": "Hàng tổng: dùng làm số tổng đã công bố, không cộng thêm vào số liệu.",
    "where.row": (row) => `Hàng ${row + 1}`,
    "where.cell": (name, header) => (header ? `Ô ${name} (${header})` : `Ô ${name}`),
    "where.table": "Bảng",
    "where.json": "JSON",
    "output.heading": "Mã nhúng",
    "output.form": "Kiểu mã nhúng",
    "output.element": "Thẻ biểu đồ (nên dùng)",
    "output.element.help":
      "Một dòng script và thẻ <khuyencong-chart> chứa sẵn số liệu. Khi chưa tải xong hoặc không có JavaScript, người đọc thấy bảng số liệu.",
    "output.plain": "Thẻ div (cho trình soạn thảo xóa thẻ lạ)",
    "output.plain.help":
      "Giống trên, nhưng dùng thẻ <div data-khuyencong>, cho các hệ quản trị nội dung (CMS) chỉ giữ thẻ HTML thông dụng.",
    "output.iframe": "Khung iframe (cho trình soạn thảo chặn script)",
    "output.iframe.help":
      "Không cần script trong bài viết. Số liệu phải là một tệp JSON trên máy chủ: tải tệp JSON về (nút bên dưới), đưa lên máy chủ của bạn (cùng tên miền với trang embed.html), rồi dán địa chỉ của tệp vào ô “Địa chỉ tệp JSON”.",
    "output.alone": "Đây là biểu đồ duy nhất trong bài viết",
    "output.alone.help":
      "Mã nhúng tải trước tệp WebAssembly chỉ có loại biểu đồ này: người đọc tải nhẹ hơn 9–17 KB. Bỏ chọn khi bài có nhiều biểu đồ thuộc các loại khác nhau: khi đó mọi đoạn mã cùng tải trước một tệp chung, tải một lần.",
    "field.pkg": "Thư mục chứa thư viện khuyencong-charts",
    "field.pkg.help": "Địa chỉ thư mục pkg/ trên máy chủ của bạn (có tệp embed.js).",
    "field.embedPage": "Địa chỉ trang embed.html",
    "field.dataUrl": "Địa chỉ tệp JSON",
    "field.dataUrl.help":
      "Tệp JSON bạn đã tải về rồi đưa lên máy chủ. Với số liệu mẫu, đây là địa chỉ tệp mẫu.",
    "dataUrl.missing":
      "Hãy nhập địa chỉ tệp JSON đã đưa lên máy chủ: khung iframe cần số liệu ở một địa chỉ.",
    "dataUrl.changed":
      "Số liệu đã khác tệp mẫu: hãy tải JSON về, đưa lên máy chủ và dán địa chỉ mới vào đây.",
    "url.invalid": (v) => `“${v}” không phải địa chỉ web (http:// hoặc https://).`,
    "url.otherOrigin": "Tệp JSON phải cùng tên miền với trang embed.html.",
    "output.code": "Mã để dán vào bài viết",
    "output.none": "Sửa các lỗi ở trên để có mã nhúng.",
    "output.copy": "Sao chép mã",
    "output.download": "Tải JSON về",
    "copy.done": "Đã sao chép mã nhúng. Dán vào chế độ HTML của trình soạn thảo bài viết.",
    "copy.selected": "Đã chọn toàn bộ mã: nhấn Ctrl+C (hoặc ⌘+C) để sao chép.",
    "download.done": (name) => `Đã tải về tệp ${name}.`,
    "kc.warning": "Lưu ý",
  },
  en: {
    "page.title": "Make an industrial promotion chart for an article",
    "page.lead":
      "Paste a table of figures, fill in the title and unit, preview the chart on a phone and a computer, then copy the embed code into your article.",
    "page.noscript": "This page needs JavaScript and WebAssembly.",
    "lang.legend": "Interface language",
    "data.heading": "Data",
    "data.mode": "Enter the data as",
    "data.mode.table": "A table (Excel, Google Sheets)",
    "data.mode.json": "JSON",
    "sample.label": "Or use published sample data",
    "sample.none": "— Choose sample data —",
    "sample.load": "Load sample data",
    "sample.loaded": (title) => `Sample data loaded: ${title}.`,
    "sample.failed": (file) => `Could not load the sample file ${file}.`,
    "table.label": "Paste a table copied from Excel or Google Sheets",
    "table.help":
      "The first row names the columns: Source, Province, Year, Activity, Plan, Actual, Counterpart capital, Projects (Vietnamese or English, with or without diacritics). Vietnamese number notation (2.400,5) is fine. A “Total” row, if any, is used as the published total.",
    "table.example": "Fill in an example table",
    "table.placeholder": "Source\tPlan\tActual\nNational\t80.9\t79.5",
    "grid.caption": "The pasted table: edit a cell here if needed",
    "grid.corner": "Row",
    "grid.header": "names",
    "grid.total": "total",
    "grid.ignored": "ignored",
    "grid.cell": (name, header) => (header ? `Cell ${name}, column ${header}` : `Cell ${name}`),
    "grid.role": (field) => `→ ${FIELD_NAMES.en[field]}`,
    "json.label": "Paste JSON data (schema version 1)",
    "json.help":
      "The JSON's title, subtitle, source and unit fill the fields below; editing them there edits the data.",
    "json.goto": (line, col) => `Select this in the JSON (line ${line}, column ${col})`,
    "json.empty": "No JSON yet: paste the data, or choose sample data.",
    "info.heading": "About the chart",
    "field.title": "Title",
    "field.required": "(required)",
    "field.subtitle": "Subtitle",
    "field.source": "Source of the figures",
    "field.source.help": "Shown under the chart: “Source: …”.",
    "field.unit": "Unit",
    "field.unit.none": "— Choose the unit —",
    "unit.dong": "VND (đồng)",
    "unit.nghin_dong": "thousand VND (nghìn đồng)",
    "unit.trieu_dong": "million VND (triệu đồng)",
    "unit.ty_dong": "billion VND (tỷ đồng)",
    "kind.heading": "Kind of chart",
    "field.kind": "Kind of chart",
    "kind.summary": "Summary: the headline figures",
    "kind.sources": "Sources (donut)",
    "kind.plan-actual": "Plan and actual",
    "kind.regions": "By region",
    "kind.leverage": "Counterpart capital (leverage)",
    "kind.trend": "By year",
    "kind.categories": "By activity",
    "kindhelp.summary":
      "The headline figures: total spent, attainment of plan, the two sources' shares, counterpart capital, projects.",
    "kindhelp.sources": "Spending by source, with shares and the total in the centre.",
    "kindhelp.plan-actual":
      "Plan against actual, with the attainment of plan; choose the breakdown under “Break down by”.",
    "kindhelp.regions": "Spending by province or region, stacked by source, largest first.",
    "kindhelp.leverage": "Promotion funds against the counterpart capital they attracted.",
    "kindhelp.trend": "Plan and actual by year, the actual stacked by source.",
    "kindhelp.categories": "Funding by activity, with shares.",
    "field.by": "Break down by",
    "by.default": "The chart's default",
    "by.source": "Source of funds",
    "by.region": "Province, region",
    "by.year": "Year",
    "by.category": "Activity",
    "by.help": "Only for: Plan and actual, By region, Counterpart capital, By activity.",
    "field.sort": "Order",
    "sort.default": "Default",
    "sort.value": "Largest first",
    "sort.input": "As in the table",
    "field.locale": "Language of the chart",
    "field.theme": "Background",
    "theme.auto": "The reader's system setting",
    "theme.light": "Light",
    "theme.dark": "Dark",
    "field.height": "Height",
    "field.height.help": "Empty: fits the content. For example 400 or 400px.",
    "field.height.placeholder": "automatic",
    "height.invalid": (v) => `“${v}” is not a height (for example 400 or 400px).`,
    "field.amountDigits": "Amounts: decimal places",
    "amountDigits.default": "Default (170.4)",
    "field.percentDigits": "Percentages: decimal places",
    "percentDigits.default": "Default (95.2%)",
    "field.ratioDigits": "Counterpart capital: decimal places",
    "ratioDigits.default": "Default (2.48)",
    "preview.heading": "Preview",
    "preview.device": "View on",
    "preview.phone": "Phone (360 px)",
    "preview.desktop": "Computer",
    "preview.desktopWidth": (w) => `Computer (${w} px)`,
    "preview.desktopScaled": (w) => `Computer (${w} px, scaled down to fit)`,
    "preview.empty": "The chart appears here once there is data.",
    "preview.stale": "Not up to date: fix the errors above to see the new chart.",
    "status.start": "Paste a table of figures or choose sample data to begin.",
    "status.loading": "Loading the chart library…",
    "status.loadFailed": (m) => `Could not load the chart library: ${m}`,
    "status.ok": "The chart is up to date.",
    "status.question":
      "Say how the table writes numbers (the question under Data) to draw the chart.",
    "status.errors": (n) => (n === 1 ? "1 error to fix." : `${n} errors to fix.`),
    "status.first": "The first:",
    "errors.heading": "To fix",
    "warnings.heading": "Notes on the figures",
    "question.legend": (col, header, example) =>
      `Column ${col} “${header}”: the number “${example}” reads two ways. How does your table write numbers?`,
    "question.vi": (example, reading) =>
      `Vietnamese style: dots group thousands, a comma marks decimals. “${example}” is ${reading}.`,
    "question.en": (example, reading) =>
      `International style: a dot marks decimals, commas group thousands. “${example}” is ${reading}.`,
    "question.count": (n) => (n > 1 ? `${n} cells of the column are written like this.` : ""),
    "unit.fromHeader": (unit, cell) => `Unit taken from the column name ${cell}: ${unit}.`,
    "unit.conflict": (unit, cell, chosen) =>
      `The column name ${cell} says ${unit}, not the unit chosen (${chosen}).`,
    "notation.vi": "Vietnamese style (decimal comma)",
    "notation.en": "international style (decimal point)",
    "problem.empty_table": "No table yet: paste a table whose first row names the columns.",
    "problem.no_header":
      "No row names a Plan, Actual, Counterpart capital or Projects column. The table's first row must name the columns.",
    "problem.no_rows": "The table has only the column names, no figures.",
    "problem.duplicate_column": (p) =>
      `This column and column ${columnLetter(p.other)} are both “${FIELD_NAMES.en[p.field]}”: keep one.`,
    "problem.unit_conflict": (p) =>
      `This column says ${UNITS.en[p.unit]}, another says ${UNITS.en[p.other]}: all figures must be in one unit.`,
    "problem.cell_count": (p) =>
      `This row has ${p.count} cells, the table ${p.expected} columns: a cell is missing or extra.`,
    "problem.not_a_number": (p) =>
      `“${p.text}” is not a number. Write only the number, without a unit or words.`,
    "problem.not_an_integer": (p) => `Projects must be a whole number, not “${p.text}”.`,
    "problem.mixed_notation": (p) =>
      `“${p.text}” is written in ${p.notation === "vi" ? "Vietnamese style (decimal comma)" : "international style (decimal point)"}, unlike the column's other cells (such as “${p.example}”). Write the whole column one way.`,
    "problem.invalid_year": (p) => `A year has 4 digits (for example 2022), not “${p.text}”.`,
    "problem.second_total": (p) =>
      `The table already has a total row (row ${p.first + 1}): keep only one.`,
    "note.skipped_row": "A line above the column names: ignored.",
    "note.unknown_column": (p) => `Column “${p.header}” is not recognised: ignored.`,
    "note.ignored_column": (p) => `Column “${p.header}” is not used by the chart.`,
    "note.unnamed_column": "A column without a name: ignored.",
    "note.total_row": "Total row: used as the published total, not added to the figures.",
    "where.row": (row) => `Row ${row + 1}`,
    "where.cell": (name, header) => (header ? `Cell ${name} (${header})` : `Cell ${name}`),
    "where.table": "Table",
    "where.json": "JSON",
    "output.heading": "Embed code",
    "output.form": "Kind of embed code",
    "output.element": "Chart element (recommended)",
    "output.element.help":
      "One script line and a <khuyencong-chart> element with the data inside. Until it loads, or without JavaScript, readers see a table of the figures.",
    "output.plain": "Plain div (for editors that strip unknown tags)",
    "output.plain.help":
      "The same with a <div data-khuyencong> element, for content management systems (CMS) that keep only common HTML tags.",
    "output.iframe": "Iframe (for editors that block scripts)",
    "output.iframe.help":
      "No script in the article. The data must be a JSON file on a server: download the JSON (button below), upload it to your server (the same domain as embed.html), then paste its address into “JSON file address”.",
    "output.alone": "This is the only chart in the article",
    "output.alone.help":
      "The code preloads the WebAssembly file of this chart kind only: 9–17 KB less for readers. Leave it unticked when the article has charts of several kinds: every snippet then preloads one shared file, downloaded once.",
    "field.pkg": "Folder of the khuyencong-charts library",
    "field.pkg.help": "The address of the pkg/ folder on your server (it holds embed.js).",
    "field.embedPage": "Address of the embed.html page",
    "field.dataUrl": "JSON file address",
    "field.dataUrl.help":
      "The JSON file you downloaded and uploaded to your server. For sample data, the sample file's address.",
    "dataUrl.missing":
      "Enter the address of the uploaded JSON file: the iframe needs the data at an address.",
    "dataUrl.changed":
      "The data differs from the sample file: download the JSON, upload it and paste its new address here.",
    "url.invalid": (v) => `“${v}” is not a web address (http:// or https://).`,
    "url.otherOrigin": "The JSON file must be on the same domain as embed.html.",
    "output.code": "Code to paste into the article",
    "output.none": "Fix the errors above to get the embed code.",
    "output.copy": "Copy the code",
    "output.download": "Download the JSON",
    "copy.done": "Embed code copied. Paste it into the HTML view of your article editor.",
    "copy.selected": "The whole code is selected: press Ctrl+C (or ⌘+C) to copy it.",
    "download.done": (name) => `Downloaded ${name}.`,
    "kc.warning": "Note",
  },
};

/** A unit's words in `lang`. */
export const unitWords = (unit, lang) => UNITS[lang][unit] ?? unit;

/** A record field's name in `lang`. */
export const fieldName = (field, lang) => FIELD_NAMES[lang][field] ?? field;
