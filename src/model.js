// @ts-check
/**
 * The model as JavaScript reads it: `ArticleDiff`, a view over the packed array that
 * `src/output/pack.rs` writes (one `Uint32Array` of UTF-16 offsets, no text) and the caller's two
 * strings. The wasm binding imports this file (`#[wasm_bindgen(module = "/src/model.js")]`);
 * `src/wasm.d.ts` is its contract.
 *
 * What costs nothing until asked for: blocks, moves and stats are read once; rows, spans,
 * edits and paragraph objects are built on demand, their texts sliced from the caller's
 * strings (V8 shares the characters). A renderer reads `blocks` (one per unchanged, deleted or
 * inserted run, or other changed row) and calls `row(i)` for the rows it draws, so a
 * 16,000-paragraph document with 20 edited words costs a few dozen objects, not 16,000 rows. `rows`, `edits` and the paragraph
 * lists stay available, built once on first read.
 *
 * A diff of two documents (`diffDocuments`, `src/markup/packed.rs`) has one more section: its
 * formatting changes, which its equal spans point at (`span.formatting`), and the offset of
 * each span in its side's visible text (`span.start`), so a renderer can lay the documents'
 * marks over it.
 *
 * @typedef {'equal'|'changed'|'split'|'merged'|'inserted'|'deleted'|'moved'} RowKind
 * @typedef {'bold'|'italic'|'underline'|'strike'|'code'|'subscript'|'superscript'|'highlight'|'link'|'embed'|'block'} FormattingKind
 * @typedef {{kind: FormattingKind, change: 'added'|'removed'|'changed', description: string, old?: string, new?: string}} Formatting
 * @typedef {{kind: 'equal'|'insert'|'delete', cosmetic: boolean, text: string, start?: number, formatting?: Formatting}} Span
 * @typedef {{paragraphs: number[], spans: Span[]}} Cell
 * @typedef {{kind: RowKind, old: Cell|null, new: Cell|null, move?: number, cosmetic: boolean}} Row
 * @typedef {{kind: RowKind, row: number, rowCount: number, oldStart: number, oldEnd: number,
 *   newStart: number, newEnd: number, cosmetic: boolean, move?: number}} Block
 * @typedef {{id: number, from: number, to: number, similarity: number, oldRow: number, newRow: number}} Move
 * @typedef {{start: number, end: number}} Paragraph
 * @typedef {[op: -1|0|1, text: string]} Edit
 * @typedef {{text: string, blocks: Int32Array, marks: Int32Array, embeds: Int32Array, anchors: Int32Array,
 *   strings: string[]}} DocumentRecord what a reader module's `read()` returns (`src/wasm_markup.rs`)
 * @typedef {{wordsInserted: number, wordsDeleted: number, wordsUnchanged: number,
 *   paragraphsChanged: number, paragraphsInserted: number, paragraphsDeleted: number,
 *   paragraphsMoved: number, paragraphsSplit: number, paragraphsMerged: number,
 *   cosmeticChanges: number, formattingChanges?: number}} Stats
 */

// The layout of `src/output/pack.rs` (its module docs draw it).
const MAGIC = 0x41440001;
// A diff of two documents: the same layout and a formatting section (`src/markup/packed.rs`).
const MAGIC_FORMATTED = 0x41448001;
const FORMATTING = 8;
/** @type {FormattingKind[]} */
const FORMATTING_KINDS = ['bold', 'italic', 'underline', 'strike', 'code', 'subscript', 'superscript', 'highlight', 'link', 'embed', 'block'];
/** @type {Formatting['change'][]} */
const FORMATTING_CHANGES = ['added', 'removed', 'changed'];
const HEADER = 22;
const BLOCK = 10;
const SPAN = 3;
const EDIT = 3;
const MOVE = 5;
/** Row kind codes of the runs of whole paragraphs. */
const INSERTED = 4;
const DELETED = 5;
/** @type {RowKind[]} */
const ROW_KINDS = ['equal', 'changed', 'split', 'merged', 'inserted', 'deleted', 'moved'];
/** @type {Span['kind'][]} */
const SPAN_KINDS = ['equal', 'insert', 'delete'];
/** @type {(keyof Stats)[]} */
const STATS = ['wordsInserted', 'wordsDeleted', 'wordsUnchanged', 'paragraphsChanged', 'paragraphsInserted',
  'paragraphsDeleted', 'paragraphsMoved', 'paragraphsSplit', 'paragraphsMerged', 'cosmeticChanges'];

