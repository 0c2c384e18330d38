use std::io::Write;

use clap::Args;
use clap_complete::Shell;

use crate::error::{CliError, CliResult};

const INSTALL: &str = "\
The script asks deskctl for each completion, so ticket numbers, handles, team, agent \
and field keys and context names come from the desk you are using. Load it when the \
shell starts, so it always matches the installed deskctl:

  bash        add to ~/.bashrc:
    source <(deskctl completions bash)
  zsh         add to ~/.zshrc (after compinit):
    source <(deskctl completions zsh)
  fish        run once:
    deskctl completions fish > ~/.config/fish/completions/deskctl.fish
  elvish      add to ~/.config/elvish/rc.elv:
    eval (deskctl completions elvish | slurp)
  powershell  add to $PROFILE:
    deskctl completions powershell | Out-String | Invoke-Expression

Open a new shell afterwards. `COMPLETE=bash deskctl` prints the same script.

Examples:
  source <(deskctl completions bash)
  deskctl completions fish > ~/.config/fish/completions/deskctl.fish";

#[derive(Debug, Args)]
#[command(after_help = INSTALL)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Prints the shell's completion script.
pub fn cmd_completions(args: CompletionsArgs) -> CliResult {
    let script = crate::cli::complete::registration(&args.shell.to_string())
        .ok_or_else(|| CliError::general(format!("no completion script for {}", args.shell)))?;
    let mut out = std::io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(())
}
