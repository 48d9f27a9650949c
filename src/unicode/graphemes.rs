//! Grapheme cluster boundaries (UAX #29 extended grapheme clusters) with small tables.
//!
//! The tokenizer must never split what a reader sees as one character: a letter and its
//! combining accents, a ZWJ emoji sequence, a flag, a Hangul syllable built from jamo, an Indic
//! conjunct. The `unicode-segmentation` crate does this with its full property tables, too
//! large for the wasm module's budget (docs/performance.md). The rules below need only the
//! ranges of the properties they test, which were extracted from that crate's tables (Unicode
//! 17.0.0), about 800 ranges, packed at compile time ([`PACKED`]). Each char's properties are looked up in
//! them once and remembered ([`crate::unicode::char_memo`]).
//!
//! All rules are implemented: GB3–5 (CR LF, controls), GB6–8 (Hangul), GB9/9a (Extend, ZWJ,
//! SpacingMark), GB9b (Prepend), GB9c (Indic conjuncts; `InCB=Extend` approximated by Extend and ZWJ),
//! GB11 (emoji ZWJ sequences) and GB12/13 (regional-indicator pairs). A
//! property test checks the result against `unicode-segmentation` (a dev-dependency) on a
//! hostile alphabet.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use crate::unicode::char_memo::CharMemo;
use crate::unicode::text::char_at;

