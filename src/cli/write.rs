//! Writing files: through a temporary file in the same folder, renamed over the target, and for a
//! fix only while the target still holds what was read.
//!
//! What a replaced file keeps: its permission bits (setuid, setgid and sticky included), its
//! owner and group, and its extended attributes (ACLs among them). A file whose owner, group or
//! mode cannot be given to the new file is refused, as is a file with several hard links (a new
//! file would split them) and a file the user may not write, judged as the kernel judges it
//! (`access(2)`), so that a folder the user can write never lets mtlint replace a file the user
//! cannot. The modification time is not kept: the content changed, and tools that rebuild or
//! copy by date must see it.
//!
//! A fixed file is compared with what was read twice: before the temporary file is written, and
//! again immediately before the rename (its size, modification time, inode and every byte). What
//! remains is the window between that last comparison and the rename — the time of one `stat`
//! after reading the file back. An edit saved inside it is lost; closing it would take a lock
//! that editors do not take.
//!
//! Temporary files are named `.mtlint-PID-RANDOM.tmp`. They are removed on error, on SIGINT,
//! SIGTERM and SIGHUP; one left by a process that was killed outright is removed by the next
//! `mtlint fix` that writes in the same folder, once that process is gone and the file is a
//! minute old.

use std::collections::HashSet;
use std::fs::{File, Metadata};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, SystemTime};

use crate::error::{Error, Result};

const TEMP_PREFIX: &str = ".mtlint-";
const TEMP_SUFFIX: &str = ".tmp";
/// How old a temporary file of a process that is gone must be before another run removes it.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// Writes `new` over `path` if the file still holds `original`. A symbolic link is fixed where it
/// points: renaming over the link itself would replace the link with a file and leave its target
/// unfixed. Errors name `path` as the user gave it.
pub fn replace_if_unchanged(path: &Path, original: &[u8], new: &[u8]) -> Result<()> {
    let refuse = |message: String| Error::Fix {
        path: path.to_path_buf(),
        message,
    };
    let io = |e: std::io::Error| Error::io(path, e);
    let target = std::fs::canonicalize(path).map_err(io)?;
    debug_hook("MTLINT_DEBUG_BEFORE_WRITE", &target);
    let (meta, now) = read_back(&target, original.len()).map_err(io)?;
    check_replaceable(&target, &meta).map_err(refuse)?;
    if now != original {
        return Err(refuse(CHANGED.into()));
    }
    let seen = Observed::of(&meta);
    let temp = TempFile::beside(&target, Creation::Replacing).map_err(io)?;
    temp.fill(new).map_err(io)?;
    keep_attributes(temp.file(), &target, &meta).map_err(refuse)?;
    temp.file().sync_all().map_err(io)?;
    debug_hook("MTLINT_DEBUG_BEFORE_RENAME", &target);
    // The last look: every byte again, then the metadata, so that an edit during the read shows.
    let (_, again) = read_back(&target, original.len()).map_err(io)?;
    let last = std::fs::metadata(&target).map_err(io)?;
    if again != original || Observed::of(&last) != seen {
        return Err(refuse(CHANGED.into()));
    }
    temp.rename_over(&target).map_err(io)
}

const CHANGED: &str =
    "changed on disk while mtlint was fixing it; nothing written (run mtlint fix again)";

/// Writes `contents` to `path`, creating it (with the permissions the umask gives a new file) or
/// replacing it (keeping its attributes, as [`replace_if_unchanged`] does, but without comparing
/// its contents). For files mtlint writes itself: `mtlint init`.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<()> {
    let io = |e: std::io::Error| Error::io(path, e);
    let existing = std::fs::symlink_metadata(path)
        .ok()
        .filter(Metadata::is_file);
    let refuse = |message: String| Error::Fix {
        path: path.to_path_buf(),
        message,
    };
    if let Some(meta) = &existing {
        check_replaceable(path, meta).map_err(refuse)?;
    }
    let creation = if existing.is_some() {
        Creation::Replacing
    } else {
        Creation::New
    };
    let temp = TempFile::beside(path, creation).map_err(io)?;
    temp.fill(contents).map_err(io)?;
    if let Some(meta) = &existing {
        keep_attributes(temp.file(), path, meta).map_err(refuse)?;
    }
    temp.file().sync_all().map_err(io)?;
    temp.rename_over(path).map_err(io)
}

/// What identifies one state of a file on disk.
#[derive(Debug, PartialEq, Eq)]
struct Observed {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64),
    #[cfg(unix)]
    changed: (i64, i64),
}

impl Observed {
    fn of(meta: &Metadata) -> Observed {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Observed {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: (meta.dev(), meta.ino()),
            #[cfg(unix)]
            changed: (meta.ctime(), meta.ctime_nsec()),
        }
    }
}

