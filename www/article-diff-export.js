// @ts-check
/**
 * The diff as text to take elsewhere: a table of rich text for the clipboard (with its marks
 * as inline styles, which word processors and mail keep), the same as plain text with
 * `[-deleted-]{+inserted+}` marks, and a self-contained HTML file (its styles inside, no
 * script, a Content-Security-Policy that allows none). Built from the model and the drawn
 * items, as strings: every piece of article text and every label goes through `escapeHtml`,
 * so no text of the article ever becomes markup. The builders are pure (no DOM), unit-tested
 * under `node --test` (tests/www/); `copyDiff` and `downloadDiff` hand their result to the
 * clipboard and to a file.
 *
 * @module article-diff-export
 */

import {cellLabel, describeRow, foldText, moveLabel, paragraphNumbers} from './article-diff-labels.js';
import {DEFAULT_STRINGS, say} from './article-diff-strings.js';
import {drawnKind, formattingHidden, hiddenChangesIn, interleave} from './article-diff-layout.js';
import {whitespaceWords} from './article-diff-marks.js';

/**
 * @typedef {import('./pkg/article_diff.js').ArticleDiff} ArticleDiff
 * @typedef {import('./pkg/article_diff.js').Row} Row
 * @typedef {import('./pkg/article_diff.js').Span} Span
 * @typedef {import('./article-diff-layout.js').Item} Item
 * @typedef {{model: ArticleDiff, items: Item[], hideCosmetic: boolean, hideFormatting?: boolean, stacked: boolean,
 *   labels: {old: string, new: string}, summary: string, strings?: import('./article-diff-strings.js').Strings}} ExportInput
 *   what is exported: the model and the items drawn from it, with the settings and the words
 *   (English when `strings` is left out) they were drawn with
 */

/** Inline styles of the clipboard's table: a pasted table keeps no stylesheet. */
const INLINE = {
  table: 'border-collapse:collapse;width:100%;font-family:Georgia,serif;font-size:11pt',
  th: 'border:1px solid #d1d9e0;background:#f6f8fa;padding:4px 8px;text-align:left;font-family:sans-serif',
  num: 'border:1px solid #d1d9e0;background:#f6f8fa;color:#59636e;padding:4px 6px;text-align:right;vertical-align:top;font-family:sans-serif;font-size:9pt',
  cell: 'border:1px solid #d1d9e0;padding:4px 8px;vertical-align:top;white-space:pre-wrap',
  empty: 'border:1px solid #d1d9e0;background:#eef1f4',
  fold: 'border:1px solid #d1d9e0;background:#f6f8fa;color:#59636e;padding:2px 8px;text-align:center;font-family:sans-serif;font-size:9pt',
  label: 'color:#8250df;font-family:sans-serif;font-size:9pt;font-weight:bold',
  ins: 'background:#c8f0d1;color:#0e4420;text-decoration:underline',
  del: 'background:#ffd8d6;color:#7d1220;text-decoration:line-through',
  cosmetic: 'background:#fff5c2;text-decoration:underline dotted #9a6700',
};