/// `Grapheme_Cluster_Break=Extend` (GB9).
const EXTEND_RANGES: &[(u32, u32)] = &[
    (0x300, 0x36F),
    (0x483, 0x489),
    (0x591, 0x5BD),
    (0x5BF, 0x5BF),
    (0x5C1, 0x5C2),
    (0x5C4, 0x5C5),
    (0x5C7, 0x5C7),
    (0x610, 0x61A),
    (0x64B, 0x65F),
    (0x670, 0x670),
    (0x6D6, 0x6DC),
    (0x6DF, 0x6E4),
    (0x6E7, 0x6E8),
    (0x6EA, 0x6ED),
    (0x711, 0x711),
    (0x730, 0x74A),
    (0x7A6, 0x7B0),
    (0x7EB, 0x7F3),
    (0x7FD, 0x7FD),
    (0x816, 0x819),
    (0x81B, 0x823),
    (0x825, 0x827),
    (0x829, 0x82D),
    (0x859, 0x85B),
    (0x897, 0x89F),
    (0x8CA, 0x8E1),
    (0x8E3, 0x902),
    (0x93A, 0x93A),
    (0x93C, 0x93C),
    (0x941, 0x948),
    (0x94D, 0x94D),
    (0x951, 0x957),
    (0x962, 0x963),
    (0x981, 0x981),
    (0x9BC, 0x9BC),
    (0x9BE, 0x9BE),
    (0x9C1, 0x9C4),
    (0x9CD, 0x9CD),
    (0x9D7, 0x9D7),
    (0x9E2, 0x9E3),
    (0x9FE, 0x9FE),
    (0xA01, 0xA02),
    (0xA3C, 0xA3C),
    (0xA41, 0xA42),
    (0xA47, 0xA48),
    (0xA4B, 0xA4D),
    (0xA51, 0xA51),
    (0xA70, 0xA71),
    (0xA75, 0xA75),
    (0xA81, 0xA82),
    (0xABC, 0xABC),
    (0xAC1, 0xAC5),
    (0xAC7, 0xAC8),
    (0xACD, 0xACD),
    (0xAE2, 0xAE3),
    (0xAFA, 0xAFF),
    (0xB01, 0xB01),
    (0xB3C, 0xB3C),
    (0xB3E, 0xB3F),
    (0xB41, 0xB44),
    (0xB4D, 0xB4D),
    (0xB55, 0xB57),
    (0xB62, 0xB63),
    (0xB82, 0xB82),
    (0xBBE, 0xBBE),
    (0xBC0, 0xBC0),
    (0xBCD, 0xBCD),
    (0xBD7, 0xBD7),
    (0xC00, 0xC00),
    (0xC04, 0xC04),
    (0xC3C, 0xC3C),
    (0xC3E, 0xC40),
    (0xC46, 0xC48),
    (0xC4A, 0xC4D),
    (0xC55, 0xC56),
    (0xC62, 0xC63),
    (0xC81, 0xC81),
    (0xCBC, 0xCBC),
    (0xCBF, 0xCC0),
    (0xCC2, 0xCC2),
    (0xCC6, 0xCC8),
    (0xCCA, 0xCCD),
    (0xCD5, 0xCD6),
    (0xCE2, 0xCE3),
    (0xD00, 0xD01),
    (0xD3B, 0xD3C),
    (0xD3E, 0xD3E),
    (0xD41, 0xD44),
    (0xD4D, 0xD4D),
    (0xD57, 0xD57),
    (0xD62, 0xD63),
    (0xD81, 0xD81),
    (0xDCA, 0xDCA),
    (0xDCF, 0xDCF),
    (0xDD2, 0xDD4),
    (0xDD6, 0xDD6),
    (0xDDF, 0xDDF),
    (0xE31, 0xE31),
    (0xE34, 0xE3A),
    (0xE47, 0xE4E),
    (0xEB1, 0xEB1),
    (0xEB4, 0xEBC),
    (0xEC8, 0xECE),
    (0xF18, 0xF19),
    (0xF35, 0xF35),
    (0xF37, 0xF37),
    (0xF39, 0xF39),
    (0xF71, 0xF7E),
    (0xF80, 0xF84),
    (0xF86, 0xF87),
    (0xF8D, 0xF97),
    (0xF99, 0xFBC),
    (0xFC6, 0xFC6),
    (0x102D, 0x1030),
    (0x1032, 0x1037),
    (0x1039, 0x103A),
    (0x103D, 0x103E),
    (0x1058, 0x1059),
    (0x105E, 0x1060),
    (0x1071, 0x1074),
    (0x1082, 0x1082),
    (0x1085, 0x1086),
    (0x108D, 0x108D),
    (0x109D, 0x109D),
    (0x135D, 0x135F),
    (0x1712, 0x1715),
    (0x1732, 0x1734),
    (0x1752, 0x1753),
    (0x1772, 0x1773),
    (0x17B4, 0x17B5),
    (0x17B7, 0x17BD),
    (0x17C6, 0x17C6),
    (0x17C9, 0x17D3),
    (0x17DD, 0x17DD),
    (0x180B, 0x180D),
    (0x180F, 0x180F),
    (0x1885, 0x1886),
    (0x18A9, 0x18A9),
    (0x1920, 0x1922),
    (0x1927, 0x1928),
    (0x1932, 0x1932),
    (0x1939, 0x193B),
    (0x1A17, 0x1A18),
    (0x1A1B, 0x1A1B),
    (0x1A56, 0x1A56),
    (0x1A58, 0x1A5E),
    (0x1A60, 0x1A60),
    (0x1A62, 0x1A62),
    (0x1A65, 0x1A6C),
    (0x1A73, 0x1A7C),
    (0x1A7F, 0x1A7F),
    (0x1AB0, 0x1ADD),
    (0x1AE0, 0x1AEB),
    (0x1B00, 0x1B03),
    (0x1B34, 0x1B3D),
    (0x1B42, 0x1B44),
    (0x1B6B, 0x1B73),
    (0x1B80, 0x1B81),
    (0x1BA2, 0x1BA5),
    (0x1BA8, 0x1BAD),
    (0x1BE6, 0x1BE6),
    (0x1BE8, 0x1BE9),
    (0x1BED, 0x1BED),
    (0x1BEF, 0x1BF3),
    (0x1C2C, 0x1C33),
    (0x1C36, 0x1C37),
    (0x1CD0, 0x1CD2),
    (0x1CD4, 0x1CE0),
    (0x1CE2, 0x1CE8),
    (0x1CED, 0x1CED),
    (0x1CF4, 0x1CF4),
    (0x1CF8, 0x1CF9),
    (0x1DC0, 0x1DFF),
    (0x200C, 0x200C),
    (0x20D0, 0x20F0),
    (0x2CEF, 0x2CF1),
    (0x2D7F, 0x2D7F),
    (0x2DE0, 0x2DFF),
    (0x302A, 0x302F),
    (0x3099, 0x309A),
    (0xA66F, 0xA672),
    (0xA674, 0xA67D),
    (0xA69E, 0xA69F),
    (0xA6F0, 0xA6F1),
    (0xA802, 0xA802),
    (0xA806, 0xA806),
    (0xA80B, 0xA80B),
    (0xA825, 0xA826),
    (0xA82C, 0xA82C),
    (0xA8C4, 0xA8C5),
    (0xA8E0, 0xA8F1),
    (0xA8FF, 0xA8FF),
    (0xA926, 0xA92D),
    (0xA947, 0xA951),
    (0xA953, 0xA953),
    (0xA980, 0xA982),
    (0xA9B3, 0xA9B3),
    (0xA9B6, 0xA9B9),
    (0xA9BC, 0xA9BD),
    (0xA9C0, 0xA9C0),
    (0xA9E5, 0xA9E5),
    (0xAA29, 0xAA2E),
    (0xAA31, 0xAA32),
    (0xAA35, 0xAA36),
    (0xAA43, 0xAA43),
    (0xAA4C, 0xAA4C),
    (0xAA7C, 0xAA7C),
    (0xAAB0, 0xAAB0),
    (0xAAB2, 0xAAB4),
    (0xAAB7, 0xAAB8),
    (0xAABE, 0xAABF),
    (0xAAC1, 0xAAC1),
    (0xAAEC, 0xAAED),
    (0xAAF6, 0xAAF6),
    (0xABE5, 0xABE5),
    (0xABE8, 0xABE8),
    (0xABED, 0xABED),
    (0xFB1E, 0xFB1E),
    (0xFE00, 0xFE0F),
    (0xFE20, 0xFE2F),
    (0xFF9E, 0xFF9F),
    (0x101FD, 0x101FD),
    (0x102E0, 0x102E0),
    (0x10376, 0x1037A),
    (0x10A01, 0x10A03),
    (0x10A05, 0x10A06),
    (0x10A0C, 0x10A0F),
    (0x10A38, 0x10A3A),
    (0x10A3F, 0x10A3F),
    (0x10AE5, 0x10AE6),
    (0x10D24, 0x10D27),
    (0x10D69, 0x10D6D),
    (0x10EAB, 0x10EAC),
    (0x10EFA, 0x10EFF),
    (0x10F46, 0x10F50),
    (0x10F82, 0x10F85),
    (0x11001, 0x11001),
    (0x11038, 0x11046),
    (0x11070, 0x11070),
    (0x11073, 0x11074),
    (0x1107F, 0x11081),
    (0x110B3, 0x110B6),
    (0x110B9, 0x110BA),
    (0x110C2, 0x110C2),
    (0x11100, 0x11102),
    (0x11127, 0x1112B),
    (0x1112D, 0x11134),
    (0x11173, 0x11173),
    (0x11180, 0x11181),
    (0x111B6, 0x111BE),
    (0x111C0, 0x111C0),
    (0x111C9, 0x111CC),
    (0x111CF, 0x111CF),
    (0x1122F, 0x11231),
    (0x11234, 0x11237),
    (0x1123E, 0x1123E),
    (0x11241, 0x11241),
    (0x112DF, 0x112DF),
    (0x112E3, 0x112EA),
    (0x11300, 0x11301),
    (0x1133B, 0x1133C),
    (0x1133E, 0x1133E),
    (0x11340, 0x11340),
    (0x1134D, 0x1134D),
    (0x11357, 0x11357),
    (0x11366, 0x1136C),
    (0x11370, 0x11374),
    (0x113B8, 0x113B8),
    (0x113BB, 0x113C0),
    (0x113C2, 0x113C2),
    (0x113C5, 0x113C5),
    (0x113C7, 0x113C9),
    (0x113CE, 0x113D0),
    (0x113D2, 0x113D2),
    (0x113E1, 0x113E2),
    (0x11438, 0x1143F),
    (0x11442, 0x11444),
    (0x11446, 0x11446),
    (0x1145E, 0x1145E),
    (0x114B0, 0x114B0),
    (0x114B3, 0x114B8),
    (0x114BA, 0x114BA),
    (0x114BD, 0x114BD),
    (0x114BF, 0x114C0),
    (0x114C2, 0x114C3),
    (0x115AF, 0x115AF),
    (0x115B2, 0x115B5),
    (0x115BC, 0x115BD),
    (0x115BF, 0x115C0),
    (0x115DC, 0x115DD),
    (0x11633, 0x1163A),
    (0x1163D, 0x1163D),
    (0x1163F, 0x11640),
    (0x116AB, 0x116AB),
    (0x116AD, 0x116AD),
    (0x116B0, 0x116B7),
    (0x1171D, 0x1171D),
    (0x1171F, 0x1171F),
    (0x11722, 0x11725),
    (0x11727, 0x1172B),
    (0x1182F, 0x11837),
    (0x11839, 0x1183A),
    (0x11930, 0x11930),
    (0x1193B, 0x1193E),
    (0x11943, 0x11943),
    (0x119D4, 0x119D7),
    (0x119DA, 0x119DB),
    (0x119E0, 0x119E0),
    (0x11A01, 0x11A0A),
    (0x11A33, 0x11A38),
    (0x11A3B, 0x11A3E),
    (0x11A47, 0x11A47),
    (0x11A51, 0x11A56),
    (0x11A59, 0x11A5B),
    (0x11A8A, 0x11A96),
    (0x11A98, 0x11A99),
    (0x11B60, 0x11B60),
    (0x11B62, 0x11B64),
    (0x11B66, 0x11B66),
    (0x11C30, 0x11C36),
    (0x11C38, 0x11C3D),
    (0x11C3F, 0x11C3F),
    (0x11C92, 0x11CA7),
    (0x11CAA, 0x11CB0),
    (0x11CB2, 0x11CB3),
    (0x11CB5, 0x11CB6),
    (0x11D31, 0x11D36),
    (0x11D3A, 0x11D3A),
    (0x11D3C, 0x11D3D),
    (0x11D3F, 0x11D45),
    (0x11D47, 0x11D47),
    (0x11D90, 0x11D91),
    (0x11D95, 0x11D95),
    (0x11D97, 0x11D97),
    (0x11EF3, 0x11EF4),
    (0x11F00, 0x11F01),
    (0x11F36, 0x11F3A),
    (0x11F40, 0x11F42),
    (0x11F5A, 0x11F5A),
    (0x13440, 0x13440),
    (0x13447, 0x13455),
    (0x1611E, 0x16129),
    (0x1612D, 0x1612F),
    (0x16AF0, 0x16AF4),
    (0x16B30, 0x16B36),
    (0x16F4F, 0x16F4F),
    (0x16F8F, 0x16F92),
    (0x16FE4, 0x16FE4),
    (0x16FF0, 0x16FF1),
    (0x1BC9D, 0x1BC9E),
    (0x1CF00, 0x1CF2D),
    (0x1CF30, 0x1CF46),
    (0x1D165, 0x1D169),
    (0x1D16D, 0x1D172),
    (0x1D17B, 0x1D182),
    (0x1D185, 0x1D18B),
    (0x1D1AA, 0x1D1AD),
    (0x1D242, 0x1D244),
    (0x1DA00, 0x1DA36),
    (0x1DA3B, 0x1DA6C),
    (0x1DA75, 0x1DA75),
    (0x1DA84, 0x1DA84),
    (0x1DA9B, 0x1DA9F),
    (0x1DAA1, 0x1DAAF),
    (0x1E000, 0x1E006),
    (0x1E008, 0x1E018),
    (0x1E01B, 0x1E021),
    (0x1E023, 0x1E024),
    (0x1E026, 0x1E02A),
    (0x1E08F, 0x1E08F),
    (0x1E130, 0x1E136),
    (0x1E2AE, 0x1E2AE),
    (0x1E2EC, 0x1E2EF),
    (0x1E4EC, 0x1E4EF),
    (0x1E5EE, 0x1E5EF),
    (0x1E6E3, 0x1E6E3),
    (0x1E6E6, 0x1E6E6),
    (0x1E6EE, 0x1E6EF),
    (0x1E6F5, 0x1E6F5),
    (0x1E8D0, 0x1E8D6),
    (0x1E944, 0x1E94A),
    (0x1F3FB, 0x1F3FF),
    (0xE0020, 0xE007F),
    (0xE0100, 0xE01EF),
];

