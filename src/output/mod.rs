//! The last stage: the stages' results assembled into the model ([`crate::model`]), the
//! model's part for formatting changes, and the model packed for JavaScript.

pub(crate) mod assemble;
pub(crate) mod formatting;
pub(crate) mod pack;
