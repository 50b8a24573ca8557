//! The shape check of a lexicon file: every unknown key, wrong type and missing
//! key of every table, in one pass.
//!
//! serde stops at the first mistake of a document, so a typo in one table hid
//! every other problem of its file and three mistakes took three runs. Here the
//! file is parsed into spanned TOML values, each table is checked by hand
//! against its field list (the same names serde accepts), and only the tables
//! that pass are deserialized, one at a time: toml keeps the file's spans, so
//! the later checks still point at the right line and column.

use std::ops::Range;

use serde::Deserialize;
use serde::de::IntoDeserializer;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::schema::{Amendment, FileDoc};

/// What a key's value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Number,
    Integer,
    /// A list of terms (strings or term tables), checked entry by entry later.
    List,
    /// A list of strings.
    TextList,
}

impl Kind {
    fn describe(self) -> &'static str {
        match self {
            Kind::Text => "a string in quotes",
            Kind::Number => "a number",
            Kind::Integer => "a whole number",
            Kind::List | Kind::TextList => "a list in `[...]`",
        }
    }
}

/// One key of a table.
struct Field {
    name: &'static str,
    kind: Kind,
    required: bool,
}

const fn opt(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: false,
    }
}

const fn req(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: true,
    }
}

const CATEGORY: &[Field] = &[
    req("family", Kind::Text),
    opt("polarity", Kind::Number),
    opt("weight", Kind::Number),
    opt("factor", Kind::Number),
    opt("stance", Kind::Text),
    opt("position", Kind::Text),
    opt("note", Kind::Text),
    opt("terms", Kind::List),
    opt("except", Kind::List),
    opt("exclude", Kind::List),
];

const ACTOR: &[Field] = &[
    req("label", Kind::Text),
    opt("kind", Kind::Text),
    opt("aliases", Kind::List),
    opt("demonyms", Kind::List),
    opt("people", Kind::List),
    opt("part_of", Kind::Text),
    opt("members", Kind::TextList),
    opt("note", Kind::Text),
    opt("exclude", Kind::List),
];

const SOURCE: &[Field] = &[
    req("label", Kind::Text),
    req("kind", Kind::Text),
    opt("country", Kind::Text),
    opt("aliases", Kind::List),
    opt("note", Kind::Text),
    opt("exclude", Kind::List),
];

const BOILERPLATE: &[Field] = &[
    req("action", Kind::Text),
    req("how", Kind::Text),
    opt("flag", Kind::Text),
    opt("lines", Kind::List),
    opt("note", Kind::Text),
];

const WORDS: &[Field] = &[
    opt("note", Kind::Text),
    opt("terms", Kind::List),
    opt("exclude", Kind::List),
];

/// The tables of ID'd entries, and their fields.
const TABLES: &[(&str, &[Field])] = &[
    ("category", CATEGORY),
    ("actor", ACTOR),
    ("source", SOURCE),
    ("boilerplate", BOILERPLATE),
    ("words", WORDS),
];

/// The top-level keys besides [`TABLES`].
const TOP_LEVEL: &[&str] = &["scoring", "exclude"];

/// A file read as far as its shape allows, and every problem found on the way.
pub struct Shaped {
    /// The tables that passed.
    pub doc: FileDoc,
    /// Errors: where, and what to change.
    pub problems: Vec<(Range<usize>, String)>,
}

/// The closest of `options` to a mistyped `word`, if one is close enough to
/// be what was meant (at most one edit in three characters).
pub fn closest<'a>(word: &str, options: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    options
        .into_iter()
        .map(|option| (strsim::damerau_levenshtein(word, option), option))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, option)| option)
}

/// "; did you mean `x`?" or "; use one of a, b, c".
pub fn hint(word: &str, options: &[&str]) -> String {
    match closest(word, options.iter().copied()) {
        Some(best) => format!("; did you mean `{best}`?"),
        None => format!("; use one of {}", options.join(", ")),
    }
}

/// Parses and shape-checks one file.
pub fn read(text: &str) -> Shaped {
    let mut shaped = Shaped {
        doc: FileDoc::default(),
        problems: Vec::new(),
    };
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for error in errors {
            let message = error.message().trim().replace('\n', " ");
            shaped.problems.push((
                error.span().unwrap_or(0..0),
                format!("{message}; this is not valid TOML (see lexicons/README.md)"),
            ));
        }
        return shaped;
    }
    for (key, value) in root.get_ref().iter() {
        shaped.top_level(key, value);
    }
    shaped
}