/// `Grapheme_Cluster_Break=SpacingMark` (GB9a).
const SPACING_MARKS_RANGES: &[(u32, u32)] = &[
    (0x903, 0x903),
    (0x93B, 0x93B),
    (0x93E, 0x940),
    (0x949, 0x94C),
    (0x94E, 0x94F),
    (0x982, 0x983),
    (0x9BF, 0x9C0),
    (0x9C7, 0x9C8),
    (0x9CB, 0x9CC),
    (0xA03, 0xA03),
    (0xA3E, 0xA40),
    (0xA83, 0xA83),
    (0xABE, 0xAC0),
    (0xAC9, 0xAC9),
    (0xACB, 0xACC),
    (0xB02, 0xB03),
    (0xB40, 0xB40),
    (0xB47, 0xB48),
    (0xB4B, 0xB4C),
    (0xBBF, 0xBBF),
    (0xBC1, 0xBC2),
    (0xBC6, 0xBC8),
    (0xBCA, 0xBCC),
    (0xC01, 0xC03),
    (0xC41, 0xC44),
    (0xC82, 0xC83),
    (0xCBE, 0xCBE),
    (0xCC1, 0xCC1),
    (0xCC3, 0xCC4),
    (0xCF3, 0xCF3),
    (0xD02, 0xD03),
    (0xD3F, 0xD40),
    (0xD46, 0xD48),
    (0xD4A, 0xD4C),
    (0xD82, 0xD83),
    (0xDD0, 0xDD1),
    (0xDD8, 0xDDE),
    (0xDF2, 0xDF3),
    (0xE33, 0xE33),
    (0xEB3, 0xEB3),
    (0xF3E, 0xF3F),
    (0xF7F, 0xF7F),
    (0x1031, 0x1031),
    (0x103B, 0x103C),
    (0x1056, 0x1057),
    (0x1084, 0x1084),
    (0x17B6, 0x17B6),
    (0x17BE, 0x17C5),
    (0x17C7, 0x17C8),
    (0x1923, 0x1926),
    (0x1929, 0x192B),
    (0x1930, 0x1931),
    (0x1933, 0x1938),
    (0x1A19, 0x1A1A),
    (0x1A55, 0x1A55),
    (0x1A57, 0x1A57),
    (0x1A6D, 0x1A72),
    (0x1B04, 0x1B04),
    (0x1B3E, 0x1B41),
    (0x1B82, 0x1B82),
    (0x1BA1, 0x1BA1),
    (0x1BA6, 0x1BA7),
    (0x1BE7, 0x1BE7),
    (0x1BEA, 0x1BEC),
    (0x1BEE, 0x1BEE),
    (0x1C24, 0x1C2B),
    (0x1C34, 0x1C35),
    (0x1CE1, 0x1CE1),
    (0x1CF7, 0x1CF7),
    (0xA823, 0xA824),
    (0xA827, 0xA827),
    (0xA880, 0xA881),
    (0xA8B4, 0xA8C3),
    (0xA952, 0xA952),
    (0xA983, 0xA983),
    (0xA9B4, 0xA9B5),
    (0xA9BA, 0xA9BB),
    (0xA9BE, 0xA9BF),
    (0xAA2F, 0xAA30),
    (0xAA33, 0xAA34),
    (0xAA4D, 0xAA4D),
    (0xAAEB, 0xAAEB),
    (0xAAEE, 0xAAEF),
    (0xAAF5, 0xAAF5),
    (0xABE3, 0xABE4),
    (0xABE6, 0xABE7),
    (0xABE9, 0xABEA),
    (0xABEC, 0xABEC),
    (0x11000, 0x11000),
    (0x11002, 0x11002),
    (0x11082, 0x11082),
    (0x110B0, 0x110B2),
    (0x110B7, 0x110B8),
    (0x1112C, 0x1112C),
    (0x11145, 0x11146),
    (0x11182, 0x11182),
    (0x111B3, 0x111B5),
    (0x111BF, 0x111BF),
    (0x111CE, 0x111CE),
    (0x1122C, 0x1122E),
    (0x11232, 0x11233),
    (0x112E0, 0x112E2),
    (0x11302, 0x11303),
    (0x1133F, 0x1133F),
    (0x11341, 0x11344),
    (0x11347, 0x11348),
    (0x1134B, 0x1134C),
    (0x11362, 0x11363),
    (0x113B9, 0x113BA),
    (0x113CA, 0x113CA),
    (0x113CC, 0x113CD),
    (0x11435, 0x11437),
    (0x11440, 0x11441),
    (0x11445, 0x11445),
    (0x114B1, 0x114B2),
    (0x114B9, 0x114B9),
    (0x114BB, 0x114BC),
    (0x114BE, 0x114BE),
    (0x114C1, 0x114C1),
    (0x115B0, 0x115B1),
    (0x115B8, 0x115BB),
    (0x115BE, 0x115BE),
    (0x11630, 0x11632),
    (0x1163B, 0x1163C),
    (0x1163E, 0x1163E),
    (0x116AC, 0x116AC),
    (0x116AE, 0x116AF),
    (0x1171E, 0x1171E),
    (0x11726, 0x11726),
    (0x1182C, 0x1182E),
    (0x11838, 0x11838),
    (0x11931, 0x11935),
    (0x11937, 0x11938),
    (0x11940, 0x11940),
    (0x11942, 0x11942),
    (0x119D1, 0x119D3),
    (0x119DC, 0x119DF),
    (0x119E4, 0x119E4),
    (0x11A39, 0x11A39),
    (0x11A57, 0x11A58),
    (0x11A97, 0x11A97),
    (0x11B61, 0x11B61),
    (0x11B65, 0x11B65),
    (0x11B67, 0x11B67),
    (0x11C2F, 0x11C2F),
    (0x11C3E, 0x11C3E),
    (0x11CA9, 0x11CA9),
    (0x11CB1, 0x11CB1),
    (0x11CB4, 0x11CB4),
    (0x11D8A, 0x11D8E),
    (0x11D93, 0x11D94),
    (0x11D96, 0x11D96),
    (0x11EF5, 0x11EF6),
    (0x11F03, 0x11F03),
    (0x11F34, 0x11F35),
    (0x11F3E, 0x11F3F),
    (0x1612A, 0x1612C),
    (0x16F51, 0x16F87),
];

