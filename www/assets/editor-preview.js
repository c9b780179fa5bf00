// The two previews, phone and desktop: the chart mounted once in each and then updated; the
// desktop one scaled down to fit a narrow screen, its caption naming its width; both dimmed
// while they show data that is no longer valid; the switch between them on a phone.

import { $, setText, state, t } from "./editor-state.js";

/** Draws the data in both previews: mounted once, then setOptions / update. */
export async function showPreview(data, options) {
  const dataJson = JSON.stringify(data);
  const optionsJson = JSON.stringify(options);
  for (const id of ["preview-phone", "preview-desktop"]) {
    const screen = $(id);
    const shown = state.shown?.[id];
    if (!shown) {
      screen.replaceChildren();
      const handle = await state.pkg.mount(screen, data, options).catch((e) => {
        screen.replaceChildren(); // the package's own error box: the editor shows it at the input
        throw e;
      });
      state.shown = { ...state.shown, [id]: { handle, dataJson, optionsJson } };
      continue;
    }
    if (shown.optionsJson !== optionsJson) {
      await shown.handle.setOptions(options);
      shown.optionsJson = optionsJson;
    }
    if (shown.dataJson !== dataJson) {
      await shown.handle.update(data);
      shown.dataJson = dataJson;
    }
  }
}

/** The desktop frame's caption names its width (it follows the window). */
function labelDesktop() {
  const screen = $("preview-desktop");
  const width = screen.offsetWidth;
  const scaled = screen.style.getPropertyValue("transform") !== "";
  setText(
    $("desktop-label"),
    width > 0
      ? t(scaled ? "preview.desktopScaled" : "preview.desktopWidth", width)
      : t("preview.desktop"),
  );
}

/** On a narrow screen the desktop preview keeps a desktop width and is shown scaled down to
 * fit (the chart's pointer and keyboard handling work through the transform). */
function fitDesktop() {
  const box = $("device-desktop").querySelector(".device__scroll");
  const screen = $("preview-desktop");
  const natural = screen.offsetWidth;
  const room = box.clientWidth;
  if (natural > room + 0.5 && room > 0) {
    const scale = room / natural;
    screen.style.setProperty("transform", `scale(${scale})`);
    screen.style.setProperty("transform-origin", "0 0");
    box.style.setProperty("height", `${screen.offsetHeight * scale}px`);
  } else {
    screen.style.removeProperty("transform");
    screen.style.removeProperty("transform-origin");
    box.style.removeProperty("height");
  }
  labelDesktop();
}

/** Dims both previews while they show data that is no longer valid (not when the chart only
 * lacks what it shows: its own words say so). */
export function markStale() {
  const stale = !state.good && Boolean(state.shown) && !state.gap;
  for (const id of ["device-phone", "device-desktop"])
    $(id).classList.toggle("device--stale", stale);
  $("stale-note").hidden = !stale;
  labelDesktop();
}

/** Fits the desktop preview now and whenever it or its frame changes size. */
export function watchPreviews() {
  const fit = new ResizeObserver(() => fitDesktop());
  fit.observe($("preview-desktop"));
  fit.observe($("device-desktop").querySelector(".device__scroll"));
  fitDesktop();
}

/** The switch between the phone and the desktop preview. */
export function wirePreviews() {
  for (const input of document.querySelectorAll('input[name="device"]')) {
    input.addEventListener("change", (e) => {
      $("previews").dataset.device = e.target.value;
    });
  }
}
