//! The `vnpipe` command: parse arguments, run, exit with the right status.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use vnpipe::cli::Cli;

// The pipeline allocates many small strings and vectors per document; mimalloc
// runs the bench corpus faster than the system allocator (docs/performance.md).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version print and succeed; a usage error is status 1,
        // keeping 2 for "some documents failed".
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 1 } else { 0 });
        }
    };
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
            // A closed standard error is no reason to panic.
            let _ = writeln!(std::io::stderr(), "{message}");
            ExitCode::from(1)
        }
    }
}
