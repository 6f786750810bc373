//! Where the tutor's model is: the endpoint `[llm]` describes (or why there is none), and the deadlines
//! and retry policy of each call.

use std::time::Duration;

use super::error::OfflineReason;
use crate::config::LlmConfig;

const OPENAI_BASE: &str = "https://api.openai.com/v1";

/// Deadlines of one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    pub connect: Duration,
    /// From sending the request to the first piece of the reply (retries included).
    pub first_token: Duration,
    /// Between two pieces of a reply that has started.
    pub idle: Duration,
}

impl Timeouts {
    /// All from `[llm] timeout_s`; connecting gets at most 10 s of it.
    pub fn from_secs(s: u64) -> Timeouts {
        let t = Duration::from_secs(s.max(1));
        Timeouts { connect: t.min(Duration::from_secs(10)), first_token: t, idle: t }
    }
}

/// Attempts before the first token, and the backoff between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    pub attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
}

impl Default for Retry {
    fn default() -> Retry {
        Retry { attempts: 3, base_delay: Duration::from_millis(400), max_delay: Duration::from_secs(4) }
    }
}

impl Retry {
    /// Delay before attempt `n + 1` (n ≥ 1): base · 2^(n-1), ±25 % jitter, capped.
    pub(super) fn delay(&self, n: u32) -> Duration {
        let exp = self.base_delay.saturating_mul(1 << (n - 1).min(16)).min(self.max_delay);
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos());
        let jitter = 0.75 + f64::from(nanos.unwrap_or(0) % 1000) / 2000.0;
        exp.mul_f64(jitter)
    }
}

/// Where and how to reach a model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// Without a trailing slash, e.g. `https://api.openai.com/v1` or `http://localhost:11434/v1`.
    pub base_url: String,
    pub api_key: Option<String>,
    /// The environment variable the key comes from, to name in messages.
    pub key_env: String,
    pub model: String,
    pub model_complex: String,
    /// An embedding model on the same endpoint, when one is configured.
    pub embedding_model: Option<String>,
    pub timeouts: Timeouts,
    pub retry: Retry,
}

impl Endpoint {
    /// The endpoint `[llm]` describes, with the key read through `env`; offline when there is none.
    /// Empty base_url means OpenAI when its key is set; a base_url of its own needs no key.
    pub fn resolve(cfg: &LlmConfig, env: impl Fn(&str) -> Option<String>) -> Result<Endpoint, OfflineReason> {
        let key = env(&cfg.api_key_env).map(|k| k.trim().to_string()).filter(|k| !k.is_empty());
        if let Some(k) = &key {
            if !k.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(OfflineReason::BadConfig(format!(
                    "the key in {} contains characters an HTTP header cannot carry (a stray space or newline?)",
                    cfg.api_key_env
                )));
            }
        }
        let base = cfg.base_url.trim().trim_end_matches('/');
        let base_url = match (base.is_empty(), &key) {
            (true, None) => return Err(OfflineReason::NotConfigured { key_env: cfg.api_key_env.clone() }),
            (true, Some(_)) => OPENAI_BASE.to_string(),
            (false, _) => {
                let ok = reqwest::Url::parse(base).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
                if !ok {
                    return Err(OfflineReason::BadConfig(format!(
                        "base_url `{base}` is not an http(s) URL, e.g. http://localhost:11434/v1"
                    )));
                }
                base.to_string()
            }
        };
        if cfg.model.trim().is_empty() {
            return Err(OfflineReason::BadConfig("[llm] model is empty".into()));
        }
        let model_complex = if cfg.model_complex.trim().is_empty() { &cfg.model } else { &cfg.model_complex };
        Ok(Endpoint {
            base_url,
            api_key: key,
            key_env: cfg.api_key_env.clone(),
            model: cfg.model.trim().to_string(),
            model_complex: model_complex.trim().to_string(),
            embedding_model: Some(cfg.embedding_model.trim().to_string()).filter(|m| !m.is_empty()),
            timeouts: Timeouts::from_secs(cfg.timeout_s),
            retry: Retry::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(base: &str) -> LlmConfig {
        LlmConfig {
            base_url: base.into(),
            model: "m".into(),
            model_complex: "".into(),
            api_key_env: "KEY".into(),
            daily_token_budget: 10,
            timeout_s: 3,
            embedding_model: String::new(),
        }
    }

    #[test]
    fn endpoint_resolution() {
        let none = |_: &str| None;
        let key = |k: &str| (k == "KEY").then(|| "sk-1".to_string());
        assert_eq!(Endpoint::resolve(&cfg(""), none).unwrap_err().code(), "not_configured");
        let e = Endpoint::resolve(&cfg(""), key).unwrap();
        assert_eq!((e.base_url.as_str(), e.api_key.as_deref()), (OPENAI_BASE, Some("sk-1")));
        let local = Endpoint::resolve(&cfg("http://localhost:11434/v1/"), none).unwrap();
        assert_eq!(
            (local.base_url.as_str(), local.api_key, local.model_complex.as_str()),
            ("http://localhost:11434/v1", None, "m")
        );
        assert_eq!(Endpoint::resolve(&cfg("localhost:11434"), none).unwrap_err().code(), "bad_config");
        let bad_key = |_: &str| Some("sk-1\nX-Evil: 1".to_string());
        assert_eq!(Endpoint::resolve(&cfg(""), bad_key).unwrap_err().code(), "bad_config");
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let r = Retry { attempts: 5, base_delay: Duration::from_millis(100), max_delay: Duration::from_millis(300) };
        assert!(r.delay(1) <= Duration::from_millis(125) && r.delay(1) >= Duration::from_millis(75));
        assert!(r.delay(2) >= Duration::from_millis(150));
        assert!(r.delay(10) <= Duration::from_millis(375));
    }
}
