//! Tag names as small numbers, and the element categories of the HTML parser ("special",
//! "formatting", the scope boundaries, void elements).
//!
//! Every name the parser or the reader treats differently from an unknown element has a
//! constant; other names are interned on first sight ([`Names`]) so that end tags still match
//! start tags by number.

use rustc_hash::FxHashMap;

/// A tag name, lower-cased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Tag(pub(crate) u32);

macro_rules! known_tags {
    ($($id:ident = $name:literal,)*) => {
        /// Numbers the known tags in order.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u32)]
        enum Known { $($id,)* }
        #[allow(dead_code)]
        impl Tag {
            $(pub(crate) const $id: Tag = Tag(Known::$id as u32);)*
        }
        /// The names of the known tags, indexed by their number.
        const KNOWN: &[&str] = &[$($name,)*];
    };
}

/// A name of at most 16 bytes as one number, its first byte the most significant: numbers of
/// names compare as the names do (no tag name holds U+0000, which the tokenizer replaces).
const fn key(name: &[u8]) -> u128 {
    let mut key = 0u128;
    let mut i = 0;
    while i < 16 {
        key <<= 8;
        if i < name.len() {
            key |= name[i] as u128;
        }
        i += 1;
    }
    key
}

/// [`KNOWN`]'s names as [`key`]s, in the same (sorted) order: a lookup compares numbers, not
/// strings.
const KNOWN_KEYS: [u128; KNOWN.len()] = {
    let mut keys = [0u128; KNOWN.len()];
    let mut i = 0;
    while i < KNOWN.len() {
        keys[i] = key(KNOWN[i].as_bytes());
        i += 1;
    }
    keys
};

known_tags! {
    A = "a", ADDRESS = "address", ANNOTATION = "annotation", ANNOTATION_XML = "annotation-xml", APPLET = "applet", AREA = "area",
    ARTICLE = "article", ASIDE = "aside", AUDIO = "audio", B = "b", BASE = "base", BASEFONT = "basefont",
    BGSOUND = "bgsound", BIG = "big", BLOCKQUOTE = "blockquote", BODY = "body", BR = "br", BUTTON = "button",
    CANVAS = "canvas", CAPTION = "caption", CENTER = "center", CITE = "cite", CODE = "code", COL = "col",
    COLGROUP = "colgroup", DATALIST = "datalist", DD = "dd", DEL = "del", DESC = "desc", DETAILS = "details",
    DFN = "dfn", DIALOG = "dialog", DIR = "dir", DIV = "div", DL = "dl", DT = "dt", EM = "em", EMBED = "embed",
    FIELDSET = "fieldset", FIGCAPTION = "figcaption", FIGURE = "figure", FONT = "font", FOOTER = "footer",
    FOREIGNOBJECT = "foreignobject", FORM = "form", FRAME = "frame", FRAMESET = "frameset", H1 = "h1", H2 = "h2",
    H3 = "h3", H4 = "h4", H5 = "h5", H6 = "h6", HEAD = "head", HEADER = "header", HGROUP = "hgroup", HR = "hr",
    HTML = "html", I = "i", IFRAME = "iframe", IMAGE = "image", IMG = "img", INPUT = "input", INS = "ins",
    KBD = "kbd", KEYGEN = "keygen", LEGEND = "legend", LI = "li", LINK = "link", LISTING = "listing", MAIN = "main",
    MALIGNMARK = "malignmark", MARK = "mark", MARQUEE = "marquee", MATH = "math", MENU = "menu", META = "meta",
    MGLYPH = "mglyph", MI = "mi", MN = "mn", MO = "mo", MS = "ms", MTEXT = "mtext", NAV = "nav", NOBR = "nobr",
    NOEMBED = "noembed", NOFRAMES = "noframes", NOSCRIPT = "noscript", OBJECT = "object", OL = "ol",
    OPTGROUP = "optgroup", OPTION = "option", P = "p", PARAM = "param", PLAINTEXT = "plaintext", PRE = "pre",
    RB = "rb", RP = "rp", RT = "rt", RTC = "rtc", RUBY = "ruby", S = "s", SAMP = "samp", SCRIPT = "script",
    SEARCH = "search", SECTION = "section", SELECT = "select", SEMANTICS = "semantics", SMALL = "small", SOURCE = "source", SPAN = "span",
    STRIKE = "strike", STRONG = "strong", STYLE = "style", SUB = "sub", SUMMARY = "summary", SUP = "sup",
    SVG = "svg", TABLE = "table", TBODY = "tbody", TD = "td", TEMPLATE = "template", TEXTAREA = "textarea",
    TFOOT = "tfoot", TH = "th", THEAD = "thead", TITLE = "title", TR = "tr", TRACK = "track", TT = "tt", U = "u",
    UL = "ul", VAR = "var", VIDEO = "video", WBR = "wbr", XMP = "xmp",
}

