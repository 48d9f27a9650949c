//! The JavaScript-facing API (`src/wasm.rs`) in real browsers: `./run test` runs this file with
//! `wasm-pack test --headless --chrome` and `--firefox`. Every check goes through the exported
//! `diff(oldText, newText, options)` with `JsValue` arguments, as JavaScript calls it, and reads
//! the result back through `JSON.stringify` (the `ArticleDiff`'s `toJSON`, which builds every
//! row) or through its compact members (`blocks`, `rowCount`, `row()`, `packed`).
#![cfg(target_arch = "wasm32")]

use article_diff::wasm::{diff, unpack, version};
use js_sys::{JsString, Reflect, JSON};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const OLD: &str = include_str!("fixtures/old.txt");
const NEW: &str = include_str!("fixtures/new.txt");

fn js(text: &str) -> JsValue {
    JsValue::from_str(text)
}

/// A JS value written as JSON (`undefined`, `NaN` and `Infinity` are built by hand).
fn from_json(value: &Value) -> JsValue {
    JSON::parse(&value.to_string()).expect("valid JSON")
}

fn to_json(value: &JsValue) -> Value {
    serde_json::from_str(&JSON::stringify(value).expect("stringify").as_string().expect("a string"))
        .expect("JSON")
}

/// Calls `diff` and returns the result as JSON; panics with the thrown message.
fn call(old: &JsValue, new: &JsValue, options: &JsValue) -> Value {
    match diff(old.clone(), new.clone(), options.clone()) {
        Ok(result) => to_json(&result),
        Err(error) => panic!("diff threw: {}", message(error)),
    }
}

fn call_str(old: &str, new: &str, options: Value) -> Value {
    call(&js(old), &js(new), &from_json(&options))
}

/// The message of a thrown error, checking it is a JS `Error`.
fn message(error: JsValue) -> String {
    assert!(error.is_instance_of::<js_sys::Error>(), "throws an Error instance");
    Reflect::get(&error, &js("message")).unwrap().as_string().unwrap()
}

fn error_of(old: JsValue, new: JsValue, options: JsValue) -> String {
    match diff(old, new, options) {
        Ok(result) => panic!("expected a throw, got {}", to_json(&result)),
        Err(error) => message(error),
    }
}

/// `(old, new)` rebuilt from `edits`: ops 0 and -1, ops 0 and 1.
fn rebuild(d: &Value) -> (String, String) {
    let (mut old, mut new) = (String::new(), String::new());
    for edit in d["edits"].as_array().unwrap() {
        let (op, text) = (edit[0].as_i64().unwrap(), edit[1].as_str().unwrap());
        if op <= 0 {
            old.push_str(text);
        }
        if op >= 0 {
            new.push_str(text);
        }
    }
    (old, new)
}

/// The texts of a result object's edits, except those with op `skip`, joined as JS strings (so
/// lone surrogates stay as they are, which JSON would not keep).
fn joined(result: &JsValue, skip: f64) -> JsValue {
    let mut joined = JsString::from("");
    for edit in js_sys::Array::from(&Reflect::get(result, &"edits".into()).unwrap()).iter() {
        let edit = js_sys::Array::from(&edit);
        if edit.get(0).as_f64().unwrap() != skip {
            joined = joined.concat(&JsString::from(edit.get(1)));
        }
    }
    JsValue::from(joined)
}

fn rows_of<'a>(d: &'a Value, kind: &str) -> Vec<&'a Value> {
    d["rows"].as_array().unwrap().iter().filter(|r| r["kind"] == kind).collect()
}

fn span_texts(cell: &Value, kind: &str, cosmetic: bool) -> Vec<String> {
    cell["spans"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == kind && s["cosmetic"] == cosmetic)
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect()
}

/// The paragraphs `d[key]` lists, sliced out of `text` as JavaScript would (UTF-16 offsets).
fn paragraph_texts(d: &Value, key: &str, text: &str) -> Vec<String> {
    let s = JsString::from(text);
    d[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            String::from(
                s.slice(p["start"].as_u64().unwrap() as u32, p["end"].as_u64().unwrap() as u32),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

/// The core's blocks in the JS shape (`Block` in src/wasm.d.ts).
fn js_blocks(d: &article_diff::Diff<'_>) -> Value {
    let (mut row, mut next_old, mut next_new) = (0, 0, 0);
    let mut out = Vec::new();
    for block in &d.blocks {
        let mut b = match block {
            article_diff::Block::Equal { old, new } => {
                json!({"kind": "equal", "rowCount": old.len(), "oldStart": old.start,
                "oldEnd": old.end, "newStart": new.start, "newEnd": new.end, "cosmetic": false})
            }
            // A run of deleted or inserted paragraphs is one block, as in the core.
            article_diff::Block::Deleted { old } => {
                json!({"kind": "deleted", "rowCount": old.len(), "oldStart": old.start,
                "oldEnd": old.end, "newStart": next_new, "newEnd": next_new, "cosmetic": false})
            }
            article_diff::Block::Inserted { new } => {
                json!({"kind": "inserted", "rowCount": new.len(), "oldStart": next_old,
                "oldEnd": next_old, "newStart": new.start, "newEnd": new.end, "cosmetic": false})
            }
            article_diff::Block::Row(r) => {
                let range = |c: &Option<article_diff::Cell<'_>>, next: usize| {
                    c.as_ref().map_or((next, next), |c| {
                        (c.paragraphs[0], c.paragraphs.last().unwrap() + 1)
                    })
                };
                let ((os, oe), (ns, ne)) = (range(&r.old, next_old), range(&r.new, next_new));
                let mut b = json!({"kind": serde_json::to_value(r.kind).unwrap(), "rowCount": 1, "oldStart": os, "oldEnd": oe,
                    "newStart": ns, "newEnd": ne, "cosmetic": r.cosmetic});
                if let Some(m) = r.move_id {
                    b["move"] = json!(m);
                }
                b
            }
        };
        b["row"] = json!(row);
        (next_old, next_new) =
            (b["oldEnd"].as_u64().unwrap() as usize, b["newEnd"].as_u64().unwrap() as usize);
        row += block.row_count();
        out.push(b);
    }
    Value::Array(out)
}

/// Asserts that `diff()` called as from JavaScript gives the core's model of `(old, new)`: the
/// binding passes it through unchanged (blocks, the rows they stand for, edits, moves, stats),
/// except paragraph offsets (see the next tests). Returns the JS result.
///
/// Both run without a time budget: with one, either call may reach it (a debug build on a
/// busy machine) and the other not, and two exact diffs of different coarseness differ.
fn assert_matches_core(old: &str, new: &str, what: &str) -> Value {
    let mut d = call(&js(old), &js(new), &from_json(&json!({"timeoutMs": null})));
    let model =
        article_diff::diff(old, new, &article_diff::Options::default().with_timeout(None)).unwrap();
    let mut core = serde_json::to_value(&model).unwrap();
    core["rows"] = serde_json::to_value(model.rows().collect::<Vec<_>>()).unwrap();
    core["blocks"] = js_blocks(&model);
    // Similarities cross to six decimals (src/output/pack.rs), and JSON does not tell `1` from `1.0`.
    for model in [&mut d, &mut core] {
        for m in model["moves"].as_array_mut().unwrap() {
            m["similarity"] = json!((m["similarity"].as_f64().unwrap() * 1e6).round() / 1e6);
        }
    }
    for field in ["edits", "blocks", "rows", "moves", "stats", "approximate", "fallback"] {
        assert!(d[field] == core[field], "{what}: {field} differs from the core model");
    }
    d
}

#[wasm_bindgen_test]
fn seed_pair_through_js_matches_the_core_model() {
    let d = assert_matches_core(OLD, NEW, "seed");
    let keys: Vec<&String> = d.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 9, "{keys:?}");
    // `null`, not a missing key, for an absent fallback; no byte offsets leak out.
    assert_eq!(d.get("fallback"), Some(&Value::Null));
    assert_eq!(
        d["oldParagraphs"][0].as_object().unwrap().keys().collect::<Vec<_>>(),
        ["end", "start"]
    );
}

#[wasm_bindgen_test]
fn moves_through_js_match_the_core_model() {
    let old = "Tab\there, \"quotes\", emoji \u{1F600}.\n\nThe moving paragraph talks about sanctions and summits in Helsinki today.\n\nStays.\n\nStays too.";
    let new = "Stays.\n\nStays too.\n\nTab\there, \"quotes\", emoji \u{1F600}!\n\nThe moving paragraph talks about sanctions and summits in Geneva today.";
    let d = assert_matches_core(old, new, "moves");
    // Both paragraphs moved below the two that stay, one of them edited.
    assert_eq!(d["moves"].as_array().unwrap().len(), 2, "{d}");
}

/// A member of a JS object.
fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &js(key)).unwrap()
}