/// Controls, CR and LF (GB4, GB5): they stand alone (CR LF aside).
const CONTROLS_RANGES: &[(u32, u32)] = &[
    (0x0, 0x1F),
    (0x7F, 0x9F),
    (0xAD, 0xAD),
    (0x61C, 0x61C),
    (0x180E, 0x180E),
    (0x200B, 0x200B),
    (0x200E, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF0, 0xFFFB),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE001F),
    (0xE0080, 0xE00FF),
    (0xE01F0, 0xE0FFF),
];

/// Prepend characters (GB9b): they join the cluster *after* them.
const PREPEND_RANGES: &[(u32, u32)] = &[
    (0x600, 0x605),
    (0x6DD, 0x6DD),
    (0x70F, 0x70F),
    (0x890, 0x891),
    (0x8E2, 0x8E2),
    (0xD4E, 0xD4E),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x111C2, 0x111C3),
    (0x113D1, 0x113D1),
    (0x1193F, 0x1193F),
    (0x11941, 0x11941),
    (0x11A84, 0x11A89),
    (0x11D46, 0x11D46),
    (0x11F02, 0x11F02),
];

/// `Extended_Pictographic` (GB11).
const PICTOGRAPHS_RANGES: &[(u32, u32)] = &[
    (0xA9, 0xA9),
    (0xAE, 0xAE),
    (0x203C, 0x203C),
    (0x2049, 0x2049),
    (0x2122, 0x2122),
    (0x2139, 0x2139),
    (0x2194, 0x2199),
    (0x21A9, 0x21AA),
    (0x231A, 0x231B),
    (0x2328, 0x2328),
    (0x23CF, 0x23CF),
    (0x23E9, 0x23F3),
    (0x23F8, 0x23FA),
    (0x24C2, 0x24C2),
    (0x25AA, 0x25AB),
    (0x25B6, 0x25B6),
    (0x25C0, 0x25C0),
    (0x25FB, 0x25FE),
    (0x2600, 0x2604),
    (0x260E, 0x260E),
    (0x2611, 0x2611),
    (0x2614, 0x2615),
    (0x2618, 0x2618),
    (0x261D, 0x261D),
    (0x2620, 0x2620),
    (0x2622, 0x2623),
    (0x2626, 0x2626),
    (0x262A, 0x262A),
    (0x262E, 0x262F),
    (0x2638, 0x263A),
    (0x2640, 0x2640),
    (0x2642, 0x2642),
    (0x2648, 0x2653),
    (0x265F, 0x2660),
    (0x2663, 0x2663),
    (0x2665, 0x2666),
    (0x2668, 0x2668),
    (0x267B, 0x267B),
    (0x267E, 0x267F),
    (0x2692, 0x2697),
    (0x2699, 0x2699),
    (0x269B, 0x269C),
    (0x26A0, 0x26A1),
    (0x26A7, 0x26A7),
    (0x26AA, 0x26AB),
    (0x26B0, 0x26B1),
    (0x26BD, 0x26BE),
    (0x26C4, 0x26C5),
    (0x26C8, 0x26C8),
    (0x26CE, 0x26CF),
    (0x26D1, 0x26D1),
    (0x26D3, 0x26D4),
    (0x26E9, 0x26EA),
    (0x26F0, 0x26F5),
    (0x26F7, 0x26FA),
    (0x26FD, 0x26FD),
    (0x2702, 0x2702),
    (0x2705, 0x2705),
    (0x2708, 0x270D),
    (0x270F, 0x270F),
    (0x2712, 0x2712),
    (0x2714, 0x2714),
    (0x2716, 0x2716),
    (0x271D, 0x271D),
    (0x2721, 0x2721),
    (0x2728, 0x2728),
    (0x2733, 0x2734),
    (0x2744, 0x2744),
    (0x2747, 0x2747),
    (0x274C, 0x274C),
    (0x274E, 0x274E),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2763, 0x2764),
    (0x2795, 0x2797),
    (0x27A1, 0x27A1),
    (0x27B0, 0x27B0),
    (0x27BF, 0x27BF),
    (0x2934, 0x2935),
    (0x2B05, 0x2B07),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3297),
    (0x3299, 0x3299),
    (0x1F004, 0x1F004),
    (0x1F02C, 0x1F02F),
    (0x1F094, 0x1F09F),
    (0x1F0AF, 0x1F0B0),
    (0x1F0C0, 0x1F0C0),
    (0x1F0CF, 0x1F0D0),
    (0x1F0F6, 0x1F0FF),
    (0x1F170, 0x1F171),
    (0x1F17E, 0x1F17F),
    (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A),
    (0x1F1AE, 0x1F1E5),
    (0x1F201, 0x1F20F),
    (0x1F21A, 0x1F21A),
    (0x1F22F, 0x1F22F),
    (0x1F232, 0x1F23A),
    (0x1F23C, 0x1F23F),
    (0x1F249, 0x1F25F),
    (0x1F266, 0x1F321),
    (0x1F324, 0x1F393),
    (0x1F396, 0x1F397),
    (0x1F399, 0x1F39B),
    (0x1F39E, 0x1F3F0),
    (0x1F3F3, 0x1F3F5),
    (0x1F3F7, 0x1F3FA),
    (0x1F400, 0x1F4FD),
    (0x1F4FF, 0x1F53D),
    (0x1F549, 0x1F54E),
    (0x1F550, 0x1F567),
    (0x1F56F, 0x1F570),
    (0x1F573, 0x1F57A),
    (0x1F587, 0x1F587),
    (0x1F58A, 0x1F58D),
    (0x1F590, 0x1F590),
    (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A5),
    (0x1F5A8, 0x1F5A8),
    (0x1F5B1, 0x1F5B2),
    (0x1F5BC, 0x1F5BC),
    (0x1F5C2, 0x1F5C4),
    (0x1F5D1, 0x1F5D3),
    (0x1F5DC, 0x1F5DE),
    (0x1F5E1, 0x1F5E1),
    (0x1F5E3, 0x1F5E3),
    (0x1F5E8, 0x1F5E8),
    (0x1F5EF, 0x1F5EF),
    (0x1F5F3, 0x1F5F3),
    (0x1F5FA, 0x1F64F),
    (0x1F680, 0x1F6C5),
    (0x1F6CB, 0x1F6D2),
    (0x1F6D5, 0x1F6E5),
    (0x1F6E9, 0x1F6E9),
    (0x1F6EB, 0x1F6F0),
    (0x1F6F3, 0x1F6FF),
    (0x1F7DA, 0x1F7FF),
    (0x1F80C, 0x1F80F),
    (0x1F848, 0x1F84F),
    (0x1F85A, 0x1F85F),
    (0x1F888, 0x1F88F),
    (0x1F8AE, 0x1F8AF),
    (0x1F8BC, 0x1F8BF),
    (0x1F8C2, 0x1F8CF),
    (0x1F8D9, 0x1F8FF),
    (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945),
    (0x1F947, 0x1F9FF),
    (0x1FA58, 0x1FA5F),
    (0x1FA6E, 0x1FAFF),
    (0x1FC00, 0x1FFFD),
];

