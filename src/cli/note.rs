//! `codify note [NAME]`: a knowledge note (a mistake pattern or a topic) printed, or the list of notes.

use std::process::ExitCode;

use super::Failure;

pub fn note(name: Option<&str>) -> Result<ExitCode, Failure> {
    let list = || {
        let names: Vec<String> = crate::knowledge::notes().iter().map(|(n, k)| format!("{n} ({k})")).collect();
        names.join(", ")
    };
    match name {
        None => {
            println!("{}", list());
            Ok(ExitCode::SUCCESS)
        }
        Some(n) => match crate::knowledge::note(n) {
            Some(text) => {
                println!("{}", text.trim_end());
                Ok(ExitCode::SUCCESS)
            }
            None => {
                // A renamed topic (`dynamic-programming`) prints the notes of the topics it became.
                let progression = crate::knowledge::progression().map_err(|e| Failure(e.to_string()))?;
                let texts: Vec<&str> =
                    progression.expand(n.trim()).iter().filter_map(|t| crate::knowledge::note(&t.name)).collect();
                if texts.is_empty() {
                    return Err(Failure(format!("no note `{n}`; notes: {}", list())));
                }
                println!("{}", texts.iter().map(|t| t.trim_end()).collect::<Vec<_>>().join("\n\n"));
                Ok(ExitCode::SUCCESS)
            }
        },
    }
}
