//! The embedded translations and the lookup of a message in one language, falling back to English.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

/// `&[(tag, &[(file name, text)])]`, one entry per folder of `locales/`, written by build.rs.
const LOCALES: &[(&str, &[(&str, &str)])] = include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The file every language has generated from CLDR (no human text).
const GENERATED: &str = "cldr.ftl";

pub struct Language {
    pub tag: &'static str,
    pub id: LanguageIdentifier,
    bundle: FluentBundle<FluentResource>,
    /// Message ids and `id.attribute`s it defines.
    defined: HashSet<String>,
}

/// Every language with a translation (English first), i.e. a folder with more than the generated
/// CLDR file. A folder holding only `cldr.ftl` is a language still being translated.
pub static LANGUAGES: LazyLock<Vec<Language>> = LazyLock::new(|| {
    let mut langs: Vec<Language> = LOCALES
        .iter()
        .filter(|(_, files)| files.iter().any(|(name, _)| *name != GENERATED))
        .map(|(tag, files)| load(tag, files))
        .collect();
    langs.sort_by_key(|l| (l.tag != "en", l.tag));
    assert_eq!(langs.first().map(|l| l.tag), Some("en"), "locales/en is the source language");
    langs
});

fn load(tag: &'static str, files: &[(&'static str, &'static str)]) -> Language {
    let id: LanguageIdentifier = tag.parse().unwrap_or_else(|_| panic!("locales/{tag}: not a BCP 47 tag"));
    let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
    // Isolation marks would put invisible characters into JSON answers; the pages isolate with `<bdi>`.
    bundle.set_use_isolating(false);
    let mut defined = HashSet::new();
    for (name, text) in files {
        // A file that does not parse is a build defect `.ci/ftl-check` and the tests catch; what
        // parsed is still used.
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(partial, _)| partial);
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                defined.insert(m.id.name.to_owned());
                defined.extend(m.attributes.iter().map(|a| format!("{}.{}", m.id.name, a.id.name)));
            }
        }
        if bundle.add_resource(resource).is_err() {
            panic!("locales/{tag}/{name}: a message id is defined twice");
        }
    }
    Language { tag, id, bundle, defined }
}

/// The placeables the entry page's messages use (`{ $item }` ...), handed to its script unfilled.
const SCRIPT_PLACEABLES: &[&str] = &["field", "from", "to", "item", "kinds", "number", "reason", "reference", "registry", "status", "when"];

/// A language of [`LANGUAGES`], by index (English is 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lang(u8);

/// A sentence to be said in the reader's language: a message id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Another message's value, in the same language (a field's label, a choice).
    Label(&'static str),
    /// Text that is not translated: codes, a list of values.
    Text(String),
    /// A whole number (plural forms select on it).
    Int(i64),
    /// A sentence of its own (a condition inside a sentence).
    Message(Box<Message>),
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message { id, args: Vec::new() }
    }

    pub fn arg(mut self, name: &'static str, arg: Arg) -> Message {
        self.args.push((name, arg));
        self
    }

    /// `$field`, the label of the field it is about.
    pub fn field(self, label: &'static str) -> Message {
        self.arg("field", Arg::Label(label))
    }
}

impl Lang {
    pub const ENGLISH: Lang = Lang(0);

