//! The markup reader (`article_diff::markup`), one test per rule of issue 27: which blocks
//! HTML and Markdown make, what is never text, how references and whitespace read, how
//! malformed markup reads (as a browser reads it; `tests/e2e/markup.test.mjs` compares with
//! Chromium itself), formatting, embeds, source ranges, and hostile input.
#![cfg(all(feature = "markdown", not(target_arch = "wasm32")))]

use article_diff::markup::{read, BlockKind, Document, EmbedKind, MarkKind, Markup, ReadError};

fn html(source: &str) -> Document {
    read(source, Markup::Html).expect("reads")
}

fn md(source: &str) -> Document {
    read(source, Markup::Markdown).expect("reads")
}

/// Each block as `kind:text`, with `>` per quote level and `-`/`N.` for list items.
fn blocks(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .map(|b| {
            let kind = match b.kind {
                BlockKind::Paragraph => "p".to_owned(),
                BlockKind::Heading(n) => format!("h{n}"),
                BlockKind::Preformatted => "pre".into(),
                BlockKind::Term => "dt".into(),
                BlockKind::Description => "dd".into(),
                BlockKind::Caption => "caption".into(),
                BlockKind::TableCell { header: false } => "td".into(),
                BlockKind::TableCell { header: true } => "th".into(),
                _ => "?".into(),
            };
            let quote = ">".repeat(b.quote_depth as usize);
            let list = match b.list {
                None => String::new(),
                Some(l) => {
                    let marker = match (l.first, l.number) {
                        (false, _) => "+".to_owned(),
                        (true, Some(n)) => format!("{n}."),
                        (true, None) => "-".to_owned(),
                    };
                    format!("{}{marker}", "  ".repeat(l.depth.saturating_sub(1) as usize))
                }
            };
            format!("{quote}{list}{kind}:{}", &doc.text[b.text.clone()])
        })
        .collect()
}

/// Each mark as `kind:text`.
fn marks(doc: &Document) -> Vec<String> {
    doc.marks
        .iter()
        .map(|m| {
            let kind = match &m.kind {
                MarkKind::Link(Some(t)) => format!("link({t})"),
                MarkKind::Link(None) => "link(-)".into(),
                other => format!("{other:?}").to_lowercase(),
            };
            format!("{kind}:{}", &doc.text[m.text.clone()])
        })
        .collect()
}

// ---- Blocks --------------------------------------------------------------------------------------

#[test]
fn html_block_elements_become_blocks() {
    let doc = html(
        "<h1>H1</h1><h6>H6</h6><p>P</p><ul><li>L</li></ul><blockquote>Q</blockquote><pre>C</pre>\
         <figure><figcaption>F</figcaption></figure><table><caption>T</caption><tr><th>TH<td>TD</table>\
         <dl><dt>DT<dd>DD</dl>",
    );
    assert_eq!(
        blocks(&doc),
        [
            "h1:H1",
            "h6:H6",
            "p:P",
            "-p:L",
            ">p:Q",
            "pre:C",
            "caption:F",
            "caption:T",
            "th:TH",
            "td:TD",
            "dt:DT",
            "dd:DD"
        ]
    );
}

#[test]
fn text_directly_in_containers_is_a_block() {
    let doc =
        html("loose<div>in div<p>para</p>after</div><section>s</section><article>a</article>");
    assert_eq!(blocks(&doc), ["p:loose", "p:in div", "p:para", "p:after", "p:s", "p:a"]);
}

#[test]
fn inline_elements_do_not_break_blocks() {
    assert_eq!(blocks(&html("<p>a <span>b</span> <em>c</em> <q>d</q></p>")), ["p:a b c d"]);
}

#[test]
fn br_is_a_line_break_inside_the_block() {
    assert_eq!(
        blocks(&html("<p>one<br>two <br/> three<br></p><p><br>x</p>")),
        ["p:one\ntwo\nthree", "p:x"]
    );
}

#[test]
fn empty_blocks_are_dropped_and_blocks_join_with_a_blank_line() {
    let doc = html("<p></p><p> </p><p>a</p><div>&#32;</div><p>b</p><hr>");
    assert_eq!(doc.text, "a\n\nb");
}

