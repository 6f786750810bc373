//! The solution-dump guard: in Socratic mode a reply must not hand over a complete solution.
//!
//! It works on the stream as it arrives, so a dumped solution never reaches the screen: ordinary text
//! passes through at once (a line is held only while its first characters could still open a code block),
//! while a code block — fenced (```` ``` ````) or a bare `def`/`class` at the start of a line — is held until
//! it ends and then judged by [`is_solution`]. A block that looks like the whole answer is replaced by
//! [`HELD_BACK`]; a short snippet (a line or two showing an idea) passes.
//!
//! Invariant: the concatenation of everything [`Guard::push`] and [`Guard::finish`] return is the reply as
//! shown, so a front end that appends pieces shows exactly the final text.

/// What replaces a held-back solution.
pub const HELD_BACK: &str =
    "[Codify held back a code block here that looked like a complete solution: Socratic mode is \
on. Try the step above yourself; once you have solved it, or if you give up (ask \"I give up, show me the \
solution\"), the full solution is yours.]";

const MARKERS: [&str; 6] = ["```", "~~~", "def ", "class ", "async def ", "@"];

enum Mode {
    Text,
    /// Inside a fenced block: its text so far, and the fence that closes it.
    Fence(String, &'static str),
    /// Inside a bare `def`/`class` block.
    Bare(String),
}

/// Filters one reply; see the module docs.
pub struct Guard {
    enabled: bool,
    class: String,
    method: Option<String>,
    reference: Vec<String>,
    replacement: String,
    mode: Mode,
    /// The current line, not yet complete.
    line: String,
    /// Whether the current line has been let through already (it cannot open a block).
    line_shown: bool,
    held_back: u32,
}

impl Guard {
    /// `class`/`method`: the names the judge calls (`Solution`, `twoSum`); `reference`: the reference
    /// solution, whose distinctive lines also identify a dump. Disabled, everything passes.
    pub fn new(enabled: bool, class: &str, method: Option<&str>, reference: &str) -> Guard {
        Guard {
            enabled,
            class: class.to_string(),
            method: method.map(str::to_string),
            reference: significant_lines(reference),
            replacement: HELD_BACK.to_string(),
            mode: Mode::Text,
            line: String::new(),
            line_shown: false,
            held_back: 0,
        }
    }

    /// How many blocks were held back so far.
    pub fn held_back(&self) -> u32 {
        self.held_back
    }

    /// Takes the next piece of the reply; returns what can be shown now.
    pub fn push(&mut self, piece: &str) -> String {
        if !self.enabled {
            return piece.to_string();
        }
        let mut out = String::new();
        for part in piece.split_inclusive('\n') {
            self.line.push_str(part);
            if part.ends_with('\n') {
                let line = std::mem::take(&mut self.line);
                let shown = std::mem::replace(&mut self.line_shown, false);
                self.end_line(line, shown, &mut out);
            } else if matches!(self.mode, Mode::Text) {
                if self.line_shown {
                    out.push_str(part);
                } else if !could_open_block(&self.line) {
                    out.push_str(&self.line);
                    self.line_shown = true;
                }
            }
        }
        // Text that was shown stays out of `line` so it is not shown twice.
        if self.line_shown {
            self.line.clear();
        }
        out
    }

    /// The end of the reply: judges a block still open and returns what is left to show.
    pub fn finish(&mut self) -> String {
        if !self.enabled {
            return String::new();
        }
        let mut out = String::new();
        let rest = std::mem::take(&mut self.line);
        if !rest.is_empty() {
            let shown = std::mem::replace(&mut self.line_shown, false);
            self.end_line(rest, shown, &mut out);
        }
        match std::mem::replace(&mut self.mode, Mode::Text) {
            Mode::Fence(block, _) | Mode::Bare(block) => self.judge(block, &mut out),
            Mode::Text => {}
        }
        out
    }

