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
 */

const encoder = new TextEncoder();

// Texts this long or longer are walked for shared lines; runs this long or longer are copied.
// The lookahead tries LOOK lines on either side and resumes on a line of LINE units or more.
// Texts are encoded CHUNK units at a time (see `encodeRange`).
const LONG = 65536;
const RUN = 1024;
const LOOK = 4;
const LINE = 16;
const CHUNK = 16384;

/** A lone surrogate: to a `u` regex a surrogate pair is one code point, never `\p{Cs}`. */
const LONE = /\p{Cs}/u;
const LONE_ALL = /\p{Cs}/gu;

/** `String.prototype.isWellFormed` (ES2024), where the engine has it. @type {((this: string) => boolean) | undefined} */
const isWellFormed = /** @type {any} */ (String.prototype).isWellFormed;

/** Whether `s` has no lone surrogate. @param {string} s */
const wellFormed = (s) => (isWellFormed ? isWellFormed.call(s) : !LONE.test(s));

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
  for (const s of [a, b]) {
    for (const [lone] of s.matchAll(LONE_ALL)) {
      if (map.has(lone)) continue;
      const c = take();
      if (c === null) return null;
      map.set(lone, c);
    }
  }
  /** @param {string} s */
  const replace = (s) => (wellFormed(s) ? s : s.replace(LONE_ALL, (lone) => /** @type {string} */ (map.get(lone))));
  return [replace(a), replace(b)];
}

/** @param {string} s @param {number} at */
const lineEnd = (s, at) => {
  const e = s.indexOf('\n', at);
  return e < 0 ? s.length : e + 1;
};

/** @param {string} a @param {number} p @param {number} pe @param {string} b @param {number} q @param {number} qe */
const sameLine = (a, p, pe, b, q, qe) => pe - p === qe - q && a.substring(p, pe) === b.substring(q, qe);

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
 * side are tried for the one that brings the texts back in step. Given up once the lines that
 * differ outweigh what is shared, so unrelated texts cost little.
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
      }
      ap = ape;
      bq = bqe;
    }
    if (!found) {
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

/** One `diff()` call's copy of its two texts into wasm memory. */
export class TextCopy {
  /** @type {WebAssembly.Memory} */ #memory;
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
    let p = this.#pending;
    this.#pending = null;
    if (from === 0) {
      p = side === 0 ? this.#oldPlan() : this.#copies ? {side: 1, copies: this.#copies, k: 0, cur: 0} : null;
    } else if (!p || p.side !== side || from !== this.read) {
      p = null;
    }
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
   * and leaves the unit it stopped at in `read`. In pieces of CHUNK units or fewer, never
   * between the two halves of a surrogate pair: engines encode short substrings faster than
   * long ones.
   * @param {string} s @param {number} from @param {number} to @param {Uint8Array} bytes @param {number} w
   */
  #encodeRange(s, from, to, bytes, w) {
    let at = from;
    let written = 0;
    while (at < to) {
      let end = Math.min(at + CHUNK, to);
      if (end < to && (s.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
      const r = encoder.encodeInto(s.substring(at, end), bytes.subarray(w + written));
      written += r.written;
      at += r.read;
      if (at < end) break;
    }
    this.read = at;
    return written;
  }
}