#[test]
fn lists_nest_and_number() {
    let doc = html(
        "<ol start=3><li>three<li>four<ul><li>bullet<li>two</ul>still four<li value=10>ten<li>eleven</ol>\
         <ol reversed><li>c<li>b<li>a</ol>",
    );
    assert_eq!(
        blocks(&doc),
        [
            "3.p:three",
            "4.p:four",
            "  -p:bullet",
            "  -p:two",
            "+p:still four",
            "10.p:ten",
            "11.p:eleven",
            "3.p:c",
            "2.p:b",
            "1.p:a"
        ]
    );
}

#[test]
fn quotes_nest() {
    assert_eq!(
        blocks(&html("<blockquote>a<blockquote><p>b</blockquote></blockquote>")),
        [">p:a", ">>p:b"]
    );
}

// ---- Never text ----------------------------------------------------------------------------------

#[test]
fn scripts_styles_templates_noscript_and_comments_are_never_text() {
    let doc = html(
        "<!-- wp:paragraph {\"align\":\"center\"} --><p>visible</p><!-- /wp:paragraph -->\
         <script>var p = '<p>not a paragraph</p>';</script><style>p::after{content:'no'}</style>\
         <template><p>template</p></template><noscript><p>noscript</p></noscript>",
    );
    assert_eq!(doc.text, "visible");
}

#[test]
fn attributes_are_never_text() {
    let doc = html(
        r#"<p title="title" class="c" data-x="y" onclick="alert(1)" style="color:red">text</p>"#,
    );
    assert_eq!(doc.text, "text");
}

#[test]
fn head_content_is_never_text() {
    let doc = html("<!DOCTYPE html><html><head><title>Title</title><meta name=x content=y></head><body><p>Body</p></body></html>");
    assert_eq!(doc.text, "Body");
}

#[test]
fn hidden_content_is_never_text() {
    let doc = html("<p hidden>h</p><dialog>d</dialog><input value=v><select><option>o</select><textarea>t</textarea><p>shown</p>");
    assert_eq!(doc.text, "shown");
}

// ---- References and whitespace ---------------------------------------------------------------

#[test]
fn character_references_are_decoded() {
    let doc = html(
        "<p>&amp; &lt;b&gt; a&nbsp;b it&#8217;s &#x2014; &copy2024 &NotEqualTilde; &bogus; &</p>",
    );
    assert_eq!(doc.text, "& <b> a\u{a0}b it’s — ©2024 ≂\u{338} &bogus; &");
}

#[test]
fn references_to_no_character_become_replacement_characters() {
    let doc = html("<p>a&#x110000;b&#0;c&#xD800;d&#xDFFF;e</p>");
    assert_eq!(doc.text, "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e");
}

/// A `&str` cannot hold a lone surrogate. They reach the reader as U+FFFD: from JavaScript,
/// wasm-bindgen encodes strings as `TextEncoder` does (each lone surrogate → U+FFFD); natively,
/// surrogate code points written in UTF-8 (CESU-8, WTF-8) are invalid UTF-8, which
/// `String::from_utf8_lossy` turns into U+FFFD; as references, the spec maps them to U+FFFD.
#[test]
fn lone_surrogates_arrive_as_replacement_characters() {
    let bytes = b"<p>a\xED\xA0\x80b</p>";
    let source = String::from_utf8_lossy(bytes);
    let doc = html(&source);
    assert!(doc.text.starts_with('a') && doc.text.ends_with('b'));
    assert!(doc.text.chars().filter(|&c| c == '\u{FFFD}').count() >= 1);
    let from_js = String::from_utf16_lossy(&[0x61, 0xD800, 0x62]);
    assert_eq!(html(&format!("<p>{from_js}</p>")).text, "a\u{FFFD}b");
}

#[test]
fn whitespace_collapses_as_rendered() {
    assert_eq!(html("<p>  foo  </p>").text, html("<p>foo</p>").text);
    assert_eq!(html("<p>a \n\t b</p><p> x <b> y </b> z </p>").text, "a b\n\nx y z");
    assert_eq!(html("<p>a<br>   b</p>").text, "a\nb");
}

#[test]
fn pre_keeps_whitespace_but_not_its_leading_newline() {
    assert_eq!(
        html("<pre>\n  two  spaces\n\tand a tab\n</pre>").text,
        "  two  spaces\n\tand a tab"
    );
    assert_eq!(html("<pre>\n\nblank line first</pre>").text, "blank line first");
    assert_eq!(html("<pre>&#10;x</pre><listing>\ny</listing>").text, "x\n\ny");
    assert_eq!(
        html("<pre><!---->\nx</pre>").text,
        "x",
        "the comment is the token after <pre>; the newline then shows"
    );
}

