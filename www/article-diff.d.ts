// Types of `article-diff` (www/article-diff.js): the `<article-diff>` element class and its
// events. Importing the module defines nothing; `article-diff/define` registers the tag.
// The model's types (`ArticleDiff`, `Stats`, …) come from the wasm package.
import type {ArticleDiff, Stats} from './pkg/article_diff.js';

export type {ArticleDiff, Stats};

/** The name of the Trusted Types policy that starts the worker (`trusted-types article-diff`). */
export declare const TRUSTED_TYPES_POLICY: 'article-diff';

/**
 * Loads and instantiates the wasm engine once per page (the element does so on first use) and
 * resolves to it: the same module as `article-diff/engine`'s `diff` and `version`.
 */
export declare function loadEngine(): Promise<typeof import('./pkg/article_diff.js')>;

/** A template, or one template per plural category of the strings' locale (`other` required). */
export type ArticleDiffString = string | {zero?: string, one?: string, two?: string, few?: string, many?: string, other: string};

/**
 * The words of the element's interface (docs/element.md, "Interface language"): templates with
 * `{name}` placeholders, and the BCP 47 `locale` their numbers and plural forms follow.
 */
export type ArticleDiffStrings = {readonly locale: string} & {readonly [key in ArticleDiffStringKey]: ArticleDiffString};

/** The keys of `ArticleDiffStrings` besides `locale`. */
export type ArticleDiffStringKey =
  | 'oldVersion' | 'newVersion' | 'differences' | 'differencesBetween' | 'changeColumn' | 'bothColumn'
  | 'sideBySide' | 'inline' | 'viewGroup' | 'changesGroup' | 'previous' | 'next' | 'previousTitle'
  | 'nextTitle' | 'hideCosmetic' | 'hideCosmeticTitle' | 'cosmeticCount' | 'hideFormatting' | 'formattingCount' | 'onlyChanges'
  | 'onlyChangesTitle' | 'expandAll' | 'foldAll' | 'legend' | 'closeLegend' | 'copy' | 'copyTitle' | 'copied' | 'copyFailed'
  | 'nothingToCopy' | 'download' | 'downloadTitle' | 'options' | 'comparing' | 'noChanges' | 'changeCount'
  | 'counter' | 'noDifferences' | 'wordsInserted' | 'wordsInsertedTitle' | 'wordsDeleted'
  | 'wordsDeletedTitle' | 'paragraphsChanged' | 'paragraphsInserted' | 'paragraphsInsertedTitle'
  | 'paragraphsDeleted' | 'paragraphsDeletedTitle' | 'paragraphsMoved' | 'paragraphsMovedTitle'
  | 'paragraphsSplit' | 'paragraphsSplitTitle' | 'paragraphsMerged' | 'paragraphsMergedTitle'
  | 'formattingChanges' | 'formattingChangesTitle' | 'formattingLabel'
  | 'approximate' | 'approximateDetail' | 'unrelatedNotice' | 'unrelatedAlignedNotice' | 'sharedPercent'
  | 'sharedUnderOnePercent' | 'alignAnyway' | 'showOneAfterOther' | 'stackedOld' | 'stackedNew'
  | 'wordCount' | 'oldPartTitle' | 'newPartTitle' | 'paragraphCount' | 'rowChanged' | 'rowCosmetic' | 'rowFormatting'
  | 'rowSplit' | 'rowMerged' | 'rowInserted' | 'rowDeleted' | 'rowMovedAway' | 'rowMoved' | 'rowEqual'
  | 'rowUnchanged' | 'oldParagraphNumber' | 'newParagraphNumber' | 'notInOld' | 'notInNew' | 'cellLabelled'
  | 'cellLabelsBoth' | 'oldParagraph' | 'newParagraph' | 'movedDownTo' | 'movedUpTo' | 'movedDownFrom'
  | 'movedUpFrom' | 'movedEdited' | 'moveLinkLabel' | 'moveLinkBefore' | 'moveLinkAfter' | 'otherEndBelow'
  | 'otherEndAbove' | 'splitInto' | 'mergedFrom' | 'cosmeticChip' | 'cosmeticChipTitle'
  | 'cosmeticSignTitle' | 'formattingSignTitle' | 'cosmeticNewTitle' | 'cosmeticOldTitle' | 'unchangedParagraphs' | 'foldUnchanged'
  | 'foldHiddenFormatting' | 'foldHiddenCosmetic' | 'foldParagraphs'
  | 'spaceAdded' | 'spaceRemoved' | 'spacesAdded' | 'spacesRemoved' | 'lineBreakAdded' | 'lineBreakRemoved'
  | 'paragraphBreakAdded' | 'paragraphBreakRemoved' | 'minimapChange' | 'minimapMovedAway' | 'legendWords'
  | 'legendNewWordsSample' | 'legendOldWordsSample' | 'legendInserted' | 'legendDeleted' | 'legendCosmetic'
  | 'legendWhitespace' | 'legendFormattingSample' | 'legendFormatting' | 'legendParagraphs' | 'legendSigns' | 'legendSignInline' | 'legendSignCosmetic' | 'legendSignFormatting'
  | 'legendMovedSample' | 'legendMoved' | 'legendSplit' | 'legendEmpty' | 'legendFold'
  | 'legendFindingYourWay' | 'legendCurrent' | 'legendMinimap' | 'exportOldPart' | 'exportNewPart'
  | 'exportGenerated' | 'bothEmpty';

