//! Keymaps as data: one table binds every editor key and describes it.
//!
//! [`bindings`] is the single source for the app's `?` help screen; the editor's key parser looks keys up in
//! the same table (see [`Keymap::lookup`]), so help can never drift from behaviour. Counts (`3dw`, `d3w`) and
//! the "operator typed twice" line forms (`dd`, `>>`, `gUU`) are grammar, not table entries, and are handled
//! by the parser in `normal.rs`. `{char}` in a binding stands for any printable character.
//!
//! User mappings ([`Keymap::map`]) are checked before the table and replay their right-hand side without
//! remapping (like vim's `noremap`).

use std::sync::OnceLock;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::ex;
use super::keys::{normalize, parse_keys, KeyParseError};

/// What a binding is: where the parser looks it up ([`Ctx::allows`]) and which help section lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BindMode {
    Normal,
    /// Motions work in normal mode, visual mode and after an operator.
    Motion,
    /// Operators wait for a motion or text object in normal mode and act on the selection in visual mode.
    Operator,
    /// Text objects follow an operator or extend a visual selection.
    TextObject,
    Visual,
    Insert,
    /// Editing keys of the `:` and `/` prompt.
    CommandLine,
    /// Ex commands typed after `:`.
    Ex,
}

impl std::fmt::Display for BindMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            BindMode::Normal => "normal",
            BindMode::Motion => "motion",
            BindMode::Operator => "operator",
            BindMode::TextObject => "text object",
            BindMode::Visual => "visual",
            BindMode::Insert => "insert",
            BindMode::CommandLine => "command-line",
            BindMode::Ex => "ex",
        })
    }
}

/// Short names for the table below.
pub mod modes {
    use super::BindMode;
    pub const MOTION: BindMode = BindMode::Motion;
    pub const OPERATOR: BindMode = BindMode::Operator;
    pub const TEXT_OBJECT: BindMode = BindMode::TextObject;
    pub const NORMAL: BindMode = BindMode::Normal;
    pub const VISUAL: BindMode = BindMode::Visual;
    pub const INSERT: BindMode = BindMode::Insert;
    pub const COMMAND_LINE: BindMode = BindMode::CommandLine;
    pub const EX: BindMode = BindMode::Ex;
}

pub use super::actions::{Action, Cmd, InsertCmd, Motion, Object, Operator, VisualCmd};

/// One key binding: the help screen shows `keys`, `mode` and `description`; the editor acts on `action`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    pub keys: &'static str,
    pub mode: BindMode,
    pub description: &'static str,
    pub action: Action,
}

const fn b(keys: &'static str, mode: BindMode, description: &'static str, action: Action) -> Binding {
    Binding { keys, mode, description, action }
}

use modes::*;
use Action::{Cmd as C, Insert as I, Motion as M, Object as Obj, Operator as Op, Visual as V};

