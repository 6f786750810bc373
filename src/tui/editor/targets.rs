//! Where each motion lands: [`Editor::motion_target`] turns a motion, its count and the pending operator
//! into a [`Target`] (position + exclusive / inclusive / linewise), applying vim's special cases (`cw` acts
//! like `ce`; `dw` on the last word of a line stops at the line end; `;` after `t` skips the adjacent
//! character). Screen motions (`H M L`) use the viewport; search motions report wrap-around and misses.

use super::buffer::{Buffer, Pos};
use super::keymap::{Motion, Operator};
use super::motion::{self, Kind};
use super::normal::Target;
use super::search::Offset;
use super::{Editor, Level, Mode};

impl Editor {
    pub(crate) fn motion_target(&mut self, m: Motion, arg: Option<char>, op: Option<Operator>) -> Option<Target> {
        let count = self.pending.total();
        let has_count = self.pending.has_count();
        let c = self.cursor;
        let buf = &self.buf;
        let last = buf.last_row();
        let len = buf.len(c.row);
        let at = |pos: Pos, kind: Kind| Some(Target { pos, kind, vertical: false });
        let line_at = |row: usize| at(Pos::new(row, buf.first_non_blank(row)), Kind::Linewise);
        let vertical = |row: usize| Some(Target { pos: Pos::new(row, 0), kind: Kind::Linewise, vertical: true });
        match m {
            Motion::Left => {
                // In visual mode `$` is just past the line's last character (vim), so `$h` selects it still.
                let visual = matches!(self.mode, Mode::Visual | Mode::VisualLine | Mode::VisualBlock);
                let col = if visual && self.want_col == usize::MAX && c.col + 1 == len { len } else { c.col };
                (col > 0).then(|| Pos::new(c.row, col.saturating_sub(count))).and_then(|p| at(p, Kind::Exclusive))
            }
            Motion::Right => {
                let max = if op.is_some() { len } else { len.saturating_sub(1) };
                (c.col < max).then(|| Pos::new(c.row, (c.col + count).min(max))).and_then(|p| at(p, Kind::Exclusive))
            }
            Motion::Up => (c.row > 0).then(|| c.row.saturating_sub(count)).and_then(vertical),
            Motion::Down => (c.row < last).then(|| (c.row + count).min(last)).and_then(vertical),
            Motion::WordFwd | Motion::BigWordFwd => {
                let big = m == Motion::BigWordFwd;
                if op == Some(Operator::Change) && buf.char_at(c).is_some_and(|ch| !ch.is_whitespace()) {
                    // `cw` changes to the end of the word, like `ce`.
                    let mut p = c;
                    for i in 0..count {
                        let at_end = buf
                            .char_at(Pos::new(p.row, p.col + 1))
                            .is_none_or(|n| motion::class(n, big) != motion::class(buf.char_at(p).unwrap_or(' '), big));
                        if !(i == 0 && at_end) {
                            p = motion::word_end(buf, p, big);
                        }
                    }
                    return at(p, Kind::Inclusive);
                }
                let mut p = c;
                for i in 0..count {
                    let before = p;
                    p = motion::word_fwd(buf, p, big);
                    if op.is_some() && i + 1 == count && p.row > before.row {
                        // The last word moved over ends the line: stop at the line end, not the next word.
                        p = Pos::new(before.row, buf.len(before.row).max(before.col));
                    }
                }
                (p != c).then_some(())?;
                at(p, Kind::Exclusive)
            }
            Motion::WordEnd | Motion::BigWordEnd => {
                let big = m == Motion::BigWordEnd;
                let p = (0..count).fold(c, |p, _| motion::word_end(buf, p, big));
                (p != c).then_some(())?;
                at(p, Kind::Inclusive)
            }
            Motion::WordBack | Motion::BigWordBack => {
                let big = m == Motion::BigWordBack;
                let p = (0..count).fold(c, |p, _| motion::word_back(buf, p, big));
                (p != c).then_some(())?;
                at(p, Kind::Exclusive)
            }
            Motion::WordEndBack | Motion::BigWordEndBack => {
                let big = m == Motion::BigWordEndBack;
                let p = (0..count).fold(c, |p, _| motion::word_end_back(buf, p, big));
                (p != c).then_some(())?;
                at(p, Kind::Inclusive)
            }
            Motion::LineStart => at(Pos::new(c.row, 0), Kind::Exclusive),
            Motion::FirstNonBlank => at(Pos::new(c.row, buf.first_non_blank(c.row)), Kind::Exclusive),
            Motion::LineEnd => {
                let row = c.row + count - 1;
                (row <= last).then_some(())?;
                at(Pos::new(row, buf.len(row).saturating_sub(1)), Kind::Inclusive)
            }
            Motion::LastNonBlank => {
                let row = c.row + count - 1;
                (row <= last).then_some(())?;
                let line = buf.line(row);
                let col = line.iter().rposition(|ch| !ch.is_whitespace()).unwrap_or(0);
                at(Pos::new(row, col), Kind::Inclusive)
            }
            Motion::MarkLine | Motion::MarkExact => {
                let Some(p) = arg.and_then(|a| buf.mark(a)) else {
                    self.set_status(Level::Error, "E20: Mark not set");
                    return None;
                };
                let p = buf.clamp(p, false);
                if m == Motion::MarkLine {
                    line_at(p.row)
                } else {
                    at(p, Kind::Exclusive)
                }
            }
            Motion::FileStart => line_at(if has_count { (count - 1).min(last) } else { 0 }),
            Motion::FileEnd => line_at(if has_count { (count - 1).min(last) } else { last }),
            Motion::FindFwd | Motion::FindBack | Motion::TillFwd | Motion::TillBack => {
                let ch = arg?;
                self.last_find = Some((m, ch));
                self.find_on_line(m, ch, count, false)
            }
            Motion::RepeatFind | Motion::RepeatFindRev => {
                let (m0, ch) = self.last_find?;
                let m1 = if m == Motion::RepeatFind {
                    m0
                } else {
                    match m0 {
                        Motion::FindFwd => Motion::FindBack,
                        Motion::FindBack => Motion::FindFwd,
                        Motion::TillFwd => Motion::TillBack,
                        _ => Motion::TillFwd,
                    }
                };
                self.find_on_line(m1, ch, count, true)
            }
            Motion::MatchPair if has_count => {
                (count <= 100).then_some(())?;
                line_at(((count * buf.line_count()).div_ceil(100)).saturating_sub(1).min(last))
            }
            Motion::MatchPair => at(motion::match_pair(buf, c)?, Kind::Inclusive),
            Motion::UnmatchedParenBack
            | Motion::UnmatchedBraceBack
            | Motion::UnmatchedParenFwd
            | Motion::UnmatchedBraceFwd => {
                let (open, close) = match m {
                    Motion::UnmatchedParenBack | Motion::UnmatchedParenFwd => ('(', ')'),
                    _ => ('{', '}'),
                };
                let forward = matches!(m, Motion::UnmatchedParenFwd | Motion::UnmatchedBraceFwd);
                // Too big a count stops at the outermost bracket found, as in vim.
                let mut p = None;
                for _ in 0..count {
                    match motion::scan_pair(buf, p.unwrap_or(c), open, close, forward) {
                        Some(q) => p = Some(q),
                        None => break,
                    }
                }
                at(p?, Kind::Exclusive)
            }
            Motion::ParaFwd => at(motion::para_fwd(buf, c.row, count), Kind::Exclusive),
            Motion::ParaBack => at(motion::para_back(buf, c.row, count), Kind::Exclusive),
            Motion::ScreenTop | Motion::ScreenMid | Motion::ScreenBottom => {
                let so = self.scrolloff();
                let bottom = (self.top + self.height).saturating_sub(1).min(last);
                let row = match m {
                    Motion::ScreenTop => {
                        let r = self.top + count - 1;
                        if self.top > 0 {
                            r.max(self.top + so)
                        } else {
                            r
                        }
                    }
                    Motion::ScreenBottom => {
                        let r = bottom.saturating_sub(count - 1);
                        if bottom < last {
                            r.min(bottom.saturating_sub(so))
                        } else {
                            r
                        }
                    }
                    _ => self.top + (bottom - self.top.min(bottom)) / 2,
                };
                line_at(row.min(bottom).max(self.top.min(last)))
            }
            Motion::SearchForward | Motion::SearchBackward | Motion::MatchNext | Motion::MatchPrev => None,
            Motion::SearchNext | Motion::SearchPrev => {
                let forward = self.search.forward == (m == Motion::SearchNext);
                let (start, end) = self.search_repeat(forward, count)?;
                match self.search.offset {
                    Offset::None => at(start, Kind::Exclusive),
                    Offset::Lines(n) => {
                        let row = start.row.saturating_add_signed(n).min(self.buf.last_row());
                        Some(Target { pos: Pos::new(row, 0), kind: Kind::Linewise, vertical: false })
                    }
                    Offset::Start(n) => at(step_chars(&self.buf, start, n), Kind::Exclusive),
                    Offset::End(n) => {
                        let last = Pos::new(end.row, end.col.saturating_sub(1).max(start.col));
                        at(step_chars(&self.buf, last, n), Kind::Inclusive)
                    }
                }
            }
            Motion::StarFwd | Motion::StarBack => {
                let Some((start, word)) = motion::word_under(buf, c) else {
                    self.set_status(Level::Error, "E348: No string under cursor");
                    return None;
                };
                let forward = m == Motion::StarFwd;
                let pat = format!("\\<{word}\\>");
                if let Err(e) = self.search.set(&pat, self.options.ignore_case, false) {
                    self.set_status(Level::Error, e);
                    return None;
                }
                self.search.forward = forward;
                self.search.offset = Offset::None;
                self.search_history.push(pat);
                self.cursor = Pos::new(c.row, start);
                let p = self.search_repeat(forward, count);
                self.cursor = c;
                at(p?.0, Kind::Exclusive)
            }
            Motion::NextLineStart => (c.row < last).then(|| (c.row + count).min(last)).and_then(line_at),
            Motion::PrevLineStart => (c.row > 0).then(|| c.row.saturating_sub(count)).and_then(line_at),
            Motion::CurrentLine => line_at((c.row + count - 1).min(last)),
            Motion::Column => at(Pos::new(c.row, (count - 1).min(len.saturating_sub(1))), Kind::Exclusive),
        }
    }

