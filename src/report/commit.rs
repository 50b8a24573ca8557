//! Committing a run's report set in one step, and cleaning up after killed runs.
//!
//! # The scheme, and why
//!
//! A run writes every report into a fresh *staging* folder; nothing in the
//! output folder `OUT` changes until all files are written and synced. Then:
//!
//! 1. **Swap (Linux, the usual case).** When `OUT` holds nothing but
//!    framescore's own files (or does not exist yet), the staging folder is a
//!    sibling, `PARENT/.OUT.framescore-staging-PID-N/`, and the commit is one
//!    `renameat2(RENAME_EXCHANGE)` of the staging folder with `OUT`: a reader
//!    (or a kill) sees either the complete old folder or the complete new
//!    one, never a mix. The old set then sits under the staging name and is
//!    deleted. Paths such as `OUT/articles.csv` stay plain files, so a
//!    spreadsheet opens them directly (symlinks into a run folder were ruled
//!    out for that reason). `OUT`'s permissions are copied to the new folder.
//! 2. **Roll-forward (fallback).** When `OUT` also holds files that are not
//!    framescore's (`--out .`), when it is a mount point, or off Linux, `OUT`
//!    itself cannot be replaced. The staging folder is then
//!    `OUT/.framescore-staging-PID-N/`; the commit point is its rename to
//!    `OUT/.framescore-commit-PID-N/` (one rename: the new set is decided),
//!    after which the files are renamed into `OUT` one by one, `manifest.json`
//!    last, and the empty folder removed. A kill in that window leaves a mix
//!    that `manifest.json` exposes (it records the run id and the SHA-256 of
//!    every other file) and that the next run finishes: it first moves what
//!    is left of any commit folder into place. Only this path can ever show a
//!    mixed set, and only until the next run.
//!
//! Leftovers are recognised by name only: `.OUT.framescore-staging-*`
//! siblings, `OUT/.framescore-staging-*` and `OUT/.framescore-commit-*`
//! folders, and the `.tmpXXXXXX` files that framescore before 0.2 left in a
//! folder holding a `manifest.json`. A folder whose process is still running
//! (`/proc/PID/comm` is `framescore`) is left alone.
//!
//! Every failure says exactly what is on disk: the earlier set untouched, or
//! which files are new and where the rest of the new set waits.
//!
//! Test hook (debug builds only, not for users): `FRAMESCORE_TEST_PAUSE_MS=N`
//! sleeps N milliseconds before and after the commit point and before each
//! file move, so a test can kill the process inside the commit.
//!
//! Staging folders are removed file by file (framescore's names only), never
//! recursively: if anything else ended up inside, the folder is kept and
//! reported rather than deleted with it. For the same reason `OUT` is
//! checked again right before the exchange.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The report file names, in the order they are moved; `manifest.json` last,
/// because it vouches for the others.
/// The folder of article pages ([`PAGES`]) is moved as one entry, before
/// `report.html` which links into it.
pub const FILES: [&str; 10] = [
    "articles.csv",
    "matches.csv",
    "sources.csv",
    "actors.csv",
    "stances.csv",
    "outlets.csv",
    "outlet_actors.csv",
    PAGES,
    "report.html",
    "manifest.json",
];

/// The folder of `report.html`'s article pages: framescore's own, holding
/// only `NNNN.html` files.
pub const PAGES: &str = "articles";

/// Whether `name` is one of framescore's article pages.
fn is_page(name: &str) -> bool {
    name.strip_suffix(".html")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Removes a pages folder: its pages, then the folder (kept if anything else is in it).
fn remove_pages(dir: &Path) -> io::Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err),
    };
    for entry in entries.filter_map(Result::ok) {
        if is_page(&entry.file_name().to_string_lossy()) {
            fs::remove_file(entry.path())?;
        }
    }
    fs::remove_dir(dir)
}

/// Removes one entry of a report set (a file, or the pages folder).
fn remove_entry(dir: &Path, name: &str) -> io::Result<()> {
    let result = if name == PAGES {
        remove_pages(&dir.join(name))
    } else {
        fs::remove_file(dir.join(name))
    };
    match result {
        Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
        _ => Ok(()),
    }
}

const STAGING: &str = ".framescore-staging-";
const COMMIT: &str = ".framescore-commit-";

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// How a staging folder will be committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A sibling of `OUT`, exchanged with it.
    Swap,
    /// Inside `OUT`, files moved into place one by one.
    InPlace,
}