#[test]
fn carriage_returns_read_as_line_feeds() {
    assert_eq!(html("<pre>a\r\nb\rc</pre>").text, "a\nb\nc");
}

// ---- Malformed markup, as a browser reads it ---------------------------------------------------

#[test]
fn p_is_closed_by_block_starts() {
    assert_eq!(
        blocks(&html("<p>a<div>b</div><p>c<ul><li>d</ul><p>e<h2>f</h2>")),
        ["p:a", "p:b", "p:c", "-p:d", "p:e", "h2:f"]
    );
}

#[test]
fn list_items_definitions_rows_cells_and_options_close_themselves() {
    assert_eq!(
        blocks(&html("<ul><li>a<li>b</ul><dl><dt>c<dd>d<dt>e</dl>")),
        ["-p:a", "-p:b", "dt:c", "dd:d", "dt:e"]
    );
    assert_eq!(blocks(&html("<table><tr><td>1<td>2<tr><th>3</table>")), ["td:1", "td:2", "th:3"]);
    assert_eq!(blocks(&html("<option>x<option>y")), ["p:x", "p:y"]);
}

#[test]
fn stray_end_tags() {
    assert_eq!(blocks(&html("a</p>b")), ["p:a", "p:b"]);
    assert_eq!(html("a</br>b").text, "a\nb");
    assert_eq!(html("a</div></span>b").text, "ab");
}

#[test]
fn misnested_formatting_reads_as_the_adoption_agency_leaves_it() {
    let doc = html("<p><b><i>both</b> italic</i> plain</p>");
    assert_eq!(marks(&doc), ["bold:both", "italic:both italic"]);
    let doc = html("<p>1<b>2<p>3</b>4");
    assert_eq!(blocks(&doc), ["p:12", "p:34"]);
    assert_eq!(marks(&doc), ["bold:2", "bold:3"]);
    let doc = html("<b>1<div>2</b>3</div>");
    assert_eq!(marks(&doc), ["bold:1", "bold:2"]);
    let doc = html("<b><sub><p>x</b>y");
    assert_eq!(marks(&doc), ["bold:x"], "the adoption agency takes the paragraph out of the <sub>");
}

#[test]
fn unclosed_formatting_reopens_in_the_next_block() {
    let doc = html("<p><b>bold<p>still bold</p>");
    assert_eq!(marks(&doc), ["bold:bold", "bold:still bold"]);
}

#[test]
fn table_text_outside_cells_is_foster_parented_before_the_table() {
    let doc = html("<table><tr><td>A</td></tr>X<tr><td>B</td></tr></table>");
    assert_eq!(blocks(&doc), ["p:X", "td:A", "td:B"]);
    let x = &doc.blocks[0];
    assert_eq!(&"<table><tr><td>A</td></tr>X<tr><td>B</td></tr></table>"[x.source.clone()], "X");
}

#[test]
fn raw_text_and_rcdata_elements() {
    assert_eq!(html("<script><p>s</p></script><style><p>t</style>a").text, "a");
    assert_eq!(html("<textarea><p>t</p></textarea><title><b>x</b></title>a").text, "a");
    assert_eq!(html("<xmp><b>raw</b></xmp>").text, "<b>raw</b>");
    assert_eq!(blocks(&html("<xmp><b>raw</b></xmp>")), ["pre:<b>raw</b>"]);
    assert_eq!(
        html("<iframe><p>no</p></iframe>a<noembed>n</noembed><noframes>f</noframes>").text,
        "\u{FFFC}a"
    );
    assert_eq!(html("<plaintext><p>all</p></plaintext>").text, "<p>all</p></plaintext>");
    assert_eq!(html("<script><!--<script></script>--></script>after").text, "after");
}

#[test]
fn comments_cdata_doctype_and_nul() {
    assert_eq!(html("a<!-- never ends <p>b</p>").text, "a");
    assert_eq!(html("a<!-->b<!--->c<!-- x --!>d").text, "abcd");
    assert_eq!(html("a<![CDATA[x]]>b<!DOCTYPE html>c<?php x ?>d").text, "abcd");
    assert_eq!(html("<p>a\0b</p><pre>\0</pre>").text, "ab");
}

