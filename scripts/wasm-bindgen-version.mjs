// The wasm-bindgen version of this build: the one in Cargo.lock, which Cargo.toml pins with "="
// and whose CLI the Makefile installs. The scripts that rewrite wasm-bindgen's output
// (short-imports.mjs, fast-strings.mjs) name it when that output is not what they expect.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const LOCK = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "Cargo.lock");

/** "0.2.130", or "unknown" when Cargo.lock cannot be read. */
export function wasmBindgenVersion(lockText) {
  try {
    const text = lockText ?? readFileSync(LOCK, "utf8");
    return /\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/.exec(text)?.[1] ?? "unknown";
  } catch {
    return "unknown";
  }
}
