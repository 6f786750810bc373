//! Configuration and paths.
//!
//! One source of defaults: `config.example.toml` is embedded in the binary and parsed first; the user's
//! config file is merged over it key by key, then `CODIFY_*` environment variables, then command-line
//! flags. Unknown keys and wrong types are errors that name the file, the key and the line.
//!
//! `--home DIR` or `CODIFY_HOME=DIR` puts all state (config, database, logs, caches) under DIR; otherwise
//! the platform's directories from the `directories` crate are used.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The commented default configuration, also shipped as `config.example.toml`.
pub const DEFAULT_CONFIG: &str = include_str!("../config.example.toml");

/// Keys whose value is one of a few words, with those words (the first is what the code falls back to).
pub const CHOICES: &[(&str, &[&str])] =
    &[("ui.theme", &["normal", "high-contrast", "no-color"]), ("ui.clipboard", &["off", "unnamedplus", "unnamed"])];

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {message}{}; `codify config --default` prints every key with its default", line.map(|l| format!(" (line {l})")).unwrap_or_default())]
    Invalid { path: String, line: Option<usize>, message: String },
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("cannot find a home directory for Codify's data; pass --home DIR or set CODIFY_HOME")]
    NoHome,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub python: String,
    pub problem_dirs: Vec<PathBuf>,
    pub judge: JudgeConfig,
    pub ui: UiConfig,
    /// App key overrides: action name -> key sequences (validated by the TUI's keymap).
    pub keys: std::collections::BTreeMap<String, Vec<String>>,
    pub llm: LlmConfig,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiConfig {
    pub theme: String,
    pub clipboard: ClipboardMode,
}

/// Which editor yanks reach the system clipboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum ClipboardMode {
    /// Only `"+` and `"*` yanks.
    #[serde(rename = "off")]
    Off,
    /// Every yank and delete, as Vim's `clipboard=unnamedplus`.
    #[serde(rename = "unnamedplus", alias = "unnamed")]
    UnnamedPlus,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgeConfig {
    pub sandbox: bool,
    pub stop_at_first_failure: bool,
    pub output_limit_kib: u64,
    /// Time a failing run's diagnosis may take (smallest failing input, fixes tried), in ms; 0 turns it off.
    pub diagnose_ms: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LlmConfig {
    pub base_url: String,
    pub model: String,
    pub model_complex: String,
    pub api_key_env: String,
    pub daily_token_budget: u64,
    pub timeout_s: u64,
    /// An embedding model on the same endpoint for retrieval; empty: the built-in local embedder.
    pub embedding_model: String,
}

/// Where Codify keeps its state.
#[derive(Debug, Clone)]
pub struct Paths {
    pub config_file: PathBuf,
    pub db_file: PathBuf,
    pub log_dir: PathBuf,
    pub cache_dir: PathBuf,
}

impl Paths {
    /// Paths under `home` when given (flag or `CODIFY_HOME`), else the platform's directories.
    pub fn resolve(home: Option<&Path>) -> Result<Paths, ConfigError> {
        let env_home = std::env::var_os("CODIFY_HOME").filter(|h| !h.is_empty()).map(PathBuf::from);
        if let Some(home) = home.map(Path::to_path_buf).or(env_home) {
            return Ok(Paths::under(&home));
        }
        let dirs = directories::ProjectDirs::from("dev", "codify", "codify").ok_or(ConfigError::NoHome)?;
        Ok(Paths {
            config_file: dirs.config_dir().join("config.toml"),
            db_file: dirs.data_dir().join("codify.db"),
            log_dir: dirs.data_dir().join("logs"),
            cache_dir: dirs.cache_dir().to_path_buf(),
        })
    }

    pub fn under(home: &Path) -> Paths {
        Paths {
            config_file: home.join("config.toml"),
            db_file: home.join("codify.db"),
            log_dir: home.join("logs"),
            cache_dir: home.join("cache"),
        }
    }
}

impl Config {
    /// Built-in defaults, then the file at `path` when it exists, then the environment.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let user = match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(source) => return Err(ConfigError::Read { path: path.display().to_string(), source }),
        };
        let mut config = Config::from_layers(user.as_deref(), &path.display().to_string())?;
        config.apply_env(|k| std::env::var(k).ok());
        Ok(config)
    }

    /// Defaults merged with an optional user file's text (`origin` names it in errors).
    pub fn from_layers(user: Option<&str>, origin: &str) -> Result<Config, ConfigError> {
        let mut base: toml::Table =
            toml::from_str(DEFAULT_CONFIG).map_err(|e| toml_error("config.example.toml", DEFAULT_CONFIG, &e))?;
        if let Some(text) = user {
            let overlay: toml::Table = toml::from_str(text).map_err(|e| toml_error(origin, text, &e))?;
            merge(&mut base, overlay, "", origin, text)?;
        }
        Config::deserialize(toml::Value::Table(base)).map_err(|e| ConfigError::Invalid {
            path: origin.to_string(),
            line: None,
            message: e.message().trim().to_string(),
        })
    }

    /// `CODIFY_*` environment overrides; `get` reads a variable (a parameter so tests need no globals).
    pub fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) {
        if let Some(v) = get("CODIFY_PYTHON").filter(|v| !v.is_empty()) {
            self.python = v;
        }
        if let Some(v) = get("CODIFY_LLM_BASE_URL") {
            self.llm.base_url = v;
        }
        if let Some(v) = get("CODIFY_LLM_MODEL").filter(|v| !v.is_empty()) {
            self.llm.model = v;
        }
        if let Some(v) = get("CODIFY_LLM_EMBEDDING_MODEL") {
            self.llm.embedding_model = v;
        }
    }
}

