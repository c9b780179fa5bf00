// Where a JSON path ("records[3].plan") is in a JSON text, so the editor page can select the
// spot an error names. Pure: no DOM. A lenient scanner (it never throws): on text that is not
// valid JSON it finds what it can.

/** "records[3].plan" → ["records", 3, "plan"]. */
export function pathSegments(path) {
  const out = [];
  for (const m of String(path).matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  }
  return out;
}

/** Line and column (both from 1) of an offset. */
export function lineColumn(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return { line, column };
}

/** The offset of a line and column (both from 1), clamped to the text. */
export function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + Math.max(column - 1, 0), text.length);
}

/**
 * The span { start, end, line, column } of the value at `path` in `text`, or of its deepest
 * ancestor that exists (a missing field points at its object). The whole text for "".
 */
export function locateJson(text, path) {
  const want = pathSegments(path);
  let i = 0;
  let best = null; // { depth, start, end }

  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const string = () => {
    const start = i;
    i++; // opening quote
    let value = "";
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") {
        const next = text[i + 1];
        const simple = {
          n: "\n",
          t: "\t",
          r: "\r",
          b: "\b",
          f: "\f",
          '"': '"',
          "\\": "\\",
          "/": "/",
        };
        if (next === "u") {
          value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16) || 0);
          i += 6;
        } else {
          value += simple[next] ?? next ?? "";
          i += 2;
        }
      } else {
        value += text[i++];
      }
    }
    i++; // closing quote
    return { start, value };
  };
  // Scans one value; `trail` is its path so far, `matches` whether it is on the wanted path.
  const value = (depth, matches) => {
    ws();
    const start = i;
    const ch = text[i];
    if (ch === "{") {
      i++;
      for (;;) {
        ws();
        if (text[i] === "}" || i >= text.length) {
          i++;
          break;
        }
        if (text[i] !== '"') {
          i++;
          continue;
        }
        const key = string().value;
        ws();
        if (text[i] === ":") i++;
        value(depth + 1, matches && want[depth] === key);
        ws();
        if (text[i] === ",") i++;
        else if (text[i] !== "}" && i < text.length) i++;
      }
    } else if (ch === "[") {
      i++;
      for (let n = 0; ; n++) {
        ws();
        if (text[i] === "]" || i >= text.length) {
          i++;
          break;
        }
        const before = i;
        value(depth + 1, matches && want[depth] === n);
        ws();
        if (text[i] === ",") i++;
        else if (text[i] !== "]" && i === before) i++;
      }
    } else if (ch === '"') {
      string();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
      if (i === start) i++;
    }
    if (matches && (!best || depth > best.depth))
      best = { depth, start, end: Math.min(i, text.length) };
  };

  value(0, true);
  if (!best) best = { depth: 0, start: 0, end: text.length };
  // Trailing whitespace is not part of a value.
  let end = best.end;
  while (end > best.start && /\s/.test(text[end - 1])) end--;
  return { start: best.start, end, ...lineColumn(text, best.start) };
}
