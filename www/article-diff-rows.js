// @ts-check
/**
 * One row of `<article-diff>` as elements: gutters with paragraph numbers and signs, cells with
 * `<ins>`/`<del>` spans, move links and split/merged labels; the fold a run of unchanged rows
 * is drawn behind; the heading of each version's part when versions are shown one after the
 * other. Builds elements only; which rows to draw, and when, is decided by the layout and the
 * chunked drawing.
 *
 * The rows form an ARIA table (the element's rows container is the `table`): each row has a
 * row header for screen readers that says what the row is, cells that start with which text
 * they hold ("Old ¶ 3"), and gutters hidden from them (their numbers are in those words).
 *
 * @module article-diff-rows
 */

import {h} from './article-diff-dom.js';
import {cellLabel, describeRow, foldText, gutterSign, moveLabel, paragraphNumbers} from './article-diff-labels.js';
import {drawnKind, equalPartners, formattingOnly, interleave} from './article-diff-layout.js';
import {spanMark, whitespaceWords} from './article-diff-marks.js';
import {DEFAULT_STRINGS, say} from './article-diff-strings.js';
import {beforeAndAfter, dressBlock, formattingElement, markedText, sameInlineMarks} from './article-diff-formatting.js';

/**
 * @typedef {import('./pkg/article_diff.js').ArticleDiff} ArticleDiff
 * @typedef {import('./pkg/article_diff.js').Cell} Cell
 * @typedef {import('./pkg/article_diff.js').Move} Move
 * @typedef {import('./pkg/article_diff.js').Row} Row
 * @typedef {import('./pkg/article_diff.js').Span} Span
 * @typedef {import('./article-diff-layout.js').Fold} Fold
 * @typedef {import('./article-diff-layout.js').HiddenChanges} HiddenChanges
 * @typedef {import('./article-diff-layout.js').Heading} Heading
 * @typedef {import('./article-diff-strings.js').Strings} Strings
 * @typedef {{model: ArticleDiff, view: 'split'|'inline', hideCosmetic: boolean, stacked: boolean,
 *   labels: {old: string, new: string}, changeIds: Map<number, string>, hideFormatting?: boolean, strings?: Strings,
 *   hidden?: import('./article-diff-layout.js').Hidden | null}} DrawSettings
 *   what a row is drawn from: `stacked`, versions one after the other (rows are keys of
 *   `stackedItems`); `changeIds`, the id of each change's first row; `strings`, in which words
 *   (English when left out); `hidden`, the layout's test of changed rows drawn as unchanged
 *   (`formattingHidden`), for what a fold's bar says it hides
 * @typedef {{wholeParagraph: boolean, hideCosmetic: boolean, strings: Strings, hideFormatting?: boolean,
 *   documents?: ArticleDiff['documents'], side?: 'old'|'new', oldSpans?: Set<Span>, partners?: Map<Span, Span>}} SpanSettings
 *   how spans are drawn; for a diff of two documents, `documents` and which side each span is on;
 *   inline, `partners`: each new equal span's old one, whose marks a formatting change shows too
 */

/**
 * A row's element with its content.
 * @param {DrawSettings} settings @param {number} key the row's index in the model (or, stacked,
 *   its key: the index for the old part, `rowCount` plus the index for the new part)
 */
