// The pages `make bench` loads: the two charts it measures, the article pages it writes at its
// start (the embed code of the built package, so that they are always current), and the survey
// of what the pages draw and request, which the figures check their samples against.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, codeFiles } from "./common.mjs";

export const CASES = {
  seed: {
    title: "seed (phia-bac-2022)",
    short: "seed",
    data: "phia-bac-2022.json",
    kind: "plan-actual",
    element: "bench/ours-seed.html",
    chartjs: "seed",
    peerKind: "horizontal bar: plan and actual by source and the total",
  },
  p63: {
    title: "63 provinces × 2 sources (63-tinh-minh-hoa)",
    short: "63 provinces",
    data: "63-tinh-minh-hoa.json",
    kind: "regions",
    element: "bench/ours-63.html",
    chartjs: "63",
    peerKind: "horizontal stacked bar: actual by province and source, largest first, all 63 labels",
  },
};

/** Where the chart is in its article: the paragraphs of text before its code. `top`: at the top,
 * in view; `below`: below the fold but within the screen the loader looks ahead (the survey
 * checks it starts 1.05-1.8 screens down); `far`: several screens down (≥ 3.5). */
export const PLACEMENTS = { top: 0, below: 10, far: 40 };
/** The paragraphs after the code: the rest of the article, enough that the page can scroll the
 * chart to the viewport's top. */
const PARAGRAPHS_AFTER = 8;

/** The article page of case `which` with its chart at `placement`. */
export const articlePage = (which, placement = "top") =>
  `bench/generated/article-${which}${placement === "top" ? "" : `-${placement}`}.html`;

/** The same article without its chart (the template's loader line kept): the first paint a page
 * of this text gets, which a picture in it cannot beat. */
export const textPage = (which) => `bench/generated/article-${which}-text.html`;

/** Chart.js's page drawing case `which` in a box of `box`'s CSS size. */
export const peerPage = (which, box) => `bench/chartjs.html?case=${CASES[which].chartjs}&w=${box.width}&h=${box.height}`;

/** A paragraph of the article's text (that of tests/e2e/loader-helpers.mjs). */
const PARAGRAPH =
  "<p>Năm 2022, chương trình khuyến công quốc gia và địa phương tiếp tục hỗ trợ các cơ sở công " +
  "nghiệp nông thôn đầu tư máy móc thiết bị, đào tạo nghề, xây dựng mô hình trình diễn kỹ thuật " +
  "và phát triển sản phẩm công nghiệp nông thôn tiêu biểu ở 28 tỉnh, thành phố phía Bắc.</p>";

/**
 * Writes the embed code of each case, as the chart's "Sao chép mã nhúng" and the editor page
 * write it (toEmbedCode(), in Chromium, from the built package, as scripts/demo-charts.mjs
 * does), into the article pages (bench/article.html, one per case and placement). The chart's
 * link is made relative to the site ("/www/pkg/chart.html#…"), as an editor that shortens
 * same-site URLs saves it. Returns { [case]: { code, picture: { width, height }, items } }.
 */
export async function writeArticles(browser, site) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL("bench/blank.html", site.url).href);
  const template = readFileSync(path.join(ROOT, "bench", "article.html"), "utf8");
  mkdirSync(path.join(ROOT, "bench", "generated"), { recursive: true });
  const out = {};
  for (const [which, c] of Object.entries(CASES)) {
    const made = await page.evaluate(
      async ([kind, file]) => {
        const { mount } = await import("/www/pkg/index.js");
        const host = document.createElement("div");
        document.body.append(host);
        const chart = await mount(host, `/www/data/${file}`, { kind });
        const code = await chart.toEmbedCode();
        const items = chart.view().items.length;
        chart.destroy();
        host.remove();
        return { code, items };
      },
      [c.kind, c.data],
    );
    const code = made.code.replaceAll(`${site.url}www/pkg/`, "/www/pkg/");
    if (code.includes(site.url)) throw new Error(`${which}: the embed code still names ${site.url}`);
    const img = /<img\b[^>]*\bwidth="(\d+)" height="(\d+)">/.exec(code);
    if (!img || !code.startsWith("<p><img ")) throw new Error(`${which}: no picture at the start of the embed code`);
    const marked = code.replace("<p><img ", '<p><img elementtiming="chart-picture" ');
    for (const [placement, paragraphs] of Object.entries(PLACEMENTS)) {
      const html = template
        .replace("<!-- bench: the article's text before the chart -->", Array(paragraphs).fill(`    ${PARAGRAPH}`).join("\n"))
        .replace("<!-- bench: the embed code -->", marked)
        .replace("<!-- bench: the article's text after the chart -->", Array(PARAGRAPHS_AFTER).fill(`    ${PARAGRAPH}`).join("\n"))
        .replace("<title>bench: an article with a chart's embed code</title>", `<title>bench: an article, ${c.short} (${c.kind}), the chart ${placement === "top" ? "at the top" : placement}</title>`);
      writeFileSync(path.join(ROOT, articlePage(which, placement)), html);
    }
    const text = template
      .replace("<!-- bench: the article's text before the chart -->", "")
      .replace("<!-- bench: the embed code -->", "")
      .replace("<!-- bench: the article's text after the chart -->", Array(PARAGRAPHS_AFTER).fill(`    ${PARAGRAPH}`).join("\n"))
      .replace("<title>bench: an article with a chart's embed code</title>", `<title>bench: the article of ${c.short} without its chart</title>`);
    writeFileSync(path.join(ROOT, textPage(which)), text);
    out[which] = { code, picture: { width: Number(img[1]), height: Number(img[2]) }, items: made.items };
  }
  await context.close();
  return out;
}

