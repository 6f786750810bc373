//! A small Python line tokenizer for highlighting: keywords, constants, builtins, `self`, strings (with
//! prefixes, escapes and triple quotes spanning lines), numbers, comments, decorators, and the names after
//! `def` / `class`.
//!
//! It is line-based: [`highlight_line`] takes the state at the start of a line (inside a triple-quoted
//! string or not) and returns the state at its end, so a renderer can start anywhere once it knows the
//! state of the lines above ([`state_at`]).

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Keyword,
    Constant,
    Builtin,
    SelfParam,
    String,
    Number,
    Comment,
    Decorator,
    Definition,
}

/// Characters `start..end` of a line are a `kind` token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

/// Tokenizer state between lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LineState {
    #[default]
    Code,
    /// Inside a triple-quoted string opened with this quote character.
    Triple(char),
}

const KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "case", "class", "continue", "def", "del", "elif", "else",
    "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "match", "nonlocal", "not",
    "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

const CONSTANTS: &[&str] = &["True", "False", "None", "NotImplemented", "Ellipsis", "__name__"];

const BUILTINS: &[&str] = &[
    "abs",
    "all",
    "any",
    "bin",
    "bool",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "map",
    "max",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
    "Exception",
    "ValueError",
    "KeyError",
    "IndexError",
    "TypeError",
    "StopIteration",
    "RuntimeError",
    "NotImplementedError",
    "AssertionError",
    "ZeroDivisionError",
    "AttributeError",
    "ArithmeticError",
    "OverflowError",
    "RecursionError",
];

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// End (exclusive) of a triple quote closing at or after `from`.
fn triple_end(line: &[char], from: usize, q: char) -> Option<usize> {
    let mut j = from;
    while j < line.len() {
        if line[j] == '\\' {
            j += 2;
            continue;
        }
        if line[j] == q && line.get(j + 1) == Some(&q) && line.get(j + 2) == Some(&q) {
            return Some(j + 3);
        }
        j += 1;
    }
    None
}

/// Highlights one line into `out` (appending) and returns the state for the next line.
pub fn highlight_line(line: &[char], state: LineState, out: &mut Vec<Span>) -> LineState {
    let n = line.len();
    let mut push = |start: usize, end: usize, kind: TokenKind| {
        if end > start {
            out.push(Span { start, end, kind });
        }
    };
    let mut i = 0;
    if let LineState::Triple(q) = state {
        match triple_end(line, 0, q) {
            Some(e) => {
                push(0, e, TokenKind::String);
                i = e;
            }
            None => {
                push(0, n, TokenKind::String);
                return state;
            }
        }
    }
    let first = line.iter().position(|c| !c.is_whitespace()).unwrap_or(n);
    let mut after_def = false;
    while i < n {
        let c = line[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == '#' {
            push(i, n, TokenKind::Comment);
            break;
        }
        if c == '@' && i == first {
            let mut j = i + 1;
            while j < n && (is_ident(line[j]) || line[j] == '.') {
                j += 1;
            }
            push(i, j, TokenKind::Decorator);
            i = j;
            continue;
        }
        let mut quote_at = None;
        if is_ident_start(c) {
            let mut j = i;
            while j < n && is_ident(line[j]) {
                j += 1;
            }
            let word: String = line[i..j].iter().collect();
            let is_prefix = word.len() <= 2 && word.chars().all(|p| "rRbBuUfF".contains(p));
            if is_prefix && j < n && (line[j] == '"' || line[j] == '\'') {
                quote_at = Some(j);
            } else {
                let kind = if after_def {
                    Some(TokenKind::Definition)
                } else if KEYWORDS.contains(&word.as_str()) {
                    Some(TokenKind::Keyword)
                } else if CONSTANTS.contains(&word.as_str()) {
                    Some(TokenKind::Constant)
                } else if word == "self" || word == "cls" {
                    Some(TokenKind::SelfParam)
                } else if BUILTINS.contains(&word.as_str()) && line.get(i.wrapping_sub(1)) != Some(&'.') {
                    Some(TokenKind::Builtin)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    push(i, j, kind);
                }
                after_def = word == "def" || word == "class";
                i = j;
                continue;
            }
        }
        if c == '"' || c == '\'' {
            quote_at = Some(i);
        }
        if let Some(qi) = quote_at {
            let q = line[qi];
            if line.get(qi + 1) == Some(&q) && line.get(qi + 2) == Some(&q) {
                match triple_end(line, qi + 3, q) {
                    Some(e) => {
                        push(i, e, TokenKind::String);
                        i = e;
                    }
                    None => {
                        push(i, n, TokenKind::String);
                        return LineState::Triple(q);
                    }
                }
            } else {
                let mut j = qi + 1;
                while j < n {
                    if line[j] == '\\' {
                        j += 2;
                        continue;
                    }
                    j += 1;
                    if line[j - 1] == q {
                        break;
                    }
                }
                let e = j.min(n);
                push(i, e, TokenKind::String);
                i = e;
            }
            after_def = false;
            continue;
        }
        if c.is_ascii_digit() || (c == '.' && line.get(i + 1).is_some_and(char::is_ascii_digit)) {
            let mut j = i + 1;
            while j < n {
                let d = line[j];
                let exp_sign = (d == '+' || d == '-') && matches!(line[j - 1], 'e' | 'E') && !line[i..j].contains(&'x');
                if d.is_ascii_alphanumeric() || d == '_' || d == '.' || exp_sign {
                    j += 1;
                } else {
                    break;
                }
            }
            push(i, j, TokenKind::Number);
            i = j;
            after_def = false;
            continue;
        }
        after_def = false;
        i += 1;
    }
    LineState::Code
}

/// The state at the start of line `row`, by scanning the lines above it.
pub fn state_at(lines: &[Vec<char>], row: usize) -> LineState {
    let mut state = LineState::Code;
    let mut scratch = Vec::new();
    for line in lines.iter().take(row) {
        // Lines without quotes cannot change the state: skip the tokenizer for them.
        if state == LineState::Code && !line.iter().any(|c| *c == '"' || *c == '\'') {
            continue;
        }
        scratch.clear();
        state = highlight_line(line, state, &mut scratch);
    }
    state
}