    fn end_line(&mut self, line: String, shown: bool, out: &mut String) {
        match &mut self.mode {
            Mode::Text if shown => out.push_str(&line),
            Mode::Text => self.start_or_show(line, out),
            Mode::Fence(block, fence) => {
                let closing = line.trim_start().starts_with(*fence);
                block.push_str(&line);
                if closing {
                    let block = std::mem::take(block);
                    self.mode = Mode::Text;
                    self.judge(block, out);
                }
            }
            Mode::Bare(block) => {
                let t = line.trim_end();
                let continues = t.is_empty() || line.starts_with([' ', '\t']) || opens_bare(t);
                if continues {
                    block.push_str(&line);
                } else {
                    let block = std::mem::take(block);
                    self.mode = Mode::Text;
                    self.judge(block, out);
                    self.start_or_show(line, out);
                }
            }
        }
    }

    fn start_or_show(&mut self, line: String, out: &mut String) {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            let fence = if t.starts_with("```") { "```" } else { "~~~" };
            self.mode = Mode::Fence(line, fence);
        } else if opens_bare(&line) {
            self.mode = Mode::Bare(line);
        } else {
            out.push_str(&line);
        }
    }

    fn judge(&mut self, block: String, out: &mut String) {
        if is_solution(&block, &self.class, self.method.as_deref(), &self.reference) {
            self.held_back += 1;
            out.push_str(&self.replacement);
            out.push('\n');
        } else {
            out.push_str(&block);
        }
    }
}

/// `text` with every solution-like code block replaced by `note`: for knowledge passages, whose worked
/// examples can solve the very problem the learner is on.
pub fn scrub(text: &str, class: &str, method: Option<&str>, reference: &str, note: &str) -> String {
    let mut g = Guard::new(true, class, method, reference);
    g.replacement = note.to_string();
    let mut out = g.push(text);
    out.push_str(&g.finish());
    out
}

fn opens_bare(line: &str) -> bool {
    ["def ", "class ", "async def ", "@"].iter().any(|m| line.starts_with(m))
}

/// Whether a line that starts like `partial` could still open a code block.
fn could_open_block(partial: &str) -> bool {
    let t = partial.trim_start_matches([' ', '\t']);
    let indented = t.len() != partial.len();
    MARKERS.iter().any(|m| {
        let fence = m.starts_with('`') || m.starts_with('~');
        (fence || !indented) && (m.starts_with(t) || t.starts_with(m))
    })
}

