//! Markdown for problem statements, notes, comments and the tutor's replies, read by a CommonMark parser
//! (pulldown-cmark) and mapped to ratatui lines: headings, paragraphs, bullet and numbered lists (nested),
//! block quotes, rules, **bold**, *emphasis*, `inline code`, links (their text) and code blocks. A blank
//! line in the source stays a blank line between blocks. Lines are wrapped by the widget.
//!
//! CommonMark's rules are what keep code-ish text intact: `O(n * m * k)` has no emphasis (a `*` between
//! spaces opens nothing) and `snake_case_name` keeps its underscores (no emphasis inside a word).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::theme::Theme;

pub fn render(text: &str, theme: &Theme) -> Vec<Line<'static>> {
    let mut r = Renderer {
        theme,
        text,
        out: Vec::new(),
        spans: Vec::new(),
        styles: Vec::new(),
        lists: Vec::new(),
        quote: 0,
        code: false,
    };
    for (event, range) in Parser::new(text).into_offset_iter() {
        r.event(event, range.start);
    }
    r.flush();
    while r.out.last().is_some_and(|l| l.spans.is_empty()) {
        r.out.pop();
    }
    r.out
}

struct Renderer<'a> {
    theme: &'a Theme,
    text: &'a str,
    out: Vec<Line<'static>>,
    /// The line being built.
    spans: Vec<Span<'static>>,
    /// Inline styles open now (emphasis, strong, link), innermost last.
    styles: Vec<Style>,
    /// Open lists: the next number of a numbered list, None for bullets.
    lists: Vec<Option<u64>>,
    quote: usize,
    code: bool,
}

impl Renderer<'_> {
    fn event(&mut self, event: Event<'_>, at: usize) {
        match event {
            Event::Start(tag) => self.start(tag, at),
            Event::End(tag) => self.end(tag),
            Event::Text(t) if self.code => {
                for line in t.lines() {
                    let text = format!("{}  {line}", self.prefix());
                    self.out.push(Line::from(Span::styled(text, self.theme.code)));
                }
            }
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => self.push(t.to_string(), self.style()),
            Event::Code(t) => self.push(t.to_string(), self.theme.code),
            Event::SoftBreak => self.push(" ".into(), Style::default()),
            Event::HardBreak => self.flush(),
            Event::Rule => {
                self.gap(at);
                self.out.push(Line::from(Span::styled("─".repeat(24), self.theme.dim)));
            }
            Event::TaskListMarker(done) => self.push(if done { "[x] " } else { "[ ] " }.into(), Style::default()),
            Event::FootnoteReference(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.push(t.to_string(), Style::default())
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, at: usize) {
        match tag {
            Tag::Paragraph if self.lists.is_empty() => self.gap(at),
            Tag::Paragraph => {}
            Tag::Heading { .. } => {
                self.gap(at);
                self.styles.push(self.theme.title);
            }
            Tag::BlockQuote(_) => {
                self.gap(at);
                self.quote += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.gap(at);
                self.code = true;
            }
            Tag::List(first) => {
                self.flush();
                if self.lists.is_empty() {
                    self.gap(at);
                }
                self.lists.push(first);
            }
            Tag::Item => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "• ".to_string(),
                };
                self.push(format!("{}{marker}", "  ".repeat(depth)), Style::default());
            }
            Tag::Emphasis => self.styles.push(self.style().add_modifier(Modifier::ITALIC)),
            Tag::Strong => self.styles.push(self.style().add_modifier(Modifier::BOLD)),
            Tag::Strikethrough => self.styles.push(self.style().add_modifier(Modifier::CROSSED_OUT)),
            Tag::Link { .. } => self.styles.push(self.style().add_modifier(Modifier::UNDERLINED)),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Item => self.flush(),
            TagEnd::Heading(_) => {
                self.styles.pop();
                self.flush();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::CodeBlock => self.code = false,
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                self.styles.pop();
            }
            _ => {}
        }
    }

    fn style(&self) -> Style {
        self.styles.last().copied().unwrap_or_default()
    }

    fn prefix(&self) -> String {
        "│ ".repeat(self.quote)
    }

    fn push(&mut self, text: String, style: Style) {
        if self.spans.is_empty() && self.quote > 0 {
            self.spans.push(Span::styled(self.prefix(), self.theme.dim));
        }
        self.spans.push(Span::styled(text, style));
    }

    fn flush(&mut self) {
        if !self.spans.is_empty() {
            self.out.push(Line::from(std::mem::take(&mut self.spans)));
        }
    }

    /// A blank line before a block whose source line follows a blank one (none at the top).
    fn gap(&mut self, at: usize) {
        self.flush();
        let before = &self.text[..at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let previous = before[..line_start.saturating_sub(1)].rsplit('\n').next();
        let blank = line_start > 0 && previous.is_some_and(|l| l.trim().is_empty());
        if blank && self.out.last().is_some_and(|l| !l.spans.is_empty()) {
            self.out.push(Line::raw(""));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::theme::ThemeKind;

    fn texts(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
    }

    #[test]
    fn renders_headings_lists_code_and_inline_marks() {
        let t = Theme::new(ThemeKind::NoColor);
        let md = "# Title\nFind **two** numbers\nin `nums`, *fast*.\n- first\n  - nested\n1. one\n```\ndef f():\n    pass\n```\nsnake_case_name stays";
        let lines = render(md, &t);
        assert_eq!(
            texts(&lines),
            [
                "Title",
                "Find two numbers in nums, fast.",
                "• first",
                "  • nested",
                "1. one",
                "  def f():",
                "      pass",
                "snake_case_name stays"
            ]
        );
        assert!(lines[1].spans.iter().any(|s| s.content == "two" && s.style.add_modifier.contains(Modifier::BOLD)));
    }

    #[test]
    fn unclosed_marks_are_kept_as_text() {
        let t = Theme::new(ThemeKind::NoColor);
        assert_eq!(texts(&render("2 * 3 and `x", &t)), ["2 * 3 and `x"]);
    }

    #[test]
    fn code_ish_text_keeps_its_characters() {
        // The issue: `O(n * m * k)` lost its stars and gained italics; `__init__` broke.
        let t = Theme::new(ThemeKind::NoColor);
        let lines = render("Runs in O(n * m * k) time; snake_case_name and `__init__` and `a*b*c` stay.", &t);
        assert_eq!(texts(&lines), ["Runs in O(n * m * k) time; snake_case_name and __init__ and a*b*c stay."]);
        assert!(lines[0].spans.iter().all(|s| !s.style.add_modifier.contains(Modifier::ITALIC)), "{lines:?}");
    }

    #[test]
    fn blank_lines_separate_blocks_as_in_the_source() {
        let t = Theme::new(ThemeKind::NoColor);
        let md = "Intro line\nwraps here.\n\n## Examples\n\n> quoted\n\n1. a\n2. b\n   - inner\n\n---\n\n    indented code\n";
        assert_eq!(
            texts(&render(md, &t)),
            [
                "Intro line wraps here.",
                "",
                "Examples",
                "",
                "│ quoted",
                "",
                "1. a",
                "2. b",
                "  • inner",
                "",
                "────────────────────────",
                "",
                "  indented code"
            ]
        );
    }
}