/// Calls a method of a JS object with one argument.
fn call_method(object: &JsValue, name: &str, arg: &JsValue) -> JsValue {
    js_sys::Function::from(get(object, name)).call1(object, arg).unwrap()
}

/// The compact form: an unchanged run is one block whatever its length, `row(i)` builds the
/// row `rows` has at `i`, and `packed` grows by four numbers a paragraph pair, not by rows.
#[wasm_bindgen_test]
fn an_unchanged_run_is_one_block_and_rows_are_built_on_demand() {
    let old = article(5, 2000);
    let new = old.replacen("council", "county council", 1);
    let result = diff(js(&old), js(&new), JsValue::UNDEFINED)
        .unwrap_or_else(|e| panic!("diff threw: {}", message(e)));
    let blocks = to_json(&get(&result, "blocks"));
    let kinds: Vec<&str> =
        blocks.as_array().unwrap().iter().map(|b| b["kind"].as_str().unwrap()).collect();
    assert!(kinds.len() <= 3 && kinds.contains(&"changed"), "{kinds:?}");
    assert_eq!(get(&result, "rowCount").as_f64(), Some(2000.0));
    let packed = get(&result, "packed");
    assert!(packed.is_instance_of::<js_sys::Uint32Array>());
    let words = js_sys::Uint32Array::from(packed).length() as usize;
    assert!(words < 22 + 4 * 2000 + 200, "{words} words packed for 2000 paragraph pairs");
    let changed = blocks.as_array().unwrap().iter().find(|b| b["kind"] == "changed").unwrap()
        ["row"]
        .as_f64()
        .unwrap();
    for index in [0.0, changed, 1999.0] {
        let row = to_json(&call_method(&result, "row", &JsValue::from(index)));
        let rows = to_json(&get(&result, "rows"));
        assert_eq!(row, rows[index as usize], "row({index})");
    }
    for outside in [-1.0, 2000.0, 0.5, f64::NAN] {
        assert!(
            call_method(&result, "row", &JsValue::from(outside)).is_undefined(),
            "row({outside})"
        );
    }
    // The lazily built members are built once.
    for key in ["rows", "edits", "oldParagraphs", "blocks"] {
        assert!(js_sys::Object::is(&get(&result, key), &get(&result, key)), "{key} is kept");
    }
    assert_eq!(get(&result, "oldText"), js(&old));
}

/// What a worker posts (`packed`) and the page rebuilds (`unpack`) is the same model; anything
/// else is refused with a clear error.
#[wasm_bindgen_test]
fn unpack_rebuilds_the_model_and_refuses_what_does_not_belong() {
    let result = diff(js(OLD), js(NEW), JsValue::UNDEFINED)
        .unwrap_or_else(|e| panic!("diff threw: {}", message(e)));
    let packed = get(&result, "packed");
    // A copy, as `postMessage` would make.
    let copy: JsValue = js_sys::Uint32Array::new(&packed).into();
    let rebuilt =
        unpack(copy.clone(), js(OLD), js(NEW)).unwrap_or_else(|e| panic!("unpack threw: {e:?}"));
    assert_eq!(to_json(&rebuilt), to_json(&result));
    let refused = |packed: JsValue, old: &str, new: &str| -> String {
        let error = unpack(packed, js(old), js(new)).expect_err("unpack must throw");
        assert!(error.is_instance_of::<js_sys::Error>(), "throws an Error instance");
        get(&error, "message").as_string().unwrap()
    };
    assert!(refused(js("packed"), OLD, NEW).contains("must be the Uint32Array of a diff"));
    assert!(refused(js_sys::Uint32Array::new_with_length(30).into(), OLD, NEW)
        .contains("not a packed diff of this version"));
    let truncated = js_sys::Uint32Array::from(copy.clone()).subarray(0, 40);
    assert!(refused(truncated.into(), OLD, NEW).contains("truncated or corrupt"));
    assert!(refused(copy.clone(), NEW, OLD).contains("not the ones this diff was computed from"));
    assert!(refused(copy, OLD, &NEW[1..]).contains("not the ones this diff was computed from"));
}