#[test]
fn svg_and_mathml() {
    let doc = html("<p>chart <svg><text>in svg</text></svg> and <math><mi>x</mi><mo>=</mo><mn>1</mn></math></p>");
    assert_eq!(doc.text, "chart \u{FFFC} and x=1");
    assert_eq!(doc.embeds[0].kind, EmbedKind::Svg);
    assert_eq!(blocks(&html("<svg><p>breaks out</p></svg>")), ["p:\u{FFFC}", "p:breaks out"]);
}

#[test]
fn a_frameset_replaces_a_body_that_shows_nothing_yet() {
    // Nothing visible yet (whitespace, empty elements, head content, an `<svg>`, a hidden
    // input, a template): the frameset takes the body's place and nothing is shown.
    for source in [
        "<frameset><frame></frameset>text after",
        " \n<p> </p><div><b></b></div><frameset>x",
        "<title>t</title><style>s</style><script>x</script><frameset>y",
        "<svg><g></g></svg><frameset><frame>",
        "<input type=Hidden><frameset>z",
        "<template>in template</template><frameset>w",
        "<template>in the head</template><p></p><frameset>v",
    ] {
        assert_eq!(html(source).text, "", "{source:?}");
        assert!(html(source).blocks.is_empty(), "{source:?}");
    }
    // Text, or an element that shows something or takes space, keeps the body; so does a
    // frameset inside a template.
    assert_eq!(html("a<frameset>b").text, "ab");
    assert_eq!(html("<svg>t</svg><frameset>b").text, "\u{FFFC}b");
    for source in [
        "<br><frameset>b",
        "</br><frameset>b",
        "<img alt=a><frameset>b",
        "<input><frameset>b",
        "<ul><li></ul><frameset>b",
        "<table></table><frameset>b",
        "<select></select><frameset>b",
        "<textarea></textarea><frameset>b",
        "<body><frameset>b",
        "<template><frameset></template>b",
        "<p><template>in the body</template></p><frameset>b",
    ] {
        assert!(html(source).text.ends_with('b'), "{source:?}");
    }
    // An HTML block inside Markdown may follow other blocks: its frameset is ignored.
    assert_eq!(blocks(&md("<frameset>\n<p>kept</p>\n</frameset>")), ["p:kept"]);
}

// ---- Formatting, links and embeds ------------------------------------------------------------

#[test]
fn every_mark_kind() {
    let doc = html(
        "<p><b>b</b>|<strong>s</strong>|<i>i</i>|<em>e</em>|<u>u</u>|<s>x</s>|<del>d</del>|<code>c</code>|\
         <kbd>k</kbd>|<sub>2</sub>|<sup>3</sup>|<mark>m</mark>|<ins>n</ins></p>",
    );
    assert_eq!(
        marks(&doc),
        [
            "bold:b",
            "bold:s",
            "italic:i",
            "italic:e",
            "underline:u",
            "strike:x",
            "strike:d",
            "code:c",
            "code:k",
            "subscript:2",
            "superscript:3",
            "highlight:m",
            "underline:n"
        ]
    );
}

#[test]
fn marks_merge_across_spaces_and_never_end_on_one() {
    assert_eq!(marks(&html("<p><b>a</b> <b>b</b></p>")), ["bold:a b"]);
    assert_eq!(marks(&html("<p>x<b> a </b>y</p>")), ["bold:a"]);
    assert_eq!(
        marks(&html("<p><b>a</b></p><p><b>b</b></p>")),
        ["bold:a", "bold:b"],
        "marks end with their block"
    );
}

#[test]
fn code_inside_preformatted_is_not_a_mark() {
    assert!(marks(&html("<pre><code>x = 1</code></pre>")).is_empty());
}

#[test]
fn links_keep_safe_targets_only() {
    let doc = html(
        "<p><a href='https://a.example/x'>h</a> <a href='/rel'>r</a> <a href='mailto:a@b'>m</a> \
         <a href='javascript:alert(1)'>j</a> <a href=' JaVa\tScRiPt:x'>j2</a> <a name=anchor>no link</a></p>",
    );
    assert_eq!(
        marks(&doc),
        ["link(https://a.example/x):h", "link(/rel):r", "link(mailto:a@b):m", "link(-):j j2"]
    );
}

