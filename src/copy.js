// @ts-check
/**
 * How `diff()`'s two texts reach the engine: UTF-8 in wasm memory, written by `TextEncoder`
 * straight into buffers the Rust side allocates (`src/wasm.rs`, `copy_text`). One `TextCopy`
 * is one call's plan, passed from the first text's copy to the second's: no state outlives the
 * call.
 *
 * * **Lone surrogates.** `TextEncoder` writes every lone surrogate as U+FFFD, so `'\uD800'`,
 *   `'\uDC00'` and `'\uFFFD'` would reach the engine as the same character and compare equal.
 *   When either text has one, each distinct lone surrogate is written as a character that
 *   occurs in neither text (the Private Use Area first), one UTF-16 unit like the surrogate, so
 *   the engine's offsets still index the caller's strings and two texts are equal to it exactly
 *   where they are equal to JavaScript. The texts are copied as they are first; only when the
 *   bytes hold U+FFFD does the Rust side ask `standIns()` to look for lone surrogates (a scan of
 *   both strings, which costs more than its scan of their bytes) and, if there are any, copy
 *   them again.
 * * **Shared lines.** Two long texts (64 Ki units each) are first walked for the runs of lines
 *   they share (`indexOf` and `===` on substrings, galloping while the texts are in step: far
 *   cheaper than encoding them). The old text is then copied in pieces cut where such a run begins and ends,
 *   so the runs' byte offsets are known, and the new text copies each run of 1 Ki units or more
 *   from the old text's bytes (`copyWithin`) and encodes only what lies between. The bytes are
 *   the same either way: the runs are equal strings cut at line starts (never inside a
 *   surrogate pair), and encoding is per character.
 * * **Buffers that fill up.** A text that outgrows its first buffer (most scripts other than
 *   Latin) goes on in a larger one from where the encoder stopped, runs and all.
 * * **The way back.** The HTML module's visible texts, few of whose characters are beyond
 *   ASCII, are made in Blink from their ASCII and those characters apart
 *   (`textFromPlaceholders`): Blink's `TextDecoder` is slow on such a text.
 * * **The encoder.** `TextEncoder.encodeInto`, or, in Chromium, for a text with a character
 *   beyond U+00FF, a small WebAssembly module that reads the string through JS String Builtins
 *   and writes the same bytes (`stringCopier`): Blink's `encodeInto` converts such a string
 *   and encodes it a character at a time, and the module does the same work in optimized wasm
 *   in well under its time. The bytes, and where a copy stops when the room runs out, are the
 *   same either way.
 */

const encoder = new TextEncoder();

// Texts this long or longer are walked for shared lines; runs this long or longer are copied.
// The lookahead tries LOOK lines on either side and resumes on a line of LINE units or more;
// failing that, a line is looked for within the next FAR units of the other text, once per
// PAID units found shared so far (texts with many changes pay little for it).
// Texts are encoded CHUNK units at a time (see `encodeRange`).
const LONG = 65536;
const RUN = 1024;
const LOOK = 4;
const LINE = 16;
const FAR = 4096;
const PAID = 16384;
const CHUNK = 16384;
// The string copier loads a text of up to WHOLE units whole (an array of two bytes a unit that
// it keeps: 8 MiB at most).
const WHOLE = 1 << 22;

/** A UTF-16 unit above U+00FF (see `TextCopy`'s `#copierFor`). */
const BEYOND_LATIN1 = /[^\0-\xff]/g;

/** `String.prototype.isWellFormed` (ES2024), where the engine has it. @type {((this: string) => boolean) | undefined} */
const isWellFormed = /** @type {any} */ (String.prototype).isWellFormed;

/**
 * Where the lone surrogates of `s` are (the units that are half of no pair), in order. Found
 * unit by unit: JavaScriptCore's `/\p{Cs}/u` misses a high surrogate followed by U+FFFD, and
 * a lone surrogate missed would reach the engine as U+FFFD.
 * @param {string} s @returns {number[]}
 */
function loneSurrogates(s) {
  const at = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    at.push(i);
  }
  return at;
}

/** Whether `s` has no lone surrogate. @param {string} s */
const wellFormed = (s) => (isWellFormed ? isWellFormed.call(s) : loneSurrogates(s).length === 0);

/**
 * The two texts as the engine reads them: themselves, or, when either has a lone surrogate,
 * copies with each distinct lone surrogate replaced by a character neither text holds. `null`
 * when no such character is left (texts holding lone surrogates and nearly every character of
 * the Basic Multilingual Plane).
 * @param {string} a @param {string} b
 * @returns {[string, string] | null}
 */
function standIns(a, b) {
  if (wellFormed(a) && wellFormed(b)) return [a, b];
  const used = new Uint8Array(0x10000);
  for (const s of [a, b]) for (let i = 0; i < s.length; i++) used[s.charCodeAt(i)] = 1;
  /** @type {Map<string, string>} */
  const map = new Map();
  // The Private Use Area first (no meaning to the tokenizer), then any other character of one
  // UTF-16 unit, surrogates excepted.
  const ranges = [[0xe000, 0xf8ff], [0x80, 0xd7ff], [0xf900, 0xffff]];
  let range = 0;
  let next = ranges[0][0];
  const take = () => {
    for (; range < ranges.length; next = ranges[++range]?.[0] ?? 0) {
      for (; next <= ranges[range][1]; next++) if (!used[next]) return String.fromCharCode(next++);
    }
    return null;
  };
  const lone = [loneSurrogates(a), loneSurrogates(b)];
  for (const [k, s] of [a, b].entries()) {
    for (const i of lone[k]) {
      if (map.has(s[i])) continue;
      const c = take();
      if (c === null) return null;
      map.set(s[i], c);
    }
  }
  /** @param {string} s @param {number[]} at */
  const replace = (s, at) => {
    let out = '';
    let from = 0;
    for (const i of at) {
      out += s.slice(from, i) + map.get(s[i]);
      from = i + 1;
    }
    return out + s.slice(from);
  };
  return [replace(a, lone[0]), replace(b, lone[1])];
}

