//! The intake: what a learner says about themselves before a plan is made (DESIGN.md §6). It is read from
//! flags, from an interactive session or from a TOML/JSON file, and always goes through
//! [`Intake::validate`], whose errors are one line naming the field, what is wrong and how to fix it.
//!
//! Topic names in `confidence` must be topics of the knowledge progression; weaknesses are free text, and
//! those that name a topic or a mistake pattern (`off_by_one`, `two-pointers`, ...) steer the planner.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analysis::FindingKind;
use crate::knowledge::Progression;

/// Shortest and longest plans, in weeks.
pub const MIN_WEEKS: u32 = 2;
pub const MAX_WEEKS: u32 = 12;
/// Hours per week a plan can be fitted to.
pub const MIN_HOURS: f64 = 1.0;
pub const MAX_HOURS: f64 = 60.0;
/// Longest free-text field, in characters.
const MAX_TEXT: usize = 2000;
const MAX_ITEMS: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Beginner, Level::Intermediate, Level::Advanced];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }

    pub fn parse(s: &str) -> Result<Level, String> {
        Level::ALL
            .into_iter()
            .find(|l| l.as_str() == s.trim().to_ascii_lowercase())
            .ok_or_else(|| format!("level `{}` is not one of beginner, intermediate, advanced", s.trim()))
    }
}

/// The follow-up questions asked when a plan is regenerated (`codify plan regenerate`, `r` on the plan
/// screen); the answers are kept with the profile.
pub const FOLLOW_UP: [&str; 3] = [
    "What felt hardest so far?",
    "Hours per week from now on (blank keeps the current number)?",
    "Anything to focus on or avoid?",
];

/// One follow-up question asked at a plan regeneration, and the learner's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub at_ms: i64,
    pub question: String,
    pub answer: String,
}

fn default_days() -> u8 {
    5
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intake {
    pub level: Level,
    #[serde(default)]
    pub roles: Vec<String>,
    pub timeline_weeks: u32,
    pub hours_per_week: f64,
    /// Days a week the learner practises (1–7, default 5): the hours are spread over them.
    #[serde(default = "default_days")]
    pub days_per_week: u8,
    /// Self-rated confidence per progression topic, 1 (none) to 5 (could teach it).
    #[serde(default)]
    pub confidence: BTreeMap<String, u8>,
    #[serde(default)]
    pub weaknesses: Vec<String>,
    #[serde(default)]
    pub constraints: Vec<String>,
    #[serde(default)]
    pub experience: String,
    #[serde(default)]
    pub answers: Vec<Answer>,
    /// A well-known list to keep to (`blind-75`, `neetcode-150`): plans use only its problems.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<String>,
}

/// What a declared weakness names, when it names something Codify knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Declared {
    Topic(String),
    Pattern(FindingKind),
}

impl Intake {
    /// Folds in the answers to [`FOLLOW_UP`] (blank or missing ones are skipped) and keeps them: new hours
    /// per week, and a hardest thing that names a topic or pattern becomes a declared weakness.
    pub fn apply_follow_up(
        &mut self,
        given: &[Option<String>; 3],
        now_ms: i64,
        prog: &Progression,
    ) -> Result<(), String> {
        for (q, a) in FOLLOW_UP.iter().zip(given) {
            let Some(answer) = a.as_deref().map(str::trim).filter(|a| !a.is_empty()) else { continue };
            if *q == FOLLOW_UP[1] {
                self.hours_per_week =
                    answer.parse().map_err(|_| format!("hours per week `{answer}`: give a number of hours, e.g. 6"))?;
            }
            if *q == FOLLOW_UP[0] {
                let mut probe = self.clone();
                probe.weaknesses = vec![answer.to_string()];
                let names = probe.declared(prog);
                if matches!(names.first(), Some(Declared::Topic(_) | Declared::Pattern(_)))
                    && !self.weaknesses.iter().any(|w| w == answer)
                {
                    self.weaknesses.push(answer.to_string());
                }
            }
            self.answers.push(Answer { at_ms: now_ms, question: q.to_string(), answer: answer.to_string() });
        }
        self.validate()
    }

    /// A starting intake: the given level, timeline and hours; everything else empty.
    pub fn new(level: Level, timeline_weeks: u32, hours_per_week: f64) -> Intake {
        Intake {
            level,
            roles: Vec::new(),
            timeline_weeks,
            hours_per_week,
            days_per_week: default_days(),
            confidence: BTreeMap::new(),
            weaknesses: Vec::new(),
            constraints: Vec::new(),
            experience: String::new(),
            answers: Vec::new(),
            list: None,
        }
    }

