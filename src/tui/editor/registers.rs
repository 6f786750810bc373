//! Registers: the unnamed register `"`, named `a`-`z` (`A`-`Z` append), the yank register `0`, the
//! delete history `1`-`9`, the small-delete register `-` and the black hole `_`.
//!
//! Linewise text always ends with `'\n'`. There is no system clipboard: `+` and `*` act as the unnamed
//! register.

/// Register contents: text and whether it holds whole lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Register {
    pub text: String,
    pub linewise: bool,
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
}

/// Whether `c` names a register that can be used with `"`.
pub(crate) fn is_valid(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '"' | '-' | '_' | '+' | '*')
}

impl Registers {
    pub fn get(&self, name: Option<char>) -> Option<&Register> {
        match name.unwrap_or('"') {
            '"' | '+' | '*' => self.unnamed.as_ref(),
            c @ 'a'..='z' => self.named[(c as u8 - b'a') as usize].as_ref(),
            c @ 'A'..='Z' => self.named[(c as u8 - b'A') as usize].as_ref(),
            c @ '0'..='9' => self.numbered[(c as u8 - b'0') as usize].as_ref(),
            '-' => self.small.as_ref(),
            _ => None,
        }
    }

    pub fn set(&mut self, name: Option<char>, reg: Register, how: Write) {
        match name {
            Some('_') => {}
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
        Register { text, linewise: true }
    } else {
        Register { text: old.text + &new.text, linewise: false }
    }
}
