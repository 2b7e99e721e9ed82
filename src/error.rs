//! The crate's error type.

use std::fmt;

/// Everything that can go wrong in akson.
///
/// Every message says what was wrong and how to fix it.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Input bytes that are not UTF-8. `line` is 1-based (0 when the input is not
    /// line-oriented); `offset` is the byte offset of the first invalid byte from the
    /// start of the input (or of the line, when `line` is not 0).
    InvalidUtf8 {
        /// 1-based line number, or 0.
        line: usize,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A function argument or option value that is not allowed.
    InvalidArgument(String),
    /// A malformed dictionary or word list: what is wrong and where.
    InvalidDictionary(String),
    /// An I/O error, with the path or stream it concerns.
    Io {
        /// What was being read or written.
        what: String,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidUtf8 { line: 0, offset } => write!(
                f,
                "invalid UTF-8 at byte offset {offset}: akson reads UTF-8 only; \
                 convert the input first (e.g. `iconv -f <encoding> -t UTF-8`)"
            ),
            Error::InvalidUtf8 { line, offset } => write!(
                f,
                "invalid UTF-8 on line {line} at byte offset {offset} of that line: akson \
                 reads UTF-8 only; convert the input first (e.g. `iconv -f <encoding> -t UTF-8`)"
            ),
            Error::InvalidArgument(msg) => f.write_str(msg),
            Error::InvalidDictionary(msg) => write!(f, "invalid dictionary: {msg}"),
            Error::Io { what, source } => write!(f, "{what}: {source}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Checks that `bytes` are UTF-8, reporting the offset of the first bad byte.
///
/// ```
/// let err = akson::from_utf8(b"ok \xff").unwrap_err();
/// assert_eq!(err.to_string().contains("byte offset 3"), true);
/// ```
pub fn from_utf8(bytes: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        line: 0,
        offset: e.valid_up_to(),
    })
}
