//! The problem list's state: rows, filters (difficulty, topic, status), fuzzy search, sort, selection.

use std::collections::HashMap;
use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::problems::{Bank, Difficulty};
use crate::store::Progress;
use crate::sync::signal::Signal;

#[derive(Debug, Clone)]
pub struct Row {
    pub slug: String,
    pub title: String,
    pub difficulty: Difficulty,
    pub topic: String,
    pub patterns: Vec<String>,
    /// The well-known lists the problem is on (`blind-75`, `neetcode-150`).
    pub lists: Vec<String>,
    pub progress: Progress,
    /// Position in the bank's own order (topic, difficulty, title).
    pub order: usize,
}

impl Row {
    pub fn status(&self) -> &'static str {
        self.progress.status()
    }

    /// Accepted submissions as a share of all, when there were any.
    pub fn acceptance(&self) -> Option<f64> {
        (self.progress.attempts > 0).then(|| f64::from(self.progress.accepted) / f64::from(self.progress.attempts))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Bank,
    Difficulty,
    Title,
    Status,
    Acceptance,
    /// Most upvoted first (community score), for problems others recommend.
    Community,
}

impl Sort {
    pub fn name(self) -> &'static str {
        match self {
            Sort::Bank => "topic",
            Sort::Difficulty => "difficulty",
            Sort::Title => "title",
            Sort::Status => "status",
            Sort::Acceptance => "acceptance",
            Sort::Community => "community",
        }
    }
}

pub struct ListState {
    pub rows: Vec<Row>,
    pub topics: Vec<String>,
    pub query: String,
    pub searching: bool,
    pub difficulty: Option<Difficulty>,
    pub topic: Option<usize>,
    /// Only the problems of this well-known list ([`crate::problems::LISTS`]).
    pub list: Option<&'static str>,
    pub status: Option<&'static str>,
    pub sort: Sort,
    pub selected: usize,
    /// Indices into `rows` of what is shown, in display order.
    pub view: Vec<usize>,
    /// Community votes and tags per problem (local votes and pending events included).
    pub community: HashMap<String, Signal>,
}

impl ListState {
    pub fn new(bank: &Bank, progress: HashMap<String, Progress>) -> ListState {
        let rows: Vec<Row> = bank
            .all()
            .iter()
            .enumerate()
            .map(|(order, p)| Row {
                slug: p.slug.clone(),
                title: p.title.clone(),
                difficulty: p.difficulty,
                topic: p.topic.clone(),
                patterns: p.patterns.clone(),
                lists: p.lists.clone(),
                progress: progress.get(&p.slug).copied().unwrap_or_default(),
                order,
            })
            .collect();
        let mut topics: Vec<String> = Vec::new();
        for r in &rows {
            if !topics.contains(&r.topic) {
                topics.push(r.topic.clone());
            }
        }
        let mut s = ListState {
            rows,
            topics,
            query: String::new(),
            searching: false,
            difficulty: None,
            topic: None,
            list: None,
            status: None,
            sort: Sort::Bank,
            selected: 0,
            view: vec![],
            community: HashMap::new(),
        };
        s.refresh();
        s
    }