    /// Checks every field against the embedded progression; see [`Intake::validate_with`].
    pub fn validate(&self) -> Result<(), String> {
        match crate::knowledge::progression() {
            Ok(p) => self.validate_with(&p),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Checks every field; the error is one line that says which field, what is wrong and how to fix it.
    pub fn validate_with(&self, progression: &Progression) -> Result<(), String> {
        if !(MIN_WEEKS..=MAX_WEEKS).contains(&self.timeline_weeks) {
            return Err(format!(
                "timeline_weeks is {}; plans run {MIN_WEEKS} to {MAX_WEEKS} weeks, pass a number in that range",
                self.timeline_weeks
            ));
        }
        if !self.hours_per_week.is_finite() || !(MIN_HOURS..=MAX_HOURS).contains(&self.hours_per_week) {
            return Err(format!(
                "hours_per_week is {}; give the hours you can practise each week, {MIN_HOURS} to {MAX_HOURS}",
                self.hours_per_week
            ));
        }
        if !(1..=7).contains(&self.days_per_week) {
            return Err(format!("days_per_week is {}; give 1 to 7 days", self.days_per_week));
        }
        if let Some(list) = self.list.as_deref().filter(|l| !crate::problems::LISTS.contains(l)) {
            return Err(format!("list is `{list}`; keep to one of {}, or to none", crate::problems::LISTS.join(", ")));
        }
        for (topic, &c) in &self.confidence {
            if let Some(to) = progression.renamed.get(topic) {
                return Err(format!("confidence: `{topic}` is now {}; rate those instead", to.join(" and ")));
            }
            if progression.topic(topic).is_none() {
                let names: Vec<&str> = progression.topics.iter().map(|t| t.name.as_str()).collect();
                return Err(format!("confidence: unknown topic `{topic}`; topics are {}", names.join(", ")));
            }
            if !(1..=5).contains(&c) {
                return Err(format!("confidence.{topic} is {c}; rate each topic from 1 (new to it) to 5 (strong)"));
            }
        }
        let lists = [("roles", &self.roles), ("weaknesses", &self.weaknesses), ("constraints", &self.constraints)];
        for (field, items) in lists {
            if items.len() > MAX_ITEMS {
                return Err(format!("{field} has {} entries; keep it to {MAX_ITEMS}", items.len()));
            }
            if let Some(i) = items.iter().position(|s| s.trim().is_empty() || s.chars().count() > MAX_TEXT) {
                return Err(format!("{field}[{i}] is empty or longer than {MAX_TEXT} characters; shorten or drop it"));
            }
        }
        if self.experience.chars().count() > MAX_TEXT {
            return Err(format!("experience is longer than {MAX_TEXT} characters; shorten it"));
        }
        Ok(())
    }

    /// Parses a profile file: TOML, or JSON when `path_hint` ends in `.json` or the text starts with `{`.
    /// The error names the field and the line when the parser knows them.
    pub fn parse_file(text: &str, path_hint: &str) -> Result<Intake, String> {
        let json = path_hint.ends_with(".json") || text.trim_start().starts_with('{');
        let intake: Intake = if json {
            serde_json::from_str(text).map_err(|e| format!("{path_hint}: {e}"))?
        } else {
            toml::from_str(text).map_err(|e| {
                let msg = e.message().trim().to_string();
                let line = e
                    .span()
                    .map(|s| text.as_bytes()[..s.start.min(text.len())].iter().filter(|b| **b == b'\n').count() + 1);
                match line {
                    Some(l) => format!("{path_hint}: line {l}: {msg}"),
                    None => format!("{path_hint}: {msg}"),
                }
            })?
        };
        let mut intake = intake;
        if let Ok(p) = crate::knowledge::progression() {
            intake.rename_topics(&p);
        }
        intake.validate().map_err(|e| format!("{path_hint}: {e}"))?;
        Ok(intake)
    }

    /// Rates a topic; a [renamed](Progression::renamed) name rates each topic it became.
    pub fn rate(&mut self, topic: &str, rating: u8, progression: &Progression) {
        match progression.renamed.get(topic) {
            Some(to) => self.confidence.extend(to.iter().map(|t| (t.clone(), rating))),
            None => {
                self.confidence.insert(topic.to_string(), rating);
            }
        }
    }

    /// Moves ratings given under [renamed](Progression::renamed) names (a profile file written for an
    /// older version) to the topics that replaced them, where those have no rating of their own.
    pub fn rename_topics(&mut self, progression: &Progression) {
        for (old, to) in &progression.renamed {
            if let Some(rating) = self.confidence.remove(old) {
                for t in to {
                    self.confidence.entry(t.clone()).or_insert(rating);
                }
            }
        }
    }

    /// Declared weaknesses that name a progression topic (by name, title or a renamed name; one name can
    /// stand for several topics) or a mistake pattern.
    pub fn declared(&self, progression: &Progression) -> Vec<Declared> {
        let mut out = Vec::new();
        for w in &self.weaknesses {
            let key = w.trim().to_ascii_lowercase().replace([' ', '_'], "-");
            let by_title = progression.topics.iter().find(|t| t.title.eq_ignore_ascii_case(w.trim()));
            let topics = match by_title {
                Some(t) => vec![t],
                None => progression.expand(&key),
            };
            if !topics.is_empty() {
                out.extend(topics.into_iter().map(|t| Declared::Topic(t.name.clone())));
            } else if let Some(k) = FindingKind::parse(&key.replace('-', "_")) {
                out.push(Declared::Pattern(k));
            }
        }
        out
    }

    /// Minutes a week the plan may fill.
    pub fn weekly_minutes(&self) -> u32 {
        (self.hours_per_week * 60.0).floor() as u32
    }

    /// The profile's vector (of [`Intake::embedding_text`]) for the store.
    pub fn embedding(&self) -> crate::embed::Embedding {
        crate::embed::local_embedding(&self.embedding_text())
    }

    /// The text embedded for the profile: everything a similar learner would share.
    pub fn embedding_text(&self) -> String {
        let conf: Vec<String> = self.confidence.iter().map(|(t, c)| format!("{t} {c}")).collect();
        format!(
            "{} {} weeks {} hours; roles: {}; confidence: {}; weaknesses: {}; constraints: {}; {}",
            self.level.as_str(),
            self.timeline_weeks,
            self.hours_per_week,
            self.roles.join(", "),
            conf.join(", "),
            self.weaknesses.join(", "),
            self.constraints.join(", "),
            self.experience
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prog() -> Progression {
        crate::knowledge::progression().unwrap()
    }

    #[test]
    fn ranges_are_checked_with_the_field_named() {
        let p = prog();
        let ok = Intake::new(Level::Beginner, 8, 6.0);
        assert!(ok.validate_with(&p).is_ok());
        let mut i = ok.clone();
        i.timeline_weeks = 13;
        assert!(i.validate_with(&p).unwrap_err().starts_with("timeline_weeks is 13"));
        let mut i = ok.clone();
        i.hours_per_week = f64::NAN;
        assert!(i.validate_with(&p).unwrap_err().starts_with("hours_per_week"));
        let mut i = ok.clone();
        i.confidence.insert("arrays".into(), 6);
        assert!(i.validate_with(&p).unwrap_err().starts_with("confidence.arrays is 6"));
        let mut i = ok.clone();
        i.confidence.insert("quantum".into(), 3);
        assert!(i.validate_with(&p).unwrap_err().contains("unknown topic `quantum`"));
        let mut i = ok;
        i.weaknesses.push("  ".into());
        assert!(i.validate_with(&p).unwrap_err().starts_with("weaknesses[0]"));
    }

    #[test]
    fn files_parse_as_toml_or_json_and_name_the_bad_field() {
        let toml = "level = \"intermediate\"\ntimeline_weeks = 8\nhours_per_week = 10\n[confidence]\narrays = 4\n";
        let i = Intake::parse_file(toml, "me.toml").unwrap();
        assert_eq!((i.level, i.days_per_week, i.confidence["arrays"]), (Level::Intermediate, 5, 4));
        let json = r#"{"level":"advanced","timeline_weeks":4,"hours_per_week":3.5}"#;
        assert_eq!(Intake::parse_file(json, "me.json").unwrap().hours_per_week, 3.5);
        let e =
            Intake::parse_file("level = \"guru\"\ntimeline_weeks = 8\nhours_per_week = 1\n", "me.toml").unwrap_err();
        assert!(e.starts_with("me.toml: line 1:") && e.contains("guru"), "{e}");
        let e =
            Intake::parse_file("level = \"beginner\"\ntimeline_weeks = 8\nhours_per_week = 5\nhobby = 1\n", "p.toml")
                .unwrap_err();
        assert!(e.contains("hobby") && e.contains("line 4"), "{e}");
        let e = Intake::parse_file("level = \"beginner\"\ntimeline_weeks = 40\nhours_per_week = 5\n", "p.toml")
            .unwrap_err();
        assert!(e.starts_with("p.toml: timeline_weeks is 40"), "{e}");
        assert!(!e.contains('\n'));
    }

    #[test]
    fn declared_weaknesses_name_topics_and_patterns() {
        let mut i = Intake::new(Level::Beginner, 8, 6.0);
        i.weaknesses = vec!["Dynamic programming".into(), "off by one".into(), "nerves".into()];
        let d = i.declared(&prog());
        let dp = [Declared::Topic("dp-1d".into()), Declared::Topic("dp-2d".into())];
        assert_eq!(d, [&dp[..], &[Declared::Pattern(FindingKind::OffByOne)]].concat());
        i.weaknesses = vec!["2-D dynamic programming".into(), "dp".into()];
        assert_eq!(i.declared(&prog()), [&dp[1..], &dp[..]].concat());
    }

    #[test]
    fn a_renamed_topic_rates_the_topics_it_became() {
        let p = prog();
        let text = "level = \"beginner\"\ntimeline_weeks = 8\nhours_per_week = 5\n[confidence]\ndynamic-programming = 2\ndp-2d = 4\n";
        let i = Intake::parse_file(text, "old.toml").unwrap();
        assert_eq!(
            i.confidence.iter().map(|(t, c)| (t.as_str(), *c)).collect::<Vec<_>>(),
            [("dp-1d", 2), ("dp-2d", 4)]
        );
        let mut i = Intake::new(Level::Beginner, 8, 6.0);
        i.confidence.insert("dynamic-programming".into(), 3);
        let e = i.validate_with(&p).unwrap_err();
        assert_eq!(e, "confidence: `dynamic-programming` is now dp-1d and dp-2d; rate those instead");
    }
}