/// `Indic_Conjunct_Break=Consonant` (GB9c).
const CONSONANTS_RANGES: &[(u32, u32)] = &[
    (0x915, 0x939),
    (0x958, 0x95F),
    (0x978, 0x97F),
    (0x995, 0x9A8),
    (0x9AA, 0x9B0),
    (0x9B2, 0x9B2),
    (0x9B6, 0x9B9),
    (0x9DC, 0x9DD),
    (0x9DF, 0x9DF),
    (0x9F0, 0x9F1),
    (0xA95, 0xAA8),
    (0xAAA, 0xAB0),
    (0xAB2, 0xAB3),
    (0xAB5, 0xAB9),
    (0xAF9, 0xAF9),
    (0xB15, 0xB28),
    (0xB2A, 0xB30),
    (0xB32, 0xB33),
    (0xB35, 0xB39),
    (0xB5C, 0xB5D),
    (0xB5F, 0xB5F),
    (0xB71, 0xB71),
    (0xC15, 0xC28),
    (0xC2A, 0xC39),
    (0xC58, 0xC5A),
    (0xD15, 0xD3A),
    (0x1000, 0x102A),
    (0x103F, 0x103F),
    (0x1050, 0x1055),
    (0x105A, 0x105D),
    (0x1061, 0x1061),
    (0x1065, 0x1066),
    (0x106E, 0x1070),
    (0x1075, 0x1081),
    (0x108E, 0x108E),
    (0x1780, 0x17B3),
    (0x1A20, 0x1A54),
    (0x1B0B, 0x1B0C),
    (0x1B13, 0x1B33),
    (0x1B45, 0x1B4C),
    (0x1B83, 0x1BA0),
    (0x1BAE, 0x1BAF),
    (0x1BBB, 0x1BBD),
    (0xA989, 0xA98B),
    (0xA98F, 0xA9B2),
    (0xA9E0, 0xA9E4),
    (0xA9E7, 0xA9EF),
    (0xA9FA, 0xA9FE),
    (0xAA60, 0xAA6F),
    (0xAA71, 0xAA73),
    (0xAA7A, 0xAA7A),
    (0xAA7E, 0xAA7F),
    (0xAAE0, 0xAAEA),
    (0xABC0, 0xABDA),
    (0x10A00, 0x10A00),
    (0x10A10, 0x10A13),
    (0x10A15, 0x10A17),
    (0x10A19, 0x10A35),
    (0x11103, 0x11126),
    (0x11144, 0x11144),
    (0x11147, 0x11147),
    (0x11380, 0x11389),
    (0x1138B, 0x1138B),
    (0x1138E, 0x1138E),
    (0x11390, 0x113B5),
    (0x11900, 0x11906),
    (0x11909, 0x11909),
    (0x1190C, 0x11913),
    (0x11915, 0x11916),
    (0x11918, 0x1192F),
    (0x11A00, 0x11A00),
    (0x11A0B, 0x11A32),
    (0x11A50, 0x11A50),
    (0x11A5C, 0x11A83),
    (0x11F04, 0x11F10),
    (0x11F12, 0x11F33),
];

/// Hangul leading jamo (GB6).
const HANGUL_L_RANGES: &[(u32, u32)] = &[(0x1100, 0x115F), (0xA960, 0xA97C)];

/// Hangul vowel jamo (GB7).
const HANGUL_V_RANGES: &[(u32, u32)] =
    &[(0x1160, 0x11A7), (0xD7B0, 0xD7C6), (0x16D63, 0x16D63), (0x16D67, 0x16D6A)];

/// Hangul trailing jamo (GB8).
const HANGUL_T_RANGES: &[(u32, u32)] = &[(0x11A8, 0x11FF), (0xD7CB, 0xD7FB)];

/// `Indic_Conjunct_Break=Linker` (GB9c).
const LINKERS: &[u32] = &[
    0x94D, 0x9CD, 0xACD, 0xB4D, 0xC4D, 0xD4D, 0x1039, 0x17D2, 0x1A60, 0x1B44, 0x1BAB, 0xA9C0,
    0xAAF6, 0x10A3F, 0x11133, 0x113D0, 0x1193E, 0x11A47, 0x11A99, 0x11F42,
];

