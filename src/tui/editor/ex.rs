//! Ex command-line parsing: the text after `:` becomes an [`ExCommand`] for the app, an editor-local
//! command (`:set`, `:noh`, `:s`), or an error message in vim's words (`E492: Not an editor command: foo`).
//!
//! Command names accept vim-style abbreviations down to a minimum length (`:w`, `:wri`, `:write`).
//! `EX_COMMANDS` is also listed in the help table (see `keymap::bindings`).

/// A command the app must carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExCommand {
    /// `:w` (save the draft) or `:w FILE`.
    Write(Option<String>),
    /// `:e FILE`.
    Edit(String),
    /// `:q`.
    Quit,
    /// `:q!` / `ZQ`.
    ForceQuit,
    /// `:wq`, `:x`, `ZZ`.
    WriteQuit,
    /// `:run`: run the examples.
    Run,
    /// `:submit`: judge against all tests.
    Submit,
    /// `:hint` (the next hint) or `:hint QUESTION` (ask the tutor).
    Hint(Option<String>),
    /// `:giveup`: ask the tutor for the full solution (all hints count as used).
    GiveUp,
    /// `:vote up|down|clear`.
    Vote(String),
    /// `:comment [#tag] TEXT`.
    Comment(String),
    /// `:reset`: back to the starter code.
    Reset,
    /// `:history` (toggle the list of past submissions) or `:history N` (load the Nth newest's code).
    History(Option<String>),
    /// `:set OPTION[=VALUE]` for an option the editor does not know (the option as typed, the value).
    Set(String, Option<String>),
    /// `:external`: edit the buffer in `$EDITOR`, then reload it.
    OpenExternal,
    /// `:42` (the editor has already moved the cursor there; 1-based).
    Line(usize),
    /// `:help`: show the key bindings.
    Help,
}

/// One ex command for the parser and the help screen.
pub(crate) struct ExSpec {
    pub name: &'static str,
    /// Shortest accepted abbreviation.
    pub min: usize,
    pub usage: &'static str,
    pub description: &'static str,
}

const fn ex(name: &'static str, min: usize, usage: &'static str, description: &'static str) -> ExSpec {
    ExSpec { name, min, usage, description }
}

pub(crate) const EX_COMMANDS: &[ExSpec] = &[
    ex("write", 1, ":w [FILE]", "save the draft (or write to FILE)"),
    ex("wq", 2, ":wq", "save and quit"),
    ex("xit", 1, ":x", "save and quit"),
    ex("exit", 3, ":exit", "save and quit"),
    ex("quit", 1, ":q", "quit (:q! discards changes)"),
    ex("qall", 2, ":qa", "quit (:qa! discards changes)"),
    ex("wall", 2, ":wa", "save the draft"),
    ex("wqall", 3, ":wqa", "save and quit"),
    ex("xall", 2, ":xa", "save and quit"),
    ex("edit", 1, ":e FILE", "open FILE in the editor"),
    ex("run", 3, ":run", "run the examples"),
    ex("submit", 3, ":submit", "submit against all tests"),
    ex("hint", 3, ":hint [QUESTION]", "ask the tutor: the next hint, or QUESTION"),
    ex("ask", 3, ":ask QUESTION", "ask the tutor a question"),
    ex("giveup", 4, ":giveup", "give up: the tutor explains a full solution"),
    ex("vote", 4, ":vote up|down|clear", "vote on this problem (synced to the community server)"),
    ex("comment", 4, ":comm[ent] [#TAG] TEXT", "comment on this problem; TAG: too_hard, good_intro, pattern_practice"),
    ex("reset", 3, ":reset", "back to the starter code (undo with u)"),
    ex("history", 7, ":history [N]", "your past submissions of this problem; N loads the Nth newest's code (undo with u)"),
    ex("external", 3, ":ext[ernal]", "edit the code in $EDITOR"),
    ex("set", 2, ":set OPTION", "number, relativenumber, ignorecase, smartcase, hlsearch, wrapscan, autoindent, paste, scrolloff=N, shiftwidth=N, clipboard=unnamedplus; no*, inv*, OPTION!, OPTION?"),
    ex("nohlsearch", 3, ":noh", "hide search highlighting until the next search"),
    ex("substitute", 1, ":[range]s/PAT/REP/[gi]", "substitute (range: %, N, N,M, ., $, '<,'>)"),
    ex("global", 1, ":[range]g[!]/PAT/CMD", "run the ex command CMD on every line matching PAT (g!: not matching); one undo step"),
    ex("vglobal", 1, ":[range]v/PAT/CMD", "run CMD on every line not matching PAT"),
    ex("normal", 4, ":[range]norm[al][!] KEYS", "type KEYS (plain characters) in normal mode on each line; an unfinished insert ends"),
    ex("delete", 1, ":[range]d [x]", "delete lines (into register x)"),
    ex("help", 1, ":h", "show the key bindings"),
];

