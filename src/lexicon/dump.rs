//! Writing the built-in lexicons out, byte for byte, so that an error that
//! points at `<built-in>/loaded.toml:188` can be followed in an editor, and a
//! user can start a `--lexicons` folder from the shipped files.

use std::path::{Path, PathBuf};

use super::{LexiconFile, builtin_files};

/// Why the built-in lexicons could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DumpError {
    /// No built-in file has that name.
    #[error("no built-in lexicon `{name}`{hint}; the built-in files are {}", .names.join(", "))]
    Unknown {
        /// The name asked for.
        name: String,
        /// " (did you mean …?)" or empty.
        hint: String,
        /// Every built-in name.
        names: Vec<String>,
    },
    /// A file could not be written.
    #[error("cannot write `{}`: {error}; check that the --out folder is writable", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
}

/// The built-in files named by `name` (all when `None`). A name may be given
/// as `loaded`, `loaded.toml`, `<built-in>/loaded.toml` or `models/hedges`.
pub fn select(name: Option<&str>) -> Result<Vec<LexiconFile>, DumpError> {
    let files = builtin_files();
    let Some(name) = name else {
        return Ok(files);
    };
    let wanted = name.strip_prefix("<built-in>/").unwrap_or(name);
    let matches = |file: &LexiconFile| {
        let stem = file.name.rsplit_once('.').map_or(&*file.name, |(s, _)| s);
        file.name == wanted || stem == wanted
    };
    let chosen: Vec<LexiconFile> = files.iter().filter(|f| matches(f)).cloned().collect();
    if chosen.is_empty() {
        let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
        let stems = names
            .iter()
            .map(|n| n.rsplit_once('.').map_or(n.as_str(), |(s, _)| s));
        let hint = super::shape::closest(wanted, stems)
            .map_or(String::new(), |best| format!(" (did you mean `{best}`?)"));
        return Err(DumpError::Unknown {
            name: name.to_string(),
            hint,
            names,
        });
    }
    Ok(chosen)
}

/// Writes `files` into `dir` under their names (`models/…` in a subfolder),
/// the same relative paths that `<built-in>/NAME` in messages stand for.
pub fn write(files: &[LexiconFile], dir: &Path) -> Result<Vec<PathBuf>, DumpError> {
    let mut written = Vec::with_capacity(files.len());
    for file in files {
        let path = dir.join(&file.name);
        let io = |error| DumpError::Io {
            path: path.clone(),
            error,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&path, file.text.as_bytes()).map_err(io)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_select_table() {
        let cases: &[(&str, &str)] = &[
            ("loaded", "loaded.toml"),
            ("loaded.toml", "loaded.toml"),
            ("<built-in>/loaded.toml", "loaded.toml"),
            ("models/hedges.tsv", "models/hedges.tsv"),
            ("hedges", "hedges.toml"),
        ];
        for (name, want) in cases {
            let got = select(Some(name)).expect(name);
            assert_eq!(got[0].name, *want, "{name}");
        }
        let err = select(Some("loadd")).expect_err("unknown").to_string();
        assert!(err.contains("did you mean `loaded`?"), "{err}");
    }

    #[test]
    fn dumped_files_are_the_built_in_bytes_at_the_paths_messages_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = select(None).expect("all");
        write(&files, dir.path()).expect("write");
        for file in &files {
            let relative = file
                .path
                .strip_prefix("<built-in>/")
                .expect("built-in path");
            let on_disk = std::fs::read(dir.path().join(relative)).expect(relative);
            assert_eq!(on_disk, file.text.as_bytes(), "{relative}");
        }
    }
}