#[wasm_bindgen_test]
fn seed_pair_golden_facts() {
    let d = call_str(OLD, NEW, json!({}));
    assert_eq!(rebuild(&d), (OLD.to_string(), NEW.to_string()));
    assert_eq!(d["approximate"], false);
    assert_eq!(d["moves"], json!([]));
    let rows = d["rows"].as_array().unwrap();
    assert!(rows[..5]
        .iter()
        .all(|r| r["kind"] == "inserted" && r["old"].is_null() && r.get("move").is_none()));
    assert_eq!(
        span_texts(&rows[0]["new"], "insert", false),
        ["Biden Called Putin a Killer. Will That Change Anything?"]
    );
    let splits = rows_of(&d, "split");
    assert_eq!(splits.len(), 2);
    assert!(splits
        .iter()
        .all(|r| r["cosmetic"] == true && r["new"]["paragraphs"].as_array().unwrap().len() == 2));
    assert_eq!(rows_of(&d, "deleted").len(), 8);
    let changed: Vec<_> =
        rows_of(&d, "changed").into_iter().filter(|r| r["cosmetic"] == false).collect();
    assert_eq!(changed.len(), 1);
    assert_eq!(span_texts(&changed[0]["old"], "delete", false), ["u"]);
    assert_eq!(span_texts(&changed[0]["new"], "insert", false), ["o"]);
    let stats = &d["stats"];
    assert_eq!(
        (stats["paragraphsSplit"].as_u64(), stats["paragraphsChanged"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(stats["cosmeticChanges"], 12);
    assert_eq!(stats["paragraphsMoved"], 0);
}

#[wasm_bindgen_test]
fn paragraph_offsets_slice_the_js_strings() {
    let d = call_str(OLD, NEW, json!(null));
    for (text, key) in [(OLD, "oldParagraphs"), (NEW, "newParagraphs")] {
        let s = JsString::from(text);
        let paragraphs = d[key].as_array().unwrap();
        assert!(paragraphs.len() > 30);
        for p in paragraphs {
            let (start, end) =
                (p["start"].as_u64().unwrap() as u32, p["end"].as_u64().unwrap() as u32);
            let para = String::from(s.slice(start, end));
            assert!(!para.is_empty() && para.trim() == para, "{key} {p}: {para:?}");
            assert!(text.contains(&para));
        }
    }
}

#[wasm_bindgen_test]
fn utf16_offsets_on_emoji_cjk_and_combining_marks() {
    let old = "👍🏽 family 👨‍👩‍👧 over 𝒳\n\n漢字かな混じり文。\n\ne\u{301}le\u{300}ve cafe\u{301}";
    let new =
        "👍🏽 family 👨‍👩‍👧‍👦 over 𝒴\n\n漢字かな混じり文です。\n\ne\u{301}le\u{300}ves cafe\u{301}\n\n🎉";
    let d = call_str(old, new, json!({}));
    assert_eq!(rebuild(&d), (old.to_string(), new.to_string()));
    for (text, key, expected) in [
        (
            old,
            "oldParagraphs",
            vec!["👍🏽 family 👨‍👩‍👧 over 𝒳", "漢字かな混じり文。", "e\u{301}le\u{300}ve cafe\u{301}"],
        ),
        (
            new,
            "newParagraphs",
            vec![
                "👍🏽 family 👨‍👩‍👧‍👦 over 𝒴",
                "漢字かな混じり文です。",
                "e\u{301}le\u{300}ves cafe\u{301}",
                "🎉",
            ],
        ),
    ] {
        assert_eq!(paragraph_texts(&d, key, text), expected, "{key}");
        // The last paragraph ends at the string's length in UTF-16 units (not bytes, not chars).
        let units = JsString::from(text).length();
        assert_eq!(
            d[key].as_array().unwrap().last().unwrap()["end"].as_u64(),
            Some(u64::from(units))
        );
    }
}

/// The new paragraph of an equal row takes its length in UTF-16 units from the old one: wide
/// characters in equal paragraphs that sit at other offsets on each side must still slice whole.
#[wasm_bindgen_test]
fn equal_paragraphs_at_other_offsets_slice_whole() {
    let old = "Short.\n\n👍🏽 family 👨‍👩‍👧 “over” 𝒳 漢字\n\nnaïve café 🎉\n\nEnd.";
    let new = "A longer first paragraph, with é and 👍.\n\n\n👍🏽 family 👨‍👩‍👧 “over” 𝒳 漢字\n\nnaïve café 🎉\n\nEnd!";
    let d = call_str(old, new, json!({}));
    assert_eq!(rows_of(&d, "equal").len(), 2);
    for (text, key) in [(old, "oldParagraphs"), (new, "newParagraphs")] {
        let expected: Vec<&str> = text.split("\n\n").map(|p| p.trim_start_matches('\n')).collect();
        assert_eq!(paragraph_texts(&d, key, text), expected, "{key}");
    }
}

#[wasm_bindgen_test]
fn lone_surrogates_survive_and_offsets_stay_in_the_callers_units() {
    // "a\uD800b\n\nc\uDC00" and "a\uD800b!\n\nc\uDC00": seven and eight UTF-16 units.
    let old: JsValue =
        JsString::from_char_code(&[0x61, 0xD800, 0x62, 0x0A, 0x0A, 0x63, 0xDC00]).into();
    let new: JsValue =
        JsString::from_char_code(&[0x61, 0xD800, 0x62, 0x21, 0x0A, 0x0A, 0x63, 0xDC00]).into();
    let result = diff(old.clone(), new.clone(), JsValue::NULL)
        .unwrap_or_else(|e| panic!("diff threw: {}", message(e)));
    // The texts of the result are slices of the caller's strings: the edits join to them
    // exactly, lone surrogates and all (JSON.stringify would escape them, so join in JS).
    let edits = js_sys::Array::from(&Reflect::get(&result, &"edits".into()).unwrap());
    let (mut joined_old, mut joined_new) = (JsString::from(""), JsString::from(""));
    for edit in edits.iter() {
        let edit = js_sys::Array::from(&edit);
        let (op, text) = (edit.get(0).as_f64().unwrap(), JsString::from(edit.get(1)));
        if op <= 0.0 {
            joined_old = joined_old.concat(&text);
        }
        if op >= 0.0 {
            joined_new = joined_new.concat(&text);
        }
    }
    assert_eq!(JsValue::from(joined_old), old);
    assert_eq!(JsValue::from(joined_new), new);
    let paragraphs = |key: &str| {
        JSON::stringify(&Reflect::get(&result, &key.into()).unwrap()).unwrap().as_string().unwrap()
    };
    assert_eq!(paragraphs("oldParagraphs"), r#"[{"start":0,"end":3},{"start":5,"end":7}]"#);
    assert_eq!(paragraphs("newParagraphs"), r#"[{"start":0,"end":4},{"start":6,"end":8}]"#);
}

/// A lone surrogate and U+FFFD, written alike (EF BF BD), differ in a short text and in a long
/// one whose new text copies its shared lines from the old text's bytes: the encoder says when
/// it wrote a lone surrogate (`mayHoldLone` in src/copy.js), and only then are the copies
/// searched for U+FFFD and made again with stand-ins.
#[wasm_bindgen_test]
fn a_lone_surrogate_differs_from_the_replacement_character() {
    let filler = article(3, 300);
    for (before, after) in [("", ""), (filler.as_str(), "\n\nThe end.")] {
        let text = |c: u16| -> Vec<u16> {
            let mut units: Vec<u16> = before.encode_utf16().collect();
            units.extend([0x0A, 0x0A, 0x78, 0x20, c, 0x20, 0x79]);
            units.extend(after.encode_utf16());
            units
        };
        let (lone, replacement) = (text(0xD800), text(0xFFFD));
        for (old, new) in [(&lone, &replacement), (&replacement, &lone), (&lone, &lone)] {
            let (old, new) = (js_units(old), js_units(new));
            let result = diff(old.clone(), new.clone(), JsValue::NULL)
                .unwrap_or_else(|e| panic!("diff threw: {}", message(e)));
            // The edits other than equal ones: none only when the texts are the same.
            let changed = joined(&result, 0.0) != "";
            assert_eq!(changed, old != new, "{} units before", before.len());
            assert_eq!(joined(&result, 1.0), old);
            assert_eq!(joined(&result, -1.0), new);
        }
    }
}

/// Texts are copied in with one buffer of a byte and an eighth per UTF-16 unit and, when that
/// overflows, a second one for the rest, from where the encoder says it stopped: every width of
/// character (lone surrogates too) at every position around the point where the first buffer
/// fills must come through whole, in short texts and in longer ones.
#[wasm_bindgen_test]
fn texts_of_every_character_width_cross_whole() {
    // é (2 bytes), 漢 (3), 👍 (4, a surrogate pair), a lone surrogate (3, as U+FFFD).
    let wide: [&[u16]; 4] = [&[0xE9], &[0x6F22], &[0xD83D, 0xDC4D], &[0xD800]];
    for ascii in (0..10).chain([100, 1000]) {
        for unit in wide {
            for repeats in [1, 2, 3, 7, 60, 400] {
                let mut units: Vec<u16> = "a b ".encode_utf16().cycle().take(ascii).collect();
                for _ in 0..repeats {
                    units.extend_from_slice(unit);
                }
                units.extend("\n\nend".encode_utf16());
                let old: JsValue = JsString::from_char_code(&units).into();
                units.extend(" more".encode_utf16());
                let new: JsValue = JsString::from_char_code(&units).into();
                let result = diff(old.clone(), new.clone(), JsValue::NULL)
                    .unwrap_or_else(|e| panic!("diff threw: {}", message(e)));
                assert_eq!(
                    joined(&result, 1.0),
                    old,
                    "old text, {ascii} ASCII then {repeats} × {unit:X?}"
                );
                assert_eq!(
                    joined(&result, -1.0),
                    new,
                    "new text, {ascii} ASCII then {repeats} × {unit:X?}"
                );
            }
        }
    }
}

#[wasm_bindgen_test]
fn edits_rebuild_both_inputs_for_every_option() {
    let pairs = [
        (OLD, NEW),
        (NEW, OLD),
        ("", ""),
        ("", "Only new.\n"),
        ("Only old.", ""),
        ("Same text.", "Same text."),
        ("The Cat  sat.\n\nIt left.", "the cat sat.\n\n\n\nIt  left!"),
        ("A.\n\nB moved here.\n\nC.", "B moved here.\n\nA.\n\nC."),
    ];
    let option_sets = [
        json!({}),
        json!({"detectMoves": false}),
        json!({"ignoreCase": true, "ignoreWhitespace": true}),
        json!({"moveThreshold": 0, "timeoutMs": null}),
        json!({"moveThreshold": 1, "timeoutMs": 5000, "detectMoves": true}),
    ];
    for (old, new) in pairs {
        for options in &option_sets {
            let d = call_str(old, new, options.clone());
            assert_eq!(rebuild(&d), (old.to_string(), new.to_string()), "{options} on {old:?}");
        }
    }
}

#[wasm_bindgen_test]
fn moves_are_linked_through_js() {
    let old = "Alpha paragraph stands first here.\n\nBravo paragraph is the one that moves.\n\nCharlie paragraph stays.\n\nDelta paragraph stays too.";
    let new = "Alpha paragraph stands first here.\n\nCharlie paragraph stays.\n\nDelta paragraph stays too.\n\nBravo paragraph is the one that moves.";
    let d = call_str(old, new, json!({}));
    let moves = d["moves"].as_array().unwrap();
    assert_eq!(moves.len(), 1, "{d}");
    let m = &moves[0];
    assert_eq!(
        (m["from"].as_u64(), m["to"].as_u64(), m["similarity"].as_f64()),
        (Some(1), Some(3), Some(1.0))
    );
    let rows = d["rows"].as_array().unwrap();
    let (source, destination) = (
        &rows[m["oldRow"].as_u64().unwrap() as usize],
        &rows[m["newRow"].as_u64().unwrap() as usize],
    );
    let blocks = d["blocks"].as_array().unwrap();
    assert!(blocks.iter().any(|b| b["kind"] == "moved"
        && b["row"] == m["oldRow"]
        && b["move"] == 0
        && b["oldStart"] == 1
        && b["oldEnd"] == 2));
    assert!(source["kind"] == "moved" && source["new"].is_null() && source["move"] == 0);
    assert!(
        destination["kind"] == "moved" && destination["old"].is_null() && destination["move"] == 0
    );
    let off = call_str(old, new, json!({"detectMoves": false}));
    assert_eq!(off["moves"], json!([]));
}

/// Every bad argument throws an `Error` saying which argument and why.
#[wasm_bindgen_test]
fn bad_arguments_throw_errors_that_name_them() {
    let obj = |pairs: &[(&str, JsValue)]| -> JsValue {
        let o = js_sys::Object::new();
        for (k, v) in pairs {
            Reflect::set(&o, &js(k), v).unwrap();
        }
        o.into()
    };
    let text = || js("text");
    let cases: Vec<(JsValue, JsValue, JsValue, &str)> = vec![
        (JsValue::from(5), text(), JsValue::UNDEFINED, "diff(): `oldText` must be a string, got number"),
        (JsValue::NULL, text(), JsValue::UNDEFINED, "diff(): `oldText` must be a string, got null"),
        (JsValue::UNDEFINED, text(), JsValue::UNDEFINED, "diff(): `oldText` must be a string, got undefined"),
        (obj(&[]), text(), JsValue::UNDEFINED, "diff(): `oldText` must be a string, got object"),
        (js_sys::Array::new().into(), text(), JsValue::UNDEFINED, "diff(): `oldText` must be a string, got array"),
        (JsString::from("boxed").into(), text(), JsValue::UNDEFINED, ""), // a primitive string is fine
        (text(), JsValue::from(true), JsValue::UNDEFINED, "diff(): `newText` must be a string, got boolean"),
        (text(), JsValue::from(1u64 << 60), JsValue::UNDEFINED, "diff(): `newText` must be a string, got bigint"),
        (text(), text(), js("fast"), "diff(): `options` must be an object, undefined or null, got string"),
        (text(), text(), JsValue::from(0), "diff(): `options` must be an object, undefined or null, got number"),
        (text(), text(), js_sys::Array::new().into(), "diff(): `options` must be an object, undefined or null, got array"),
        (
            text(),
            text(),
            obj(&[("timeout", JsValue::from(5))]),
            "diff(): unknown option `timeout`; the options are detectMoves, ignoreCase, ignoreWhitespace, moveThreshold, timeoutMs",
        ),
        (text(), text(), obj(&[("detectMoves", js("yes"))]), "diff(): option `detectMoves` must be a boolean, got string"),
        (text(), text(), obj(&[("ignoreCase", JsValue::from(1))]), "diff(): option `ignoreCase` must be a boolean, got number"),
        (text(), text(), obj(&[("ignoreWhitespace", JsValue::NULL)]), "diff(): option `ignoreWhitespace` must be a boolean, got null"),
        (text(), text(), obj(&[("moveThreshold", js("0.5"))]), "diff(): option `moveThreshold` must be a number, got string"),
        (text(), text(), obj(&[("moveThreshold", JsValue::from(1.5))]), "diff(): option `moveThreshold` must be a number from 0 to 1"),
        (text(), text(), obj(&[("moveThreshold", JsValue::from(-0.1))]), "diff(): option `moveThreshold` must be a number from 0 to 1"),
        (text(), text(), obj(&[("moveThreshold", JsValue::from(f64::NAN))]), "diff(): option `moveThreshold` must be a number from 0 to 1"),
        (text(), text(), obj(&[("timeoutMs", js("100"))]), "diff(): option `timeoutMs` must be a number of milliseconds or null, got string"),
        (
            text(),
            text(),
            obj(&[("timeoutMs", JsValue::from(0))]),
            "diff(): option `timeoutMs` must be a positive finite number of milliseconds, or null for no limit, got 0",
        ),
        (
            text(),
            text(),
            obj(&[("timeoutMs", JsValue::from(-5))]),
            "diff(): option `timeoutMs` must be a positive finite number of milliseconds, or null for no limit, got -5",
        ),
        (
            text(),
            text(),
            obj(&[("timeoutMs", JsValue::from(f64::INFINITY))]),
            "diff(): option `timeoutMs` must be a positive finite number of milliseconds, or null for no limit, got Infinity",
        ),
        (
            text(),
            text(),
            obj(&[("timeoutMs", JsValue::from(f64::NAN))]),
            "diff(): option `timeoutMs` must be a positive finite number of milliseconds, or null for no limit, got NaN",
        ),
    ];
    for (old, new, options, expected) in cases {
        if expected.is_empty() {
            assert!(diff(old, new, options).is_ok());
            continue;
        }
        // The range message is the core's (`Options::validate`); it may go on to name the value.
        let got = error_of(old, new, options);
        assert!(
            got == expected || got.starts_with(&format!("{expected},")),
            "{got:?} is not {expected:?}"
        );
        // The module stays usable after every throw.
        assert_eq!(call_str("a b", "a c", json!({}))["stats"]["wordsInserted"], 1);
    }
}

#[wasm_bindgen_test]
fn undefined_options_and_fields_mean_the_defaults() {
    let old = "The Cat sat.";
    let new = "The cat sat.";
    let defaults = call_str(old, new, json!({}));
    for options in [JsValue::UNDEFINED, JsValue::NULL, from_json(&json!({}))] {
        assert_eq!(call(&js(old), &js(new), &options), defaults);
    }
    let o = js_sys::Object::new();
    Reflect::set(&o, &js("ignoreCase"), &JsValue::UNDEFINED).unwrap();
    assert_eq!(call(&js(old), &js(new), &o.into()), defaults);
    // ignoreCase is honoured: the case change becomes cosmetic.
    assert_eq!(defaults["rows"][0]["cosmetic"], false);
    assert_eq!(call_str(old, new, json!({"ignoreCase": true}))["rows"][0]["cosmetic"], true);
}

#[wasm_bindgen_test]
fn two_calls_after_an_error_still_work() {
    assert!(diff(JsValue::from(1), js("x"), JsValue::UNDEFINED).is_err());
    assert!(diff(js("x"), js("y"), from_json(&json!({"bogus": true}))).is_err());
    let first = call_str(OLD, NEW, json!({}));
    let second = call_str(NEW, OLD, json!({}));
    assert_eq!(rebuild(&first), (OLD.to_string(), NEW.to_string()));
    assert_eq!(rebuild(&second), (NEW.to_string(), OLD.to_string()));
}

/// Deterministic article-like text: `paragraphs` paragraphs of pseudo-random words.
fn article(seed: u64, paragraphs: usize) -> String {
    const WORDS: [&str; 24] = [
        "council", "river", "budget", "station", "mayor", "report", "winter", "market", "school",
        "harbour", "vote", "bridge", "theatre", "museum", "orchard", "railway", "garden",
        "factory", "festival", "library", "street", "election", "museum", "tower",
    ];
    let mut state = seed;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out = String::new();
    for p in 0..paragraphs {
        if p > 0 {
            out.push_str("\n\n");
        }
        let words = 40 + (next() % 60) as usize;
        for w in 0..words {
            if w > 0 {
                out.push(if next() % 11 == 0 { ',' } else { ' ' });
                if out.ends_with(',') {
                    out.push(' ');
                }
            }
            out.push_str(WORDS[(next() % WORDS.len() as u64) as usize]);
        }
        out.push('.');
    }
    out
}

#[wasm_bindgen_test]
fn a_two_megabyte_input_returns() {
    let old = OLD.repeat(2_000_000 / OLD.len() + 1);
    let new = format!("{}\n\nOne more closing paragraph.", NEW.repeat(2_000_000 / NEW.len() + 1));
    assert!(old.len() >= 2_000_000 && new.len() >= 2_000_000);
    let d = call_str(&old, &new, json!({}));
    assert_eq!(rebuild(&d), (old, new));
    assert!(d["rows"].as_array().unwrap().len() > 1000);
}

/// Words of unchanged paragraphs are counted by a scan that takes sixteen ASCII bytes a step
/// with wasm SIMD (`count_words` in src/unicode/tokenize.rs); those of changed paragraphs come from the
/// tokenizer, in the word diff. The two must agree on every text: each text here is one
/// paragraph, once unchanged and once with a word appended, which keeps all its words. Joiners,
/// digits and commas, non-ASCII letters and combining marks fall on every offset of a sixteen-byte
/// step, and on the byte after one.
#[wasm_bindgen_test]
fn unchanged_and_changed_paragraphs_count_words_alike() {
    const PIECES: [&str; 40] = [
        "a", "Zz", "word", "q9", "7", "1,000", "12", ",", "'", ".", "-", "--", " ", " ", " ", "  ",
        "\t", "don't", "U.S.", "3.14", "a,b", "9,x", "x,9", "a-", "-b", "(", ")", "+", "*", "@",
        "[", "`", "{", "e\u{301}", "é", "’", "漢字", "👍", "'s", ".5",
    ];
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for case in 0..400 {
        let mut text = String::new();
        for _ in 0..20 + next(60) {
            // Mostly ASCII, so that whole sixteen-byte steps occur.
            let among = if next(4) == 0 { PIECES.len() } else { 33 };
            text.push_str(PIECES[next(among)]);
        }
        let unchanged = &call_str(&text, &text, json!({}))["stats"];
        let changed = &call_str(&text, &format!("{text} zq"), json!({}))["stats"];
        assert_eq!(unchanged["wordsUnchanged"], changed["wordsUnchanged"], "case {case}: {text:?}");
        assert_eq!(changed["wordsInserted"], 1, "case {case}: {text:?}");
    }
}

/// The paragraph split reads sixteen bytes a step with wasm SIMD (`breaks_at` in
/// src/paragraphs/mod.rs): each kind of line break, at every offset of a step and among bytes a
/// test could take for one, ends the paragraph it should.
#[wasm_bindgen_test]
fn line_breaks_at_every_offset_end_paragraphs() {
    const FILLERS: [&str; 9] =
        ["a", "\u{e9}", "\x0b", "\x0c", "\x0e", "\u{8a}", "\u{2028}", "z", " "];
    const BREAKS: [&str; 4] = ["\n\n", "\r\n\r\n", "\r\r", "\n \n"];
    for shift in 0..16 {
        let (mut text, mut expected) = ("b".repeat(shift), Vec::new());
        for k in 0..64 {
            let start = text.encode_utf16().count() - if k == 0 { shift } else { 0 };
            text.push('w');
            for c in 0..k % 23 {
                text.push_str(FILLERS[(k + c) % FILLERS.len()]);
            }
            expected.push(json!({"start": start, "end": text.encode_utf16().count()}));
            text.push_str(BREAKS[k % BREAKS.len()]);
        }
        let d = call_str(&text, &format!("{text}x"), json!({}));
        assert_eq!(d["oldParagraphs"], json!(expected), "shift {shift}: {text:?}");
    }
}

/// Bytes are checked as UTF-8 sixteen a step with wasm SIMD (`src/unicode/utf8.rs`), where
/// the native tests can only run its portable stand-in: `diffUtf8` must refuse exactly what the
/// standard library refuses. Every sequence of one to four bytes of each class at a few
/// offsets of a step, and random pieces of valid text among stray bytes.
#[wasm_bindgen_test]
fn utf8_is_checked_as_the_standard_library_checks_it() {
    const BYTES: [u8; 16] = [
        0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5,
        0xFF,
    ];
    let accepts = |bytes: &[u8]| {
        let array = js_sys::Uint8Array::from(bytes);
        article_diff::wasm::diff_utf8(
            array.into(),
            js_sys::Uint8Array::new_with_length(0).into(),
            JsValue::NULL,
        )
        .is_ok()
    };
    let mut text = Vec::new();
    for a in BYTES {
        for b in BYTES {
            for c in [0x41, 0x80, 0xBF, 0xE2] {
                for d in [0x41, 0x80, 0xC3] {
                    for pad in [0, 13, 14, 15] {
                        text.clear();
                        text.extend(std::iter::repeat_n(b'x', pad));
                        text.extend_from_slice(&[a, b, c, d]);
                        let std = std::str::from_utf8(&text).is_ok();
                        assert_eq!(accepts(&text), std, "{text:x?}");
                    }
                }
            }
        }
    }
    const PIECES: [&[u8]; 10] = [
        b"word ",
        "\u{e9}".as_bytes(),
        "\u{6f22}".as_bytes(),
        "\u{1f44d}".as_bytes(),
        &[0x80],
        &[0xC3],
        &[0xE2, 0x82],
        &[0xF0, 0x9F, 0x91],
        &[0xED, 0xA0, 0x80],
        &[0xF4, 0x90, 0x80, 0x80],
    ];
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for _ in 0..5000 {
        text.clear();
        for _ in 0..next(30) {
            text.extend_from_slice(PIECES[if next(8) == 0 { next(10) } else { next(4) }]);
        }
        assert_eq!(accepts(&text), std::str::from_utf8(&text).is_ok(), "{text:x?}");
    }
}

/// The deadline reads the clock the binding hands the core (`performance.now()`, `src/wasm.rs`):
/// two large unrelated texts cannot be diffed in a millisecond, so the result must come back
/// coarser, flagged, and still exact. Without a working clock this would trap or run to the end.
/// Browsers round `performance.now()` to a millisecond, so a small input can finish within one
/// tick of the clock whatever its budget: only a call that takes many milliseconds must stop.
#[wasm_bindgen_test]
fn a_deadline_fires_in_the_browser() {
    let old = article(1, 600);
    let new = article(2, 600);
    let d = call_str(&old, &new, json!({"timeoutMs": 1}));
    assert_eq!(d["approximate"], true, "{}", d["fallback"]);
    assert_eq!(d["fallback"]["reason"], "deadline");
    assert!(
        d["fallback"]["detail"].as_str().unwrap().starts_with("The time limit was reached"),
        "{}",
        d["fallback"]
    );
    assert_eq!(rebuild(&d), (old, new));
}

/// Long texts copy the lines the new text shares with the old one from the old text's bytes
/// (`text_arg` in src/wasm.rs). Each case must take that shortcut and still give the core's
/// model of the same two texts: edits, moves and insertions next to every width of character, at
/// both ends, with `\r\n` lines, and texts too wide for the first buffer (the copy then stops in
/// a stretch it encodes, or before or inside a run, and goes on from there).
#[wasm_bindgen_test]
fn long_texts_share_their_common_lines_exactly() {
    let base = article(7, 500);
    assert!(base.len() > 100_000);
    let paragraphs: Vec<&str> = base.split("\n\n").collect();
    let with = |edit: &dyn Fn(&mut Vec<String>)| {
        let mut p: Vec<String> = paragraphs.iter().map(|s| s.to_string()).collect();
        edit(&mut p);
        p.join("\n\n")
    };
    let wide = ["é", "漢", "👍", "x"];
    let mut cases: Vec<(String, String, String)> = Vec::new();
    for (k, w) in wide.iter().enumerate() {
        // A wide character at the end and the start of the lines around each change.
        let old = with(&|p| {
            for i in (10..p.len()).step_by(37) {
                p[i - 1].push_str(w);
                p[i + 1].insert_str(0, w);
            }
        });
        let new = with(&|p| {
            for i in (10..p.len()).step_by(37) {
                p[i - 1].push_str(w);
                p[i + 1].insert_str(0, w);
                p[i] = p[i].replacen("river", &format!("stream{w}"), 1)
                    + if k % 2 == 0 { " Added." } else { "" };
            }
            let moved = p.remove(5);
            p.insert(300, moved);
            p.insert(200, format!("A new paragraph {w} here."));
            p.remove(400);
        });
        cases.push((format!("edits by {w}"), old, new));
    }
    cases.push((
        "first and last paragraphs changed".into(),
        base.clone(),
        with(&|p| {
            p[0].push_str(" First.");
            p.last_mut().unwrap().insert_str(0, "Last. ");
        }),
    ));
    cases.push((
        "CRLF lines".into(),
        base.replace("\n", "\r\n"),
        with(&|p| p[250].push_str(" x")).replace("\n", "\r\n"),
    ));
    cases.push(("identical".into(), base.clone(), base.clone()));
    // Stretches of several paragraphs (more lines than the lookahead tries) moved far apart,
    // one word edited in each: the walk finds its way back in step past each.
    cases.push((
        "stretches moved".into(),
        base.clone(),
        with(&|p| {
            for (from, to) in [(20, 300), (150, 40), (400, 250)] {
                let mut stretch: Vec<String> = p.drain(from..from + 3).collect();
                stretch[1] = stretch[1].replacen(' ', " moved ", 1);
                let to = if to > from { to - 3 } else { to };
                p.splice(to..to, stretch);
            }
        }),
    ));
    // A text outgrows its first buffer (a byte and an eighth a unit) in a stretch it encodes
    // (three-byte characters), or only at the run after it (two-byte ones); the copy goes on
    // from there in the larger buffer.
    for (filler, units) in [("漢", 100_000), ("д", 60_000)] {
        let wider = with(&|p| p.insert(250, filler.repeat(units)));
        cases.push((format!("{units} × {filler} inserted"), base.clone(), wider.clone()));
        cases.push((format!("{units} × {filler} deleted"), wider, base.clone()));
    }
    // Both texts in Cyrillic throughout, as wide as the buffers get: each text stops in a run
    // or a stretch and goes on; every word edit of the first case, and moves.
    let cyrillic = |text: &str| -> String {
        text.chars()
            .map(|c| {
                if c.is_ascii_lowercase() {
                    char::from_u32(0x430 + (c as u32 - 0x61)).unwrap()
                } else {
                    c
                }
            })
            .collect()
    };
    cases.push(("Cyrillic throughout".into(), cyrillic(&base), cyrillic(&cases[0].2)));
    for (what, old, new) in &cases {
        assert_matches_core(old, new, what);
        let shared = article_diff::wasm::shared_bytes_of_last_call();
        // All but the inserted stretch, or all but the changed lines, is copied.
        let least = if what.ends_with("inserted") || what.ends_with("moved") {
            base.len() * 9 / 10
        } else {
            new.len() / 2
        };
        assert!(shared > least, "{what}: {shared} of {} bytes copied from the old text", new.len());
    }
    // Unrelated long texts and short ones are encoded whole.
    let whole = vec![
        ("unrelated", article(1, 400), article(2, 400)),
        ("short", OLD.to_string(), NEW.to_string()),
    ];
    for (what, old, new) in whole {
        assert_matches_core(&old, &new, what);
        assert_eq!(article_diff::wasm::shared_bytes_of_last_call(), 0, "{what}");
    }
}

/// The same shortcut with texts only JavaScript can hold: lone surrogates (which cross as
/// U+FFFD) inside shared lines and in the changed lines between them.
#[wasm_bindgen_test]
fn long_texts_with_lone_surrogates_share_lines_and_rebuild() {
    let base: Vec<u16> = article(9, 400).encode_utf16().collect();
    let line_after = |text: &[u16], at: usize| {
        at + text[at..].iter().position(|&u| u == u16::from(b'\n')).unwrap() + 1
    };
    let mut base = base;
    for at in [30_000, 90_000] {
        let at = line_after(&base, at);
        base.splice(at..at, [0x20, 0xDBFF, 0x0A]);
    }
    let mut old = base.clone();
    let mut new = base;
    for (i, at) in [1000usize, 50_000, 120_000].into_iter().enumerate() {
        let (a, b) = (line_after(&old, at), line_after(&new, at));
        old.splice(a..a, [0xD800, 0x41, 0x0A]);
        new.splice(b..b, [0xD800 + i as u16, 0x42, 0xDC00, 0x0A]);
    }
    // (`fromCharCode` takes its units as arguments: a few thousand at a time.)
    let string = |units: &[u16]| {
        JsValue::from(
            units
                .chunks(4096)
                .fold(JsString::from(""), |s, c| s.concat(&JsString::from_char_code(c).into())),
        )
    };
    let (old, new) = (string(&old), string(&new));
    let result = diff(old.clone(), new.clone(), JsValue::NULL)
        .unwrap_or_else(|e| panic!("diff threw: {}", message(e)));
    assert!(article_diff::wasm::shared_bytes_of_last_call() > 100_000);
    assert_eq!(joined(&result, 1.0), old);
    assert_eq!(joined(&result, -1.0), new);
}

// ---------------------------------------------------------------------------------------------
// Issue 21: exact and bounded on every input

/// A JS string of exactly these UTF-16 units (lone surrogates included).
fn js_units(units: &[u16]) -> JsValue {
    // `fromCharCode` takes its units as arguments: a few thousand at a time.
    JsValue::from(
        units
            .chunks(4096)
            .fold(JsString::from(""), |s, c| s.concat(&JsString::from_char_code(c).into())),
    )
}

/// Every check the model makes on the caller's own strings, in JavaScript terms (so lone
/// surrogates are compared as they are): the edits rebuild both texts; each cell's spans join
/// to its paragraphs' slice of its text; the equal spans of a row's two cells are the same
/// strings; an equal row's two cells are the same string.
fn assert_exact_in_js(result: &JsValue, old: &JsValue, new: &JsValue, what: &str) {
    assert_eq!(joined(result, 1.0), *old, "{what}: the edits do not rebuild the old text");
    assert_eq!(joined(result, -1.0), *new, "{what}: the edits do not rebuild the new text");
    let (old_s, new_s) = (JsString::from(old.clone()), JsString::from(new.clone()));
    let join = |spans: &js_sys::Array, equal_only: bool| -> Vec<JsValue> {
        spans
            .iter()
            .filter(|s| !equal_only || get(s, "kind") == "equal")
            .map(|s| get(&s, "text"))
            .collect()
    };
    for (r, row) in js_sys::Array::from(&get(result, "rows")).iter().enumerate() {
        let (o, n) = (get(&row, "old"), get(&row, "new"));
        for (cell, text, key) in [(&o, &old_s, "oldParagraphs"), (&n, &new_s, "newParagraphs")] {
            if cell.is_null() || cell.is_undefined() {
                continue;
            }
            let paragraphs = js_sys::Array::from(&get(cell, "paragraphs"));
            let all = js_sys::Array::from(&get(result, key));
            let first = get(&all.get(paragraphs.get(0).as_f64().unwrap() as u32), "start")
                .as_f64()
                .unwrap() as u32;
            let last = get(
                &all.get(paragraphs.get(paragraphs.length() - 1).as_f64().unwrap() as u32),
                "end",
            )
            .as_f64()
            .unwrap() as u32;
            let spans = join(&js_sys::Array::from(&get(cell, "spans")), false);
            let whole = spans.iter().fold(JsString::from(""), |s, t| s.concat(t));
            // A cell of several paragraphs holds what lies between them too.
            assert_eq!(
                JsValue::from(whole),
                JsValue::from(text.slice(first, last)),
                "{what}: row {r}'s {key} cell"
            );
        }
        if o.is_object() && n.is_object() {
            let equal = |cell: &JsValue| join(&js_sys::Array::from(&get(cell, "spans")), true);
            assert_eq!(equal(&o), equal(&n), "{what}: row {r}'s equal spans differ");
            if get(&row, "kind") == "equal" {
                assert_eq!(
                    join(&js_sys::Array::from(&get(&o, "spans")), false),
                    join(&js_sys::Array::from(&get(&n, "spans")), false),
                    "{what}: equal row {r}"
                );
            }
        }
    }
}

/// Issue 21, item 1: a lone surrogate crosses into Rust as U+FFFD, so `'\uD800'` and `'\uDC00'`
/// (or `'\uFFFD'`) looked equal, and the equal span was sliced from the old text alone: the
/// edits did not rebuild the new text. Fixed pairs first, then random texts with lone
/// surrogates on either side, at the same place on both, and U+FFFD itself.
#[wasm_bindgen_test]
fn lone_surrogates_never_make_two_texts_look_equal() {
    let fixed: [(&[u16], &[u16]); 8] = [
        (&[0xD800], &[0xDC00]),
        (&[0xD800], &[0xFFFD]),
        (&[0xFFFD], &[0xDBFF]),
        (&[0x78, 0xD800, 0x79], &[0x78, 0xFFFD, 0x79]),
        (&[0x61, 0xD800, 0x0A, 0x0A, 0x62], &[0x61, 0xDBFF, 0x0A, 0x0A, 0x62]),
        (&[0x61, 0x20, 0xDC00, 0x20, 0x62], &[0x61, 0x20, 0xDC01, 0x20, 0x62]),
        (&[0xD800], &[0xD800]),
        (&[0xD83D, 0xDE00], &[0xD83D, 0xFFFD]),
    ];
    for (old, new) in fixed {
        let (old, new) = (js_units(old), js_units(new));
        let result = diff(old.clone(), new.clone(), JsValue::NULL)
            .unwrap_or_else(|e| panic!("diff threw: {}", message(e)));
        assert_exact_in_js(&result, &old, &new, &format!("{old:?} → {new:?}"));
        let ops = js_sys::Array::from(&get(&result, "edits"))
            .iter()
            .map(|e| js_sys::Array::from(&e).get(0).as_f64().unwrap())
            .collect::<Vec<_>>();
        assert_eq!(ops == [0.0], old == new, "{old:?} → {new:?}: edits {ops:?}");
    }
    // Units that decode to U+FFFD (lone halves, U+FFFD itself), their neighbours, and text.
    const UNITS: [&[u16]; 12] = [
        &[0xD800],
        &[0xDBFF],
        &[0xDC00],
        &[0xDFFF],
        &[0xFFFD],
        &[0xD83D, 0xDE00],
        &[0x61],
        &[0x62],
        &[0x20],
        &[0x0A],
        &[0x0A, 0x0A],
        &[0xE9],
    ];
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for case in 0..300 {
        let old: Vec<u16> =
            (0..1 + next(24)).flat_map(|_| UNITS[next(UNITS.len())].iter().copied()).collect();
        // The new text: the old one with a few units replaced, inserted or deleted, so that
        // surrogates sit at the same place on both sides as often as at different ones.
        let mut new = old.clone();
        for _ in 0..1 + next(3) {
            let at = next(new.len() + 1);
            match next(3) {
                0 if at < new.len() => new[at] = UNITS[next(5)][0],
                1 if at < new.len() => {
                    new.remove(at);
                }
                _ => new.splice(at..at, UNITS[next(UNITS.len())].iter().copied()).for_each(drop),
            }
        }
        let (old, new) = (js_units(&old), js_units(&new));
        for options in [
            json!({}),
            json!({"ignoreCase": true, "ignoreWhitespace": true}),
            json!({"timeoutMs": 0.000001}),
        ] {
            let result = diff(old.clone(), new.clone(), from_json(&options))
                .unwrap_or_else(|e| panic!("diff threw: {}", message(e)));
            assert_exact_in_js(
                &result,
                &old,
                &new,
                &format!("case {case} {options}: {old:?} → {new:?}"),
            );
        }
    }
}

/// Lone surrogates are only told apart while some character of one UTF-16 unit occurs in
/// neither text: past that the call is refused, whichever text holds them; and a text that
/// holds U+FFFD but no lone surrogate is diffed as it is.
#[wasm_bindgen_test]
fn lone_surrogates_that_cannot_be_told_apart_are_refused() {
    let every: Vec<u16> = (1..=0xFFFFu16).filter(|u| !(0xD800..0xE000).contains(u)).collect();
    for (old, new) in [
        ([&every[..], &[0xD800]].concat(), vec![0x61]),
        (vec![0x61], [&[0xDC00], &every[..]].concat()),
    ] {
        let error = diff(js_units(&old), js_units(&new), JsValue::NULL)
            .map(|_| ())
            .expect_err("a call whose lone surrogates cannot be told apart");
        assert!(message(error).contains("cannot be told apart"));
    }
    let (old, new) = (js_units(&every), js_units(&[0x61, 0xFFFD, 0x0A]));
    let result = diff(old.clone(), new.clone(), JsValue::NULL)
        .unwrap_or_else(|e| panic!("diff threw: {}", message(e)));
    assert_exact_in_js(&result, &old, &new, "every character against U+FFFD");
}

/// JS values that throw when `diff()` looks at them, built in JavaScript, each with a name.
fn throwing_values() -> Vec<(String, JsValue)> {
    let make = js_sys::Function::new_no_args(
        "const boom = () => { throw new Error('trap'); };
         const revoked = Proxy.revocable({}, {}); revoked.revoke();
         const revokedArray = Proxy.revocable([], {}); revokedArray.revoke();
         const traps = {};
         for (const name of Reflect.ownKeys(Reflect)) traps[name] = boom;
         return [
           ['a revoked Proxy', revoked.proxy],
           ['a revoked Proxy of an array', revokedArray.proxy],
           ['a Proxy whose every trap throws', new Proxy({timeoutMs: 5}, traps)],
           ['a Proxy whose ownKeys trap throws', new Proxy({timeoutMs: 5}, {ownKeys: boom})],
           ['a Proxy whose getOwnPropertyDescriptor trap throws', new Proxy({timeoutMs: 5}, {getOwnPropertyDescriptor: boom})],
           ['a Proxy whose get trap throws', new Proxy({timeoutMs: 5}, {get: boom})],
           ['a Proxy whose getPrototypeOf trap throws', new Proxy({timeoutMs: 5}, {getPrototypeOf: boom})],
           ['an object whose getter throws', Object.defineProperty({}, 'timeoutMs', {enumerable: true, get: boom})],
         ];",
    );
    js_sys::Array::from(&make.call0(&JsValue::UNDEFINED).expect("the values build"))
        .iter()
        .map(|pair| {
            let pair = js_sys::Array::from(&pair);
            (pair.get(0).as_string().unwrap(), pair.get(1))
        })
        .collect()
}

/// `diff(old, new, options)` with `hostile` in `position` (0, 1 or 2) and `old`/`new` elsewhere.
fn call_with(
    position: usize,
    hostile: &JsValue,
    old: &JsValue,
    new: &JsValue,
) -> Result<JsValue, JsValue> {
    match position {
        0 => diff(hostile.clone(), new.clone(), JsValue::UNDEFINED),
        1 => diff(old.clone(), hostile.clone(), JsValue::UNDEFINED),
        _ => diff(old.clone(), new.clone(), hostile.clone()),
    }
}

fn wasm_memory_bytes() -> f64 {
    get(&get(&wasm_bindgen::memory(), "buffer"), "byteLength").as_f64().unwrap()
}

/// Issue 21, item 2: whatever JavaScript throws while `diff()` reads an argument becomes a
/// `diff(): …` error naming the argument. It used to escape as the Proxy's own error through
/// the wasm frames, which never returned: the shadow stack and the buffers of the texts already
/// copied leaked, and after ~1,400 such calls every call, `version()` included, trapped. A
/// million calls here, then the module must still work.
#[wasm_bindgen_test]
async fn throwing_arguments_are_errors_and_leave_the_module_usable() {
    const CALLS: usize = 1_000_000;
    let start = js_sys::Date::now();
    let (old, new) = (js("a b"), js("a c"));
    let values = throwing_values();
    let names = ["oldText", "newText", "option"];
    let mut seen = Vec::new();
    let mut calls = 0;
    while calls < CALLS {
        // The test runner reads the page between tasks: a million calls are several seconds.
        if calls % 20_000 < values.len() * names.len() {
            next_task().await;
        }
        for (what, value) in &values {
            for (position, name) in names.iter().enumerate() {
                calls += 1;
                match call_with(position, value, &old, &new) {
                    Ok(result) => panic!("{what} as `{name}` gave {}", to_json(&result)),
                    // The first round reads each message; later ones compare it with that one
                    // in JavaScript (`===`), which is cheap enough for a million calls.
                    Err(error) if calls > values.len() * names.len() => {
                        assert!(
                            error.is_instance_of::<js_sys::Error>(),
                            "{what} as `{name}`: throws an Error instance"
                        );
                        assert_eq!(
                            get(&error, "message"),
                            seen[(calls - 1) % seen.len()],
                            "{what} as `{name}`"
                        );
                    }
                    Err(error) => {
                        let got = message(error);
                        assert!(
                            got.starts_with("diff(): ") && got.contains(name),
                            "{what} as `{name}`: {got:?}"
                        );
                        seen.push(js(&got));
                    }
                }
            }
        }
    }
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
    assert_eq!(call_str("a b", "a c", json!({}))["stats"]["wordsInserted"], 1);
    console_log!("{calls} throwing calls in {:.0} ms", js_sys::Date::now() - start);
}

/// Lets the browser run its other tasks before the test goes on.
async fn next_task() {
    let make = js_sys::Function::new_no_args("return new Promise((done) => setTimeout(done, 0));");
    let promise = js_sys::Promise::from(make.call0(&JsValue::UNDEFINED).expect("a promise"));
    js_sys::futures::JsFuture::from(promise).await.expect("setTimeout resolves");
}

/// Issue 21, item 2: a text already copied into wasm memory is freed when a later argument
/// throws; before, the module's memory grew by the text's size at every such call.
#[wasm_bindgen_test]
fn a_throwing_argument_frees_the_texts_already_copied() {
    let old = js(&"The council met on Monday. ".repeat(40_000));
    let (_, revoked) = throwing_values().remove(0);
    for position in [1, 2] {
        let _ = call_with(position, &revoked, &old, &old);
        let before = wasm_memory_bytes();
        for _ in 0..200 {
            assert!(call_with(position, &revoked, &old, &old).is_err());
        }
        let grown = wasm_memory_bytes() - before;
        assert!(
            grown <= 8.0 * 1024.0 * 1024.0,
            "position {position}: wasm memory grew by {grown} bytes over 200 calls"
        );
    }
    assert_eq!(call_str("a b", "a c", json!({}))["stats"]["wordsInserted"], 1);
}

/// Issue 21, item 7: options must be a plain object (or undefined, or null). A `Date`, a
/// `RegExp`, a `Map`… has no own option keys and used to pass as "all defaults", hiding the
/// caller's mistake.
#[wasm_bindgen_test]
fn options_must_be_a_plain_object() {
    let make = js_sys::Function::new_no_args(
        "class Settings { constructor() { this.ignoreCase = true; } }
         return [['Date', new Date()], ['RegExp', /x/], ['Map', new Map([['ignoreCase', true]])], ['Set', new Set()],
                 ['Promise', Promise.resolve({})], ['ArrayBuffer', new ArrayBuffer(8)], ['Uint8Array', new Uint8Array(2)],
                 ['Settings', new Settings()], ['Boolean', new Boolean(true)], ['Error', new Error('x')]];",
    );
    for pair in js_sys::Array::from(&make.call0(&JsValue::UNDEFINED).unwrap()).iter() {
        let pair = js_sys::Array::from(&pair);
        let (name, value) = (pair.get(0).as_string().unwrap(), pair.get(1));
        let got = error_of(js("a"), js("b"), value);
        assert!(
            got.starts_with("diff(): `options` must be a plain object") && got.contains(&name),
            "{name}: {got:?}"
        );
    }
    // A plain object with no prototype is fine.
    let bare: JsValue = js_sys::Function::new_no_args("return Object.create(null);")
        .call0(&JsValue::UNDEFINED)
        .unwrap();
    Reflect::set(&bare, &js("ignoreCase"), &JsValue::TRUE).unwrap();
    assert_eq!(call(&js("The Cat"), &js("The cat"), &bare)["rows"][0]["cosmetic"], true);
}

/// Issue 21, item 7: `timeoutMs: -0` is refused, and the message shows what was given.
#[wasm_bindgen_test]
fn negative_zero_timeout_is_named_as_such() {
    let o = js_sys::Object::new();
    Reflect::set(&o, &js("timeoutMs"), &JsValue::from(-0.0)).unwrap();
    let got = error_of(js("a"), js("b"), o.into());
    assert_eq!(got, "diff(): option `timeoutMs` must be a positive finite number of milliseconds, or null for no limit, got -0");
}