const RANGES: [&[(u32, u32)]; 9] = [
    EXTEND_RANGES,
    SPACING_MARKS_RANGES,
    CONTROLS_RANGES,
    PREPEND_RANGES,
    PICTOGRAPHS_RANGES,
    CONSONANTS_RANGES,
    HANGUL_L_RANGES,
    HANGUL_V_RANGES,
    HANGUL_T_RANGES,
];

/// The tables as the module holds them, packed at compile time: each is its number of ranges,
/// then for each range the gap since the end of the one before and its length, all as LEB128
/// numbers (mostly one byte each), a quarter of the bytes of `(u32, u32)` pairs, and smaller
/// once gzipped too (docs/performance.md). They are unpacked once, by the first cluster that
/// needs them ([`ranges`]).
static PACKED: [u8; packed(&RANGES, &mut [])] = {
    let mut out = [0; packed(&RANGES, &mut [])];
    packed(&RANGES, &mut out);
    out
};

/// Writes `tables` packed into `out` (when it is long enough) and returns the packed length.
const fn packed(tables: &[&[(u32, u32)]], out: &mut [u8]) -> usize {
    const fn put(mut x: u32, out: &mut [u8], mut at: usize) -> usize {
        loop {
            let byte = (x & 0x7F) as u8;
            x >>= 7;
            if at < out.len() {
                out[at] = if x > 0 { byte | 0x80 } else { byte };
            }
            at += 1;
            if x == 0 {
                return at;
            }
        }
    }
    let (mut at, mut t) = (0, 0);
    while t < tables.len() {
        let table = tables[t];
        at = put(table.len() as u32, out, at);
        let (mut next, mut i) = (0, 0);
        while i < table.len() {
            let (lo, hi) = table[i];
            assert!(lo >= next && hi >= lo, "property ranges must be sorted and apart");
            at = put(lo - next, out, at);
            at = put(hi - lo, out, at);
            next = hi + 1;
            i += 1;
        }
        t += 1;
    }
    at
}

/// Each table's index in [`RANGES`], and so in [`PACKED`] and [`UNPACKED`].
const EXTEND: usize = 0;
const SPACING_MARKS: usize = 1;
const CONTROLS: usize = 2;
const PREPEND: usize = 3;
const PICTOGRAPHS: usize = 4;
const CONSONANTS: usize = 5;
const HANGUL_L: usize = 6;
const HANGUL_V: usize = 7;
const HANGUL_T: usize = 8;

/// Where each table starts in [`UNPACKED`], and (last) their total length.
const STARTS: [usize; 10] = {
    let mut starts = [0; 10];
    let mut t = 0;
    while t < RANGES.len() {
        starts[t + 1] = starts[t] + RANGES[t].len();
        t += 1;
    }
    starts
};

/// [`PACKED`] unpacked, the tables one after the other, by the first char looked up
/// ([`ranges`]): a static of zeroed memory rather than the heap (tables allocated during the
/// first diff stay in the middle of the heap for good, and every later call then needs more
/// wasm memory), and atomics rather than a `OnceLock`, whose machinery makes the module larger
/// (docs/performance.md). Unpacking twice, as two threads racing might, stores the same
/// numbers. Lookups are remembered per char ([`props`]), so their speed
/// hardly matters.
static UNPACKED: [[AtomicU32; 2]; STARTS[9]] =
    [const { [const { AtomicU32::new(0) }; 2] }; STARTS[9]];
static UNPACKED_READY: AtomicBool = AtomicBool::new(false);

/// The ranges of table `t` (an index into [`RANGES`]), unpacked on first use.
fn ranges(t: usize) -> &'static [[AtomicU32; 2]] {
    if !UNPACKED_READY.load(Ordering::Acquire) {
        let mut bytes = PACKED.iter();
        let mut number = || {
            let (mut x, mut shift) = (0, 0);
            for &b in bytes.by_ref() {
                x |= u32::from(b & 0x7F) << shift;
                shift += 7;
                if b < 0x80 {
                    break;
                }
            }
            x
        };
        // Each table: its count (known from `STARTS`), then for each range the gap since the
        // end of the one before and its length.
        for t in 0..RANGES.len() {
            number();
            let mut next = 0;
            for range in &UNPACKED[STARTS[t]..STARTS[t + 1]] {
                let lo = next + number();
                next = lo + number() + 1;
                range[0].store(lo, Ordering::Relaxed);
                range[1].store(next - 1, Ordering::Relaxed);
            }
        }
        UNPACKED_READY.store(true, Ordering::Release);
    }
    &UNPACKED[STARTS[t]..STARTS[t + 1]]
}

/// Whether `c` is in table `t` (an index into [`RANGES`]).
fn in_ranges(t: usize, c: char) -> bool {
    let (ranges, c) = (ranges(t), c as u32);
    let i = ranges.partition_point(|r| r[1].load(Ordering::Relaxed) < c);
    ranges.get(i).is_some_and(|r| r[0].load(Ordering::Relaxed) <= c)
}

const ZWJ: char = '\u{200D}';

/// A char's properties for the rules: its `Grapheme_Cluster_Break` kind (`KIND_*`, never 0)
/// in the low four bits, and the flags `PICTOGRAPH`, `CONSONANT` and `LINKER`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Props(u8);

const KIND_OTHER: u8 = 1;
const KIND_CONTROL: u8 = 2;
const KIND_PREPEND: u8 = 3;
const KIND_EXTEND: u8 = 4;
const KIND_ZWJ: u8 = 5;
const KIND_SPACING_MARK: u8 = 6;
const KIND_REGIONAL: u8 = 7;
const KIND_L: u8 = 8;
const KIND_V: u8 = 9;
const KIND_T: u8 = 10;
const KIND_LV: u8 = 11;
const KIND_LVT: u8 = 12;
/// `Extended_Pictographic` (GB11).
const PICTOGRAPH: u8 = 0x10;
/// `Indic_Conjunct_Break=Consonant` (GB9c).
const CONSONANT: u8 = 0x20;
/// `Indic_Conjunct_Break=Linker` (GB9c).
const LINKER: u8 = 0x40;

impl Props {
    #[inline]
    fn kind(self) -> u8 {
        self.0 & 0x0F
    }

    #[inline]
    fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
    }

    /// GB9, GB9a: it extends whatever comes before it.
    #[inline]
    fn extends(self) -> bool {
        matches!(self.kind(), KIND_EXTEND | KIND_ZWJ | KIND_SPACING_MARK)
    }
}

/// The properties of `c`, looked up in the tables once per char ([`crate::unicode::char_memo`]).
#[inline]
fn props(c: char) -> Props {
    static KNOWN: CharMemo = CharMemo::new();
    Props(KNOWN.get(c, |c| lookup(c).0))
}

