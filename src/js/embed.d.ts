// Types of khuyencong-charts/embed: the <khuyencong-chart> element and [data-khuyencong].
import type { ChartHandle, KhuyenCongError } from "./index.js";

/** The chart shown in a <khuyencong-chart> or [data-khuyencong] element, or null. */
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
