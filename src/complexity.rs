//! The Big-O type: asymptotic complexity classes, shared by problems (their optimal bounds) and analysis
//! (its estimates; the cost model that makes them is `analysis::cost`, the detector `detect::suboptimal`).
//! The strings are part of the JSON interface (`time_complexity`, `optimal_time`): keep them exact.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Complexity {
    #[serde(rename = "O(1)")]
    Constant,
    #[serde(rename = "O(log n)")]
    Log,
    #[serde(rename = "O(n)")]
    Linear,
    #[serde(rename = "O(n log n)")]
    Linearithmic,
    #[serde(rename = "O(n^2)")]
    Quadratic,
    #[serde(rename = "O(n^3)")]
    Cubic,
    #[serde(rename = "O(2^n)")]
    Exponential,
}

impl Complexity {
    pub const ALL: [Complexity; 7] = [
        Complexity::Constant,
        Complexity::Log,
        Complexity::Linear,
        Complexity::Linearithmic,
        Complexity::Quadratic,
        Complexity::Cubic,
        Complexity::Exponential,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Complexity::Constant => "O(1)",
            Complexity::Log => "O(log n)",
            Complexity::Linear => "O(n)",
            Complexity::Linearithmic => "O(n log n)",
            Complexity::Quadratic => "O(n^2)",
            Complexity::Cubic => "O(n^3)",
            Complexity::Exponential => "O(2^n)",
        }
    }

    pub fn parse(s: &str) -> Option<Complexity> {
        Complexity::ALL.into_iter().find(|c| c.as_str() == s.trim())
    }
}

impl std::fmt::Display for Complexity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_through_json() {
        for c in Complexity::ALL {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(serde_json::from_str::<Complexity>(&json).unwrap(), c);
            assert_eq!(Complexity::parse(c.as_str()), Some(c));
        }
        assert!(Complexity::Linear < Complexity::Quadratic);
    }
}
