//! Typographic folding: which characters count as the same for matching and for deciding that a
//! change is cosmetic.
//!
//! Folding never changes the text carried in the model; it only produces comparison keys.
//!
//! * quotes and apostrophes: `‘ ’ ‚ ‛ ′ ʼ` → `'`, `“ ” „ ‟ ″ « »` → `"`
//! * dashes and hyphens: `‐ ‑ ‒ – — ― − ⁃` → `-` (runs of dashes collapse in [`fold_text`])
//! * `…` → `...`
//! * every Unicode whitespace (no-break and thin spaces included) → one space per run
//! * letter case, when the caller asks ([`Fold::ignore_case`])
//! * Unicode normal forms, where they part most often: a precomposed Latin letter (`é`, `ệ`) and
//!   a Hangul syllable (`한`) fold to their canonical decompositions (`e` + U+0301, `ᄒ` + `ᅡ` +
//!   `ᆫ`), so text pasted from a system that writes NFD (macOS) matches its NFC twin

/// What to fold besides typography.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Fold {
    /// Compare letters case-insensitively.
    pub ignore_case: bool,
    /// Drop whitespace entirely in [`fold_text`] (so adding a space between words is cosmetic).
    pub ignore_whitespace: bool,
}

/// The typographic class of one character, or `None` when it folds to itself.
#[inline]
pub(crate) fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Some('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{2043}' => Some('-'),
        _ => None,
    }
}

/// Appends the comparison key of `text` (one token) to `out`.
///
/// Whitespace tokens all get the key `" "`: the amount and kind of whitespace never decides a
/// match, which is what makes a paragraph break inside a sentence cosmetic.
pub(crate) fn fold_token_into(text: &str, fold: Fold, out: &mut String) {
    if text.chars().next().is_some_and(char::is_whitespace) {
        out.push(' ');
        return;
    }
    for c in text.chars() {
        if c == '\u{2026}' {
            out.push_str("...");
        } else if let Some(f) = fold_char(c) {
            // A run of dashes folds to one (`--` and `—` are the same mark).
            if !(f == '-' && out.ends_with('-')) {
                out.push(f);
            }
        } else if c == '-' {
            if !out.ends_with('-') {
                out.push('-');
            }
        } else {
            push_decomposed(c, fold, out);
        }
    }
}

/// Appends `c`, or its canonical decomposition where [`DECOMPOSITIONS`] or the Hangul syllable
/// block has one, lowercased with [`Fold::ignore_case`].
#[inline]
fn push_decomposed(c: char, fold: Fold, out: &mut String) {
    let cased = |c: char| if fold.ignore_case { lowercase(c) } else { c };
    let code = c as u32;
    if (0xAC00..=0xD7A3).contains(&code) {
        // Hangul syllables decompose by arithmetic (The Unicode Standard, 3.12).
        let s = code - 0xAC00;
        let jamo = [0x1100 + s / 588, 0x1161 + s % 588 / 28, 0x11A7 + s % 28];
        for j in jamo.into_iter().filter(|&j| j != 0x11A7) {
            out.push(char::from_u32(j).unwrap_or(c));
        }
        return;
    }
    let latin = (0xC0..=0x24F).contains(&code) || (0x1E00..=0x1EFF).contains(&code);
    let found =
        if latin { DECOMPOSITIONS.binary_search_by_key(&code, |d| d >> 19).ok() } else { None };
    let Some(d) = found.map(|i| DECOMPOSITIONS[i]) else {
        out.push(cased(c));
        return;
    };
    out.push(cased(char::from(0x40 + (d >> 12 & 63) as u8)));
    for mark in [d >> 6 & 63, d & 63].into_iter().filter(|&m| m != 63) {
        out.push(char::from_u32(0x300 + mark).unwrap_or(c));
    }
}

/// Whether `text` needs [`fold_token_into`] at all: plain ASCII without upper case (when case is
/// ignored) is its own key, which keeps interning allocation-free on most English text.
#[inline]
pub(crate) fn is_own_key(text: &str, fold: Fold) -> bool {
    let bytes = text.as_bytes();
    // Whitespace tokens all share the key " ": only a lone space is its own key.
    if bytes.first().is_some_and(u8::is_ascii_whitespace) {
        return text == " ";
    }
    bytes.iter().all(|&b| b.is_ascii() && !(fold.ignore_case && b.is_ascii_uppercase()))
        && !bytes.windows(2).any(|w| w == b"--")
}