/**
 * Units of a text of `length` units left to encode besides the runs `copies` copies
 * (`[newStart, newEnd, oldByte, oldByteEnd]` each).
 * @param {number[]} copies @param {number} length
 */
function encodedUnits(copies, length) {
  let n = length;
  for (let k = 0; k < copies.length; k += 4) n -= copies[k + 1] - copies[k];
  return n;
}

/** @param {string} s @param {number} at */
const lineEnd = (s, at) => {
  const e = s.indexOf('\n', at);
  return e < 0 ? s.length : e + 1;
};

/** @param {string} a @param {number} p @param {number} pe @param {string} b @param {number} q @param {number} qe */
const sameLine = (a, p, pe, b, q, qe) => pe - p === qe - q && a.substring(p, pe) === b.substring(q, qe);

/**
 * The start of the first line of `s`, from line start `from` on and within FAR units, that
 * begins with `line` (a line of the other text, with its line feed); -1 if there is none.
 * @param {string} s @param {number} from @param {string} line
 */
function findLine(s, from, line) {
  // The line feed before `from` makes the match start a line.
  const j = s.substring(from - 1, from + FAR).indexOf('\n' + line);
  return j < 0 ? -1 : from + j;
}

/**
 * How many units `a[p..]` and `b[q..]` have in common from their start, to within 64:
 * galloping, then bisecting, over native comparisons of substrings.
 * @param {string} a @param {number} p @param {string} b @param {number} q
 */
function commonLength(a, p, b, q) {
  const max = Math.min(a.length - p, b.length - q);
  /** @param {number} from @param {number} n */
  const same = (from, n) => a.substring(p + from, p + from + n) === b.substring(q + from, q + from + n);
  let lo = 0;
  let n = 256;
  for (; lo < max; n *= 2) {
    n = Math.min(n, max - lo);
    if (!same(lo, n)) break;
    lo += n;
  }
  for (; lo < max && n > 64; n >>= 1) if (same(lo, n >> 1)) lo += n >> 1;
  return lo;
}

/**
 * Runs of whole lines the old text `a` and the new text `b` share, in order in both, as flat
 * `[oldStart, oldEnd, newStart]` triples; each at least RUN units long. While in step, the
 * common stretch is found by galloping; at a line that differs, the next few lines on either
 * side are tried for the one that brings the texts back in step, and then the next FAR units
 * of each text for the other's line (`indexOf`), so that a moved paragraph costs a jump, not
 * the step. Given up once the lines that differ outweigh what is shared, so unrelated texts
 * cost little.
 * @param {string} a @param {string} b
 * @returns {number[]}
 */
export function sharedRuns(a, b) {
  /** @type {number[]} */
  const runs = [];
  let p = 0;
  let q = 0;
  let misses = 0;
  let shared = 0;
  let searches = 0;
  while (p < a.length && q < b.length && (misses < 64 || shared > 1024 * misses)) {
    const n = commonLength(a, p, b, q);
    // Cut at a line start (never inside a surrogate pair), or where both texts end.
    const end = p + n === a.length && q + n === b.length ? a.length : n > 0 ? a.lastIndexOf('\n', p + n - 1) + 1 : p;
    if (end > p) {
      if (end - p >= RUN) runs.push(p, end, q);
      shared += end - p;
      q += end - p;
      p = end;
      continue;
    }
    const pe = lineEnd(a, p);
    const qe = lineEnd(b, q);
    if (sameLine(a, p, pe, b, q, qe)) {
      p = pe;
      q = qe;
      continue;
    }
    misses++;
    // Back in step on a line of some length only: blank lines match anywhere.
    let ap = pe;
    let bq = qe;
    let found = false;
    for (let k = 0; k < LOOK && !found && (ap < a.length || bq < b.length); k++) {
      const ape = lineEnd(a, ap);
      const bqe = lineEnd(b, bq);
      if (ap < a.length && qe - q >= LINE && sameLine(a, ap, ape, b, q, qe)) {
        p = ap;
        found = true;
      } else if (bq < b.length && pe - p >= LINE && sameLine(a, p, pe, b, bq, bqe)) {
        q = bq;
        found = true;
      } else if (ap < a.length && bq < b.length && ape - ap >= LINE && sameLine(a, ap, ape, b, bq, bqe)) {
        // As many lines edited on either side.
        p = ap;
        q = bq;
        found = true;
      }
      ap = ape;
      bq = bqe;
    }
    if (found) continue;
    // One text may hold a stretch the other lacks (a paragraph moved away, or in): the nearer
    // line of the other text that brings them back in step ends it.
    const search = shared >= PAID * searches;
    searches += +search;
    const ja = search && pe < a.length && qe - q >= LINE ? findLine(a, pe, b.substring(q, qe)) : -1;
    const jb = search && qe < b.length && pe - p >= LINE ? findLine(b, qe, a.substring(p, pe)) : -1;
    if (ja >= 0 && (jb < 0 || ja - p <= jb - q)) {
      p = ja;
    } else if (jb >= 0) {
      q = jb;
    } else {
      p = pe;
      q = qe;
    }
  }
  return runs;
}

/**
 * A copy the buffer was too small to finish, to go on from where it stopped.
 * @typedef {{side: 0, pieces: number[], k: number, base: number, b0: number, copies: number[]}} OldCopy
 *   The old text, in pieces `[start, end, newStart]` (`newStart` -1 between shared runs); `k`
 *   the next piece, `base` the bytes written by earlier calls, `b0` the current run's first
 *   byte, `copies` what the new text can copy: `[newStart, newEnd, oldByte, oldByteEnd]`.
 * @typedef {{side: 1, copies: number[], k: number, cur: number}} NewCopy
 *   The new text: `k` the next copy, `cur` the first unit not yet written.
 */