/// A staging folder being filled with one run's reports.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    path: PathBuf,
    mode: Mode,
    id: String,
    /// Removed on drop unless committed (or handed over in an error).
    armed: bool,
    /// What the clean-up before this run did, for the run's notes.
    pub recovered: Vec<String>,
}

impl Staging {
    /// Cleans up leftovers of killed runs, then makes a fresh staging folder for `out`.
    pub fn create(out: &Path) -> io::Result<Staging> {
        let out = resolve(out)?;
        let recovered = recover(&out);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let id = format!("{}-{n}", std::process::id());
        let swap_ok = cfg!(target_os = "linux") && swappable(&out);
        if swap_ok && let Some((parent, name)) = split(&out) {
            fs::create_dir_all(parent)?;
            let path = parent.join(format!(".{name}{STAGING}{id}"));
            if fs::create_dir(&path).is_ok() {
                return Ok(Staging {
                    out,
                    path,
                    mode: Mode::Swap,
                    id,
                    armed: true,
                    recovered,
                });
            }
        }
        fs::create_dir_all(&out)?;
        let path = out.join(format!("{STAGING}{id}"));
        fs::create_dir(&path)?;
        Ok(Staging {
            out,
            path,
            mode: Mode::InPlace,
            id,
            armed: true,
            recovered,
        })
    }

    /// The folder to write the reports into.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A run id unique on this machine: time, process, counter.
    pub fn run_id(&self) -> String {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        format!("{secs}-{}", self.id)
    }

    /// Makes the staged set the visible one (see the module header).
    pub fn commit(mut self) -> Result<(), CommitError> {
        sync_dir(&self.path);
        pause();
        // re-checked: a file the user put into OUT during the run must not
        // vanish with the earlier set
        let swap_now = self.mode == Mode::Swap && swappable(&self.out);
        match self.mode {
            Mode::Swap if swap_now => match swap(&self.path, &self.out) {
                Ok(()) => {
                    self.armed = false;
                    if let Some((parent, _)) = split(&self.out) {
                        sync_dir(parent);
                    }
                    pause();
                    // the staging name now holds the earlier set (or nothing)
                    let _ = remove_set(&self.path);
                    return Ok(());
                }
                Err(_) => {
                    // not possible here (mount point, file system without
                    // RENAME_EXCHANGE): move the staged set in file by file
                    fs::create_dir_all(&self.out).map_err(|error| self.not_switched(error))?;
                }
            },
            Mode::Swap => {
                fs::create_dir_all(&self.out).map_err(|error| self.not_switched(error))?;
            }
            Mode::InPlace => {}
        }
        let decided = self.out.join(format!("{COMMIT}{}", self.id));
        fs::rename(&self.path, &decided).map_err(|error| self.not_switched(error))?;
        self.armed = false;
        sync_dir(&self.out);
        pause();
        roll_forward(&self.out, &decided)
    }