/** One diff: see `ArticleDiff` in `src/wasm.d.ts`. */
export class ArticleDiff {
  /** @type {Uint32Array} */ #packed;
  /** @type {string} */ #oldText;
  /** @type {string} */ #newText;
  // Where each section starts in `#packed`.
  /** @type {number} */ #blocksAt;
  /** @type {number} */ #spansAt;
  /** @type {number} */ #editsAt;
  // Built on first read.
  /** @type {Block[] | null} */ #blocks = null;
  /** @type {Row[] | null} */ #rows = null;
  /** @type {Edit[] | null} */ #edits = null;
  /** @type {Paragraph[] | null} */ #oldParagraphs = null;
  /** @type {Paragraph[] | null} */ #newParagraphs = null;
  /** The formatting changes of a diff of two documents; spans point at them. @type {Formatting[]} */
  #formatting = [];
  /** Whether this is a diff of two documents (spans carry their `start`). */
  #documents = false;

  /**
   * Trusts its arguments: `unpack()` checks them first when they come from elsewhere.
   * @param {Uint32Array} packed @param {string} oldText @param {string} newText
   */
  constructor(packed, oldText, newText) {
    this.#packed = packed;
    this.#oldText = oldText;
    this.#newText = newText;
    const [, , , p, q, b, s, e, m, , reason, d] = packed;
    this.#blocksAt = HEADER + 2 * (p + q);
    this.#spansAt = this.#blocksAt + BLOCK * b;
    this.#editsAt = this.#spansAt + SPAN * s;
    const movesAt = this.#editsAt + EDIT * e;
    /** @type {Move[]} Moved paragraphs; a moved row's `move` indexes this list. */
    this.moves = [];
    for (let k = 0, at = movesAt; k < m; k++, at += MOVE) {
      this.moves.push({id: k, from: packed[at], to: packed[at + 1], similarity: packed[at + 2] / 1e6,
        oldRow: packed[at + 3], newRow: packed[at + 4]});
    }
    /** @type {Stats} Counts for a summary bar. */
    this.stats = /** @type {Stats} */ ({});
    STATS.forEach((name, k) => { this.stats[name] = packed[12 + k]; });
    /** `true` when a budget was hit: the diff is coarser than it could be, still exact. */
    this.approximate = reason !== 0;
    const detailAt = movesAt + MOVE * m;
    const detail = d === 0 ? '' : new TextDecoder().decode(Uint8Array.from(packed.subarray(detailAt, detailAt + d)));
    /** @type {{reason: 'deadline', detail: string} | null} Why it is approximate. */
    this.fallback = reason === 0 ? null : {reason: 'deadline', detail};
    if (packed[0] === MAGIC_FORMATTED) {
      this.#documents = true;
      const at = detailAt + d;
      const count = packed[at];
      const textAt = at + 2 + FORMATTING * count;
      const text = (/** @type {number} */ start, /** @type {number} */ length) => {
        let out = '';
        for (let k = 0; k < length; k += 8192) {
          out += String.fromCharCode(...packed.subarray(textAt + start + k, textAt + start + Math.min(length, k + 8192)));
        }
        return out;
      };
      for (let k = 0, r = at + 2; k < count; k++, r += FORMATTING) {
        /** @type {Formatting} */
        const f = {kind: FORMATTING_KINDS[packed[r]], change: FORMATTING_CHANGES[packed[r + 1]], description: text(packed[r + 2], packed[r + 3])};
        if (packed[r + 5] !== 0xffffffff) f.old = text(packed[r + 4], packed[r + 5]);
        if (packed[r + 7] !== 0xffffffff) f.new = text(packed[r + 6], packed[r + 7]);
        this.#formatting.push(f);
      }
      this.stats.formattingChanges = count;
    }
  }