/// [`props`] from the tables. The kinds are exclusive (a unit test checks every char).
fn lookup(c: char) -> Props {
    let kind = if in_ranges(CONTROLS, c) {
        KIND_CONTROL
    } else if in_ranges(PREPEND, c) {
        KIND_PREPEND
    } else if c == ZWJ {
        KIND_ZWJ
    } else if in_ranges(EXTEND, c) {
        KIND_EXTEND
    } else if in_ranges(SPACING_MARKS, c) {
        KIND_SPACING_MARK
    } else if ('\u{1F1E6}'..='\u{1F1FF}').contains(&c) {
        KIND_REGIONAL
    } else if ('\u{AC00}'..='\u{D7A3}').contains(&c) {
        if (c as u32 - 0xAC00) % 28 == 0 {
            KIND_LV
        } else {
            KIND_LVT
        }
    } else if in_ranges(HANGUL_L, c) {
        KIND_L
    } else if in_ranges(HANGUL_V, c) {
        KIND_V
    } else if in_ranges(HANGUL_T, c) {
        KIND_T
    } else {
        KIND_OTHER
    };
    let flag = |yes: bool, flag: u8| if yes { flag } else { 0 };
    Props(
        kind | flag(in_ranges(PICTOGRAPHS, c), PICTOGRAPH)
            | flag(in_ranges(CONSONANTS, c), CONSONANT)
            | flag(LINKERS.contains(&(c as u32)), LINKER),
    )
}

/// Whether a cluster holding `prev` goes on with `next`, by the rules that look at these two
/// chars only (GB4–9b, GB6–8, and GB12/13 for the first pair of regional indicators).
#[inline]
fn pair_joins(prev: Props, next: Props) -> bool {
    if prev.kind() == KIND_CONTROL || next.kind() == KIND_CONTROL {
        return false;
    }
    prev.kind() == KIND_PREPEND
        || next.extends()
        || matches!(
            (prev.kind(), next.kind()),
            (KIND_L, KIND_L | KIND_V | KIND_LV | KIND_LVT)
                | (KIND_LV | KIND_V, KIND_V | KIND_T)
                | (KIND_LVT | KIND_T, KIND_T)
                | (KIND_REGIONAL, KIND_REGIONAL)
        )
}

/// How `c` may take part in a cluster with a neighbour, for callers that want to skip
/// [`cluster_end`] where it would return one char: `(before, after)`, where `before` says that
/// `c` may join the char after it (CR, Prepend, a leading Hangul jamo, regional indicators) and
/// `after` that it may join the char before it (Extend, ZWJ, SpacingMark, LF, a vowel or
/// trailing Hangul jamo, regional indicators). A char `c` followed by `n` is a cluster of its
/// own whenever `c` has no `before` and `n` no `after`. A Hangul syllable has neither: what
/// joins it (a vowel or trailing jamo, a mark) has `after`, and what it joins (a leading jamo)
/// has `before`, so that Korean text, a syllable after another, never needs the rules.
pub(crate) fn joining(c: char) -> (bool, bool) {
    let p = props(c);
    let regional = p.kind() == KIND_REGIONAL;
    (
        c == '\r' || matches!(p.kind(), KIND_PREPEND | KIND_L) || regional,
        c == '\n' || p.extends() || matches!(p.kind(), KIND_V | KIND_T) || regional,
    )
}

/// How `c` takes part in the commonest clusters, a char and its combining marks, for callers
/// that skip [`cluster_end`] over them: `(base, plain_mark, linker)`, where `base` says that a
/// mark after `c` joins it (`c` is no control), `plain_mark` that `c` is an Extend or
/// SpacingMark with no other part in the rules (no ZWJ, Indic linker or consonant, pictograph),
/// and `linker` that `c` is an Indic conjunct linker (a virama: `Indic_Conjunct_Break=Linker`).
/// A char with `base` and without `before` (see [`joining`]), followed by plain marks, is one
/// cluster with them, which goes on exactly while the next char is a plain mark and ends before
/// any char without `after`: no rule but GB9 and GB9a applies after such a run. A linker
/// joins the char before it as a plain mark does (it is Extend); what it adds is GB9c: an Indic
/// consonant after it joins the cluster when the cluster holds a consonant before it
/// (`conjunct_consonant`, which the tests hold to the table).
pub(crate) fn plain_marks(c: char) -> (bool, bool, bool) {
    let p = props(c);
    (
        p.kind() != KIND_CONTROL,
        matches!(p.kind(), KIND_EXTEND | KIND_SPACING_MARK)
            && !p.has(PICTOGRAPH | CONSONANT | LINKER),
        p.has(LINKER),
    )
}

/// Whether `c` is an Indic consonant (`Indic_Conjunct_Break=Consonant`), which GB9c joins to a
/// cluster holding a consonant and a linker before it. Such a char starts no rule but GB9c: it
/// is no mark, Hangul, pictograph or regional indicator (a test checks every char).
#[cfg(test)]
pub(crate) fn conjunct_consonant(c: char) -> bool {
    props(c).has(CONSONANT)
}