/// Deep-merges `overlay` into `base`; a key that the defaults do not have is an error naming it.
fn merge(
    base: &mut toml::Table,
    overlay: toml::Table,
    prefix: &str,
    origin: &str,
    text: &str,
) -> Result<(), ConfigError> {
    for (key, value) in overlay {
        let dotted = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match (base.get_mut(&key), value) {
            // `[keys]` is an open table: its entries are checked against the keymap, not the defaults.
            (None, value) if prefix == "keys" => {
                let keys_ok = value.as_array().is_some_and(|a| a.iter().all(|k| k.is_str()));
                if !keys_ok {
                    return Err(ConfigError::Invalid {
                        path: origin.to_string(),
                        line: key_line(text, &dotted),
                        message: format!("`{dotted}` must be an array of keys in vim notation, e.g. [\"<F5>\"]"),
                    });
                }
                base.insert(key, value);
            }
            (None, _) => {
                return Err(ConfigError::Invalid {
                    path: origin.to_string(),
                    line: key_line(text, &dotted),
                    message: format!("unknown key `{dotted}`"),
                })
            }
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o, &dotted, origin, text)?,
            (Some(toml::Value::Table(_)), other) => {
                return Err(ConfigError::Invalid {
                    path: origin.to_string(),
                    line: key_line(text, &dotted),
                    message: format!("`{dotted}` must be a table, not {}", article(other.type_str())),
                })
            }
            (Some(slot), value) => {
                if std::mem::discriminant(slot) != std::mem::discriminant(&value) {
                    return Err(ConfigError::Invalid {
                        path: origin.to_string(),
                        line: key_line(text, &dotted),
                        message: format!(
                            "`{dotted}` must be {}, not {}",
                            article(slot.type_str()),
                            article(value.type_str())
                        ),
                    });
                }
                let invalid = |message: String| ConfigError::Invalid {
                    path: origin.to_string(),
                    line: key_line(text, &dotted),
                    message,
                };
                if let Some((_, allowed)) = CHOICES.iter().find(|(k, _)| *k == dotted) {
                    let given = value.as_str().unwrap_or_default();
                    if !allowed.contains(&given) {
                        return Err(invalid(format!("`{dotted}` is `{given}`; use one of: {}", allowed.join(", "))));
                    }
                }
                // Every number in the configuration is a count, a size or a time: never negative.
                if matches!((&*slot, &value), (toml::Value::Integer(d), toml::Value::Integer(v)) if *d >= 0 && *v < 0) {
                    return Err(invalid(format!("`{dotted}` must be 0 or more")));
                }
                *slot = value;
            }
        }
    }
    Ok(())
}

fn article(word: &str) -> String {
    let an = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {word}", if an { "an" } else { "a" })
}

/// The line of the dotted key `path` (e.g. `ui.theme`) in `text`, wherever it is written: under its
/// `[table]` header, as a dotted key, or in an inline table.
fn key_line(text: &str, path: &str) -> Option<usize> {
    let doc = toml::de::DeTable::parse(text).ok()?;
    let mut table = doc.get_ref();
    let mut segments = path.split('.').peekable();
    while let Some(segment) = segments.next() {
        let (key, value) = table.iter().find(|(k, _)| k.get_ref() == segment)?;
        if segments.peek().is_none() {
            return Some(line_of(text, key.span().start));
        }
        match value.get_ref() {
            toml::de::DeValue::Table(t) => table = t,
            _ => return None,
        }
    }
    None
}

/// A one-line description of a TOML syntax error, with its line number.
pub fn toml_error(origin: &str, text: &str, e: &toml::de::Error) -> ConfigError {
    ConfigError::Invalid {
        path: origin.to_string(),
        line: e.span().map(|s| line_of(text, s.start)),
        message: e.message().trim().replace('\n', " "),
    }
}

