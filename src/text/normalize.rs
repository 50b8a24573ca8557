//! Normalised text for matching, with a way back to the original.
//!
//! Lexicon terms and article text meet in one folded form: lowercase, curly and
//! straight quotes alike, every dash a hyphen, every run of white space one
//! space. Matching on that form is what lets "Wolf Warrior" (curly quotes, a
//! line break in between) hit the term `wolf warrior`; the `origin` table maps
//! each folded byte back to the original byte so every hit keeps its true span.

/// Text folded for matching, with the original offset of every byte.
#[derive(Debug, Default, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the byte offset in the original of the char that produced it.
    pub origin: Vec<u32>,
    /// Byte length of the original slice (plus its base offset).
    pub end: u32,
}

impl Folded {
    /// Folds `src`, whose first byte sits at `base` in the original text.
    pub fn new(src: &str, base: usize) -> Folded {
        let mut folded = Folded::default();
        folded.refill(src, base);
        folded
    }

    /// Folds `src` into this buffer, reusing its memory.
    pub fn refill(&mut self, src: &str, base: usize) {
        self.text.clear();
        self.origin.clear();
        self.text.reserve(src.len());
        self.origin.reserve(src.len());
        let bytes = src.as_bytes();
        let mut last_space = false;
        let mut i = 0;
        while i < bytes.len() {
            let at = (base + i) as u32;
            let b = bytes[i];
            // ASCII, nearly all of news text, without decoding a char
            let class = if b.is_ascii() {
                i += 1;
                ascii_class(b)
            } else {
                let c = src[i..].chars().next().expect("i is a char boundary");
                i += c.len_utf8();
                fold_class(c)
            };
            match class {
                Fold::Space => {
                    if !last_space {
                        self.push(' ', at);
                    }
                    last_space = true;
                    continue;
                }
                Fold::To(d) => self.push(d, at),
                Fold::Lower(c) => {
                    for d in c.to_lowercase() {
                        self.push(d, at);
                    }
                }
            }
            last_space = false;
        }
        self.end = (base + src.len()) as u32;
    }

    fn push(&mut self, c: char, at: u32) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.origin.push(at);
        }
    }

    /// The original byte offset of folded byte `i` (or the end).
    pub fn original(&self, i: usize) -> usize {
        self.view().original(i)
    }

    /// The whole folded text as a view.
    pub fn view(&self) -> FoldedView<'_> {
        FoldedView {
            text: &self.text,
            origin: &self.origin,
            end: self.end,
        }
    }

    /// The fold of the original byte range `span`, which must start and end
    /// on a character that is not white space (a trimmed line or sentence):
    /// then the view is byte for byte what folding that range alone gives, so
    /// an article folded once serves every line and sentence in it.
    pub fn range(&self, span: std::ops::Range<usize>) -> FoldedView<'_> {
        let lo = self.origin.partition_point(|&o| (o as usize) < span.start);
        let hi = lo + self.origin[lo..].partition_point(|&o| (o as usize) < span.end);
        FoldedView {
            text: &self.text[lo..hi],
            origin: &self.origin[lo..hi],
            end: span.end as u32,
        }
    }
}

/// A borrowed piece of a [`Folded`] text, with its way back to the original.
#[derive(Debug, Clone, Copy)]
pub struct FoldedView<'a> {
    /// The folded text.
    pub text: &'a str,
    origin: &'a [u32],
    end: u32,
}

impl FoldedView<'_> {
    /// The original byte offset of folded byte `i` (or the end).
    pub fn original(&self, i: usize) -> usize {
        self.origin.get(i).copied().unwrap_or(self.end) as usize
    }
}

enum Fold {
    Space,
    To(char),
    Lower(char),
}

fn ascii_class(b: u8) -> Fold {
    match b {
        b'\t'..=b'\r' | b' ' => Fold::Space,
        b'`' => Fold::To('\''),
        _ => Fold::To(b.to_ascii_lowercase() as char),
    }
}

fn fold_class(c: char) -> Fold {
    match c {
        c if c.is_whitespace() => Fold::Space,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
            Fold::To('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Fold::To('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            Fold::To('-')
        }
        c => Fold::Lower(c),
    }
}

/// Folds a short string (a lexicon term, a boilerplate line): lowercase,
/// quotes and dashes unified, spaces collapsed and trimmed.
pub fn fold(s: &str) -> String {
    Folded::new(s.trim(), 0).text.trim().to_string()
}

/// Like [`fold`] but keeps case: for case-sensitive comparisons.
pub fn fold_keep_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = false;
    for c in s.trim().chars() {
        match fold_class(c) {
            Fold::Space if last_space => continue,
            Fold::Space => {
                out.push(' ');
                last_space = true;
                continue;
            }
            Fold::To(d) => out.push(d),
            Fold::Lower(c) => out.push(c),
        }
        last_space = false;
    }
    out
}

/// Whether `c` is part of a word for boundary checks.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_table() {
        let cases = [
            ("Wolf  Warrior", "wolf warrior"),
            ("\u{201C}Wolf\nWarrior\u{201D}", "\"wolf warrior\""),
            ("Russia\u{2019}s", "russia's"),
            ("Indo\u{2013}Pacific", "indo-pacific"),
            ("  padded  ", "padded"),
            ("ÉTAT", "état"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "fold({input:?})");
        }
    }

    #[test]
    fn origin_maps_back_to_original_bytes() {
        let src = "A\u{2019}b  C";
        let f = Folded::new(src, 10);
        assert_eq!(f.text, "a'b c");
        assert_eq!(f.original(1), 11);
        assert_eq!(f.original(2), 14);
        assert_eq!(f.original(4), 17);
        assert_eq!(f.original(5), 10 + src.len());
    }

    #[test]
    fn ascii_fast_path_matches_the_char_rules() {
        for b in 0u8..128 {
            let c = b as char;
            let want = match fold_class(c) {
                Fold::Space => " ".to_string(),
                Fold::To(d) => d.to_string(),
                Fold::Lower(c) => c.to_lowercase().collect(),
            };
            let got = Folded::new(&c.to_string(), 0).text;
            assert_eq!(got, want, "byte {b:#04x}");
        }
    }

    #[test]
    fn a_range_of_the_whole_fold_is_the_fold_of_that_range() {
        let text = "  \u{201C}Wolf\n  Warrior\u{201D} said. \u{00C9}TAT  \u{0130}stanbul\t end ";
        let whole = Folded::new(text, 0);
        let words: Vec<(usize, &str)> = text
            .char_indices()
            .filter(|(i, c)| {
                !c.is_whitespace()
                    && text[..*i]
                        .chars()
                        .next_back()
                        .is_none_or(char::is_whitespace)
            })
            .map(|(i, _)| (i, &text[i..]))
            .collect();
        for (start, rest) in &words {
            for end in rest
                .char_indices()
                .map(|(j, _)| start + j)
                .chain([text.len()])
            {
                let piece = &text[*start..end];
                if piece.is_empty() || piece.ends_with(char::is_whitespace) {
                    continue;
                }
                let alone = Folded::new(piece, *start);
                let view = whole.range(*start..end);
                assert_eq!(view.text, alone.text, "{piece:?}");
                for i in 0..=alone.text.len() {
                    assert_eq!(view.original(i), alone.original(i), "{piece:?} at {i}");
                }
            }
        }
    }
}