/// A line range of `:s`, 0-based inclusive rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LineRange {
    pub first: usize,
    pub last: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Parsed {
    Nothing,
    App(ExCommand),
    /// `:set` arguments, one per word.
    Set(Vec<String>),
    NoHighlight,
    Substitute {
        range: LineRange,
        pattern: String,
        replacement: String,
        flags: String,
    },
    /// `:g/pat/cmd`, `:g!` and `:v` (`invert`: the lines that do not match).
    Global {
        range: LineRange,
        pattern: String,
        invert: bool,
        command: String,
    },
    /// `:normal keys` (`remap` unless `:normal!`); without a range, on the cursor line.
    Normal {
        range: Option<LineRange>,
        keys: String,
        remap: bool,
    },
    /// `:d [x]`.
    Delete {
        range: LineRange,
        register: Option<char>,
    },
}

/// Where the cursor and the buffer are, for ranges.
pub(crate) struct Env {
    pub cursor_row: usize,
    pub last_row: usize,
    pub visual: Option<(usize, usize)>,
}

fn parse_address(s: &str, env: &Env) -> Option<(usize, usize)> {
    // Returns (row, bytes consumed). Addresses: N, ., $, '< and '>.
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let n: usize = s[..digits].parse().unwrap_or(usize::MAX);
        return Some((n.saturating_sub(1), digits));
    }
    match s.as_bytes().first()? {
        b'.' => Some((env.cursor_row, 1)),
        b'$' => Some((env.last_row, 1)),
        b'\'' => {
            let (a, b) = env.visual.unwrap_or((env.cursor_row, env.cursor_row));
            match s.as_bytes().get(1)? {
                b'<' => Some((a, 2)),
                b'>' => Some((b, 2)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Splits a leading range off; returns (range, rest, whether a range was given).
fn parse_range<'a>(s: &'a str, env: &Env) -> Result<(Option<LineRange>, &'a str), String> {
    if let Some(rest) = s.strip_prefix('%') {
        return Ok((Some(LineRange { first: 0, last: env.last_row }), rest));
    }
    let Some((first, n)) = parse_address(s, env) else { return Ok((None, s)) };
    let rest = &s[n..];
    if let Some(after) = rest.strip_prefix(',') {
        let (last, m) = parse_address(after, env).ok_or_else(|| "E14: Invalid address".to_string())?;
        let (first, last) = if first <= last { (first, last) } else { (last, first) };
        return Ok((Some(LineRange { first, last }), &after[m..]));
    }
    Ok((Some(LineRange { first, last: first }), rest))
}

fn lookup(name: &str) -> Option<&'static str> {
    EX_COMMANDS.iter().find(|c| name.len() >= c.min && c.name.starts_with(name)).map(|c| c.name)
}

/// Parses one command line (without the leading `:`).
pub(crate) fn parse(line: &str, env: &Env) -> Result<Parsed, String> {
    // Trailing blanks are kept for `:normal` (they are keys) and dropped everywhere else.
    let untrimmed = line.trim_start_matches([' ', ':']);
    let text = untrimmed.trim_end();
    if text.is_empty() {
        return Ok(Parsed::Nothing);
    }
    let (range, rest) = parse_range(untrimmed, env)?;
    let keys = rest.trim_start();
    let rest = keys.trim_end();
    if rest.is_empty() {
        return match range {
            Some(r) => Ok(Parsed::App(ExCommand::Line(r.last.min(env.last_row) + 1))),
            None => Ok(Parsed::Nothing),
        };
    }
    let name_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let name = &rest[..name_len];
    let after = &rest[name_len..];
    let (bang, args) = match after.strip_prefix('!') {
        Some(a) => (true, a.trim()),
        None => (false, after.trim()),
    };
    let not_cmd = || format!("E492: Not an editor command: {text}");
    let Some(full) = lookup(name) else { return Err(not_cmd()) };
    // `:s/a/b/` and `:s#a#b#`: the name stops at the delimiter.
    if full == "substitute" {
        let range = range.unwrap_or(LineRange { first: env.cursor_row, last: env.cursor_row });
        return parse_substitute(after, range).ok_or_else(not_cmd);
    }
    let current = LineRange { first: env.cursor_row, last: env.cursor_row };
    match full {
        "global" | "vglobal" => {
            let range = range.unwrap_or(LineRange { first: 0, last: env.last_row });
            let (pattern, command) =
                split_pattern(args).ok_or_else(|| "E476: Invalid command: regular expression expected".to_string())?;
            return Ok(Parsed::Global { range, pattern, invert: bang || full == "vglobal", command });
        }
        "normal" => {
            let keys = keys[name_len..].strip_prefix('!').unwrap_or(&keys[name_len..]).trim_start();
            return Ok(Parsed::Normal { range, keys: keys.to_string(), remap: !bang });
        }
        "delete" => return Ok(Parsed::Delete { range: range.unwrap_or(current), register: args.chars().next() }),
        _ => {}
    }
    if range.is_some() {
        return Err("E481: No range allowed".to_string());
    }
    let file = (!args.is_empty()).then(|| args.to_string());
    let cmd = match full {
        "write" | "wall" => ExCommand::Write(file),
        "wq" | "xit" | "exit" | "wqall" | "xall" => ExCommand::WriteQuit,
        "quit" | "qall" if bang => ExCommand::ForceQuit,
        "quit" | "qall" => ExCommand::Quit,
        "edit" => match file {
            Some(f) => ExCommand::Edit(f),
            None => return Err("E32: No file name".to_string()),
        },
        "run" => ExCommand::Run,
        "submit" => ExCommand::Submit,
        "hint" => ExCommand::Hint(file),
        "ask" => match file {
            Some(q) => ExCommand::Hint(Some(q)),
            None => return Err("E471: Argument required: :ask QUESTION".to_string()),
        },
        "giveup" => ExCommand::GiveUp,
        "vote" => match file {
            Some(v) => ExCommand::Vote(v),
            None => return Err("E471: Argument required: :vote up|down|clear".to_string()),
        },
        "comment" => match file {
            Some(c) => ExCommand::Comment(c),
            None => return Err("E471: Argument required: :comment [#TAG] TEXT".to_string()),
        },
        "reset" => ExCommand::Reset,
        "history" => ExCommand::History(file),
        "external" => ExCommand::OpenExternal,
        "help" => ExCommand::Help,
        "nohlsearch" => return Ok(Parsed::NoHighlight),
        "set" => return Ok(Parsed::Set(args.split_whitespace().map(str::to_string).collect())),
        _ => return Err(not_cmd()),
    };
    Ok(Parsed::App(cmd))
}

/// `/pat/cmd` of `:g`: the pattern up to the next unescaped delimiter, and the rest.
fn split_pattern(s: &str) -> Option<(String, String)> {
    let mut chars = s.char_indices();
    let (_, delim) = chars.next()?;
    if delim.is_alphanumeric() || matches!(delim, ' ' | '\\' | '"' | '|') {
        return None;
    }
    let mut pattern = String::new();
    let mut escaped = false;
    for (i, c) in chars {
        if escaped {
            if c != delim {
                pattern.push('\\');
            }
            pattern.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == delim {
            return Some((pattern, s[i + c.len_utf8()..].to_string()));
        } else {
            pattern.push(c);
        }
    }
    Some((pattern, String::new()))
}

/// `/pat/rep/flags` with any non-alphanumeric delimiter; `\` escapes the delimiter.
fn parse_substitute(s: &str, range: LineRange) -> Option<Parsed> {
    let mut chars = s.chars();
    let delim = chars.next()?;
    if delim.is_alphanumeric() || delim == ' ' || delim == '\\' || delim == '"' {
        return None;
    }
    let mut fields = vec![String::new()];
    let mut escaped = false;
    for c in chars {
        let full = fields.len() >= 3;
        let field = fields.last_mut()?;
        if escaped {
            if c != delim {
                field.push('\\');
            }
            field.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == delim && !full {
            fields.push(String::new());
        } else {
            field.push(c);
        }
    }
    if escaped {
        fields.last_mut()?.push('\\');
    }
    let mut it = fields.into_iter();
    let pattern = it.next().unwrap_or_default();
    let replacement = it.next().unwrap_or_default();
    let flags = it.next().unwrap_or_default().trim().to_string();
    Some(Parsed::Substitute { range, pattern, replacement, flags })
}