impl Shaped {
    fn error(&mut self, span: Range<usize>, message: String) {
        self.problems.push((span, message));
    }

    fn top_level(&mut self, key: &Spanned<std::borrow::Cow<'_, str>>, value: &Spanned<DeValue>) {
        let name = key.get_ref().as_ref();
        if let Some((table, fields)) = TABLES.iter().find(|(t, _)| *t == name) {
            let Some(entries) = value.get_ref().as_table() else {
                let msg = format!(
                    "`{name}` must hold tables like `[{name}.ID]`, not {}",
                    value.get_ref().type_str()
                );
                return self.error(key.span(), msg);
            };
            for (id, entry) in entries.iter() {
                self.entry(table, fields, id, entry);
            }
        } else if name == "scoring" {
            self.scoring(key, value);
        } else if name == "exclude" {
            if let Some(list) = self.list(key, value, Kind::List, "the file") {
                self.doc.exclude = list;
            }
        } else {
            let options: Vec<&str> = TABLES
                .iter()
                .map(|(t, _)| *t)
                .chain(TOP_LEVEL.iter().copied())
                .collect();
            let msg = format!("unknown table `{name}`{}", hint(name, &options));
            self.error(key.span(), msg);
        }
    }

    /// A key's value as a list, or an error when it is not one.
    fn list(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        value: &Spanned<DeValue>,
        kind: Kind,
        place: &str,
    ) -> Option<Vec<Spanned<toml::Value>>> {
        if !self.kind_ok(key, value, kind, place) {
            return None;
        }
        match Vec::<Spanned<toml::Value>>::deserialize(value.clone().into_deserializer()) {
            Ok(list) => Some(list),
            Err(err) => {
                self.error(
                    err.span().unwrap_or(value.span()),
                    err.message().to_string(),
                );
                None
            }
        }
    }

    /// Whether `value` is of `kind`; reports it when not.
    fn kind_ok(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        value: &Spanned<DeValue>,
        kind: Kind,
        place: &str,
    ) -> bool {
        let v = value.get_ref();
        let ok = match kind {
            Kind::Text => v.is_str(),
            Kind::Number => v.is_integer() || v.is_float(),
            Kind::Integer => v.is_integer(),
            Kind::List => v.is_array(),
            Kind::TextList => v.is_array(),
        };
        let name = key.get_ref();
        if !ok {
            let msg = format!(
                "`{name}` in {place} must be {}, not {}",
                kind.describe(),
                v.type_str()
            );
            self.error(value.span(), msg);
            return false;
        }
        if kind == Kind::TextList
            && let Some(items) = v.as_array()
        {
            let mut all = true;
            for item in items.iter() {
                if !item.get_ref().is_str() {
                    let msg = format!(
                        "every entry of `{name}` in {place} must be a string in quotes, not {}",
                        item.get_ref().type_str()
                    );
                    self.error(item.span(), msg);
                    all = false;
                }
            }
            return all;
        }
        true
    }

    /// Checks the keys of `[table.id]`: unknown, mistyped, missing.
    fn keys(
        &mut self,
        place: &str,
        fields: &[Field],
        entries: &DeTable,
        span: &Range<usize>,
    ) -> bool {
        let mut ok = true;
        for (key, value) in entries.iter() {
            let name = key.get_ref().as_ref();
            let Some(field) = fields.iter().find(|f| f.name == name) else {
                let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
                let msg = format!("unknown key `{name}` in {place}{}", hint(name, &names));
                self.error(key.span(), msg);
                ok = false;
                continue;
            };
            ok &= self.kind_ok(key, value, field.kind, place);
        }
        for field in fields.iter().filter(|f| f.required) {
            if !entries.contains_key(field.name) {
                let msg = format!(
                    "{place} needs `{} = ...` ({})",
                    field.name,
                    field.kind.describe()
                );
                self.error(span.clone(), msg);
                ok = false;
            }
        }
        ok
    }

