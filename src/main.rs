//! The `vnpipe` command: parse arguments, run, exit with the right status.

use std::process::ExitCode;

use clap::Parser;
use vnpipe::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match vnpipe::run::run(cli) {
        Ok(status) => ExitCode::from(status),
        // `vnpipe … | head`: the reader went away; that is not a failure.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let mut message = format!("vnpipe: error: {e}");
            let mut source = std::error::Error::source(&e);
            while let Some(cause) = source {
                message.push_str(&format!(": {cause}"));
                source = cause.source();
            }
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}
