//! The `framescore` command: parse, dispatch, print the error once, exit.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code.into(),
        Err(err) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("framescore: error: {err:#}");
            cli::Exit::Failure.into()
        }
    }
}
