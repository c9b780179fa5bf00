// The provinces since the 2025 merger, as the editor offers them (editor.html): which former
// provinces the data names, which written names the regrouping adds up under each of today's
// units and from which rows of the pasted table, and what the package's warnings about names
// say, in the journalist's words. Pure: no DOM; the analyses come from the package
// (`analyze(data, { regions: "2025" }).regions`, README "Provinces").

/** Text as the package compares it: trimmed, NFC. */
const same = (text) => String(text ?? "").trim().normalize("NFC");

/** Whether a chart of `kind` (with the "Chia theo" choice `by`) is split by province: the one
 * where former provinces beside today's show most. */
export function showsRegions(kind, by) {
  if (kind === "regions") return !by || by === "region";
  return by === "region" && ["plan-actual", "leverage", "categories"].includes(kind);
}

/**
 * The groups a regrouping combined across the merger, from the `regions` of an analysis with
 * `regions: "2025"`: those that hold a former province under another name (Hà Giang under
 * Tuyên Quang), each with every written name it adds up, and, given the table's records and
 * `recordRows` (recordRows[i] = the row records[i] came from), the rows each was written in.
 * A group that only spells one unit several ways ("TP.HCM", "Thành phố Hồ Chí Minh") is left
 * out: the names were one region before the regrouping too.
 *
 * Returns [{ key, from: [{ text, name, records, first, rows, moved }] }] where `rows` are row
 * indexes (sorted, [] without a table) and `moved` says the name is not the group's own.
 */
export function combinedGroups(regions, { records = [], recordRows = null } = {}) {
  const groups = (regions?.combined ?? []).filter((g) => g.from.some((f) => f.name !== g.key));
  const rows = recordRows ? rowsByText(groups, records, recordRows) : null;
  return groups.map((g) => ({
    key: g.key,
    from: g.from.map((f) => {
      const found = rows?.get(same(f.text)) ?? new Set();
      if (rows && found.size === 0 && recordRows[f.first] !== undefined) found.add(recordRows[f.first]);
      return { ...f, moved: f.name !== g.key, rows: [...found].sort((a, b) => a - b) };
    }),
  }));
}

/** The rows of the records that carry each written name of `groups`, in one pass over the
 * records (each distinct text folded once: a table of 100 000 rows has a few dozen names). */
function rowsByText(groups, records, recordRows) {
  const rows = new Map();
  for (const g of groups) for (const f of g.from) rows.set(same(f.text), new Set());
  const folded = new Map();
  records.forEach((r, i) => {
    if (!r || typeof r.region !== "string" || recordRows[i] === undefined) return;
    if (!folded.has(r.region)) folded.set(r.region, same(r.region));
    rows.get(folded.get(r.region))?.add(recordRows[i]);
  });
  return rows;
}

/** Row indexes as the grid numbers them (index + 1), runs joined: [2, 3, 4, 8] → "3–5, 9". */
export function rowSpans(rows) {
  const out = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    out.push(j > i ? `${rows[i] + 1}–${rows[j] + 1}` : `${rows[i] + 1}`);
    i = j;
  }
  return out.join(", ");
}

/** Today's unit of each province name the regrouping moved: "Hà Giang" → "Tuyên Quang". */
export function unitsOf(regions) {
  const units = new Map();
  for (const g of regions?.combined ?? []) {
    for (const f of g.from) if (f.name !== g.key && !units.has(f.name)) units.set(f.name, g.key);
  }
  return units;
}

/** The two names a possible_province warning quotes: { written, suggestion } (null when its
 * message is not what the package writes). */
export function suggestionOf(message) {
  const quoted = [...String(message ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  return quoted.length >= 2 ? { written: quoted[0], suggestion: quoted[1] } : null;
}

/** The index of the record a warning's path names ("records[4].region" → 4), or -1. */
export function recordOf(path) {
  const m = /^records\[(\d+)\]/.exec(path ?? "");
  return m ? Number(m[1]) : -1;
}

/**
 * What a warning about a province name says to the journalist: the parameters of the page's
 * sentence (editor-i18n-regions.js, "province.<code>"), or null to keep the package's own.
 * `data` is the data analysed, `today` the `regions` of its analysis with `regions: "2025"`
 * (where each written name meets its province and today's unit), `applied` whether the
 * figures are added up by today's units.
 */
export function provinceNote(warning, { data, today, applied }) {
  if (warning.code === "possible_province") {
    const names = suggestionOf(warning.message);
    return names ? { code: warning.code, ...names } : null;
  }
  if (warning.code === "former_province") {
    const record = data?.records?.[recordOf(warning.path)];
    const written = typeof record?.region === "string" ? same(record.region) : null;
    let found = null;
    for (const g of today?.combined ?? []) {
      const f = g.from.find((x) => same(x.text) === written && x.name !== g.key);
      if (f) found = { name: f.name, unit: g.key };
      if (found) break;
    }
    if (!written || !found) return null;
    return { code: warning.code, written, ...found, year: record.year ?? null, applied };
  }
  return null;
}

/** A list of names for a sentence, the first `max` of them and how many more. */
export function someNames(names, max = 6) {
  const list = Array.isArray(names) ? names : [];
  return { shown: list.slice(0, max), more: Math.max(0, list.length - max) };
}
