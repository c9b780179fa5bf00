//! The crate's layering, checked: every module of `src/` belongs to one layer of [`LAYERS`], and
//! may use modules of its own layer and the layers below it, never one above. So data and
//! imports run the same way (JSON in, exact figures, text, layout, paint, the browser shell),
//! and the core can be read, tested and changed without the shell.
//!
//! The check reads the sources: every path that starts with `crate::`, `super::` or the name of
//! a child module (`kinds::layout` in `chart/mod.rs`), `use` groups expanded, comments and
//! string literals left out, is resolved to the module file it names. Test modules inside a
//! file count too. It also checks that no two top-level modules use each other (directly or
//! round a longer circle), and that only the host's web side and the shell name the crates that
//! talk to the JavaScript engine.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

#[path = "support/imports.rs"]
mod imports;
use imports::{code_only, paths_at, tokens, Token};

/// The layers, lowest first: a module's layer is that of the longest entry its path starts with
/// (`chart::paint` is painting, `chart::bars` is layout); `crate` is the crate root, `lib.rs`.
const LAYERS: &[(&str, &[&str])] = &[
    // What the platform answers: Unicode tables, float text, trigonometry (the JavaScript engine
    // in the browser, std natively).
    ("host", &["host"]),
    // The types every layer shares: errors and warnings as data, the language, the limits, and
    // Unicode questions answered for Vietnamese without tables.
    (
        "vocabulary",
        &["limits", "locale", "error", "warning", "unicode"],
    ),
    // The leaves of the work: the strict JSON reader and writer; exact decimal arithmetic and
    // reading an amount's text.
    ("reading and exact arithmetic", &["json", "exact"]),
    // Validated input: the schema, the options, the provinces.
    ("validated input", &["model", "options", "regions"]),
    ("analysis", &["compute"]),
    // Text for people: number formats, the sentences of errors and warnings, the analysis as
    // JSON with its display strings.
    ("text", &["format", "messages", "output"]),
    // What to draw: a `Spec` in CSS pixels, the accessible description.
    ("chart layout", &["chart"]),
    // Drawing a spec on a surface, and the exports made from it.
    ("painting and export", &["chart::paint", "chart::export"]),
    // wasm-bindgen exports, the canvas, JS values; and the crate root's re-exports and
    // one-call entry points.
    ("browser shell", &["web", "crate"]),
];

/// The crates that talk to the JavaScript engine, and the only modules that may name them.
const ENGINE_CRATES: &[&str] = &["wasm_bindgen", "js_sys", "web_sys"];
const ENGINE_MODULES: &[&str] = &["host::web", "web"];

/// A module's path (`crate`, `chart::paint`) and its source.
type Sources = BTreeMap<String, String>;

fn read_sources() -> Sources {
    fn walk(dir: &Path, prefix: &[String], out: &mut Sources) {
        let mut entries: Vec<_> = fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                let mut p = prefix.to_vec();
                p.push(name);
                walk(&path, &p, out);
            } else if let Some(stem) = name.strip_suffix(".rs") {
                let mut p = prefix.to_vec();
                if !matches!(stem, "mod" | "lib") {
                    p.push(stem.to_string());
                }
                let module = if p.is_empty() {
                    "crate".to_string()
                } else {
                    p.join("::")
                };
                out.insert(module, fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut out = Sources::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &[],
        &mut out,
    );
    out
}

/// The file a module is written in, for messages.
fn file_of(module: &str, sources: &Sources) -> String {
    if module == "crate" {
        return "src/lib.rs".into();
    }
    let dir = format!("{module}::");
    let is_dir = sources.keys().any(|m| m.starts_with(&dir));
    let path = module.replace("::", "/");
    if is_dir {
        format!("src/{path}/mod.rs")
    } else {
        format!("src/{path}.rs")
    }
}

/// The index in [`LAYERS`] of `module`'s layer, if any.
fn layer_of(module: &str) -> Option<usize> {
    let segments = |s: &str| s.split("::").count();
    LAYERS
        .iter()
        .enumerate()
        .flat_map(|(i, (_, prefixes))| prefixes.iter().map(move |p| (i, *p)))
        .filter(|(_, p)| {
            if *p == "crate" {
                module == "crate"
            } else {
                module == *p || module.starts_with(&format!("{p}::"))
            }
        })
        .max_by_key(|(_, p)| segments(p))
        .map(|(i, _)| i)
}

/// The module of `path` (absolute segments, after `crate`): the longest prefix that is a module.
fn module_of(path: &[String], modules: &BTreeSet<String>) -> String {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| modules.contains(m))
        .unwrap_or_else(|| "crate".to_string())
}

