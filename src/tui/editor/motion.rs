//! Pure text motions over a [`Buffer`]: word, find, bracket and paragraph movements.
//!
//! Each function takes a start position and returns where the motion lands (or `None` when vim would beep).
//! Positions may be the end-of-line slot `(row, len)`; the caller clamps for normal mode. Word rules follow
//! vim: a word is a run of keyword characters (`[A-Za-z0-9_]` and other alphanumerics) or a run of other
//! non-blank characters; a WORD is a run of non-blanks; an empty line counts as a word for `w` and `b`.

use super::buffer::{Buffer, Pos};

/// How a motion's range is taken by an operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Exclusive,
    Inclusive,
    Linewise,
}

pub(crate) fn is_keyword(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// 0 = blank, 1 = punctuation (or any non-blank for WORDs), 2 = keyword.
pub(crate) fn class(c: char, big: bool) -> u8 {
    if c.is_whitespace() {
        0
    } else if big || !is_keyword(c) {
        1
    } else {
        2
    }
}

fn cls(buf: &Buffer, p: Pos, big: bool) -> u8 {
    buf.char_at(p).map_or(0, |c| class(c, big))
}

fn at_eol(buf: &Buffer, p: Pos) -> bool {
    p.col >= buf.len(p.row)
}

fn next(buf: &Buffer, p: Pos) -> Option<Pos> {
    if p.col < buf.len(p.row) {
        Some(Pos::new(p.row, p.col + 1))
    } else if p.row < buf.last_row() {
        Some(Pos::new(p.row + 1, 0))
    } else {
        None
    }
}

fn prev(buf: &Buffer, p: Pos) -> Option<Pos> {
    let p = buf.clamp(p, true);
    if p.col > 0 {
        Some(Pos::new(p.row, p.col - 1))
    } else if p.row > 0 {
        Some(Pos::new(p.row - 1, buf.len(p.row - 1)))
    } else {
        None
    }
}

/// `w` / `W`: start of the next word; at the end of the buffer, the end-of-line slot of the last line.
pub(crate) fn word_fwd(buf: &Buffer, p: Pos, big: bool) -> Pos {
    let mut q = buf.clamp(p, true);
    let c = cls(buf, q, big);
    if !at_eol(buf, q) && c != 0 {
        while !at_eol(buf, q) && cls(buf, q, big) == c {
            q.col += 1;
        }
    }
    loop {
        if at_eol(buf, q) {
            if q.row == buf.last_row() {
                return q;
            }
            q = Pos::new(q.row + 1, 0);
            if buf.len(q.row) == 0 {
                return q;
            }
        } else if cls(buf, q, big) == 0 {
            q.col += 1;
        } else {
            return q;
        }
    }
}

/// `e` / `E`: end of the current or next word.
pub(crate) fn word_end(buf: &Buffer, p: Pos, big: bool) -> Pos {
    let Some(mut q) = next(buf, buf.clamp(p, true)) else { return p };
    while at_eol(buf, q) || cls(buf, q, big) == 0 {
        match next(buf, q) {
            Some(n) => q = n,
            None => return buf.clamp(q, false),
        }
    }
    let c = cls(buf, q, big);
    while q.col + 1 < buf.len(q.row) && cls(buf, Pos::new(q.row, q.col + 1), big) == c {
        q.col += 1;
    }
    q
}

/// `b` / `B`: start of the current or previous word.
pub(crate) fn word_back(buf: &Buffer, p: Pos, big: bool) -> Pos {
    let Some(mut q) = prev(buf, p) else { return Pos::new(0, 0) };
    loop {
        if at_eol(buf, q) {
            if buf.len(q.row) == 0 {
                return q;
            }
        } else if cls(buf, q, big) != 0 {
            break;
        }
        match prev(buf, q) {
            Some(n) => q = n,
            None => return Pos::new(0, 0),
        }
    }
    let c = cls(buf, q, big);
    while q.col > 0 && cls(buf, Pos::new(q.row, q.col - 1), big) == c {
        q.col -= 1;
    }
    q
}

/// `ge` / `gE`: end of the previous word.
pub(crate) fn word_end_back(buf: &Buffer, p: Pos, big: bool) -> Pos {
    let mut q = buf.clamp(p, true);
    let c = cls(buf, q, big);
    if !at_eol(buf, q) && c != 0 {
        while !at_eol(buf, q) && cls(buf, q, big) == c {
            match prev(buf, q) {
                Some(n) => q = n,
                None => return Pos::new(0, 0),
            }
        }
    } else {
        match prev(buf, q) {
            Some(n) => q = n,
            None => return Pos::new(0, 0),
        }
    }
    loop {
        if at_eol(buf, q) {
            if buf.len(q.row) == 0 {
                return q;
            }
        } else if cls(buf, q, big) != 0 {
            return q;
        }
        match prev(buf, q) {
            Some(n) => q = n,
            None => return Pos::new(0, 0),
        }
    }
}

/// `f` / `t` forward on the line: the column of the `count`-th `ch` after `col` (`till`: one before it).
pub(crate) fn find_fwd(
    line: &[char],
    col: usize,
    ch: char,
    count: usize,
    till: bool,
    skip_adjacent: bool,
) -> Option<usize> {
    let mut from = col + 1;
    if till && skip_adjacent && line.get(col + 1) == Some(&ch) {
        from += 1;
    }
    let mut found = None;
    let mut n = 0;
    for (i, c) in line.iter().enumerate().skip(from) {
        if *c == ch {
            n += 1;
            if n == count {
                found = Some(i);
                break;
            }
        }
    }
    found.map(|i| if till { i - 1 } else { i })
}

/// `F` / `T` backward on the line.
pub(crate) fn find_back(
    line: &[char],
    col: usize,
    ch: char,
    count: usize,
    till: bool,
    skip_adjacent: bool,
) -> Option<usize> {
    let mut end = col.min(line.len());
    if till && skip_adjacent && end >= 1 && line.get(end - 1) == Some(&ch) {
        end -= 1;
    }
    let mut n = 0;
    for i in (0..end).rev() {
        if line[i] == ch {
            n += 1;
            if n == count {
                return Some(if till { i + 1 } else { i });
            }
        }
    }
    None
}

pub(crate) fn pair_of(c: char) -> Option<(char, char, bool)> {
    Some(match c {
        '(' => ('(', ')', true),
        ')' => ('(', ')', false),
        '[' => ('[', ']', true),
        ']' => ('[', ']', false),
        '{' => ('{', '}', true),
        '}' => ('{', '}', false),
        _ => return None,
    })
}

/// Scans from `p` (exclusive) for the bracket matching `open`/`close`, across lines.
pub(crate) fn scan_pair(buf: &Buffer, p: Pos, open: char, close: char, forward: bool) -> Option<Pos> {
    let mut depth = 0usize;
    let mut q = p;
    loop {
        q = if forward { next(buf, q)? } else { prev(buf, q)? };
        let Some(c) = buf.char_at(q) else { continue };
        let (inc, dec) = if forward { (open, close) } else { (close, open) };
        if c == inc {
            depth += 1;
        } else if c == dec {
            if depth == 0 {
                return Some(q);
            }
            depth -= 1;
        }
    }
}

/// `%`: the bracket matching the first bracket at or after the cursor on its line.
pub(crate) fn match_pair(buf: &Buffer, p: Pos) -> Option<Pos> {
    let line = buf.line(p.row);
    let col = (p.col..line.len()).find(|&i| pair_of(line[i]).is_some())?;
    let (open, close, is_open) = pair_of(line[col])?;
    scan_pair(buf, Pos::new(p.row, col), open, close, is_open)
}

/// `}`: the next empty line after the paragraph (or the end of the last line).
pub(crate) fn para_fwd(buf: &Buffer, row: usize, count: usize) -> Pos {
    let last = buf.last_row();
    let mut r = row;
    for _ in 0..count {
        while r < last && buf.len(r) == 0 {
            r += 1;
        }
        while r < last && buf.len(r) != 0 {
            r += 1;
        }
        if r == last {
            break;
        }
    }
    if buf.len(r) == 0 {
        Pos::new(r, 0)
    } else {
        Pos::new(r, buf.len(r))
    }
}

/// `{`: the previous empty line before the paragraph (or the start of the buffer).
pub(crate) fn para_back(buf: &Buffer, row: usize, count: usize) -> Pos {
    let mut r = row;
    for _ in 0..count {
        while r > 0 && buf.len(r) == 0 {
            r -= 1;
        }
        while r > 0 && buf.len(r) != 0 {
            r -= 1;
        }
        if r == 0 {
            break;
        }
    }
    Pos::new(r, 0)
}

/// The keyword under or after the cursor on its line (for `*` and `#`): (start col, word).
pub(crate) fn word_under(buf: &Buffer, p: Pos) -> Option<(usize, String)> {
    let line = buf.line(p.row);
    let mut start = (p.col..line.len()).find(|&i| is_keyword(line[i]))?;
    while start > 0 && is_keyword(line[start - 1]) {
        start -= 1;
    }
    let end = (start..line.len()).find(|&i| !is_keyword(line[i])).unwrap_or(line.len());
    Some((start, line[start..end].iter().collect()))
}