/// The folded form of a whole change, for deciding whether it is cosmetic: typography folded,
/// whitespace runs collapsed to one space (or dropped with [`Fold::ignore_whitespace`]), dash runs
/// collapsed to one dash.
pub(crate) fn fold_text(text: &str, fold: Fold) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    let mut last_dash = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !fold.ignore_whitespace && !last_space {
                out.push(' ');
            }
            last_space = true;
            last_dash = false;
            continue;
        }
        last_space = false;
        let f = fold_char(c).unwrap_or(c);
        if f == '-' {
            if !last_dash {
                out.push('-');
            }
            last_dash = true;
            continue;
        }
        last_dash = false;
        if f == '\u{2026}' {
            out.push_str("...");
        } else {
            push_decomposed(f, fold, &mut out);
        }
    }
    out
}

/// Canonical decompositions (Unicode 14.0.0, NFD) of the precomposed Latin letters in
/// U+00C0–U+024F and U+1E00–U+1EFF whose base is an ASCII letter, one `u32` each: the letter
/// (13 bits), its base minus 0x40 (6 bits), then its one or two combining marks as offsets
/// from U+0300 (6 bits each; 63: no second mark). Generated with Python's `unicodedata`.
const DECOMPOSITIONS: &[u32] = &[
    0x0600103F, 0x0608107F, 0x061010BF, 0x061810FF, 0x0620123F, 0x062812BF, 0x063839FF, 0x0640503F,
    0x0648507F, 0x065050BF, 0x0658523F, 0x0660903F, 0x0668907F, 0x067090BF, 0x0678923F, 0x0688E0FF,
    0x0690F03F, 0x0698F07F, 0x06A0F0BF, 0x06A8F0FF, 0x06B0F23F, 0x06C9503F, 0x06D1507F, 0x06D950BF,
    0x06E1523F, 0x06E9907F, 0x0702103F, 0x070A107F, 0x071210BF, 0x071A10FF, 0x0722123F, 0x072A12BF,
    0x073A39FF, 0x0742503F, 0x074A507F, 0x075250BF, 0x075A523F, 0x0762903F, 0x076A907F, 0x077290BF,
    0x077A923F, 0x078AE0FF, 0x0792F03F, 0x079AF07F, 0x07A2F0BF, 0x07AAF0FF, 0x07B2F23F, 0x07CB503F,
    0x07D3507F, 0x07DB50BF, 0x07E3523F, 0x07EB907F, 0x07FB923F, 0x0800113F, 0x080A113F, 0x081011BF,
    0x081A11BF, 0x08201A3F, 0x082A1A3F, 0x0830307F, 0x083A307F, 0x084030BF, 0x084A30BF, 0x085031FF,
    0x085A31FF, 0x0860333F, 0x086A333F, 0x0870433F, 0x087A433F, 0x0890513F, 0x089A513F, 0x08A051BF,
    0x08AA51BF, 0x08B051FF, 0x08BA51FF, 0x08C05A3F, 0x08CA5A3F, 0x08D0533F, 0x08DA533F, 0x08E070BF,
    0x08EA70BF, 0x08F071BF, 0x08FA71BF, 0x090071FF, 0x090A71FF, 0x091079FF, 0x091A79FF, 0x092080BF,
    0x092A80BF, 0x094090FF, 0x094A90FF, 0x0950913F, 0x095A913F, 0x096091BF, 0x096A91BF, 0x09709A3F,
    0x097A9A3F, 0x098091FF, 0x09A0A0BF, 0x09AAA0BF, 0x09B0B9FF, 0x09BAB9FF, 0x09C8C07F, 0x09D2C07F,
    0x09D8C9FF, 0x09E2C9FF, 0x09E8C33F, 0x09F2C33F, 0x0A18E07F, 0x0A22E07F, 0x0A28E9FF, 0x0A32E9FF,
    0x0A38E33F, 0x0A42E33F, 0x0A60F13F, 0x0A6AF13F, 0x0A70F1BF, 0x0A7AF1BF, 0x0A80F2FF, 0x0A8AF2FF,
    0x0AA1207F, 0x0AAB207F, 0x0AB129FF, 0x0ABB29FF, 0x0AC1233F, 0x0ACB233F, 0x0AD1307F, 0x0ADB307F,
    0x0AE130BF, 0x0AEB30BF, 0x0AF139FF, 0x0AFB39FF, 0x0B01333F, 0x0B0B333F, 0x0B1149FF, 0x0B1B49FF,
    0x0B21433F, 0x0B2B433F, 0x0B4150FF, 0x0B4B50FF, 0x0B51513F, 0x0B5B513F, 0x0B6151BF, 0x0B6B51BF,
    0x0B7152BF, 0x0B7B52BF, 0x0B8152FF, 0x0B8B52FF, 0x0B915A3F, 0x0B9B5A3F, 0x0BA170BF, 0x0BAB70BF,
    0x0BB190BF, 0x0BBB90BF, 0x0BC1923F, 0x0BC9A07F, 0x0BD3A07F, 0x0BD9A1FF, 0x0BE3A1FF, 0x0BE9A33F,
    0x0BF3A33F, 0x0D00F6FF, 0x0D0AF6FF, 0x0D7956FF, 0x0D8356FF, 0x0E68133F, 0x0E72133F, 0x0E78933F,
    0x0E82933F, 0x0E88F33F, 0x0E92F33F, 0x0E99533F, 0x0EA3533F, 0x0EA95204, 0x0EB35204, 0x0EB95201,
    0x0EC35201, 0x0EC9520C, 0x0ED3520C, 0x0ED95200, 0x0EE35200, 0x0EF01204, 0x0EFA1204, 0x0F0011C4,
    0x0F0A11C4, 0x0F30733F, 0x0F3A733F, 0x0F40B33F, 0x0F4AB33F, 0x0F50FA3F, 0x0F5AFA3F, 0x0F60FA04,
    0x0F6AFA04, 0x0F82A33F, 0x0FA0707F, 0x0FAA707F, 0x0FC0E03F, 0x0FCAE03F, 0x0FD01281, 0x0FDA1281,
    0x100013FF, 0x100A13FF, 0x1010147F, 0x101A147F, 0x102053FF, 0x102A53FF, 0x1030547F, 0x103A547F,
    0x104093FF, 0x104A93FF, 0x1050947F, 0x105A947F, 0x1060F3FF, 0x106AF3FF, 0x1070F47F, 0x107AF47F,
    0x108123FF, 0x108B23FF, 0x1091247F, 0x109B247F, 0x10A153FF, 0x10AB53FF, 0x10B1547F, 0x10BB547F,
    0x10C139BF, 0x10CB39BF, 0x10D149BF, 0x10DB49BF, 0x10F0833F, 0x10FA833F, 0x113011FF, 0x113A11FF,
    0x114059FF, 0x114A59FF, 0x1150F204, 0x115AF204, 0x1160F0C4, 0x116AF0C4, 0x1170F1FF, 0x117AF1FF,
    0x1180F1C4, 0x118AF1C4, 0x1191913F, 0x119B913F, 0xF000197F, 0xF00A197F, 0xF01021FF, 0xF01A21FF,
    0xF02028FF, 0xF02A28FF, 0xF0302C7F, 0xF03A2C7F, 0xF04039C1, 0xF04A39C1, 0xF05041FF, 0xF05A41FF,
    0xF06048FF, 0xF06A48FF, 0xF0704C7F, 0xF07A4C7F, 0xF08049FF, 0xF08A49FF, 0xF0904B7F, 0xF09A4B7F,
    0xF0A05100, 0xF0AA5100, 0xF0B05101, 0xF0BA5101, 0xF0C05B7F, 0xF0CA5B7F, 0xF0D05C3F, 0xF0DA5C3F,
    0xF0E059C6, 0xF0EA59C6, 0xF0F061FF, 0xF0FA61FF, 0xF100713F, 0xF10A713F, 0xF11081FF, 0xF11A81FF,
    0xF12088FF, 0xF12A88FF, 0xF130823F, 0xF13A823F, 0xF14089FF, 0xF14A89FF, 0xF1508BBF, 0xF15A8BBF,
    0xF1609C3F, 0xF16A9C3F, 0xF1709201, 0xF17A9201, 0xF180B07F, 0xF18AB07F, 0xF190B8FF, 0xF19AB8FF,
    0xF1A0BC7F, 0xF1AABC7F, 0xF1B0C8FF, 0xF1BAC8FF, 0xF1C0C8C4, 0xF1CAC8C4, 0xF1D0CC7F, 0xF1DACC7F,
    0xF1E0CB7F, 0xF1EACB7F, 0xF1F0D07F, 0xF1FAD07F, 0xF200D1FF, 0xF20AD1FF, 0xF210D8FF, 0xF21AD8FF,
    0xF220E1FF, 0xF22AE1FF, 0xF230E8FF, 0xF23AE8FF, 0xF240EC7F, 0xF24AEC7F, 0xF250EB7F, 0xF25AEB7F,
    0xF260F0C1, 0xF26AF0C1, 0xF270F0C8, 0xF27AF0C8, 0xF280F100, 0xF28AF100, 0xF290F101, 0xF29AF101,
    0xF2A1007F, 0xF2AB007F, 0xF2B101FF, 0xF2BB01FF, 0xF2C121FF, 0xF2CB21FF, 0xF2D128FF, 0xF2DB28FF,
    0xF2E128C4, 0xF2EB28C4, 0xF2F12C7F, 0xF2FB2C7F, 0xF30131FF, 0xF30B31FF, 0xF31138FF, 0xF31B38FF,
    0xF3213047, 0xF32B3047, 0xF3313307, 0xF33B3307, 0xF34138C7, 0xF34B38C7, 0xF35141FF, 0xF35B41FF,
    0xF36148FF, 0xF36B48FF, 0xF3714C7F, 0xF37B4C7F, 0xF3814B7F, 0xF38B4B7F, 0xF391593F, 0xF39B593F,
    0xF3A15C3F, 0xF3AB5C3F, 0xF3B15B7F, 0xF3BB5B7F, 0xF3C150C1, 0xF3CB50C1, 0xF3D15108, 0xF3DB5108,
    0xF3E160FF, 0xF3EB60FF, 0xF3F168FF, 0xF3FB68FF, 0xF401703F, 0xF40B703F, 0xF411707F, 0xF41B707F,
    0xF421723F, 0xF42B723F, 0xF43171FF, 0xF43B71FF, 0xF44178FF, 0xF44B78FF, 0xF45181FF, 0xF45B81FF,
    0xF461823F, 0xF46B823F, 0xF47191FF, 0xF47B91FF, 0xF481A0BF, 0xF48BA0BF, 0xF491A8FF, 0xF49BA8FF,
    0xF4A1AC7F, 0xF4ABAC7F, 0xF4B28C7F, 0xF4BB423F, 0xF4C372BF, 0xF4CB92BF, 0xF50018FF, 0xF50A18FF,
    0xF510127F, 0xF51A127F, 0xF5201081, 0xF52A1081, 0xF5301080, 0xF53A1080, 0xF5401089, 0xF54A1089,
    0xF5501083, 0xF55A1083, 0xF56018C2, 0xF56A18C2, 0xF5701181, 0xF57A1181, 0xF5801180, 0xF58A1180,
    0xF5901189, 0xF59A1189, 0xF5A01183, 0xF5AA1183, 0xF5B018C6, 0xF5BA18C6, 0xF5C058FF, 0xF5CA58FF,
    0xF5D0527F, 0xF5DA527F, 0xF5E050FF, 0xF5EA50FF, 0xF5F05081, 0xF5FA5081, 0xF6005080, 0xF60A5080,
    0xF6105089, 0xF61A5089, 0xF6205083, 0xF62A5083, 0xF63058C2, 0xF63A58C2, 0xF640927F, 0xF64A927F,
    0xF65098FF, 0xF65A98FF, 0xF660F8FF, 0xF66AF8FF, 0xF670F27F, 0xF67AF27F, 0xF680F081, 0xF68AF081,
    0xF690F080, 0xF69AF080, 0xF6A0F089, 0xF6AAF089, 0xF6B0F083, 0xF6BAF083, 0xF6C0F8C2, 0xF6CAF8C2,
    0xF6D0F6C1, 0xF6DAF6C1, 0xF6E0F6C0, 0xF6EAF6C0, 0xF6F0F6C9, 0xF6FAF6C9, 0xF700F6C3, 0xF70AF6C3,
    0xF710F6E3, 0xF71AF6E3, 0xF72158FF, 0xF72B58FF, 0xF731527F, 0xF73B527F, 0xF74156C1, 0xF74B56C1,
    0xF75156C0, 0xF75B56C0, 0xF76156C9, 0xF76B56C9, 0xF77156C3, 0xF77B56C3, 0xF78156E3, 0xF78B56E3,
    0xF791903F, 0xF79B903F, 0xF7A198FF, 0xF7AB98FF, 0xF7B1927F, 0xF7BB927F, 0xF7C190FF, 0xF7CB90FF,
];