export function renderRow(settings, key) {
  if (settings.stacked) return renderPartRow(settings, key);
  const {model, view, hideCosmetic, hideFormatting = false, strings = DEFAULT_STRINGS} = settings;
  const row = /** @type {Row} */ (model.row(key)); // the layout only lists rows the model has
  const documents = model.documents;
  const kind = drawnKind(row, hideCosmetic, hideFormatting && Boolean(documents));
  const look = {documents, hideFormatting};
  const el = rowElement(settings, key, kind);
  // Only its formatting changed (a diff of two documents): neither deleted nor inserted text.
  const only = kind === 'equal' ? null : documents && formattingOnly(row, hideCosmetic) ? 'formatting' : row.cosmetic ? 'cosmetic' : null;
  if (only) el.classList.add(`${only}-row`);
  const move = row.move != null ? model.moves[row.move] : null;
  const said = kind === 'equal' ? say(strings, 'rowUnchanged') : only === 'formatting' ? say(strings, 'rowFormatting') : describeRow(row, strings);
  el.append(h('span', {class: 'sr-only', text: said, attrs: {role: 'rowheader'}}));
  if (view === 'split') {
    el.append(
      gutter(row.old, 'old', kind, only, view, strings),
      cell(row, 'old', row.old, move, key, hideCosmetic, strings, look),
      gutter(row.new, 'new', kind, only, view, strings),
      cell(row, 'new', row.new, move, key, hideCosmetic, strings, look),
    );
  } else {
    el.append(gutter(row.new ?? row.old, row.new ? 'new' : 'old', kind, only, view, strings),
      inlineCell(model, row, move, key, hideCosmetic, strings, look));
  }
  return el;
}

/**
 * @param {DrawSettings} settings @param {number} key @param {string} kind
 */
function rowElement(settings, key, kind) {
  const el = h('div', {class: `row ${kind}`, part: `row row-${kind}`, attrs: {'data-row': String(key), tabindex: '-1', role: 'row'}});
  el.dataset.kind = kind;
  const id = settings.changeIds.get(key);
  if (id) el.id = id;
  return el;
}

/**
 * One version's row when the versions are shown one after the other: that version's text
 * only, in one column.
 * @param {DrawSettings} settings @param {number} key
 */
function renderPartRow(settings, key) {
  const {model, strings = DEFAULT_STRINGS} = settings;
  const side = key < model.rowCount ? 'old' : 'new';
  const row = /** @type {Row} */ (model.row(key % model.rowCount));
  const content = /** @type {Cell} */ (row[side]);
  const kind = side === 'old' ? 'deleted' : 'inserted';
  const el = rowElement(settings, key, kind);
  el.classList.add('part-row');
  el.append(h('span', {class: 'sr-only', text: say(strings, side === 'old' ? 'oldVersion' : 'newVersion'), attrs: {role: 'rowheader'}}));
  const text = paragraphText();
  // The version's own text, not marked as changes: aligned with nothing, every word would be
  // one. A document's text keeps its formatting and its block's look.
  const record = model.documents?.[side];
  if (record) {
    for (const span of content.spans) text.append(span.start === undefined ? span.text : markedText(span.text, span.start, record));
    dressBlock(text, record, content.paragraphs[0]);
  } else {
    text.append(joinText(content.spans));
  }
  el.append(
    gutter(content, side, 'equal', null, 'inline', strings),
    h('div', {class: `cell inline ${side}`, part: `cell cell-${side}`, attrs: {role: 'cell'}}, [
      h('span', {class: 'sr-only', text: say(strings, 'cellLabelled', {label: cellLabel(content, side, strings)})}), text,
    ]),
  );
  return el;
}

/**
 * A part's title: "Old version: <label>", or just the side when the label says no more.
 * @param {'old'|'new'} side @param {string} label @param {Strings} strings
 */
function partTitle(side, label, strings) {
  const name = say(strings, side === 'old' ? 'oldVersion' : 'newVersion');
  return label.trim() === '' || label.trim().toLowerCase() === name.toLowerCase()
    ? name
    : say(strings, side === 'old' ? 'oldPartTitle' : 'newPartTitle', {label});
}

/**
 * The heading of one version's part, when versions are shown one after the other.
 * @param {DrawSettings} settings @param {Heading} heading
 */
export function renderHeading(settings, heading) {
  const side = heading.heading;
  const strings = settings.strings ?? DEFAULT_STRINGS;
  return h('div', {class: `part-heading ${side}`, part: 'part-heading', attrs: {role: 'row'}}, [
    h('div', {class: 'part-title', attrs: {role: 'cell', 'aria-colspan': '2'}}, [
      h('span', {class: 'part-side', text: side === 'old' ? '−' : '+', attrs: {'aria-hidden': 'true'}}),
      h('span', {text: partTitle(side, settings.labels[side], strings)}),
      h('span', {class: 'part-count', text: say(strings, 'paragraphCount', {n: heading.paragraphs})}),
    ]),
  ]);
}

