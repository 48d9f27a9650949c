// @ts-check
/**
 * How `<article-diff>` draws a diff of two documents (`format` html or markdown): the visible
 * text with its formatting (bold, italic, code, links, embeds as placeholders), paragraphs as
 * the blocks they were (headings, list items, quotes, code blocks), and formatting changes
 * (`span.formatting`) as spans of their own with the description on hover and focus.
 *
 * Everything is built from a fixed allow-list of elements with `createElement` and
 * `textContent`; of the input only the visible text and the model's checked link targets are
 * used, never its markup, attributes, styles or classes. Links are followed only on a click.
 *
 * @module article-diff-formatting
 */

import {h} from './article-diff-dom.js';
import {DEFAULT_STRINGS, say} from './article-diff-strings.js';

const STYLESHEET_URL = new URL('./article-diff-formatting.css', import.meta.url).href;

/** @type {WeakMap<ShadowRoot, Promise<void>>} the stylesheet's load, per element */
const loading = new WeakMap();

/**
 * Links `article-diff-formatting.css` into `root` once, when a diff of two documents is first
 * asked for (a page that diffs only texts never requests it), and resolves when it has loaded
 * or failed to: rows drawn before it would flash unstyled (headings as plain text, lists
 * without their markers' spacing).
 * @param {ShadowRoot} root
 * @returns {Promise<void>}
 */
export function linkFormattingStyles(root) {
  const known = loading.get(root);
  if (known) return known;
  const link = h('link', {attrs: {rel: 'stylesheet', href: STYLESHEET_URL, 'data-formatting': ''}});
  const loaded = new Promise((resolve) => {
    link.addEventListener('load', () => resolve(undefined), {once: true});
    // Without the sheet the rows are still right, only plainer: draw them rather than wait.
    link.addEventListener('error', () => resolve(undefined), {once: true});
  });
  // After the element's own stylesheet, whose rules these refine.
  const first = root.querySelector('link');
  if (first) first.after(link);
  else root.prepend(link);
  loading.set(root, /** @type {Promise<void>} */ (loaded));
  return /** @type {Promise<void>} */ (loaded);
}

/**
 * @typedef {import('./pkg/article_diff.js').Span} Span
 * @typedef {import('./pkg/article_diff.js').Row} Row
 * @typedef {import('./pkg/article_diff.js').DocumentRecord} DocumentRecord
 * @typedef {{kind: number, start: number, end: number, href: string | null}} Mark
 */

/** The element each mark kind of a record is drawn as (`src/wasm_markup.rs` codes 0–8). */
const MARK_TAGS = ['strong', 'em', 'u', 's', 'code', 'sub', 'sup', 'mark', 'a'];
/** Drawing order, outermost first: a link around its bold text, code innermost. */
const NESTING = [8, 0, 1, 2, 3, 7, 5, 6, 4];
const EMBED_NAMES = ['image', 'video', 'audio', 'embedded frame', 'embedded object', 'drawing'];
const BLOCK = 10;

/**
 * Whether `href` may be a link's target: `http:`, `https:`, `mailto:` or relative. The reader
 * already keeps only these; checked again because the element must never draw another.
 * @param {string} href
 */
export function safeHref(href) {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(href)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href);
  return !scheme || /^(https?|mailto)$/i.test(scheme[1]);
}

/**
 * The marks of `record` that overlap `[start, end)`: those of the block `start` lies in and
 * later ones that start before `end` (marks are sorted by start and never leave their block).
 * @param {DocumentRecord} record @param {number} start @param {number} end
 * @returns {Mark[]}
 */
export function marksOver(record, start, end) {
  const {blocks, marks, strings} = record;
  // The block `start` lies in (or the next one): the last whose text starts at or before it.
  let lo = 0;
  let hi = blocks.length / BLOCK - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[BLOCK * mid + 6] <= start) lo = mid;
    else hi = mid - 1;
  }
  const from = blocks.length ? Math.min(start, blocks[BLOCK * lo + 6]) : start;
  lo = 0;
  hi = marks.length / 4;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[4 * mid + 1] < from) lo = mid + 1;
    else hi = mid;
  }
  /** @type {Mark[]} */
  const out = [];
  for (let k = lo; k < marks.length / 4 && marks[4 * k + 1] < end; k++) {
    const [kind, s, e, href] = marks.subarray(4 * k, 4 * k + 4);
    if (e > start) out.push({kind, start: s, end: e, href: href < 0 ? null : strings[href]});
  }
  return out;
}