    /// Recomputes the view after a filter, search or sort change, keeping the selected problem if it stays.
    pub fn refresh(&mut self) {
        let keep = self.selected_slug();
        let mut scored: Vec<(i64, usize)> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| self.difficulty.is_none_or(|d| r.difficulty == d))
            .filter(|(_, r)| self.topic.is_none_or(|t| self.topics.get(t) == Some(&r.topic)))
            .filter(|(_, r)| self.list.is_none_or(|l| r.lists.iter().any(|x| x == l)))
            .filter(|(_, r)| self.status.is_none_or(|s| r.status() == s))
            .filter_map(|(i, r)| {
                if self.query.is_empty() {
                    return Some((0, i));
                }
                let hay = format!("{} {} {}", r.title, r.slug, r.patterns.join(" "));
                // A match spread thinly over the text (mostly gaps) is noise, not a hit.
                let floor = 8 * self.query.chars().filter(|c| !c.is_whitespace()).count() as i64;
                fuzzy_score(&self.query, &hay).filter(|&s| s >= floor).map(|s| (s, i))
            })
            .collect();
        let rows = &self.rows;
        let score = |r: &Row| self.community.get(&r.slug).map(Signal::score).unwrap_or(0);
        let status_rank = |r: &Row| match r.status() {
            "attempted" => 0,
            "new" => 1,
            _ => 2,
        };
        scored.sort_by(|&(sa, a), &(sb, b)| {
            let (ra, rb) = (&rows[a], &rows[b]);
            let by_sort = match self.sort {
                Sort::Bank => ra.order.cmp(&rb.order),
                Sort::Difficulty => (ra.difficulty, ra.order).cmp(&(rb.difficulty, rb.order)),
                Sort::Title => ra.title.to_lowercase().cmp(&rb.title.to_lowercase()),
                Sort::Status => (status_rank(ra), ra.order).cmp(&(status_rank(rb), rb.order)),
                Sort::Acceptance => ra
                    .acceptance()
                    .unwrap_or(2.0)
                    .partial_cmp(&rb.acceptance().unwrap_or(2.0))
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(ra.order.cmp(&rb.order)),
                Sort::Community => score(rb).cmp(&score(ra)).then(ra.order.cmp(&rb.order)),
            };
            // A search ranks by match quality first.
            sb.cmp(&sa).then(by_sort)
        });
        self.view = scored.into_iter().map(|(_, i)| i).collect();
        self.selected = keep.and_then(|slug| self.view.iter().position(|&i| self.rows[i].slug == slug)).unwrap_or(0);
        if self.selected >= self.view.len() {
            self.selected = self.view.len().saturating_sub(1);
        }
    }

    pub fn selected_slug(&self) -> Option<String> {
        self.view.get(self.selected).map(|&i| self.rows[i].slug.clone())
    }

    pub fn move_by(&mut self, by: isize) {
        if self.view.is_empty() {
            return;
        }
        self.selected = (self.selected as isize + by).clamp(0, self.view.len() as isize - 1) as usize;
    }

    pub fn move_to(&mut self, i: usize) {
        self.selected = i.min(self.view.len().saturating_sub(1));
    }

    pub fn start_search(&mut self) {
        self.searching = true;
    }

    /// A key while the search prompt is open: typing filters as you type; Enter keeps, Esc clears.
    pub fn search_key(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Esc => {
                self.searching = false;
                self.query.clear();
            }
            KeyCode::Enter => self.searching = false,
            KeyCode::Backspace => {
                self.query.pop();
            }
            KeyCode::Down => self.move_by(1),
            KeyCode::Up => self.move_by(-1),
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => self.query.clear(),
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => self.query.push(c),
            _ => return,
        }
        self.selected = 0;
        self.refresh();
        self.selected = 0;
    }

    pub fn clear(&mut self) {
        self.query.clear();
        self.difficulty = None;
        self.topic = None;
        self.list = None;
        self.status = None;
        self.refresh();
    }

    /// No list, then each well-known list in turn.
    pub fn cycle_list(&mut self) {
        let lists = crate::problems::LISTS;
        self.list = match self.list.and_then(|l| lists.iter().position(|x| *x == l)) {
            None => lists.first().copied(),
            Some(i) => lists.get(i + 1).copied(),
        };
        self.refresh();
    }

    pub fn cycle_difficulty(&mut self) {
        self.difficulty = match self.difficulty {
            None => Some(Difficulty::Easy),
            Some(Difficulty::Easy) => Some(Difficulty::Medium),
            Some(Difficulty::Medium) => Some(Difficulty::Hard),
            Some(Difficulty::Hard) => None,
        };
        self.refresh();
    }

    pub fn cycle_topic(&mut self) {
        self.topic = match self.topic {
            None if !self.topics.is_empty() => Some(0),
            Some(t) if t + 1 < self.topics.len() => Some(t + 1),
            _ => None,
        };
        self.refresh();
    }

    pub fn cycle_status(&mut self) {
        self.status = match self.status {
            None => Some("new"),
            Some("new") => Some("attempted"),
            Some("attempted") => Some("solved"),
            _ => None,
        };
        self.refresh();
    }

    pub fn cycle_sort(&mut self) {
        self.sort = match self.sort {
            Sort::Bank => Sort::Difficulty,
            Sort::Difficulty => Sort::Title,
            Sort::Title => Sort::Status,
            Sort::Status => Sort::Acceptance,
            Sort::Acceptance => Sort::Community,
            Sort::Community => Sort::Bank,
        };
        self.refresh();
    }

    /// New community counts (after a vote, a comment or a sync); the view keeps its selection.
    pub fn set_community(&mut self, community: HashMap<String, Signal>) {
        self.community = community;
        if self.sort == Sort::Community {
            self.refresh();
        }
    }

    /// An unsolved problem from the current view, chosen by the clock (no RNG state to keep).
    pub fn random_unsolved(&self, now: Instant) -> Option<String> {
        let candidates: Vec<&Row> =
            self.view.iter().map(|&i| &self.rows[i]).filter(|r| r.status() != "solved").collect();
        if candidates.is_empty() {
            return None;
        }
        let seed = now.elapsed().as_nanos() as usize ^ (std::process::id() as usize).wrapping_mul(2654435761);
        let pick = seed.wrapping_mul(0x9E37_79B9).rotate_left(7) % candidates.len();
        Some(candidates[pick].slug.clone())
    }

    /// A submission finished: update the row's status and acceptance.
    pub fn record(&mut self, slug: &str, accepted: bool) {
        if let Some(r) = self.rows.iter_mut().find(|r| r.slug == slug) {
            r.progress.attempts += 1;
            r.progress.accepted += u32::from(accepted);
        }
        self.refresh();
    }
}

