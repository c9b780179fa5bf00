// The editor's words (editor.html) in Vietnamese (the default) and English.
//
// Static texts: an element with data-i18n="key" gets TEXT[lang][key] as its text, one with
// data-i18n-placeholder="key" its placeholder; editor.html holds the Vietnamese text itself
// too, so the page reads right before the script runs (a test checks the two agree).
// Messages with parameters are functions.

import {
  UNITS,
  amountText,
  cellName,
  columnLetter,
  groupedNumber,
  plainNumber,
  unitWords,
} from "./editor-i18n-numbers.js";
import { TABLE_TEXT } from "./editor-i18n-table.js";
import { REGION_TEXT } from "./editor-i18n-regions.js";

export { amountText, cellName, columnLetter, groupedNumber, plainNumber, unitWords };

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

export const TEXT = {
  vi: {
    "page.title": "Tạo biểu đồ khuyến công để đưa vào bài viết",
    "page.lead":
      "Dán bảng số liệu, điền tiêu đề và đơn vị, xem trước biểu đồ trên điện thoại và máy tính, rồi sao chép mã nhúng vào bài viết.",
    "page.noscript": "Trang này cần trình duyệt bật JavaScript.",
    "lang.legend": "Ngôn ngữ giao diện",
    "data.heading": "Số liệu",
    "data.mode": "Nhập số liệu bằng",
    "data.mode.table": "Bảng (Excel, Google Sheets)",
    "data.mode.json": "Dữ liệu có cấu trúc (JSON, cho kỹ thuật viên)",
    "sample.label": "Hoặc dùng số liệu mẫu đã công bố",
    "sample.none": "— Chọn số liệu mẫu —",
    "sample.load": "Nạp số liệu mẫu",
    "sample.loaded": (title) => `Đã nạp số liệu mẫu: ${title}.`,
    "sample.failed": (name) => `Không tải được số liệu mẫu “${name}”. Hãy thử lại.`,
    "table.label": "Dán bảng sao chép từ Excel hoặc Google Sheets",
    "table.help":
      "Dòng đầu là tên cột, như: Nguồn, Tỉnh, Năm, Nội dung, Kế hoạch, Thực hiện (hay Kinh phí, Số tiền), Vốn đối ứng, Số đề án; có dấu hay không dấu đều được. Cột nào trang chưa hiểu, bạn chọn ý nghĩa ở menu trên đầu cột. Số viết kiểu Việt Nam (2.400,5) được. Hàng “Tổng cộng” là số tổng đã công bố; hàng “Vốn đối ứng” là vốn đối ứng, không phải một nguồn kinh phí.",
    "table.example": "Điền bảng ví dụ",
    "table.placeholder": "Nguồn\tKế hoạch\tThực hiện\nKhuyến công quốc gia\t80,9\t79,5",
    "grid.caption": "Bảng đã dán: sửa trực tiếp trong ô nếu cần",
    "grid.corner": "Hàng",
    "grid.header": "tên cột",
    "grid.total": "tổng",
    "grid.ignored": "bỏ qua",
    "grid.cell": (name, header) => (header ? `Ô ${name}, cột ${header}` : `Ô ${name}`),
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
    "status.loadFailed":
      "Không tải được thư viện biểu đồ. Hãy tải lại trang; nếu vẫn không được, báo kỹ thuật viên.",
    "status.ok": "Biểu đồ đã cập nhật.",
    "status.question": "Hãy trả lời câu hỏi về bảng (ở phần Số liệu) để vẽ biểu đồ.",
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
      "Bảng chưa có dòng tên cột: hãy thêm một dòng đầu ghi tên từng cột, như “Nguồn”, “Kinh phí thực hiện”, “Số đề án”.",
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
    "note.unknown_column": (p) =>
      `Không nhận ra cột “${p.header}”: bỏ qua. Nếu biểu đồ cần cột này, chọn ý nghĩa của cột ở menu trên đầu cột.`,
    "note.ignored_column": (p) => `Cột “${p.header}” không dùng cho biểu đồ.`,
    "note.unnamed_column":
      "Cột không có tên: bỏ qua. Nếu biểu đồ cần cột này, chọn ý nghĩa của cột ở menu trên đầu cột.",
    "note.total_row": "Hàng tổng: dùng làm số tổng đã công bố, không cộng thêm vào số liệu.",
    ...TABLE_TEXT.vi,
    ...REGION_TEXT.vi,
    "where.row": (row) => `Hàng ${row + 1}`,
    "where.cell": (name, header) => (header ? `Ô ${name} (${header})` : `Ô ${name}`),
    "where.table": "Bảng",
    "where.json": "JSON",
    "output.heading": "Mã nhúng",
    "output.lead":
      "Mã nhúng gồm ảnh biểu đồ, một liên kết mở biểu đồ tương tác và bảng số liệu. Người đọc nào cũng thấy ảnh và bảng; trên trang web của báo đã cài thư viện biểu đồ, ảnh tự trở thành biểu đồ tương tác.",
    "field.cms": "Trang web của báo dùng trình soạn thảo bài viết nào?",
    "cms.unknown": "Tôi không biết",
    "cms.unknown.help":
      "Không sao: mã nhúng mặc định chỉ gồm ảnh, liên kết và bảng, là những gì mọi trình soạn thảo bài viết giữ lại.",
    "cms.tinymce.help":
      "TinyMCE giữ nguyên ảnh, liên kết và bảng. Dán vào chế độ mã nguồn (nút “Mã nguồn” hoặc <>) hoặc dán thẳng vào bài.",
    "cms.ckeditor4.help":
      "CKEditor 4 giữ nguyên ảnh, liên kết và bảng. Bấm nút “Mã HTML” (Source) rồi dán, hoặc dán thẳng vào bài.",
    "cms.ckeditor5.help":
      "CKEditor 5 giữ ảnh, liên kết và bảng (bỏ tiêu đề của bảng, ảnh vẫn có tiêu đề). Dán thẳng vào bài.",
    "cms.wordpress.help":
      "WordPress xóa ảnh nằm sẵn trong mã khi người đăng bài không phải quản trị viên: tải ảnh về, đưa vào Thư viện (Media) như mọi ảnh, rồi dán địa chỉ ảnh vào ô bên dưới. Liên kết và bảng được giữ nguyên.",
    "cms.sharepoint.help":
      "SharePoint chỉ giữ ảnh đã tải lên trang: tải ảnh về, đưa vào thư viện ảnh của trang, rồi dán địa chỉ ảnh vào ô bên dưới. Liên kết và bảng được giữ nguyên.",
    "output.picture": "Ảnh biểu đồ",
    "output.picture.inline": "Ảnh nằm sẵn trong mã",
    "output.picture.inline.help":
      "Không cần tải ảnh lên: dán mã là có ảnh. TinyMCE, CKEditor 4 và CKEditor 5 giữ được ảnh này.",
    "output.picture.file": "Ảnh là tệp tải lên trang web",
    "output.picture.file.help":
      "Cho trình soạn thảo xóa ảnh dán kèm (WordPress với tài khoản tác giả, SharePoint): tải ảnh về, đưa lên thư viện ảnh của trang như mọi ảnh khác, rồi dán địa chỉ ảnh vào ô bên dưới.",
    "output.picture.download": "Tải ảnh biểu đồ về (PNG)",
    "field.pictureUrl": "Địa chỉ ảnh sau khi tải lên",
    "field.pictureUrl.help":
      "Giữ nguyên tên tệp ảnh (có chữ “khuyencong”): nhờ đó trang web của báo nhận ra ảnh để thay bằng biểu đồ tương tác.",
    "pictureUrl.missing": "Hãy dán địa chỉ của ảnh sau khi đã tải ảnh lên trang web.",
    "pictureUrl.name":
      "Tên tệp ảnh cần giữ chữ “khuyencong” (như khi tải về): thiếu chữ đó, trang web của báo không nhận ra ảnh của biểu đồ.",
    "output.code": "Mã để dán vào bài viết",
    "output.none": "Sửa các lỗi ở trên để có mã nhúng.",
    "output.how":
      "Bấm “Sao chép mã” rồi dán vào bài: trong trình soạn thảo bài viết, mở chế độ mã nguồn (nút “Mã nguồn” hoặc “Source”) rồi dán; trình soạn thảo không có nút đó thì dán thẳng vào bài.",
    "output.copy": "Sao chép mã",
    "output.download": "Tải số liệu về",
    "copy.done": "Đã sao chép mã nhúng. Dán vào bài viết.",
    "copy.selected": "Đã chọn toàn bộ mã: nhấn Ctrl+C (hoặc ⌘+C) để sao chép.",
    "download.done": (name) => `Đã tải về tệp ${name}.`,
    "tech.heading": "Dành cho kỹ thuật viên",
    "field.pkg": "Thư viện biểu đồ trên trang web của báo",
    "field.pkg.help":
      "Địa chỉ thư mục chứa thư viện khuyencong-charts (các tệp embed.js, chart.html) trên trang web của báo; liên kết trong mã nhúng mở trang chart.html ở đó. Điền sẵn địa chỉ của trang này khi trang được mở từ chính thư viện.",
    "pkg.missing":
      "Chưa có địa chỉ thư viện biểu đồ trên trang web của báo: hãy nhờ kỹ thuật viên điền ô này (trong phần “Dành cho kỹ thuật viên”).",
    "field.loader": "Dòng thêm một lần vào khuôn trang của báo",
    "field.loader.help":
      "Có dòng này, ảnh trong bài tự trở thành biểu đồ tương tác khi người đọc cuộn tới gần. Nếu thư viện đặt ở tên miền khác với trang báo, máy chủ của thư viện phải gửi tiêu đề Access-Control-Allow-Origin: * cho các tệp .js và .wasm (tệp .wasm với Content-Type: application/wasm); thiếu tiêu đề đó, người đọc chỉ thấy ảnh và bảng. Trang có Content-Security-Policy cần script-src 'wasm-unsafe-eval'.",
    "output.form": "Kiểu mã nhúng",
    "output.picture.way": "Ảnh, liên kết và bảng (nên dùng)",
    "output.picture.way.help":
      "Chỉ gồm những gì mọi trình soạn thảo giữ lại: <img>, <a>, <table>, <p>. Tệp embed.js trong khuôn trang thay ảnh bằng biểu đồ tương tác.",
    "output.element": "Thẻ <khuyencong-chart>",
    "output.element.help":
      "Một dòng script và thẻ <khuyencong-chart> chứa sẵn số liệu, bảng số liệu bên trong. Chỉ dùng khi trình soạn thảo giữ nguyên script và thẻ lạ (TinyMCE, CKEditor 4 và 5 đều xóa).",
    "output.plain": "Thẻ <div data-khuyencong>",
    "output.plain.help":
      "Giống trên, với thẻ div và thuộc tính data-*: cho hệ quản trị nội dung giữ script và thuộc tính data-* nhưng xóa thẻ lạ.",
    "output.iframe": "Khung <iframe>",
    "output.iframe.help":
      "Không cần script trong bài; trình soạn thảo phải giữ iframe (TinyMCE chặn mọi script trong iframe dán vào; SharePoint chỉ cho tên miền được quản trị cho phép). Số liệu phải là một tệp JSON trên máy chủ, cùng tên miền với thư viện biểu đồ: tải tệp về (nút “Tải số liệu về”), đưa lên máy chủ, rồi dán địa chỉ vào ô “Địa chỉ tệp JSON”.",
    "field.dataUrl": "Địa chỉ tệp JSON",
    "field.dataUrl.help":
      "Tệp JSON bạn đã tải về rồi đưa lên máy chủ. Với số liệu mẫu, đây là địa chỉ tệp mẫu.",
    "dataUrl.missing":
      "Hãy nhập địa chỉ tệp JSON đã đưa lên máy chủ: khung iframe cần số liệu ở một địa chỉ.",
    "dataUrl.changed":
      "Số liệu đã khác tệp mẫu: hãy tải JSON về, đưa lên máy chủ và dán địa chỉ mới vào đây.",
    "url.invalid": (v) => `“${v}” không phải địa chỉ web (http:// hoặc https://).`,
    "url.otherOrigin": "Tệp JSON phải cùng tên miền với thư viện biểu đồ.",
    "kc.warning": "Lưu ý",
  },
  en: {
    "page.title": "Make an industrial promotion chart for an article",
    "page.lead":
      "Paste a table of figures, fill in the title and unit, preview the chart on a phone and a computer, then copy the embed code into your article.",
    "page.noscript": "This page needs JavaScript turned on in the browser.",
    "lang.legend": "Interface language",
    "data.heading": "Data",
    "data.mode": "Enter the data as",
    "data.mode.table": "A table (Excel, Google Sheets)",
    "data.mode.json": "Structured data (JSON, for the technical team)",
    "sample.label": "Or use published sample data",
    "sample.none": "— Choose sample data —",
    "sample.load": "Load sample data",
    "sample.loaded": (title) => `Sample data loaded: ${title}.`,
    "sample.failed": (name) => `Could not load the sample data “${name}”. Try again.`,
    "table.label": "Paste a table copied from Excel or Google Sheets",
    "table.help":
      "The first row names the columns, such as: Source, Province, Year, Activity, Plan, Actual (or Funding, Amount), Counterpart capital, Projects; Vietnamese or English, with or without diacritics. For a column the page does not understand, say what it holds in the menu at its top. Vietnamese number notation (2.400,5) is fine. A “Total” row is the published total; a “Vốn đối ứng” row is counterpart capital, not a source of funds.",
    "table.example": "Fill in an example table",
    "table.placeholder": "Source\tPlan\tActual\nNational\t80.9\t79.5",
    "grid.caption": "The pasted table: edit a cell here if needed",
    "grid.corner": "Row",
    "grid.header": "names",
    "grid.total": "total",
    "grid.ignored": "ignored",
    "grid.cell": (name, header) => (header ? `Cell ${name}, column ${header}` : `Cell ${name}`),
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
    "status.loadFailed":
      "Could not load the chart library. Reload the page; if that does not help, tell the technical team.",
    "status.ok": "The chart is up to date.",
    "status.question": "Answer the question about the table (under Data) to draw the chart.",
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
      "The table has no row of column names: add a first row naming each column, such as “Source”, “Actual”, “Projects”.",
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
    "note.unknown_column": (p) =>
      `Column “${p.header}” is not recognised: ignored. If the chart needs it, say what it holds in the menu at its top.`,
    "note.ignored_column": (p) => `Column “${p.header}” is not used by the chart.`,
    "note.unnamed_column":
      "A column without a name: ignored. If the chart needs it, say what it holds in the menu at its top.",
    "note.total_row": "Total row: used as the published total, not added to the figures.",
    ...TABLE_TEXT.en,
    ...REGION_TEXT.en,
    "where.row": (row) => `Row ${row + 1}`,
    "where.cell": (name, header) => (header ? `Cell ${name} (${header})` : `Cell ${name}`),
    "where.table": "Table",
    "where.json": "JSON",
    "output.heading": "Embed code",
    "output.lead":
      "The embed code is the chart's picture, a link that opens the interactive chart, and a table of the figures. Every reader sees the picture and the table; on a newspaper site that has the chart library installed, the picture becomes the interactive chart.",
    "field.cms": "Which article editor does the newspaper's site use?",
    "cms.unknown": "I don't know",
    "cms.unknown.help":
      "No matter: the default code is only a picture, a link and a table, which every article editor keeps.",
    "cms.tinymce.help":
      "TinyMCE keeps the picture, the link and the table. Paste into its source view (the “Source code” or <> button) or straight into the article.",
    "cms.ckeditor4.help":
      "CKEditor 4 keeps the picture, the link and the table. Press “Source”, then paste, or paste straight into the article.",
    "cms.ckeditor5.help":
      "CKEditor 5 keeps the picture, the link and the table (without the table's caption). Paste straight into the article.",
    "cms.wordpress.help":
      "WordPress removes pictures inside the code when the author is not an administrator: download the picture, add it to the Media library like any photo, then paste its address below. The link and the table are kept.",
    "cms.sharepoint.help":
      "SharePoint keeps only pictures uploaded to the site: download the picture, add it to the site's image library, then paste its address below. The link and the table are kept.",
    "output.picture": "The chart's picture",
    "output.picture.inline": "Picture inside the code",
    "output.picture.inline.help":
      "Nothing to upload: paste the code and the picture is there. TinyMCE, CKEditor 4 and CKEditor 5 keep it.",
    "output.picture.file": "Picture as a file uploaded to the site",
    "output.picture.file.help":
      "For editors that remove pasted pictures (WordPress for authors, SharePoint): download the picture, upload it to the site's image library like any photo, then paste its address below.",
    "output.picture.download": "Download the chart's picture (PNG)",
    "field.pictureUrl": "The picture's address after upload",
    "field.pictureUrl.help":
      "Keep the picture's file name (with “khuyencong” in it): that is how the newspaper's site recognises it and puts the interactive chart in its place.",
    "pictureUrl.missing": "Paste the picture's address once it is uploaded to the site.",
    "pictureUrl.name":
      "The picture's file name must keep “khuyencong” (as downloaded): without it, the newspaper's site does not recognise the chart's picture.",
    "output.code": "Code to paste into the article",
    "output.none": "Fix the errors above to get the embed code.",
    "output.how":
      "Press “Copy the code”, then paste it into the article: in the article editor, open the source view (the “Source” button) and paste; an editor without one takes it pasted straight into the article.",
    "output.copy": "Copy the code",
    "output.download": "Download the data",
    "copy.done": "Embed code copied. Paste it into the article.",
    "copy.selected": "The whole code is selected: press Ctrl+C (or ⌘+C) to copy it.",
    "download.done": (name) => `Downloaded ${name}.`,
    "tech.heading": "For the technical team",
    "field.pkg": "The chart library on the newspaper's site",
    "field.pkg.help":
      "The address of the folder holding the khuyencong-charts library (embed.js, chart.html) on the newspaper's site; the code's link opens chart.html there. Filled in with this page's own when the page is served from the library.",
    "pkg.missing":
      "The address of the chart library on the newspaper's site is missing: ask the technical team to fill it in (under “For the technical team”).",
    "field.loader": "The line to add once to the site's page template",
    "field.loader.help":
      "With this line, pictures in articles become interactive charts as readers scroll near them. If the library is on another domain than the site, its server must send Access-Control-Allow-Origin: * for the .js and .wasm files (the .wasm with Content-Type: application/wasm); without it readers see only the picture and the table. A page with a Content-Security-Policy needs script-src 'wasm-unsafe-eval'.",
    "output.form": "Kind of embed code",
    "output.picture.way": "Picture, link and table (recommended)",
    "output.picture.way.help":
      "Only what every editor keeps: <img>, <a>, <table>, <p>. The template's embed.js puts the interactive chart in the picture's place.",
    "output.element": "<khuyencong-chart> element",
    "output.element.help":
      "One script line and a <khuyencong-chart> element with the data inside and the table of figures. Only where the editor keeps scripts and unknown elements (TinyMCE, CKEditor 4 and 5 remove both).",
    "output.plain": "<div data-khuyencong> element",
    "output.plain.help":
      "The same with a div and data-* attributes: for systems that keep scripts and data-* attributes but remove unknown elements.",
    "output.iframe": "<iframe>",
    "output.iframe.help":
      "No script in the article; the editor must keep iframes (TinyMCE blocks every script in a pasted iframe; SharePoint allows only domains its administrator allowed). The data must be a JSON file on a server, on the chart library's domain: download it (“Download the data”), upload it, then paste its address into “JSON file address”.",
    "field.dataUrl": "JSON file address",
    "field.dataUrl.help":
      "The JSON file you downloaded and uploaded to your server. For sample data, the sample file's address.",
    "dataUrl.missing":
      "Enter the address of the uploaded JSON file: the iframe needs the data at an address.",
    "dataUrl.changed":
      "The data differs from the sample file: download the JSON, upload it and paste its new address here.",
    "url.invalid": (v) => `“${v}” is not a web address (http:// or https://).`,
    "url.otherOrigin": "The JSON file must be on the chart library's domain.",
    "kc.warning": "Note",
  },
};

/** A record field's name in `lang`. */
export const fieldName = (field, lang) => FIELD_NAMES[lang][field] ?? field;
