//! Reading text by Unicode's rules: grapheme clusters, the tokenizer's words, typographic
//! folding, and the safe slicing every stage uses.

pub(crate) mod byte_masks;
pub(crate) mod char_memo;
pub(crate) mod fold;
pub(crate) mod graphemes;
pub(crate) mod text;
pub(crate) mod tokenize;
pub(crate) mod utf8;
