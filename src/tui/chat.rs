//! The tutor pane's conversation: the stored history of the problem, the turn being streamed, and the
//! question being typed. Pure state; the runtime runs the turns (`coach::spawn_chat`) and feeds their
//! events back through [`Chat::event`].

use crate::coach::{ChatEvent, Reply, Source};
use crate::store::{ChatMessage, ChatRole};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Learner,
    Tutor,
    /// What the tutor pane says about a turn: offline and why, cut short, held back.
    Note,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub who: Who,
    pub text: String,
    /// For tutor entries: `offline tutor` or the model's name.
    pub label: String,
}

/// A turn in flight.
#[derive(Debug, Clone, PartialEq)]
pub struct Streaming {
    pub tag: u64,
    pub text: String,
    /// Empty until the turn says who answers.
    pub label: String,
}

#[derive(Debug, Clone, Default)]
pub struct Chat {
    pub entries: Vec<Entry>,
    pub streaming: Option<Streaming>,
    /// The question being typed (the pane's input line), when open.
    pub input: Option<String>,
    /// The stored history has been loaded.
    pub loaded: bool,
    /// Keep the newest text in view; scrolling up turns it off, a new turn turns it on.
    pub follow: bool,
}

/// What to call who answered.
pub fn label(source: Source, model: Option<&str>) -> String {
    match (source, model) {
        (Source::Llm, Some(m)) => m.to_string(),
        (Source::Llm, None) => "tutor".to_string(),
        (Source::Offline, _) => "offline tutor".to_string(),
    }
}

impl Chat {
    /// Puts the stored conversation before anything said since the pane opened.
    pub fn load(&mut self, history: Vec<ChatMessage>) {
        let mut entries: Vec<Entry> = history
            .into_iter()
            .map(|m| match m.role {
                ChatRole::Learner => Entry { who: Who::Learner, text: question_text(&m.text), label: String::new() },
                ChatRole::Tutor => {
                    let source = if m.source.as_deref() == Some("llm") { Source::Llm } else { Source::Offline };
                    Entry { who: Who::Tutor, text: m.text, label: label(source, m.model.as_deref()) }
                }
            })
            .collect();
        if !entries.is_empty() {
            entries.push(Entry {
                who: Who::Note, text: "— earlier conversation above —".into(), label: String::new()
            });
        }
        entries.append(&mut self.entries);
        self.entries = entries;
        self.loaded = true;
        self.follow = true;
    }

    /// Starts a turn: the learner's words go up at once and the reply streams in under them.
    pub fn ask(&mut self, tag: u64, question: &str, give_up: bool) {
        let shown = if give_up { "I give up — show me a solution".to_string() } else { question_text(question) };
        self.entries.push(Entry { who: Who::Learner, text: shown, label: String::new() });
        self.streaming = Some(Streaming { tag, text: String::new(), label: String::new() });
        self.follow = true;
    }

    pub fn busy(&self) -> bool {
        self.streaming.is_some()
    }

    /// Applies one event of the turn `tag`; returns the reply when the turn ended with one.
    pub fn event(&mut self, tag: u64, event: ChatEvent) -> Option<Reply> {
        let s = self.streaming.as_mut().filter(|s| s.tag == tag)?;
        match event {
            ChatEvent::Started { source, model } => {
                s.label = label(source, model.as_deref());
                None
            }
            ChatEvent::Text(t) => {
                s.text.push_str(&t);
                None
            }
            ChatEvent::Done(reply) => {
                self.streaming = None;
                let text = if reply.text.trim().is_empty() && reply.cancelled {
                    "(stopped before any answer)".to_string()
                } else {
                    reply.text.clone()
                };
                self.entries.push(Entry { who: Who::Tutor, text, label: label(reply.source, reply.model.as_deref()) });
                for note in notes(&reply) {
                    self.entries.push(Entry { who: Who::Note, text: note, label: String::new() });
                }
                Some(reply)
            }
            ChatEvent::Failed(e) => {
                self.streaming = None;
                self.entries.push(Entry {
                    who: Who::Note,
                    text: format!("the tutor could not answer: {e}"),
                    label: String::new(),
                });
                None
            }
        }
    }
}