/// Every module that the code of `module` (its file, `src`) refers to, with the first text
/// that does, and every name of [`ENGINE_CRATES`] it uses.
fn references(
    module: &str,
    src: &str,
    modules: &BTreeSet<String>,
) -> (BTreeMap<String, String>, BTreeSet<String>) {
    let t = tokens(&code_only(src));
    let own: Vec<String> = if module == "crate" {
        Vec::new()
    } else {
        module.split("::").map(String::from).collect()
    };
    // Inline modules (`mod tests { … }`) open inside the file: (name, brace depth).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut found = BTreeMap::new();
    let mut engine = BTreeSet::new();
    let mut i = 0;
    while i < t.len() {
        let here: Vec<String> = own
            .iter()
            .cloned()
            .chain(inline.iter().map(|(n, _)| n.clone()))
            .collect();
        let after_path = i > 0 && matches!(t[i - 1], Token::Path);
        match &t[i] {
            Token::Open => depth += 1,
            Token::Close => {
                depth -= 1;
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            Token::Ident(kw) if kw == "mod" => {
                if let (Some(Token::Ident(name)), Some(Token::Open)) = (t.get(i + 1), t.get(i + 2))
                {
                    inline.push((name.clone(), depth));
                    depth += 1;
                    i += 3;
                    continue;
                }
                // `mod name;` declares a child: not a use of it.
                i += 3;
                continue;
            }
            Token::Ident(name) if !after_path && matches!(t.get(i + 1), Some(Token::Path)) => {
                if ENGINE_CRATES.contains(&name.as_str()) {
                    engine.insert(name.clone());
                }
                let base: Option<Vec<String>> = match name.as_str() {
                    "crate" => Some(Vec::new()),
                    "super" => {
                        let mut base = here.clone();
                        let mut k = i;
                        while matches!(t.get(k), Some(Token::Ident(s)) if s == "super")
                            && matches!(t.get(k + 1), Some(Token::Path))
                        {
                            base.pop();
                            k += 2;
                        }
                        i = k - 2; // the last `super`
                        Some(base)
                    }
                    "self" => None,
                    child => {
                        // A path relative to this module: only its child modules are of
                        // interest (std, rust_decimal and local names are not modules here).
                        let mut p = here.clone();
                        p.push(child.to_string());
                        modules.contains(&p.join("::")).then_some(here.clone())
                    }
                };
                if let Some(base) = base {
                    let start = if matches!(name.as_str(), "crate" | "super") {
                        i + 2
                    } else {
                        i
                    };
                    let (paths, next) = paths_at(&t, start);
                    for p in paths {
                        let mut full = base.clone();
                        full.extend(p);
                        let target = module_of(&full, modules);
                        let text = if full.is_empty() {
                            "crate".to_string()
                        } else {
                            format!("crate::{}", full.join("::"))
                        };
                        found.entry(target).or_insert(text);
                    }
                    i = next;
                    continue;
                }
            }
            Token::Ident(name) if ENGINE_CRATES.contains(&name.as_str()) && !after_path => {
                engine.insert(name.clone());
            }
            _ => {}
        }
        i += 1;
    }
    found.remove(module);
    (found, engine)
}

/// What is wrong with the layering of `sources`, one line each.
fn violations(sources: &Sources) -> Vec<String> {
    let modules: BTreeSet<String> = sources.keys().cloned().collect();
    let mut out = Vec::new();
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let top_of = |m: &str| m.split("::").next().unwrap_or(m).to_string();
    for (module, src) in sources {
        let file = file_of(module, sources);
        let Some(layer) = layer_of(module) else {
            out.push(format!(
                "{file}: module `{module}` is in no layer; add it to LAYERS in tests/layers.rs"
            ));
            continue;
        };
        let (refs, engine) = references(module, src, &modules);
        for (target, text) in &refs {
            let Some(their) = layer_of(target) else {
                continue; // reported for its own file
            };
            if their > layer {
                out.push(format!(
                    "{file} ({}) uses `{text}` ({}), a layer above it",
                    LAYERS[layer].0, LAYERS[their].0
                ));
            }
            if module != "crate" && top_of(target) != top_of(module) {
                top.entry(top_of(module))
                    .or_default()
                    .insert(top_of(target));
            }
        }
        let may_name_engine = ENGINE_MODULES
            .iter()
            .any(|m| module == m || module.starts_with(&format!("{m}::")));
        for name in engine {
            if !may_name_engine {
                out.push(format!(
                    "{file} names `{name}`: only {ENGINE_MODULES:?} talk to the JavaScript engine"
                ));
            }
        }
    }
    // Circles between top-level modules (within a layer: across layers the rule above already
    // forbids them): each group of modules that reach one another.
    for group in circles(&top) {
        out.push(format!(
            "modules use each other: {}",
            group.into_iter().collect::<Vec<_>>().join(", ")
        ));
    }
    out
}

/// The strongly connected groups of more than one module of `graph` (Tarjan's algorithm).
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<BTreeSet<String>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, (usize, usize)>,
        stack: Vec<&'a str>,
        out: Vec<BTreeSet<String>>,
    }
    fn visit<'a>(w: &mut Walk<'a>, m: &'a str) {
        let n = w.index.len();
        w.index.insert(m, (n, n));
        w.stack.push(m);
        for next in w.graph.get(m).into_iter().flatten() {
            let next = next.as_str();
            if !w.index.contains_key(next) {
                visit(w, next);
                let low = w.index[next].1.min(w.index[m].1);
                w.index.get_mut(m).unwrap().1 = low;
            } else if w.stack.contains(&next) {
                let low = w.index[next].0.min(w.index[m].1);
                w.index.get_mut(m).unwrap().1 = low;
            }
        }
        if w.index[m].0 == w.index[m].1 {
            let mut group = BTreeSet::new();
            while let Some(top) = w.stack.pop() {
                group.insert(top.to_string());
                if top == m {
                    break;
                }
            }
            if group.len() > 1 {
                w.out.push(group);
            }
        }
    }
    let mut w = Walk {
        graph,
        index: BTreeMap::new(),
        stack: Vec::new(),
        out: Vec::new(),
    };
    for m in graph.keys() {
        if !w.index.contains_key(m.as_str()) {
            visit(&mut w, m);
        }
    }
    w.out
}