#[test]
fn images_and_embeds_are_placeholders() {
    let doc = html(
        "<p>a <img src='cat.png' alt='A cat'> b <img src='javascript:x' alt=''></p>\
         <video><source src='v.mp4'></video><iframe src='https://v.example/e' title='clip'></iframe>",
    );
    assert_eq!(doc.text, "a \u{FFFC} b \u{FFFC}\n\n\u{FFFC}\u{FFFC}");
    let e: Vec<(EmbedKind, Option<&str>, &str)> =
        doc.embeds.iter().map(|e| (e.kind, e.src.as_deref(), e.alt.as_str())).collect();
    assert_eq!(
        e,
        [
            (EmbedKind::Image, Some("cat.png"), "A cat"),
            (EmbedKind::Image, None, ""),
            (EmbedKind::Video, Some("v.mp4"), ""),
            (EmbedKind::Frame, Some("https://v.example/e"), "clip")
        ]
    );
    for e in &doc.embeds {
        assert_eq!(&doc.text[e.at..e.at + 3], "\u{FFFC}");
    }
}

// ---- Source offsets ------------------------------------------------------------------------------

#[test]
fn blocks_map_back_to_their_source() {
    let source = "<!-- wp:paragraph -->\n<p>One <b>two</b></p>\n<!-- /wp:paragraph -->\n<ul><li>three</li></ul><div>four</div>";
    let doc = html(source);
    let ranges: Vec<&str> = doc.blocks.iter().map(|b| &source[b.source.clone()]).collect();
    assert_eq!(ranges, ["<p>One <b>two</b></p>", "<li>three</li>", "<div>four</div>"]);
}

#[test]
fn text_offsets_map_back_through_references_and_collapsed_whitespace() {
    let source = "<p>a &amp;   b</p>";
    let doc = html(source);
    assert_eq!(doc.text, "a & b");
    let at = |t: &str| doc.source_offset(doc.text.find(t).unwrap());
    assert_eq!(&source[at("a")..], "a &amp;   b</p>");
    assert_eq!(&source[at("&")..], "&amp;   b</p>");
    assert_eq!(&source[at("b")..], "b</p>");
}

#[test]
fn every_copied_character_maps_to_itself_in_the_source() {
    // Words run into tags, references and comments on both sides; one stretch of words.
    let source = "<p>one two<b>three</b>four&amp;five <!-- c -->six\tseven  eight<br>nine</p>";
    let doc = html(source);
    assert_eq!(doc.text, "one twothreefour&five six seven eight\nnine");
    for (at, c) in doc.text.char_indices() {
        let from = doc.source_offset(at);
        match c {
            '&' => assert_eq!(&source[from..from + 5], "&amp;"),
            '\n' => assert_eq!(&source[from..from + 4], "<br>"),
            ' ' => assert!(source[from..].starts_with(char::is_whitespace), "space at {at}"),
            c => assert!(source[from..].starts_with(c), "{c:?} at {at} maps to {from}"),
        }
    }
    assert_eq!(doc.source_offset(doc.text.find("wo").unwrap()), source.find("wo").unwrap());
}

// ---- Hostile input -------------------------------------------------------------------------------

#[test]
fn ten_thousand_deep_nesting_reads_without_recursion() {
    for tag in ["div", "b", "span", "blockquote", "li", "table"] {
        let source = format!(
            "{}deep{}",
            format!("<{tag}>").repeat(10_000),
            format!("</{tag}>").repeat(10_000)
        );
        let doc = html(&source);
        assert!(doc.text.contains("deep"), "{tag}");
    }
    let doc = html(&format!("{}x", "<blockquote>".repeat(10_000)));
    assert_eq!(doc.blocks[0].quote_depth, 10_000);
    let doc = md(&format!("{}x", "> ".repeat(10_000)));
    assert_eq!(doc.text, "x");
}

#[test]
fn script_holding_paragraphs_stays_hidden() {
    let paragraphs = "<p>Looks like a paragraph.</p>\n\n".repeat(100);
    let doc = html(&format!("<p>before</p><script>{paragraphs}</script><p>after</p>"));
    assert_eq!(doc.text, "before\n\nafter");
}

