//! What keys do, as data: the actions a [`Binding`](super::Binding) can name.
//!
//! Motions move the cursor (or give an operator its range), operators act on a range, text objects select
//! one, and commands do everything else. The parser in `normal.rs` combines them.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    Left,
    Right,
    Up,
    Down,
    WordFwd,
    BigWordFwd,
    WordBack,
    BigWordBack,
    WordEnd,
    BigWordEnd,
    WordEndBack,
    BigWordEndBack,
    LineStart,
    FirstNonBlank,
    LineEnd,
    LastNonBlank,
    FileStart,
    FileEnd,
    FindFwd,
    FindBack,
    TillFwd,
    TillBack,
    RepeatFind,
    RepeatFindRev,
    MatchPair,
    ParaFwd,
    ParaBack,
    ScreenTop,
    ScreenMid,
    ScreenBottom,
    SearchNext,
    SearchPrev,
    /// `/`: opens the search prompt; the match is the motion.
    SearchForward,
    /// `?`
    SearchBackward,
    StarFwd,
    StarBack,
    NextLineStart,
    PrevLineStart,
    CurrentLine,
    Column,
    /// `[(`: the previous unmatched `(`.
    UnmatchedParenBack,
    /// `[{`
    UnmatchedBraceBack,
    /// `])`: the next unmatched `)`.
    UnmatchedParenFwd,
    /// `]}`
    UnmatchedBraceFwd,
    /// `gn`: the next match of the last search, as a visual selection or an operator's range.
    MatchNext,
    /// `gN`
    MatchPrev,
    /// `'{a-z}`: the first non-blank of the mark's line (linewise).
    MarkLine,
    /// `` `{a-z} ``: the mark's exact position (exclusive).
    MarkExact,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Delete,
    Change,
    Yank,
    Indent,
    Dedent,
    ToggleCase,
    Lower,
    Upper,
}

impl Operator {
    /// The key that, typed again after the operator, makes it act on whole lines (`dd`, `>>`, `guu`).
    pub fn line_key(self) -> char {
        match self {
            Operator::Delete => 'd',
            Operator::Change => 'c',
            Operator::Yank => 'y',
            Operator::Indent => '>',
            Operator::Dedent => '<',
            Operator::ToggleCase => '~',
            Operator::Lower => 'u',
            Operator::Upper => 'U',
        }
    }

    pub fn is_change(self) -> bool {
        self != Operator::Yank
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Object {
    Word,
    BigWord,
    Paren,
    Bracket,
    Brace,
    Angle,
    DoubleQuote,
    SingleQuote,
    BackQuote,
    Paragraph,
}

/// Normal-mode commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmd {
    Insert,
    Append,
    InsertFirstNonBlank,
    InsertCol0,
    AppendEnd,
    OpenBelow,
    OpenAbove,
    SubstChar,
    SubstLine,
    ChangeToEnd,
    DeleteToEnd,
    DeleteChar,
    DeleteCharBefore,
    YankLine,
    PutAfter,
    PutBefore,
    Replace,
    /// `R`: replace mode.
    ReplaceMode,
    /// `Ctrl-a`: add the count to the number at or after the cursor.
    Increment,
    /// `Ctrl-x`: subtract the count.
    Decrement,
    /// `&`: repeat the last `:s` on this line.
    RepeatSubst,
    /// `q{reg}`: start recording a macro (`q` again stops).
    Record,
    /// `@{reg}`: run a macro.
    Execute,
    /// `m{a-z}`: set a mark.
    SetMark,
    Join,
    JoinNoSpace,
    ToggleCase,
    Undo,
    Redo,
    Repeat,
    Visual,
    VisualLine,
    /// `Ctrl-v`: visual block mode.
    VisualBlock,
    Reselect,
    CmdLine,
    Register,
    HalfDown,
    HalfUp,
    PageDown,
    PageUp,
    ScrollDown,
    ScrollUp,
    ScrollCenter,
    ScrollTop,
    ScrollBottom,
    WriteQuit,
    ForceQuit,
}

/// Visual-mode commands (operators like `d`, `y`, `>` act on the selection directly).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VisualCmd {
    Exit,
    Char,
    Line,
    /// `Ctrl-v`: blockwise visual (again: leave).
    Block,
    Swap,
    /// `O`: in block mode the other corner on the same line; elsewhere like `o`.
    SwapCorner,
    DeleteLines,
    YankLines,
    ChangeLines,
    /// `C`: the selected lines; in block mode, from the block to each line's end.
    ChangeBlockEnd,
    Replace,
    Join,
    JoinNoSpace,
    PutAfter,
    PutBefore,
    InsertStart,
    AppendEnd,
    CmdLine,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InsertCmd {
    Exit,
    Newline,
    Backspace,
    Delete,
    Tab,
    DeleteWord,
    DeleteLine,
    InsertRegister,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
}

impl InsertCmd {
    /// Keys that only move the cursor (they split the insert for undo and `.`, as in vim).
    pub fn is_movement(self) -> bool {
        matches!(self, Self::Left | Self::Right | Self::Up | Self::Down | Self::Home | Self::End)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Motion(Motion),
    Operator(Operator),
    /// A text object; `true` for the inner (`i`) variant.
    Object(Object, bool),
    Cmd(Cmd),
    Visual(VisualCmd),
    Insert(InsertCmd),
    /// Documentation only (command-line editing keys, ex commands).
    Doc,
}
