// Tables as provincial reports and newsrooms lay them out, for the editor's table reader: each
// is either read right (`data`: exactly what the chart is drawn from; `figures`: what the
// package makes of it) or asked about (`asks`: the questions, by kind and key) or flagged
// (`problems`: [code, row, column]), never silently wrong. `answers` are what a journalist
// answers (the keys readTable's questions carry; "role:…" is the menu on a column).
// Used by editor-table-read.test.mjs (the reader alone, in Node) and editor-questions.test.mjs
// (pasted into the page, the questions answered by clicking).

const KCQG = "Khuyến công quốc gia";
const KCDP = "Khuyến công địa phương";

export const LAYOUTS = [
  {
    name: "the seed article's table by source, tỷ đồng in the headings, a total row",
    tsv: "Nguồn\tKế hoạch (tỷ đồng)\tThực hiện (tỷ đồng)\nKhuyến công quốc gia\t80,9\t79,5\nKhuyến công địa phương\t98,2\t90,9\nTổng cộng\t179\t170,4\n",
    unit: "ty_dong",
    data: {
      records: [
        { source: "kcqg", plan: "80.9", actual: "79.5" },
        { source: "kcdp", plan: "98.2", actual: "90.9" },
      ],
      reported: { plan: "179", actual: "170.4" },
    },
    readings: ["total_differs"],
    figures: { actual: "170,4 tỷ đồng", attainment: "95,2%", shares: ["46,7%", "53,3%"] },
  },
  {
    name: "counterpart capital as a row on its own (the issue's table)",
    tsv: "Nguồn kinh phí\tKinh phí thực hiện (triệu đồng)\tSố đề án\nKhuyến công quốc gia\t2.400\t9\nKhuyến công địa phương\t3.420\t30\nVốn đối ứng\t8.588\t\n",
    answers: { "1:kinh phi thuc hien trieu dong": "vi" },
    unit: "trieu_dong",
    data: {
      records: [
        { source: "kcqg", actual: "2400", projects: 9 },
        { source: "kcdp", actual: "3420", projects: 30 },
        { counterpart: "8588" },
      ],
    },
    readings: ["counterpart_row"],
    figures: {
      actual: "5.820 triệu đồng",
      shares: ["41,2%", "58,8%"],
      leverage: "1,48",
      projects: "39 đề án",
    },
  },
  {
    name: "counterpart row without diacritics, “of the business”",
    tsv: "Nguon kinh phi\tKinh phi thuc hien (trieu dong)\tSo de an\nKCQG\t2.400,0\t9\nKCDP\t3.420\t30\nvon doi ung cua doanh nghiep\t8.588\t\n",
    unit: "trieu_dong",
    data: {
      records: [
        { source: "kcqg", actual: "2400", projects: 9 },
        { source: "kcdp", actual: "3420", projects: 30 },
        { counterpart: "8588" },
      ],
    },
    readings: ["counterpart_row"],
    figures: { actual: "5.820 triệu đồng", shares: ["41,2%", "58,8%"], leverage: "1,48" },
  },
  {
    name: "counterpart capital as a column, “Vốn DN đối ứng”",
    tsv: "Nguồn\tKinh phí hỗ trợ (triệu đồng)\tVốn DN đối ứng (triệu đồng)\nKCQG\t2.550\t6.000,5\nKCĐP\t1.810\t4.800\n",
    answers: { "1:kinh phi ho tro trieu dong": "vi" },
    unit: "trieu_dong",
    data: {
      records: [
        { source: "kcqg", actual: "2550", counterpart: "6000.5" },
        { source: "kcdp", actual: "1810", counterpart: "4800" },
      ],
    },
    figures: { actual: "4.360 triệu đồng", leverage: "2,48" },
  },
  {
    name: "a counterpart row under each source (“- Vốn đối ứng”)",
    tsv: "Nguồn\tKinh phí (triệu đồng)\nKhuyến công quốc gia\t2.550,5\n- Vốn đối ứng\t6.000\nKhuyến công địa phương\t1.810\n- Vốn đối ứng\t4.800\n",
    unit: "trieu_dong",
    data: {
      records: [
        { source: "kcqg", actual: "2550.5" },
        { source: "kcqg", counterpart: "6000" },
        { source: "kcdp", actual: "1810" },
        { source: "kcdp", counterpart: "4800" },
      ],
    },
    readings: ["counterpart_row", "counterpart_row"],
    figures: { actual: "4.360,5 triệu đồng", leverage: "2,48", sourceLeverage: ["2,35", "2,65"] },
  },
  {
    name: "a counterpart row whose source cell names its group",
    tsv: "Nguồn\tNội dung\tSố tiền (triệu đồng)\nKCQG\tMáy móc thiết bị\t2.400,5\nKCQG\tVốn đối ứng\t5.000\nKCĐP\tMáy móc thiết bị\t3.420\nKCĐP\tĐào tạo nghề\t380\n",
    unit: "trieu_dong",
    data: {
      records: [
        { source: "kcqg", category: "Máy móc thiết bị", actual: "2400.5" },
        { source: "kcqg", counterpart: "5000" },
        { source: "kcdp", category: "Máy móc thiết bị", actual: "3420" },
        { source: "kcdp", category: "Đào tạo nghề", actual: "380" },
      ],
    },
    readings: ["counterpart_row"],
    figures: { actual: "6.200,5 triệu đồng", sourceLeverage: ["2,08", "–"] },
  },
  {
    name: "a blank amount: the row is left out, its projects too",
    tsv: "Nguồn kinh phí\tKinh phí thực hiện (triệu đồng)\tSố đề án\nKhuyến công quốc gia\t2.400,5\t9\nKhuyến công địa phương\t\t30\n",
    unit: "trieu_dong",
    data: { records: [{ source: "kcqg", actual: "2400.5", projects: 9 }] },
    readings: ["no_figure"],
    figures: { actual: "2.400,5 triệu đồng", projects: "9 đề án" },
  },
  {
    name: "a figure a thousand times smaller than its column's: asked",
    tsv: "Nguồn kinh phí\tKinh phí thực hiện (triệu đồng)\nKCQG\t2.400\nKCĐP\t3.420\nNgân sách huyện\t1,5\n",
    asks: [["scale", "scale:3:1:1 5"]],
  },
  {
    name: "a figure a thousand times smaller, answered: 1.500",
    tsv: "Nguồn kinh phí\tKinh phí thực hiện (triệu đồng)\nKCQG\t2.400\nKCĐP\t3.420\nNgân sách huyện\t1,5\n",
    answers: { "scale:3:1:1 5": "scaled" },
    unit: "trieu_dong",
    data: {
      records: [
        { source: "kcqg", actual: "2400" },
        { source: "kcdp", actual: "3420" },
        { source: "ngan-sach-huyen", actual: "1500" },
      ],
      sources: [
        { key: "kcqg", label: KCQG, level: "national" },
        { key: "kcdp", label: KCDP, level: "local" },
        { key: "ngan-sach-huyen", label: "Ngân sách huyện", level: "other" },
      ],
    },
    figures: { actual: "7.320 triệu đồng", shares: ["32,8%", "46,7%", "20,5%"] },
  },
  {
    name: "a published total that differs from the sum: the chart shows the sum",
    tsv: "Nguồn\tKinh phí (triệu đồng)\nKCQG\t2.400,5\nKCĐP\t3.420\nTổng cộng\t5.900\n",
    unit: "trieu_dong",
    data: {
      records: [
        { source: "kcqg", actual: "2400.5" },
        { source: "kcdp", actual: "3420" },
      ],
    },
    readings: ["total_differs"],
    figures: { actual: "5.820,5 triệu đồng", shares: ["41,2%", "58,8%"] },
  },
  {
    name: "a total row that adds the counterpart capital in",
    tsv: "Nguồn\tKinh phí (triệu đồng)\nKCQG\t2.400,5\nKCĐP\t3.420\nVốn đối ứng\t8.588\nTổng cộng\t14.408,5\n",
    unit: "trieu_dong",
    data: {
      records: [
        { source: "kcqg", actual: "2400.5" },
        { source: "kcdp", actual: "3420" },
        { counterpart: "8588" },
      ],
    },
    readings: ["counterpart_row", "total_differs"],
    figures: { actual: "5.820,5 triệu đồng", leverage: "1,48" },
  },
  {
    name: "a unit line above the table, a notes line under it",
    tsv: "ĐVT: triệu đồng\nNguồn\tKinh phí\nKCQG\t2.400,5\nKCĐP\t3.420\nGhi chú: số liệu ước thực hiện đến 31/12\n",
    unit: "trieu_dong",
    data: {
      records: [
        { source: "kcqg", actual: "2400.5" },
        { source: "kcdp", actual: "3420" },
      ],
    },
    figures: { actual: "5.820,5 triệu đồng" },
  },
  {
    name: "the unit in a column of its own (ĐVT)",
    tsv: "Nội dung\tĐVT\tGiá trị\nMáy móc thiết bị\tTr.đ\t2.700\nTập huấn\tTr.đ\t380\nChi quản lý\tTr.đ\t80,5\n",
    unit: "trieu_dong",
    data: {
      records: [
        { category: "Máy móc thiết bị", actual: "2700" },
        { category: "Tập huấn", actual: "380" },
        { category: "Chi quản lý", actual: "80.5" },
      ],
    },
    figures: { actual: "3.160,5 triệu đồng" },
  },
  {
    name: "provinces, “Kinh phí (triệu đồng)”",
    tsv: "Tỉnh\tKinh phí (triệu đồng)\nHà Giang\t4.120\nCao Bằng\t4.360\nBắc Kạn\t2.980,5\n",
    unit: "trieu_dong",
    data: {
      records: [
        { region: "Hà Giang", actual: "4120" },
        { region: "Cao Bằng", actual: "4360" },
        { region: "Bắc Kạn", actual: "2980.5" },
      ],
    },
    figures: { actual: "11.460,5 triệu đồng" },
  },
  {
    name: "activities under “Số tiền”: “2.700” alone decides nothing, asked",
    tsv: "Nội dung\tSố tiền (triệu đồng)\nMáy móc thiết bị tiên tiến\t2.700\nTập huấn\t380\nPhát triển sản phẩm CNNT\t310\nChi quản lý\t80\nThông tin tuyên truyền\t120\n",
    asks: [["notation", "1:so tien trieu dong"]],
  },
  {
    name: "international notation under “Giá trị”",
    tsv: "Nguồn\tGiá trị (tỷ đồng)\nKCQG\t79.5\nKCĐP\t90.9\n",
    unit: "ty_dong",
    data: {
      records: [
        { source: "kcqg", actual: "79.5" },
        { source: "kcdp", actual: "90.9" },
      ],
    },
    figures: { actual: "170,4 tỷ đồng", shares: ["46,7%", "53,3%"] },
  },
  {
    name: "headings without diacritics",
    tsv: "nguon kinh phi\tkinh phi thuc hien\tso de an\nkhuyen cong quoc gia\t79,5\t120\nkhuyen cong dia phuong\t90,9\t310\n",
    unit: null,
    data: {
      records: [
        { source: "kcqg", actual: "79.5", projects: 120 },
        { source: "kcdp", actual: "90.9", projects: 310 },
      ],
    },
    figures: { projects: "430 đề án", shares: ["46,7%", "53,3%"] },
  },
  {
    name: "years as rows",
    tsv: "Năm\tKế hoạch\tThực hiện\n2021\t150,2\t141\n2022\t179\t170,4\n2023\t185,5\t180\n",
    unit: null,
    data: {
      records: [
        { year: 2021, plan: "150.2", actual: "141" },
        { year: 2022, plan: "179", actual: "170.4" },
        { year: 2023, plan: "185.5", actual: "180" },
      ],
    },
  },
  {
    name: "years as columns, sources as rows",
    tsv: "Nguồn\t2021\t2022\t2023\nKCQG\t75,1\t79,5\t82\nKCĐP\t66\t90,9\t98\n",
    unit: null,
    data: {
      records: [
        { source: "kcqg", year: 2021, actual: "75.1" },
        { source: "kcqg", year: 2022, actual: "79.5" },
        { source: "kcqg", year: 2023, actual: "82" },
        { source: "kcdp", year: 2021, actual: "66" },
        { source: "kcdp", year: 2022, actual: "90.9" },
        { source: "kcdp", year: 2023, actual: "98" },
      ],
    },
  },
  {
    name: "sources as columns, with each row's total",
    tsv: "Năm\tKCQG\tKCĐP\tTổng\n2021\t75,1\t66\t141,1\n2022\t79,5\t90,9\t170,4\n",
    unit: null,
    data: {
      records: [
        { year: 2021, source: "kcqg", actual: "75.1" },
        { year: 2021, source: "kcdp", actual: "66" },
        { year: 2022, source: "kcqg", actual: "79.5" },
        { year: 2022, source: "kcdp", actual: "90.9" },
      ],
    },
  },
  {
    name: "measures as rows, sources as columns (the other way round), a percentage row",
    tsv: "Chỉ tiêu\tKCQG\tKCĐP\tTổng cộng\nKế hoạch\t80,9\t98,2\t179\nThực hiện\t79,5\t90,9\t170,4\nSố đề án\t9\t30\t39\nTỷ lệ đạt (%)\t98,3\t92,6\t95,2\n",
    unit: null,
    data: {
      records: [
        { source: "kcqg", plan: "80.9" },
        { source: "kcdp", plan: "98.2" },
        { source: "kcqg", actual: "79.5" },
        { source: "kcdp", actual: "90.9" },
        { source: "kcqg", projects: 9 },
        { source: "kcdp", projects: 30 },
      ],
      reported: { plan: "179", actual: "170.4", projects: 39 },
    },
    readings: ["total_differs"],
    figures: { attainment: "95,2%", shares: ["46,7%", "53,3%"], projects: "39 đề án" },
  },
  {
    name: "a title line and a merged heading over “Kế hoạch | Thực hiện”",
    tsv: "Bảng 2. Kinh phí khuyến công năm 2022\t\t\t\nSTT\tTỉnh\tKinh phí (triệu đồng)\t\n\t\tKế hoạch\tThực hiện\n1\tCao Bằng\t4.446,5\t1.810\n2\tBắc Kạn\t3.100\t2.980\n",
    answers: { "3:thuc hien": "vi" },
    unit: "trieu_dong",
    data: {
      records: [
        { region: "Cao Bằng", plan: "4446.5", actual: "1810" },
        { region: "Bắc Kạn", plan: "3100", actual: "2980" },
      ],
    },
  },
  {
    name: "“Tổng cộng” written in the row-number column",
    tsv: "STT\tNguồn\tKinh phí\n1\tKCQG\t79,5\n2\tKCĐP\t90,9\nTổng cộng\t\t170,4\n",
    unit: null,
    data: {
      records: [
        { source: "kcqg", actual: "79.5" },
        { source: "kcdp", actual: "90.9" },
      ],
      reported: { actual: "170.4" },
    },
    figures: { actual: "170,4 triệu đồng", shares: ["46,7%", "53,3%"] },
  },
  {
    name: "columns of percentages are left out",
    tsv: "Nguồn\tKế hoạch\tThực hiện\tTỷ lệ đạt (%)\tTỷ trọng (%)\nKCQG\t80,9\t79,5\t98,3\t46,7\nKCĐP\t98,2\t90,9\t92,6\t53,3\n",
    unit: null,
    data: {
      records: [
        { source: "kcqg", plan: "80.9", actual: "79.5" },
        { source: "kcdp", plan: "98.2", actual: "90.9" },
      ],
    },
  },
  {
    name: "headings the reader does not know: asked through the column menus",
    tsv: "Cơ sở\tTiền\nHTX Mây tre Phú Vinh\t450,5\nCông ty Gốm Bát Tràng\t1.200\n",
    asks: [
      ["role", "role:0:co so"],
      ["role", "role:1:tien"],
    ],
  },
  {
    name: "headings the reader does not know, answered in the menus",
    tsv: "Cơ sở\tTiền\nHTX Mây tre Phú Vinh\t450,5\nCông ty Gốm Bát Tràng\t1.200\n",
    answers: { "role:0:co so": "category", "role:1:tien": "actual" },
    unit: null,
    data: {
      records: [
        { category: "HTX Mây tre Phú Vinh", actual: "450.5" },
        { category: "Công ty Gốm Bát Tràng", actual: "1200" },
      ],
    },
  },
  {
    name: "an unnamed first column of sources",
    tsv: "\tKế hoạch\tThực hiện\nKhuyến công quốc gia\t80,9\t79,5\nKhuyến công địa phương\t98,2\t90,9\n",
    unit: null,
    data: {
      records: [
        { source: "kcqg", plan: "80.9", actual: "79.5" },
        { source: "kcdp", plan: "98.2", actual: "90.9" },
      ],
    },
  },
  {
    name: "merged cells of provinces: asked",
    tsv: "Tỉnh\tNguồn\tThực hiện (triệu đồng)\nCao Bằng\tKCQG\t2.550,5\n\tKCĐP\t1.810\nBắc Kạn\tKCĐP\t2.980\n",
    asks: [["merged", "merged:0:tinh"]],
  },
  {
    name: "merged cells of provinces, answered: the province above",
    tsv: "Tỉnh\tNguồn\tThực hiện (triệu đồng)\nCao Bằng\tKCQG\t2.550,5\n\tKCĐP\t1.810\nBắc Kạn\tKCĐP\t2.980\n",
    answers: { "merged:0:tinh": "fill" },
    unit: "trieu_dong",
    data: {
      records: [
        { region: "Cao Bằng", source: "kcqg", actual: "2550.5" },
        { region: "Cao Bằng", source: "kcdp", actual: "1810" },
        { region: "Bắc Kạn", source: "kcdp", actual: "2980" },
      ],
    },
  },
  {
    name: "the total first, then “Trong đó:” its parts",
    tsv: "Nguồn\tThực hiện (tỷ đồng)\nTổng kinh phí\t170,4\nTrong đó: KCQG\t79,5\nKCĐP\t90,9\n",
    unit: "ty_dong",
    data: {
      records: [
        { source: "kcqg", actual: "79.5" },
        { source: "kcdp", actual: "90.9" },
      ],
      reported: { actual: "170.4" },
    },
    figures: { actual: "170,4 tỷ đồng", shares: ["46,7%", "53,3%"] },
  },
  {
    name: "English headings and notation",
    tsv: "Source\tPlan\tActual\tProjects\nNational\t80.9\t79.5\t9\nLocal\t98.2\t90.9\t30\n",
    unit: null,
    data: {
      records: [
        { source: "kcqg", plan: "80.9", actual: "79.5", projects: 9 },
        { source: "kcdp", plan: "98.2", actual: "90.9", projects: 30 },
      ],
    },
  },
  {
    name: "one cell in the other notation: flagged at the cell",
    tsv: "Nguồn\tThực hiện\nKCQG\t79,5\nKCĐP\t90.9\nNgân sách tỉnh\t12,5\n",
    problems: [["mixed_notation", 2, 1]],
  },
  {
    name: "“2.400” and “1.500” alone in their column: asked",
    tsv: "Tỉnh\tKinh phí\nHà Giang\t2.400\nCao Bằng\t1.500\n",
    asks: [["notation", "1:kinh phi"]],
  },

  // Issue 18: a figure some rows with spending lack (editor-table-partial.js). Summed as it
  // is, it would count other rows than the spending: "đạt 232,8% kế hoạch".
  {
    name: "a blank plan beside spending: asked, never “đạt 232,8%”",
    tsv: `Nguồn\tKế hoạch (triệu đồng)\tThực hiện (triệu đồng)\n${KCQG}\t2.500,5\t2.400,5\n${KCDP}\t\t3.420\n`,
    asks: [["partial", "partial:plan:r2c1"]],
  },
  {
    name: "a blank plan, answered: only the rows with a plan",
    tsv: `Nguồn\tKế hoạch (triệu đồng)\tThực hiện (triệu đồng)\n${KCQG}\t2.500,5\t2.400,5\n${KCDP}\t\t3.420\n`,
    answers: { "partial:plan:r2c1": "rows" },
    unit: "trieu_dong",
    data: { records: [{ source: "kcqg", plan: "2500.5", actual: "2400.5" }] },
    readings: ["partial_rows"],
    figures: { actual: "2.400,5 triệu đồng", attainment: "96,0%" },
  },
  {
    name: "a blank plan, answered: no plan in the chart",
    tsv: `Nguồn\tKế hoạch (triệu đồng)\tThực hiện (triệu đồng)\n${KCQG}\t2.500,5\t2.400,5\n${KCDP}\t\t3.420\n`,
    answers: { "partial:plan:r2c1": "drop" },
    unit: "trieu_dong",
    data: {
      records: [
        { source: "kcqg", actual: "2400.5" },
        { source: "kcdp", actual: "3420" },
      ],
    },
    readings: ["partial_dropped"],
    figures: { actual: "5.820,5 triệu đồng", attainment: "–", shares: ["41,2%", "58,8%"] },
  },
  {
    name: "a blank plan with a published total: the total row's plan, no question",
    tsv: `Nguồn\tKế hoạch (triệu đồng)\tThực hiện (triệu đồng)\n${KCQG}\t2.500,5\t2.400,5\n${KCDP}\t\t3.420\nTổng cộng\t6.000\t5.820,5\n`,
    unit: "trieu_dong",
    data: {
      records: [
        { source: "kcqg", plan: "2500.5", actual: "2400.5" },
        { source: "kcdp", actual: "3420" },
      ],
      reported: { plan: "6000", actual: "5820.5" },
    },
    readings: ["partial_published", "total_differs"],
    figures: { actual: "5.820,5 triệu đồng", attainment: "97,0%" },
  },
  {
    name: "a blank counterpart capital, answered: 0",
    tsv: `Nguồn\tThực hiện (triệu đồng)\tVốn đối ứng (triệu đồng)\n${KCQG}\t2.400,5\t6.000,5\n${KCDP}\t3.420\t\n`,
    answers: { "partial:counterpart:r2c2": "zero" },
    unit: "trieu_dong",
    data: {
      records: [
        { source: "kcqg", actual: "2400.5", counterpart: "6000.5" },
        { source: "kcdp", actual: "3420", counterpart: "0" },
      ],
    },
    readings: ["partial_zero"],
    figures: { actual: "5.820,5 triệu đồng", leverage: "1,03", sourceLeverage: ["2,5", "0"] },
  },
  {
    name: "sources as columns: a count of the whole row beside a blank source, asked",
    tsv: "Tỉnh\tKCQG (triệu đồng)\tKCĐP (triệu đồng)\tSố đề án\nCao Bằng\t2.550,5\t\t23\nBắc Kạn\t1.200,5\t980\t12\nHà Giang\t900\t1.100,5\t8\n",
    asks: [["partial", "partial:projects:r1c2"]],
  },
  {
    name: "sources as columns, a count of the whole row: answered, only the full rows",
    tsv: "Tỉnh\tKCQG (triệu đồng)\tKCĐP (triệu đồng)\tSố đề án\nCao Bằng\t2.550,5\t\t23\nBắc Kạn\t1.200,5\t980\t12\nHà Giang\t900\t1.100,5\t8\n",
    answers: { "partial:projects:r1c2": "rows" },
    unit: "trieu_dong",
    data: {
      records: [
        { region: "Bắc Kạn", projects: 12 },
        { region: "Bắc Kạn", source: "kcqg", actual: "1200.5" },
        { region: "Bắc Kạn", source: "kcdp", actual: "980" },
        { region: "Hà Giang", projects: 8 },
        { region: "Hà Giang", source: "kcqg", actual: "900" },
        { region: "Hà Giang", source: "kcdp", actual: "1100.5" },
      ],
    },
    readings: ["partial_rows"],
    figures: { actual: "4.181 triệu đồng", projects: "20 đề án" },
  },
  {
    name: "sources as columns, a count of the whole row: answered, the blank source is 0",
    tsv: "Tỉnh\tKCQG (triệu đồng)\tKCĐP (triệu đồng)\tSố đề án\nCao Bằng\t2.550,5\t\t23\nBắc Kạn\t1.200,5\t980\t12\nHà Giang\t900\t1.100,5\t8\n",
    answers: { "partial:projects:r1c2": "zero" },
    unit: "trieu_dong",
    data: {
      records: [
        { region: "Cao Bằng", projects: 23 },
        { region: "Cao Bằng", source: "kcqg", actual: "2550.5" },
        { region: "Cao Bằng", source: "kcdp", actual: "0" },
        { region: "Bắc Kạn", projects: 12 },
        { region: "Bắc Kạn", source: "kcqg", actual: "1200.5" },
        { region: "Bắc Kạn", source: "kcdp", actual: "980" },
        { region: "Hà Giang", projects: 8 },
        { region: "Hà Giang", source: "kcqg", actual: "900" },
        { region: "Hà Giang", source: "kcdp", actual: "1100.5" },
      ],
    },
    readings: ["partial_zero"],
    figures: { actual: "6.731,5 triệu đồng", projects: "43 đề án", shares: ["69,1%", "30,9%"] },
  },
  {
    name: "a row left out: the total row's count and the table's counterpart capital go with it",
    tsv: `Nguồn kinh phí\tKinh phí thực hiện (triệu đồng)\tSố đề án\n${KCQG}\t2.400,5\t9\n${KCDP}\t\t30\nVốn đối ứng\t8.588\t\nTổng cộng\t5.820,5\t39\n`,
    unit: "trieu_dong",
    data: { records: [{ source: "kcqg", actual: "2400.5", projects: 9 }] },
    readings: ["no_figure", "counterpart_left", "total_differs", "total_left"],
    figures: { actual: "2.400,5 triệu đồng", projects: "9 đề án", leverage: "–" },
  },
];
