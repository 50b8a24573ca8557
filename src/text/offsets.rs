//! Byte offsets to character offsets.
//!
//! The library works in byte offsets (what Rust slices need); reports promise
//! Unicode character offsets (what Python, R and spreadsheets slice with). The
//! index stores only where multi-byte characters sit, so ASCII text costs
//! nothing and lookups are a binary search.

/// Converts byte offsets of one text to character offsets.
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// Byte start of each multi-byte char and the extra bytes up to and including it.
    wide: Vec<(u32, u32)>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut extra = 0u32;
        let wide = text
            .char_indices()
            .filter(|(_, c)| c.len_utf8() > 1)
            .map(|(i, c)| {
                extra += c.len_utf8() as u32 - 1;
                (i as u32, extra)
            })
            .collect();
        CharIndex { wide }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary).
    pub fn chars(&self, byte: usize) -> usize {
        let k = self
            .wide
            .partition_point(|(start, _)| (*start as usize) < byte);
        let extra = if k == 0 { 0 } else { self.wide[k - 1].1 };
        byte - extra as usize
    }

    /// The byte offset of character offset `ch` in `text`, if it is inside it.
    pub fn byte(text: &str, ch: usize) -> Option<usize> {
        if ch == 0 {
            return Some(0);
        }
        text.char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .nth(ch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_table() {
        let text = "a\u{2019}b \u{4E2D}\u{56FD} x";
        let index = CharIndex::new(text);
        for (ch, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.chars(byte), ch);
            assert_eq!(CharIndex::byte(text, ch), Some(byte));
        }
        assert_eq!(index.chars(text.len()), text.chars().count());
        assert_eq!(
            CharIndex::byte(text, text.chars().count()),
            Some(text.len())
        );
        assert_eq!(CharIndex::byte(text, 99), None);
    }
}
