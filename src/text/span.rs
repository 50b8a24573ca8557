//! The one checked way to slice article text.
//!
//! Spans throughout the library are byte ranges (`Range<usize>`) into the text
//! as read. Most come from `char_indices`, word or sentence boundaries and are
//! always on character boundaries, but rules also compute offsets by
//! arithmetic (`at + 1`, `start + mark.len_utf8()`, a fixed look-back of 200
//! bytes), and one such offset inside a multi-byte character used to panic on
//! real articles (`‘wolf'`, `'ẞ’`). So nothing in `analyze` or `text` indexes a
//! `str` with a range directly: it calls [`Slice::slice`], which never panics.
//! An end past the text is clamped to it, a start inside a character moves
//! back to that character's start and an end inside one moves forward to its
//! end (so the character is kept whole, never cut), and a reversed range is
//! empty. Offsets that were right stay exactly as they were.

use std::ops::{Bound, RangeBounds};

/// The largest character boundary of `text` at or below `at` (clamped to the text).
pub fn floor(text: &str, at: usize) -> usize {
    text.floor_char_boundary(at)
}

/// The smallest character boundary of `text` at or above `at` (clamped to the text).
pub fn ceil(text: &str, at: usize) -> usize {
    text.ceil_char_boundary(at)
}

/// Characters at most in an excerpt: the free-text cells of a report that
/// show a span which may be long (a statement's content, a stance's
/// sentence). Their offsets still give the whole span.
pub const EXCERPT_CHARS: usize = 200;

/// The first [`EXCERPT_CHARS`] characters of `text`, with `…` when cut.
///
/// Reports show one excerpt per row, and the rows of an article may all
/// point at one long stretch of it (8,000 × "said " gave every cue the rest
/// of the sentence): a bounded excerpt keeps each row, and so each report,
/// within a fixed multiple of the input.
pub fn excerpt(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(EXCERPT_CHARS) {
        None => std::borrow::Cow::Borrowed(text),
        Some((cut, _)) => std::borrow::Cow::Owned(format!("{}\u{2026}", &text[..cut])),
    }
}

/// How many times its own length the excerpts of one article may hold in
/// one report, in bytes: past that, a row shows only `…` (its offsets still
/// give the span). Spans of separate statements rarely overlap, so real
/// articles stay far below it; text built to overlap them ("said said said
/// …") cannot grow a report faster than its input.
pub const EXCERPT_BUDGET: usize = 2;

/// One excerpt cell of a report: [`excerpt`] of `text` with line breaks as
/// spaces, paid from the `budget` of bytes left to the article (see
/// [`EXCERPT_BUDGET`]), or `…` once the budget is spent.
pub fn excerpt_cell(text: &str, budget: &mut usize) -> String {
    let cell = excerpt(text).replace(['\n', '\r'], " ");
    if cell.len() <= *budget {
        *budget -= cell.len();
        cell
    } else {
        "\u{2026}".to_string()
    }
}

/// Checked slicing of text by byte offsets that may be off a character boundary.
pub trait Slice {
    /// The text of a byte range; never panics (see the module notes).
    fn slice<R: RangeBounds<usize>>(&self, range: R) -> &str;
}

impl Slice for str {
    fn slice<R: RangeBounds<usize>>(&self, range: R) -> &str {
        let start = match range.start_bound() {
            Bound::Included(&s) => s,
            Bound::Excluded(&s) => s.saturating_add(1),
            Bound::Unbounded => 0,
        };
        let end = match range.end_bound() {
            Bound::Included(&e) => e.saturating_add(1),
            Bound::Excluded(&e) => e,
            Bound::Unbounded => self.len(),
        };
        if let Some(exact) = self.get(start..end) {
            return exact;
        }
        let start = floor(self, start);
        let end = ceil(self, end).max(start);
        &self[start..end]
    }
}

impl Slice for String {
    fn slice<R: RangeBounds<usize>>(&self, range: R) -> &str {
        self.as_str().slice(range)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slicing_off_a_char_boundary_keeps_the_char_whole_and_never_panics() {
        // "a‘ẞ’b": a=0, ‘=1..4, ẞ=4..7, ’=7..10, b=10..11
        let text = "a\u{2018}\u{1E9E}\u{2019}b";
        let cases: &[(usize, usize, &str)] = &[
            (0, 11, text),
            (4, 7, "\u{1E9E}"),
            (2, 7, "\u{2018}\u{1E9E}"),
            (4, 8, "\u{1E9E}\u{2019}"),
            (5, 6, "\u{1E9E}"),
            (10, 99, "b"),
            (99, 120, ""),
            (7, 4, ""),
            (8, 5, ""),
            (0, 0, ""),
        ];
        for &(start, end, want) in cases {
            assert_eq!(text.slice(start..end), want, "{start}..{end}");
        }
        assert_eq!(text.slice(5..), "\u{1E9E}\u{2019}b");
        assert_eq!(text.slice(..5), "a\u{2018}\u{1E9E}");
        assert_eq!(text.slice(..), text);
        assert_eq!(floor(text, 5), 4);
        assert_eq!(ceil(text, 5), 7);
        assert_eq!(floor(text, 99), text.len());
        assert_eq!(ceil(text, 99), text.len());
    }

    #[test]
    fn excerpt_keeps_short_text_and_cuts_long_text_at_a_character() {
        let long = "\u{4E2D}".repeat(EXCERPT_CHARS + 1);
        let cut = format!("{}\u{2026}", "\u{4E2D}".repeat(EXCERPT_CHARS));
        let exact = "a".repeat(EXCERPT_CHARS);
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("short", "short"),
            (&exact, &exact),
            (&long, &cut),
        ];
        for &(text, want) in cases {
            assert_eq!(excerpt(text), want, "{} chars", text.chars().count());
        }
    }
}
