//! `framescore lexicon dump`: the built-in lexicons, byte for byte.

use std::io::Write as _;
use std::path::PathBuf;

use framescore::lexicon::dump;

use super::Exit;

/// Write the built-in lexicons (all, or one) so that `<built-in>/…` locations can be followed.
#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  framescore lexicon dump --out my-lexicons    # every built-in file (models/ too)\n  framescore lexicon dump loaded                # loaded.toml on standard output\n\n`<built-in>/loaded.toml:188` in a message is line 188 of the file written here as loaded.toml."
)]
pub struct Args {
    /// One file: `loaded`, `loaded.toml`, `<built-in>/loaded.toml`, `models/hedges` (default: all).
    name: Option<String>,
    /// Folder to write into (created if needed); without it, NAME is printed.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

impl Args {
    pub fn run(self) -> anyhow::Result<Exit> {
        let files = dump::select(self.name.as_deref())?;
        match (&self.out, &self.name) {
            (Some(dir), _) => {
                for path in dump::write(&files, dir)? {
                    eprintln!("framescore: wrote {}", path.display());
                }
            }
            (None, Some(_)) => {
                let mut stdout = std::io::stdout().lock();
                for file in &files {
                    stdout.write_all(file.text.as_bytes())?;
                }
                stdout.flush()?;
            }
            (None, None) => anyhow::bail!(
                "say where to write every built-in lexicon with --out DIR, or name one to print it (e.g. `framescore lexicon dump loaded`)"
            ),
        }
        Ok(Exit::Success)
    }
}
