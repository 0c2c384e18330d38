use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Prints the completion script, e.g. `deskctl completions bash > /etc/bash_completion.d/deskctl`.
pub fn cmd_completions(args: CompletionsArgs) -> CliResult {
    let mut command = crate::cli::Cli::command();
    clap_complete::generate(args.shell, &mut command, "deskctl", &mut std::io::stdout());
    Ok(())
}