#[test]
fn quadratic_nesting_is_a_clear_error() {
    // Every <li> walks past the thousands of open <div>s (as in a browser).
    let source = format!("{}{}", "<div>".repeat(10_000), "<li></li>".repeat(2_000));
    match read(&source, Markup::Html) {
        Err(ReadError::TooComplex { .. }) => {}
        other => panic!("expected TooComplex, got {:?}", other.map(|d| d.blocks.len())),
    }
    assert!(ReadError::TooComplex { steps: 1 }.to_string().contains("as text"));
}

#[test]
fn a_five_megabyte_body_reads() {
    let paragraph = "<!-- wp:paragraph -->\n<p>Some <b>bold</b> words, a <a href=\"/x\">link</a> &amp; more&#8217;s.</p>\n<!-- /wp:paragraph -->\n";
    let source = paragraph.repeat(5_000_000 / paragraph.len() + 1);
    let doc = html(&source);
    assert_eq!(doc.blocks.len(), 5_000_000 / paragraph.len() + 1);
    let unclosed = "<p><b><i><a href=x>unclosed ".repeat(5_000_000 / 28);
    assert!(!html(&unclosed).text.is_empty());
}

// ---- Markdown ------------------------------------------------------------------------------------

#[test]
fn markdown_blocks() {
    let doc = md("# ATX\n\nSetext\n======\n\npara\ngraph\n\n- a\n- b\n  1. c\n  2. d\n\n> quote\n\n```\nfenced\n  code\n```\n\n    indented\n");
    assert_eq!(
        blocks(&doc),
        [
            "h1:ATX",
            "h1:Setext",
            "p:para graph",
            "-p:a",
            "-p:b",
            "  1.p:c",
            "  2.p:d",
            ">p:quote",
            "pre:fenced\n  code",
            "pre:indented"
        ]
    );
}

#[test]
fn markdown_inline_syntax_is_formatting_not_words() {
    let doc = md("*em* _em_ **strong** `code` ~~gone~~ [link](https://x.example/) <https://auto.example> <a@b.example> \\*escaped\\*");
    assert_eq!(doc.text, "em em strong code gone link https://auto.example a@b.example *escaped*");
    assert_eq!(
        marks(&doc),
        [
            "italic:em em",
            "bold:strong",
            "code:code",
            "strike:gone",
            "link(https://x.example/):link",
            "link(https://auto.example):https://auto.example",
            "link(mailto:a@b.example):a@b.example"
        ]
    );
}

#[test]
fn markdown_images_are_embeds() {
    let doc = md("see ![a *cat*](cat.png \"t\") here");
    assert_eq!(doc.text, "see \u{FFFC} here");
    assert_eq!(doc.embeds[0].alt, "a cat");
    assert_eq!(doc.embeds[0].src.as_deref(), Some("cat.png"));
}

#[test]
fn markdown_raw_html_reads_as_html() {
    let doc = md("a <b>bold</b> and <script>hidden()</script> b<br>c <!-- note -->\n\n<div>\n<p>html <i>block</i></p>\n</div>\n\n<!-- wp:x -->\n");
    assert_eq!(blocks(&doc), ["p:a bold and b\nc", "p:html block"]);
    assert_eq!(marks(&doc), ["bold:bold", "italic:block"]);
    let source = "text\n\n<p>x</p>\n";
    let doc = md(source);
    assert_eq!(&source[doc.blocks[1].source.clone()], "<p>x</p>");
}

#[test]
fn markdown_front_matter_is_shown_as_its_lines() {
    // A title, a date or tags changed in a static-site post's front matter is a change: its
    // lines are a preformatted block of their own, the fences are not text.
    let source = "---\ntitle: Harbour plan\ndate: 2026-12-07\n---\n\nbody";
    let doc = md(source);
    assert_eq!(blocks(&doc), ["pre:title: Harbour plan\ndate: 2026-12-07", "p:body"]);
    assert_eq!(
        &source[doc.blocks[0].source.clone()],
        "---\ntitle: Harbour plan\ndate: 2026-12-07\n---\n"
    );
    let doc = md("---\n# a comment\n\ndate: 2026-12-07\ntags:\n  - a\n...\nbody");
    assert_eq!(blocks(&doc), ["pre:# a comment\n\ndate: 2026-12-07\ntags:\n  - a", "p:body"]);
    assert_eq!(blocks(&md("---\ntags:\n---\nbody")), ["pre:tags:", "p:body"]);
    assert_eq!(md("---\r\ntitle: x\r\n---").text, "title: x");
    // Hugo's TOML front matter, between `+++` lines.
    let doc = md("+++\ntitle = 'Harbour plan'\n[params]\n  author = 'Eddie'\n+++\n\nbody");
    assert_eq!(
        blocks(&doc),
        ["pre:title = 'Harbour plan'\n[params]\n  author = 'Eddie'", "p:body"]
    );
    assert_eq!(
        blocks(&md("+++\n# a comment\n[taxonomies]\n+++\nbody")),
        ["pre:# a comment\n[taxonomies]", "p:body"]
    );
}