#[rustfmt::skip]
const KEYMAP: &[Binding] = &[
    b("h", MOTION, "left", M(Motion::Left)),
    b("<Left>", MOTION, "left", M(Motion::Left)),
    b("<BS>", MOTION, "left", M(Motion::Left)),
    b("l", MOTION, "right", M(Motion::Right)),
    b("<Right>", MOTION, "right", M(Motion::Right)),
    b("<Space>", MOTION, "right", M(Motion::Right)),
    b("j", MOTION, "down a line", M(Motion::Down)),
    b("<Down>", MOTION, "down a line", M(Motion::Down)),
    b("k", MOTION, "up a line", M(Motion::Up)),
    b("<Up>", MOTION, "up a line", M(Motion::Up)),
    b("w", MOTION, "next word start", M(Motion::WordFwd)),
    b("W", MOTION, "next WORD start (blank-separated)", M(Motion::BigWordFwd)),
    b("b", MOTION, "previous word start", M(Motion::WordBack)),
    b("B", MOTION, "previous WORD start", M(Motion::BigWordBack)),
    b("e", MOTION, "word end", M(Motion::WordEnd)),
    b("E", MOTION, "WORD end", M(Motion::BigWordEnd)),
    b("ge", MOTION, "previous word end", M(Motion::WordEndBack)),
    b("gE", MOTION, "previous WORD end", M(Motion::BigWordEndBack)),
    b("0", MOTION, "line start", M(Motion::LineStart)),
    b("<Home>", MOTION, "line start", M(Motion::LineStart)),
    b("^", MOTION, "first non-blank", M(Motion::FirstNonBlank)),
    b("$", MOTION, "line end (count: lines down)", M(Motion::LineEnd)),
    b("<End>", MOTION, "line end", M(Motion::LineEnd)),
    b("g_", MOTION, "last non-blank", M(Motion::LastNonBlank)),
    b("gg", MOTION, "first line (count: line N)", M(Motion::FileStart)),
    b("G", MOTION, "last line (count: line N)", M(Motion::FileEnd)),
    b("f{char}", MOTION, "to next {char} on the line", M(Motion::FindFwd)),
    b("F{char}", MOTION, "to previous {char} on the line", M(Motion::FindBack)),
    b("t{char}", MOTION, "till before next {char}", M(Motion::TillFwd)),
    b("T{char}", MOTION, "till after previous {char}", M(Motion::TillBack)),
    b(";", MOTION, "repeat f/F/t/T", M(Motion::RepeatFind)),
    b(",", MOTION, "repeat f/F/t/T backwards", M(Motion::RepeatFindRev)),
    b("%", MOTION, "matching bracket (count: N% of file)", M(Motion::MatchPair)),
    b("[(", MOTION, "previous unmatched ( (count: further out)", M(Motion::UnmatchedParenBack)),
    b("[{", MOTION, "previous unmatched {", M(Motion::UnmatchedBraceBack)),
    b("])", MOTION, "next unmatched )", M(Motion::UnmatchedParenFwd)),
    b("]}", MOTION, "next unmatched }", M(Motion::UnmatchedBraceFwd)),
    b("}", MOTION, "next blank line (paragraph)", M(Motion::ParaFwd)),
    b("{", MOTION, "previous blank line (paragraph)", M(Motion::ParaBack)),
    b("H", MOTION, "top of screen", M(Motion::ScreenTop)),
    b("M", MOTION, "middle of screen", M(Motion::ScreenMid)),
    b("L", MOTION, "bottom of screen", M(Motion::ScreenBottom)),
    b("/", MOTION, "search forward (a motion: d/foo<CR> works); /foo/e+1, /foo/s-1, /foo/b+2, /foo/+1 add an offset, //e reuses the pattern", M(Motion::SearchForward)),
    b("?", MOTION, "search backward (?foo?e: with an offset)", M(Motion::SearchBackward)),
    b("n", MOTION, "next search match (with the search's offset)", M(Motion::SearchNext)),
    b("N", MOTION, "previous search match (with the search's offset)", M(Motion::SearchPrev)),
    b("gn", MOTION, "select the match under or after the cursor (count: the Nth; cgn, then . changes the next one)", M(Motion::MatchNext)),
    b("gN", MOTION, "select the match under or before the cursor", M(Motion::MatchPrev)),
    b("*", MOTION, "search word under cursor forward", M(Motion::StarFwd)),
    b("#", MOTION, "search word under cursor backward", M(Motion::StarBack)),
    b("+", MOTION, "first non-blank of next line", M(Motion::NextLineStart)),
    b("<CR>", MOTION, "first non-blank of next line", M(Motion::NextLineStart)),
    b("-", MOTION, "first non-blank of previous line", M(Motion::PrevLineStart)),
    b("_", MOTION, "first non-blank (count: lines down)", M(Motion::CurrentLine)),
    b("|", MOTION, "column N", M(Motion::Column)),
    b("'{char}", MOTION, "to the line of mark {char} (a-z; linewise)", M(Motion::MarkLine)),
    b("`{char}", MOTION, "to mark {char} exactly", M(Motion::MarkExact)),

    b("d", OPERATOR, "delete (dd: line)", Op(Operator::Delete)),
    b("c", OPERATOR, "change (cc: line)", Op(Operator::Change)),
    b("y", OPERATOR, "yank (yy: line)", Op(Operator::Yank)),
    b(">", OPERATOR, "indent (>>: line)", Op(Operator::Indent)),
    b("<lt>", OPERATOR, "dedent (<<: line)", Op(Operator::Dedent)),
    b("g~", OPERATOR, "toggle case", Op(Operator::ToggleCase)),
    b("gu", OPERATOR, "lowercase", Op(Operator::Lower)),
    b("gU", OPERATOR, "uppercase", Op(Operator::Upper)),

    b("iw", TEXT_OBJECT, "inner word", Obj(Object::Word, true)),
    b("aw", TEXT_OBJECT, "a word (with blanks)", Obj(Object::Word, false)),
    b("iW", TEXT_OBJECT, "inner WORD", Obj(Object::BigWord, true)),
    b("aW", TEXT_OBJECT, "a WORD", Obj(Object::BigWord, false)),
    b("i(", TEXT_OBJECT, "inside ( )", Obj(Object::Paren, true)),
    b("a(", TEXT_OBJECT, "around ( )", Obj(Object::Paren, false)),
    b("i)", TEXT_OBJECT, "inside ( )", Obj(Object::Paren, true)),
    b("a)", TEXT_OBJECT, "around ( )", Obj(Object::Paren, false)),
    b("ib", TEXT_OBJECT, "inside ( )", Obj(Object::Paren, true)),
    b("ab", TEXT_OBJECT, "around ( )", Obj(Object::Paren, false)),
    b("i[", TEXT_OBJECT, "inside [ ]", Obj(Object::Bracket, true)),
    b("a[", TEXT_OBJECT, "around [ ]", Obj(Object::Bracket, false)),
    b("i]", TEXT_OBJECT, "inside [ ]", Obj(Object::Bracket, true)),
    b("a]", TEXT_OBJECT, "around [ ]", Obj(Object::Bracket, false)),
    b("i{", TEXT_OBJECT, "inside { }", Obj(Object::Brace, true)),
    b("a{", TEXT_OBJECT, "around { }", Obj(Object::Brace, false)),
    b("i}", TEXT_OBJECT, "inside { }", Obj(Object::Brace, true)),
    b("a}", TEXT_OBJECT, "around { }", Obj(Object::Brace, false)),
    b("iB", TEXT_OBJECT, "inside { }", Obj(Object::Brace, true)),
    b("aB", TEXT_OBJECT, "around { }", Obj(Object::Brace, false)),
    b("i<lt>", TEXT_OBJECT, "inside < >", Obj(Object::Angle, true)),
    b("a<lt>", TEXT_OBJECT, "around < >", Obj(Object::Angle, false)),
    b("i>", TEXT_OBJECT, "inside < >", Obj(Object::Angle, true)),
    b("a>", TEXT_OBJECT, "around < >", Obj(Object::Angle, false)),
    b("i\"", TEXT_OBJECT, "inside \" \"", Obj(Object::DoubleQuote, true)),
    b("a\"", TEXT_OBJECT, "around \" \"", Obj(Object::DoubleQuote, false)),
    b("i'", TEXT_OBJECT, "inside ' '", Obj(Object::SingleQuote, true)),
    b("a'", TEXT_OBJECT, "around ' '", Obj(Object::SingleQuote, false)),
    b("i`", TEXT_OBJECT, "inside ` `", Obj(Object::BackQuote, true)),
    b("a`", TEXT_OBJECT, "around ` `", Obj(Object::BackQuote, false)),
    b("ip", TEXT_OBJECT, "inner paragraph", Obj(Object::Paragraph, true)),
    b("ap", TEXT_OBJECT, "a paragraph (with blank lines)", Obj(Object::Paragraph, false)),

    b("i", NORMAL, "insert before cursor", C(Cmd::Insert)),
    b("<Insert>", NORMAL, "insert before cursor", C(Cmd::Insert)),
    b("a", NORMAL, "append after cursor", C(Cmd::Append)),
    b("I", NORMAL, "insert at first non-blank", C(Cmd::InsertFirstNonBlank)),
    b("gI", NORMAL, "insert at column 0", C(Cmd::InsertCol0)),
    b("A", NORMAL, "append at line end", C(Cmd::AppendEnd)),
    b("o", NORMAL, "open line below (auto-indent)", C(Cmd::OpenBelow)),
    b("O", NORMAL, "open line above (auto-indent)", C(Cmd::OpenAbove)),
    b("s", NORMAL, "substitute character(s)", C(Cmd::SubstChar)),
    b("S", NORMAL, "substitute line(s)", C(Cmd::SubstLine)),
    b("C", NORMAL, "change to line end", C(Cmd::ChangeToEnd)),
    b("D", NORMAL, "delete to line end", C(Cmd::DeleteToEnd)),
    b("x", NORMAL, "delete character(s) under cursor", C(Cmd::DeleteChar)),
    b("<Del>", NORMAL, "delete character(s) under cursor", C(Cmd::DeleteChar)),
    b("X", NORMAL, "delete character(s) before cursor", C(Cmd::DeleteCharBefore)),
    b("Y", NORMAL, "yank line(s)", C(Cmd::YankLine)),
    b("p", NORMAL, "put after cursor / below line (a block as a block)", C(Cmd::PutAfter)),
    b("P", NORMAL, "put before cursor / above line (a block as a block)", C(Cmd::PutBefore)),
    b("r{char}", NORMAL, "replace character(s) with {char} (r then Enter splits the line)", C(Cmd::Replace)),
    b("R", NORMAL, "replace mode (Backspace puts back the replaced text)", C(Cmd::ReplaceMode)),
    b("<C-a>", NORMAL, "add count to the number at or after the cursor", C(Cmd::Increment)),
    b("<C-x>", NORMAL, "subtract count from the number at or after the cursor", C(Cmd::Decrement)),
    b("&", NORMAL, "repeat the last :s on this line", C(Cmd::RepeatSubst)),
    b("q{char}", NORMAL, "record a macro into register {char} (a-z; A-Z appends); q stops", C(Cmd::Record)),
    b("@{char}", NORMAL, "run the macro in register {char} (count: times)", C(Cmd::Execute)),
    b("@@", NORMAL, "run the last macro again", C(Cmd::Execute)),
    b("m{char}", NORMAL, "set mark {char} (a-z) at the cursor", C(Cmd::SetMark)),
    b("J", NORMAL, "join lines", C(Cmd::Join)),
    b("gJ", NORMAL, "join lines without spaces", C(Cmd::JoinNoSpace)),
    b("~", NORMAL, "toggle case of character(s)", C(Cmd::ToggleCase)),
    b("u", NORMAL, "undo", C(Cmd::Undo)),
    b("<C-r>", NORMAL, "redo", C(Cmd::Redo)),
    b(".", NORMAL, "repeat last change (count replaces its count)", C(Cmd::Repeat)),
    b("v", NORMAL, "visual mode", C(Cmd::Visual)),
    b("V", NORMAL, "visual line mode", C(Cmd::VisualLine)),
    b("<C-v>", NORMAL, "visual block mode (a rectangle; columns count characters, a tab is one)", C(Cmd::VisualBlock)),
    b("gv", NORMAL, "reselect last visual area", C(Cmd::Reselect)),
    b(":", NORMAL, "command line", C(Cmd::CmdLine)),
    b("\"{char}", NORMAL, "use register {char} (a-z, A-Z appends) for the next command", C(Cmd::Register)),
    b("<C-d>", NORMAL, "scroll half a screen down", C(Cmd::HalfDown)),
    b("<C-u>", NORMAL, "scroll half a screen up", C(Cmd::HalfUp)),
    b("<C-f>", NORMAL, "scroll a screen down", C(Cmd::PageDown)),
    b("<PageDown>", NORMAL, "scroll a screen down", C(Cmd::PageDown)),
    b("<C-b>", NORMAL, "scroll a screen up", C(Cmd::PageUp)),
    b("<PageUp>", NORMAL, "scroll a screen up", C(Cmd::PageUp)),
    b("<C-e>", NORMAL, "scroll a line down", C(Cmd::ScrollDown)),
    b("<C-y>", NORMAL, "scroll a line up", C(Cmd::ScrollUp)),
    b("zz", NORMAL, "scroll cursor line to the middle", C(Cmd::ScrollCenter)),
    b("zt", NORMAL, "scroll cursor line to the top", C(Cmd::ScrollTop)),
    b("zb", NORMAL, "scroll cursor line to the bottom", C(Cmd::ScrollBottom)),
    b("ZZ", NORMAL, "write and quit", C(Cmd::WriteQuit)),
    b("ZQ", NORMAL, "quit without writing", C(Cmd::ForceQuit)),

    b("<Esc>", VISUAL, "leave visual mode", V(VisualCmd::Exit)),
    b("<C-c>", VISUAL, "leave visual mode", V(VisualCmd::Exit)),
    b("v", VISUAL, "charwise visual / leave", V(VisualCmd::Char)),
    b("V", VISUAL, "linewise visual / leave", V(VisualCmd::Line)),
    b("<C-v>", VISUAL, "blockwise visual / leave", V(VisualCmd::Block)),
    b("o", VISUAL, "go to the other end of the selection", V(VisualCmd::Swap)),
    b("O", VISUAL, "block: the other corner on the same line; else like o", V(VisualCmd::SwapCorner)),
    b("x", VISUAL, "delete the selection", Op(Operator::Delete)),
    b("<Del>", VISUAL, "delete the selection", Op(Operator::Delete)),
    b("s", VISUAL, "change the selection (block: the text typed is repeated on every line)", Op(Operator::Change)),
    b("~", VISUAL, "toggle case of the selection", Op(Operator::ToggleCase)),
    b("u", VISUAL, "lowercase the selection", Op(Operator::Lower)),
    b("U", VISUAL, "uppercase the selection", Op(Operator::Upper)),
    b("X", VISUAL, "delete the selected lines (block: to each line's end)", V(VisualCmd::DeleteLines)),
    b("D", VISUAL, "delete the selected lines (block: to each line's end)", V(VisualCmd::DeleteLines)),
    b("Y", VISUAL, "yank the selected lines", V(VisualCmd::YankLines)),
    b("C", VISUAL, "change the selected lines (block: to each line's end)", V(VisualCmd::ChangeBlockEnd)),
    b("S", VISUAL, "change the selected lines", V(VisualCmd::ChangeLines)),
    b("R", VISUAL, "change the selected lines", V(VisualCmd::ChangeLines)),
    b("r{char}", VISUAL, "replace every selected character", V(VisualCmd::Replace)),
    b("J", VISUAL, "join the selected lines", V(VisualCmd::Join)),
    b("gJ", VISUAL, "join the selected lines without spaces", V(VisualCmd::JoinNoSpace)),
    b("p", VISUAL, "replace the selection with a register", V(VisualCmd::PutAfter)),
    b("P", VISUAL, "replace the selection with a register", V(VisualCmd::PutBefore)),
    b("I", VISUAL, "insert before the selection (block: on every line)", V(VisualCmd::InsertStart)),
    b("A", VISUAL, "append after the selection (block: on every line; after $ at each end)", V(VisualCmd::AppendEnd)),
    b(":", VISUAL, "command line", V(VisualCmd::CmdLine)),
    b("\"{char}", VISUAL, "use register {char} for the next command", C(Cmd::Register)),
    b("<C-d>", VISUAL, "scroll half a screen down", C(Cmd::HalfDown)),
    b("<C-u>", VISUAL, "scroll half a screen up", C(Cmd::HalfUp)),
    b("<C-f>", VISUAL, "scroll a screen down", C(Cmd::PageDown)),
    b("<C-b>", VISUAL, "scroll a screen up", C(Cmd::PageUp)),
    b("<C-e>", VISUAL, "scroll a line down", C(Cmd::ScrollDown)),
    b("<C-y>", VISUAL, "scroll a line up", C(Cmd::ScrollUp)),
    b("zz", VISUAL, "scroll cursor line to the middle", C(Cmd::ScrollCenter)),

    b("<Esc>", INSERT, "back to normal mode", I(InsertCmd::Exit)),
    b("<C-c>", INSERT, "back to normal mode", I(InsertCmd::Exit)),
    b("<C-[>", INSERT, "back to normal mode", I(InsertCmd::Exit)),
    b("<CR>", INSERT, "new line (Python auto-indent)", I(InsertCmd::Newline)),
    b("<C-j>", INSERT, "new line (Python auto-indent)", I(InsertCmd::Newline)),
    b("<BS>", INSERT, "delete back (to the previous indent stop in leading blanks)", I(InsertCmd::Backspace)),
    b("<C-h>", INSERT, "delete back", I(InsertCmd::Backspace)),
    b("<Del>", INSERT, "delete the character under the cursor", I(InsertCmd::Delete)),
    b("<Tab>", INSERT, "insert spaces to the next multiple of 4", I(InsertCmd::Tab)),
    b("<C-w>", INSERT, "delete the word before the cursor", I(InsertCmd::DeleteWord)),
    b("<C-u>", INSERT, "delete the typed line before the cursor", I(InsertCmd::DeleteLine)),
    b("<C-r>{char}", INSERT, "insert register {char}", I(InsertCmd::InsertRegister)),
    b("<Left>", INSERT, "left", I(InsertCmd::Left)),
    b("<Right>", INSERT, "right", I(InsertCmd::Right)),
    b("<Up>", INSERT, "up", I(InsertCmd::Up)),
    b("<Down>", INSERT, "down", I(InsertCmd::Down)),
    b("<Home>", INSERT, "line start", I(InsertCmd::Home)),
    b("<End>", INSERT, "line end", I(InsertCmd::End)),

    b("<CR>", COMMAND_LINE, "run the command / search", Action::Doc),
    b("<Esc>", COMMAND_LINE, "cancel", Action::Doc),
    b("<BS>", COMMAND_LINE, "delete back (cancels when empty)", Action::Doc),
    b("<C-w>", COMMAND_LINE, "delete the word before the cursor", Action::Doc),
    b("<C-u>", COMMAND_LINE, "delete to the start", Action::Doc),
    b("<Up>", COMMAND_LINE, "previous command / pattern in history", Action::Doc),
    b("<Down>", COMMAND_LINE, "next command / pattern in history", Action::Doc),
    b("<Left>", COMMAND_LINE, "cursor left", Action::Doc),
    b("<Right>", COMMAND_LINE, "cursor right", Action::Doc),
];

