// Types of khuyencong-charts/embed: the <khuyencong-chart> element and [data-khuyencong].
import type { ChartHandle, KhuyenCongError } from "./index.js";

/**
 * The chart shown in a `<khuyencong-chart>` or `[data-khuyencong]` element, or null (not drawn
 * yet, failed, or not an embed). A `<khuyencong-chart>` also has it as its `chart` property.
 * @example
 * import { chartOf } from "khuyencong-charts/embed";
 * document.addEventListener("khuyencong-chart:ready", (e) => {
 *   console.log(chartOf(e.target as Element)?.view().title);
 * });
 */
export function chartOf(element: Element): ChartHandle | null;

declare global {
  interface HTMLElementTagNameMap {
    "khuyencong-chart": HTMLElement & { readonly chart: ChartHandle | null };
  }
  interface HTMLElementEventMap {
    "khuyencong-chart:ready": CustomEvent<{ chart: ChartHandle }>;
    "khuyencong-chart:error": CustomEvent<{ error: KhuyenCongError }>;
  }
}