/// The end (byte offset) of the grapheme cluster that starts at byte `start` of `text`
/// (`start` must be a char boundary; at the end of the text the cluster is empty).
pub(crate) fn cluster_end(text: &str, start: usize) -> usize {
    if start >= text.len() {
        return start;
    }
    let (first, len) = char_at(text, start);
    let mut end = start + len;
    if first == '\r' {
        return if text.as_bytes().get(end) == Some(&b'\n') { end + 1 } else { end };
    }
    let mut prev = props(first);
    // GB11: the cluster ends in a pictograph and Extend*; and: it ends in such a run and a ZWJ.
    let mut pictograph = prev.has(PICTOGRAPH);
    let mut pictograph_zwj = false;
    // GB12/13: regional indicators in a row so far.
    let mut regional = usize::from(prev.kind() == KIND_REGIONAL);
    // GB9c: 0 nothing, 1 a consonant then Extend/Linker*, 2 the same with a Linker among them.
    let mut conjunct = u8::from(prev.has(CONSONANT));
    while end < text.len() {
        let (c, len) = char_at(text, end);
        let next = props(c);
        let join = if next.kind() == KIND_REGIONAL && prev.kind() == KIND_REGIONAL {
            regional % 2 == 1
        } else if pair_joins(prev, next) {
            true
        } else if next.kind() == KIND_CONTROL || prev.kind() == KIND_CONTROL {
            false
        } else if conjunct == 2 && next.has(CONSONANT) {
            true
        } else {
            pictograph_zwj && next.has(PICTOGRAPH)
        };
        if !join {
            break;
        }
        regional = if next.kind() == KIND_REGIONAL { regional + 1 } else { 0 };
        conjunct = if next.has(CONSONANT) {
            1
        } else if next.has(LINKER) && conjunct > 0 {
            2
        } else if c == ZWJ || (c != '\u{200C}' && next.kind() == KIND_EXTEND) {
            // `InCB=Extend` is approximated by Extend (ZWNJ aside) and ZWJ; it is Extend with a
            // nonzero combining class: that property's table would cost the module more than the
            // rare vowel sign written between a virama and the next consonant is worth.
            conjunct
        } else {
            0
        };
        // GB11 looks back over Extend* only: a ZWJ ends the run it may continue.
        if c == ZWJ {
            pictograph_zwj = pictograph;
            pictograph = false;
        } else {
            pictograph_zwj = false;
            if next.kind() != KIND_EXTEND {
                pictograph = next.has(PICTOGRAPH);
            }
        }
        end += len;
        prev = next;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn packed_tables_unpack_to_the_ranges() {
        for (t, table) in RANGES.iter().enumerate() {
            let unpacked: Vec<(u32, u32)> = ranges(t)
                .iter()
                .map(|r| (r[0].load(Ordering::Relaxed), r[1].load(Ordering::Relaxed)))
                .collect();
            assert_eq!(unpacked, *table, "table {t}");
        }
        // Numbers of one, two and three bytes: a gap of 0x80 and a length of 0x4000 included.
        let mut out = [0; 16];
        let len = packed(&[&[(0x80, 0x4080)], &[]], &mut out);
        assert_eq!(&out[..len], [1, 0x80, 1, 0x80, 0x80, 1, 0]);
    }

    #[test]
    fn every_char_has_one_kind_and_its_flags() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let syllable = ('\u{AC00}'..='\u{D7A3}').contains(&c);
            let kinds = [
                (in_ranges(CONTROLS, c), KIND_CONTROL),
                (in_ranges(PREPEND, c), KIND_PREPEND),
                (c == ZWJ, KIND_ZWJ),
                (in_ranges(EXTEND, c), KIND_EXTEND),
                (in_ranges(SPACING_MARKS, c), KIND_SPACING_MARK),
                (('\u{1F1E6}'..='\u{1F1FF}').contains(&c), KIND_REGIONAL),
                (syllable && (c as u32 - 0xAC00) % 28 == 0, KIND_LV),
                (syllable && (c as u32 - 0xAC00) % 28 != 0, KIND_LVT),
                (in_ranges(HANGUL_L, c), KIND_L),
                (in_ranges(HANGUL_V, c), KIND_V),
                (in_ranges(HANGUL_T, c), KIND_T),
            ];
            let held: Vec<u8> = kinds.iter().filter(|k| k.0).map(|k| k.1).collect();
            assert!(held.len() <= 1, "{c:?} has kinds {held:?}");
            // Twice: the second answer comes from the memo for the Basic Multilingual Plane.
            for p in [props(c), props(c)] {
                assert_eq!(p.kind(), held.first().copied().unwrap_or(KIND_OTHER), "{c:?}");
                assert_eq!(p.has(PICTOGRAPH), in_ranges(PICTOGRAPHS, c), "{c:?}");
                assert_eq!(p.has(CONSONANT), in_ranges(CONSONANTS, c), "{c:?}");
                assert_eq!(p.has(LINKER), LINKERS.contains(&(c as u32)), "{c:?}");
                if p.has(CONSONANT) {
                    assert!(p.kind() == KIND_OTHER && !p.has(PICTOGRAPH), "{c:?}");
                }
            }
        }
    }

    #[test]
    fn a_char_with_neither_joining_side_is_a_cluster_of_its_own() {
        let chars = [
            "a",
            "\r",
            "\n",
            "\u{301}",
            "\u{200D}",
            "\u{890}",
            "\u{D4E}",
            "\u{600}",
            "\u{1F1FA}",
            "\u{1100}",
            "\u{1161}",
            "\u{11A8}",
            "\u{AC00}",
            "\u{AC01}",
            "\u{915}",
            "\u{94D}",
            "\u{93F}",
            "\u{1F44D}",
            "\u{1F3FD}",
            "\0",
            "ж",
            "\u{E33}",
        ];
        let mut joined = 0;
        for first in chars {
            for second in chars {
                let text = format!("{first}{second}");
                let one = text.graphemes(true).next() == Some(first);
                assert_eq!(cluster_end(&text, 0) == first.len(), one, "{text:?}");
                let (before, _) = joining(first.chars().next().unwrap());
                let (_, after) = joining(second.chars().next().unwrap());
                assert!(one || before || after, "{text:?}");
                joined += usize::from(!one);
            }
        }
        assert!(joined > 60, "{joined}");
    }

    fn clusters(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let e = cluster_end(text, i);
            out.push(&text[i..e]);
            i = e;
        }
        out
    }

    #[test]
    fn common_clusters() {
        assert_eq!(clusters("e\u{301}x"), ["e\u{301}", "x"]);
        assert_eq!(clusters("\r\n\n"), ["\r\n", "\n"]);
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(clusters(family), [family]);
        assert_eq!(
            clusters("\u{1F1FA}\u{1F1E6}\u{1F1EB}\u{1F1F7}"),
            ["\u{1F1FA}\u{1F1E6}", "\u{1F1EB}\u{1F1F7}"]
        );
        assert_eq!(clusters("\u{1100}\u{1161}\u{11A8}"), ["\u{1100}\u{1161}\u{11A8}"]);
        assert_eq!(clusters("\u{1F44D}\u{1F3FD}"), ["\u{1F44D}\u{1F3FD}"]);
        // क्ष: a conjunct is one cluster since Unicode 15.1.
        assert_eq!(clusters("\u{915}\u{94D}\u{937}"), ["\u{915}\u{94D}\u{937}"]);
        assert_eq!(clusters("a\u{200D}b"), ["a\u{200D}", "b"]);
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        #[test]
        fn agrees_with_unicode_segmentation(
            text in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "7", " ", "\t", "\n", "\r", "'", "-", ".", "\u{2019}", "\u{301}", "\u{308}", "\u{200D}",
                "\u{200C}", "\u{FE0F}", "\u{1F44D}", "\u{1F3FD}", "\u{1F1FA}", "\u{1F1E6}", "\u{2764}", "é", "Ж",
                "日", "の", "한", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{AC00}", "क", "ष", "\u{93F}", "\u{94D}", "ש",
                "\u{5B8}", "ت", "\u{64E}", "\u{600}", "\u{a0}", "\u{3099}", "\u{E01}", "\u{E31}", "\u{E33}",
                "\u{feff}", "\0", "\u{E0067}", "\u{1F3F4}", "\u{102B}", "\u{1000}", "\u{1039}", "\u{AD}",
                "\u{890}", "\u{D4E}", "\u{D15}", "\u{D4D}",
            ]), 0..30).prop_map(|parts: Vec<&'static str>| -> String { parts.concat() })
        ) {
            let expected: Vec<&str> = text.graphemes(true).collect();
            proptest::prop_assert_eq!(clusters(&text), expected);
        }
    }
}