/// Interns tag names: the known ones by their constant, the others as they come.
pub(crate) struct Names {
    others: FxHashMap<String, Tag>,
    other_names: Vec<String>,
}

impl Names {
    pub(crate) fn new() -> Names {
        Names { others: FxHashMap::default(), other_names: Vec::new() }
    }

    pub(crate) fn intern(&mut self, name: &str) -> Tag {
        if let Some(tag) = Tag::known(name) {
            return tag;
        }
        if let Some(&tag) = self.others.get(name) {
            return tag;
        }
        let tag = Tag((KNOWN.len() + self.other_names.len()) as u32);
        self.others.insert(name.to_owned(), tag);
        self.other_names.push(name.to_owned());
        tag
    }

    /// How many distinct tags there are so far (the bound of their numbers).
    pub(crate) fn len(&self) -> usize {
        KNOWN.len() + self.other_names.len()
    }
}

impl Tag {
    /// An element whose name has no constant (where a name is not interned).
    pub(crate) const OTHER: Tag = Tag(u32::MAX);

    /// How many tags have a constant: the bound of their numbers.
    pub(crate) const KNOWN_COUNT: usize = KNOWN.len();

    /// The constant of a lower-cased `name`, if it has one.
    pub(crate) fn known(name: &str) -> Option<Tag> {
        // The commonest elements of article bodies (a link's start tag above all, which has
        // attributes) without the search.
        Some(match name.as_bytes() {
            b"a" => Tag::A,
            b"p" => Tag::P,
            b"em" => Tag::EM,
            b"li" => Tag::LI,
            b"strong" => Tag::STRONG,
            b"img" => Tag::IMG,
            b"span" => Tag::SPAN,
            b"div" => Tag::DIV,
            b"h2" => Tag::H2,
            _ => return Self::search(name),
        })
    }

    /// [`Tag::known`] by a binary search of the names.
    fn search(name: &str) -> Option<Tag> {
        if name.len() > 16 {
            return None;
        }
        let mut padded = [0u8; 16];
        padded[..name.len()].copy_from_slice(name.as_bytes());
        KNOWN_KEYS.binary_search(&u128::from_be_bytes(padded)).ok().map(|i| Tag(i as u32))
    }

    pub(crate) fn is_heading(self) -> bool {
        (Tag::H1.0..=Tag::H6.0).contains(&self.0)
    }