/**
 * The bytes of the string copier: a WebAssembly module that writes `s[from..to]` as UTF-8 into
 * its memory from byte `at` on, as much as fits before byte `end` without cutting a character;
 * it returns the bytes written and leaves in `read` the unit it stopped at: what
 * `encodeInto(s.substring(from, to), memory[at..end])` writes and returns, lone surrogates as
 * U+FFFD (EF BF BD) included. The units come through JS String Builtins (`wasm:js-string`,
 * compiled with `{builtins: ['js-string']}`): `substring`, then `intoCharCodeArray` into an
 * array of units the module keeps, grown when a range is longer; or, for a string that is
 * encoded whole or nearly, `load(s, s.length)` first puts all its units in the array in one
 * call (a third faster than a substring per range) and `encode(…, loaded = 1)` reads them
 * there. Its text form:
 *
 * ```wat
 * (module
 *   (type $units (array (mut i16)))
 *   (import "wasm:js-string" "substring"
 *     (func $substring (param externref i32 i32) (result (ref extern))))
 *   (import "wasm:js-string" "intoCharCodeArray"
 *     (func $intoCharCodeArray (param externref (ref null $units) i32) (result i32)))
 *   (import "engine" "memory" (memory 0))
 *   (global $read (export "read") (mut i32) (i32.const 0))
 *   (global $units (mut (ref $units)) (array.new_default $units (i32.const 16384)))
 *   (global $lone (export "lone") (mut i32) (i32.const 0))
 *   (func $copyStringAsUtf8 (export "encode")
 *     (param $s externref) (param $from i32) (param $to i32) (param $at i32) (param $end i32)
 *     (param $loaded i32) (result i32)
 *     (local $n i32) (local $i i32) (local $c i32) (local $d i32) (local $p i32)
 *     (local $ascii i32) (local $base i32) (local $e i32) (local $f i32) (local $u (ref $units))
 *     (local.set $u (global.get $units))
 *     (if (local.get $loaded)
 *       (then
 *         ;; `s` is in the array whole: units `from..to` are read where they are.
 *         (local.set $i (local.get $from))
 *         (local.set $n (local.get $to)))
 *       (else
 *         (local.set $n (i32.sub (local.get $to) (local.get $from)))
 *         (if (i32.lt_u (array.len (global.get $units)) (local.get $n))
 *           (then
 *             (global.set $units (array.new_default $units (local.get $n)))
 *             (local.set $u (global.get $units))))
 *         (drop (call $intoCharCodeArray
 *           (call $substring (local.get $s) (local.get $from) (local.get $to))
 *           (local.get $u) (i32.const 0)))
 *         (local.set $base (local.get $from))))
 *     (local.set $p (local.get $at))
 *     (block $done
 *       (loop $next
 *         ;; A run of ASCII, as far as the room lets it go: `$ascii` is where it must stop.
 *         (local.set $ascii
 *           (select (local.get $n) (i32.add (local.get $i) (i32.sub (local.get $end) (local.get $p)))
 *             (i32.ge_u (i32.sub (local.get $end) (local.get $p)) (i32.sub (local.get $n) (local.get $i)))))
 *         ;; Four units a step while all four are ASCII: one four-byte store.
 *         (block $quads
 *           (loop $quad
 *             (br_if $quads (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $ascii)))
 *             (local.set $c (array.get_u $units (local.get $u) (local.get $i)))
 *             (local.set $d (array.get_u $units (local.get $u) (i32.add (local.get $i) (i32.const 1))))
 *             (local.set $e (array.get_u $units (local.get $u) (i32.add (local.get $i) (i32.const 2))))
 *             (local.set $f (array.get_u $units (local.get $u) (i32.add (local.get $i) (i32.const 3))))
 *             (br_if $quads (i32.ge_u (i32.or (i32.or (i32.or (local.get $c) (local.get $d)) (local.get $e))
 *               (local.get $f)) (i32.const 0x80)))
 *             (i32.store align=1 (local.get $p)
 *               (i32.or (i32.or (i32.or (local.get $c) (i32.shl (local.get $d) (i32.const 8)))
 *                 (i32.shl (local.get $e) (i32.const 16))) (i32.shl (local.get $f) (i32.const 24))))
 *             (local.set $p (i32.add (local.get $p) (i32.const 4)))
 *             (local.set $i (i32.add (local.get $i) (i32.const 4)))
 *             (br $quad)))
 *         (block $other
 *           (loop $run
 *             (br_if $other (i32.ge_u (local.get $i) (local.get $ascii)))
 *             (br_if $other (i32.ge_u
 *               (local.tee $c (array.get_u $units (local.get $u) (local.get $i))) (i32.const 0x80)))
 *             (i32.store8 (local.get $p) (local.get $c))
 *             (local.set $p (i32.add (local.get $p) (i32.const 1)))
 *             (local.set $i (i32.add (local.get $i) (i32.const 1)))
 *             (br $run)))
 *         (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
 *         (local.set $c (array.get_u $units (local.get $u) (local.get $i)))
 *         ;; ASCII here means the room ran out.
 *         (br_if $done (i32.lt_u (local.get $c) (i32.const 0x80)))
 *         ;; Units beyond ASCII one after another, until an ASCII one goes back to its run.
 *         (loop $wide
 *           (block $after
 *             (if (i32.lt_u (local.get $c) (i32.const 0x800))
 *               (then
 *                 (br_if $done (i32.lt_u (i32.sub (local.get $end) (local.get $p)) (i32.const 2)))
 *                 (i32.store16 align=1 (local.get $p)
 *                   (i32.or (i32.or (i32.shr_u (local.get $c) (i32.const 6)) (i32.const 0xc0))
 *                     (i32.shl (i32.or (i32.and (local.get $c) (i32.const 0x3f)) (i32.const 0x80)) (i32.const 8))))
 *                 (local.set $p (i32.add (local.get $p) (i32.const 2)))
 *                 (local.set $i (i32.add (local.get $i) (i32.const 1)))
 *                 (br $after)))
 *             (if (i32.eq (i32.and (local.get $c) (i32.const 0xf800)) (i32.const 0xd800))
 *               (then
 *                 ;; A high surrogate and a low one after it in the range: a pair, four bytes.
 *                 (if (i32.lt_u (local.get $c) (i32.const 0xdc00))
 *                   (then
 *                     (if (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $n))
 *                       (then
 *                         (if (i32.eq (i32.and
 *                               (local.tee $d (array.get_u $units (local.get $u) (i32.add (local.get $i) (i32.const 1))))
 *                               (i32.const 0xfc00)) (i32.const 0xdc00))
 *                           (then
 *                             (br_if $done (i32.lt_u (i32.sub (local.get $end) (local.get $p)) (i32.const 4)))
 *                             ;; (c - 0xd800) << 10 + (d - 0xdc00) + 0x10000
 *                             (local.set $c (i32.sub (i32.add (i32.shl (local.get $c) (i32.const 10)) (local.get $d))
 *                               (i32.const 0x35fdc00)))
 *                             (i32.store8 (local.get $p) (i32.or (i32.shr_u (local.get $c) (i32.const 18)) (i32.const 0xf0)))
 *                             (i32.store8 offset=1 (local.get $p) (i32.or (i32.and (i32.shr_u (local.get $c) (i32.const 12)) (i32.const 0x3f)) (i32.const 0x80)))
 *                             (i32.store8 offset=2 (local.get $p) (i32.or (i32.and (i32.shr_u (local.get $c) (i32.const 6)) (i32.const 0x3f)) (i32.const 0x80)))
 *                             (i32.store8 offset=3 (local.get $p) (i32.or (i32.and (local.get $c) (i32.const 0x3f)) (i32.const 0x80)))
 *                             (local.set $p (i32.add (local.get $p) (i32.const 4)))
 *                             (local.set $i (i32.add (local.get $i) (i32.const 2)))
 *                             (br $after)))))))
 *                 ;; A lone surrogate: U+FFFD, and `lone` says there was one.
 *                 (global.set $lone (i32.const 1))
 *                 (local.set $c (i32.const 0xfffd))))
 *             (br_if $done (i32.lt_u (i32.sub (local.get $end) (local.get $p)) (i32.const 3)))
 *             (i32.store16 align=1 (local.get $p)
 *               (i32.or (i32.or (i32.shr_u (local.get $c) (i32.const 12)) (i32.const 0xe0))
 *                 (i32.shl (i32.or (i32.and (i32.shr_u (local.get $c) (i32.const 6)) (i32.const 0x3f)) (i32.const 0x80))
 *                   (i32.const 8))))
 *             (i32.store8 offset=2 (local.get $p) (i32.or (i32.and (local.get $c) (i32.const 0x3f)) (i32.const 0x80)))
 *             (local.set $p (i32.add (local.get $p) (i32.const 3)))
 *             (local.set $i (i32.add (local.get $i) (i32.const 1))))
 *           (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
 *           (br_if $wide (i32.ge_u
 *             (local.tee $c (array.get_u $units (local.get $u) (local.get $i))) (i32.const 0x80)))
 *           ;; One ASCII unit before another beyond it (a space between two words of another
 *           ;; script) stays here too; two go to the run.
 *           (br_if $next (i32.ge_u (i32.add (local.get $i) (i32.const 1)) (local.get $n)))
 *           (br_if $next (i32.lt_u
 *             (local.tee $d (array.get_u $units (local.get $u) (i32.add (local.get $i) (i32.const 1))))
 *             (i32.const 0x80)))
 *           (br_if $done (i32.lt_u (i32.sub (local.get $end) (local.get $p)) (i32.const 1)))
 *           (i32.store8 (local.get $p) (local.get $c))
 *           (local.set $p (i32.add (local.get $p) (i32.const 1)))
 *           (local.set $i (i32.add (local.get $i) (i32.const 1)))
 *           (local.set $c (local.get $d))
 *           (br $wide))))
 *     (global.set $read (i32.add (local.get $base) (local.get $i)))
 *     (i32.sub (local.get $p) (local.get $at)))
 *   (func $loadString (export "load") (param $s externref) (param $n i32)
 *     ;; `$n` is `s.length`: the array must hold every unit.
 *     (if (i32.lt_u (array.len (global.get $units)) (local.get $n))
 *       (then (global.set $units (array.new_default $units (local.get $n)))))
 *     (drop (call $intoCharCodeArray (local.get $s) (global.get $units) (i32.const 0)))))
 * ```
 *
 * Assembled here rather than shipped as a file: wasm-bindgen copies `src/copy.js` into the
 * package alone, and the bytes are few.
 * @returns {Uint8Array}
 */
