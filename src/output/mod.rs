//! The last stage: the stages' results assembled into the model ([`crate::model`]), and the
//! model packed for JavaScript.

pub(crate) mod assemble;
pub(crate) mod pack;
