//! Parsing behind guards: line/column mapping, nesting limits and a thread with a known stack.
//!
//! rustpython-parser's LR parser keeps its own stack, but the tree it builds is dropped recursively and the
//! analyser walks it recursively, so a source such as `x = -(-(-(...)))` nested ten thousand deep would
//! overflow a thread's stack. Before parsing, a scan over the lexer's tokens bounds how deep the tree can
//! get and rejects what CPython itself rejects: more than 200 nested brackets ("too many nested
//! parentheses"), more than 100 indentation levels, and (our own limit) expression chains deeper than
//! [`MAX_CHAIN`]. Everything after that (parse, analysis, drop of the tree) runs on a thread whose stack
//! comfortably holds trees within those limits.

use rustpython_parser::ast::{self, Suite};
use rustpython_parser::{lexer, Mode, Parse, ParseErrorType, Tok};

use super::{Analysis, SyntaxError};

/// CPython's limit on nested brackets.
pub(crate) const MAX_BRACKETS: usize = 200;
/// CPython's limit on indentation levels.
pub(crate) const MAX_INDENT: usize = 100;
/// Our limit on the depth of one expression or `elif` chain (CPython's compiler fails on similar depths).
pub(crate) const MAX_CHAIN: usize = 1000;
/// Stack of the analysis thread. The deepest trees the limits above allow need about 4 MiB in a debug build
/// (measured; 1 MiB overflows); 16 MiB leaves a margin. It is virtual memory: only touched pages are used.
const STACK_BYTES: usize = 16 << 20;
/// Sources at most this deep run on the caller's thread (any thread with the usual 2 MiB stack holds them);
/// deeper ones run on a thread of [`STACK_BYTES`].
const INLINE_DEPTH: usize = 100;
/// How deep calls between the program's own functions are followed; deeper calls count as O(1).
pub(crate) const MAX_CALL_DEPTH: usize = 64;

/// Maps byte offsets to 1-based lines and character columns.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line of a byte offset.
    pub(crate) fn line(&self, offset: usize) -> u32 {
        let idx = self.starts.partition_point(|&s| s <= offset);
        u32::try_from(idx.max(1)).unwrap_or(u32::MAX)
    }

    /// 1-based line and character column of a byte offset.
    pub(crate) fn line_col(&self, source: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(source.len());
        let line = self.line(offset);
        let start = self.starts.get(line as usize - 1).copied().unwrap_or(0);
        let col = source.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, u32::try_from(col).unwrap_or(u32::MAX))
    }
}

/// Parses `source` and hands the tree to `f`, on the caller's thread for shallow sources and on a thread with
/// a large stack for deep ones; syntax errors, sources nested beyond the limits and (defensively) panics
/// inside the parser become an [`Analysis`] with `syntax_error`.
pub(crate) fn run_guarded<F>(source: &str, f: F) -> Analysis
where
    F: FnOnce(&Suite, &LineIndex) -> Analysis + Send,
{
    let lines = LineIndex::new(source);
    let depth = match prescan(source) {
        Ok(depth) => depth,
        Err((offset, message)) => return syntax_at(source, &lines, offset, message),
    };
    // `work` is Copy (it only borrows), so the closure it runs sits in a slot and runs at most once.
    let slot = std::sync::Mutex::new(Some(f));
    let work = || {
        let f = slot.lock().ok().and_then(|mut s| s.take())?;
        Some(match Suite::parse(source, "<solution>") {
            Ok(suite) => f(&suite, &lines),
            Err(e) => syntax_at(source, &lines, usize::from(e.offset), describe(&e.error)),
        })
    };
    let internal =
        || syntax_at(source, &lines, 0, "the analyser could not read this file (internal error)".to_string());
    if depth <= INLINE_DEPTH {
        // Shallow sources (nearly all real code) run here: no thread hand-off, which on a busy machine
        // costs more than the analysis itself.
        return std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).ok().flatten().unwrap_or_else(internal);
    }
    let spawned = std::thread::scope(|scope| {
        let builder = std::thread::Builder::new().name("codify-analysis".into()).stack_size(STACK_BYTES);
        builder.spawn_scoped(scope, work).ok().map(|h| h.join().ok().flatten().unwrap_or_else(internal))
    });
    spawned.unwrap_or_else(|| {
        syntax_at(source, &lines, 0, "the analyser could not start a thread for this deeply nested file".into())
    })
}

fn syntax_at(source: &str, lines: &LineIndex, offset: usize, message: String) -> Analysis {
    let (line, col) = lines.line_col(source, offset);
    Analysis::syntax(SyntaxError { line, col, message })
}

