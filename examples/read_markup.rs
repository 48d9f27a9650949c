//! Prints what the markup reader reads, as JSON.
//!
//! ```text
//! cargo run --example read_markup -- html < article.html          one document
//! cargo run --example read_markup -- --batch < cases.json          [{"source", "markup"}] → [document]
//! cargo run --example read_markup -- --debug < cases.json          the same cases, each `Document`'s `Debug`
//! cargo run --release --example read_markup -- --repeat 20 html < body.html   the time of a read
//! ```
//!
//! `--debug` prints everything a document holds, its source anchors included, one line a case
//! (for comparing two builds of the reader); `--repeat` reads the source that many times and
//! prints the fastest read and the median on stderr (for profilers such as callgrind).
//!
//! Offsets in the output are UTF-16 code units (as JavaScript counts), marks and embeds
//! relative to their block's text; `tests/e2e/markup.test.mjs` compares this output with
//! what Chromium's parser gives.

#![cfg_attr(target_arch = "wasm32", allow(unused))]

use std::io::Read;

#[cfg(not(target_arch = "wasm32"))]
use article_diff::markup::{read, BlockKind, Document, EmbedKind, MarkKind, Markup};
#[cfg(not(target_arch = "wasm32"))]
use serde_json::{json, Value};

/// `wasm-pack test` builds the examples for wasm32 too, where the reader is not compiled.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn utf16(s: &str) -> usize {
    s.encode_utf16().count()
}

#[cfg(not(target_arch = "wasm32"))]
fn kind_name(kind: BlockKind) -> String {
    match kind {
        BlockKind::Paragraph => "p".into(),
        BlockKind::Heading(n) => format!("h{n}"),
        BlockKind::Preformatted => "pre".into(),
        BlockKind::Term => "dt".into(),
        BlockKind::Description => "dd".into(),
        BlockKind::Caption => "caption".into(),
        BlockKind::TableCell { header: false } => "td".into(),
        BlockKind::TableCell { header: true } => "th".into(),
        _ => "?".into(),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn mark_name(kind: &MarkKind) -> (&'static str, Value) {
    match kind {
        MarkKind::Bold => ("bold", Value::Null),
        MarkKind::Italic => ("italic", Value::Null),
        MarkKind::Underline => ("underline", Value::Null),
        MarkKind::Strike => ("strike", Value::Null),
        MarkKind::Code => ("code", Value::Null),
        MarkKind::Subscript => ("sub", Value::Null),
        MarkKind::Superscript => ("sup", Value::Null),
        MarkKind::Highlight => ("highlight", Value::Null),
        MarkKind::Link(target) => ("link", json!(target)),
        _ => ("?", Value::Null),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn embed_name(kind: EmbedKind) -> &'static str {
    match kind {
        EmbedKind::Image => "image",
        EmbedKind::Video => "video",
        EmbedKind::Audio => "audio",
        EmbedKind::Frame => "frame",
        EmbedKind::Object => "object",
        EmbedKind::Svg => "svg",
        _ => "?",
    }
}

/// The block holding text offset `at`, and `at`'s UTF-16 offset inside it.
#[cfg(not(target_arch = "wasm32"))]
fn locate(doc: &Document, at: usize) -> (usize, usize) {
    let i = doc.blocks.partition_point(|b| b.text.end < at).min(doc.blocks.len().saturating_sub(1));
    let start = doc.blocks.get(i).map_or(0, |b| b.text.start);
    (i, utf16(&doc.text[start..at.max(start)]))
}

#[cfg(not(target_arch = "wasm32"))]
fn to_json(doc: &Document) -> Value {
    let blocks: Vec<Value> = doc
        .blocks
        .iter()
        .map(|b| {
            json!({
                "kind": kind_name(b.kind),
                "quote": b.quote_depth,
                "list": b.list.map(|l| json!({"ordered": l.ordered, "depth": l.depth, "number": l.number, "first": l.first})),
                "text": &doc.text[b.text.clone()],
                "source": [b.source.start, b.source.end],
            })
        })
        .collect();
    let marks: Vec<Value> = doc
        .marks
        .iter()
        .map(|m| {
            let (block, start) = locate(doc, m.text.start);
            let (_, end) = locate(doc, m.text.end);
            let (kind, href) = mark_name(&m.kind);
            json!({"block": block, "kind": kind, "href": href, "start": start, "end": end})
        })
        .collect();
    let embeds: Vec<Value> = doc
        .embeds
        .iter()
        .map(|e| {
            let (block, at) = locate(doc, e.at);
            json!({"block": block, "kind": embed_name(e.kind), "src": e.src, "alt": e.alt, "at": at})
        })
        .collect();
    // The source offset of each character of the text, through the anchors.
    let offsets: Vec<usize> = doc.text.char_indices().map(|(i, _)| doc.source_offset(i)).collect();
    json!({"text": doc.text, "blocks": blocks, "marks": marks, "embeds": embeds, "offsets": offsets})
}

#[cfg(not(target_arch = "wasm32"))]
fn read_json(source: &str, markup: &str) -> Value {
    let Some(markup) = Markup::from_name(markup) else {
        return json!({"error": format!("unknown markup {markup}")});
    };
    match read(source, markup) {
        Ok(doc) => to_json(&doc),
        Err(e) => json!({"error": e.to_string()}),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("read_markup: stdin: {e}");
        std::process::exit(2);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = args.first().cloned().unwrap_or_else(|| "html".into());
    if arg == "--repeat" {
        let times = args.get(1).and_then(|n| n.parse::<usize>().ok()).unwrap_or(1).max(1);
        repeat(&input, args.get(2).map_or("html", String::as_str), times);
        return;
    }
    if arg == "--debug" {
        for case in cases(&input) {
            let markup = Markup::from_name(case["markup"].as_str().unwrap_or("html"));
            match markup.map(|m| read(case["source"].as_str().unwrap_or(""), m)) {
                Some(Ok(doc)) => println!("{doc:?}"),
                Some(Err(e)) => println!("error: {e}"),
                None => println!("error: unknown markup"),
            }
        }
        return;
    }
    let out = if arg == "--batch" {
        Value::Array(
            cases(&input)
                .iter()
                .map(|c| {
                    read_json(
                        c["source"].as_str().unwrap_or(""),
                        c["markup"].as_str().unwrap_or("html"),
                    )
                })
                .collect(),
        )
    } else {
        read_json(&input, &arg)
    };
    println!("{out}");
}

/// The cases of `--batch` and `--debug`: a JSON array of `{source, markup}`.
#[cfg(not(target_arch = "wasm32"))]
fn cases(input: &str) -> Vec<Value> {
    match serde_json::from_str(input) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("read_markup: wants a JSON array of {{source, markup}}: {e}");
            std::process::exit(2);
        }
    }
}

/// `--repeat`: reads `source` `times` times; the fastest and the median read on stderr.
#[cfg(not(target_arch = "wasm32"))]
fn repeat(source: &str, markup: &str, times: usize) {
    let Some(markup) = Markup::from_name(markup) else {
        eprintln!("read_markup: unknown markup {markup}");
        std::process::exit(2);
    };
    let mut took: Vec<f64> = (0..times)
        .map(|_| {
            let start = std::time::Instant::now();
            let doc = read(source, markup);
            let ms = start.elapsed().as_secs_f64() * 1e3;
            std::hint::black_box(doc).ok();
            ms
        })
        .collect();
    took.sort_by(f64::total_cmp);
    eprintln!(
        "{} bytes, {times} reads: fastest {:.2} ms, median {:.2} ms",
        source.len(),
        took[0],
        took[times / 2]
    );
}