/// Lines that carry logic: not blank, not comments, docstrings, `pass`, `...` or fences.
fn significant_lines(code: &str) -> Vec<String> {
    code.lines()
        .map(|l| l.split(" #").next().unwrap_or("").trim())
        .filter(|l| {
            !l.is_empty()
                && !l.starts_with('#')
                && !l.starts_with("```")
                && !l.starts_with("~~~")
                && !l.starts_with("\"\"\"")
                && !matches!(*l, "pass" | "..." | "else:" | "try:")
                && !l.to_lowercase().contains("todo")
                && !l.to_lowercase().contains("your code")
        })
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// Whether a code block is a complete solution rather than a hint-sized snippet: it defines the judged
/// method (or the class) with a real body, or any function with a substantial body that returns, or it
/// repeats most of the reference solution.
pub fn is_solution(block: &str, class: &str, method: Option<&str>, reference: &[String]) -> bool {
    let lines = significant_lines(block);
    let defs: Vec<usize> = lines.iter().enumerate().filter(|(_, l)| l.starts_with("def ")).map(|(i, _)| i).collect();
    let names_target = lines.iter().any(|l| {
        l.starts_with(&format!("class {class}")) || method.is_some_and(|m| l.starts_with(&format!("def {m}(")))
    });
    let body = lines.len().saturating_sub(defs.len() + usize::from(lines.iter().any(|l| l.starts_with("class "))));
    if names_target && body >= 3 {
        return true;
    }
    if !defs.is_empty() && body >= 5 && lines.iter().any(|l| l.starts_with("return") || l.contains(" return ")) {
        return true;
    }
    let distinctive: Vec<&String> = reference.iter().filter(|l| l.len() > 12 && !l.starts_with("class ")).collect();
    if distinctive.len() >= 3 {
        let copied = distinctive.iter().filter(|l| lines.contains(l)).count();
        return copied * 10 >= distinctive.len() * 6;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    const DUMP: &str = "Sure! Here it is:\n```python\nclass Solution:\n    def twoSum(self, nums, target):\n        seen = {}\n        for i, x in enumerate(nums):\n            if target - x in seen:\n                return [seen[target - x], i]\n            seen[x] = i\n```\nHope it helps.\n";

    fn run(text: &str, pieces: usize) -> (String, u32) {
        let mut g = Guard::new(true, "Solution", Some("twoSum"), "");
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        for chunk in chars.chunks(pieces.max(1)) {
            out.push_str(&g.push(&chunk.iter().collect::<String>()));
        }
        out.push_str(&g.finish());
        (out, g.held_back())
    }

    #[test]
    fn a_fenced_solution_is_held_back_however_it_is_chunked() {
        for size in [1, 3, 7, 1000] {
            let (out, n) = run(DUMP, size);
            assert_eq!(n, 1, "chunk size {size}");
            assert!(!out.contains("seen[x] = i"), "{out}");
            assert!(out.starts_with("Sure! Here it is:\n") && out.ends_with("Hope it helps.\n"), "{out}");
        }
    }

    #[test]
    fn a_bare_solution_is_held_back_too() {
        let text = "Try this\ndef twoSum(self, nums, target):\n    seen = {}\n    for i, x in enumerate(nums):\n        seen[x] = i\n    return []\nDoes that make sense?";
        let (out, n) = run(text, 5);
        assert_eq!(n, 1);
        assert!(out.ends_with("Does that make sense?") && !out.contains("enumerate"), "{out}");
    }

    #[test]
    fn snippets_and_plain_text_pass_unchanged() {
        let text = "What would a dict give you here?\n```python\nseen = {}\nif target - x in seen:\n```\ndefine the partner first. classes are not needed.\n";
        assert_eq!(run(text, 4), (text.to_string(), 0));
        let prose = "Think about it: which value does `nums[j]` need?";
        assert_eq!(run(prose, 2), (prose.to_string(), 0));
    }

    #[test]
    fn plain_text_is_shown_at_once() {
        let mut g = Guard::new(true, "Solution", Some("twoSum"), "");
        assert_eq!(g.push("Good"), "Good");
        assert_eq!(g.push(" question"), " question");
        assert_eq!(g.push("\nde"), "\n");
        assert_eq!(g.push("tail"), "detail");
    }

    #[test]
    fn scrub_replaces_worked_solutions_in_notes() {
        let note = "Before and after:\n```python\ndef two_sum(nums, target):\n    seen = {}\n    for j, x in enumerate(nums):\n        if target - x in seen:\n            return [seen[target - x], j]\n        seen[x] = j\n```\nAsk what the inner loop looks for.";
        let out = scrub(note, "Solution", Some("twoSum"), "", "[example omitted]");
        assert_eq!(out, "Before and after:\n[example omitted]\nAsk what the inner loop looks for.");
    }

    #[test]
    fn copying_the_reference_is_a_dump_even_under_another_name() {
        let reference = "class Solution:\n    def twoSum(self, nums, target):\n        seen = {}\n        for j, x in enumerate(nums):\n            if target - x in seen:\n                return [seen[target - x], j]\n            seen[x] = j\n";
        let refs = significant_lines(reference);
        let block = "seen = {}\nfor j, x in enumerate(nums):\n    if target - x in seen:\n        return [seen[target - x], j]\n    seen[x] = j\n";
        assert!(is_solution(block, "Solution", Some("twoSum"), &refs));
        assert!(!is_solution("seen = {}\n", "Solution", Some("twoSum"), &refs));
    }
}