/// Simple lowercase mappings outside ASCII as runs `(first, last, delta, stride)`: every
/// `stride`-th char from `first` to `last` lowercases to itself plus `delta`. Generated from the
/// Unicode 14.0.0 database (one-char mappings only), 180 runs instead of the standard library's
/// 1,400-entry table, whose size in the wasm module (docs/performance.md) is too much for an
/// option most calls leave off.
const LOWERCASE: &[(u32, u32, i32, u32)] = &[
    (0xC0, 0xD6, 32, 1),
    (0xD8, 0xDE, 32, 1),
    (0x100, 0x12E, 1, 2),
    (0x132, 0x136, 1, 2),
    (0x139, 0x147, 1, 2),
    (0x14A, 0x176, 1, 2),
    (0x178, 0x178, -121, 1),
    (0x179, 0x17D, 1, 2),
    (0x181, 0x181, 210, 1),
    (0x182, 0x184, 1, 2),
    (0x186, 0x186, 206, 1),
    (0x187, 0x187, 1, 1),
    (0x189, 0x18A, 205, 1),
    (0x18B, 0x18B, 1, 1),
    (0x18E, 0x18E, 79, 1),
    (0x18F, 0x18F, 202, 1),
    (0x190, 0x190, 203, 1),
    (0x191, 0x191, 1, 1),
    (0x193, 0x193, 205, 1),
    (0x194, 0x194, 207, 1),
    (0x196, 0x196, 211, 1),
    (0x197, 0x197, 209, 1),
    (0x198, 0x198, 1, 1),
    (0x19C, 0x19C, 211, 1),
    (0x19D, 0x19D, 213, 1),
    (0x19F, 0x19F, 214, 1),
    (0x1A0, 0x1A4, 1, 2),
    (0x1A6, 0x1A6, 218, 1),
    (0x1A7, 0x1A7, 1, 1),
    (0x1A9, 0x1A9, 218, 1),
    (0x1AC, 0x1AC, 1, 1),
    (0x1AE, 0x1AE, 218, 1),
    (0x1AF, 0x1AF, 1, 1),
    (0x1B1, 0x1B2, 217, 1),
    (0x1B3, 0x1B5, 1, 2),
    (0x1B7, 0x1B7, 219, 1),
    (0x1B8, 0x1B8, 1, 1),
    (0x1BC, 0x1BC, 1, 1),
    (0x1C4, 0x1C4, 2, 1),
    (0x1C5, 0x1C5, 1, 1),
    (0x1C7, 0x1C7, 2, 1),
    (0x1C8, 0x1C8, 1, 1),
    (0x1CA, 0x1CA, 2, 1),
    (0x1CB, 0x1DB, 1, 2),
    (0x1DE, 0x1EE, 1, 2),
    (0x1F1, 0x1F1, 2, 1),
    (0x1F2, 0x1F4, 1, 2),
    (0x1F6, 0x1F6, -97, 1),
    (0x1F7, 0x1F7, -56, 1),
    (0x1F8, 0x21E, 1, 2),
    (0x220, 0x220, -130, 1),
    (0x222, 0x232, 1, 2),
    (0x23A, 0x23A, 10795, 1),
    (0x23B, 0x23B, 1, 1),
    (0x23D, 0x23D, -163, 1),
    (0x23E, 0x23E, 10792, 1),
    (0x241, 0x241, 1, 1),
    (0x243, 0x243, -195, 1),
    (0x244, 0x244, 69, 1),
    (0x245, 0x245, 71, 1),
    (0x246, 0x24E, 1, 2),
    (0x370, 0x372, 1, 2),
    (0x376, 0x376, 1, 1),
    (0x37F, 0x37F, 116, 1),
    (0x386, 0x386, 38, 1),
    (0x388, 0x38A, 37, 1),
    (0x38C, 0x38C, 64, 1),
    (0x38E, 0x38F, 63, 1),
    (0x391, 0x3A1, 32, 1),
    (0x3A3, 0x3AB, 32, 1),
    (0x3CF, 0x3CF, 8, 1),
    (0x3D8, 0x3EE, 1, 2),
    (0x3F4, 0x3F4, -60, 1),
    (0x3F7, 0x3F7, 1, 1),
    (0x3F9, 0x3F9, -7, 1),
    (0x3FA, 0x3FA, 1, 1),
    (0x3FD, 0x3FF, -130, 1),
    (0x400, 0x40F, 80, 1),
    (0x410, 0x42F, 32, 1),
    (0x460, 0x480, 1, 2),
    (0x48A, 0x4BE, 1, 2),
    (0x4C0, 0x4C0, 15, 1),
    (0x4C1, 0x4CD, 1, 2),
    (0x4D0, 0x52E, 1, 2),
    (0x531, 0x556, 48, 1),
    (0x10A0, 0x10C5, 7264, 1),
    (0x10C7, 0x10C7, 7264, 1),
    (0x10CD, 0x10CD, 7264, 1),
    (0x13A0, 0x13EF, 38864, 1),
    (0x13F0, 0x13F5, 8, 1),
    (0x1C90, 0x1CBA, -3008, 1),
    (0x1CBD, 0x1CBF, -3008, 1),
    (0x1E00, 0x1E94, 1, 2),
    (0x1E9E, 0x1E9E, -7615, 1),
    (0x1EA0, 0x1EFE, 1, 2),
    (0x1F08, 0x1F0F, -8, 1),
    (0x1F18, 0x1F1D, -8, 1),
    (0x1F28, 0x1F2F, -8, 1),
    (0x1F38, 0x1F3F, -8, 1),
    (0x1F48, 0x1F4D, -8, 1),
    (0x1F59, 0x1F5F, -8, 2),
    (0x1F68, 0x1F6F, -8, 1),
    (0x1F88, 0x1F8F, -8, 1),
    (0x1F98, 0x1F9F, -8, 1),
    (0x1FA8, 0x1FAF, -8, 1),
    (0x1FB8, 0x1FB9, -8, 1),
    (0x1FBA, 0x1FBB, -74, 1),
    (0x1FBC, 0x1FBC, -9, 1),
    (0x1FC8, 0x1FCB, -86, 1),
    (0x1FCC, 0x1FCC, -9, 1),
    (0x1FD8, 0x1FD9, -8, 1),
    (0x1FDA, 0x1FDB, -100, 1),
    (0x1FE8, 0x1FE9, -8, 1),
    (0x1FEA, 0x1FEB, -112, 1),
    (0x1FEC, 0x1FEC, -7, 1),
    (0x1FF8, 0x1FF9, -128, 1),
    (0x1FFA, 0x1FFB, -126, 1),
    (0x1FFC, 0x1FFC, -9, 1),
    (0x2126, 0x2126, -7517, 1),
    (0x212A, 0x212A, -8383, 1),
    (0x212B, 0x212B, -8262, 1),
    (0x2132, 0x2132, 28, 1),
    (0x2160, 0x216F, 16, 1),
    (0x2183, 0x2183, 1, 1),
    (0x24B6, 0x24CF, 26, 1),
    (0x2C00, 0x2C2F, 48, 1),
    (0x2C60, 0x2C60, 1, 1),
    (0x2C62, 0x2C62, -10743, 1),
    (0x2C63, 0x2C63, -3814, 1),
    (0x2C64, 0x2C64, -10727, 1),
    (0x2C67, 0x2C6B, 1, 2),
    (0x2C6D, 0x2C6D, -10780, 1),
    (0x2C6E, 0x2C6E, -10749, 1),
    (0x2C6F, 0x2C6F, -10783, 1),
    (0x2C70, 0x2C70, -10782, 1),
    (0x2C72, 0x2C72, 1, 1),
    (0x2C75, 0x2C75, 1, 1),
    (0x2C7E, 0x2C7F, -10815, 1),
    (0x2C80, 0x2CE2, 1, 2),
    (0x2CEB, 0x2CED, 1, 2),
    (0x2CF2, 0x2CF2, 1, 1),
    (0xA640, 0xA66C, 1, 2),
    (0xA680, 0xA69A, 1, 2),
    (0xA722, 0xA72E, 1, 2),
    (0xA732, 0xA76E, 1, 2),
    (0xA779, 0xA77B, 1, 2),
    (0xA77D, 0xA77D, -35332, 1),
    (0xA77E, 0xA786, 1, 2),
    (0xA78B, 0xA78B, 1, 1),
    (0xA78D, 0xA78D, -42280, 1),
    (0xA790, 0xA792, 1, 2),
    (0xA796, 0xA7A8, 1, 2),
    (0xA7AA, 0xA7AA, -42308, 1),
    (0xA7AB, 0xA7AB, -42319, 1),
    (0xA7AC, 0xA7AC, -42315, 1),
    (0xA7AD, 0xA7AD, -42305, 1),
    (0xA7AE, 0xA7AE, -42308, 1),
    (0xA7B0, 0xA7B0, -42258, 1),
    (0xA7B1, 0xA7B1, -42282, 1),
    (0xA7B2, 0xA7B2, -42261, 1),
    (0xA7B3, 0xA7B3, 928, 1),
    (0xA7B4, 0xA7C2, 1, 2),
    (0xA7C4, 0xA7C4, -48, 1),
    (0xA7C5, 0xA7C5, -42307, 1),
    (0xA7C6, 0xA7C6, -35384, 1),
    (0xA7C7, 0xA7C9, 1, 2),
    (0xA7D0, 0xA7D0, 1, 1),
    (0xA7D6, 0xA7D8, 1, 2),
    (0xA7F5, 0xA7F5, 1, 1),
    (0xFF21, 0xFF3A, 32, 1),
    (0x10400, 0x10427, 40, 1),
    (0x104B0, 0x104D3, 40, 1),
    (0x10570, 0x1057A, 39, 1),
    (0x1057C, 0x1058A, 39, 1),
    (0x1058C, 0x10592, 39, 1),
    (0x10594, 0x10595, 39, 1),
    (0x10C80, 0x10CB2, 64, 1),
    (0x118A0, 0x118BF, 32, 1),
    (0x16E40, 0x16E5F, 32, 1),
    (0x1E900, 0x1E921, 34, 1),
];