export function stringCopierBytes() {
  /** @param {number} n */
  const sleb = (n) => {
    const out = [];
    for (;;) {
      const b = n & 0x7f;
      n >>= 7;
      if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
      out.push(b | 0x80);
    }
  };
  /** @param {number} n */
  const uleb = (n) => {
    const out = [];
    do {
      const b = n & 0x7f;
      n >>>= 7;
      out.push(n ? b | 0x80 : b);
    } while (n);
    return out;
  };
  /** @param {string} s */
  const name = (s) => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
  /** @param {number[][]} items */
  const vec = (items) => [...uleb(items.length), ...items.flat()];
  /** @param {number} id @param {number[]} bytes */
  const section = (id, bytes) => [id, ...uleb(bytes.length), ...bytes];

  const [i32, externref, refExtern, refUnits, refNullUnits] = [[0x7f], [0x6f], [0x64, 0x6f], [0x64, 0], [0x63, 0]];
  // Locals by index: the parameters, then the function's own.
  const [S, FROM, TO, AT, END, LOADED, N, I, C, D, P, ASCII, BASE, E, F, U] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
  const [READ, UNITS, LONE] = [0, 1, 2];
  const [SUBSTRING, INTO_CHAR_CODE_ARRAY] = [0, 1];
  /** @param {number} x */ const get = (x) => [0x20, x];
  /** @param {number} x */ const set = (x) => [0x21, x];
  /** @param {number} x */ const tee = (x) => [0x22, x];
  /** @param {number} n */ const i32c = (n) => [0x41, ...sleb(n)];
  /** @param {number} f */ const call = (f) => [0x10, f];
  /** @param {number} depth */ const br = (depth) => [0x0c, depth];
  /** @param {number} depth */ const brIf = (depth) => [0x0d, depth];
  const [block, loop, ifThen, orElse, end] = [[0x02, 0x40], [0x03, 0x40], [0x04, 0x40], [0x05], [0x0b]];
  const [add, sub, and, or, shl, shrU, eq, ltU, gtU, geU, select, drop] =
    [[0x6a], [0x6b], [0x71], [0x72], [0x74], [0x76], [0x46], [0x49], [0x4b], [0x4f], [0x1b], [0x1a]];
  const arrayNewDefault = [0xfb, 0x07, 0];
  const arrayGetU = [0xfb, 0x0d, 0];
  const arrayLen = [0xfb, 0x0f];
  /** `i32.store8` at `$p` plus `offset` of what `value` leaves. @param {number} offset @param {number[]} value */
  const store8 = (offset, value) => [...get(P), ...value, 0x3a, 0, ...uleb(offset)];
  /** `i32.store16` (byte-aligned) at `$p` plus `offset` of what `value` leaves. @param {number} offset @param {number[]} value */
  const store16 = (offset, value) => [...get(P), ...value, 0x3b, 0, ...uleb(offset)];
  /** @param {number} x @param {number} n */ const bump = (x, n) => [...get(x), ...i32c(n), ...add, ...set(x)];
  /** Leaves `$end - $p`, the room left. */
  const room = [...get(END), ...get(P), ...sub];
  /** @param {number} n @param {number} depth */
  const stopUnlessRoom = (n, depth) => [...room, ...i32c(n), ...ltU, ...brIf(depth)];
  /** The byte that starts a character, `mark | c >> shift`. @param {number} shift @param {number} mark */
  const lead = (shift, mark) => [...get(C), ...i32c(shift), ...shrU, ...i32c(mark), ...or];
  /** A continuation byte, `0x80 | c >> shift & 0x3f`. @param {number} shift */
  const follow = (shift) => [...get(C), ...(shift ? [...i32c(shift), ...shrU] : []), ...i32c(0x3f), ...and, ...i32c(0x80), ...or];
  /** @param {number[]} index */ const unit = (index) => [...get(U), ...index, ...arrayGetU];

  // Depths count the enclosing blocks, loops and ifs, innermost 0.
  const body = [
    0x23, UNITS, ...set(U),
    ...get(LOADED),
    ...ifThen, ...get(FROM), ...set(I), ...get(TO), ...set(N),
    ...orElse,
    ...get(TO), ...get(FROM), ...sub, ...set(N),
    ...[0x23, UNITS], ...arrayLen, ...get(N), ...ltU,
    ...ifThen, ...get(N), ...arrayNewDefault, 0x24, UNITS, 0x23, UNITS, ...set(U), ...end,
    ...get(S), ...get(FROM), ...get(TO), ...call(SUBSTRING), ...get(U), ...i32c(0), ...call(INTO_CHAR_CODE_ARRAY), ...drop,
    ...get(FROM), ...set(BASE),
    ...end,
    ...get(AT), ...set(P),
    ...block, // $done
    ...loop, // $next
    ...get(N), ...get(I), ...room, ...add, ...room, ...get(N), ...get(I), ...sub, ...geU, ...select, ...set(ASCII),
    ...block, // $quads
    ...loop, // $quad: $quads 1
    ...get(I), ...i32c(4), ...add, ...get(ASCII), ...gtU, ...brIf(1),
    ...unit(get(I)), ...set(C), ...unit([...get(I), ...i32c(1), ...add]), ...set(D),
    ...unit([...get(I), ...i32c(2), ...add]), ...set(E), ...unit([...get(I), ...i32c(3), ...add]), ...set(F),
    ...get(C), ...get(D), ...or, ...get(E), ...or, ...get(F), ...or, ...i32c(0x80), ...geU, ...brIf(1),
    // i32.store (byte-aligned) of the four bytes.
    ...get(P), ...get(C), ...get(D), ...i32c(8), ...shl, ...or, ...get(E), ...i32c(16), ...shl, ...or,
    ...get(F), ...i32c(24), ...shl, ...or, 0x36, 0, 0,
    ...bump(P, 4), ...bump(I, 4), ...br(0),
    ...end, ...end,
    ...block, // $other
    ...loop, // $run: $other 1, $next 2, $done 3
    ...get(I), ...get(ASCII), ...geU, ...brIf(1),
    ...unit(get(I)), ...tee(C), ...i32c(0x80), ...geU, ...brIf(1),
    ...store8(0, get(C)), ...bump(P, 1), ...bump(I, 1), ...br(0),
    ...end, ...end,
    // $next 0, $done 1
    ...get(I), ...get(N), ...geU, ...brIf(1),
    ...unit(get(I)), ...tee(C), ...i32c(0x80), ...ltU, ...brIf(1),
    ...loop, // $wide: `c` is the unit at `i`, beyond ASCII
    ...block, // $after: $wide 1, $next 2, $done 3
    ...get(C), ...i32c(0x800), ...ltU,
    ...ifThen, // $after 1, $done 4
    ...stopUnlessRoom(2, 4), ...store16(0, [...lead(6, 0xc0), ...follow(0), ...i32c(8), ...shl, ...or]), ...bump(P, 2), ...bump(I, 1), ...br(1),
    ...end,
    ...get(C), ...i32c(0xf800), ...and, ...i32c(0xd800), ...eq,
    ...ifThen,
    ...get(C), ...i32c(0xdc00), ...ltU,
    ...ifThen,
    ...get(I), ...i32c(1), ...add, ...get(N), ...ltU,
    ...ifThen,
    ...unit([...get(I), ...i32c(1), ...add]), ...tee(D), ...i32c(0xfc00), ...and, ...i32c(0xdc00), ...eq,
    ...ifThen, // $after 4, $done 7
    ...stopUnlessRoom(4, 7),
    ...get(C), ...i32c(10), ...shl, ...get(D), ...add, ...i32c(0x35fdc00), ...sub, ...set(C),
    ...store8(0, lead(18, 0xf0)), ...store8(1, follow(12)), ...store8(2, follow(6)), ...store8(3, follow(0)),
    ...bump(P, 4), ...bump(I, 2), ...br(4),
    ...end, ...end, ...end,
    ...i32c(1), 0x24, LONE, ...i32c(0xfffd), ...set(C),
    ...end,
    // $after 0, $done 3
    ...stopUnlessRoom(3, 3),
    ...store16(0, [...lead(12, 0xe0), ...follow(6), ...i32c(8), ...shl, ...or]), ...store8(2, follow(0)),
    ...bump(P, 3), ...bump(I, 1),
    ...end,
    // $wide 0, $next 1, $done 2: another unit beyond ASCII stays here, and so does one ASCII
    // unit before another beyond it (the space between two words of another script); two
    // ASCII units go to their run.
    ...get(I), ...get(N), ...geU, ...brIf(2),
    ...unit(get(I)), ...tee(C), ...i32c(0x80), ...geU, ...brIf(0),
    ...get(I), ...i32c(1), ...add, ...get(N), ...geU, ...brIf(1),
    ...unit([...get(I), ...i32c(1), ...add]), ...tee(D), ...i32c(0x80), ...ltU, ...brIf(1),
    ...stopUnlessRoom(1, 2), ...store8(0, get(C)), ...bump(P, 1), ...bump(I, 1), ...get(D), ...set(C),
    ...br(0),
    ...end, ...end, ...end,
    ...get(BASE), ...get(I), ...add, 0x24, READ,
    ...get(P), ...get(AT), ...sub,
    ...end,
  ];
  const code = [...vec([[9, ...i32], [1, ...refUnits]]), ...body];
  // `load(s, n)`: its locals are its two parameters.
  const loadCode = [
    0, 0x23, UNITS, ...arrayLen, ...get(1), ...ltU,
    ...ifThen, ...get(1), ...arrayNewDefault, 0x24, UNITS, ...end,
    ...get(0), 0x23, UNITS, ...i32c(0), ...call(INTO_CHAR_CODE_ARRAY), ...drop,
    ...end,
  ];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([
      [0x5e, 0x77, 0x01], // (array (mut i16))
      [0x60, ...vec([externref, i32, i32]), ...vec([refExtern])],
      [0x60, ...vec([externref, refNullUnits, i32]), ...vec([i32])],
      [0x60, ...vec([externref, i32, i32, i32, i32, i32]), ...vec([i32])],
      [0x60, ...vec([externref, i32]), 0],
    ])),
    ...section(2, vec([
      [...name('wasm:js-string'), ...name('substring'), 0x00, 1],
      [...name('wasm:js-string'), ...name('intoCharCodeArray'), 0x00, 2],
      [...name('engine'), ...name('memory'), 0x02, 0x00, 0x00],
    ])),
    ...section(3, vec([[3], [4]])),
    ...section(6, vec([
      [...i32, 1, ...i32c(0), ...end],
      [...refUnits, 1, ...i32c(16384), ...arrayNewDefault, ...end],
      [...i32, 1, ...i32c(0), ...end],
    ])),
    ...section(7, vec([[...name('encode'), 0x00, 2], [...name('load'), 0x00, 3], [...name('read'), 0x03, READ], [...name('lone'), 0x03, LONE]])),
    ...section(10, vec([[...uleb(code.length), ...code], [...uleb(loadCode.length), ...loadCode]])),
    // The functions' names in profiles (`bench/run.mjs` counts them as the copy of the texts).
    ...section(0, [...name('name'), ...section(1, vec([[2, ...name('copyStringAsUtf8')], [3, ...name('loadString')]]))]),
  ]);
}

