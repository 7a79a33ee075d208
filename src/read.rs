//! Reading the files the library itself reads (configuration, glossaries) and the CLI's inputs:
//! regular files only, at most the input cap, so that a FIFO never blocks and a device never
//! fills memory.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// The most bytes read from one input, a file or standard input: documents are addressed with
/// 32-bit offsets.
pub const MAX_INPUT_BYTES: u64 = u32::MAX as u64;

/// The input cap in force: [`MAX_INPUT_BYTES`], or in debug builds the value of
/// `MTLINT_DEBUG_MAX_INPUT`, so that a test can reach the cap without gigabytes.
pub(crate) fn input_cap() -> u64 {
    #[cfg(debug_assertions)]
    if let Some(cap) = std::env::var("MTLINT_DEBUG_MAX_INPUT")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return cap;
    }
    MAX_INPUT_BYTES
}

pub(crate) fn too_large(cap: u64) -> String {
    let limit = if cap == MAX_INPUT_BYTES {
        "4 GiB".to_string()
    } else {
        format!("{cap} bytes")
    };
    format!("too large: mtlint reads at most {limit} of one input")
}

/// The bytes of a regular file, or `None` when it holds more than `cap`.
pub fn read_file(path: &Path, cap: u64) -> std::io::Result<Option<Vec<u8>>> {
    let file = open_regular(path)?;
    let len = file.metadata()?.len();
    if len > cap {
        return Ok(None);
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // The file may grow while it is read: the cap holds whatever its size said.
    file.take(cap + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= cap).then_some(bytes))
}

/// A regular file's bytes, at most the input cap (for glossaries and configuration files).
pub fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    let cap = input_cap();
    read_file(path, cap)?.ok_or_else(|| std::io::Error::other(too_large(cap)))
}

/// Opens `path` for reading if it is a regular file. It is opened without waiting (a FIFO put in
/// its place would otherwise block until something writes to it) and then checked.
pub fn open_regular(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other(not_regular(&meta)));
    }
    #[cfg(unix)]
    blocking(&file)?;
    Ok(file)
}

/// Clears `O_NONBLOCK` again, once the file is known to be a regular file.
#[cfg(unix)]
fn blocking(file: &File) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: `fd` is an open descriptor owned by `file` for the duration of both calls.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Why a path that is not a regular file is not read.
fn not_regular(meta: &Metadata) -> String {
    if meta.is_dir() {
        return "is a folder".into();
    }
    #[cfg(unix)]
    let kind = {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            "a FIFO (named pipe)"
        } else if t.is_char_device() {
            "a character device"
        } else if t.is_block_device() {
            "a block device"
        } else if t.is_socket() {
            "a socket"
        } else {
            "a special file"
        }
    };
    #[cfg(not(unix))]
    let kind = "a special file";
    format!("is {kind}, not a regular file; mtlint reads regular files and standard input (`-`)")
}