/// Every editor binding, ex commands included, for the help screen.
pub fn bindings() -> &'static [Binding] {
    static ALL: OnceLock<Vec<Binding>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all = KEYMAP.to_vec();
        all.extend(ex::EX_COMMANDS.iter().map(|c| b(c.usage, EX, c.description, Action::Doc)));
        all
    })
}

/// Help sections in display order: a title per binding mode.
pub const SECTIONS: &[(BindMode, &str)] = &[
    (NORMAL, "Normal mode"),
    (MOTION, "Motions (normal and visual mode, and after an operator)"),
    (OPERATOR, "Operators (then a motion or text object; doubled for lines, e.g. dd)"),
    (TEXT_OBJECT, "Text objects (after an operator or in visual mode)"),
    (VISUAL, "Visual mode"),
    (INSERT, "Insert mode"),
    (COMMAND_LINE, "Command line (: and /)"),
    (EX, "Ex commands"),
];

/// The editor's keys of one mode for help: each description once, with every key that does it.
pub fn section(mode: BindMode) -> Vec<(Vec<&'static str>, &'static str)> {
    let mut out: Vec<(Vec<&'static str>, &'static str)> = Vec::new();
    for b in bindings().iter().filter(|b| b.mode == mode) {
        match out.iter_mut().find(|(_, d)| *d == b.description) {
            Some((keys, _)) => keys.push(b.keys),
            None => out.push((vec![b.keys], b.description)),
        }
    }
    out
}

