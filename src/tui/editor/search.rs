//! Search patterns: vim's "magic" regex syntax translated to Rust `regex`, compiled and held by a
//! `tui_textarea::TextArea` (its search feature owns the `regex` dependency), then run over our lines.
//!
//! Supported vim syntax: `. * [] ^ $` as usual; `\< \>` word boundaries; `\( \) \| \+ \= \? \{n,m}`;
//! `\s \S \d \D \w \W \a \t`; `\c` / `\C` force ignoring / matching case. Everything else is literal
//! (so `/foo(` finds `foo(`). `ignorecase` / `smartcase` apply as in vim.
//!
//! A search may end with an [`Offset`] (`/foo/e+1`, `?foo?s-1`, `/foo/+2`), kept for `n` and `N`. As in vim,
//! a search with an `e` offset compares matches by their last character, and a repeated search first takes
//! a character offset back off the cursor, so `n` after `/foo/s-1` finds the next match, not the same one.

use tui_textarea::TextArea;

use super::buffer::{Buffer, Pos};

/// Translates a vim pattern; returns (regex source, case override: Some(true) = ignore case).
pub(crate) fn translate(pat: &str) -> (String, Option<bool>) {
    let mut out = String::new();
    let mut case = None;
    let mut chars = pat.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        if in_class {
            match c {
                ']' => {
                    in_class = false;
                    out.push(']');
                }
                '\\' => match chars.next() {
                    Some(n) => push_escaped(&mut out, n),
                    None => out.push_str("\\\\"),
                },
                '[' | '&' | '~' | '-' if c != '-' || chars.peek() == Some(&']') => push_escaped(&mut out, c),
                c => out.push(c),
            }
            continue;
        }
        match c {
            '\\' => match chars.next() {
                Some('<') | Some('>') => out.push_str("\\b"),
                Some('(') => out.push('('),
                Some(')') => out.push(')'),
                Some('|') => out.push('|'),
                Some('+') => out.push('+'),
                Some('=') | Some('?') => out.push('?'),
                Some('{') => {
                    out.push('{');
                    for n in chars.by_ref() {
                        if n == '}' {
                            break;
                        }
                        if n != '\\' {
                            out.push(n);
                        }
                    }
                    out.push('}');
                }
                Some(n @ ('s' | 'S' | 'd' | 'D' | 'w' | 'W')) => {
                    out.push('\\');
                    out.push(n);
                }
                Some('a') => out.push_str("[A-Za-z]"),
                Some('t') => out.push_str("\\t"),
                Some('c') => case = Some(true),
                Some('C') => case = Some(false),
                Some(n) => push_escaped(&mut out, n),
                None => out.push_str("\\\\"),
            },
            '[' => {
                in_class = true;
                out.push('[');
                if chars.peek() == Some(&'^') {
                    chars.next();
                    out.push('^');
                }
                if chars.peek() == Some(&']') {
                    chars.next();
                    out.push_str("\\]");
                }
            }
            '*' if out.is_empty() => out.push_str("\\*"),
            '.' | '*' | '^' | '$' => out.push(c),
            c => push_escaped(&mut out, c),
        }
    }
    if in_class {
        // An unclosed `[` is literal in vim.
        return (translate(&pat.replace('[', "\\[")).0, case);
    }
    (out, case)
}

/// Where the cursor lands relative to a match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Offset {
    #[default]
    None,
    /// `+N`, `-N`, `N`: lines below (above) the match, in column 0; linewise for an operator.
    Lines(isize),
    /// `s±N`, `b±N`: characters from the match's start.
    Start(isize),
    /// `e±N`: characters from the match's last character; inclusive for an operator.
    End(isize),
}

impl Offset {
    fn parse(s: &str) -> Offset {
        let num = |t: &str, bare: isize| -> Option<isize> {
            match t {
                "" => Some(bare),
                "+" => Some(1),
                "-" => Some(-1),
                t => t.strip_prefix('+').unwrap_or(t).parse().ok(),
            }
        };
        let parsed = match s.chars().next() {
            None => return Offset::None,
            Some('e') => num(&s[1..], 0).map(Offset::End),
            Some('s' | 'b') => num(&s[1..], 0).map(Offset::Start),
            Some(_) => num(s, 0).map(Offset::Lines),
        };
        parsed.unwrap_or_default()
    }

    /// The characters this offset moves from the match, for taking it back before a repeated search.
    pub fn chars(self) -> isize {
        match self {
            Offset::Start(n) | Offset::End(n) => n,
            _ => 0,
        }
    }
}

/// Splits what was typed after `/` (or `?`, `delim`) into the pattern and its offset: `foo/e+1` gives
/// `("foo", End(1))`, `/e` gives `("", End(0))` (the last pattern with a new offset). `\/` stays in the
/// pattern.
pub(crate) fn split_offset(text: &str, delim: char) -> (String, Offset) {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == delim {
            return (text[..i].to_string(), Offset::parse(&text[i + c.len_utf8()..]));
        }
    }
    (text.to_string(), Offset::None)
}

fn push_escaped(out: &mut String, c: char) {
    if "\\.+*?()|[]{}^$#&-~".contains(c) {
        out.push('\\');
    }
    out.push(c);
}