#[test]
fn markdown_rule_then_text_is_not_front_matter() {
    // Not a YAML mapping: a thematic break and setext headings (CommonMark's example 96).
    assert_eq!(blocks(&md("---\nFoo\n---\nBar\n---\nBaz\n")), ["h2:Foo", "h2:Bar", "p:Baz"]);
    assert_eq!(blocks(&md("---\n- a\n- b\n---\n")), ["-p:a", "-p:b"]);
    assert_eq!(blocks(&md("----\ntitle: x\n---")), ["h2:title: x"]);
    // Not TOML: `+++` lines are text (CommonMark's example 44), `...` closes no TOML.
    assert_eq!(blocks(&md("+++\nsome text\n+++\n")), ["p:+++ some text +++"]);
    assert_eq!(blocks(&md("+++\ntitle = 'x'\n...\n")), ["p:+++ title = 'x' ..."]);
    // The first colon must end the key, and a comment line starts with `#` (the demo's "Auto"
    // format, www/app-format.js, decides these alike).
    for source in ["---\na:b: c\n---\n", "---\n  # indented\ntitle: x\n---\n"] {
        assert!(!blocks(&md(source)).iter().any(|b| b.starts_with("pre:")), "{source:?}");
    }
}

#[test]
fn markdown_inline_cdata_and_processing_instructions_read_as_a_browser_reads_them() {
    // A bogus comment to the first `>`, then text (CommonMark's example 629): as the HTML
    // reader reads the rendered paragraph.
    for inline in [
        "foo <![CDATA[>&<]]>",
        "a <?php echo 1 > 0; ?> b",
        "a <!DECLARE x> b",
        "a <![CDATA[x>&amp; &copy y]]> b",
        "a <!-- c > d --> b",
    ] {
        assert_eq!(md(inline).text, html(&format!("<p>{inline}</p>")).text, "{inline:?}");
    }
    assert_eq!(md("foo <![CDATA[>&<]]>").text, "foo &<]]>");
}

#[test]
fn markdown_link_targets_are_checked() {
    assert_eq!(marks(&md("[x](javascript:alert(1))")), ["link(-):x"]);
}

/// Asserts that the blocks of Markdown `source` follow the source without overlapping, and
/// that each block's source starts on the line its first word is on.
fn assert_markdown_sources_in_order(source: &str) {
    let doc = md(source);
    for (i, b) in doc.blocks.iter().enumerate() {
        let from = &source[b.source.clone()];
        let word = doc.text[b.text.clone()].split_whitespace().next().unwrap_or_default();
        assert!(
            from.lines().next().is_some_and(|line| line.contains(word)),
            "{source:?}: block {i} ({word:?}) starts at {from:?}, not on its line"
        );
        if let Some(next) = doc.blocks.get(i + 1) {
            assert!(
                b.source.end <= next.source.start,
                "{source:?}: block {i} {:?} overlaps block {} {:?}",
                b.source,
                i + 1,
                next.source
            );
        }
    }
}

#[test]
fn markdown_lists_indented_with_tabs_keep_their_source_in_order() {
    for source in [
        // The proptest case: an item whose first child is a list, then a tab-indented list.
        "- 1. **\n\t- `",
        "- 1. a\n\t- b",
        "- 1. a\n\t1. b\n\t2. c",
        "- a\n\t- b",
        "- a\r\n\t- b",
        "- a\n\n\t- b",
        "- a\n \t- b",
        "-\n\t- b",
        "1. a\n\t- b",
        "> - 1. a\n>\t- b",
        "- a\n  - b\n\t  - c",
        // pulldown-cmark issue 983: the nested list's start lands in the code block before it.
        "*     indented code block\n\t+ nested list",
    ] {
        assert_markdown_sources_in_order(source);
    }
}
