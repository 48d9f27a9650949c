//! Fuzzes `article_diff::markup::read_pair` (issue 27's splice): a revision of an HTML source,
//! made by a few arbitrary splices of it, read only where it differs, must be exactly the
//! document `read` gives for it, every field and anchor; and the old one `read`'s too.
#![no_main]

use arbitrary::Arbitrary;
use article_diff::markup::{read, read_pair, Markup};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    old: &'a str,
    /// `(where, how many bytes cut, what is put there)`, applied in order.
    splices: Vec<(u16, u8, &'a str)>,
}

/// The largest char boundary of `s` at or below `at`.
fn floor(s: &str, at: usize) -> usize {
    let mut i = at.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fuzz_target!(|input: Input<'_>| {
    let mut new = input.old.to_owned();
    for &(at, cut, put) in input.splices.iter().take(4) {
        let from = floor(&new, usize::from(at));
        let to = floor(&new, from + usize::from(cut));
        new.replace_range(from..to, put);
    }
    let (Ok(a), Ok(b)) = (read(input.old, Markup::Html), read(&new, Markup::Html)) else {
        assert!(read_pair(input.old, &new, Markup::Html).is_err());
        return;
    };
    let (x, y) = read_pair(input.old, &new, Markup::Html).expect("both sources read alone");
    assert_eq!(x, a);
    assert_eq!(y, b, "new {new:?}");
});
