//! The learner's records as the store keeps them (a profile with its id and times, a plan with where it
//! came from, readiness per topic): value types only. They live here, not in `store`, so that the
//! learner's pure logic reads them without depending on the store; `store` re-exports them.

use serde::Serialize;

use super::intake::Intake;
use super::plan::Plan;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredProfile {
    pub id: i64,
    pub name: String,
    pub intake: Intake,
    pub active: bool,
    pub created_ms: i64,
    pub updated_ms: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlanSource {
    Llm,
    Offline,
}

impl PlanSource {
    pub fn as_str(self) -> &'static str {
        match self {
            PlanSource::Llm => "llm",
            PlanSource::Offline => "offline",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredPlan {
    pub id: i64,
    pub profile_id: i64,
    pub plan: Plan,
    pub source: PlanSource,
    /// Why the offline planner made it, or which model did.
    pub note: Option<String>,
    pub created_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicReadinessRow {
    pub topic: String,
    pub score: f64,
    pub sessions: u32,
    pub updated_ms: i64,
}
