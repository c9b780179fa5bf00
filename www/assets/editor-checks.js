// Whether the chosen kind of chart has something to say with the data: the editor offers the
// embed code only then, and otherwise says what the table lacks, in the journalist's words
// (editor-i18n.js, "gap.*"). Pure: it reads the package's analysis, nothing else.
//
// A chart says something when it has the figures it is about, for at least two of the things
// it compares (a donut of one source, bars of one province or one year are only the total):
// - summary: the total spent (or planned);
// - sources: spending of two sources or more;
// - plan-actual: a plan (with the spending, when there is any);
// - regions, trend, categories: spending (a plan too, for years) of two places, years or
//   activities or more, or of what "Chia theo" chose;
// - leverage: counterpart capital and the spending it is compared with.

const DIMENSION_OF = {
  source: "bySource",
  region: "byRegion",
  year: "byYear",
  category: "byCategory",
};

const has = (figure, ...measures) =>
  measures.some((m) => figure?.[m] !== null && figure?.[m] !== undefined);

/** Groups of a dimension that carry one of `measures`. */
const groupsWith = (analysis, by, ...measures) =>
  (analysis[DIMENSION_OF[by]] ?? []).filter((g) => has(g, ...measures));

/**
 * What the chart of `kind` lacks with this analysis: null when it has what it shows, else
 * `{ code, by?, missing? }` (code: "no_actual", "one_source", "no_plan", "few_groups",
 * "no_counterpart"). `by` is the "Chia theo" choice (undefined for the kind's default);
 * `missing` names sources without a figure, `left` the rows an answer about the table left
 * out, from the table's readings, for the message.
 */
export function chartGap(kind, by, analysis, { missing = [], left = [] } = {}) {
  const total = analysis.total;
  switch (kind) {
    case "summary":
      return has(total, "actual", "plan") ? null : { code: "no_actual" };
    case "sources":
      if (!has(total, "actual")) return { code: "no_actual" };
      if (groupsWith(analysis, "source", "actual").length >= 2) return null;
      return { code: "one_source", missing, ...(left.length > 0 && { left }) };
    case "plan-actual":
      // A plan alone says something (a plan announced before the year); spending alone does
      // not, under this heading.
      if (!has(total, "plan")) return { code: "no_plan" };
      if (by && groupsWith(analysis, by, "plan", "actual").length < 2) {
        return { code: "few_groups", by };
      }
      return null;
    case "regions":
    case "categories":
    case "trend": {
      const dim = by ?? { regions: "region", categories: "category", trend: "year" }[kind];
      if (!has(total, "actual") && !(kind === "trend" && has(total, "plan"))) {
        return { code: "no_actual" };
      }
      const measures = kind === "trend" ? ["actual", "plan"] : ["actual"];
      const enough = groupsWith(analysis, dim, ...measures).length >= 2;
      return enough ? null : { code: "few_groups", by: dim };
    }
    case "leverage":
      if (!has(total, "counterpart")) return { code: "no_counterpart" };
      if (!has(total, "actual")) return { code: "no_actual" };
      if (by && groupsWith(analysis, by, "counterpart").length < 1) {
        return { code: "few_groups", by };
      }
      return null;
    default:
      return null;
  }
}
