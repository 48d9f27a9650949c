// @ts-check
/**
 * The model as JavaScript reads it: `ArticleDiff`, a view over the packed array that
 * `src/pack.rs` writes (one `Uint32Array` of UTF-16 offsets, no text) and the caller's two
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
 * @typedef {'equal'|'changed'|'split'|'merged'|'inserted'|'deleted'|'moved'} RowKind
 * @typedef {{kind: 'equal'|'insert'|'delete', cosmetic: boolean, text: string}} Span
 * @typedef {{paragraphs: number[], spans: Span[]}} Cell
 * @typedef {{kind: RowKind, old: Cell|null, new: Cell|null, move?: number, cosmetic: boolean}} Row
 * @typedef {{kind: RowKind, row: number, rowCount: number, oldStart: number, oldEnd: number,
 *   newStart: number, newEnd: number, cosmetic: boolean, move?: number}} Block
 * @typedef {{id: number, from: number, to: number, similarity: number, oldRow: number, newRow: number}} Move
 * @typedef {{start: number, end: number}} Paragraph
 * @typedef {[op: -1|0|1, text: string]} Edit
 * @typedef {{wordsInserted: number, wordsDeleted: number, wordsUnchanged: number,
 *   paragraphsChanged: number, paragraphsInserted: number, paragraphsDeleted: number,
 *   paragraphsMoved: number, paragraphsSplit: number, paragraphsMerged: number,
 *   cosmeticChanges: number}} Stats
 */

// The layout of `src/pack.rs` (its module docs draw it).
const MAGIC = 0x41440001;
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
  }

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
    return {edits, oldParagraphs, newParagraphs, blocks, rows, moves, stats, approximate, fallback};
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
    return {paragraphs: [i], spans: [{kind, cosmetic: false, text: text.slice(start, end)}]};
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
      spans.push({kind: SPAN_KINDS[p[at] & 3], cosmetic: (p[at] & 4) !== 0, text: text.slice(p[at + 1], p[at + 2])});
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
  if (packed.length < HEADER || packed[0] !== MAGIC) throw fail('`packed` is not a packed diff of this version of article-diff');
  const [, oldUnits, newUnits, p, q, b, s, e, m, , , d] = packed;
  if (packed.length !== HEADER + 2 * (p + q) + BLOCK * b + SPAN * s + EDIT * e + MOVE * m + d) {
    throw fail('`packed` is truncated or corrupt (its length does not match its header)');
  }
  if (typeof oldText !== 'string' || typeof newText !== 'string') throw fail('`oldText` and `newText` must be strings');
  if (oldText.length !== oldUnits || newText.length !== newUnits) {
    throw fail(`the texts are not the ones this diff was computed from (${oldText.length} and ${newText.length} UTF-16 units, expected ${oldUnits} and ${newUnits})`);
  }
  return new ArticleDiff(packed, oldText, newText);
}
