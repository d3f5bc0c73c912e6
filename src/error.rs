//! The library's error type: every error says where (file and line) and what is wrong, so a
//! user can fix a gazetteer or an input without reading code.

use std::fmt;

/// What went wrong, broadly; the message says exactly what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A gazetteer file is malformed (missing column, duplicate id, empty name, bad type...).
    Gazetteer,
    /// A file or folder could not be read or written.
    Io,
    /// A flag or option has a value that cannot be used.
    Usage,
}

/// An error with the place it happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    path: Option<String>,
    line: Option<u64>,
    message: String,
}

impl Error {
    /// A new error.
    pub fn new(
        kind: ErrorKind,
        path: Option<String>,
        line: Option<u64>,
        message: impl Into<String>,
    ) -> Error {
        Error {
            kind,
            path,
            line,
            message: message.into(),
        }
    }

    /// A gazetteer error at `path:line`.
    pub fn gazetteer(path: &str, line: u64, message: impl Into<String>) -> Error {
        Error::new(
            ErrorKind::Gazetteer,
            Some(path.to_string()),
            Some(line),
            message,
        )
    }

    /// An I/O error on `path`.
    pub fn io(path: &str, err: &std::io::Error) -> Error {
        Error::new(ErrorKind::Io, Some(path.to_string()), None, err.to_string())
    }

    /// What went wrong, broadly.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file at fault, if any.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// The 1-based line at fault, if any.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(p), Some(l)) => write!(f, "{p}:{l}: {}", self.message),
            (Some(p), None) => write!(f, "{p}: {}", self.message),
            _ => write!(f, "{}", self.message),
        }
    }
}

impl std::error::Error for Error {}

/// Several errors found in one pass (a gazetteer is checked whole before any work starts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Errors(pub Vec<Error>);

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}
