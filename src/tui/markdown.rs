//! A small Markdown renderer for problem statements and notes: headings, paragraphs, bullet and numbered
//! lists, **bold**, *emphasis*, `inline code` and fenced code blocks. Lines are wrapped by the widget.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::theme::Theme;

pub fn render(text: &str, theme: &Theme) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    // The paragraph or list item being built: consecutive text lines join into one wrapped line.
    let mut para: Option<Vec<Span<'static>>> = None;
    let flush = |para: &mut Option<Vec<Span<'static>>>, out: &mut Vec<Line<'static>>| {
        if let Some(spans) = para.take() {
            out.push(Line::from(spans));
        }
    };
    let mut in_code = false;
    for raw in text.lines() {
        let line = raw.trim_end();
        if line.trim_start().starts_with("```") {
            flush(&mut para, &mut out);
            in_code = !in_code;
            continue;
        }
        if in_code {
            out.push(Line::from(Span::styled(format!("  {line}"), theme.code)));
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut para, &mut out);
            out.push(Line::raw(""));
            continue;
        }
        if let Some(h) = heading(line) {
            flush(&mut para, &mut out);
            out.push(Line::from(Span::styled(h.to_string(), theme.title)));
            continue;
        }
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let item = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
            .map(|rest| (format!("{}• ", " ".repeat(indent)), rest))
            .or_else(|| numbered(trimmed).map(|(n, rest)| (format!("{}{n}. ", " ".repeat(indent)), rest)));
        if let Some((marker, rest)) = item {
            flush(&mut para, &mut out);
            let mut spans = vec![Span::raw(marker)];
            spans.extend(inline(rest, theme));
            para = Some(spans);
            continue;
        }
        match para.as_mut() {
            Some(spans) => {
                spans.push(Span::raw(" "));
                spans.extend(inline(trimmed, theme));
            }
            None => para = Some(inline(line, theme)),
        }
    }
    flush(&mut para, &mut out);
    while out.last().is_some_and(|l| l.spans.is_empty()) {
        out.pop();
    }
    out
}

fn heading(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    (1..=6).contains(&hashes).then(|| line[hashes..].strip_prefix(' ')).flatten()
}

fn numbered(line: &str) -> Option<(&str, &str)> {
    let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return None;
    }
    line[digits..].strip_prefix(". ").map(|rest| (&line[..digits], rest))
}

/// Inline spans: `code`, **bold**, *emphasis* / _emphasis_.
fn inline(text: &str, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut plain = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let flush = |plain: &mut String, spans: &mut Vec<Span<'static>>| {
        if !plain.is_empty() {
            spans.push(Span::raw(std::mem::take(plain)));
        }
    };
    while i < chars.len() {
        let rest: String = chars[i..].iter().collect();
        let (marker, style) = if rest.starts_with('`') {
            ("`", theme.code)
        } else if rest.starts_with("**") {
            ("**", Style::default().add_modifier(Modifier::BOLD))
        } else if rest.starts_with('*') || (rest.starts_with('_') && (i == 0 || !chars[i - 1].is_alphanumeric())) {
            (&rest[..1], Style::default().add_modifier(Modifier::ITALIC))
        } else {
            plain.push(chars[i]);
            i += 1;
            continue;
        };
        let open = marker.chars().count();
        let body: String = chars[i + open..].iter().collect();
        match body.find(marker).filter(|&end| end > 0) {
            Some(end) => {
                flush(&mut plain, &mut spans);
                spans.push(Span::styled(body[..end].to_string(), style));
                i += open + body[..end].chars().count() + open;
            }
            None => {
                plain.push(chars[i]);
                i += 1;
            }
        }
    }
    flush(&mut plain, &mut spans);
    spans
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
}