    fn entry(
        &mut self,
        table: &'static str,
        fields: &[Field],
        id: &Spanned<std::borrow::Cow<'_, str>>,
        value: &Spanned<DeValue>,
    ) {
        let id_text = id.get_ref().to_string();
        let place = format!("`[{table}.{id_text}]`");
        let Some(entries) = value.get_ref().as_table() else {
            let msg = format!(
                "{place} must be a table (a `[{table}.{id_text}]` header and its keys), not {}",
                value.get_ref().type_str()
            );
            return self.error(id.span(), msg);
        };
        let span = value.span();
        let amends = table != "words"
            && entries.contains_key("exclude")
            && entries
                .keys()
                .all(|k| matches!(k.get_ref().as_ref(), "exclude" | "note"));
        if amends {
            let only: Vec<Field> = vec![opt("exclude", Kind::List), opt("note", Kind::Text)];
            if self.keys(&place, &only, entries, &span)
                && let Some(exclude) = self.exclude_only(value)
            {
                self.doc.amendments.push(Amendment {
                    table,
                    id: id_text,
                    span,
                    exclude,
                });
            }
            return;
        }
        if !self.keys(&place, fields, entries, &span) {
            return;
        }
        let result = match table {
            "category" => deserialize(value).map(|v| {
                self.doc.category.insert(id_text, v);
            }),
            "actor" => deserialize(value).map(|v| {
                self.doc.actor.insert(id_text, v);
            }),
            "source" => deserialize(value).map(|v| {
                self.doc.source.insert(id_text, v);
            }),
            "boilerplate" => deserialize(value).map(|v| {
                self.doc.boilerplate.insert(id_text, v);
            }),
            _ => deserialize(value).map(|v| {
                self.doc.words.insert(id_text, v);
            }),
        };
        if let Err((span, message)) = result {
            self.error(span, message);
        }
    }

    /// An amending table's `exclude` list.
    fn exclude_only(&mut self, value: &Spanned<DeValue>) -> Option<Vec<Spanned<toml::Value>>> {
        #[derive(Deserialize)]
        struct Only {
            #[serde(default)]
            exclude: Vec<Spanned<toml::Value>>,
        }
        match Only::deserialize(value.clone().into_deserializer()) {
            Ok(only) => Some(only.exclude),
            Err(err) => {
                self.error(
                    err.span().unwrap_or(value.span()),
                    err.message().to_string(),
                );
                None
            }
        }
    }

    fn scoring(&mut self, key: &Spanned<std::borrow::Cow<'_, str>>, value: &Spanned<DeValue>) {
        let place = "`[scoring]`";
        let Some(entries) = value.get_ref().as_table() else {
            let msg = format!(
                "{place} must be a table, not {}",
                value.get_ref().type_str()
            );
            return self.error(key.span(), msg);
        };
        let fields: Vec<Field> = super::build::scoring_keys()
            .map(|(name, integer)| opt(name, if integer { Kind::Integer } else { Kind::Number }))
            .collect();
        let ok = self.keys(place, &fields, entries, &value.span());
        for (k, v) in entries.iter() {
            if let Ok(v) = Spanned::<toml::Value>::deserialize(v.clone().into_deserializer()) {
                self.doc.scoring_values.insert(k.get_ref().to_string(), v);
            }
        }
        if ok {
            match deserialize(value) {
                Ok(v) => self.doc.scoring = Some(v),
                Err((span, message)) => self.error(span, message),
            }
        }
    }
}

fn deserialize<T: for<'de> Deserialize<'de>>(
    value: &Spanned<DeValue>,
) -> Result<Spanned<T>, (Range<usize>, String)> {
    Spanned::<T>::deserialize(value.clone().into_deserializer()).map_err(|err| {
        (
            err.span().unwrap_or(value.span()),
            err.message().trim().replace('\n', " "),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_key_table() {
        let keys = ["family", "polarity", "weight", "terms", "except"];
        let cases: &[(&str, Option<&str>)] = &[
            ("wieght", Some("weight")),
            ("polarty", Some("polarity")),
            ("term", Some("terms")),
            ("exept", Some("except")),
            ("colour", None),
            ("x", None),
        ];
        for (typo, want) in cases {
            assert_eq!(closest(typo, keys), *want, "{typo}");
        }
    }

    #[test]
    fn every_table_mistake_is_reported() {
        let text = "[category.a]\nfamily = \"loaded\"\nwieght = 2\n[category.b]\nfamily = 3\n[category.c]\npolarity = 1\n[categroy.d]\nfamily = \"loaded\"\n";
        let shaped = read(text);
        let messages: Vec<&str> = shaped.problems.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(
            messages[0].contains("did you mean `weight`?"),
            "{messages:?}"
        );
        assert!(messages[1].contains("must be a string"), "{messages:?}");
        assert!(messages[2].contains("needs `family"), "{messages:?}");
        assert!(
            messages[3].contains("did you mean `category`?"),
            "{messages:?}"
        );
    }
}
