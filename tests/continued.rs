//! A paragraph whose text continues, past new paragraphs inserted whole, in a later one is one
//! split row (GFDL 1.2 → 1.3, section 9, from the licence texts the benchmark diffs), exact and
//! consistent like every diff (`tests/invariants/mod.rs`), and both ways round.

mod common;
mod invariants;

use article_diff::{diff, Options, RowKind, SpanKind};
use common::markup;

const OLD: &str = "9. TERMINATION

You may not copy, modify, sublicense, or distribute the Document except as expressly provided for under this License. Any other attempt to copy, modify, sublicense or distribute the Document is void, and will automatically terminate your rights under this License. However, parties who have received copies, or rights, from you under this License will not have their licenses terminated so long as such parties remain in full compliance.

10. FUTURE REVISIONS OF THIS LICENSE
";

const NEW: &str = "9. TERMINATION

You may not copy, modify, sublicense, or distribute the Document except as expressly provided under this License. Any attempt otherwise to copy, modify, sublicense, or distribute it is void, and will automatically terminate your rights under this License.

However, if you cease all violation of this License, then your license from a particular copyright holder is reinstated (a) provisionally, unless and until the copyright holder explicitly and finally terminates your license, and (b) permanently, if the copyright holder fails to notify you of the violation by some reasonable means prior to 60 days after the cessation.

Moreover, your license from a particular copyright holder is reinstated permanently if the copyright holder notifies you of the violation by some reasonable means, this is the first time you have received notice of violation of this License (for any work) from that copyright holder, and you cure the violation prior to 30 days after your receipt of the notice.

Termination of your rights under this section does not terminate the licenses of parties who have received copies or rights from you under this License. If your rights have been terminated and not permanently reinstated, receipt of a copy of some or all of the same material does not give you any rights to use it.

10. FUTURE REVISIONS OF THIS LICENSE
";

#[test]
fn gfdl_termination_is_one_split_row_with_the_new_paragraphs_inserted_whole() {
    let options = Options::default();
    let d = diff(OLD, NEW, &options).unwrap();
    invariants::check(&d, OLD, NEW, &options).unwrap();
    let kinds: Vec<RowKind> = d.rows.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [RowKind::Equal, RowKind::Split, RowKind::Equal]);
    let row = &d.rows[1];
    let new = row.new.as_ref().unwrap();
    assert_eq!(new.paragraphs, [1, 2, 3, 4]);
    // The two paragraphs in between are one insertion, not anchored on a stray "However".
    let inserted: Vec<&str> = new.spans.iter().filter(|s| s.kind == SpanKind::Insert).map(|s| s.text).collect();
    assert!(inserted.iter().any(|s| s.contains("However, if you cease") && s.contains("receipt of the notice.")), "{}", markup(&new.spans));
    // The old tail is matched in the last paragraph, in one stretch but for two commas.
    let old = markup(&row.old.as_ref().unwrap().spans);
    assert!(old.contains("parties who have received copies[-,-] or rights[-,-] from you under this License"), "{old}");
}

#[test]
fn the_mirror_is_one_merged_row() {
    let options = Options::default();
    let d = diff(NEW, OLD, &options).unwrap();
    invariants::check(&d, NEW, OLD, &options).unwrap();
    let kinds: Vec<RowKind> = d.rows.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [RowKind::Equal, RowKind::Merged, RowKind::Equal]);
    assert_eq!(d.rows[1].old.as_ref().unwrap().paragraphs, [1, 2, 3, 4]);
}
