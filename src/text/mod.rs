//! From raw bytes to text units with spans: decoding, boilerplate, segmentation.
//!
//! Every unit (paragraph, sentence) is a byte range into the article text as
//! read, never a copy, so any hit can be shown in context and reported with
//! offsets that slice the original. Character offsets for reports come from
//! [`offsets::CharIndex`]; text is cut only through [`span::Slice`], which
//! cannot split a character.

pub mod boilerplate;
pub mod normalize;
pub mod offsets;
pub mod outlet;
pub mod segment;
pub mod span;

pub use segment::{Doc, Sentence, segment, segment_folded};
pub use span::Slice;

/// Text decoded from bytes, and how many bytes were not valid UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text (invalid sequences replaced by U+FFFD, BOM removed).
    pub text: String,
    /// Number of invalid byte sequences replaced.
    pub invalid: usize,
}

/// Decodes bytes as UTF-8: strips a BOM, replaces invalid sequences, counts them.
pub fn decode(bytes: &[u8]) -> Decoded {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_string(),
            invalid: 0,
        },
        Err(_) => {
            let invalid = bytes
                .utf8_chunks()
                .filter(|chunk| !chunk.invalid().is_empty())
                .count();
            Decoded {
                text: String::from_utf8_lossy(bytes).into_owned(),
                invalid,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_table() {
        let cases: &[(&[u8], &str, usize)] = &[
            (b"plain", "plain", 0),
            (b"\xEF\xBB\xBFwith bom", "with bom", 0),
            (b"crlf\r\nkept", "crlf\r\nkept", 0),
            (b"pound \xA3 sign", "pound \u{FFFD} sign", 1),
            (b"\xFF\xFEtwo", "\u{FFFD}\u{FFFD}two", 2),
        ];
        for (bytes, text, invalid) in cases {
            let got = decode(bytes);
            assert_eq!(got.text, *text);
            assert_eq!(got.invalid, *invalid, "{text}");
        }
    }
}
