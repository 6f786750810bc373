//! Command-line conventions (issue 17): shell completions, the built-in config on demand, config errors that
//! point at it with the right line, allowed words listed, and an exit status scripts can fail on.

use crate::common::{codify, stderr, stdout, write_solution};

const RIGHT: &str = "class Solution:\n    def twoSum(self, nums, target):\n        seen = {}\n        for i, x in enumerate(nums):\n            if target - x in seen:\n                return [seen[target - x], i]\n            seen[x] = i\n";
const WRONG: &str = "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1]\n";

#[test]
fn completions_load_in_a_real_bash_and_cover_zsh_and_fish() {
    let home = tempfile::tempdir().unwrap();
    // A broken config does not stop completions: they need neither the config nor the home.
    std::fs::write(home.path().join("config.toml"), "python = \n").unwrap();
    let out = codify(home.path(), &["completions", "bash"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let script = home.path().join("codify.bash");
    std::fs::write(&script, stdout(&out)).unwrap();
    let bash = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("source {} && complete -p codify", script.display()))
        .output()
        .expect("bash");
    assert!(bash.status.success(), "{}", String::from_utf8_lossy(&bash.stderr));
    assert!(String::from_utf8_lossy(&bash.stdout).contains("codify"));
    assert!(stdout(&out).contains("submit"), "subcommands are completed");
    let zsh = stdout(&codify(home.path(), &["completions", "zsh"]));
    assert!(zsh.starts_with("#compdef codify"), "{}", &zsh[..zsh.len().min(200)]);
    let fish = stdout(&codify(home.path(), &["completions", "fish"]));
    assert!(fish.contains("complete -c codify") && fish.contains("exit-status"), "{fish}");
    let out = codify(home.path(), &["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("[possible values: bash, elvish, fish, powershell, zsh]"), "{}", stderr(&out));
}

#[test]
fn config_default_prints_the_built_in_configuration_even_when_the_file_is_broken() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("config.toml"), "[ui]\ntheme = 3\n").unwrap();
    let out = codify(home.path(), &["config", "--default"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/config.example.toml")).unwrap();
    assert_eq!(stdout(&out), example);
    // Without --default: where the file is (once the config reads).
    std::fs::remove_file(home.path().join("config.toml")).unwrap();
    let out = codify(home.path(), &["config"]);
    assert_eq!(stdout(&out).trim(), home.path().join("config.toml").display().to_string());
    // What it prints is a valid config file.
    std::fs::write(home.path().join("config.toml"), example).unwrap();
    assert!(codify(home.path(), &["problems"]).status.success());
}

#[test]
fn a_config_error_names_the_key_its_line_the_allowed_words_and_the_default_config() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(&config, "[llm]\nmodel = \"gpt-4o-mini\"\n\n[ui]\ntheme = \"dracula\"\n").unwrap();
    let out = codify(home.path(), &["problems"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "codify: {}: `ui.theme` is `dracula`; use one of: normal, high-contrast, no-color (line 5); \
             `codify config --default` prints every key with its default\n",
            config.display()
        )
    );
    // The same key name in two tables: the line is the one in the table at fault.
    std::fs::write(&config, "[llm]\ntimeout_s = 30\n[judge]\ntimeout_s = 5\n").unwrap();
    let err = stderr(&codify(home.path(), &["problems"]));
    assert!(err.contains("unknown key `judge.timeout_s` (line 4)"), "{err}");
}

#[test]
fn exit_status_fails_scripts_on_a_verdict_other_than_accepted() {
    let home = tempfile::tempdir().unwrap();
    let right = write_solution(home.path(), "right.py", RIGHT);
    let wrong = write_solution(home.path(), "wrong.py", WRONG);
    let status = |args: &[&str]| codify(home.path(), args).status.code();
    for cmd in ["run", "submit"] {
        let (right, wrong) = (right.to_str().unwrap(), wrong.to_str().unwrap());
        assert_eq!(status(&[cmd, "two-sum", wrong]), Some(0), "{cmd}: without the flag the command ran");
        assert_eq!(status(&[cmd, "two-sum", wrong, "--exit-status"]), Some(1), "{cmd}");
        assert_eq!(status(&[cmd, "two-sum", wrong, "--exit-status", "--json"]), Some(1), "{cmd}");
        assert_eq!(status(&[cmd, "two-sum", right, "--exit-status"]), Some(0), "{cmd}");
        assert_eq!(status(&[cmd, "no-such-problem", right, "--exit-status"]), Some(2), "{cmd}: could not run");
    }
}

#[test]
fn help_shows_examples_and_what_each_argument_is() {
    let home = tempfile::tempdir().unwrap();
    let help = stdout(&codify(home.path(), &["help", "submit"]));
    assert!(help.contains("Example: `codify submit two-sum sol.py --json --all`"), "{help}");
    assert!(help.contains("The problem, e.g. two-sum"), "{help}");
    assert!(help.contains("--exit-status"), "{help}");
}