/**
 * The string copier's exports: `encode(s, from, to, at, end, loaded)`, `load(s, n)`, `read`
 * and `lone` (1 once it has written a lone surrogate; see `stringCopierBytes`).
 * @typedef {{encode: (s: string, from: number, to: number, at: number, end: number, loaded: number) => number,
 *   load: (s: string, n: number) => void, read: WebAssembly.Global, lone: WebAssembly.Global}} StringCopier
 */

/**
 * Whether the page's `TextEncoder` is Blink's, whose `encodeInto` the string copier beats; in
 * Firefox `encodeInto` is SIMD code, several times faster than the copier. Chromium-based
 * browsers say so in `navigator.userAgentData` (secure contexts only: elsewhere the encoder is
 * kept). Read once: the browser does not change during a page's life, and every call asks.
 */
const blink = (() => {
  /** @type {boolean | undefined} */
  let known;
  return () =>
    (known ??= !!(/** @type {any} */ (globalThis.navigator)?.userAgentData?.brands?.some((/** @type {{brand: string}} */ b) => b.brand === 'Chromium')));
})();

/** Whether texts are made from placeholders: chosen by the engine unless set (`usePlaceholders`). @type {boolean | undefined} */
let preferPlaceholders;
const decoder = new TextDecoder();

/**
 * Makes `placeholdersPay()` say yes (`true`), no (`false`) or what suits the engine
 * (`undefined`, the default). For tests and benchmarks: the texts are the same.
 * @param {boolean | undefined} use
 */