/**
 * A folded run of unchanged rows: a bar with a button, and below it the rows' container,
 * hidden until the reader opens it or the browser's find reaches text in it
 * (`hidden="until-found"`; elsewhere plain `hidden`). The rows are drawn into `rows` later.
 * @param {Fold} fold @param {'split'|'inline'} view @param {Strings} [strings]
 * @param {HiddenChanges} [hidden] the rows of the run whose changes the reader hid (its bar says so)
 * @returns {{el: HTMLElement, rows: HTMLElement}}
 */
export function renderFold(fold, view, strings = DEFAULT_STRINGS, hidden = {formatting: 0, cosmetic: 0}) {
  const {runStart, from, to} = fold;
  const button = h('button', {
    class: 'collapsed', part: 'collapsed',
    attrs: {type: 'button', 'data-run': String(runStart), 'aria-expanded': 'false'},
  }, [
    h('span', {class: 'collapsed-rule', attrs: {'aria-hidden': 'true'}}),
    h('span', {class: 'collapsed-text'}),
    h('span', {class: 'collapsed-rule', attrs: {'aria-hidden': 'true'}}),
  ]);
  button.dataset.from = String(from);
  button.dataset.to = String(to);
  if (hidden.formatting) button.dataset.hiddenFormatting = String(hidden.formatting);
  if (hidden.cosmetic) button.dataset.hiddenCosmetic = String(hidden.cosmetic);
  const rows = h('div', {class: 'fold-rows', attrs: {role: 'none'}});
  const el = h('div', {class: 'fold', attrs: {role: 'none', 'data-run': String(runStart)}}, [
    h('div', {class: 'fold-bar', attrs: {role: 'row'}}, [
      h('div', {class: 'fold-cell', attrs: {role: 'cell', 'aria-colspan': view === 'split' ? '3' : '2'}}, [button]),
    ]),
    rows,
  ]);
  setFoldOpen(el, fold.open, strings);
  return {el, rows};
}

/**
 * Opens or closes a fold drawn by `renderFold`, without redrawing its rows.
 * @param {HTMLElement} fold @param {boolean} open @param {Strings} [strings]
 */
export function setFoldOpen(fold, open, strings = DEFAULT_STRINGS) {
  const button = /** @type {HTMLButtonElement} */ (fold.querySelector(':scope > .fold-bar button'));
  const rows = /** @type {HTMLElement} */ (fold.querySelector(':scope > .fold-rows'));
  const n = Number(button.dataset.to) - Number(button.dataset.from);
  const hidden = {formatting: Number(button.dataset.hiddenFormatting ?? 0), cosmetic: Number(button.dataset.hiddenCosmetic ?? 0)};
  button.className = open ? 'expanded' : 'collapsed';
  button.setAttribute('part', open ? 'expanded' : 'collapsed');
  button.setAttribute('aria-expanded', String(open));
  /** @type {HTMLElement} */ (button.querySelector('.collapsed-text')).textContent = foldText(n, hidden, open, strings);
  fold.classList.toggle('open', open);
  if (open) rows.removeAttribute('hidden');
  else rows.setAttribute('hidden', 'until-found');
}

/**
 * @param {Row} row @param {'old'|'new'} side @param {Cell|null} content @param {Move|null} move
 * @param {number} index @param {boolean} hideCosmetic @param {Strings} strings
 * @param {{documents: ArticleDiff['documents'], hideFormatting: boolean}} look
 */