/// An empty question asks for the next hint; say so instead of showing nothing.
fn question_text(q: &str) -> String {
    if q.trim().is_empty() {
        "(next hint)".to_string()
    } else {
        q.trim().to_string()
    }
}

/// The facts about a reply that the learner should see under it.
fn notes(r: &Reply) -> Vec<String> {
    let mut out = Vec::new();
    if r.cancelled {
        out.push("stopped (Ctrl-C)".to_string());
    }
    if r.partial {
        out.push("the model's reply broke off; the offline tutor finished the answer".to_string());
    }
    // An offline reply says why in its own first line ("offline: …"): no second notice under it.
    if r.held_back > 0 {
        out.push("a complete solution was held back (:giveup shows one)".to_string());
    }
    if r.question_truncated {
        out.push("your question was long; the tutor read its first 2,000 characters".to_string());
    }
    if r.cached {
        out.push("answered from the cache".to_string());
    }
    out
}

/// An offline tutor's reply, for tests of the pane.
#[cfg(test)]
pub(crate) fn offline_reply(text: &str, hints_used: u32) -> Reply {
    Reply {
        problem: "two-sum".into(),
        source: Source::Offline,
        offline_reason: Some("no LLM is configured".into()),
        offline_code: Some("not_configured".into()),
        text: text.into(),
        intent: crate::coach::Intent::NextHint,
        hint_number: Some(hints_used),
        hints_used,
        hints_total: 3,
        model: None,
        cached: false,
        held_back: 0,
        question_truncated: false,
        partial: false,
        cancelled: false,
        solution_shown: false,
        passages: vec![],
        prompt_tokens: 0,
        completion_tokens: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(text: &str) -> Reply {
        offline_reply(text, 1)
    }

    #[test]
    fn a_turn_streams_then_lands_with_its_notes() {
        let mut c = Chat::default();
        c.ask(7, "", false);
        assert_eq!(c.entries[0].text, "(next hint)");
        c.event(7, ChatEvent::Started { source: Source::Llm, model: Some("m1".into()) });
        c.event(7, ChatEvent::Text("Think about ".into()));
        c.event(7, ChatEvent::Text("a map.".into()));
        assert_eq!(
            c.streaming.as_ref().map(|s| (s.text.as_str(), s.label.as_str())),
            Some(("Think about a map.", "m1"))
        );
        let mut r = reply("Think about a map. Then finish offline.");
        r.partial = true;
        assert!(c.event(7, ChatEvent::Done(r)).is_some());
        assert!(!c.busy());
        assert_eq!(c.entries[1].text, "Think about a map. Then finish offline.");
        assert!(c.entries[2].text.contains("broke off"), "{:?}", c.entries);
        assert_eq!(c.entries.len(), 3, "a partial reply is not also labelled plain offline");
    }

    #[test]
    fn events_of_another_turn_are_ignored() {
        let mut c = Chat::default();
        c.ask(1, "why?", false);
        assert!(c.event(2, ChatEvent::Done(reply("late"))).is_none());
        assert!(c.busy());
    }

    #[test]
    fn history_goes_before_what_was_said_since() {
        let mut c = Chat::default();
        c.ask(1, "new question", false);
        let old = |role, text: &str| ChatMessage {
            id: 1,
            problem: "two-sum".into(),
            role,
            text: text.into(),
            source: Some("llm".into()),
            offline_reason: None,
            model: Some("m1".into()),
            hint_number: None,
            created_at: 0,
        };
        c.load(vec![old(ChatRole::Learner, "old question"), old(ChatRole::Tutor, "old answer")]);
        let texts: Vec<&str> = c.entries.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["old question", "old answer", "— earlier conversation above —", "new question"]);
        assert_eq!(c.entries[1].label, "m1");
    }
}