/** The English strings the element starts with. */
export declare const DEFAULT_STRINGS: ArticleDiffStrings;

/** Fired (`diff`) with the stats after each new diff is drawn. */
export declare class ArticleDiffEvent extends CustomEvent<Stats> {
  constructor(model: ArticleDiff);
  /** The whole model that was drawn. */
  readonly model: ArticleDiff;
}

/** Fired (`article-diff-error`) when loading, decoding or diffing fails; the last good diff stays. */
export declare class ArticleDiffErrorEvent extends CustomEvent<{message: string}> {
  constructor(message: string);
  readonly message: string;
}

/**
 * Fired (`article-diff-worker-unavailable`) before a long diff runs on the main thread because
 * the page cannot run the worker. `message` says why and what the page can allow.
 */
export declare class ArticleDiffWorkerUnavailableEvent extends CustomEvent<{message: string, reason: string}> {
  constructor(reason: string);
  readonly message: string;
}

/**
 * Fired (`article-diff-navigate`) when the current change moves (previous, next, a link, the
 * minimap, `current-change`, the reader scrolling to another change).
 */
export declare class ArticleDiffNavigateEvent extends CustomEvent<{index: number, id: string | null, count: number}> {
  constructor(index: number, id: string | null, count: number);
}

/** The events `<article-diff>` fires, for `addEventListener`. */
export interface ArticleDiffElementEventMap extends HTMLElementEventMap {
  'diff': ArticleDiffEvent;
  'article-diff-error': ArticleDiffErrorEvent;
  'article-diff-worker-unavailable': ArticleDiffWorkerUnavailableEvent;
  'article-diff-navigate': ArticleDiffNavigateEvent;
}