/// 1-based line number of byte offset `at` in `text`.
pub fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_come_from_the_example_file() {
        let c = Config::from_layers(None, "none").unwrap();
        assert_eq!(c.python, "python3");
        assert!(c.judge.sandbox);
        assert_eq!(c.llm.api_key_env, "OPENAI_API_KEY");
    }

    #[test]
    fn user_file_overrides_one_key_and_keeps_the_rest() {
        let c = Config::from_layers(Some("[judge]\nsandbox = false\n"), "c.toml").unwrap();
        assert!(!c.judge.sandbox);
        assert!(c.judge.stop_at_first_failure);
    }

    #[test]
    fn unknown_key_names_key_file_and_line() {
        let e = Config::from_layers(Some("python = \"python3\"\n[judge]\nsandbx = true\n"), "c.toml").unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.toml: unknown key `judge.sandbx` (line 3); `codify config --default` prints every key with its default"
        );
    }

    #[test]
    fn wrong_type_is_an_error() {
        let e = Config::from_layers(Some("[judge]\noutput_limit_kib = \"lots\"\n"), "c.toml").unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.toml: `judge.output_limit_kib` must be an integer, not a string (line 2); `codify config --default` prints \
             every key with its default"
        );
    }

    #[test]
    fn syntax_error_is_one_line_with_line_number() {
        let e = Config::from_layers(Some("python = \n"), "c.toml").unwrap_err().to_string();
        assert!(e.starts_with("c.toml: "), "{e}");
        assert!(e.contains("(line 1)"), "{e}");
        assert!(!e.contains('\n'), "{e}");
    }

    #[test]
    fn keys_is_an_open_table() {
        let c = Config::from_layers(Some("[keys]\nrun = [\"<F9>\"]\n"), "c.toml").unwrap();
        assert_eq!(c.keys.get("run"), Some(&vec!["<F9>".to_string()]));
        let e = Config::from_layers(Some("[keys]\nrun = \"<F9>\"\n"), "c.toml").unwrap_err().to_string();
        assert!(e.contains("keys"), "{e}");
    }

    #[test]
    fn line_numbers_are_the_keys_own_inside_tables() {
        // `timeout_s` is a key of [llm] on line 2: the error is about the one under [ui], on line 5.
        let text = "[llm]\ntimeout_s = 30\n\n[ui]\ntimeout_s = 5\n";
        let e = Config::from_layers(Some(text), "c.toml").unwrap_err().to_string();
        assert!(e.starts_with("c.toml: unknown key `ui.timeout_s` (line 5);"), "{e}");
        // A key named like its table, a dotted key and an inline table.
        let e = Config::from_layers(Some("[judge]\njudge = 1\n"), "c.toml").unwrap_err().to_string();
        assert!(e.contains("`judge.judge` (line 2)"), "{e}");
        let e = Config::from_layers(Some("python = \"p\"\nllm.model = 3\n"), "c.toml").unwrap_err().to_string();
        assert!(e.contains("`llm.model` must be a string, not an integer (line 2)"), "{e}");
        let e = Config::from_layers(Some("\n\nui = { theme = 1 }\n"), "c.toml").unwrap_err().to_string();
        assert!(e.contains("`ui.theme` must be a string, not an integer (line 3)"), "{e}");
    }

    #[test]
    fn a_word_outside_the_allowed_ones_is_refused_with_the_list() {
        let e = Config::from_layers(Some("[ui]\ntheme = \"dracula\"\n"), "c.toml").unwrap_err().to_string();
        assert_eq!(
            e,
            "c.toml: `ui.theme` is `dracula`; use one of: normal, high-contrast, no-color (line 2); \
             `codify config --default` prints every key with its default"
        );
        let c = Config::from_layers(Some("[ui]\ntheme = \"high-contrast\"\n"), "c.toml").unwrap();
        assert_eq!(c.ui.theme, "high-contrast");
    }

    #[test]
    fn the_defaults_use_allowed_words_and_name_every_choice_key() {
        let defaults: toml::Table = toml::from_str(DEFAULT_CONFIG).unwrap();
        for (key, allowed) in CHOICES {
            let (table, name) = key.split_once('.').unwrap();
            let value = defaults[table][name].as_str().unwrap();
            assert_eq!(value, allowed[0], "{key}");
        }
    }

    #[test]
    fn a_negative_number_is_refused() {
        let e = Config::from_layers(Some("[llm]\ntimeout_s = -5\n"), "c.toml").unwrap_err().to_string();
        assert!(e.starts_with("c.toml: `llm.timeout_s` must be 0 or more (line 2)"), "{e}");
    }

    #[test]
    fn environment_overrides_file() {
        let mut c = Config::from_layers(Some("python = \"/usr/bin/python3\"\n"), "c.toml").unwrap();
        c.apply_env(|k| (k == "CODIFY_PYTHON").then(|| "/opt/py/bin/python3".to_string()));
        assert_eq!(c.python, "/opt/py/bin/python3");
    }
}