/// The metadata of the open file and its bytes, at most one more than `expected` (enough to know
/// that it differs). Only a regular file is read: a FIFO put in its place would block.
fn read_back(path: &Path, expected: usize) -> std::io::Result<(Metadata, Vec<u8>)> {
    let file = super::inputs::open_regular(path)?;
    let meta = file.metadata()?;
    let mut bytes = Vec::with_capacity(expected.min(meta.len() as usize) + 1);
    file.take(expected as u64 + 1).read_to_end(&mut bytes)?;
    Ok((meta, bytes))
}

/// Why a file must not be replaced by a new one, if it must not.
fn check_replaceable(path: &Path, meta: &Metadata) -> std::result::Result<(), String> {
    // A file without any write bit was made read-only on purpose: that holds even for root,
    // whom the kernel would let write it.
    if meta.permissions().readonly() {
        return Err("is read-only; nothing written".into());
    }
    writable(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(format!(
                "has {} hard links, which a fixed copy would split; nothing written (to fix this \
                 copy alone, break the link first: cp FILE FILE.new && mv FILE.new FILE)",
                meta.nlink()
            ));
        }
    }
    Ok(())
}

/// Whether the user may write `path`, as the kernel decides it (owner, group, ACLs, read-only
/// mounts), with the effective user and group.
#[cfg(unix)]
fn writable(path: &Path) -> std::result::Result<(), String> {
    use std::os::unix::ffi::OsStrExt;
    let c_path = std::ffi::CString::new(path.as_os_str().as_bytes())
        .map_err(|_| "has a NUL byte in its name".to_string())?;
    // SAFETY: `c_path` is a valid NUL-terminated string that outlives the call.
    let status = unsafe {
        libc::faccessat(
            libc::AT_FDCWD,
            c_path.as_ptr(),
            libc::W_OK,
            libc::AT_EACCESS,
        )
    };
    if status == 0 {
        return Ok(());
    }
    let error = std::io::Error::last_os_error();
    Err(match error.raw_os_error() {
        Some(libc::EACCES) | Some(libc::EPERM) => {
            "is not writable by you; nothing written (mtlint never replaces a file you could not \
             edit in place)"
                .into()
        }
        Some(libc::EROFS) => "is on a read-only file system; nothing written".into(),
        _ => format!(
            "cannot tell whether it is writable ({}); nothing written",
            super::inputs::io_message(&error)
        ),
    })
}

#[cfg(not(unix))]
fn writable(_: &Path) -> std::result::Result<(), String> {
    Ok(())
}

/// Gives the new file the old one's owner, group, mode bits and extended attributes, and checks
/// that they took: a fixed file never silently changes hands or loses its setuid bit.
#[cfg(unix)]
fn keep_attributes(new: &File, old_path: &Path, old: &Metadata) -> std::result::Result<(), String> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    // The owner first: changing the owner clears the setuid and setgid bits.
    let _ = std::os::unix::fs::fchown(new, Some(old.uid()), Some(old.gid()));
    let mode = old.mode() & 0o7777;
    let _ = new.set_permissions(std::fs::Permissions::from_mode(mode));
    let now = new.metadata().map_err(|e| super::inputs::io_message(&e))?;
    if now.uid() != old.uid() || now.gid() != old.gid() {
        return Err(format!(
            "belongs to user {} and group {}, which a fixed copy written by you could not keep; \
             nothing written",
            old.uid(),
            old.gid()
        ));
    }
    if now.mode() & 0o7777 != mode {
        return Err(format!(
            "has mode {mode:04o}, which a fixed copy written by you could not keep; nothing written"
        ));
    }
    copy_extended_attributes(new, old_path)
}

#[cfg(not(unix))]
fn keep_attributes(new: &File, _: &Path, old: &Metadata) -> std::result::Result<(), String> {
    new.set_permissions(old.permissions())
        .map_err(|e| e.to_string())
}

/// Copies every extended attribute. The `security` namespace is the system's (SELinux labels a
/// new file itself) and is left to it; any other attribute that cannot be copied refuses the fix.
#[cfg(unix)]
fn copy_extended_attributes(new: &File, old: &Path) -> std::result::Result<(), String> {
    use std::os::unix::ffi::OsStrExt;
    use xattr::FileExt;
    let Ok(names) = xattr::list(old) else {
        // The file system has no extended attributes, so the file has none to lose.
        return Ok(());
    };
    for name in names {
        let system_owned = name.as_bytes().starts_with(b"security.");
        let copied = match xattr::get(old, &name) {
            Ok(Some(value)) => new.set_xattr(&name, &value),
            Ok(None) => Ok(()),
            Err(e) => Err(e),
        };
        if copied.is_err() && !system_owned {
            return Err(format!(
                "has the extended attribute `{}`, which a fixed copy could not keep; nothing written",
                crate::report::human::sanitise(&name.to_string_lossy())
            ));
        }
    }
    Ok(())
}

/// Whether a temporary file will replace an existing file (created private; the old file's mode
/// is given to it before the rename) or become a new one (created with the umask's permissions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Creation {
    Replacing,
    New,
}