export function usePlaceholders(use) {
  preferPlaceholders = use;
}

/**
 * Whether the HTML module makes a long text with few characters beyond ASCII through
 * `textFromPlaceholders` rather than decoding its UTF-8: in Blink, whose `TextDecoder` goes
 * a character at a time from the first such character on, and decodes ASCII several times
 * faster. In V8's own decoder (Node) both ways cost about the same.
 */
export function placeholdersPay() {
  return preferPlaceholders ?? blink();
}

/**
 * The way back (the HTML module's visible texts, `src/wasm_markup.rs`, `js_text`): a text
 * from `ascii`, its UTF-8 with each character beyond ASCII replaced by U+0000 (which the text
 * does not hold), and `wide`, those characters in order, each followed by U+0000. The ASCII
 * is decoded at once and the characters put back between its pieces.
 * @param {Uint8Array} ascii @param {string} wide
 */
export function textFromPlaceholders(ascii, wide) {
  const pieces = decoder.decode(ascii).split('\0');
  const chars = wide.split('\0');
  const out = new Array(2 * pieces.length - 1);
  for (let i = 0; i < pieces.length; i++) {
    out[2 * i] = pieces[i];
    if (i > 0) out[2 * i - 1] = chars[i - 1];
  }
  return out.join('');
}