#[test]
fn imports_run_down_the_layers() {
    let sources = read_sources();
    assert!(sources.len() > 30, "read {} modules", sources.len());
    let problems = violations(&sources);
    assert!(
        problems.is_empty(),
        "the layering is broken:\n  {}",
        problems.join("\n  ")
    );
}

/// The scanner sees the references it must: if it found nothing, the test above would pass on
/// anything.
#[test]
fn the_scanner_sees_real_imports() {
    let sources = read_sources();
    let modules: BTreeSet<String> = sources.keys().cloned().collect();
    for (module, expected) in [
        ("compute", "model"),           // use crate::model::{…}
        ("chart::bars", "chart::axis"), // use super::axis::…
        ("chart", "chart::kinds"),      // kinds::layout(…), a child
        ("unicode", "host"),            // host::nfc through `use crate::host`
        ("web::chart", "web::canvas"),  // use super::canvas::…
        ("messages::errors", "format"),
        ("crate", "output"), // output::to_json(…), a child of the root
    ] {
        let (refs, _) = references(module, &sources[module], &modules);
        assert!(
            refs.contains_key(expected),
            "{module} should use {expected}; found {:?}",
            refs.keys().collect::<Vec<_>>()
        );
    }
}

/// The check fails where it should: an import that goes up, a circle, an unplaced module, the
/// engine named in the core; and it is not fooled by comments, strings or test modules.
#[test]
fn the_check_fails_where_it_should() {
    let mut sources = Sources::new();
    let add = |s: &mut Sources, m: &str, src: &str| {
        s.insert(m.to_string(), src.to_string());
    };
    add(&mut sources, "crate", "pub mod exact; pub mod web;");
    add(&mut sources, "web", "use crate::exact::round;");
    add(&mut sources, "exact", "/// See crate::web.\nfn f() -> &'static str { \"crate::web\" }\nfn g<'a>(c: char) -> bool { c == '\"' }\n#[cfg(test)]\nmod tests { use super::*; }");
    assert_eq!(violations(&sources), Vec::<String>::new());

    add(
        &mut sources,
        "exact",
        "use crate::{error::Error, web::{self, Chart}};",
    );
    add(&mut sources, "error", "");
    let v = violations(&sources);
    assert!(
        v.iter()
            .any(|l| l.contains("src/exact.rs") && l.contains("crate::web")),
        "{v:?}"
    );

    add(&mut sources, "exact", "pub fn f() {}");
    add(&mut sources, "error", "use crate::json::Value;");
    add(
        &mut sources,
        "json",
        "use crate::error::Error; use super::exact::f;",
    );
    let v = violations(&sources);
    assert!(v.iter().any(|l| l.contains("src/error.rs")), "{v:?}");

    add(&mut sources, "error", "");
    add(&mut sources, "json", "use crate::exact::f;");
    add(&mut sources, "exact", "use crate::json::Value;");
    let v = violations(&sources);
    assert!(
        v.iter().any(|l| l.starts_with("modules use each other")),
        "{v:?}"
    );

    add(&mut sources, "json", "");
    add(
        &mut sources,
        "exact",
        "fn f() -> f64 { js_sys::Math::sin(1.0) }",
    );
    let v = violations(&sources);
    assert!(v.iter().any(|l| l.contains("names `js_sys`")), "{v:?}");

    add(&mut sources, "exact", "");
    add(&mut sources, "gadgets", "");
    let v = violations(&sources);
    assert!(
        v.iter().any(|l| l.contains("`gadgets` is in no layer")),
        "{v:?}"
    );

    // A relative path to a child module counts; `super` in a file's test module is the file.
    let mut sources = Sources::new();
    add(&mut sources, "crate", "");
    add(&mut sources, "chart", "mod paint; fn f() { paint::all(); }");
    add(
        &mut sources,
        "chart::paint",
        "fn all() {} #[cfg(test)] mod tests { use super::all; }",
    );
    let v = violations(&sources);
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].contains("src/chart/mod.rs") && v[0].contains("crate::chart::paint::all"));
}