/// A temporary file beside its target, removed unless it is renamed over the target, and
/// removed on SIGINT, SIGTERM and SIGHUP too.
struct TempFile {
    inner: tempfile::NamedTempFile,
    _registered: Registered,
}

/// A temporary file's place in [`in_flight`], given up when it is renamed or removed.
struct Registered(PathBuf);

impl Drop for Registered {
    fn drop(&mut self) {
        in_flight().remove(&self.0);
    }
}

impl TempFile {
    fn beside(target: &Path, creation: Creation) -> std::io::Result<TempFile> {
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        clean_up_on_signals();
        remove_stale_once(dir);
        let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(TEMP_SUFFIX);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = match creation {
                Creation::Replacing => 0o600,
                Creation::New => 0o666,
            };
            builder.permissions(std::fs::Permissions::from_mode(mode));
        }
        #[cfg(not(unix))]
        let _ = creation;
        let inner = builder.tempfile_in(dir)?;
        in_flight().insert(inner.path().to_path_buf());
        let registered = Registered(inner.path().to_path_buf());
        Ok(TempFile {
            inner,
            _registered: registered,
        })
    }

    fn file(&self) -> &File {
        self.inner.as_file()
    }

    fn fill(&self, contents: &[u8]) -> std::io::Result<()> {
        let mut file = self.inner.as_file();
        file.write_all(contents)?;
        file.flush()
    }

    /// Renames the file over `target` and makes the rename durable.
    fn rename_over(self, target: &Path) -> std::io::Result<()> {
        self.inner.persist(target).map_err(|e| e.error)?;
        sync_folder(target);
        Ok(())
    }
}

/// After a rename, the folder's entry is what must reach the disk.
fn sync_folder(target: &Path) {
    #[cfg(unix)]
    if let Some(dir) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(dir) = File::open(dir) {
            let _ = dir.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = target;
}

/// The temporary files being written, for the signal handler.
struct InFlight(Mutex<HashSet<PathBuf>>);

impl InFlight {
    fn insert(&self, path: PathBuf) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path);
    }

    fn remove(&self, path: &Path) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(path);
    }

    fn remove_files(&self) {
        for path in self.0.lock().unwrap_or_else(|e| e.into_inner()).drain() {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn in_flight() -> &'static InFlight {
    static IN_FLIGHT: OnceLock<InFlight> = OnceLock::new();
    IN_FLIGHT.get_or_init(|| InFlight(Mutex::new(HashSet::new())))
}

/// Installs, once, a thread that removes the temporary files being written when the process is
/// interrupted or terminated, then ends the process as the signal would have.
fn clean_up_on_signals() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            {
                std::thread::spawn(move || {
                    if let Some(signal) = signals.forever().next() {
                        in_flight().remove_files();
                        let _ = signal_hook::low_level::emulate_default_handler(signal);
                        std::process::exit(128 + signal);
                    }
                });
            }
        }
    });
}

/// Removes, once per folder and run, the temporary files that killed runs left in `dir`.
fn remove_stale_once(dir: &Path) {
    static SEEN: OnceLock<Mutex<HashSet<PathBuf>>> = OnceLock::new();
    let first = SEEN
        .get_or_init(|| Mutex::new(HashSet::new()))
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(dir.to_path_buf());
    if first {
        remove_stale(dir);
    }
}

fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_file_pid) else {
            continue;
        };
        let old_enough = entry
            .metadata()
            .ok()
            .filter(Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if old_enough && pid != std::process::id() && !process_exists(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file's name (`.mtlint-PID-RANDOM.tmp`).
fn temp_file_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    let (pid, random) = rest.split_once('-')?;
    (!random.is_empty()).then_some(())?;
    pid.parse().ok()
}

#[cfg(unix)]
fn process_exists(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only asks whether the process exists; nothing is sent.
    let status = unsafe { libc::kill(pid, 0) };
    status == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn process_exists(_: u32) -> bool {
    // Without a way to ask, every process might still be running.
    true
}

/// Debug builds only: run the shell command in the environment variable `name` at this point of a
/// write, so that a test can change the file in that window. Release builds have no such switch.
fn debug_hook(name: &str, path: &Path) {
    #[cfg(debug_assertions)]
    if let Some(command) = std::env::var_os(name) {
        let _ = std::process::Command::new("sh")
            .arg("-c")
            .arg(command)
            .env("MTLINT_FILE", path)
            .status();
    }
    #[cfg(not(debug_assertions))]
    let _ = (name, path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_file_names_carry_the_process_id() {
        assert_eq!(temp_file_pid(".mtlint-4242-a1B2c3.tmp"), Some(4242));
        assert_eq!(temp_file_pid(".mtlint-a1B2c3.tmp"), None);
        assert_eq!(temp_file_pid(".mtlint-4242-.tmp"), None);
        assert_eq!(temp_file_pid("notes.txt"), None);
    }

    #[test]
    fn this_process_exists() {
        assert!(process_exists(std::process::id()));
    }
}
