//! The problem list's state: rows, filters (difficulty, topic, status), fuzzy search, sort, selection.

use std::collections::HashMap;
use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::problems::{Bank, Difficulty};
use crate::store::{Progress, Status};
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
    pub fn status(&self) -> Status {
        self.progress.state()
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
    /// Most recent community activity first (votes, comments, solves; see `codify trending`).
    Trending,
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
            Sort::Trending => "trending",
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
    pub status: Option<Status>,
    pub sort: Sort,
    pub selected: usize,
    /// Indices into `rows` of what is shown, in display order.
    pub view: Vec<usize>,
    /// Community votes and tags per problem (local votes and pending events included).
    pub community: HashMap<String, Signal>,
    /// Trending scores per problem, as last pulled.
    pub trending: HashMap<String, f64>,
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
            trending: HashMap::new(),
        };
        s.refresh();
        s
    }

    /// Recomputes the view after a filter, search or sort change, keeping the selected problem if it stays.
    pub fn refresh(&mut self) {
        let keep = self.selected_slug();
        let search = (!self.query.trim().is_empty()).then(|| Search::new(&self.query));
        let mut scored: Vec<(i64, usize)> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| self.difficulty.is_none_or(|d| r.difficulty == d))
            .filter(|(_, r)| self.topic.is_none_or(|t| self.topics.get(t) == Some(&r.topic)))
            .filter(|(_, r)| self.list.is_none_or(|l| r.lists.iter().any(|x| x == l)))
            .filter(|(_, r)| self.status.is_none_or(|s| r.status() == s))
            .filter_map(|(i, r)| match &search {
                None => Some((0, i)),
                Some(search) => search.score(r).map(|s| (s, i)),
            })
            .collect();
        // Matches far below the best one are letters scattered through unrelated names: not shown.
        let best = scored.iter().map(|&(s, _)| s).max().unwrap_or(0);
        scored.retain(|&(s, _)| 4 * s >= 3 * best);
        let rows = &self.rows;
        let score = |r: &Row| self.community.get(&r.slug).map(Signal::score).unwrap_or(0);
        let trend = |r: &Row| self.trending.get(&r.slug).copied().unwrap_or(0.0);
        let status_rank = |r: &Row| match r.status() {
            Status::Attempted => 0,
            Status::New => 1,
            Status::Solved => 2,
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
                Sort::Trending => trend(rb).total_cmp(&trend(ra)).then(ra.order.cmp(&rb.order)),
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
            None => Some(Status::New),
            Some(Status::New) => Some(Status::Attempted),
            Some(Status::Attempted) => Some(Status::Solved),
            Some(Status::Solved) => None,
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
            Sort::Community => Sort::Trending,
            Sort::Trending => Sort::Bank,
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

    /// New trending scores (after a sync); the view keeps its selection.
    pub fn set_trending(&mut self, trending: HashMap<String, f64>) {
        self.trending = trending;
        if self.sort == Sort::Trending {
            self.refresh();
        }
    }

    /// An unsolved problem from the current view, chosen by the clock (no RNG state to keep).
    pub fn random_unsolved(&self, now: Instant) -> Option<String> {
        let candidates: Vec<&Row> =
            self.view.iter().map(|&i| &self.rows[i]).filter(|r| r.status() != Status::Solved).collect();
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

/// A fuzzy search over the list (nucleo's matcher, as in helix): each word of the query must match one
/// field of a problem (its title, slug, topic or pattern tags) on its own, so that a word is never pieced
/// together from letters scattered over several fields; the score is the sum of each word's best field.
pub struct Search {
    pattern: Pattern,
    matcher: std::cell::RefCell<Matcher>,
}

impl Search {
    pub fn new(query: &str) -> Search {
        Search {
            pattern: Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart),
            matcher: std::cell::RefCell::new(Matcher::new(Config::DEFAULT)),
        }
    }

    /// The row's score, or None when a word of the query matches none of its fields.
    pub fn score(&self, row: &Row) -> Option<i64> {
        let topic = row.topic.replace('-', " ");
        let mut fields = vec![row.title.as_str(), row.slug.as_str(), topic.as_str()];
        fields.extend(row.patterns.iter().map(String::as_str));
        self.score_fields(&fields)
    }

    fn score_fields(&self, fields: &[&str]) -> Option<i64> {
        let mut matcher = self.matcher.borrow_mut();
        let mut buf = Vec::new();
        let mut total = 0i64;
        for atom in &self.pattern.atoms {
            let best = fields.iter().filter_map(|f| atom.score(Utf32Str::new(f, &mut buf), &mut matcher)).max()?;
            total += i64::from(best);
        }
        Some(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(query: &str) -> Vec<String> {
        let bank = Bank::load(&[]);
        let mut l = ListState::new(&bank, HashMap::new());
        l.query = query.into();
        l.refresh();
        l.view.iter().map(|&i| l.rows[i].slug.clone()).collect()
    }

    #[test]
    fn fuzzy_prefers_contiguous_word_starts() {
        let s = Search::new("sum");
        assert!(s.score_fields(&["two sum"]).is_some());
        assert!(Search::new("xyz").score_fields(&["two sum"]).is_none());
        assert!(s.score_fields(&["two sum"]) > s.score_fields(&["sxuxm"]), "contiguous beats gaps");
        let two = Search::new("two");
        assert!(two.score_fields(&["Two Sum", "two-sum"]) > two.score_fields(&["Trapping Rain Water"]));
        // A word is matched within one field, never pieced together across fields.
        assert!(Search::new("twos").score_fields(&["two", "sum"]).is_none());
    }

    #[test]
    fn search_finds_problems_by_topic_and_tag_and_ranks_them_first() {
        // The issue: `/sliding` missed a sliding-window problem, `/heap` found only Valid Parentheses and
        // `dp` found unrelated problems. Every problem whose topic or tags name the word comes first.
        let bank = Bank::load(&[]);
        // A problem is about a word when a word of its slug, topic or tags starts with it.
        let about = |slug: &str, word: &str| {
            let p = bank.get(slug).unwrap();
            let text = format!("{} {} {}", p.slug, p.topic, p.patterns.join(" "));
            text.split(|c: char| !c.is_alphanumeric()).any(|w| w.starts_with(word))
        };
        for word in ["sliding", "heap", "dp", "tree", "trie"] {
            let hits = found(word);
            let want = bank.all().iter().filter(|p| about(&p.slug, word)).count();
            assert!(want >= 3, "{word}: {want}");
            assert!(hits[..want].iter().all(|s| about(s, word)), "{word}: {hits:?}");
        }
        assert_eq!(found("two sum")[..2], ["two-sum".to_string(), "two-sum-ii-input-array-is-sorted".to_string()]);
        assert_eq!(found("lru"), ["lru-cache"], "scattered letters elsewhere are not hits");
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
