//! The Rust source reader of `tests/layers.rs`: [`code_only`] blanks out comments and string
//! and character literals, [`tokens`] splits the code into identifiers, `::` and punctuation, and
//! [`paths_at`] reads the paths a path expression or a `use` tree names, groups expanded.
//! Included by `tests/layers.rs` with `mod`; not a test target of its own.

/// The source with comments, string and character literals blanked out (lifetimes kept), so
/// that only code is scanned.
pub fn code_only(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    while i < c.len() {
        let at = |k: usize| c.get(k).copied().unwrap_or('\0');
        let starts_word = i == 0 || !ident(at(i - 1));
        if at(i) == '/' && at(i + 1) == '/' {
            while i < c.len() && at(i) != '\n' {
                i += 1;
            }
        } else if at(i) == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if at(i) == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if starts_word && (at(i) == 'r' || (at(i) == 'b' && at(i + 1) == 'r')) && {
            let mut k = i + if at(i) == 'b' { 2 } else { 1 };
            while at(k) == '#' {
                k += 1;
            }
            at(k) == '"'
        } {
            // A raw string: r"…", r#"…"#, br"…".
            i += if at(i) == 'b' { 2 } else { 1 };
            let mut hashes = 0;
            while at(i) == '#' {
                hashes += 1;
                i += 1;
            }
            i += 1;
            loop {
                if i >= c.len() {
                    break;
                }
                if at(i) == '"' && (1..=hashes).all(|h| at(i + h) == '#') {
                    i += 1 + hashes;
                    break;
                }
                i += 1;
            }
            out.push_str("\"\"");
        } else if at(i) == '"' {
            i += 1;
            while i < c.len() && at(i) != '"' {
                i += if at(i) == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if at(i) == '\'' && (at(i + 1) == '\\' || (at(i + 2) == '\'' && at(i + 1) != '\'')) {
            // A character literal ('x', '\n', '\u{301}'), not a lifetime ('a).
            i += 1;
            while i < c.len() && at(i) != '\'' {
                i += if at(i) == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(at(i));
            i += 1;
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Ident(String),
    Path, // ::
    Open,
    Close,
    Comma,
    Semi,
    Other(char),
}

pub fn tokens(code: &str) -> Vec<Token> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch.is_alphabetic() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push(Token::Ident(c[start..i].iter().collect()));
            continue;
        }
        if ch == ':' && c.get(i + 1) == Some(&':') {
            out.push(Token::Path);
            i += 2;
            continue;
        }
        if !ch.is_whitespace() {
            out.push(match ch {
                '{' => Token::Open,
                '}' => Token::Close,
                ',' => Token::Comma,
                ';' => Token::Semi,
                other => Token::Other(other),
            });
        }
        i += 1;
    }
    out
}

/// The paths a path expression or `use` tree starting at `t[i]` names (groups expanded), each as
/// its segments; and the index after it.
pub fn paths_at(t: &[Token], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    loop {
        match t.get(i) {
            Some(Token::Ident(s)) => {
                prefix.push(s.clone());
                i += 1;
            }
            Some(Token::Other('*')) => return (vec![prefix], i + 1),
            Some(Token::Open) => {
                // A `use` group: each member is a path under the prefix.
                i += 1;
                let mut all = Vec::new();
                while !matches!(t.get(i), Some(Token::Close) | None) {
                    let (inner, next) = paths_at(t, i);
                    for p in inner {
                        let mut full = prefix.clone();
                        full.extend(p.into_iter().filter(|s| s != "self"));
                        all.push(full);
                    }
                    i = next;
                    while !matches!(t.get(i), Some(Token::Comma | Token::Close) | None) {
                        i += 1; // `as` renames
                    }
                    if matches!(t.get(i), Some(Token::Comma)) {
                        i += 1;
                    }
                }
                return (all, i + 1);
            }
            _ => return (vec![prefix], i),
        }
        if matches!(t.get(i), Some(Token::Path)) {
            i += 1;
        } else {
            return (vec![prefix], i);
        }
    }
}