    /// The HTML parser's "special" category (HTML elements only).
    pub(crate) fn is_special(self) -> bool {
        matches!(
            self,
            Tag::ADDRESS
                | Tag::APPLET
                | Tag::AREA
                | Tag::ARTICLE
                | Tag::ASIDE
                | Tag::BASE
                | Tag::BASEFONT
                | Tag::BGSOUND
                | Tag::BLOCKQUOTE
                | Tag::BODY
                | Tag::BR
                | Tag::BUTTON
                | Tag::CAPTION
                | Tag::CENTER
                | Tag::COL
                | Tag::COLGROUP
                | Tag::DD
                | Tag::DETAILS
                | Tag::DIR
                | Tag::DIV
                | Tag::DL
                | Tag::DT
                | Tag::EMBED
                | Tag::FIELDSET
                | Tag::FIGCAPTION
                | Tag::FIGURE
                | Tag::FOOTER
                | Tag::FORM
                | Tag::FRAME
                | Tag::FRAMESET
                | Tag::HEAD
                | Tag::HEADER
                | Tag::HGROUP
                | Tag::HR
                | Tag::HTML
                | Tag::IFRAME
                | Tag::IMG
                | Tag::INPUT
                | Tag::KEYGEN
                | Tag::LI
                | Tag::LINK
                | Tag::LISTING
                | Tag::MAIN
                | Tag::MARQUEE
                | Tag::MENU
                | Tag::META
                | Tag::NAV
                | Tag::NOEMBED
                | Tag::NOFRAMES
                | Tag::NOSCRIPT
                | Tag::OBJECT
                | Tag::OL
                | Tag::P
                | Tag::PARAM
                | Tag::PLAINTEXT
                | Tag::PRE
                | Tag::SCRIPT
                | Tag::SEARCH
                | Tag::SECTION
                | Tag::SELECT
                | Tag::SOURCE
                | Tag::STYLE
                | Tag::SUMMARY
                | Tag::TABLE
                | Tag::TBODY
                | Tag::TD
                | Tag::TEMPLATE
                | Tag::TEXTAREA
                | Tag::TFOOT
                | Tag::TH
                | Tag::THEAD
                | Tag::TITLE
                | Tag::TR
                | Tag::TRACK
                | Tag::UL
                | Tag::WBR
                | Tag::XMP
        ) || self.is_heading()
    }

    /// The elements the spec's "in head" and "after head" modes keep in the head: before the
    /// body starts they do not start it.
    pub(crate) fn is_head_content(self) -> bool {
        matches!(
            self,
            Tag::BASE
                | Tag::BASEFONT
                | Tag::BGSOUND
                | Tag::LINK
                | Tag::META
                | Tag::NOFRAMES
                | Tag::NOSCRIPT
                | Tag::SCRIPT
                | Tag::STYLE
                | Tag::TEMPLATE
                | Tag::TITLE
        )
    }

    /// The formatting elements, which the list of active formatting elements reopens.
    pub(crate) fn is_formatting(self) -> bool {
        matches!(
            self,
            Tag::A
                | Tag::B
                | Tag::BIG
                | Tag::CODE
                | Tag::EM
                | Tag::FONT
                | Tag::I
                | Tag::NOBR
                | Tag::S
                | Tag::SMALL
                | Tag::STRIKE
                | Tag::STRONG
                | Tag::TT
                | Tag::U
        )
    }

    /// Elements whose end tag "generate implied end tags" supplies.
    pub(crate) fn has_implied_end(self) -> bool {
        matches!(
            self,
            Tag::DD
                | Tag::DT
                | Tag::LI
                | Tag::OPTGROUP
                | Tag::OPTION
                | Tag::P
                | Tag::RB
                | Tag::RP
                | Tag::RT
                | Tag::RTC
        )
    }

    /// … and "generate all implied end tags thoroughly".
    pub(crate) fn has_implied_end_thoroughly(self) -> bool {
        self.has_implied_end()
            || matches!(
                self,
                Tag::CAPTION
                    | Tag::COLGROUP
                    | Tag::TBODY
                    | Tag::TD
                    | Tag::TFOOT
                    | Tag::TH
                    | Tag::THEAD
                    | Tag::TR
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_are_sorted_and_numbered() {
        assert!(KNOWN.windows(2).all(|w| w[0] < w[1]));
        assert!(KNOWN_KEYS.windows(2).all(|w| w[0] < w[1]));
        let mut names = Names::new();
        for (i, name) in KNOWN.iter().enumerate() {
            assert_eq!(names.intern(name), Tag(i as u32), "{name}");
        }
        // Prefixes and extensions of known names, and long names, are others.
        for name in ["annotation-x", "h", "h7", "bb", "blockquotes", "a-very-long-custom-element"] {
            assert!(names.intern(name).0 as usize >= KNOWN.len(), "{name}");
        }
        assert_eq!(names.intern("xmp"), Tag::XMP);
        assert_eq!(names.intern("h3"), Tag::H3);
        assert_eq!(names.intern("annotation-xml"), Tag::ANNOTATION_XML);
        let custom = names.intern("my-element");
        assert_eq!(names.intern("my-element"), custom);
        assert!(custom.0 as usize >= KNOWN.len());
    }
}