/**
 * One load of each page, unthrottled: the boxes the charts take (Chart.js gets the same), the
 * article's chart positions, and what each page requests:
 * - `element`: the element way's page, its chart's CSS box and items;
 * - `picture`: the article with the chart at the top, the box the interactive chart takes in the
 *   picture's place (the picture's width and height) and its items;
 * - `requests`: { picture, element, far (the article with the chart far down, left at the top
 *   until the network is idle and a second more), peerPicture, peerElement }: [{ url, type }].
 */
export async function survey(h, articles) {
  const out = { boxes: {}, requests: {}, positions: {} };
  const recorded = async (address, until) => {
    const { context, page, errors } = await h.freshPage(1);
    const requests = [];
    page.on("request", (r) => requests.push({ url: r.url(), type: r.resourceType() }));
    try {
      const got = await until(page, address, errors);
      return { requests, ...got };
    } finally {
      await context.close();
    }
  };
  for (const [which, c] of Object.entries(CASES)) {
    const article = articles[which];
    // The element way.
    const element = await recorded(h.at(null, c.element), async (page, address, errors) => {
      await h.loadUntil(page, address, ["painted"], errors);
      return page.evaluate(() => {
        const el = document.querySelector("khuyencong-chart");
        const r = el.chart.canvas.getBoundingClientRect();
        return { state: el.getAttribute("data-kc-state"), box: { width: r.width, height: r.height, items: el.chart.view().items.length } };
      });
    });
    if (element.state !== "ready") throw new Error(`${c.element}: data-kc-state is ${element.state}`);
    // The article with the chart at the top: the interactive chart in the picture's box.
    const picture = await recorded(h.at(null, articlePage(which)), async (page, address, errors) => {
      await h.loadUntil(page, address, ["seen", "ready"], errors);
      return page.evaluate(async () => {
        const { chartOf } = await import("/www/pkg/embed.js");
        const box = document.querySelector(".kc-embed");
        const img = document.querySelector("img[elementtiming]");
        const r = box.getBoundingClientRect();
        return { state: box.getAttribute("data-kc-state"), hidden: getComputedStyle(img).display === "none", box: { width: r.width, height: r.height, items: chartOf(box)?.view().items.length } };
      });
    });
    const want = article.picture;
    if (picture.state !== "ready" || !picture.hidden || picture.box.items !== article.items) {
      throw new Error(`${articlePage(which)}: the interactive chart did not take the picture's place: ${JSON.stringify(picture)}`);
    }
    if (Math.abs(picture.box.width - want.width) > 0.5 || Math.abs(picture.box.height - want.height) > 0.5) {
      throw new Error(`${articlePage(which)}: the interactive chart's box is ${picture.box.width}×${picture.box.height}, the picture's ${want.width}×${want.height}`);
    }
    // Where the chart is in the two other articles; the far one left at the top until the network
    // has been idle (no request for 500 ms) and a second more: what a reader who never scrolls
    // to the chart downloads.
    out.positions[which] = {};
    for (const placement of ["below", "far"]) {
      const loaded = await recorded(h.at(null, articlePage(which, placement)), async (page, address) => {
        await page.goto(address, { waitUntil: "networkidle" });
        await page.waitForTimeout(1000);
        return page.evaluate(() => ({
          // The interactive chart's box once drawn (the picture is hidden then), else the picture.
          top: (document.querySelector(".kc-embed") ?? document.querySelector("img[elementtiming]")).getBoundingClientRect().top + scrollY,
          screen: innerHeight,
          drawn: document.querySelectorAll(".kc-embed").length,
        }));
      });
      const screens = loaded.top / loaded.screen;
      const fits = placement === "below" ? screens >= 1.05 && screens <= 1.8 : screens >= 3.5;
      if (!fits) throw new Error(`${articlePage(which, placement)}: the chart starts ${screens.toFixed(2)} screens down (PLACEMENTS)`);
      if (placement === "far") {
        if (loaded.drawn) throw new Error(`${articlePage(which, "far")}: the loader drew the chart without the reader coming near it`);
        out.requests[`${which}:far`] = loaded.requests;
      }
      out.positions[which][placement] = loaded.top;
    }
    // Chart.js in the same two boxes.
    const peer = {};
    for (const [key, box] of [["peerPicture", want], ["peerElement", element.box]]) {
      peer[key] = await recorded(h.at(null, peerPage(which, box)), async (page, address, errors) => {
        await h.loadUntil(page, address, ["painted", "presented"], errors);
        return page.evaluate(() => {
          const r = window.__charts[0].canvas.getBoundingClientRect();
          return { box: { width: r.width, height: r.height } };
        });
      });
      if (Math.abs(peer[key].box.width - box.width) > 0.5 || Math.abs(peer[key].box.height - box.height) > 0.5) {
        throw new Error(`Chart.js's canvas is ${peer[key].box.width}×${peer[key].box.height}, ours ${box.width}×${box.height}`);
      }
    }
    out.boxes[which] = { element: element.box, picture: { ...want, items: article.items } };
    out.requests[`${which}:element`] = element.requests;
    out.requests[`${which}:picture`] = picture.requests;
    out.requests[`${which}:peerPicture`] = peer.peerPicture.requests;
    out.requests[`${which}:peerElement`] = peer.peerElement.requests;
  }
  out.codeFiles = (key) => codeFiles(out.requests[key], h.origin);
  return out;
}
