//! The `codify` binary: argument parsing and dispatch only.

use std::process::ExitCode;

fn main() -> ExitCode {
    codify::mark_start();
    // Like other command-line tools, end quietly when the reader of our output goes away (`| head`).
    // SAFETY: setting a signal disposition to its default at start-up, before any threads exist.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    let (args, name) = codify::cli::parse();
    match codify::cli::dispatch(args, name.as_deref()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("codify: {e}");
            ExitCode::from(2)
        }
    }
}