/** The self-contained file's stylesheet (light and dark). */
const DOCUMENT_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;--surface:#f6f8fa;--ins:#c8f0d1;--ins-fg:#0e4420;
--del:#ffd8d6;--del-fg:#7d1220;--cos:#fff5c2;--cos-line:#9a6700;--move:#8250df;--hatch:#eef1f4}
@media (prefers-color-scheme:dark){:root{--bg:#0f1318;--fg:#e3e8ee;--muted:#939ca7;--border:#30363d;--surface:#161b22;--ins:#1d5a2f;
--ins-fg:#d2f7db;--del:#6b1f27;--del-fg:#ffd9d6;--cos:#3d300b;--cos-line:#e3b341;--move:#b392f0;--hatch:#1f252c}}
body{margin:2rem auto;max-width:80rem;padding:0 1rem;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,sans-serif}
h1{font-size:1.3rem;margin:0 0 .25rem}.summary{color:var(--muted);margin:0 0 1rem}
table{border-collapse:collapse;width:100%;table-layout:fixed}col.num{width:4.5em}
th,td{border:1px solid var(--border);padding:.35rem .6rem;vertical-align:top;text-align:left}
th{background:var(--surface)}td.num{background:var(--surface);color:var(--muted);text-align:right;font-size:.8rem}
td.text{font-family:Charter,Georgia,serif;font-size:1.05rem;line-height:1.55;white-space:pre-wrap;overflow-wrap:anywhere}
td.empty{background:repeating-linear-gradient(-45deg,transparent 0 7px,var(--hatch) 7px 8px)}
ins{background:var(--ins);color:var(--ins-fg);text-decoration:underline}del{background:var(--del);color:var(--del-fg);text-decoration:line-through}
ins.cosmetic,del.cosmetic{background:var(--cos);color:inherit;text-decoration-style:dotted;text-decoration-color:var(--cos-line)}
.label{display:block;color:var(--move);font:600 .75rem system-ui,sans-serif;margin-bottom:.2rem}
tr.fold>td{padding:0;background:var(--surface);color:var(--muted)}details>summary{cursor:pointer;padding:.3rem .6rem;font-size:.85rem}
details table{border:0}details td{border-left:0;border-right:0}
.legend{color:var(--muted);font-size:.85rem;margin:1rem 0 0}
@media print{details:not([open])>*:not(summary){display:block}ins,del{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
`;

/**
 * Text as HTML text or attribute value: the five characters that could start markup or end an
 * attribute are replaced by their references.
 * @param {string} text
 */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The diff as an HTML table for the clipboard: inline styles, folded runs as one line.
 * @param {ExportInput} input
 */
export function clipboardHtml(input) {
  const out = [`<table style="${INLINE.table}"><thead><tr><th style="${INLINE.th}">¶</th><th style="${INLINE.th}">${escapeHtml(input.labels.old)}</th>`
    + `<th style="${INLINE.th}">¶</th><th style="${INLINE.th}">${escapeHtml(input.labels.new)}</th></tr></thead><tbody>`];
  forEachDrawn(input, {
    row: (cells) => out.push(tableRow(cells, true, input)),
    fold: (text, rows) => {
      if (rows) for (const cells of rows()) out.push(tableRow(cells, true, input));
      else out.push(`<tr><td colspan="4" style="${INLINE.fold}">… ${escapeHtml(text)} …</td></tr>`);
    },
    heading: (text) => out.push(`<tr><th colspan="4" style="${INLINE.th}">${escapeHtml(text)}</th></tr>`),
  });
  out.push('</tbody></table>');
  return out.join('');
}

/**
 * The diff as plain text: each drawn paragraph, deletions as `[-…-]` and insertions as
 * `{+…+}` (wdiff's marks), a line for each folded run.
 * @param {ExportInput} input
 */
export function plainText(input) {
  const out = [`${input.labels.old} → ${input.labels.new}`, input.summary, ''];
  forEachDrawn(input, {
    row: (cells) => out.push(plainRow(cells, input.hideCosmetic)),
    fold: (text, rows) => {
      if (rows) for (const cells of rows()) out.push(plainRow(cells, input.hideCosmetic));
      else out.push(`[… ${text} …]`);
    },
    heading: (text) => out.push(`== ${text} ==`),
  });
  return `${out.join('\n\n')}\n`;
}

/**
 * The diff as a whole HTML file: every paragraph, the unchanged runs folded behind
 * `<details>` (no script needed to open them), its styles inside.
 * @param {ExportInput} input @param {{generated?: string}} [meta] when it was made, as text
 */
export function exportDocument(input, meta = {}) {
  const title = `${input.labels.old} → ${input.labels.new}`;
  const colgroup = '<colgroup><col class="num"><col><col class="num"><col></colgroup>';
  const out = [
    // The file's own words (headings, summary) are in the strings' language.
    `<!doctype html>\n<html lang="${escapeHtml((input.strings ?? DEFAULT_STRINGS).locale)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing in the file runs, whatever its text says.
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    `<title>${escapeHtml(title)}</title><style>${DOCUMENT_CSS}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1><p class="summary">${escapeHtml(input.summary)}${meta.generated ? ` · ${escapeHtml(meta.generated)}` : ''}</p>`,
    `<table>${colgroup}<thead><tr><th>¶</th><th>${escapeHtml(input.labels.old)}</th><th>¶</th><th>${escapeHtml(input.labels.new)}</th></tr></thead><tbody>`,
  ];
  forEachDrawn(input, {
    row: (cells) => out.push(tableRow(cells, false, input)),
    fold: (text, rows) => {
      const body = [];
      for (const cells of rows ? rows() : []) body.push(tableRow(cells, false, input));
      out.push(`<tr class="fold"><td colspan="4"><details><summary>${escapeHtml(text)}</summary>`
        + `<table>${colgroup}<tbody>${body.join('')}</tbody></table></details></td></tr>`);
    },
    heading: (text) => out.push(`<tr><th colspan="4">${escapeHtml(text)}</th></tr>`),
  }, {foldRows: true});
  out.push('</tbody></table>');
  out.push('<p class="legend">Inserted words are underlined, deleted ones struck through; a dotted mark is a cosmetic change '
    + '(typography, letter case or spacing); ¶ and · are paragraph breaks and spaces.</p>');
  out.push('</body></html>\n');
  return out.join('');
}

/**
 * @typedef {{oldNum: string, newNum: string, old: Span[] | null, new: Span[] | null, label: string}} RowCells
 *   a row's cells, ready to write: each side's spans (`null`: not in that version)
 */

/**
 * Walks what is drawn: each row, each fold (the words on its bar, as the element's; with its
 * rows when open, or always with `foldRows`), each part heading.
 * @param {ExportInput} input
 * @param {{row: (cells: RowCells) => void, fold: (text: string, rows: (() => Iterable<RowCells>) | null) => void,
 *   heading: (text: string) => void}} visit
 * @param {{foldRows?: boolean}} [how]
 */
function forEachDrawn(input, visit, how = {}) {
  const strings = input.strings ?? DEFAULT_STRINGS;
  const hidden = input.stacked ? null : formattingHidden(input.model, input.hideCosmetic, input.hideFormatting ?? false);
  for (const item of input.items) {
    if (typeof item === 'number') {
      visit.row(input.stacked ? partCells(input, item) : rowCells(input, item));
    } else if ('runStart' in item) {
      const {from, to} = item;
      const changes = hiddenChangesIn(input.model.blocks, from, to, input.hideCosmetic, hidden);
      visit.fold(foldText(to - from, changes, false, strings), item.open || how.foldRows ? function* rows() {
        for (let row = from; row < to; row++) yield rowCells(input, row);
      } : null);
    } else {
      const side = item.heading;
      visit.heading(say(input.strings ?? DEFAULT_STRINGS, side === 'old' ? 'exportOldPart' : 'exportNewPart', {label: input.labels[side], n: item.paragraphs}));
    }
  }
}

/**
 * @param {ExportInput} input @param {number} index
 * @returns {RowCells}
 */
function rowCells({model, hideCosmetic, strings = DEFAULT_STRINGS}, index) {
  const row = /** @type {Row} */ (model.row(index));
  const kind = drawnKind(row, hideCosmetic);
  const move = row.move != null ? model.moves[row.move] : null;
  let label = '';
  if (move) label = `${move.id + 1} · ${moveLabel(move, index, row.old ? 'old' : 'new', strings).text}`;
  else if (kind === 'split' && row.new) label = say(strings, 'splitInto', {n: row.new.paragraphs.length});
  else if (kind === 'merged' && row.old) label = say(strings, 'mergedFrom', {n: row.old.paragraphs.length});
  return {
    oldNum: row.old ? paragraphNumbers(row.old) : '',
    newNum: row.new ? paragraphNumbers(row.new) : '',
    old: row.old?.spans ?? null,
    new: row.new?.spans ?? null,
    label: kind === 'equal' ? '' : label || (kind === 'changed' ? '' : describeRow(row, strings)),
  };
}

/**
 * A row of one version's part (versions shown one after the other): its text on its side.
 * @param {ExportInput} input @param {number} key
 * @returns {RowCells}
 */
function partCells({model}, key) {
  const side = key < model.rowCount ? 'old' : 'new';
  const row = /** @type {Row} */ (model.row(key % model.rowCount));
  const cell = /** @type {NonNullable<Row['old']>} */ (row[side]);
  const text = [{kind: /** @type {const} */ ('equal'), text: cell.spans.map((s) => s.text).join(''), cosmetic: false}];
  return side === 'old'
    ? {oldNum: paragraphNumbers(cell), newNum: '', old: text, new: null, label: ''}
    : {oldNum: '', newNum: paragraphNumbers(cell), old: null, new: text, label: ''};
}

/**
 * @param {RowCells} cells @param {boolean} inline styles in attributes (the clipboard)
 * @param {ExportInput} input what is exported: its settings and words
 */
function tableRow(cells, inline, {hideCosmetic, strings = DEFAULT_STRINGS}) {
  const num = (/** @type {string} */ n) => (inline ? `<td style="${INLINE.num}">${escapeHtml(n)}</td>` : `<td class="num">${escapeHtml(n)}</td>`);
  /** @param {Span[] | null} pieces @param {'old'|'new'} side */
  const text = (pieces, side) => {
    if (!pieces) {
      return inline ? `<td style="${INLINE.empty}" title="${escapeHtml(cellLabel(null, side, strings))}"></td>` : `<td class="empty" title="${escapeHtml(cellLabel(null, side, strings))}"></td>`;
    }
    const label = cells.label ? (inline ? `<span style="${INLINE.label}">${escapeHtml(cells.label)}</span>` : `<span class="label">${escapeHtml(cells.label)}</span>`) : '';
    // The text in a direction of its own, as in the element (a right-to-left paragraph starts
    // at the right), apart from the label before it.
    return `${inline ? `<td style="${INLINE.cell}">` : '<td class="text">'}${label}<div dir="auto">${pieces.map((p) => pieceHtml(p, inline, hideCosmetic)).join('')}</div></td>`;
  };
  return `<tr>${num(cells.oldNum)}${text(cells.old, 'old')}${num(cells.newNum)}${text(cells.new, 'new')}</tr>`;
}

/**
 * @param {Span} piece @param {boolean} inline @param {boolean} hideCosmetic
 */
function pieceHtml(piece, inline, hideCosmetic) {
  if (piece.kind === 'equal' || (hideCosmetic && piece.cosmetic)) return escapeHtml(piece.text);
  const tag = piece.kind === 'insert' ? 'ins' : 'del';
  // A whitespace-only change has nothing to see: a glyph stands for it, its words as a tooltip.
  const blank = !/\S/.test(piece.text);
  const shown = blank ? `${piece.text.includes('\n') ? '¶' : '·'}${piece.text}` : piece.text;
  const title = blank ? ` title="${escapeHtml(whitespaceWords(piece.text, piece.kind))}"` : '';
  const look = inline ? ` style="${piece.cosmetic ? INLINE.cosmetic : INLINE[tag]}"` : (piece.cosmetic ? ' class="cosmetic"' : '');
  return `<${tag}${look}${title}>${escapeHtml(shown)}</${tag}>`;
}

/**
 * @param {RowCells} cells @param {boolean} hideCosmetic
 */
function plainRow(cells, hideCosmetic) {
  const label = cells.label ? `[${cells.label}] ` : '';
  if (cells.old && cells.new) {
    return `${label}${interleave(cells.old, cells.new, hideCosmetic).map((p) => (hideCosmetic && p.cosmetic ? p.text : plainPiece(p))).join('')}`;
  }
  const only = cells.old ?? cells.new ?? [];
  const whole = only.map((p) => p.text).join('');
  return `${label}${cells.old ? `[-${whole}-]` : `{+${whole}+}`}`;
}

/** @param {Span} piece */
function plainPiece(piece) {
  if (piece.kind === 'equal') return piece.text;
  return piece.kind === 'insert' ? `{+${piece.text}+}` : `[-${piece.text}-]`;
}

/**
 * Puts the diff on the clipboard, as rich text and as plain text; resolves to what to tell
 * the reader. The copy command of the click that asked goes first: its `copy` event takes the
 * HTML as it is, where the asynchronous clipboard parses it in the page, and a page whose CSP
 * forbids inline styles then reports every style of the table. Where the command is refused,
 * the asynchronous clipboard does it.
 * @param {ExportInput | null} input @param {import('./article-diff-strings.js').Strings} [strings]
 * @returns {Promise<string>}
 */
export async function copyDiff(input, strings = DEFAULT_STRINGS) {
  if (!input) return say(strings, 'nothingToCopy');
  const html = clipboardHtml(input);
  const text = plainText(input);
  let filled = false;
  /** @param {ClipboardEvent} event */
  const fill = (event) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/html', html);
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    filled = true;
  };
  document.addEventListener('copy', fill, {once: true});
  try {
    if (document.execCommand('copy') && filled) return say(strings, 'copied');
  } finally {
    document.removeEventListener('copy', fill);
  }
  try {
    await navigator.clipboard.write([new ClipboardItem({
      'text/html': new Blob([html], {type: 'text/html'}),
      'text/plain': new Blob([text], {type: 'text/plain'}),
    })]);
    return say(strings, 'copied');
  } catch {
    return say(strings, 'copyFailed');
  }
}

/**
 * Saves the diff as one HTML file (the browser's download), named after the two versions.
 * @param {ExportInput | null} input @param {ShadowRoot} root where the link is clicked from
 */
export function downloadDiff(input, root) {
  if (!input) return;
  const strings = input.strings ?? DEFAULT_STRINGS;
  const html = exportDocument(input, {generated: say(strings, 'exportGenerated', {date: new Date().toLocaleString(strings.locale)})});
  const url = URL.createObjectURL(new Blob([html], {type: 'text/html;charset=utf-8'}));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(input.labels);
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  // The download has read the blob by then; a page left open should not hold it forever.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A file name from the two labels: letters, digits and dashes only, never a path.
 * @param {{old: string, new: string}} labels
 */
export function fileName(labels) {
  const slug = (/** @type {string} */ label) => label.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'version';
  return `diff-${slug(labels.old)}-to-${slug(labels.new)}.html`;
}