/// `c` in lower case, for comparison keys only.
pub(crate) fn lowercase(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let cp = c as u32;
    let at = LOWERCASE.partition_point(|&(_, last, _, _)| last < cp);
    match LOWERCASE.get(at) {
        Some(&(first, _, delta, stride)) if cp >= first && (cp - first) % stride == 0 => {
            char::from_u32(cp.wrapping_add_signed(delta)).unwrap_or(c)
        }
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str, fold: Fold) -> String {
        let mut out = String::new();
        fold_token_into(text, fold, &mut out);
        out
    }

    #[test]
    fn curly_and_straight_quotes_fold_together() {
        assert_eq!(key("\u{2019}", Fold::default()), "'");
        assert_eq!(key("\u{201C}", Fold::default()), "\"");
        assert_eq!(key("don\u{2019}t", Fold::default()), "don't");
    }

    #[test]
    fn lowercase_agrees_with_the_standard_library_on_one_char_mappings() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let mut std = c.to_lowercase();
            if let (Some(l), None) = (std.next(), std.next()) {
                // The table is from an older Unicode than the standard library's: characters
                // given a lowercase form since then are left as they are.
                let ours = lowercase(c);
                assert!(ours == l || ours == c, "{c:?}: std {l:?}, ours {ours:?}");
            }
        }
        assert_eq!(lowercase('Ж'), 'ж');
        assert_eq!(lowercase('Ā'), 'ā');
        assert_eq!(lowercase('Ω'), 'ω');
        assert_eq!(lowercase('\u{10400}'), '\u{10428}');
    }

    #[test]
    fn composed_and_decomposed_forms_share_one_key() {
        // NFC and NFD of the same words (French, Vietnamese, Polish, Korean), as Python's
        // unicodedata writes them.
        let pairs = [
            ("\u{E9}t\u{E9}", "e\u{301}te\u{301}"),
            ("Vi\u{1EC7}t", "Vie\u{323}\u{302}t"),
            ("\u{17A}d\u{17A}b\u{142}o", "z\u{301}dz\u{301}b\u{142}o"),
            (
                "\u{D55C}\u{AD6D}\u{C5B4}",
                "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}\u{110B}\u{1165}",
            ),
            ("\u{C5}NGSTR\u{D6}M", "A\u{30A}NGSTRO\u{308}M"),
        ];
        for (nfc, nfd) in pairs {
            assert_eq!(key(nfc, Fold::default()), key(nfd, Fold::default()), "{nfc}");
            assert_eq!(fold_text(nfc, Fold::default()), fold_text(nfd, Fold::default()), "{nfc}");
            assert_eq!(key(nfd, Fold::default()), nfd, "an NFD text is its own key");
        }
        let caseless = Fold { ignore_case: true, ..Fold::default() };
        assert_eq!(key("\u{C9}T\u{C9}", caseless), key("e\u{301}te\u{301}", caseless));
        // Letters without a decomposition stay as they are.
        assert_eq!(key("\u{142}\u{E6}\u{F8}\u{DF}", Fold::default()), "\u{142}\u{E6}\u{F8}\u{DF}");
    }

    #[test]
    fn every_decomposition_is_an_ascii_letter_and_combining_marks() {
        let mut last = 0;
        for &d in DECOMPOSITIONS {
            let (code, base) = (d >> 19, 0x40 + (d >> 12 & 63));
            assert!(code > last, "sorted, no duplicates: {code:#X}");
            last = code;
            assert!(char::from_u32(base).is_some_and(|b| b.is_ascii_alphabetic()), "{code:#X}");
            assert_ne!(d >> 6 & 63, 63, "{code:#X} has a first mark");
        }
        assert_eq!(DECOMPOSITIONS.len(), 488);
    }

    #[test]
    fn dash_runs_share_one_key() {
        assert_eq!(key("--", Fold::default()), "-");
        assert_eq!(key("\u{2014}", Fold::default()), "-");
        assert_eq!(key("\u{2013}\u{2013}", Fold::default()), "-");
    }

    #[test]
    fn whitespace_tokens_share_one_key() {
        assert_eq!(key("\n\n", Fold::default()), " ");
        assert_eq!(key("\u{00A0}", Fold::default()), " ");
        assert_eq!(key("\t ", Fold::default()), " ");
    }

    #[test]
    fn case_folds_only_when_asked() {
        assert_eq!(key("Straße", Fold::default()), "Straße");
        // Lowercased, then decomposed as every precomposed letter is.
        assert_eq!(key("ÉTÉ", Fold { ignore_case: true, ..Fold::default() }), "e\u{301}te\u{301}");
    }

    #[test]
    fn own_key_fast_path_agrees_with_folding() {
        for (text, fold) in [
            ("word", Fold::default()),
            ("Word", Fold::default()),
            (" ", Fold::default()),
            ("Word", Fold { ignore_case: true, ..Fold::default() }),
            ("  ", Fold::default()),
            ("\n", Fold::default()),
            ("caf\u{e9}", Fold::default()),
        ] {
            if is_own_key(text, fold) {
                assert_eq!(key(text, fold), text, "{text:?}");
            }
        }
    }

    #[test]
    fn dashes_and_whitespace_runs_fold_in_text() {
        assert_eq!(
            fold_text("a \u{2014} b", Fold::default()),
            fold_text("a -- b", Fold::default())
        );
        assert_eq!(fold_text("for\n\nconsultations", Fold::default()), "for consultations");
        let ws = Fold { ignore_whitespace: true, ..Fold::default() };
        assert_eq!(fold_text("foo bar", ws), fold_text("foobar", ws));
        assert_ne!(fold_text("foo bar", Fold::default()), fold_text("foobar", Fold::default()));
    }
}
