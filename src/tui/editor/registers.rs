//! Registers: the unnamed register `"`, named `a`-`z` (`A`-`Z` append), the yank register `0`, the
//! delete history `1`-`9`, the small-delete register `-` and the black hole `_`.
//!
//! Linewise text always ends with `'\n'`. `+` and `*` are the system clipboard: what is written to them
//! waits in [`Registers::outgoing`] for the app to send (OSC 52), and reading them asks
//! [`Registers::reader`] (a clipboard tool), falling back to the last text written to them, then to the
//! unnamed register.

/// Register contents: text and whether it holds whole lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Register {
    pub text: String,
    pub linewise: bool,
    /// A visual block: one text line per row (`p` pastes it as a block).
    pub blockwise: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Write {
    Yank,
    Delete,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Registers {
    unnamed: Option<Register>,
    named: [Option<Register>; 26],
    numbered: [Option<Register>; 10],
    small: Option<Register>,
    /// The last text written to `+` or `*`, for when the system clipboard cannot be read.
    clipboard: Option<Register>,
    /// Text for the system clipboard, taken by the app after each key.
    pub outgoing: Option<String>,
    /// Every yank and delete also goes to the system clipboard (`:set clipboard=unnamedplus`).
    pub unnamed_plus: bool,
    /// Reads the system clipboard, where a tool for it exists.
    pub reader: Option<fn() -> Option<String>>,
}

/// Whether `c` names a register that can be used with `"`.
pub(crate) fn is_valid(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '"' | '-' | '_' | '+' | '*')
}

impl Registers {
    pub fn get(&self, name: Option<char>) -> Option<Register> {
        let name = match name {
            None if self.unnamed_plus => '+',
            None => '"',
            Some(c) => c,
        };
        Some(match name {
            '+' | '*' => return self.read_clipboard(),
            '"' => self.unnamed.clone()?,
            c @ 'a'..='z' => self.named[(c as u8 - b'a') as usize].clone()?,
            c @ 'A'..='Z' => self.named[(c as u8 - b'A') as usize].clone()?,
            c @ '0'..='9' => self.numbered[(c as u8 - b'0') as usize].clone()?,
            '-' => self.small.clone()?,
            _ => return None,
        })
    }

    /// The system clipboard's text when a tool can read it (linewise when it ends a line, or when it is what
    /// Codify wrote there linewise); else the last text written to `+`; else the unnamed register.
    fn read_clipboard(&self) -> Option<Register> {
        let ours = self.clipboard.as_ref().or(self.unnamed.as_ref());
        match self.reader.and_then(|read| read()) {
            Some(text) if ours.is_some_and(|r| r.text == text) => ours.cloned(),
            Some(text) => Some(Register { linewise: text.ends_with('\n'), text, blockwise: false }),
            None => ours.cloned(),
        }
    }

    pub fn set(&mut self, name: Option<char>, reg: Register, how: Write) {
        if matches!(name, Some('+' | '*')) || (name.is_none() && self.unnamed_plus) {
            self.outgoing = Some(reg.text.clone());
            self.clipboard = Some(reg.clone());
        }
        match name {
            Some('_') => {}
            Some('+' | '*') => self.unnamed = Some(reg),
            Some(c @ 'a'..='z') => {
                self.named[(c as u8 - b'a') as usize] = Some(reg.clone());
                self.unnamed = Some(reg);
            }
            Some(c @ 'A'..='Z') => {
                let slot = &mut self.named[(c as u8 - b'A') as usize];
                let merged = match slot.take() {
                    None => reg,
                    Some(old) => append(old, reg),
                };
                *slot = Some(merged.clone());
                self.unnamed = Some(merged);
            }
            _ => {
                if how == Write::Yank {
                    self.numbered[0] = Some(reg.clone());
                } else if reg.linewise || reg.text.contains('\n') {
                    for i in (2..10).rev() {
                        self.numbered[i] = self.numbered[i - 1].take();
                    }
                    self.numbered[1] = Some(reg.clone());
                } else {
                    self.small = Some(reg.clone());
                }
                self.unnamed = Some(reg);
            }
        }
    }
}

impl Registers {
    /// A recorded macro goes to its letter register only (`qA` appends to `a`), leaving `"` alone as vim does.
    pub fn record(&mut self, name: char, text: String) {
        let slot = &mut self.named[(name.to_ascii_lowercase() as u8 - b'a') as usize];
        let reg = Register { text, linewise: false, blockwise: false };
        *slot = Some(match slot.take() {
            Some(old) if name.is_ascii_uppercase() => append(old, reg),
            _ => reg,
        });
    }
}

fn append(old: Register, new: Register) -> Register {
    if old.linewise || new.linewise {
        let mut text = old.text;
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&new.text);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        Register { text, linewise: true, blockwise: false }
    } else {
        Register { text: old.text + &new.text, linewise: false, blockwise: false }
    }
}