    fn not_switched(&mut self, error: io::Error) -> CommitError {
        self.armed = false;
        CommitError::NotSwitched {
            out: self.out.clone(),
            staged: self.path.clone(),
            error,
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.armed {
            let _ = remove_set(&self.path);
        }
    }
}

/// Why a commit failed, and what is on disk as a result.
#[derive(Debug)]
pub enum CommitError {
    /// Nothing in `out` changed.
    NotSwitched {
        /// The output folder.
        out: PathBuf,
        /// Where the complete new set is.
        staged: PathBuf,
        /// The OS error.
        error: io::Error,
    },
    /// Some files in `out` are new, the rest are from the earlier run.
    Partial(Box<PartialMove>),
}

/// A commit that stopped half-way through moving files into place.
#[derive(Debug)]
pub struct PartialMove {
    /// The output folder.
    pub out: PathBuf,
    /// Files already replaced by this run's.
    pub moved: Vec<String>,
    /// Files still from the earlier run.
    pub old: Vec<String>,
    /// Files of this run not in `out` at all yet.
    pub missing: Vec<String>,
    /// The file whose move failed.
    pub failed: String,
    /// Where this run's remaining files wait.
    pub decided: PathBuf,
    /// The OS error.
    pub error: io::Error,
}

impl CommitError {
    /// The OS error behind it.
    pub fn io(&self) -> &io::Error {
        match self {
            CommitError::NotSwitched { error, .. } => error,
            CommitError::Partial(partial) => &partial.error,
        }
    }
}

impl fmt::Display for CommitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommitError::NotSwitched { out, staged, error } => write!(
                f,
                "cannot switch the new reports into `{}`: {error}; the reports there are still the complete earlier set, and the complete new set is in `{}` (copy it elsewhere before the next run, which removes it), or check the folder's permissions and run again",
                out.display(),
                staged.display()
            ),
            CommitError::Partial(partial) => {
                let PartialMove {
                    out,
                    moved,
                    old,
                    missing,
                    failed,
                    decided,
                    error,
                } = &**partial;
                write!(
                    f,
                    "cannot move `{failed}` into `{}`: {error}; that folder now holds a mixed set (manifest.json tells them apart) —",
                    out.display()
                )?;
                let groups = [
                    ("from this run", moved),
                    ("from the earlier run", old),
                    ("missing", missing),
                ];
                let mut first = true;
                for (what, names) in groups.iter().filter(|(_, names)| !names.is_empty()) {
                    let sep = if first { "" } else { ";" };
                    write!(f, "{sep} {what}: {}", names.join(", "))?;
                    first = false;
                }
                write!(
                    f,
                    "; the rest of this run's set is in `{}`, and the next framescore run with this --out moves it into place first (or move the files by hand)",
                    decided.display()
                )
            }
        }
    }
}

impl std::error::Error for CommitError {}

/// The output folder as an absolute path, through symlinks, so that a
/// symlinked `OUT` keeps pointing at the reports.
fn resolve(out: &Path) -> io::Result<PathBuf> {
    match fs::canonicalize(out) {
        Ok(path) => Ok(path),
        Err(_) => std::path::absolute(out),
    }
}

fn split(out: &Path) -> Option<(&Path, String)> {
    let parent = out.parent()?;
    let name = out.file_name()?.to_string_lossy().into_owned();
    Some((parent, name))
}

/// Whether `out` can be replaced as a whole: missing, or a folder holding
/// only framescore's files on the same file system as its parent (a mount
/// point cannot be renamed, nor a staging folder moved across devices).
fn swappable(out: &Path) -> bool {
    let Ok(entries) = fs::read_dir(out) else {
        return !out.exists();
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let dev = |p: &Path| fs::metadata(p).map(|m| m.dev()).ok();
        if out.parent().is_none_or(|parent| dev(parent) != dev(out)) {
            return false;
        }
    }
    entries.filter_map(Result::ok).all(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        if name == PAGES {
            return e.file_type().is_ok_and(|t| t.is_dir()) && only_pages(&e.path());
        }
        FILES.contains(&name.as_str()) && e.file_type().is_ok_and(|t| t.is_file())
    })
}

/// Whether a pages folder holds nothing but framescore's pages.
fn only_pages(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).all(|e| {
            is_page(&e.file_name().to_string_lossy()) && e.file_type().is_ok_and(|t| t.is_file())
        })
    })
}

#[cfg(target_os = "linux")]
fn swap(staged: &Path, out: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    if !out.exists() {
        return renameat_with(CWD, staged, CWD, out, RenameFlags::NOREPLACE).map_err(Into::into);
    }
    if let Ok(meta) = fs::metadata(out) {
        let _ = fs::set_permissions(staged, meta.permissions());
    }
    renameat_with(CWD, staged, CWD, out, RenameFlags::EXCHANGE).map_err(Into::into)
}