function cell(row, side, content, move, index, hideCosmetic, strings, look) {
  const el = h('div', {class: `cell ${side}`, part: `cell cell-${side}`, attrs: {role: 'cell'}});
  const label = cellLabel(content, side, strings);
  el.append(h('span', {class: 'sr-only', text: content ? say(strings, 'cellLabelled', {label}) : label}));
  if (!content) {
    el.classList.add('empty');
    el.setAttribute('part', `cell cell-${side} cell-empty`);
    return el;
  }
  const head = cellHead(row, side, move, index, hideCosmetic, strings);
  if (head) el.append(head);
  const text = paragraphText();
  appendSpans(text, content.spans, {wholeParagraph: row.kind === 'inserted' || row.kind === 'deleted', hideCosmetic, strings, ...look, side});
  if (look.documents) dressBlock(text, look.documents[side], content.paragraphs[0]);
  el.append(text);
  return el;
}

/**
 * Chips above a cell's text: move link, split/merged label, "cosmetic only".
 * @param {Row} row @param {'old'|'new'} side @param {Move|null} move
 * @param {number} index @param {boolean} hideCosmetic @param {Strings} strings
 * @returns {HTMLElement|null}
 */
function cellHead(row, side, move, index, hideCosmetic, strings) {
  /** @type {HTMLElement[]} */
  const chips = [];
  if (move) {
    chips.push(moveLink(move, index, side, strings));
  }
  // Row labels go on both sides, so both texts start on the same line.
  if (!(hideCosmetic && row.cosmetic) && row.old && row.new) {
    if (row.kind === 'split') {
      chips.push(h('span', {class: 'chip split', part: 'row-label', text: say(strings, 'splitInto', {n: row.new.paragraphs.length})}));
    } else if (row.kind === 'merged') {
      chips.push(h('span', {class: 'chip merged', part: 'row-label', text: say(strings, 'mergedFrom', {n: row.old.paragraphs.length})}));
    }
    if (chips.length && row.cosmetic) {
      chips.push(h('span', {class: 'chip cosmetic', part: 'row-label', text: say(strings, 'cosmeticChip'),
        attrs: {title: say(strings, 'cosmeticChipTitle')}}));
    }
  }
  return chips.length ? h('div', {class: 'cell-head'}, chips) : null;
}

/**
 * One column: deletions before insertions between the k-th and (k+1)-th equal spans.
 * @param {ArticleDiff} model @param {Row} row @param {Move|null} move @param {number} index
 * @param {boolean} hideCosmetic @param {Strings} strings
 * @param {{documents: ArticleDiff['documents'], hideFormatting: boolean}} look
 */
function inlineCell(model, row, move, index, hideCosmetic, strings, look) {
  const el = h('div', {class: 'cell inline', part: 'cell cell-inline', attrs: {role: 'cell'}});
  const oldLabel = row.old ? cellLabel(row.old, 'old', strings) : '';
  const newLabel = row.new ? cellLabel(row.new, 'new', strings) : '';
  const label = oldLabel && newLabel ? say(strings, 'cellLabelsBoth', {old: oldLabel, new: newLabel}) : oldLabel || newLabel;
  el.append(h('span', {class: 'sr-only', text: say(strings, 'cellLabelled', {label})}));
  /** @type {HTMLElement[]} */
  const chips = [];
  if (move) chips.push(moveLink(move, index, row.old ? 'old' : 'new', strings));
  if (!(hideCosmetic && row.cosmetic)) {
    if (row.kind === 'split' && row.new) chips.push(h('span', {class: 'chip split', part: 'row-label', text: say(strings, 'splitInto', {n: row.new.paragraphs.length})}));
    if (row.kind === 'merged' && row.old) chips.push(h('span', {class: 'chip merged', part: 'row-label', text: say(strings, 'mergedFrom', {n: row.old.paragraphs.length})}));
    if (chips.length && row.cosmetic) chips.push(h('span', {class: 'chip cosmetic', part: 'row-label', text: say(strings, 'cosmeticChip')}));
  }
  if (chips.length) el.append(h('div', {class: 'cell-head'}, chips));
  const text = paragraphText();
  const whole = row.kind === 'inserted' || row.kind === 'deleted';
  if (move && row.new) {
    // The destination of a move reads as the move's word diff: its source's old cell
    // interleaved with this new cell.
    const source = model.row(move.oldRow)?.old ?? null;
    appendSpans(text, source ? interleave(source.spans, row.new.spans, hideCosmetic) : row.new.spans,
      {wholeParagraph: false, hideCosmetic, strings, ...look, oldSpans: new Set(source?.spans),
        partners: look.documents && source ? equalPartners(source.spans, row.new.spans) : undefined});
  } else if (move && row.old) {
    // The source of a move: the paragraph as it stood, dimmed; its edits show at the destination.
    el.classList.add('moved-away');
    if (look.documents) appendSpans(text, row.old.spans, {wholeParagraph: false, hideCosmetic: true, strings, ...look, hideFormatting: true, side: 'old'});
    else text.append(joinText(row.old.spans));
  } else if (row.old && row.new) {
    appendSpans(text, interleave(row.old.spans, row.new.spans, hideCosmetic), {wholeParagraph: false, hideCosmetic, strings, ...look,
      oldSpans: new Set(row.old.spans), partners: look.documents ? equalPartners(row.old.spans, row.new.spans) : undefined});
  } else {
    const content = row.old ?? row.new;
    if (content) appendSpans(text, content.spans, {wholeParagraph: whole, hideCosmetic, strings, ...look, side: row.old ? 'old' : 'new'});
  }
  const shown = row.new ?? row.old;
  if (look.documents && shown) dressBlock(text, look.documents[row.new ? 'new' : 'old'], shown.paragraphs[0]);
  el.append(text);
  return el;
}

