//! Slicing a text at offsets the engine found itself.
//!
//! Every offset the engine keeps comes from scanning the text, so it is a char boundary and
//! `&text[range]` cannot fail. Its failure path is still compiled in, though, and formats the
//! text, the range and the char in the way for its message: about 4 KB of the wasm module (which
//! has a size budget). These functions slice with [`str::get`] and, should a bug ever hand them
//! an offset inside a character, panic with a fixed message instead.

use core::ops::Range;

/// `&text[range]`.
#[inline]
pub(crate) fn slice(text: &str, range: Range<usize>) -> &str {
    text.get(range).unwrap_or_else(|| inside_a_character())
}

/// `&text[start..]`.
#[inline]
pub(crate) fn from(text: &str, start: usize) -> &str {
    text.get(start..).unwrap_or_else(|| inside_a_character())
}

#[cold]
#[inline(never)]
fn inside_a_character() -> ! {
    panic!("article-diff: a text was cut inside a character (a bug in the engine)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_like_indexing() {
        assert_eq!(slice("naïve", 2..4), "ï");
        assert_eq!(from("naïve", 4), "ve");
    }

    #[test]
    #[should_panic(expected = "inside a character")]
    fn an_offset_inside_a_character_panics() {
        let _ = slice("naïve", 3..4);
    }
}
