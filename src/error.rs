//! The crate's one error type.
//!
//! Every failure a user can cause (a malformed option, input that is too large, bytes that
//! are not UTF-8) is an [`Error`] value whose message names the offending input. Nothing in
//! the crate panics on user input; the wasm layer turns an `Error` into a JavaScript `Error`
//! with the same message, the CLI prints it on one line of stderr.

use std::fmt;

/// What went wrong, with a message that names the value involved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// Kept private so that new kinds can be added without breaking callers; ask with the
/// `is_*` methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ErrorKind {
    /// An option had a value outside what it accepts.
    InvalidOption,
    /// The input itself cannot be analysed (not UTF-8, over the size limit).
    InvalidInput,
    /// A model artifact failed its header check.
    Model,
    /// Reading or writing a file failed (CLI only).
    Io,
}

impl Error {
    pub(crate) fn invalid_option(message: impl Into<String>) -> Self {
        Error { kind: ErrorKind::InvalidOption, message: message.into() }
    }

    pub(crate) fn invalid_input(message: impl Into<String>) -> Self {
        Error { kind: ErrorKind::InvalidInput, message: message.into() }
    }

    /// A model artifact that is missing, truncated or built for another feature schema.
    pub fn model(message: impl Into<String>) -> Self {
        Error { kind: ErrorKind::Model, message: message.into() }
    }

    /// A file that could not be read or written; `what` names it.
    pub fn io(what: &str, err: &std::io::Error) -> Self {
        Error { kind: ErrorKind::Io, message: format!("{what}: {err}") }
    }

    /// True when an option (reference date, kinds, input kind) was malformed.
    pub fn is_invalid_option(&self) -> bool {
        self.kind == ErrorKind::InvalidOption
    }

    /// True when the input itself was refused (not UTF-8, too large).
    pub fn is_invalid_input(&self) -> bool {
        self.kind == ErrorKind::InvalidInput
    }

    /// The message alone, without a kind prefix.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