/** The gutter's sign of a row whose only changes are of one kind, and its title. */
const ONLY_SIGNS = /** @type {const} */ ({
  cosmetic: {text: '≈', title: 'cosmeticSignTitle'},
  formatting: {text: '✎', title: 'formattingSignTitle'},
});

/**
 * The element a paragraph's text goes in. Its direction is its own text's (`dir="auto"`: the
 * first strong character's), so that an Arabic or Hebrew paragraph reads right to left, starts
 * at the right and keeps its punctuation in place, in a page of either direction.
 */
function paragraphText() {
  return h('div', {class: 'text', attrs: {dir: 'auto'}});
}

/**
 * Paragraph numbers and a sign: + / − for changes, ≈ for cosmetic-only rows, ✎ for rows whose
 * formatting alone changed. Hidden from screen readers: the row's header says the same in words.
 * @param {Cell|null} content @param {'old'|'new'} side @param {string} kind
 * @param {'cosmetic'|'formatting'|null} only the one kind of change the row has, if any
 * @param {'split'|'inline'} view @param {Strings} strings
 */
function gutter(content, side, kind, only, view, strings) {
  const el = h('div', {class: `gutter ${side}`, part: `gutter gutter-${side}`, attrs: {'aria-hidden': 'true'}});
  if (!content) return el;
  // Inline, the numbers are the new version's; old-only rows show just their sign.
  if (view !== 'inline' || side === 'new' || kind === 'equal') {
    el.append(h('span', {class: 'num', text: paragraphNumbers(content), attrs: {title: say(strings, side === 'old' ? 'oldParagraph' : 'newParagraph')}}));
  }
  const sign = gutterSign(kind, side, view);
  // A move's link says where it went; a sign would repeat it.
  if (sign && kind !== 'moved') {
    const mark = h('span', {class: 'sign', text: only ? ONLY_SIGNS[only].text : sign});
    if (only) mark.title = say(strings, ONLY_SIGNS[only].title);
    el.append(mark);
  }
  return el;
}

/**
 * The link from one end of a move to the other. Its accessible name is its visible text with
 * words around it ("Move 1 Moved down to new ¶ 12, below: jump there"), so that voice control
 * finds it by what it shows.
 * @param {Move} move @param {number} index this row @param {'old'|'new'} side the side shown
 * @param {Strings} strings
 */