/// The active search: the pattern as typed and its compiled form.
pub(crate) struct Search {
    pub pattern: Option<String>,
    pub forward: bool,
    /// Matches are highlighted until `:noh`.
    pub highlight: bool,
    /// The offset of the last `/` or `?`, used by `n` and `N`.
    pub offset: Offset,
    engine: TextArea<'static>,
}

impl Default for Search {
    fn default() -> Self {
        Self { pattern: None, forward: true, highlight: false, offset: Offset::None, engine: TextArea::default() }
    }
}

impl std::fmt::Debug for Search {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Search").field("pattern", &self.pattern).field("forward", &self.forward).finish()
    }
}

impl Clone for Search {
    fn clone(&self) -> Self {
        let mut s = Self {
            pattern: None,
            forward: self.forward,
            highlight: self.highlight,
            offset: self.offset,
            ..Self::default()
        };
        if let Some(src) = self.engine.search_pattern().map(|r| r.as_str().to_string()) {
            let _ = s.engine.set_search_pattern(src);
            s.pattern = self.pattern.clone();
        }
        s
    }
}

impl Search {
    /// Compiles and activates a vim pattern.
    pub fn set(&mut self, pat: &str, ignore_case: bool, smart_case: bool) -> Result<(), String> {
        let (src, case) = translate(pat);
        let ignore = case.unwrap_or(ignore_case && !(smart_case && pat.chars().any(char::is_uppercase)));
        let src = if ignore { format!("(?i){src}") } else { src };
        self.engine.set_search_pattern(&src).map_err(|_| format!("E383: Invalid search string: {pat}"))?;
        self.pattern = Some(pat.to_string());
        self.highlight = true;
        Ok(())
    }

    pub fn is_set(&self) -> bool {
        self.engine.search_pattern().is_some()
    }

    /// Matches on one line as char ranges `(start, end)`.
    pub fn matches(&self, line: &[char]) -> Vec<(usize, usize)> {
        let Some(re) = self.engine.search_pattern() else { return Vec::new() };
        let s: String = line.iter().collect();
        let mut out = Vec::new();
        let mut byte_to_char = Vec::with_capacity(s.len() + 1);
        for (i, c) in s.chars().enumerate() {
            byte_to_char.extend(std::iter::repeat_n(i, c.len_utf8()));
        }
        byte_to_char.push(line.len());
        for m in re.find_iter(&s) {
            out.push((byte_to_char[m.start()], byte_to_char[m.end()]));
        }
        out
    }

    /// Captures of every match on a line, as byte offsets in `s`: `(whole, groups)` for `:s`.
    pub fn captures(&self, s: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        let Some(re) = self.engine.search_pattern() else { return Vec::new() };
        re.captures_iter(s).map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect()).collect()
    }

    /// `gn` / `gN`: the match under `from` or the next one forward (the one under or the previous one
    /// backward), wrapping around the buffer; `(start, end)` with `end` exclusive. Empty matches are skipped.
    pub fn match_around(&self, buf: &Buffer, from: Pos, forward: bool) -> Option<(Pos, Pos)> {
        let n = buf.line_count();
        for i in 0..=n {
            let row = if forward { (from.row + i) % n } else { (from.row + n - i % n) % n };
            let ms: Vec<(usize, usize)> = self.matches(buf.line(row)).into_iter().filter(|m| m.1 > m.0).collect();
            let hit = match (forward, i) {
                (true, 0) => ms.iter().find(|m| m.1 > from.col),
                (true, _) => ms.first(),
                (false, 0) => ms.iter().rev().find(|m| m.0 <= from.col),
                (false, _) => ms.last(),
            };
            if let Some(m) = hit {
                return Some((Pos::new(row, m.0), Pos::new(row, m.1)));
            }
        }
        None
    }

    /// The next match from `from` (exclusive) in a direction, compared by its start or (`by_end`) its last
    /// character: `((start, end exclusive), wrapped)`.
    pub fn find_match(
        &self,
        buf: &Buffer,
        from: Pos,
        forward: bool,
        wrap: bool,
        by_end: bool,
    ) -> Option<((Pos, Pos), bool)> {
        let key = |m: &&(usize, usize)| if by_end { m.1.saturating_sub(1).max(m.0) } else { m.0 };
        let n = buf.line_count();
        for i in 0..=n {
            let (row, wrapped) = if forward {
                ((from.row + i) % n, from.row + i >= n)
            } else {
                ((from.row + n - i % n) % n, i > from.row)
            };
            if wrapped && !wrap {
                return None;
            }
            let ms = self.matches(buf.line(row));
            let hit = match (forward, i) {
                (true, 0) => ms.iter().find(|m| key(m) > from.col),
                (true, i) if i == n => ms.iter().find(|m| key(m) <= from.col),
                (true, _) => ms.first(),
                (false, 0) => ms.iter().rev().find(|m| key(m) < from.col),
                (false, i) if i == n => ms.iter().rev().find(|m| key(m) >= from.col),
                (false, _) => ms.last(),
            };
            if let Some(m) = hit {
                return Some(((Pos::new(row, m.0), Pos::new(row, m.1)), wrapped));
            }
        }
        None
    }
}