    fn language(self) -> &'static Language {
        &LANGUAGES[self.0 as usize]
    }

    pub fn all() -> impl Iterator<Item = Lang> {
        (0..LANGUAGES.len()).map(|i| Lang(i as u8))
    }

    /// The language whose tag is exactly `tag` (case-insensitive).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        LANGUAGES.iter().position(|l| l.tag.eq_ignore_ascii_case(tag)).map(|i| Lang(i as u8))
    }

    pub(super) fn identifiers() -> Vec<&'static LanguageIdentifier> {
        LANGUAGES.iter().map(|l| &l.id).collect()
    }

    pub(super) fn from_identifier(id: &LanguageIdentifier) -> Option<Lang> {
        LANGUAGES.iter().position(|l| &l.id == id).map(|i| Lang(i as u8))
    }

    pub fn tag(self) -> &'static str {
        self.language().tag
    }

    pub fn is_rtl(self) -> bool {
        super::RIGHT_TO_LEFT.contains(&self.language().id.language.as_str())
    }

    pub fn is_reviewed(self) -> bool {
        super::REVIEWED.contains(&self.tag())
    }

    /// Does this language itself define the message (or `id.attribute`)?
    pub fn defines(self, key: &str) -> bool {
        self.language().defined.contains(key)
    }

    /// The share of English's messages and attributes this language defines, 0 to 1.
    pub fn share_translated(self) -> f64 {
        let english = &Lang::ENGLISH.language().defined;
        let ours = &self.language().defined;
        english.iter().filter(|k| ours.contains(*k)).count() as f64 / english.len().max(1) as f64
    }

    /// The message's value (no arguments), in this language or else in English; the id itself if
    /// neither has it, so a missing message shows as what it is instead of failing the answer.
    pub fn text(self, id: &str) -> Cow<'static, str> {
        self.pattern(id, None, None).unwrap_or_else(|| Cow::Owned(id.to_owned()))
    }

    /// The message's attribute (`.help`, `.api`, `.detail`), if the message has it.
    pub fn attr(self, id: &str, attr: &str) -> Option<Cow<'static, str>> {
        self.pattern(id, Some(attr), None)
    }

    /// The message with its arguments.
    pub fn say(self, m: &Message) -> String {
        self.say_attr(m, None).unwrap_or_else(|| m.id.to_owned())
    }

    /// The message's value or attribute with its arguments.
    pub fn say_attr(self, m: &Message, attr: Option<&str>) -> Option<String> {
        let mut args = FluentArgs::with_capacity(m.args.len());
        for (name, arg) in &m.args {
            let v: FluentValue = match arg {
                Arg::Label(id) => FluentValue::from(self.text(id)),
                Arg::Text(s) => FluentValue::from(s.as_str()),
                Arg::Int(n) => FluentValue::from(*n),
                Arg::Message(inner) => FluentValue::from(self.say(inner)),
            };
            args.set(*name, v);
        }
        self.pattern(m.id, attr, Some(&args)).map(Cow::into_owned)
    }

    /// Every message whose id starts with `prefix` (values only), for a page's script: each
    /// placeable is left as `{name}` for the script to fill in.
    pub fn for_script(self, prefix: &str) -> Vec<(&'static str, String)> {
        let mut ids: Vec<&'static str> =
            Lang::ENGLISH.language().defined.iter().filter(|k| k.starts_with(prefix) && !k.contains('.')).map(String::as_str).collect();
        ids.sort_unstable();
        ids.into_iter()
            .map(|id| {
                let mut m = Message::new(id);
                for name in SCRIPT_PLACEABLES {
                    m = m.arg(name, Arg::Text(format!("{{{name}}}")));
                }
                (id, self.say(&m))
            })
            .collect()
    }

    fn pattern(self, id: &str, attr: Option<&str>, args: Option<&FluentArgs>) -> Option<Cow<'static, str>> {
        [self, Lang::ENGLISH].into_iter().find_map(|lang| {
            let bundle = &lang.language().bundle;
            let msg = bundle.get_message(id)?;
            let pattern = match attr {
                None => msg.value()?,
                Some(a) => msg.get_attribute(a)?.value(),
            };
            let mut errors = Vec::new();
            Some(bundle.format_pattern(pattern, args, &mut errors))
        })
    }
}

/// The English sentence of a message (the `detail` every error also carries untranslated).
pub fn english(m: &Message) -> String {
    Lang::ENGLISH.say(m)
}

/// English text of a message without arguments, for what stays in English whatever the reader's
/// language (release documents, the audit log): formatted once.
pub fn english_static(id: &str) -> &'static str {
    static TEXTS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
        let en = Lang::ENGLISH;
        en.language()
            .defined
            .iter()
            .filter(|k| !k.contains('.'))
            .map(|k| {
                let text: &'static str = match en.text(k) {
                    Cow::Borrowed(s) => s,
                    Cow::Owned(s) => Box::leak(s.into_boxed_str()),
                };
                (k.as_str(), text)
            })
            .collect()
    });
    TEXTS.get(id).copied().unwrap_or("")
}