function moveLink(move, index, side, strings) {
  const {target, down, text, where} = moveLabel(move, index, side, strings);
  const number = move.id + 1;
  return h('button', {
    class: `move-link ${side === 'old' ? 'source' : 'destination'}`, part: 'move-link',
    attrs: {
      type: 'button',
      'data-target': String(target),
      'data-move': String(move.id),
      title: say(strings, 'moveLinkLabel', {n: number, move: text}),
    },
  }, [
    h('span', {class: 'sr-only', text: say(strings, 'moveLinkBefore')}),
    h('span', {class: 'move-badge', part: 'move-badge', text: String(number)}),
    ' ',
    h('span', {class: 'move-text', text}),
    h('span', {class: 'move-arrow', text: down ? '↓' : '↑', attrs: {'aria-hidden': 'true'}}),
    h('span', {class: 'sr-only', text: say(strings, 'moveLinkAfter', {where})}),
  ]);
}

/** @param {Span[]} spans */
function joinText(spans) {
  let text = '';
  for (const span of spans) text += span.text;
  return text;
}

/**
 * Appends spans as text nodes and `<ins>`/`<del>` elements; for a diff of two documents, with
 * their marks, and formatting changes as their own spans.
 * @param {HTMLElement} parent @param {Span[]} spans
 * @param {SpanSettings} how
 */
function appendSpans(parent, spans, how) {
  const documents = how.documents;
  /** The span's text, with the marks of the document it comes from. @param {Span} span */
  const content = (span) => {
    if (!documents || span.start === undefined) return document.createTextNode(span.text);
    const side = span.kind === 'delete' ? 'old' : span.kind === 'insert' ? 'new' : how.side ?? (how.oldSpans?.has(span) ? 'old' : 'new');
    return markedText(span.text, span.start, documents[side]);
  };
  /**
   * A formatting change's text: inline, with the old marks too when they differ (a block's
   * change, "paragraph → heading 2", shows in the block's look).
   * @param {Span} span
   */
  const formatted = (span) => {
    const was = how.partners?.get(span);
    if (!documents || !was || was.start === undefined || span.start === undefined
      || sameInlineMarks(documents.old, was.start, documents.new, span.start, span.text.length)) return content(span);
    return beforeAndAfter(markedText(was.text, was.start, documents.old), markedText(span.text, span.start, documents.new));
  };
  let plainRun = '';
  /** The character before the current run of changes: does the run start a word? */
  let before = '';
  let previous = '';
  /** For documents, whose equal spans are drawn one by one: the last character of the last one. */
  let lastEqual = '';
  const flush = () => {
    if (plainRun) parent.append(plainRun);
    plainRun = '';
  };
  for (const span of spans) {
    if (span.kind === 'equal' || (how.hideCosmetic && span.cosmetic)) {
      if (documents) {
        flush();
        parent.append(span.formatting && !how.hideFormatting ? formattingElement(formatted(span), span.formatting, how.strings) : content(span));
        lastEqual = span.text.slice(-1);
        previous = 'equal';
        continue;
      }
      plainRun += span.text;
      previous = 'equal';
      continue;
    }
    if (previous === 'equal' || previous === '') before = documents ? lastEqual : plainRun.slice(-1);
    flush();
    const tag = span.kind === 'insert' ? 'ins' : 'del';
    const mark = spanMark(span, how.strings);
    const el = h(tag, {part: mark ? `${tag} ${mark.name}` : tag});
    el.append(content(span));
    if (mark) {
      el.className = mark.name;
      el.title = mark.title;
    }
    if (how.wholeParagraph) el.classList.add('whole');
    if (!/\S/.test(span.text)) {
      // Whitespace-only change: a visible glyph and words for screen readers, both through CSS
      // generated content (not copied with the text; see article-diff.css).
      el.classList.add(span.text.includes('\n') ? 'ws-break' : 'ws-space');
      el.dataset.words = whitespaceWords(span.text, span.kind === 'insert' ? 'insert' : 'delete', how.strings);
    }
    // Inline, "a great deal" replaced by "enormously" reads apart, but a letter swapped inside
    // a word ("Stephanopoul[u][o]s") stays joined.
    if (span.kind === 'insert' && previous === 'delete' && !/[\p{L}\p{N}]/u.test(before)) el.classList.add('apart');
    parent.append(el);
    previous = span.kind;
  }
  flush();
}
