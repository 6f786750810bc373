//! Macros: `q{reg}` records the typed keys into a register, `@{reg}` replays them (`@@`: the last one), with
//! a count.
//!
//! A macro is stored in key notation (`ifoo<Esc>j`), so `"ap` shows it readably and an edited line yanked
//! back into the register (`"ay$`) replays. Recording writes only the named register (`qA` appends), not
//! `"`, as in vim.
//!
//! Replayed keys go into a queue that [`Editor::handle_key`](super::Editor::handle_key) drains, like vim's
//! typeahead: `@a` inside a macro puts its keys in front of the queue instead of recursing, so a recursive
//! macro cannot overflow the stack. A command that fails (a beep, a motion that cannot move, an error
//! message) drops everything queued — that is how a recursive macro ends. A macro that never fails is
//! stopped after [`MAX_KEYS`] keys with a message, so one key can never hang the app.

use std::collections::VecDeque;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keys::{key_name, parse_keys};
use super::{Editor, Level, Mode, Outcome};

/// Most keys one typed key may replay.
pub(crate) const MAX_KEYS: usize = 100_000;

#[derive(Clone, Debug, Default)]
pub(crate) struct Macros {
    /// The register being recorded into and the keys typed so far.
    recording: Option<(char, Vec<KeyEvent>)>,
    pub queue: VecDeque<KeyEvent>,
    /// The register `@@` replays.
    last: Option<char>,
    /// Set when a command fails; the queue is dropped.
    pub failed: bool,
}

impl Macros {
    pub fn recording(&self) -> Option<char> {
        self.recording.as_ref().map(|(r, _)| *r)
    }

    /// Keeps a typed key while recording.
    pub fn typed(&mut self, key: KeyEvent) {
        if let Some((_, keys)) = self.recording.as_mut() {
            keys.push(key);
        }
    }
}

impl Editor {
    /// `q` while recording, typed as a command of its own: stops the recording.
    pub(crate) fn stops_recording(&self, key: KeyEvent) -> bool {
        self.macros.recording.is_some()
            && self.pending.is_empty()
            && matches!(self.mode, Mode::Normal | Mode::Visual | Mode::VisualLine | Mode::VisualBlock)
            && key.code == KeyCode::Char('q')
            && key.modifiers == KeyModifiers::NONE
    }

    /// `q{reg}`: starts recording into a letter register.
    pub(crate) fn start_recording(&mut self, reg: char) -> Outcome {
        if !reg.is_ascii_alphabetic() {
            return self.beep();
        }
        self.macros.recording = Some((reg, Vec::new()));
        self.set_status(Level::Info, format!("recording @{}", reg.to_ascii_lowercase()));
        Outcome::Consumed
    }

    /// The closing `q`: stores the keys typed since `q{reg}` (without this `q`) in the register.
    pub(crate) fn stop_recording(&mut self) -> Outcome {
        let Some((reg, mut keys)) = self.macros.recording.take() else { return Outcome::Consumed };
        keys.pop();
        let text: String = keys.iter().map(key_name).collect();
        self.regs.record(reg, text);
        self.status = None;
        self.dot.rec.clear();
        Outcome::Consumed
    }

    /// `[count]@{reg}` / `@@`: queues the register's keys `count` times in front of whatever is queued.
    pub(crate) fn run_macro(&mut self, reg: char, count: usize) -> Outcome {
        let reg = if reg == '@' {
            match self.macros.last {
                Some(r) => r,
                None => {
                    self.set_status(Level::Error, "E748: No previously used register");
                    return self.beep();
                }
            }
        } else {
            reg
        };
        let Some(text) = self.regs.get(Some(reg)).map(|r| r.text) else { return self.beep() };
        let keys = match parse_keys(&text) {
            Ok(keys) => keys,
            Err(e) => {
                self.set_status(Level::Error, format!("register {reg}: {e}"));
                return self.beep();
            }
        };
        self.macros.last = Some(reg);
        let keys: Vec<KeyEvent> = keys.iter().copied().cycle().take(keys.len().saturating_mul(count)).collect();
        for k in keys.into_iter().rev() {
            self.macros.queue.push_front(k);
        }
        Outcome::Consumed
    }

    /// Replays queued macro keys; the first failure drops the rest.
    pub(crate) fn drain_macro_queue(&mut self, mut out: Outcome) -> Outcome {
        let mut n = 0;
        while let Some(k) = self.macros.queue.pop_front() {
            n += 1;
            if n > MAX_KEYS {
                self.macros.queue.clear();
                self.set_status(Level::Error, format!("macro stopped after {MAX_KEYS} keys"));
                break;
            }
            match self.dispatch(k) {
                Outcome::Consumed | Outcome::Unhandled => {}
                o => out = o,
            }
            if self.macros.failed {
                self.macros.queue.clear();
            }
        }
        out
    }
}