/** `<article-diff>`: two versions of an article side by side (see the package README). */
export declare class ArticleDiffElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /**
   * Registers the element (once; a second call with the same tag does nothing). Returns the class.
   * @param tag default `'article-diff'`
   * @param registry default `customElements`
   */
  static define(tag?: string, registry?: CustomElementRegistry): typeof ArticleDiffElement;

  /** The old text (set directly, or loaded from `old-src`); `null` until known. Setting it re-diffs. */
  get oldText(): string | null;
  set oldText(value: string | null);
  /** The new text (set directly, or loaded from `new-src`); `null` until known. Setting it re-diffs. */
  get newText(): string | null;
  set newText(value: string | null);
  /**
   * The words of the interface, English unless set. Setting an object replaces the keys it has
   * (and `locale`); `null` restores English; strings that cannot be used fire `article-diff-error`.
   */
  get strings(): ArticleDiffStrings;
  set strings(value: Partial<ArticleDiffStrings> | null);
  /** The last diff drawn, or `null`. */
  get model(): ArticleDiff | null;
  /** The last diff's stats, or `null`. */
  get stats(): Stats | null;

  /** `old-src`: a URL to fetch the old text from (UTF-8 unless the server names another encoding). */
  get oldSrc(): string | null;
  set oldSrc(value: string | null);
  /** `new-src`: a URL to fetch the new text from (UTF-8 unless the server names another encoding). */
  get newSrc(): string | null;
  set newSrc(value: string | null);
  /** `max-bytes`: the largest `old-src`/`new-src` source per side, in bytes (default 10,000,000); `NaN` when the attribute is not a whole number. */
  get maxBytes(): number;
  set maxBytes(value: number | null);
  /** `old-label`: the old column's heading (default "Old version"). */
  get oldLabel(): string | null;
  set oldLabel(value: string | null);
  /** `new-label`: the new column's heading (default "New version"). */
  get newLabel(): string | null;
  set newLabel(value: string | null);
  /** `ignore-case`: letter-case changes count as cosmetic. */
  get ignoreCase(): boolean;
  set ignoreCase(on: boolean);
  /** `ignore-whitespace`: every whitespace difference counts as cosmetic. */
  get ignoreWhitespace(): boolean;
  set ignoreWhitespace(on: boolean);
  /** `hide-cosmetic`: draw cosmetic changes as unchanged text (redraws without re-diffing). */
  get hideCosmetic(): boolean;
  set hideCosmetic(on: boolean);
  /** `hide-formatting`: draw formatting changes of two documents as unchanged text (redraws without re-diffing). */
  get hideFormatting(): boolean;
  set hideFormatting(on: boolean);
  /**
   * `format`: what the texts are, `'text'` (default), `'html'` or `'markdown'`. HTML and
   * Markdown are diffed as a reader sees them: the visible text, block by block, with
   * formatting changes (bold added, a link's target changed, a heading's level) drawn as
   * `part="formatting"` spans. Another value is an error shown in the element.
   */
  get format(): string;
  set format(value: string | null);
  /** `true` unless the `no-moves` attribute is set. */
  get detectMoves(): boolean;
  set detectMoves(on: boolean);
  /**
   * `view`: side by side or one column. Without the attribute (or set to `'auto'`/`null`) it
   * follows the element's width: one column below 640 px. The getter says what is drawn.
   */
  get view(): 'split' | 'inline';
  set view(value: 'split' | 'inline' | 'auto' | null);
  /** `only-changes`: every unchanged run folded, with no context paragraphs (redraws without re-diffing). */
  get onlyChanges(): boolean;
  set onlyChanges(on: boolean);
  /**
   * `current-change`: the current change's id (`"change-3"`, also the id of its first row), or
   * `null` before the first step. Setting it goes there once the diff is drawn (a link to a
   * change, on load); the element writes it back as the reader moves.
   */
  get currentChangeId(): string | null;
  set currentChangeId(id: string | null);
  /** `theme`: `'light'`, `'dark'`, `'page'` to follow the page's `color-scheme`, or `null` to follow `prefers-color-scheme`. */
  get theme(): string | null;
  set theme(value: 'light' | 'dark' | 'page' | null);
  /** `timeout-ms`: the engine's time budget in ms; `null` for its default (one second); `NaN` when the attribute is not a positive decimal number. */
  get timeoutMs(): number | null;
  set timeoutMs(ms: number | null);

  /** Number of changes (runs of adjacent changed rows) the navigation steps through. */
  get changeCount(): number;
  /** Index of the current change, or -1 before the first step. */
  get currentChange(): number;
  /** Moves to the next change (wrapping to the first). */
  next(): void;
  /** Moves to the previous change (wrapping to the last). */
  previous(): void;
  /** Moves to change `index` (0-based); out of range does nothing. */
  goToChange(index: number): void;

  /** Opens every folded run of unchanged paragraphs. */
  expandAll(): void;
  /** Folds every run of unchanged paragraphs again. */
  foldAll(): void;
  /**
   * The diff as drawn, as a self-contained HTML document (styles inside, no script) or as plain
   * text with `[-deleted-]{+inserted+}` marks; `''` before the first diff.
   */
  exportDiff(format?: 'html' | 'text'): string;

  /** Resolves once every pending input is loaded, diffed and every row drawn, and (in a document) styled. */
  ready(): Promise<void>;
  /** Diffs (when a text or diff option changed) and draws now. */
  update(): Promise<void>;

  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void;

  addEventListener<K extends keyof ArticleDiffElementEventMap>(type: K,
    listener: (this: ArticleDiffElement, event: ArticleDiffElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ArticleDiffElementEventMap>(type: K,
    listener: (this: ArticleDiffElement, event: ArticleDiffElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'article-diff': ArticleDiffElement;
  }
}