/// The editor's keys per mode as Markdown tables (for `docs/KEYS.md`).
pub fn markdown() -> String {
    let code = |k: &str| {
        let k = k.replace('|', "\\|");
        if k.contains('`') {
            format!("`` {k} ``")
        } else {
            format!("`{k}`")
        }
    };
    let mut out = String::new();
    for (mode, title) in SECTIONS {
        out.push_str(&format!("\n### {title}\n\n| keys | what it does |\n|---|---|\n"));
        for (keys, desc) in section(*mode) {
            let keys: Vec<String> = keys.iter().map(|k| code(k)).collect();
            out.push_str(&format!("| {} | {} |\n", keys.join(" "), desc.replace('|', "\\|")));
        }
    }
    out
}

/// Where the parser is: which binding modes apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ctx {
    Normal,
    Visual,
    Pending,
    Insert,
}

impl Ctx {
    fn allows(self, mode: BindMode) -> bool {
        use BindMode as B;
        match self {
            Ctx::Normal => matches!(mode, B::Motion | B::Operator | B::Normal),
            Ctx::Visual => matches!(mode, B::Motion | B::Operator | B::TextObject | B::Visual),
            Ctx::Pending => matches!(mode, B::Motion | B::TextObject),
            Ctx::Insert => mode == B::Insert,
        }
    }

