//! Editor benchmark (issue #4): one keystroke handled by the modal editor plus a full redraw of the editor
//! widget into a ratatui `TestBackend` frame, on a 1,000-line Python buffer, at 80x24 and 200x50.
//! Target: median <= 2 ms per keystroke + redraw.
//!
//! Run: `cargo bench --bench editor` (release build). Prints a Markdown table for docs/PERFORMANCE.md.

use std::time::{Duration, Instant};

use codify::tui::editor::{parse_keys, Editor, EditorView, Theme};
use crossterm::event::KeyEvent;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::Terminal;

const SAMPLES: usize = 400;
const WARMUP: usize = 40;

/// 1,000 lines of plausible Python: functions with docstrings, comments, strings, numbers, nesting.
fn python_buffer() -> String {
    let mut out = String::from("from collections import defaultdict, deque\nimport heapq\n\n");
    let mut i = 0;
    while out.lines().count() < 1000 {
        out.push_str(&format!(
            "\n\n@staticmethod\ndef solve_{i}(nums: list[int], target: int = {i}) -> list[int]:\n    \"\"\"Return the indices of \
             two numbers adding up to target.\n\n    Runs in O(n) time.\n    \"\"\"\n    seen = {{}}  # value -> index\n    \
             for j, x in enumerate(nums):\n        if target - x in seen:\n            return [seen[target - x], j]\n        \
             seen[x] = j * 0x{i:X} + 1.5e-3\n    raise ValueError('no pair for %d' % target)\n"
        ));
        i += 1;
    }
    out.lines().take(1000).collect::<Vec<_>>().join("\n") + "\n"
}

fn keys(s: &str) -> Vec<KeyEvent> {
    parse_keys(s).expect("bench keys parse")
}

struct Scenario {
    name: &'static str,
    setup: &'static str,
    /// Keys cycled through, one per sample.
    cycle: &'static str,
}

const SCENARIOS: &[Scenario] = &[
    Scenario { name: "`j` (cursor down)", setup: "500G", cycle: "jjjjjjjjjkkkkkkkkk" },
    Scenario { name: "`w` (word motion)", setup: "500G", cycle: "wwwwwwwwbbbbbbbb" },
    Scenario { name: "type a character (insert mode)", setup: "500GA", cycle: "abcd<BS><BS><BS><BS>" },
    Scenario { name: "`x` / `u` (change + undo)", setup: "500G", cycle: "xu" },
    Scenario { name: "`dd` / `u` (line delete + undo)", setup: "500G", cycle: "ddu" },
    Scenario { name: "`n` (search next, highlighted)", setup: "500G/seen<CR>", cycle: "n" },
    Scenario { name: "`G` / `gg` (jump, full rescroll)", setup: "", cycle: "Ggg" },
];

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn p95(v: &[Duration]) -> Duration {
    v[(v.len() * 95 / 100).min(v.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

fn run(s: &Scenario, text: &str, w: u16, h: u16) -> (Duration, Duration) {
    let theme = Theme::dark();
    let mut editor = Editor::new(text);
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    let area = Rect::new(0, 0, w, h);
    editor.set_viewport_height(EditorView::new(&editor, &theme).text_rows(area));
    for k in keys(s.setup) {
        editor.handle_key(k);
    }
    let cycle = keys(s.cycle);
    let mut samples = Vec::with_capacity(SAMPLES);
    for i in 0..WARMUP + SAMPLES {
        let k = cycle[i % cycle.len()];
        let start = Instant::now();
        editor.handle_key(k);
        term.draw(|f| f.render_widget(&EditorView::new(&editor, &theme), f.area())).expect("draw");
        let took = start.elapsed();
        if i >= WARMUP {
            samples.push(took);
        }
    }
    let m = median(&mut samples);
    (m, p95(&samples))
}

fn main() {
    let text = python_buffer();
    assert_eq!(text.lines().count(), 1000);
    println!("Editor: one keystroke + full redraw, 1,000-line Python buffer ({SAMPLES} samples each, target <= 2 ms median)\n");
    println!("| keystroke | 80x24 median (ms) | 80x24 p95 (ms) | 200x50 median (ms) | 200x50 p95 (ms) |");
    println!("|---|---:|---:|---:|---:|");
    let mut worst = Duration::ZERO;
    for s in SCENARIOS {
        let (m1, p1) = run(s, &text, 80, 24);
        let (m2, p2) = run(s, &text, 200, 50);
        worst = worst.max(m1).max(m2);
        println!("| {} | {} | {} | {} | {} |", s.name, ms(m1), ms(p1), ms(m2), ms(p2));
    }
    println!(
        "\nWorst median: {} ms ({})",
        ms(worst),
        if worst <= Duration::from_millis(2) { "meets the 2 ms target" } else { "MISSES the 2 ms target" }
    );
}