#[cfg(not(target_os = "linux"))]
fn swap(_staged: &Path, _out: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Moves the files of a decided set into `out`, manifest last.
fn roll_forward(out: &Path, decided: &Path) -> Result<(), CommitError> {
    let present: Vec<&str> = FILES
        .iter()
        .copied()
        .filter(|name| decided.join(name).exists())
        .collect();
    // the pages and the page of an earlier run that had them, when this one has none
    for stale in [PAGES, "report.html"] {
        if !present.contains(&stale) && decided.join("manifest.json").exists() {
            let _ = remove_entry(out, stale);
        }
    }
    for (i, name) in present.iter().enumerate() {
        if i > 0 {
            pause();
        }
        if *name == PAGES {
            // a folder cannot replace a non-empty one: the earlier pages go first
            let _ = remove_entry(out, PAGES);
        }
        if let Err(error) = fs::rename(decided.join(name), out.join(name)) {
            let names = |list: &[&str]| list.iter().map(|s| (*s).to_string()).collect();
            let (old, missing): (Vec<&str>, Vec<&str>) = present[i..]
                .iter()
                .partition(|name| out.join(name).exists());
            return Err(CommitError::Partial(Box::new(PartialMove {
                out: out.to_path_buf(),
                moved: names(&present[..i]),
                old: names(&old),
                missing: names(&missing),
                failed: (*name).to_string(),
                decided: decided.to_path_buf(),
                error,
            })));
        }
    }
    let _ = fs::remove_dir(decided);
    sync_dir(out);
    Ok(())
}

/// Removes what killed runs left for `out` and finishes a decided commit;
/// returns a line per thing done.
fn recover(out: &Path) -> Vec<String> {
    let mut done = Vec::new();
    if let Some((parent, name)) = split(out) {
        let prefix = format!(".{name}{STAGING}");
        for (path, rest) in entries_with_prefix(parent, &prefix) {
            if abandoned(&rest) {
                done.push(match remove_set(&path) {
                    Ok(()) => format!("removed `{}`, left by an interrupted run", path.display()),
                    Err(err) => format!(
                        "left `{}` from an interrupted run in place: {err}; it holds files framescore did not write, look inside and remove it",
                        path.display()
                    ),
                });
            }
        }
    }
    for (path, rest) in entries_with_prefix(out, COMMIT) {
        if abandoned(&rest) {
            match roll_forward(out, &path) {
                Ok(()) => done.push(format!(
                    "finished moving the reports of an interrupted run from `{}` into place",
                    path.display()
                )),
                Err(err) => done.push(err.to_string()),
            }
        }
    }
    for (path, rest) in entries_with_prefix(out, STAGING) {
        if abandoned(&rest) && remove_set(&path).is_ok() {
            done.push(format!(
                "removed `{}`, left by an interrupted run",
                path.display()
            ));
        }
    }
    if out.join("manifest.json").is_file() {
        for (path, rest) in entries_with_prefix(out, ".tmp") {
            let tempfile_name = rest.len() == 6 && rest.chars().all(|c| c.is_ascii_alphanumeric());
            if tempfile_name && path.is_file() && fs::remove_file(&path).is_ok() {
                done.push(format!(
                    "removed `{}`, left by an interrupted run",
                    path.display()
                ));
            }
        }
    }
    done
}

/// Removes a staging folder: framescore's files in it, then the folder,
/// which fails (and is kept) if anything else is inside.
fn remove_set(dir: &Path) -> io::Result<()> {
    for name in FILES {
        remove_entry(dir, name)?;
    }
    fs::remove_dir(dir)
}

/// Entries of `dir` whose name starts with `prefix`, with the rest of the name; sorted.
fn entries_with_prefix(dir: &Path, prefix: &str) -> Vec<(PathBuf, String)> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, String)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix(prefix)?.to_string();
            Some((e.path(), rest))
        })
        .collect();
    found.sort();
    found
}

/// Whether a `PID-N` suffix names a run that is no longer going on.
fn abandoned(suffix: &str) -> bool {
    let Some((pid, n)) = suffix.split_once('-') else {
        return false;
    };
    let (Ok(pid), Ok(_)) = (pid.parse::<u32>(), n.parse::<usize>()) else {
        return false;
    };
    if pid == std::process::id() {
        return false;
    }
    let comm = fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    comm.trim() != "framescore"
}

pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

fn pause() {
    if !cfg!(debug_assertions) {
        return;
    }
    static MS: std::sync::LazyLock<u64> = std::sync::LazyLock::new(|| {
        std::env::var("FRAMESCORE_TEST_PAUSE_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    });
    if *MS > 0 {
        std::thread::sleep(std::time::Duration::from_millis(*MS));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftover_names_table() {
        let me = std::process::id().to_string();
        let cases = [
            ("99999999999-0", false), // beyond u32: not a pid
            ("12-x", false),
            ("12", false),
            (&format!("{me}-3"), false), // this very process
            ("4000000-1", true),         // no such process
        ];
        for (suffix, want) in cases {
            assert_eq!(abandoned(suffix), want, "{suffix}");
        }
    }
}