    fn find_on_line(&self, m: Motion, ch: char, count: usize, repeat: bool) -> Option<Target> {
        let line = self.buf.line(self.cursor.row);
        let col = self.cursor.col;
        let (found, kind) = match m {
            Motion::FindFwd => (motion::find_fwd(line, col, ch, count, false, repeat), Kind::Inclusive),
            Motion::TillFwd => (motion::find_fwd(line, col, ch, count, true, repeat), Kind::Inclusive),
            Motion::FindBack => (motion::find_back(line, col, ch, count, false, repeat), Kind::Exclusive),
            _ => (motion::find_back(line, col, ch, count, true, repeat), Kind::Exclusive),
        };
        let pos = Pos::new(self.cursor.row, found?);
        Some(Target { pos, kind, vertical: false })
    }

    /// Repeats the last search `count` times from the cursor; reports wrap-around and failures. Returns
    /// the last match (start, end exclusive); the caller applies the offset.
    pub(crate) fn search_repeat(&mut self, forward: bool, count: usize) -> Option<(Pos, Pos)> {
        if !self.search.is_set() {
            self.set_status(Level::Error, "E35: No previous regular expression");
            return None;
        }
        let pat = self.search.pattern.clone().unwrap_or_default();
        // Take a character offset back off the cursor first, so the match it came from is not found again.
        let mut p = step_chars(&self.buf, self.cursor, -self.search.offset.chars());
        let by_end = matches!(self.search.offset, Offset::End(_));
        let mut found = (p, p);
        let mut wrapped = false;
        for _ in 0..count {
            match self.search.find_match(&self.buf, p, forward, self.options.wrapscan, by_end) {
                Some(((start, end), w)) => {
                    p = if by_end { Pos::new(end.row, end.col.saturating_sub(1).max(start.col)) } else { start };
                    found = (start, end);
                    wrapped |= w;
                }
                None => {
                    let msg = if self.options.wrapscan {
                        format!("E486: Pattern not found: {pat}")
                    } else if forward {
                        format!("E385: Search hit BOTTOM without match for: {pat}")
                    } else {
                        format!("E384: Search hit TOP without match for: {pat}")
                    };
                    self.set_status(Level::Error, msg);
                    return None;
                }
            }
        }
        self.search.highlight = true;
        if wrapped {
            let msg =
                if forward { "search hit BOTTOM, continuing at TOP" } else { "search hit TOP, continuing at BOTTOM" };
            self.set_status(Level::Warning, msg);
        } else {
            self.set_status(Level::Info, format!("{}{pat}", if forward { '/' } else { '?' }));
        }
        Some(found)
    }
}

/// Moves `n` characters forward (backward when negative) across lines, like vim's `incl` / `decl`: a line
/// break is not a position, an empty line is one; stops at the ends of the buffer.
fn step_chars(buf: &Buffer, mut p: Pos, n: isize) -> Pos {
    for _ in 0..n.unsigned_abs() {
        if n > 0 {
            if p.col + 1 < buf.len(p.row) {
                p.col += 1;
            } else if p.row < buf.last_row() {
                p = Pos::new(p.row + 1, 0);
            } else {
                break;
            }
        } else if p.col > 0 {
            p.col -= 1;
        } else if p.row > 0 {
            p = Pos::new(p.row - 1, buf.len(p.row - 1).saturating_sub(1));
        } else {
            break;
        }
    }
    p
}