/** The compiled copier (`null` where the engine lacks JS String Builtins), once tried. @type {WebAssembly.Module | null | undefined} */
let copierModule;
/** One copier per memory it writes into. @type {WeakMap<WebAssembly.Memory, StringCopier | null>} */
const copiers = new WeakMap();
/** Whether copies use the string copier: chosen by the engine unless set (`useStringCopier`). @type {boolean | undefined} */
let preferCopier;

/**
 * Makes copies use the string copier for every text (`true`), `TextEncoder.encodeInto` (`false`),
 * or whichever suits the engine and the text (`undefined`, the default). For tests and
 * benchmarks: the bytes are the same.
 * @param {boolean | undefined} use
 */
export function useStringCopier(use) {
  preferCopier = use;
}

/**
 * The string copier writing into `memory`, or `null` where copies use `encodeInto`: the engine
 * prefers it (see `blink`) or cannot compile the copier (no JS String Builtins: the options
 * object is ignored there, and instantiating without the `wasm:js-string` imports fails).
 * @param {WebAssembly.Memory} memory
 * @returns {StringCopier | null}
 */
export function stringCopier(memory) {
  if (!(preferCopier ?? blink()) || copierModule === null) return null;
  let copier = copiers.get(memory);
  if (copier !== undefined) return copier;
  copier = null;
  try {
    // @ts-ignore: the compile options (JS String Builtins) are newer than TypeScript's DOM types.
    copierModule ??= new WebAssembly.Module(stringCopierBytes(), {builtins: ['js-string']});
    copier = /** @type {StringCopier} */ (/** @type {unknown} */ (new WebAssembly.Instance(copierModule, {engine: {memory}}).exports));
  } catch {
    copierModule = null;
  }
  copiers.set(memory, copier);
  return copier;
}

/** One `diff()` call's copy of its two texts into wasm memory. */
export class TextCopy {
  /** @type {WebAssembly.Memory} */ #memory;
  /** @type {StringCopier | null} */ #copier;
  /** Per text, the copier where it encodes that text (see `#copierFor`); `undefined` until asked. @type {(StringCopier | null | undefined)[]} */
  #copiers = [undefined, undefined];
  /** The copier for the text being encoded, or `null` for `encodeInto`. @type {StringCopier | null} */
  #using = null;
  /** The text (0 old, 1 new) whose ranges the copier reads from its array whole, or -1 (see `#encodeRange`). */
  #whole = -1;
  /** The text whose units the copier's array holds whole, or -1. */
  #loaded = -1;
  /** Per text, whether it was found to hold nothing beyond U+00FF (see `#copierFor`). */
  #latin1 = [false, false];
  /** Where a text was found to hold a character beyond U+00FF (see `#wide`). */
  #wideAt = 0;
  /** The texts as the engine reads them (see `standIns`). @type {[string, string]} */ #texts;
  /** @type {OldCopy | NewCopy | null} */ #pending = null;
  /** What the old text's copy found for the new one. @type {number[] | null} */ #copies = null;
  /** The UTF-16 unit the last `encodeInto` stopped at. */
  read = 0;
  /** Bytes of the new text copied from the old text's rather than encoded (for tests). */
  copied = 0;

