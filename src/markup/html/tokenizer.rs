//! The HTML tokenizer (WHATWG "Tokenization"), reduced to what reaches the tree builder:
//! start and end tags with their attributes, text with character references decoded and CR/CRLF
//! read as LF, U+0000 in text, and a placeholder for each comment or doctype (so that `<pre>`'s
//! leading-newline rule sees them). The states that only report parse errors collapse into
//! the scans below; the states that change what is text are all here: tags and attributes
//! (quoted, unquoted, missing values, `/` between attributes), comments (`<!-->`, `--!>`, one
//! that never ends), bogus comments (`<?…>`, `</ …>`, `<!…>`), doctypes, CDATA (text in
//! SVG and MathML, a bogus comment elsewhere), and the RCDATA, RAWTEXT, script-data (with its
//! `<!--` escapes) and PLAINTEXT states the tree builder switches to.
//!
//! Cost: linear; each byte is looked at a bounded number of times. Text is borrowed from the
//! source except where it was decoded.

use core::ops::Range;
use std::borrow::Cow;

use super::super::charref;
use super::super::scan::find4;

/// What the tree builder asks the tokenizer to read text as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum State {
    Data,
    /// `<title>`, `<textarea>`: references decoded, tags are text.
    RcData,
    /// `<style>`, `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`, `<noscript>`.
    RawText,
    /// `<script>`.
    ScriptData,
    /// `<plaintext>`: the rest of the input is text.
    PlainText,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attribute<'s> {
    pub(crate) name: Cow<'s, str>,
    pub(crate) value: Cow<'s, str>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token<'s> {
    StartTag {
        name: Cow<'s, str>,
        attributes: Vec<Attribute<'s>>,
        self_closing: bool,
        source: Range<usize>,
    },
    EndTag {
        name: Cow<'s, str>,
        source: Range<usize>,
    },
    /// Text; borrowed when it is the source verbatim.
    Text {
        text: Cow<'s, str>,
        source: Range<usize>,
    },
    /// U+0000 in data, which the tree builder drops or replaces.
    Null {
        source: Range<usize>,
    },
    /// A comment, doctype or bogus comment: no content, but a token.
    Comment,
    Eof,
}

pub(crate) struct Tokenizer<'s> {
    input: &'s str,
    pos: usize,
    pub(crate) state: State,
    /// The last start tag's name, for the "appropriate end tag" of the raw-text states.
    last_start_tag: String,
    /// Where the current raw-text content ends (the `</` of its end tag, or the input's end).
    raw_end: Option<usize>,
    /// The tree builder's adjusted current node is SVG or MathML, so `<![CDATA[` opens a section.
    pub(crate) cdata_allowed: bool,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b' ' | b'\r')
}

impl<'s> Tokenizer<'s> {
    pub(crate) fn new(input: &'s str) -> Tokenizer<'s> {
        Tokenizer {
            input,
            pos: 0,
            state: State::Data,
            last_start_tag: String::new(),
            raw_end: None,
            cdata_allowed: false,
        }
    }

    /// Where the next token starts.
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    /// Moves to `pos`, where a token starts, in the data state (the fast path of
    /// `stream.rs` reads some tokens itself and hands the others here).
    pub(crate) fn seek(&mut self, pos: usize) {
        self.pos = pos;
    }

    /// Switches to a raw-text state for the element just opened.
    pub(crate) fn set_state(&mut self, state: State) {
        self.state = state;
        self.raw_end = None;
    }

    fn bytes(&self) -> &'s [u8] {
        self.input.as_bytes()
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.bytes().get(i).copied()
    }