    fn from_map_mode(mode: &str) -> Option<&'static [Ctx]> {
        Some(match mode {
            "n" | "normal" => &[Ctx::Normal],
            "v" | "x" | "visual" => &[Ctx::Visual],
            "o" | "operator-pending" => &[Ctx::Pending],
            "i" | "insert" => &[Ctx::Insert],
            "" | "map" => &[Ctx::Normal, Ctx::Visual, Ctx::Pending],
            _ => return None,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pat {
    Key(KeyCode, KeyModifiers),
    AnyChar,
}

impl Pat {
    fn matches(self, k: &KeyEvent) -> Option<Option<char>> {
        match self {
            Pat::Key(code, mods) => (k.code == code && k.modifiers == mods).then_some(None),
            Pat::AnyChar => match k.code {
                KeyCode::Char(c) if !k.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => Some(Some(c)),
                KeyCode::Tab => Some(Some('\t')),
                KeyCode::Enter => Some(Some('\n')),
                _ => None,
            },
        }
    }
}

fn compile(keys: &str) -> Result<Vec<Pat>, KeyParseError> {
    let mut out = Vec::new();
    for (i, part) in keys.split("{char}").enumerate() {
        if i > 0 {
            out.push(Pat::AnyChar);
        }
        out.extend(parse_keys(part)?.into_iter().map(|k| Pat::Key(k.code, k.modifiers)));
    }
    Ok(out)
}

/// A bad user mapping, naming the offending key notation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    #[error("unknown mapping mode {0:?} (use normal, visual, operator-pending or insert)")]
    UnknownMode(String),
    #[error(transparent)]
    Keys(#[from] KeyParseError),
    #[error("mapping {0:?}: the left-hand side is empty")]
    Empty(String),
    #[error("insert-mode mapping {0:?}: only single keys can be mapped in insert mode")]
    InsertTooLong(String),
}

#[derive(Clone, Debug)]
struct UserMap {
    ctx: Ctx,
    lhs: Vec<Pat>,
    rhs: Vec<KeyEvent>,
}

pub(crate) enum Lookup {
    /// A prefix of at least one binding: wait for more keys.
    Pending,
    Matched(Action, Option<char>),
    /// A user mapping: feed these keys instead.
    Mapped(Vec<KeyEvent>),
    NotFound,
}

/// The compiled default table plus user mappings.
#[derive(Clone, Debug)]
pub(crate) struct Keymap {
    table: Vec<(Vec<Pat>, BindMode, Action)>,
    maps: Vec<UserMap>,
}

impl Default for Keymap {
    fn default() -> Self {
        static TABLE: OnceLock<Vec<(Vec<Pat>, BindMode, Action)>> = OnceLock::new();
        let table = TABLE.get_or_init(|| {
            KEYMAP
                .iter()
                .filter(|b| b.action != Action::Doc)
                .filter_map(|b| compile(b.keys).ok().map(|p| (p, b.mode, b.action)))
                .collect()
        });
        Self { table: table.clone(), maps: Vec::new() }
    }
}

fn match_seq(pats: &[Pat], keys: &[KeyEvent]) -> Option<(bool, Option<char>)> {
    if keys.len() > pats.len() {
        return None;
    }
    let mut arg = None;
    for (p, k) in pats.iter().zip(keys) {
        arg = p.matches(k)?.or(arg);
    }
    Some((keys.len() == pats.len(), arg))
}

impl Keymap {
    /// Adds a user mapping (`mode`: normal, visual, operator-pending, insert, or "" for the first three).
    pub fn map(&mut self, mode: &str, lhs: &str, rhs: &str) -> Result<(), KeymapError> {
        let ctxs = Ctx::from_map_mode(mode).ok_or_else(|| KeymapError::UnknownMode(mode.to_string()))?;
        let lhs_pats = compile(lhs)?;
        if lhs_pats.is_empty() {
            return Err(KeymapError::Empty(lhs.to_string()));
        }
        if ctxs.contains(&Ctx::Insert) && lhs_pats.len() > 1 {
            return Err(KeymapError::InsertTooLong(lhs.to_string()));
        }
        let rhs_keys = parse_keys(rhs)?;
        for &ctx in ctxs {
            self.maps.retain(|m| !(m.ctx == ctx && m.lhs == lhs_pats));
            self.maps.push(UserMap { ctx, lhs: lhs_pats.clone(), rhs: rhs_keys.clone() });
        }
        Ok(())
    }

    /// Looks up a key sequence: user mappings first (unless `noremap`), then the default table.
    pub fn lookup(&self, ctx: Ctx, keys: &[KeyEvent], noremap: bool) -> Lookup {
        let keys: Vec<KeyEvent> = keys.iter().map(|k| normalize(*k)).collect();
        let mut pending = false;
        if !noremap {
            for m in self.maps.iter().filter(|m| m.ctx == ctx) {
                match match_seq(&m.lhs, &keys) {
                    Some((true, _)) => return Lookup::Mapped(m.rhs.clone()),
                    Some((false, _)) => pending = true,
                    None => {}
                }
            }
        }
        for (pats, mode, action) in &self.table {
            if !ctx.allows(*mode) {
                continue;
            }
            match match_seq(pats, &keys) {
                Some((true, arg)) => return Lookup::Matched(*action, arg),
                Some((false, _)) => pending = true,
                None => {}
            }
        }
        if pending {
            Lookup::Pending
        } else {
            Lookup::NotFound
        }
    }
}
