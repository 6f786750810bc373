//! Text objects (`iw aw iW aW i( a( i[ a[ i{ a{ i< a< i" a" i' a' i` a` ip ap`) as ranges.
//!
//! Word and quote objects stay on the cursor line, as in vim. Bracket objects nest across lines; a count
//! selects an outer pair. When the opening bracket ends its line and the closing one starts its line, the
//! inner object is the lines in between, linewise (so `ci[` on a multi-line Python list keeps the brackets).

use super::buffer::{Buffer, Pos, Range};
use super::keymap::Object;
use super::motion::{class, scan_pair};

pub(crate) fn select(buf: &Buffer, cursor: Pos, obj: Object, inner: bool, count: usize) -> Option<Range> {
    let count = count.max(1);
    match obj {
        Object::Word => word(buf, cursor, inner, count, false),
        Object::BigWord => word(buf, cursor, inner, count, true),
        Object::Paren => bracket(buf, cursor, '(', ')', inner, count),
        Object::Bracket => bracket(buf, cursor, '[', ']', inner, count),
        Object::Brace => bracket(buf, cursor, '{', '}', inner, count),
        Object::Angle => bracket(buf, cursor, '<', '>', inner, count),
        Object::DoubleQuote => quote(buf, cursor, '"', inner),
        Object::SingleQuote => quote(buf, cursor, '\'', inner),
        Object::BackQuote => quote(buf, cursor, '`', inner),
        Object::Paragraph => paragraph(buf, cursor.row, inner, count),
    }
}

fn word(buf: &Buffer, cursor: Pos, inner: bool, count: usize, big: bool) -> Option<Range> {
    let line = buf.line(cursor.row);
    if line.is_empty() {
        return None;
    }
    let col = cursor.col.min(line.len() - 1);
    let cl = |i: usize| class(line[i], big);
    let run_start = |i: usize| {
        let mut s = i;
        while s > 0 && cl(s - 1) == cl(i) {
            s -= 1;
        }
        s
    };
    let run_end = |i: usize| {
        let mut e = i;
        while e < line.len() && cl(e) == cl(i) {
            e += 1;
        }
        e
    };
    let mut start = run_start(col);
    let mut end = run_end(col);
    if inner {
        for _ in 1..count {
            if end >= line.len() {
                break;
            }
            end = run_end(end);
        }
    } else if cl(col) == 0 {
        // Blanks, then the word after them.
        for i in 0..count {
            if i > 0 && end < line.len() {
                end = run_end(end);
            }
            if end < line.len() {
                end = run_end(end);
            }
        }
    } else {
        let mut trailing = false;
        for i in 0..count {
            if i > 0 && end < line.len() {
                end = run_end(end);
            }
            if end < line.len() && cl(end) == 0 {
                end = run_end(end);
                trailing = true;
            }
        }
        if !trailing {
            while start > 0 && cl(start - 1) == 0 {
                start -= 1;
            }
        }
    }
    Some(Range::chars(Pos::new(cursor.row, start), Pos::new(cursor.row, end)))
}

fn bracket(buf: &Buffer, cursor: Pos, open: char, close: char, inner: bool, count: usize) -> Option<Range> {
    let cursor = buf.clamp(cursor, false);
    let mut open_pos = match buf.char_at(cursor) {
        Some(c) if c == open => cursor,
        _ => scan_pair(buf, cursor, open, close, false)?,
    };
    for _ in 1..count {
        open_pos = scan_pair(buf, open_pos, open, close, false)?;
    }
    let close_pos = scan_pair(buf, open_pos, open, close, true)?;
    if !inner {
        return Some(Range::chars(open_pos, Pos::new(close_pos.row, close_pos.col + 1)));
    }
    let open_ends_line = open_pos.col + 1 == buf.len(open_pos.row);
    let close_starts_line = buf.line(close_pos.row)[..close_pos.col].iter().all(|c| c.is_whitespace());
    if open_ends_line && close_starts_line && close_pos.row > open_pos.row + 1 {
        return Some(Range::lines(open_pos.row + 1, close_pos.row - 1));
    }
    Some(Range::chars(Pos::new(open_pos.row, open_pos.col + 1), close_pos))
}

fn quote(buf: &Buffer, cursor: Pos, q: char, inner: bool) -> Option<Range> {
    let line = buf.line(cursor.row);
    let col = cursor.col.min(line.len().saturating_sub(1));
    let mut quotes = Vec::new();
    let mut escaped = false;
    for (i, &c) in line.iter().enumerate() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == q {
            quotes.push(i);
        }
    }
    let (a, b) = if let Some(idx) = quotes.iter().position(|&i| i == col) {
        if idx % 2 == 0 {
            (quotes[idx], *quotes.get(idx + 1)?)
        } else {
            (quotes[idx - 1], quotes[idx])
        }
    } else {
        let before = quotes.iter().filter(|&&i| i < col).count();
        if before % 2 == 1 {
            (quotes[before - 1], *quotes.get(before)?)
        } else {
            (*quotes.get(before)?, *quotes.get(before + 1)?)
        }
    };
    let row = cursor.row;
    if inner {
        return Some(Range::chars(Pos::new(row, a + 1), Pos::new(row, b)));
    }
    let mut start = a;
    let mut end = b + 1;
    if end < line.len() && line[end].is_whitespace() {
        while end < line.len() && line[end].is_whitespace() {
            end += 1;
        }
    } else {
        while start > 0 && line[start - 1].is_whitespace() {
            start -= 1;
        }
    }
    Some(Range::chars(Pos::new(row, start), Pos::new(row, end)))
}

fn paragraph(buf: &Buffer, row: usize, inner: bool, count: usize) -> Option<Range> {
    let last = buf.last_row();
    let run_end = |r: usize| {
        let blank = buf.is_blank(r);
        let mut e = r;
        while e < last && buf.is_blank(e + 1) == blank {
            e += 1;
        }
        e
    };
    let mut start = row;
    let blank = buf.is_blank(row);
    while start > 0 && buf.is_blank(start - 1) == blank {
        start -= 1;
    }
    let mut end = run_end(row);
    let runs = if inner { count } else { count * 2 };
    for _ in 1..runs {
        if end >= last {
            break;
        }
        end = run_end(end + 1);
    }
    if !inner && !blank && !buf.is_blank(end) {
        // No blank lines after the paragraph: take the ones before it.
        while start > 0 && buf.is_blank(start - 1) {
            start -= 1;
        }
    }
    Some(Range::lines(start, end))
}