    pub(crate) fn next_token(&mut self) -> Token<'s> {
        if self.pos >= self.input.len() {
            return Token::Eof;
        }
        match self.state {
            State::Data => self.data(),
            State::PlainText => self.text_until(self.input.len(), false),
            State::RcData | State::RawText | State::ScriptData => {
                let end = match self.raw_end {
                    Some(end) => end,
                    None => {
                        let end = if self.state == State::ScriptData {
                            self.script_end()
                        } else {
                            self.raw_text_end(self.pos)
                        };
                        self.raw_end = Some(end);
                        end
                    }
                };
                if self.pos < end {
                    return self.text_until(end, self.state == State::RcData);
                }
                self.state = State::Data;
                self.raw_end = None;
                self.data()
            }
        }
    }

    /// Text of a raw-text state up to `end`: references decoded when `refs`, U+0000 as U+FFFD.
    fn text_until(&mut self, end: usize, refs: bool) -> Token<'s> {
        let start = self.pos;
        let bytes = self.bytes();
        let amp = if refs { b'&' } else { b'\r' };
        let i = find4(bytes, start, end, [b'\r', b'\0', amp, amp]);
        if i > start {
            self.pos = i;
            return Token::Text { text: Cow::Borrowed(&self.input[start..i]), source: start..i };
        }
        match bytes[start] {
            b'\0' => {
                self.pos = start + 1;
                Token::Text { text: Cow::Borrowed("\u{FFFD}"), source: start..start + 1 }
            }
            b'\r' => self.carriage_return(),
            _ => self.reference(false),
        }
    }

    fn carriage_return(&mut self) -> Token<'s> {
        let start = self.pos;
        self.pos += if self.at(start + 1) == Some(b'\n') { 2 } else { 1 };
        Token::Text { text: Cow::Borrowed("\n"), source: start..self.pos }
    }

    /// A character reference at `&`, or a literal `&`.
    fn reference(&mut self, in_attribute: bool) -> Token<'s> {
        let start = self.pos;
        match charref::decode(&self.input[start..], in_attribute) {
            Some(decoded) => {
                let mut text = String::new();
                decoded.push_to(&mut text);
                self.pos = start + decoded.len;
                Token::Text { text: Cow::Owned(text), source: start..self.pos }
            }
            None => {
                self.pos = start + 1;
                Token::Text { text: Cow::Borrowed("&"), source: start..start + 1 }
            }
        }
    }

    fn data(&mut self) -> Token<'s> {
        let start = self.pos;
        let bytes = self.bytes();
        let i = match bytes[start] {
            b'<' | b'&' | b'\r' | b'\0' => start,
            _ => find4(bytes, start, bytes.len(), [b'<', b'&', b'\r', b'\0']),
        };
        if i > start {
            self.pos = i;
            return Token::Text { text: Cow::Borrowed(&self.input[start..i]), source: start..i };
        }
        match bytes[start] {
            b'\0' => {
                self.pos = start + 1;
                Token::Null { source: start..start + 1 }
            }
            b'\r' => self.carriage_return(),
            b'&' => self.reference(false),
            _ => self.markup(),
        }
    }

    /// At `<` in the data state.
    fn markup(&mut self) -> Token<'s> {
        let start = self.pos;
        match self.at(start + 1) {
            Some(c) if c.is_ascii_alphabetic() => self.tag(start, false),
            Some(b'/') => match self.at(start + 2) {
                Some(c) if c.is_ascii_alphabetic() => self.tag(start, true),
                Some(b'>') => {
                    self.pos = start + 3;
                    Token::Comment
                }
                None => {
                    self.pos = start + 2;
                    Token::Text { text: Cow::Borrowed("</"), source: start..start + 2 }
                }
                Some(_) => self.bogus_comment(start + 2),
            },
            Some(b'!') => self.declaration(start),
            Some(b'?') => self.bogus_comment(start + 1),
            _ => {
                self.pos = start + 1;
                Token::Text { text: Cow::Borrowed("<"), source: start..start + 1 }
            }
        }
    }

    /// Skips to the next `>` (included) or the end.
    fn bogus_comment(&mut self, from: usize) -> Token<'s> {
        self.pos = match self.input[from..].find('>') {
            Some(i) => from + i + 1,
            None => self.input.len(),
        };
        Token::Comment
    }

    fn declaration(&mut self, start: usize) -> Token<'s> {
        let rest = &self.input[start + 2..];
        if rest.starts_with("--") {
            self.pos = comment_end(self.input, start + 4);
            return Token::Comment;
        }
        if rest.len() >= 7 && rest.as_bytes()[..7].eq_ignore_ascii_case(b"DOCTYPE") {
            return self.bogus_comment(start + 9);
        }
        if rest.starts_with("[CDATA[") && self.cdata_allowed {
            let from = start + 9;
            let (end, after) = match self.input[from..].find("]]>") {
                Some(i) => (from + i, from + i + 3),
                None => (self.input.len(), self.input.len()),
            };
            self.pos = after;
            return Token::Text { text: Cow::Borrowed(&self.input[from..end]), source: from..end };
        }
        self.bogus_comment(start + 2)
    }

    /// A start or end tag at `<`; an unfinished tag at the end of the input is dropped.
    fn tag(&mut self, start: usize, end_tag: bool) -> Token<'s> {
        let bytes = self.bytes();
        let name_start = start + if end_tag { 2 } else { 1 };
        let mut i = name_start;
        while i < bytes.len() && !is_ws(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
            i += 1;
        }
        let name = lower(&self.input[name_start..i]);
        let mut attributes: Vec<Attribute<'s>> = Vec::new();
        let mut self_closing = false;
        // Before attribute name.
        loop {
            while i < bytes.len() && is_ws(bytes[i]) {
                i += 1;
            }
            let Some(&c) = bytes.get(i) else { return self.eof() };
            match c {
                b'>' => {
                    i += 1;
                    break;
                }
                b'/' => {
                    i += 1;
                    if bytes.get(i) == Some(&b'>') {
                        self_closing = true;
                        i += 1;
                        break;
                    }
                    continue;
                }
                _ => {}
            }
            // Attribute name; a leading `=` belongs to it.
            let attr_start = i;
            i += 1;
            while i < bytes.len() && !is_ws(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let attr_name = lower(&self.input[attr_start..i]);
            while i < bytes.len() && is_ws(bytes[i]) {
                i += 1;
            }
            let mut value = Cow::Borrowed("");
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while i < bytes.len() && is_ws(bytes[i]) {
                    i += 1;
                }
                match bytes.get(i) {
                    None => return self.eof(),
                    Some(&q @ (b'"' | b'\'')) => {
                        let from = i + 1;
                        let Some(len) = self.input[from..].find(q as char) else {
                            return self.eof();
                        };
                        value = attribute_value(&self.input[from..from + len]);
                        i = from + len + 1;
                    }
                    Some(b'>') => {}
                    Some(_) => {
                        let from = i;
                        while i < bytes.len() && !is_ws(bytes[i]) && bytes[i] != b'>' {
                            i += 1;
                        }
                        if i == bytes.len() {
                            return self.eof();
                        }
                        value = attribute_value(&self.input[from..i]);
                    }
                }
            }
            if !attributes.iter().any(|a| a.name == attr_name) {
                attributes.push(Attribute { name: attr_name, value });
            }
        }
        self.pos = i;
        let source = start..i;
        if end_tag {
            return Token::EndTag { name, source };
        }
        self.last_start_tag.clear();
        self.last_start_tag.push_str(&name);
        Token::StartTag { name, attributes, self_closing, source }
    }

    fn eof(&mut self) -> Token<'s> {
        self.pos = self.input.len();
        Token::Eof
    }

    /// Whether an end tag for the last start tag ("appropriate end tag") starts at `i` (a `<`).
    fn appropriate_end_tag_at(&self, i: usize) -> bool {
        let bytes = self.bytes();
        let name = self.last_start_tag.as_bytes();
        let from = i + 2;
        bytes.get(i + 1) == Some(&b'/')
            && bytes.len() >= from + name.len()
            && bytes[from..from + name.len()].eq_ignore_ascii_case(name)
            && bytes.get(from + name.len()).is_some_and(|&c| is_ws(c) || c == b'/' || c == b'>')
    }

    /// The end of RCDATA or RAWTEXT content starting at `from`.
    fn raw_text_end(&self, from: usize) -> usize {
        let mut i = from;
        while let Some(off) = self.input[i..].find("</") {
            if self.appropriate_end_tag_at(i + off) {
                return i + off;
            }
            i += off + 2;
        }
        self.input.len()
    }

    /// The end of script data starting at `self.pos`, through the escaped and double-escaped
    /// states that `<!--` and `<script` inside it open.
    fn script_end(&self) -> usize {
        #[derive(PartialEq)]
        enum S {
            Data,
            Escaped,
            DoubleEscaped,
        }
        let bytes = self.bytes();
        let mut state = S::Data;
        let mut i = self.pos;
        while i < bytes.len() {
            match bytes[i] {
                b'<' if state != S::DoubleEscaped && self.appropriate_end_tag_at(i) => return i,
                b'<' if state == S::Data && bytes[i + 1..].starts_with(b"!--") => {
                    // `<!--` enters the escaped state; its dashes may also start a `-->`.
                    state = S::Escaped;
                    i += 2;
                    continue;
                }
                b'<' if state != S::Data => {
                    let slash = bytes.get(i + 1) == Some(&b'/');
                    let from = i + 1 + usize::from(slash);
                    let mut j = from;
                    while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
                        j += 1;
                    }
                    let is_script = bytes[from..j].eq_ignore_ascii_case(b"script")
                        && bytes.get(j).is_some_and(|&c| is_ws(c) || c == b'/' || c == b'>');
                    if is_script {
                        if state == S::Escaped && !slash {
                            state = S::DoubleEscaped;
                        } else if state == S::DoubleEscaped && slash {
                            state = S::Escaped;
                        }
                    }
                    i = j.max(i + 1);
                    continue;
                }
                b'-' if state != S::Data && bytes[i..].starts_with(b"-->") => {
                    state = S::Data;
                    i += 3;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        bytes.len()
    }
}

/// Where a comment whose text starts at `from` (after `<!--`) ends: after its `-->` or
/// `--!>`, right away for `<!-->` and `<!--->`, or at the end of the input.
pub(crate) fn comment_end(input: &str, from: usize) -> usize {
    let bytes = input.as_bytes();
    if bytes.get(from) == Some(&b'>') {
        return from + 1;
    }
    if bytes[from..].starts_with(b"->") {
        return from + 2;
    }
    let mut i = from;
    // A scan of byte pairs: comments are short, and a substring searcher's setup costs more
    // than the scan.
    while let Some(off) = bytes[i..].windows(2).position(|w| w == b"--") {
        let mut j = i + off + 2;
        while bytes.get(j) == Some(&b'-') {
            j += 1;
        }
        match bytes.get(j) {
            Some(b'>') => return j + 1,
            Some(b'!') if bytes.get(j + 1) == Some(&b'>') => return j + 2,
            _ => i = j,
        }
    }
    input.len()
}

/// An ASCII-lowercased name, with U+0000 read as U+FFFD.
fn lower(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|c| c.is_ascii_uppercase() || c == 0) {
        Cow::Owned(name.to_ascii_lowercase().replace('\0', "\u{FFFD}"))
    } else {
        Cow::Borrowed(name)
    }
}

