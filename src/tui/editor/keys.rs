//! Vim key notation: `"d2w"`, `"ciwfoo<Esc>"`, `"<C-r>"`, `"\"ayy"`, `":w<CR>"` <-> crossterm `KeyEvent`s.
//!
//! Used by the keymap table (bindings are written in this notation), by user mappings, by scripted tests and
//! by the benchmark. A `<` that does not start a known `<name>` is a literal `<`, so `"<<"` is two keys;
//! `<lt>` is always a literal `<`.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

/// A key notation that could not be read (an unknown `<name>` inside a mapping, for instance).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid key notation {notation:?}: {reason}")]
pub struct KeyParseError {
    pub notation: String,
    pub reason: String,
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent { code, modifiers, kind: KeyEventKind::Press, state: KeyEventState::NONE }
}

/// Normalises a key from the terminal: `Shift` is dropped from characters (it is already in the character),
/// and `Ctrl` + an uppercase letter becomes `Ctrl` + the lowercase letter.
pub fn normalize(k: KeyEvent) -> KeyEvent {
    match k.code {
        KeyCode::Char(c) => {
            let m = k.modifiers - KeyModifiers::SHIFT;
            let mut c = c;
            if m.contains(KeyModifiers::CONTROL) && c.is_ascii_uppercase() {
                c = c.to_ascii_lowercase();
            }
            if c == '\n' || c == '\r' {
                return key(KeyCode::Enter, KeyModifiers::NONE);
            }
            key(KeyCode::Char(c), m)
        }
        KeyCode::BackTab => key(KeyCode::BackTab, KeyModifiers::NONE),
        code => key(code, k.modifiers),
    }
}

fn named(name: &str) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "esc" => KeyCode::Esc,
        "cr" | "enter" | "return" => KeyCode::Enter,
        "bs" | "backspace" => KeyCode::Backspace,
        "tab" => KeyCode::Tab,
        "s-tab" | "backtab" => KeyCode::BackTab,
        "del" | "delete" => KeyCode::Delete,
        "space" => KeyCode::Char(' '),
        "lt" => KeyCode::Char('<'),
        "gt" => KeyCode::Char('>'),
        "bar" => KeyCode::Char('|'),
        "bslash" => KeyCode::Char('\\'),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "insert" => KeyCode::Insert,
        _ => {
            // Any F-number reads; which function keys a front end can be sent is its own rule.
            let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
            if n >= 1 {
                KeyCode::F(n)
            } else {
                return None;
            }
        }
    })
}

/// Reads the inside of `<...>`: modifiers (`C-`, `A-`/`M-`, `S-`) then a name or a single character.
fn parse_angle(inner: &str) -> Option<KeyEvent> {
    if let Some(code) = named(inner) {
        return Some(key(code, KeyModifiers::NONE));
    }
    let mut mods = KeyModifiers::NONE;
    let mut rest = inner;
    loop {
        let lower = rest.to_ascii_lowercase();
        let m = if lower.starts_with("c-") {
            KeyModifiers::CONTROL
        } else if lower.starts_with("a-") || lower.starts_with("m-") {
            KeyModifiers::ALT
        } else if lower.starts_with("s-") {
            KeyModifiers::SHIFT
        } else {
            break;
        };
        if rest.len() <= 2 {
            break;
        }
        mods |= m;
        rest = &rest[2..];
    }
    if mods.is_empty() {
        return None;
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => {
            let c = if mods.contains(KeyModifiers::SHIFT) { c.to_ascii_uppercase() } else { c };
            KeyCode::Char(c)
        }
        _ => named(rest)?,
    };
    if matches!(code, KeyCode::Char(_)) {
        mods -= KeyModifiers::SHIFT;
    }
    Some(normalize(key(code, mods)))
}

/// Parses vim key notation into key events.
pub fn parse_keys(notation: &str) -> Result<Vec<KeyEvent>, KeyParseError> {
    let mut out = Vec::new();
    let mut rest = notation;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some(end) = rest[1..].find('>') {
                let inner = &rest[1..1 + end];
                if !inner.is_empty() && !inner.contains('<') {
                    if let Some(k) = parse_angle(inner) {
                        out.push(k);
                        rest = &rest[end + 2..];
                        continue;
                    }
                    let looks_named = inner.len() > 1 && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
                    if looks_named && (inner.contains('-') || inner.len() > 3) {
                        return Err(KeyParseError {
                            notation: notation.to_string(),
                            reason: format!("unknown key <{inner}>"),
                        });
                    }
                }
            }
        }
        out.push(match c {
            '\n' | '\r' => key(KeyCode::Enter, KeyModifiers::NONE),
            '\t' => key(KeyCode::Tab, KeyModifiers::NONE),
            '\x1b' => key(KeyCode::Esc, KeyModifiers::NONE),
            c => key(KeyCode::Char(c), KeyModifiers::NONE),
        });
        rest = &rest[c.len_utf8()..];
    }
    Ok(out)
}

/// The notation of one key, e.g. `"x"`, `"<C-r>"`, `"<Esc>"`.
pub fn key_name(k: &KeyEvent) -> String {
    let k = normalize(*k);
    let mut prefix = String::new();
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        prefix.push_str("C-");
    }
    if k.modifiers.contains(KeyModifiers::ALT) {
        prefix.push_str("A-");
    }
    if k.modifiers.contains(KeyModifiers::SHIFT) {
        prefix.push_str("S-");
    }
    let base = match k.code {
        KeyCode::Char('<') => "lt".to_string(),
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if prefix.is_empty() => return c.to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Enter => "CR".into(),
        KeyCode::Backspace => "BS".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PageUp".into(),
        KeyCode::PageDown => "PageDown".into(),
        KeyCode::Insert => "Insert".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    format!("<{prefix}{base}>")
}
