//! Writing article text to standard output: through one locked handle, with
//! errors returned (a closed pipe ends the command quietly, see `main`), and
//! with control characters escaped when the output is a terminal, so that an
//! article cannot move the cursor, retitle the window or hide text.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, StdoutLock, Write};

/// Standard output for article text.
pub struct Out {
    out: io::BufWriter<StdoutLock<'static>>,
    escape: bool,
}

impl Out {
    /// Locks standard output; escapes control characters if it is a terminal.
    pub fn new() -> Out {
        let stdout = io::stdout();
        let escape = stdout.is_terminal();
        Out {
            out: io::BufWriter::new(stdout.lock()),
            escape,
        }
    }

    /// Writes `text` as it is, or escaped on a terminal.
    pub fn write(&mut self, text: &str) -> io::Result<()> {
        if self.escape {
            self.out.write_all(escape_control(text).as_bytes())
        } else {
            self.out.write_all(text.as_bytes())
        }
    }

    /// Writes everything still buffered.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Replaces control characters (C0 but `\n` and `\t`, DEL, C1) by `\u{..}`.
pub fn escape_control(text: &str) -> Cow<'_, str> {
    let needs = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_control_table() {
        let cases = [
            ("plain text", "plain text"),
            ("line\nbreak\tand tab", "line\nbreak\tand tab"),
            (
                "\u{1b}[2J cleared the screen",
                "\\u{1b}[2J cleared the screen",
            ),
            ("\u{1b}]0;title\u{7}", "\\u{1b}]0;title\\u{7}"),
            ("over\rwrite", "over\\u{d}write"),
            ("nul\u{0}", "nul\\u{0}"),
            ("del\u{7f}", "del\\u{7f}"),
            ("c1 csi \u{9b}31m", "c1 csi \\u{9b}31m"),
            ("\u{85} next line", "\\u{85} next line"),
            ("‘wolf’ 中国 é", "‘wolf’ 中国 é"),
        ];
        for (text, want) in cases {
            assert_eq!(escape_control(text), want, "{text:?}");
        }
    }
}
