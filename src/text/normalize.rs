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
        let mut last_space = false;
        for (i, c) in src.char_indices() {
            let at = (base + i) as u32;
            match fold_class(c) {
                Fold::Space => {
                    if !last_space {
                        self.push(' ', at);
                    }
                    last_space = true;
                    continue;
                }
                Fold::To(d) => self.push(d, at),
                Fold::Lower => {
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
        let before = self.text.len();
        self.text.push(c);
        self.origin
            .extend(std::iter::repeat_n(at, self.text.len() - before));
    }

    /// The original byte offset of folded byte `i` (or the end).
    pub fn original(&self, i: usize) -> usize {
        self.origin.get(i).copied().unwrap_or(self.end) as usize
    }
}

enum Fold {
    Space,
    To(char),
    Lower,
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
        _ => Fold::Lower,
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
            Fold::Lower => out.push(c),
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
}
