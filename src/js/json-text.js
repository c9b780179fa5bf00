// The data and options as the JSON text the wasm reads, within the input limit.
import { KhuyenCongError } from "./core.js";
import { MAX_INPUT_BYTES } from "./rust-constants.js";

const MEGABYTES = MAX_INPUT_BYTES / (1024 * 1024);

const MESSAGES = {
  too_large: {
    vi: `Dữ liệu: dữ liệu quá lớn (tối đa ${MEGABYTES} MB).`,
    en: `Data: the data is too large (at most ${MEGABYTES} MB).`,
  },
  invalid_json: {
    vi: "Dữ liệu: không chuyển được thành JSON (có vòng lặp tham chiếu?).",
    en: "Data: cannot be converted to JSON (a circular reference?).",
  },
};

// JSON.stringify would turn NaN and Infinity into null (silently "absent") and throw on
// BigInt; pass them on as text so the validator reports them with their path.
function replacer(_key, value) {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return value.toString();
  return value;
}

/**
 * `text`, or a `too_large` error when it is surely over the limit: a string has at least as
 * many UTF-8 bytes as UTF-16 code units. Refused here, it is never copied into the WebAssembly
 * memory, which grows to hold it and never shrinks.
 */
function withinLimit(text, locale) {
  if (typeof text === "string" && text.length > MAX_INPUT_BYTES) {
    throw new KhuyenCongError(MESSAGES.too_large[locale], "too_large", "");
  }
  return text;
}

/** `value` (an object, or JSON text, passed on) as JSON text; undefined and null pass. */
export function toJson(value, locale) {
  if (value === undefined || value === null) return value;
  if (typeof value === "string") return withinLimit(value, locale);
  let text;
  try {
    text = JSON.stringify(value, replacer);
  } catch (cause) {
    const err = new KhuyenCongError(MESSAGES.invalid_json[locale], "invalid_json", "");
    err.cause = cause;
    throw err;
  }
  return withinLimit(text, locale);
}