  /**
   * A diff of two documents: their format and what the reader returned for each (blocks,
   * marks, embeds, UTF-16 offsets into `oldText` / `newText`), for drawing them; `null` for
   * texts. Set by `diffDocuments()`.
   * @type {{format: 'html'|'markdown', old: DocumentRecord, new: DocumentRecord} | null}
   */
  documents = null;

  /** The formatting changes of a diff of two documents (empty for texts); `span.formatting` is one of them. */
  get formatting() { return this.#formatting; }

  /** The packed form: post it to another thread (transferable) and `unpack()` it there. */
  get packed() { return this.#packed; }
  /** The old text the diff was computed from. */
  get oldText() { return this.#oldText; }
  /** The new text the diff was computed from. */
  get newText() { return this.#newText; }
  /** How many rows `rows` holds (each unchanged paragraph pair is one row). */
  get rowCount() { return this.#packed[9]; }

  /**
   * What to draw, top to bottom: runs of unchanged, of deleted and of inserted paragraphs (a
   * row each), and rows with another change. @returns {Block[]}
   */
  get blocks() {
    if (this.#blocks) return this.#blocks;
    const p = this.#packed;
    /** @type {Block[]} */
    const blocks = [];
    for (let at = this.#blocksAt; at < this.#spansAt; at += BLOCK) {
      const kind = p[at] & 7;
      /** @type {Block} */
      const block = {kind: ROW_KINDS[kind], row: p[at + 1], rowCount: this.#rowCount(at),
        oldStart: p[at + 2], oldEnd: p[at + 3], newStart: p[at + 4], newEnd: p[at + 5], cosmetic: (p[at] & 8) !== 0};
      if (p[at + 6]) block.move = p[at + 6] - 1;
      blocks.push(block);
    }
    return (this.#blocks = blocks);
  }

  /**
   * Row `index` (as `rows`, `Block.row` and `Move.oldRow`/`newRow` count), built now, or
   * `undefined` past the last row. O(log blocks).
   * @param {number} index
   * @returns {Row | undefined}
   */
  row(index) {
    if (this.#rows) return this.#rows[index];
    if (!Number.isInteger(index) || index < 0 || index >= this.rowCount) return undefined;
    const p = this.#packed;
    // The last block whose first row is at or before `index`.
    let lo = 0;
    let hi = (this.#spansAt - this.#blocksAt) / BLOCK - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (p[this.#blocksAt + BLOCK * mid + 1] <= index) lo = mid;
      else hi = mid - 1;
    }
    const at = this.#blocksAt + BLOCK * lo;
    return this.#row(at, index - p[at + 1]);
  }

  /** Every row top to bottom, built on first read. @returns {Row[]} */
  get rows() {
    if (this.#rows) return this.#rows;
    const p = this.#packed;
    /** @type {Row[]} */
    const rows = [];
    for (let at = this.#blocksAt; at < this.#spansAt; at += BLOCK) {
      for (let k = 0, count = this.#rowCount(at); k < count; k++) rows.push(this.#row(at, k));
    }
    return (this.#rows = rows);
  }

  /** The flat edits `[op, text]`: equal + deleted rebuild `oldText`, equal + inserted `newText`. @returns {Edit[]} */
  get edits() {
    if (this.#edits) return this.#edits;
    const p = this.#packed;
    /** @type {Edit[]} */
    const edits = [];
    for (let at = this.#editsAt, end = at + EDIT * p[7]; at < end; at += EDIT) {
      const op = /** @type {-1|0|1} */ (p[at] - 1);
      edits.push([op, (op === 1 ? this.#newText : this.#oldText).slice(p[at + 1], p[at + 2])]);
    }
    return (this.#edits = edits);
  }

  /** Paragraphs of the old text (UTF-16 offsets). @returns {Paragraph[]} */
  get oldParagraphs() {
    return (this.#oldParagraphs ??= this.#paragraphs(HEADER, this.#packed[3]));
  }

  /** Paragraphs of the new text (UTF-16 offsets). @returns {Paragraph[]} */
  get newParagraphs() {
    return (this.#newParagraphs ??= this.#paragraphs(HEADER + 2 * this.#packed[3], this.#packed[4]));
  }

  /** The whole model as plain data (what `JSON.stringify` writes): every row and edit. */
  toJSON() {
    const {edits, oldParagraphs, newParagraphs, blocks, rows, moves, stats, approximate, fallback} = this;
    const json = {edits, oldParagraphs, newParagraphs, blocks, rows, moves, stats, approximate, fallback};
    return this.#documents ? {...json, formatting: this.#formatting} : json;
  }

  /** @param {number} at @param {number} count */
  #paragraphs(at, count) {
    /** @type {Paragraph[]} */
    const out = [];
    for (let k = 0; k < count; k++) out.push({start: this.#packed[at + 2 * k], end: this.#packed[at + 2 * k + 1]});
    return out;
  }

  /**
   * How many rows the block record at `at` stands for: a row per paragraph of an equal or
   * deleted run (its old range) or of an inserted run (its new range), else one.
   * @param {number} at
   */
  #rowCount(at) {
    const p = this.#packed;
    const kind = p[at] & 7;
    if (kind === 0 || kind === DELETED) return p[at + 3] - p[at + 2];
    return kind === INSERTED ? p[at + 5] - p[at + 4] : 1;
  }

  /**
   * Row `offset` of the block record at `at`.
   * @param {number} at @param {number} offset
   * @returns {Row}
   */
  #row(at, offset) {
    const p = this.#packed;
    const kind = p[at] & 7;
    const oldAt = HEADER;
    const newAt = HEADER + 2 * p[3];
    if (kind === 0) {
      return {kind: 'equal', old: this.#whole(oldAt, p[at + 2] + offset, this.#oldText, 'equal'),
        new: this.#whole(newAt, p[at + 4] + offset, this.#newText, 'equal'), cosmetic: false};
    }
    if (kind === DELETED) return {kind: 'deleted', old: this.#whole(oldAt, p[at + 2] + offset, this.#oldText, 'delete'), new: null, cosmetic: false};
    if (kind === INSERTED) return {kind: 'inserted', old: null, new: this.#whole(newAt, p[at + 4] + offset, this.#newText, 'insert'), cosmetic: false};
    const first = p[at + 7];
    const old = this.#cell(p[at + 2], p[at + 3], first, p[at + 8], this.#oldText);
    const cells = {old, new: this.#cell(p[at + 4], p[at + 5], first + p[at + 8], p[at + 9], this.#newText)};
    const cosmetic = (p[at] & 8) !== 0;
    // Keys in the order the model always had: kind, old, new, move (moved rows only), cosmetic.
    return p[at + 6] ? {kind: ROW_KINDS[kind], ...cells, move: p[at + 6] - 1, cosmetic} : {kind: ROW_KINDS[kind], ...cells, cosmetic};
  }

  /**
   * The cell of a paragraph shown whole (unchanged, deleted or inserted): the paragraph, one span.
   * @param {number} paragraphsAt @param {number} i @param {string} text @param {Span['kind']} kind
   * @returns {Cell}
   */
  #whole(paragraphsAt, i, text, kind) {
    const start = this.#packed[paragraphsAt + 2 * i];
    const end = this.#packed[paragraphsAt + 2 * i + 1];
    /** @type {Span} */
    const span = {kind, cosmetic: false, text: text.slice(start, end)};
    if (this.#documents) span.start = start;
    return {paragraphs: [i], spans: [span]};
  }

  /**
   * A changed row's cell, or `null` where the row has none (an empty paragraph range).
   * @param {number} start @param {number} end paragraph indices
   * @param {number} first @param {number} count its spans
   * @param {string} text
   * @returns {Cell | null}
   */
  #cell(start, end, first, count, text) {
    if (start === end) return null;
    const p = this.#packed;
    const paragraphs = [];
    for (let i = start; i < end; i++) paragraphs.push(i);
    /** @type {Span[]} */
    const spans = [];
    for (let at = this.#spansAt + SPAN * first, stop = at + SPAN * count; at < stop; at += SPAN) {
      /** @type {Span} */
      const span = {kind: SPAN_KINDS[p[at] & 3], cosmetic: (p[at] & 4) !== 0, text: text.slice(p[at + 1], p[at + 2])};
      if (this.#documents) {
        span.start = p[at + 1];
        if (p[at] >> 3) span.formatting = this.#formatting[(p[at] >> 3) - 1];
      }
      spans.push(span);
    }
    return {paragraphs, spans};
  }
}

/**
 * Wraps a packed model that is still in wasm memory: the one copy out of it. Throws a
 * `diff(): …` error when JavaScript has no room for the copy.
 * @param {Uint32Array} view @param {string} oldText @param {string} newText
 */
export function materialize(view, oldText, newText) {
  let packed;
  try {
    packed = view.slice();
  } catch {
    throw new Error(`diff(): the result is too large for the memory left (${view.length} numbers)`);
  }
  return new ArticleDiff(packed, oldText, newText);
}

/**
 * An `ArticleDiff` from its `packed` array and the two texts, checked to belong together
 * (layout version, section sizes, text lengths) so that a stray message cannot build a model
 * that reads past its array or slices the wrong strings.
 * @param {unknown} packed @param {unknown} oldText @param {unknown} newText
 */
export function fromPacked(packed, oldText, newText) {
  const fail = (/** @type {string} */ why) => new Error(`unpack(): ${why}`);
  if (!(packed instanceof Uint32Array)) throw fail('`packed` must be the Uint32Array of a diff (its `packed` property)');
  if (packed.length < HEADER || (packed[0] !== MAGIC && packed[0] !== MAGIC_FORMATTED)) {
    throw fail('`packed` is not a packed diff of this version of article-diff');
  }
  const [, oldUnits, newUnits, p, q, b, s, e, m, , , d] = packed;
  const base = HEADER + 2 * (p + q) + BLOCK * b + SPAN * s + EDIT * e + MOVE * m + d;
  const formatted = packed[0] === MAGIC_FORMATTED;
  const [count, units] = formatted ? [packed[base] ?? 0, packed[base + 1] ?? 0] : [0, 0];
  if (packed.length !== (formatted ? base + 2 + FORMATTING * count + units : base)) {
    throw fail('`packed` is truncated or corrupt (its length does not match its header)');
  }
  // A formatted model's records name texts inside its section, and its spans name records.
  const inside = (/** @type {number} */ start, /** @type {number} */ n) => n === 0xffffffff || start + n <= units;
  for (let r = base + 2; r < base + 2 + FORMATTING * count; r += FORMATTING) {
    if (packed[r] >= FORMATTING_KINDS.length || packed[r + 1] >= FORMATTING_CHANGES.length || packed[r + 3] === 0xffffffff
      || !inside(packed[r + 2], packed[r + 3]) || !inside(packed[r + 4], packed[r + 5]) || !inside(packed[r + 6], packed[r + 7])) {
      throw fail('`packed` is truncated or corrupt (a formatting record is out of range)');
    }
  }
  const spansAt = HEADER + 2 * (p + q) + BLOCK * b;
  for (let at = spansAt; formatted && at < spansAt + SPAN * s; at += SPAN) {
    if (packed[at] >> 3 > count) throw fail('`packed` is truncated or corrupt (a span names no formatting change)');
  }
  if (typeof oldText !== 'string' || typeof newText !== 'string') throw fail('`oldText` and `newText` must be strings');
  if (oldText.length !== oldUnits || newText.length !== newUnits) {
    throw fail(`the texts are not the ones this diff was computed from (${oldText.length} and ${newText.length} UTF-16 units, expected ${oldUnits} and ${newUnits})`);
  }
  return new ArticleDiff(packed, oldText, newText);
}
