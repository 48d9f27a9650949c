// The shape of what `diff()` and `unpack()` return, appended to pkg/article_diff.d.ts by
// wasm-bindgen (src/wasm.rs, `typescript_custom_section`). It mirrors src/model.rs (blocks, rows)
// as src/model.js presents it; keep the three in step.
/** Options of `diff()`; every field is optional. */
export interface DiffOptions {
  /** Link paragraphs that moved (default true). */
  detectMoves?: boolean;
  /** Case changes are cosmetic (default false). */
  ignoreCase?: boolean;
  /** Every whitespace change is cosmetic (default false). */
  ignoreWhitespace?: boolean;
  /** Lowest word similarity, 0 to 1, for an edited paragraph to count as moved (default 0.7). */
  moveThreshold?: number;
  /** Work budget in ms (default 1000); `null` for none. Past it the diff is coarser, still exact. */
  timeoutMs?: number | null;
}
/** `[op, text]`: op 0 equal, -1 deleted, 1 inserted (diff-match-patch's shape). */
export type Edit = [op: -1 | 0 | 1, text: string];
/** A paragraph: `text.slice(start, end)`, offsets in UTF-16 code units. */
export interface Paragraph { start: number; end: number; }
export type RowKind = "equal" | "changed" | "split" | "merged" | "inserted" | "deleted" | "moved";
/** A formatting change on equal text of a diff of two documents (`diffDocuments`). */
export interface Formatting {
  kind: "bold" | "italic" | "underline" | "strike" | "code" | "subscript" | "superscript" | "highlight" | "link" | "embed" | "block";
  change: "added" | "removed" | "changed";
  /** For people: "bold added", "link target changed: /a → /b", "heading 2 → heading 3". */
  description: string;
  /** The old and new value where there is one: a link target, an image source, a block's kind. */
  old?: string; new?: string;
}
export interface Span {
  kind: "equal" | "insert" | "delete"; cosmetic: boolean; text: string;
  /** Diffs of two documents only: the span's offset in its side's visible text (UTF-16 units). */
  start?: number;
  /** Diffs of two documents only, on equal spans: the text is the same, its formatting is not. */
  formatting?: Formatting;
}
/** One side of a row: paragraph indices and their text as spans. */
export interface Cell { paragraphs: number[]; spans: Span[]; }
export interface Row {
  kind: RowKind;
  old: Cell | null;
  new: Cell | null;
  /** On "moved" rows: index into `moves`. */
  move?: number;
  /** Every change in the row is cosmetic. */
  cosmetic: boolean;
}
/**
 * A stretch of the view: a run of unchanged paragraphs (kind "equal", `rowCount` rows, one
 * per paragraph pair), a run of deleted or of inserted paragraphs that did not move (kind
 * "deleted" or "inserted", `rowCount` rows, one per paragraph), or one row with another change
 * (`rowCount` 1).
 */
export interface Block {
  kind: RowKind;
  /** Index of its first row, as `rows`, `row()` and `Move.oldRow`/`newRow` count rows. */
  row: number;
  /** Rows it stands for: the run's length, or 1. */
  rowCount: number;
  /**
   * Its paragraphs, `[oldStart, oldEnd)` into `oldParagraphs` and `[newStart, newEnd)` into
   * `newParagraphs`; an empty range (start === end) where it has no cell on that side, at the
   * place it would be. An equal run's two ranges are as long as each other; a deleted run's
   * old range and an inserted run's new range are `rowCount` long.
   */
  oldStart: number; oldEnd: number; newStart: number; newEnd: number;
  /** Every change in the row is cosmetic (false on an equal run). */
  cosmetic: boolean;
  /** On "moved" blocks: index into `moves`. */
  move?: number;
}
export interface Move {
  id: number;
  /** Old paragraph index. */
  from: number;
  /** New paragraph index. */
  to: number;
  /** Word similarity, 0 to 1 (1: moved unchanged), to six decimals. */
  similarity: number;
  /** Row of the source and of the destination (see `Block.row`). */
  oldRow: number; newRow: number;
}
export interface Stats {
  wordsInserted: number; wordsDeleted: number; wordsUnchanged: number;
  paragraphsChanged: number; paragraphsInserted: number; paragraphsDeleted: number;
  paragraphsMoved: number; paragraphsSplit: number; paragraphsMerged: number;
  cosmeticChanges: number;
  /** Diffs of two documents only: formatting changes on equal text (each `Formatting` once). */
  formattingChanges?: number;
}
/** What a reader's `read()` returns: flat records, UTF-16 offsets (layout in `src/wasm_markup.rs`). */
export interface DocumentRecord {
  text: string; blocks: Int32Array; marks: Int32Array; embeds: Int32Array; anchors: Int32Array; strings: string[];
}
export interface Fallback { reason: "deadline"; detail: string; }
/**
 * What `diff()` and `unpack()` return. Its size follows the changes: `blocks`, `moves` and
 * `stats` are read at once; rows, spans, edits and paragraph objects are built when read, their
 * texts sliced from `oldText` and `newText` (no text crosses from wasm). A renderer reads
 * `blocks` and calls `row(i)` for the rows it draws; `rows`, `edits` and the paragraph lists
 * are built once, on first read, and kept.
 */
export interface ArticleDiff {
  /** Runs of unchanged, deleted and inserted paragraphs and rows with another change, top to bottom. */
  readonly blocks: Block[];
  /** How many rows there are (`rows.length`, without building them). */
  readonly rowCount: number;
  /** Row `index`, built on demand (O(log blocks)); `undefined` past the last row. */
  row(index: number): Row | undefined;
  /** Every row top to bottom, built on first read (an object per paragraph pair: prefer `blocks` and `row()`). */
  readonly rows: Row[];
  /** Flat edits in document order, built on first read: equal + deleted rebuild `oldText`, equal + inserted `newText`, exactly, always. */
  readonly edits: Edit[];
  /** Paragraphs of each text, built on first read. */
  readonly oldParagraphs: Paragraph[];
  readonly newParagraphs: Paragraph[];
  moves: Move[];
  stats: Stats;
  /** A budget was hit: coarser than it could be, still exact. */
  approximate: boolean;
  fallback: Fallback | null;
  /** Diffs of two documents (`diffDocuments`): their formatting changes (empty otherwise). */
  readonly formatting: Formatting[];
  /** Diffs of two documents: the format and both documents as read, for drawing them; `null` otherwise. */
  documents: { format: "html" | "markdown"; old: DocumentRecord; new: DocumentRecord } | null;
  /** The two texts the diff was computed from (for documents: their visible texts). */
  readonly oldText: string;
  readonly newText: string;
  /**
   * The whole model in one array (UTF-16 offsets, no text; layout in `src/output/pack.rs`, private to
   * this version): post it from a worker with `postMessage(m, [packed.buffer])` and rebuild the
   * model there with `unpack(packed, oldText, newText)`.
   */
  readonly packed: Uint32Array;
  /** Plain data for `JSON.stringify`: every field above but the texts and `packed`. */
  toJSON(): {
    edits: Edit[]; oldParagraphs: Paragraph[]; newParagraphs: Paragraph[]; blocks: Block[]; rows: Row[];
    moves: Move[]; stats: Stats; approximate: boolean; fallback: Fallback | null;
  };
}
