//! What a file holds, from its first bytes and its name: text (UTF-8, or
//! UTF-16 with a byte-order mark, which this module decodes), a binary format
//! that is no article, or a corpus's README/LICENSE-type file.
//!
//! UTF-8 decoding stays in [`crate::text::decode`]; UTF-16 lives here because
//! only files can carry it (JSON and CSV cells are already strings).

use crate::text::Decoded;

/// How many leading bytes are looked at.
pub(super) const HEAD: usize = 8 * 1024;

/// What the first bytes of a file say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Content {
    /// Text to decode as UTF-8.
    Text,
    /// UTF-16 with a byte-order mark.
    Utf16 {
        /// Big-endian (`FE FF`) rather than little-endian (`FF FE`).
        big_endian: bool,
    },
    /// Not text: the name of the format.
    Binary(&'static str),
}

const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
];

/// Classifies a file by its first bytes (pass at least [`HEAD`] if there are that many).
pub(super) fn sniff(head: &[u8]) -> Content {
    if head.starts_with(b"\xFF\xFE") {
        return Content::Utf16 { big_endian: false };
    }
    if head.starts_with(b"\xFE\xFF") {
        return Content::Utf16 { big_endian: true };
    }
    if let Some((_, name)) = MAGIC.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Content::Binary(name);
    }
    if head[..head.len().min(HEAD)].contains(&0) {
        return Content::Binary("binary (it holds NUL bytes)");
    }
    Content::Text
}

/// Decodes UTF-16 after its byte-order mark; unpaired surrogates and an odd
/// last byte become U+FFFD and are counted.
pub(super) fn decode_utf16(bytes: &[u8], big_endian: bool) -> Decoded {
    let body = bytes.get(2..).unwrap_or_default();
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut invalid = usize::from(body.len() % 2 == 1);
    let mut text = String::with_capacity(body.len() / 2);
    for unit in char::decode_utf16(units) {
        match unit {
            Ok(c) => text.push(c),
            Err(_) => {
                invalid += 1;
                text.push('\u{FFFD}');
            }
        }
    }
    if body.len() % 2 == 1 {
        text.push('\u{FFFD}');
    }
    Decoded { text, invalid }
}

/// File names (any case, `.txt`/`.md` or none) that document a corpus rather than belong to it.
const NOT_ARTICLES: &[&str] = &[
    "authors",
    "changelog",
    "changes",
    "code_of_conduct",
    "contributing",
    "contributors",
    "copying",
    "copyright",
    "history",
    "install",
    "licence",
    "license",
    "notice",
    "readme",
    "security",
];

/// Whether a file name is a README/LICENSE-type file.
pub(super) fn is_corpus_doc(file_name: &str) -> bool {
    let lower = file_name.to_lowercase();
    let stem = lower
        .strip_suffix(".txt")
        .or_else(|| lower.strip_suffix(".md"))
        .unwrap_or(&lower);
    NOT_ARTICLES.contains(&stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniff_table() {
        let cases: &[(&[u8], Content)] = &[
            (b"plain text", Content::Text),
            (b"\xEF\xBB\xBFutf-8 with bom", Content::Text),
            (b"", Content::Text),
            (b"\xFF\xFEa\x00", Content::Utf16 { big_endian: false }),
            (b"\xFE\xFF\x00a", Content::Utf16 { big_endian: true }),
            (b"%PDF-1.7\n", Content::Binary("a PDF document")),
            (b"\x89PNG\r\n\x1a\n\x00", Content::Binary("a PNG image")),
            (b"\x1f\x8b\x08\x00", Content::Binary("gzip-compressed")),
            (
                b"PK\x03\x04rest",
                Content::Binary("a zip archive (or an Office document)"),
            ),
            (
                b"text\x00more",
                Content::Binary("binary (it holds NUL bytes)"),
            ),
        ];
        for (head, want) in cases {
            assert_eq!(sniff(head), *want, "{head:?}");
        }
    }

    #[test]
    fn utf16_table() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "Lavrov said ‘no’ 😀"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Japan".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let cases: &[(&[u8], bool, &str, usize)] = &[
            (&le, false, "Lavrov said ‘no’ 😀", 0),
            (&be, true, "Japan", 0),
            (b"\xFF\xFEa\x00\x00\xD8b\x00", false, "a\u{FFFD}b", 1), // lone surrogate
            (b"\xFF\xFEa\x00b", false, "a\u{FFFD}", 1),              // odd last byte
            (b"\xFF\xFE", false, "", 0),
        ];
        for (bytes, big_endian, text, invalid) in cases {
            let got = decode_utf16(bytes, *big_endian);
            assert_eq!(got.text, *text);
            assert_eq!(got.invalid, *invalid, "{text}");
        }
    }

    #[test]
    fn corpus_doc_names_table() {
        let cases = [
            ("README.TXT", true),
            ("readme.md", true),
            ("License.txt", true),
            ("CHANGELOG.md", true),
            ("LICENSE", true),
            ("readme-of-the-minister.txt", false),
            ("001_readme.txt", false),
            ("article.txt", false),
        ];
        for (name, want) in cases {
            assert_eq!(is_corpus_doc(name), want, "{name}");
        }
    }
}