/// Subsequence match of `query` in `hay`, case-insensitive; higher is better (contiguous and early runs
/// score more). None when not every query character appears in order.
pub fn fuzzy_score(query: &str, hay: &str) -> Option<i64> {
    let hay: Vec<char> = hay.to_lowercase().chars().collect();
    let mut score = 0i64;
    let mut pos = 0usize;
    let mut last: Option<usize> = None;
    for qc in query.to_lowercase().chars().filter(|c| !c.is_whitespace()) {
        let found = hay[pos..].iter().position(|&c| c == qc)? + pos;
        score += 10;
        if last.is_some_and(|l| l + 1 == found) {
            score += 15;
        }
        if found == 0 || !hay[found - 1].is_alphanumeric() {
            score += 8;
        }
        score -= (found - pos).min(20) as i64;
        last = Some(found);
        pos = found + 1;
    }
    Some(score)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_prefers_contiguous_word_starts() {
        assert!(fuzzy_score("tsum", "two sum").is_some());
        assert!(fuzzy_score("xyz", "two sum").is_none());
        assert!(fuzzy_score("sum", "3sum two-sum") > fuzzy_score("sum", "s u m spread out"));
        assert!(fuzzy_score("two", "Two Sum two-sum") > fuzzy_score("two", "Trapping Rain Water"));
    }

    #[test]
    fn the_list_filter_cycles_through_the_well_known_lists() {
        let bank = Bank::load(&[]);
        let mut l = ListState::new(&bank, HashMap::new());
        let all = l.view.len();
        l.cycle_list();
        assert_eq!((l.list, l.view.len()), (Some("blind-75"), 75));
        assert!(l.view.iter().all(|&i| l.rows[i].lists.iter().any(|x| x == "blind-75")));
        l.cycle_list();
        assert_eq!(l.list, Some("neetcode-150"));
        l.cycle_list();
        assert_eq!((l.list, l.view.len()), (None, all));
        l.cycle_list();
        l.clear();
        assert_eq!(l.list, None, "Esc clears the list filter with the others");
    }
}
