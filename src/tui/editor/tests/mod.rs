//! Editor tests: scripted (text, keys, expected text) cases, rendering snapshots and a no-panic property
//! test.
//!
//! Case notation: `|` in the starting text marks the cursor (it must appear once; without it the cursor is
//! at 0,0). If the expected text contains `|`, the cursor is checked too; otherwise only the text.

mod block;
mod changes;
mod global;
mod gn;
mod insert;
mod macros;
mod marks;
mod misc;
mod motions;
mod offsets;
mod operators;
mod props;
mod render;
mod repeat;
mod search_ex;
mod visual;

use super::{parse_keys, Editor, Outcome};

/// Builds an editor from text with a `|` cursor marker.
pub(super) fn editor(marked: &str) -> Editor {
    let (text, row, col) = unmark(marked);
    let mut e = Editor::new(&text);
    e.set_viewport_height(20);
    e.set_cursor(row, col);
    e
}

fn unmark(marked: &str) -> (String, usize, usize) {
    let Some(i) = marked.find('|') else { return (marked.to_string(), 0, 0) };
    let before = &marked[..i];
    let row = before.matches('\n').count();
    let col = before.rsplit('\n').next().unwrap_or("").chars().count();
    (format!("{}{}", before, &marked[i + 1..]), row, col)
}

/// The text with `|` at the cursor.
pub(super) fn marked(e: &Editor) -> String {
    let (row, col) = e.cursor();
    let mut out = String::new();
    for r in 0..e.line_count() {
        if r > 0 {
            out.push('\n');
        }
        let line: Vec<char> = e.line(r).chars().collect();
        for (c, ch) in line.iter().enumerate() {
            if r == row && c == col {
                out.push('|');
            }
            out.push(*ch);
        }
        if r == row && col >= line.len() {
            out.push('|');
        }
    }
    out
}

/// Feeds keys in vim notation; returns the outcome of the last key that was not plain `Consumed`.
pub(super) fn feed(e: &mut Editor, keys: &str) -> Outcome {
    let mut last = Outcome::Consumed;
    for k in parse_keys(keys).expect("test keys parse") {
        match e.handle_key(k) {
            Outcome::Consumed => {}
            o => last = o,
        }
    }
    last
}

pub(super) fn run(start: &str, keys: &str) -> Editor {
    let mut e = editor(start);
    feed(&mut e, keys);
    e
}

#[track_caller]
pub(super) fn check(start: &str, keys: &str, want: &str) {
    let e = run(start, keys);
    if want.contains('|') {
        assert_eq!(marked(&e), want, "start {start:?}, keys {keys:?}");
    } else {
        assert_eq!(e.text(), want, "start {start:?}, keys {keys:?}");
    }
}

/// One `#[test]` per case: `name: "start", "keys" => "expected";`
macro_rules! cases {
    ($($name:ident: $start:expr, $keys:expr => $want:expr;)*) => {
        $(
            #[test]
            fn $name() {
                super::check($start, $keys, $want);
            }
        )*
    };
}
pub(super) use cases;