/**
 * An embed's placeholder: what it is, its text alternative and its source, as text.
 * @param {DocumentRecord} record @param {number} at its U+FFFC's offset
 */
function embedPlaceholder(record, at) {
  const {embeds, strings} = record;
  for (let k = 0; k < embeds.length; k += 4) {
    if (embeds[k + 1] !== at) continue;
    const name = EMBED_NAMES[embeds[k]] ?? 'embed';
    const src = embeds[k + 2] < 0 ? '' : strings[embeds[k + 2]];
    const alt = strings[embeds[k + 3]] ?? '';
    const label = `${name}${alt ? `: ${alt}` : ''}${src ? ` — ${src}` : ''}`;
    return h('span', {class: 'embed', part: 'embed', text: `[${label}]`, attrs: {title: label}});
  }
  return document.createTextNode('\ufffc');
}

/**
 * `text`, which sits at `start` in `record`'s visible text, with the marks that cover it drawn
 * as elements (links with their checked target, which is also their title) and each embed as
 * a labelled placeholder.
 * @param {string} text @param {number} start @param {DocumentRecord} record
 * @returns {Node}
 */
export function markedText(text, start, record) {
  const end = start + text.length;
  const marks = marksOver(record, start, end);
  const hasEmbed = text.includes('\ufffc');
  if (!marks.length && !hasEmbed) return document.createTextNode(text);
  const cuts = new Set([start, end]);
  for (const m of marks) {
    if (m.start > start && m.start < end) cuts.add(m.start);
    if (m.end > start && m.end < end) cuts.add(m.end);
  }
  for (let i = text.indexOf('\ufffc'); i >= 0; i = text.indexOf('\ufffc', i + 1)) cuts.add(start + i).add(start + i + 1);
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let k = 0; k + 1 < points.length; k++) {
    const [from, to] = [points[k], points[k + 1]];
    const piece = text.slice(from - start, to - start);
    /** @type {Node} */
    let node = piece === '\ufffc' ? embedPlaceholder(record, from) : document.createTextNode(piece);
    const covering = marks.filter((m) => m.start <= from && to <= m.end);
    for (const kind of [...NESTING].reverse()) {
      const mark = covering.find((m) => m.kind === kind);
      if (!mark) continue;
      const el = document.createElement(MARK_TAGS[kind]);
      el.setAttribute('part', kind === 8 ? 'link' : 'mark');
      if (kind === 8) {
        if (mark.href !== null && safeHref(mark.href)) {
          el.setAttribute('href', mark.href);
          el.setAttribute('rel', 'noopener noreferrer nofollow');
          el.title = mark.href;
        } else {
          el.title = 'link without a safe target';
        }
      }
      el.append(node);
      node = el;
    }
    out.append(node);
  }
  return out;
}

/**
 * Whether `length` characters of visible text carry the same inline marks (kind, link target,
 * where they start and end) at `oldStart` in `oldRecord` and at `newStart` in `newRecord`.
 * @param {DocumentRecord} oldRecord @param {number} oldStart
 * @param {DocumentRecord} newRecord @param {number} newStart @param {number} length
 */
export function sameInlineMarks(oldRecord, oldStart, newRecord, newStart, length) {
  /** @param {DocumentRecord} record @param {number} start */
  const relative = (record, start) => marksOver(record, start, start + length)
    .filter((m) => m.end > start && m.start < start + length)
    .map((m) => `${m.kind}:${Math.max(0, m.start - start)}-${Math.min(length, m.end - start)}:${m.href ?? ''}`)
    .sort()
    .join(' ');
  return relative(oldRecord, oldStart) === relative(newRecord, newStart);
}

/**
 * The inline view's text of a formatting change whose marks changed: the text as it was (with
 * the old marks, struck through, hidden from screen readers, whom the description tells), then
 * as it is.
 * @param {Node} was @param {Node} is
 */
export function beforeAndAfter(was, is) {
  // The old link is no link any more (its target stays in its title): nothing hidden from a
  // screen reader may take the focus.
  if (was instanceof DocumentFragment || was instanceof Element) {
    for (const link of was.querySelectorAll('a[href]')) {
      link.removeAttribute('href');
      link.removeAttribute('rel');
    }
  }
  const out = document.createDocumentFragment();
  out.append(h('span', {class: 'format-old', part: 'formatting-old', attrs: {'aria-hidden': 'true'}}, [was]), is);
  return out;
}

