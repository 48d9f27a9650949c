// The shape of what `diff()` returns, appended to pkg/article_diff.d.ts by wasm-bindgen
// (src/wasm.rs, `typescript_custom_section`). It mirrors src/model.rs; keep the two in step.
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
export interface Span { kind: "equal" | "insert" | "delete"; cosmetic: boolean; text: string; }
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
export interface Move { id: number; from: number; to: number; similarity: number; oldRow: number; newRow: number; }
export interface Stats {
  wordsInserted: number; wordsDeleted: number; wordsUnchanged: number;
  paragraphsChanged: number; paragraphsInserted: number; paragraphsDeleted: number;
  paragraphsMoved: number; paragraphsSplit: number; paragraphsMerged: number;
  cosmeticChanges: number;
}
export interface Fallback { reason: "deadline"; detail: string; }
/** What `diff()` returns. */
export interface ArticleDiff {
  edits: Edit[];
  oldParagraphs: Paragraph[];
  newParagraphs: Paragraph[];
  rows: Row[];
  moves: Move[];
  stats: Stats;
  approximate: boolean;
  fallback: Fallback | null;
}