/// An attribute value with its references decoded (the attribute rules), CR/CRLF as LF and
/// U+0000 as U+FFFD.
fn attribute_value(raw: &str) -> Cow<'_, str> {
    if !raw.bytes().any(|c| matches!(c, b'&' | b'\r' | b'\0')) {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'&' => match charref::decode(&raw[i..], true) {
                Some(decoded) => {
                    decoded.push_to(&mut out);
                    i += decoded.len;
                }
                None => {
                    out.push('&');
                    i += 1;
                }
            },
            b'\r' => {
                out.push('\n');
                i += if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            }
            b'\0' => {
                out.push('\u{FFFD}');
                i += 1;
            }
            _ => {
                let start = i;
                while i < bytes.len() && !matches!(bytes[i], b'&' | b'\r' | b'\0') {
                    i += 1;
                }
                out.push_str(&raw[start..i]);
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(input: &str) -> Vec<String> {
        let mut t = Tokenizer::new(input);
        let mut out = Vec::new();
        loop {
            let token = t.next_token();
            out.push(match &token {
                Token::StartTag { name, attributes, self_closing, .. } => {
                    let attrs: Vec<String> =
                        attributes.iter().map(|a| format!(" {}={:?}", a.name, a.value)).collect();
                    format!("<{name}{}{}>", attrs.concat(), if *self_closing { "/" } else { "" })
                }
                Token::EndTag { name, .. } => format!("</{name}>"),
                Token::Text { text, .. } => format!("{text:?}"),
                Token::Null { .. } => "NUL".into(),
                Token::Comment => "#".into(),
                Token::Eof => break,
            });
            // Play the tree builder's part for raw-text elements.
            if let Token::StartTag { name, .. } = &token {
                match name.as_ref() {
                    "script" => t.set_state(State::ScriptData),
                    "style" | "xmp" => t.set_state(State::RawText),
                    "title" | "textarea" => t.set_state(State::RcData),
                    "plaintext" => t.set_state(State::PlainText),
                    _ => {}
                }
            }
        }
        out
    }

    #[test]
    fn tags_and_attributes() {
        assert_eq!(
            tokens(r#"<A HREF="x&amp;y" b=1 c d='q'>"#),
            [r#"<a href="x&y" b="1" c="" d="q">"#]
        );
        assert_eq!(tokens("<a b=c/>"), [r#"<a b="c/">"#]);
        assert_eq!(tokens("<br/>"), ["<br/>"]);
        assert_eq!(tokens("<a x=1 x=2>"), [r#"<a x="1">"#]);
        assert_eq!(tokens(r#"<a b="1"c=2>"#), [r#"<a b="1" c="2">"#]);
        assert_eq!(tokens("<a =b>"), [r#"<a =b="">"#]);
    }

    #[test]
    fn attribute_references_keep_legacy_names_before_letters() {
        assert_eq!(tokens("<a href='?a=1&copy=2&amp;x'>"), [r#"<a href="?a=1&copy=2&x">"#]);
    }

    #[test]
    fn unfinished_tags_at_the_end_are_dropped() {
        assert_eq!(tokens("a<b c='d"), ["\"a\""]);
        assert_eq!(tokens("a<b"), ["\"a\""]);
        assert_eq!(tokens("a<"), ["\"a\"", "\"<\""]);
        assert_eq!(tokens("a</"), ["\"a\"", "\"</\""]);
    }

    #[test]
    fn lone_angle_brackets_are_text() {
        assert_eq!(tokens("1 < 2"), ["\"1 \"", "\"<\"", "\" 2\""]);
    }

    #[test]
    fn comments() {
        assert_eq!(tokens("a<!-- x -->b"), ["\"a\"", "#", "\"b\""]);
        assert_eq!(tokens("a<!-->b"), ["\"a\"", "#", "\"b\""]);
        assert_eq!(tokens("a<!--->b"), ["\"a\"", "#", "\"b\""]);
        assert_eq!(tokens("a<!-- x --!>b"), ["\"a\"", "#", "\"b\""]);
        assert_eq!(tokens("a<!-- x ---->b"), ["\"a\"", "#", "\"b\""]);
        assert_eq!(tokens("a<!-- x -- y -->b"), ["\"a\"", "#", "\"b\""]);
        assert_eq!(tokens("a<!-- never ends <p>b"), ["\"a\"", "#"]);
        assert_eq!(tokens("<!-- wp:paragraph {\"a\":1} -->"), ["#"]);
    }

    #[test]
    fn bogus_comments_doctype_and_cdata() {
        assert_eq!(tokens("<?xml x?>a"), ["#", "\"a\""]);
        assert_eq!(tokens("</ x>a"), ["#", "\"a\""]);
        assert_eq!(tokens("</>a"), ["#", "\"a\""]);
        assert_eq!(tokens("<!DocType html>a"), ["#", "\"a\""]);
        assert_eq!(tokens("<![CDATA[x]]>a"), ["#", "\"a\""]);
        assert_eq!(tokens("<![CDATA[x>y]]>a"), ["#", "\"y]]>a\""]);
    }

    #[test]
    fn raw_text_elements() {
        assert_eq!(
            tokens("<script><p>a</p></script>b"),
            ["<script>", "\"<p>a</p>\"", "</script>", "\"b\""]
        );
        assert_eq!(tokens("<style>a</style >b"), ["<style>", "\"a\"", "</style>", "\"b\""]);
        assert_eq!(
            tokens("<title>a&amp;<b></title>"),
            ["<title>", "\"a\"", "\"&\"", "\"<b>\"", "</title>"]
        );
        assert_eq!(tokens("<xmp>a</xmpx></xmp>"), ["<xmp>", "\"a</xmpx>\"", "</xmp>"]);
        assert_eq!(tokens("<plaintext>a</plaintext>"), ["<plaintext>", "\"a</plaintext>\""]);
        assert_eq!(tokens("<style>never"), ["<style>", "\"never\""]);
    }

    #[test]
    fn script_escapes() {
        assert_eq!(
            tokens("<script><!--<script></script>--></script>x"),
            ["<script>", "\"<!--<script></script>-->\"", "</script>", "\"x\""]
        );
        assert_eq!(
            tokens("<script><!--</script>x"),
            ["<script>", "\"<!--\"", "</script>", "\"x\""]
        );
        assert_eq!(
            tokens("<script><!--<script>--></script>x"),
            ["<script>", "\"<!--<script>-->\"", "</script>", "\"x\""]
        );
    }

    #[test]
    fn nul_and_carriage_returns() {
        assert_eq!(
            tokens("a\0b\r\nc\rd"),
            ["\"a\"", "NUL", "\"b\"", "\"\\n\"", "\"c\"", "\"\\n\"", "\"d\""]
        );
        assert_eq!(tokens("<style>\0</style>"), ["<style>", "\"\u{FFFD}\"", "</style>"]);
    }
}