fn describe(error: &ParseErrorType) -> String {
    match error {
        ParseErrorType::Eof => "unexpected end of file: is a bracket, string or block left open?".to_string(),
        ParseErrorType::UnrecognizedToken(Tok::Indent, _) => "unexpected indent".to_string(),
        ParseErrorType::UnrecognizedToken(_, Some(expected)) if expected == "Indent" => {
            "expected an indented block".to_string()
        }
        ParseErrorType::UnrecognizedToken(tok, _) | ParseErrorType::ExtraToken(tok) => {
            format!("invalid syntax: unexpected {tok}")
        }
        other => format!("invalid syntax: {other}"),
    }
}

/// Bounds the depth of the tree the parser would build: returns the deepest expression chain plus twice the
/// indentation seen, or the offset and message of the first violation. Lexical errors are left to the
/// parser, which reports them with a better message.
fn prescan(source: &str) -> Result<usize, (usize, String)> {
    // Per open bracket level: how many operators the current comma-separated item has chained so far.
    let mut levels: Vec<usize> = vec![0];
    let mut chain = 0usize; // sum of `levels` plus the number of open brackets
    let mut indent = 0usize;
    let mut elifs: Vec<usize> = vec![0]; // per indentation level: `elif`s since the last `if`
    let mut deepest = 0usize;
    for item in lexer::lex(source, Mode::Module) {
        let Ok((tok, range)) = item else { return Ok(deepest) };
        let at = usize::from(range.start());
        match tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                if levels.len() > MAX_BRACKETS {
                    return Err((at, format!("too many nested brackets (more than {MAX_BRACKETS})")));
                }
                levels.push(0);
                chain += 1;
            }
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
                if levels.len() > 1 {
                    chain -= 1 + levels.pop().unwrap_or(0);
                }
                // The closed group is one more link in its parent's chain (calls, subscripts).
                bump(&mut levels, &mut chain);
            }
            Tok::Comma | Tok::Colon => reset(&mut levels, &mut chain),
            Tok::Newline | Tok::Semi => {
                levels.truncate(1);
                levels[0] = 0;
                chain = 0;
            }
            Tok::Indent => {
                indent += 1;
                elifs.push(0);
                if indent > MAX_INDENT {
                    return Err((at, format!("too many levels of indentation (more than {MAX_INDENT})")));
                }
            }
            Tok::Dedent => {
                indent = indent.saturating_sub(1);
                if elifs.len() > 1 {
                    elifs.pop();
                }
            }
            Tok::If if chain == 0 => {
                if let Some(last) = elifs.last_mut() {
                    *last = 0;
                }
            }
            Tok::Elif => {
                if let Some(last) = elifs.last_mut() {
                    *last += 1;
                    if *last > MAX_CHAIN {
                        return Err((at, format!("`elif` chain longer than {MAX_CHAIN} branches")));
                    }
                }
            }
            Tok::Name { .. }
            | Tok::Int { .. }
            | Tok::Float { .. }
            | Tok::Complex { .. }
            | Tok::String { .. }
            | Tok::EndOfFile => {}
            _ => bump(&mut levels, &mut chain),
        }
        if chain > MAX_CHAIN {
            return Err((at, format!("expression nested too deeply (more than {MAX_CHAIN} levels); split it up")));
        }
        let elif_depth = elifs.last().copied().unwrap_or(0);
        deepest = deepest.max(chain.max(elif_depth) + 2 * indent);
    }
    Ok(deepest)
}

fn bump(levels: &mut [usize], chain: &mut usize) {
    if let Some(top) = levels.last_mut() {
        *top += 1;
        *chain += 1;
    }
}

fn reset(levels: &mut [usize], chain: &mut usize) {
    if let Some(top) = levels.last_mut() {
        *chain -= *top;
        *top = 0;
    }
}

/// The source text of a node, for messages.
pub(crate) fn node_text(source: &str, range: ast::text_size::TextRange) -> &str {
    source.get(usize::from(range.start())..usize::from(range.end())).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_maps_offsets() {
        let src = "a = 1\nbé = 2\n";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(src, 0), (1, 1));
        assert_eq!(idx.line_col(src, 6), (2, 1));
        assert_eq!(idx.line_col(src, 9), (2, 3)); // after "bé" (3 bytes, 2 chars)
        assert_eq!(idx.line_col(src, 999), (3, 1));
    }

    #[test]
    fn prescan_rejects_deep_brackets_and_chains() {
        let deep = format!("x = {}1{}", "(".repeat(300), ")".repeat(300));
        assert!(prescan(&deep).unwrap_err().1.contains("nested brackets"));
        let chain = format!("x = {}1", "-".repeat(5000));
        assert!(prescan(&chain).unwrap_err().1.contains("too deeply"));
        let long_list = format!("x = [{}]", vec!["-1"; 20000].join(", "));
        assert!(prescan(&long_list).is_ok());
        let calls = format!("x = f{}", "()".repeat(3000));
        assert!(prescan(&calls).is_err());
    }
}