/**
 * A formatting change on equal text: the text (with its marks) in a span of its own that shows
 * the change's description on hover and, focused, below it.
 * @param {Node} content @param {NonNullable<Span['formatting']>} formatting
 * @param {import('./article-diff-strings.js').Strings} [strings]
 */
export function formattingElement(content, formatting, strings = DEFAULT_STRINGS) {
  const label = say(strings, 'formattingLabel', {description: formatting.description});
  const el = h('span', {class: `format-change ${formatting.kind}`, part: 'formatting', attrs: {title: label, 'aria-label': label, tabindex: '0', role: 'mark'}});
  el.dataset.kind = formatting.kind;
  el.append(content);
  return el;
}

/**
 * What block paragraph `i` of `record` is, as the cell's classes and ARIA attributes: a heading
 * (`role="heading"`, not `h1`–`h6`, which would enter the host page's outline), a list item
 * with its marker, a quote, a code block.
 * @param {DocumentRecord} record @param {number} i
 * @returns {{classes: string[], attrs: Record<string, string>, marker: string}}
 */
export function blockLook(record, i) {
  const r = record.blocks.subarray(BLOCK * i, BLOCK * i + BLOCK);
  /** @type {string[]} */
  const classes = [];
  /** @type {Record<string, string>} */
  const attrs = {};
  let marker = '';
  if (r.length < BLOCK) return {classes, attrs, marker};
  const [kind, level, quote, flags, depth, number] = r;
  if (kind === 1) {
    classes.push('block-heading', `block-h${level}`);
    attrs.role = 'heading';
    attrs['aria-level'] = String(level);
  } else if (kind === 2) {
    classes.push('block-pre');
  } else if (kind === 3 || kind === 4 || kind === 5 || kind === 6) {
    classes.push(['block-term', 'block-description', 'block-caption', level ? 'block-th' : 'block-td'][kind - 3]);
  }
  if (quote > 0) classes.push('block-quote');
  if (flags & 1) {
    classes.push('block-li');
    if (flags & 4) marker = flags & 2 ? `${flags & 8 ? number : ''}.` : '•';
  }
  return {classes, attrs: {...attrs, ...(flags & 1 ? {'data-depth': String(Math.min(depth, 6))} : {}), ...(quote ? {'data-quote': String(Math.min(quote, 6))} : {})}, marker};
}

/**
 * Dresses a cell's text element as the block its (first) paragraph is.
 * @param {HTMLElement} text the cell's `.text` @param {DocumentRecord} record @param {number} paragraph
 */
export function dressBlock(text, record, paragraph) {
  const {classes, attrs, marker} = blockLook(record, paragraph);
  if (classes.length) text.classList.add(...classes);
  for (const [name, value] of Object.entries(attrs)) text.setAttribute(name, value);
  if (marker) text.prepend(h('span', {class: 'list-marker', text: marker, attrs: {'aria-hidden': 'true'}}));
}

/**
 * The "Hide formatting" toggle of the toolbar, shown only for diffs of two documents.
 * @param {(on: boolean) => void} onChange
 */
export class FormattingToggle {
  #input = h('input', {attrs: {type: 'checkbox'}});
  #count = h('span', {class: 'formatting-count'});
  #label = h('span', {text: say(DEFAULT_STRINGS, 'hideFormatting')});
  element = h('label', {class: 'formatting-toggle', part: 'formatting-toggle'}, [
    this.#input, this.#label, this.#count,
  ]);

  /** @param {(on: boolean) => void} onChange */
  constructor(onChange) {
    this.#input.addEventListener('change', () => onChange(/** @type {HTMLInputElement} */ (this.#input).checked));
    this.element.hidden = true;
  }

  /**
   * @param {number | undefined} changes the model's `stats.formattingChanges` (undefined: a text diff)
   * @param {boolean} hidden @param {import('./article-diff-strings.js').Strings} [strings]
   */
  show(changes, hidden, strings = DEFAULT_STRINGS) {
    this.element.hidden = changes === undefined;
    const input = /** @type {HTMLInputElement} */ (this.#input);
    input.checked = hidden;
    input.disabled = !changes && !hidden;
    const n = changes ?? 0;
    this.#label.textContent = say(strings, 'hideFormatting');
    this.#count.textContent = say(strings, 'formattingCount', {n});
    this.#count.hidden = input.disabled;
  }
}