  /**
   * The plan for copying two strings (checked by `readArguments`).
   * @param {string} oldText @param {string} newText
   * @param {WebAssembly.Memory} memory the module's memory
   */
  constructor(oldText, newText, memory) {
    this.#texts = [oldText, newText];
    this.#memory = memory;
    this.#copier = stringCopier(memory);
    if (this.#copier) this.#copier.lone.value = 0;
  }

  /**
   * Whether the copies may hold a lone surrogate (written as U+FFFD), so that the Rust side
   * must look: `false` when every text was either encoded by the string copier, which says
   * when it writes one, or found to hold nothing beyond U+00FF (no surrogate at all).
   */
  get mayHoldLone() {
    return this.#copiers.some((c, side) => c === null && !this.#latin1[side]) || this.#copier?.lone.value === 1;
  }

  /**
   * Whether the texts hold lone surrogates, which their copies wrote as U+FFFD: then they are
   * replaced (see `standIns`) and every copy starts over. Called only when the copies hold
   * U+FFFD. Throws a `diff(): …` error when the lone surrogates cannot be told apart.
   */
  standIns() {
    const [a, b] = this.#texts;
    const texts = standIns(a, b);
    if (texts === null) {
      throw new Error('diff(): `oldText` and `newText` hold lone surrogates and nearly every other character, so they cannot be told apart exactly');
    }
    if (texts[0] === a && texts[1] === b) return false;
    this.#texts = texts;
    this.#pending = null;
    this.#copies = null;
    this.#copiers = [undefined, undefined];
    this.#loaded = -1;
    this.read = 0;
    this.copied = 0;
    return true;
  }

  /**
   * Writes text `side` (0 old, 1 new) from UTF-16 unit `from` on as UTF-8 into `room` bytes of
   * memory at `at`, as much as fits without cutting a character; returns the bytes written and
   * leaves in `read` the unit it stopped at. `oldAt` is where the old text's bytes are (for the
   * new text only).
   * @param {0|1} side @param {number} from @param {number} at @param {number} room @param {number} oldAt
   */
  encodeInto(side, from, at, room, oldAt) {
    const s = this.#texts[side];
    const bytes = new Uint8Array(this.#memory.buffer, at, room);
    this.#using = this.#copierFor(side);
    let p = this.#pending;
    this.#pending = null;
    if (from === 0) {
      p = side === 0 ? this.#oldPlan() : this.#copies ? {side: 1, copies: this.#copies, k: 0, cur: 0} : null;
    } else if (!p || p.side !== side || from !== this.read) {
      p = null;
    }
    // The copier loads a text whole when it encodes all or most of it (all but the new text's
    // stretches between the runs it copies, when those are the lesser part) in more than one
    // piece.
    const most = !p || p.side === 0 || 2 * encodedUnits(p.copies, s.length) > s.length;
    this.#whole = this.#using && s.length > CHUNK && s.length <= WHOLE && most ? side : -1;
    if (p && p.side === 0) {
      let w = 0;
      for (const pieces = p.pieces; p.k < pieces.length; p.k += 3) {
        const [start, end, q0] = [pieces[p.k], pieces[p.k + 1], pieces[p.k + 2]];
        const begin = Math.max(start, from);
        if (q0 >= 0 && begin === start) p.b0 = p.base + w;
        w += this.#encodeRange(s, begin, end, bytes, w);
        if (this.read !== end) {
          p.base += w;
          this.#pending = p;
          return w;
        }
        if (q0 >= 0) p.copies.push(q0, q0 + end - start, p.b0, p.base + w);
      }
      this.#copies = p.copies;
      return w;
    }
    if (p) {
      const {copies} = p;
      const memoryBytes = new Uint8Array(this.#memory.buffer);
      let w = 0;
      for (; p.k < copies.length; p.k += 4) {
        const [q0, q1, b0, b1] = [copies[p.k], copies[p.k + 1], copies[p.k + 2], copies[p.k + 3]];
        w += this.#encodeRange(s, Math.max(p.cur, from), q0, bytes, w);
        if (this.read !== q0 || w + b1 - b0 > room) {
          this.#pending = p;
          return w;
        }
        memoryBytes.copyWithin(at + w, oldAt + b0, oldAt + b1);
        w += b1 - b0;
        this.copied += b1 - b0;
        p.cur = q1;
      }
      return w + this.#encodeRange(s, Math.max(p.cur, from), s.length, bytes, w);
    }
    return this.#encodeRange(s, from, s.length, bytes, 0);
  }

  /**
   * The string copier for text `side`, or `null` when it has no character beyond U+00FF
   * (unless `useStringCopier(true)`): V8 keeps such a string one byte a character, and Blink's
   * `encodeInto` encodes those faster than the copier. (The test returns at once on a one-byte
   * string, whose characters it cannot match, and stops at the first such character on any
   * other.)
   * @param {0|1} side
   */
  #copierFor(side) {
    if (this.#copiers[side] === undefined) {
      this.#latin1[side] = !!this.#copier && !preferCopier && !this.#wide(side);
      this.#copiers[side] = this.#copier && !this.#latin1[side] ? this.#copier : null;
    }
    return this.#copiers[side];
  }

  /**
   * Whether text `side` has a character beyond U+00FF. Looked for first from where the other
   * text has one (near-identical texts have it at about the same place, and a text may have
   * its first one far in), then from the start.
   * @param {0|1} side
   */
  #wide(side) {
    const s = this.#texts[side];
    const at = Math.min(this.#wideAt, s.length);
    // From `at` to the end, then the part before it.
    for (const [text, from] of /** @type {[string, number][]} */ ([[s, at], [s.substring(0, at), 0]])) {
      BEYOND_LATIN1.lastIndex = from;
      const found = BEYOND_LATIN1.exec(text);
      if (found) {
        this.#wideAt = found.index;
        return true;
      }
    }
    return false;
  }

  /** The old text's copy in pieces cut at each run it shares with the new one, or `null`. @returns {OldCopy | null} */
  #oldPlan() {
    const [s, twin] = this.#texts;
    if (s.length < LONG || twin.length < LONG) return null;
    const runs = sharedRuns(s, twin);
    /** @type {number[]} */
    const pieces = [];
    let cur = 0;
    for (let k = 0; k < runs.length; k += 3) {
      pieces.push(cur, runs[k], -1, runs[k], runs[k + 1], runs[k + 2]);
      cur = runs[k + 1];
    }
    pieces.push(cur, s.length, -1);
    return {side: 0, pieces, k: 0, base: 0, b0: 0, copies: []};
  }

  /**
   * Encodes `s[from..to]` into `bytes` from `w` on, as much as fits; returns the bytes written
   * and leaves the unit it stopped at in `read`. A text the copier reads whole (`#whole`) is
   * loaded into its array once and the range encoded in one call; otherwise in pieces of CHUNK
   * units or fewer, never between the two halves of a surrogate pair: engines encode short
   * substrings faster than long ones, and the string copier's array of units stays small.
   * @param {string} s @param {number} from @param {number} to @param {Uint8Array} bytes @param {number} w
   */
  #encodeRange(s, from, to, bytes, w) {
    const copier = this.#using;
    const limit = bytes.byteOffset + bytes.length;
    if (copier && this.#whole >= 0 && from < to && this.#loaded !== this.#whole) {
      try {
        copier.load(s, s.length);
        this.#loaded = this.#whole;
      } catch {
        // No memory for the array: in pieces, as longer texts go.
        this.#whole = -1;
      }
    }
    if (copier && this.#whole >= 0 && from < to) {
      const written = copier.encode(s, from, to, bytes.byteOffset + w, limit, 1);
      this.read = copier.read.value;
      return written;
    }
    let at = from;
    let written = 0;
    while (at < to) {
      let end = Math.min(at + CHUNK, to);
      if (end < to && (s.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
      if (copier) {
        // The range's units overwrite the start of the copier's array.
        this.#loaded = -1;
        written += copier.encode(s, at, end, bytes.byteOffset + w + written, limit, 0);
        at = copier.read.value;
      } else {
        const r = encoder.encodeInto(s.substring(at, end), bytes.subarray(w + written));
        written += r.written;
        at += r.read;
      }
      if (at < end) break;
    }
    this.read = at;
    return written;
  }
}
