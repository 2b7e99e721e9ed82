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

/// Longest text an error message quotes whole; longer texts are cut after this
/// many characters, with their length given.
const QUOTE_CHARS: usize = 40;

/// `text` in double quotes, for an error message. Unlike `{:?}`, Lao marks stay
/// as they are (Rust's debug form writes ັ as `\u{eb1}`); what a reader could not
/// see or type is written as an escape: control and invisible formatting
/// characters, unassigned Lao code points, `"` and `\\`. A mark with nothing
/// before it to sit on is shown on U+25CC ◌, as in character charts. A text of
/// more than `QUOTE_CHARS` characters is cut, with its length.
pub(crate) fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * QUOTE_CHARS) + 24);
    out.push('"');
    for (n, c) in text.chars().enumerate() {
        if n == QUOTE_CHARS {
            out.push_str(&format!("…\" ({} characters)", text.chars().count()));
            return out;
        }
        let lao = crate::chars::lao_class(c);
        if n == 0 && lao.is_some_and(|l| l.is_mark()) {
            out.push('\u{25CC}');
        }
        let invisible = c.is_control()
            || crate::chars::is_zero_width(c)
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2061}'..='\u{2064}' | '\u{2066}'..='\u{2069}')
            || lao == Some(crate::chars::Lc::Unassigned);
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            _ if invisible => out.push_str(&format!("\\u{{{:04X}}}", c as u32)),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn quoted_keeps_lao_and_shows_the_invisible() {
        assert_eq!(quoted("ກັນ"), "\"ກັນ\"");
        assert_eq!(quoted("ັກ"), "\"\u{25CC}ັກ\"");
        assert_eq!(quoted("ກ\u{200B}x\"\\\n"), r#""ກ\u{200B}x\"\\\n""#);
        assert_eq!(quoted("\u{E80}"), r#""\u{0E80}""#);
        let long = "ກາ".repeat(100);
        let q = quoted(&long);
        assert!(q.starts_with(&format!("\"{}…\"", "ກາ".repeat(20))), "{q}");
        assert!(q.ends_with("(200 characters)"), "{q}");
    }
}
