// @ts-check
/**
 * The element's feature checks that every browser runs (not a test file itself): the pairs,
 * the functions run in the page, and the assertions on what they return. Chromium's tests
 * (formatting, reader, element) pass the page functions to playwright's `page.evaluate`;
 * other-browsers-features.test.mjs passes them to the WebDriver launchers' `OpenPage.run`
 * (tests/package/browsers.mjs), so Firefox and WebKit are held to the same checks.
 *
 * Each page function is self-contained (its source text is sent to the page), takes one
 * JSON-able argument and resolves to a JSON-able result. They read the page's first
 * `<article-diff>` and its shadow root.
 */
import assert from 'node:assert/strict';

/** A heading level, emphasis made strong, a link target and a moved list item: formatting and a move, no word changed. */
export const FORMATTING_PAIR = {
  oldText: `<!-- wp:heading --><h2>A quiet week in Fenwick</h2><!-- /wp:heading -->
<!-- wp:paragraph --><p>The council met on <em>Tuesday</em> and read the
<a href="https://example.org/minutes/2024">minutes</a> aloud.</p><!-- /wp:paragraph -->
<ul><li>Roads</li><li>Library</li><li>Parks</li></ul>
<p>Nothing else happened.</p>`,
  newText: `<!-- wp:heading --><h3>A quiet week in Fenwick</h3><!-- /wp:heading -->
<!-- wp:paragraph --><p>The council met on <strong>Tuesday</strong> and read the
<a href="https://example.org/minutes/2025">minutes</a> aloud.</p><!-- /wp:paragraph -->
<ul><li>Library</li><li>Parks</li><li>Roads</li></ul>
<p>Nothing else happened.</p>`,
};

/** The same kinds of change in Markdown: a link target, a heading level, emphasis made strong. */
export const MARKDOWN_PAIR = {
  oldText: 'By [Vladimir Frolov](#)\n\n# Title\n\nSome *text*.',
  newText: 'By [Vladimir Frolov](/authors/frolov)\n\n## Title\n\nSome **text**.',
};

/**
 * Twelve paragraphs and a numbered list: one paragraph bolded, one with a word changed, the
 * list renumbered. Three changes, of which one is a word.
 */
export function hideFormattingPair() {
  const paragraphs = Array.from({length: 12}, (_, i) => `<p>Paragraph ${i + 1} of the council's weekly report.</p>`);
  const edited = [...paragraphs];
  edited[5] = '<p>Paragraph 6 of the <strong>council\'s</strong> weekly report.</p>';
  edited[10] = '<p>Paragraph 11 of the council\'s monthly report.</p>';
  return {
    oldText: [...paragraphs, '<ol start="3"><li>Roads</li><li>Parks</li></ol>'].join('\n'),
    newText: [...edited, '<ol start="4"><li>Roads</li><li>Parks</li></ol>'].join('\n'),
  };
}

/**
 * Markup that would run or restyle the page if it ever became elements: an image's onerror, a
 * javascript: link, a script, a style, a frame, and escaped markup that must stay text. The
 * new side differs (its handlers set another number) and has one more paragraph.
 */
export function hostilePair() {
  const hostile = (/** @type {number} */ n) => `<p>Hi <img src=x onerror="window.__pwned=${n}"> <a href="javascript:window.__pwned=${n}">click</a>
      <script>window.__pwned=${n}</script><style>*{display:none}</style> &lt;b&gt;not bold&lt;/b&gt; <iframe src="javascript:1"></iframe></p>
    <p><a href=" JaVaScRiPt:window.__pwned=${n}">mixed case</a> <a href="data:text/html,<script>window.__pwned=${n}</script>">data</a>
      <a href="vbscript:msgbox(${n})">vb</a> <a href="https://example.org/ok" onclick="window.__pwned=${n}">web</a>
      <a href="mailto:desk@example.org">mail</a> <a href="/archive/2024">relative</a></p>`;
  return {oldText: hostile(1), newText: `${hostile(2)}<p>more</p>`};
}

/** One paragraph split in two, two merged into one, and a word changed. */
export const SPLIT_MERGE_PAIR = {
  oldText: 'The council met on Tuesday. It read the minutes aloud and voted on the budget.\n\nThe mayor spoke first.\n\nShe thanked the volunteers.\n\nNothing else happened that week.\n',
  newText: 'The council met on Tuesday.\n\nIt read the minutes aloud and voted on the budget.\n\nThe mayor spoke first. She thanked the volunteers.\n\nNothing else happened that month.\n',
};

/** Only typography changed in the first paragraph (cosmetic); a word added in the third. */
export const COSMETIC_PAIR = {
  oldText: 'He said "yes" - twice.\n\nNothing changed here.\n\nThe vote was close.\n',
  newText: 'He said “yes” — twice.\n\nNothing changed here.\n\nThe vote was very close.\n',
};

/** Twelve paragraphs, the last one edited: ten unchanged ones fold. */
export function foldPair() {
  const paragraphs = Array.from({length: 12}, (_, i) => `Unchanged paragraph number ${i + 1} of the story.`);
  const edited = [...paragraphs];
  edited[11] = 'Unchanged paragraph number 12 of the whole story.';
  return {oldText: paragraphs.join('\n\n'), newText: edited.join('\n\n')};
}

/**
 * Fourteen paragraphs: two with formatting changed (bold, a link), one with a word changed,
 * so that eleven fold above the word change, two of them with formatting changes.
 */
export function hiddenFormattingFoldPair() {
  const paragraphs = Array.from({length: 14}, (_, i) => `<p>Paragraph ${i + 1} of the council's weekly report.</p>`);
  const edited = [...paragraphs];
  edited[4] = '<p>Paragraph 5 of the <strong>council\'s</strong> weekly report.</p>';
  edited[6] = '<p>Paragraph 7 of the council\'s <a href="https://example.org/report">weekly report</a>.</p>';
  edited[12] = '<p>Paragraph 13 of the council\'s monthly report.</p>';
  return {oldText: paragraphs.join('\n'), newText: edited.join('\n')};
}

/** Fourteen paragraphs: one with only its quotes curled (cosmetic), one with a word changed. */
export function hiddenCosmeticFoldPair() {
  const paragraphs = Array.from({length: 14}, (_, i) => `Paragraph ${i + 1} of the "weekly" report.`);
  const edited = [...paragraphs];
  edited[3] = 'Paragraph 4 of the “weekly” report.';
  edited[12] = 'Paragraph 13 of the "monthly" report.';
  return {oldText: paragraphs.join('\n\n'), newText: edited.join('\n\n')};
}

/** Forty garden paragraphs against thirty about space: texts that share little. */
export function unrelatedPair() {
  return {
    oldText: Array.from({length: 40}, (_, i) => `Garden bed ${i}: roses, tulips and lilies bloom beside the old stone wall.`).join('\n\n'),
    newText: Array.from({length: 30}, (_, i) => `Satellite ${i} orbits Jupiter; telemetry confirms stable thrusters.`).join('\n\n'),
  };
}

/** Whitespace changed: a doubled space, a line break, a paragraph added. */
export const WHITESPACE_PAIR = {oldText: 'One two three.\n\nFour five.\n', newText: 'One  two three.\n\nFour\nfive.\n\nSix.\n'};

/** Markup, script and a javascript: link in plain texts and in labels, which must stay text. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror=window.__pwned=1>',
  '</script><script>window.__pwned=2</script>',
  '[click me](javascript:window.__pwned=3) <a href="javascript:window.__pwned=4">link</a>',
  '<style>*{display:none}</style><svg onload=window.__pwned=5>',
];
/** The new label of the hostile-strings check. */
export const HOSTILE_LABEL = '<b onmouseover=window.__pwned=6>Current</b>';

// ---- Run in the page -------------------------------------------------------------------------

/**
 * Sets the format and both texts, waits for the drawing, and returns what the formatting
 * checks read of the shadow DOM.
 * @param {[string, string, string]} arg old text, new text, format
 */
export async function drawDocuments([oldText, newText, format]) {
  const el = /** @type {any} */ (document.querySelector('article-diff'));
  el.format = format;
  el.oldText = oldText;
  el.newText = newText;
  await el.ready();
  const root = /** @type {ShadowRoot} */ (el.shadowRoot);
  const formatting = [...root.querySelectorAll('[part~="formatting"]')].map((f) => ({
    text: f.textContent, title: f.getAttribute('title'), label: f.getAttribute('aria-label'), tabindex: f.getAttribute('tabindex'),
  }));
  return {
    formatting,
    stats: el.model?.stats ?? null,
    error: /** @type {HTMLElement} */ (root.querySelector('.error')).hidden ? '' : root.querySelector('.error')?.textContent,
    strong: [...root.querySelectorAll('.text strong')].map((s) => s.textContent),
    links: [...root.querySelectorAll('.text a')].map((a) => a.getAttribute('href')),
    // Every element drawn in the rows' texts, by name: only the allow-listed ones may be there.
    elements: [...new Set([...root.querySelectorAll('.rows .text *')].map((e) => e.localName))].sort(),
    headings: [...root.querySelectorAll('.text[role="heading"]')].map((h) => h.getAttribute('aria-level')),
    // Read as soon as `ready()` settles: the documents' stylesheet must apply to the first drawing.
    headingSize: parseFloat(getComputedStyle(/** @type {Element} */ (root.querySelector('.text[role="heading"]') ?? root.host)).fontSize),
    textSize: parseFloat(getComputedStyle(/** @type {Element} */ (root.querySelector('.text:not([role])') ?? root.host)).fontSize),
    moved: root.querySelectorAll('.row.moved').length,
    scripts: root.querySelectorAll('script, img, iframe, style:not(link)').length,
    toggle: /** @type {HTMLElement} */ (root.querySelector('[part="formatting-toggle"]')).hidden,
  };
}

/**
 * Sets both texts and waits until the element drew them.
 * @param {[string, string]} arg
 */
export async function drawTexts([oldText, newText]) {
  const el = /** @type {any} */ (document.querySelector('article-diff'));
  el.oldText = oldText;
  el.newText = newText;
  await el.ready();
}

/** Waits for the drawing to settle, then reads the counter, the summary and what is shown of the rows. */
export async function readShown() {
  const el = /** @type {any} */ (document.querySelector('article-diff'));
  await el.ready();
  const root = /** @type {ShadowRoot} */ (el.shadowRoot);
  // Drawn and not behind a closed fold.
  const visible = (/** @type {Element} */ e) => !(e.closest('.fold-rows') && e.closest('.fold')?.querySelector(':scope > .fold-bar [aria-expanded="false"]'));
  return {
    counter: root.querySelector('[part="counter"]')?.textContent,
    summary: root.querySelector('[part="summary"]')?.textContent,
    changedRows: [...root.querySelectorAll('.row.changed')].filter(visible).length,
    bold: [...root.querySelectorAll('.text strong')].filter(visible).map((b) => b.textContent),
    titles: [...root.querySelectorAll('[part~="formatting"]')].map((f) => f.getAttribute('title')),
    folds: [...root.querySelectorAll('.fold-bar button')].map((b) => b.textContent ?? ''),
  };
}

/** What hostile input could have done: the rows' text, whether a handler ran. */
export function hostileOutcome() {
  const root = /** @type {ShadowRoot} */ (/** @type {any} */ (document.querySelector('article-diff')).shadowRoot);
  return {text: root.querySelector('.rows')?.textContent ?? '', pwned: /** @type {any} */ (window).__pwned ?? null};
}

/** The texts of both ends' move links, and how many changes the reader steps through. */
export function moveEnds() {
  const el = /** @type {any} */ (document.querySelector('article-diff'));
  const root = /** @type {ShadowRoot} */ (el.shadowRoot);
  return {
    source: root.querySelector('.move-link.source')?.textContent ?? '',
    destination: root.querySelector('.move-link.destination')?.textContent ?? '',
    changes: el.changeCount,
  };
}

/**
 * Where a jump landed: whether the row `selector` names flashes, has the focus and is in view,
 * and how far the window scrolled.
 * @param {string} selector
 */
export function landedOn(selector) {
  const root = /** @type {ShadowRoot} */ (/** @type {any} */ (document.querySelector('article-diff')).shadowRoot);
  const row = /** @type {HTMLElement} */ (root.querySelector(selector));
  const box = row.getBoundingClientRect();
  return {
    flash: row.classList.contains('flash'),
    focused: root.activeElement === row,
    inView: box.top >= 0 && box.bottom <= window.innerHeight,
    scrolled: window.scrollY,
  };
}

/** How many elements of the shadow root match `selector`. @param {string} selector */
export function countShadow(selector) {
  return document.querySelector('article-diff')?.shadowRoot?.querySelectorAll(selector).length ?? -1;
}

/** The text of each element of the shadow root that matches `selector`. @param {string} selector */
export function shadowTexts(selector) {
  return [...(document.querySelector('article-diff')?.shadowRoot?.querySelectorAll(selector) ?? [])].map((el) => el.textContent ?? '');
}

/**
 * Three property changes in one task, then a view change and hide-cosmetic: the `diff` events
 * the document saw (one, for the one new diff), with their details and whether they left the
 * shadow root.
 */
export async function diffEventsOfOneUpdate() {
  const el = /** @type {any} */ (document.querySelector('article-diff'));
  /** @type {{detail: import('../../pkg/article_diff.js').Stats, composed: boolean}[]} */
  const events = [];
  document.addEventListener('diff', (e) => events.push({detail: /** @type {CustomEvent} */ (e).detail, composed: e.composed}));
  el.oldText = 'A cat sat.';
  el.newText = 'A black cat sat.';
  el.ignoreCase = true; // three changes in one task: one update
  await el.ready();
  el.view = 'inline'; // a view change redraws without a new diff
  el.hideCosmetic = true;
  await el.ready();
  return events;
}

/**
 * The model the page's own wasm package computes for the pair, and each drawn row's cell
 * texts against it: the rows whose text differs from the model's, the rows drawn and folded,
 * the `ins`/`del` elements and the element's stats.
 * @param {[string, string]} arg
 */
export async function drawnAgainstModel([oldText, newText]) {
  const engine = await import('/pkg/article_diff.js');
  await engine.default();
  // The model is a class whose rows are built on demand: its `toJSON` is the plain data.
  const model = engine.diff(oldText, newText, {}).toJSON();
  const el = /** @type {any} */ (document.querySelector('article-diff'));
  const root = /** @type {ShadowRoot} */ (el.shadowRoot);
  let ins = 0;
  let del = 0;
  for (const row of model.rows) {
    for (const span of row.old?.spans ?? []) if (span.kind === 'delete') del++;
    for (const span of row.new?.spans ?? []) if (span.kind === 'insert') ins++;
  }
  const mismatches = [];
  for (const row of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('.row'))) {
    const want = model.rows[Number(row.dataset.row)];
    for (const side of /** @type {const} */ (['old', 'new'])) {
      const cell = row.querySelector(`.cell.${side} .text`);
      const text = want[side] ? want[side].spans.map((/** @type {{text: string}} */ s) => s.text).join('') : null;
      if (text !== (cell ? cell.textContent : null)) mismatches.push(`row ${row.dataset.row} ${side}`);
    }
  }
  return {
    model: {rows: model.rows.length, ins, del, stats: model.stats},
    drawn: {
      ins: root.querySelectorAll('ins').length,
      del: root.querySelectorAll('del').length,
      shown: root.querySelectorAll('.row:not(.fold-rows[hidden] .row)').length,
      folded: [.../** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('.collapsed'))].reduce((sum, b) => sum + Number(b.dataset.to) - Number(b.dataset.from), 0),
      stats: el.stats,
      summary: [...root.querySelectorAll('.stats')].map((s) => s.textContent).join(' '),
    },
    mismatches,
  };
}

/**
 * The focused element inside the shadow root: its class, its title and the text its
 * description box (`::after`) shows, and whether it shows its keyboard focus.
 */
export function focusedInShadow() {
  const root = /** @type {ShadowRoot} */ (/** @type {any} */ (document.querySelector('article-diff')).shadowRoot);
  const active = root.activeElement;
  if (!active) return null;
  const after = getComputedStyle(active, '::after');
  const box = active.getBoundingClientRect();
  // Firefox gives the declared `attr(title)` as the computed content, Chromium and WebKit the
  // text it stands for.
  const title = active.getAttribute('title');
  return {
    className: active.className,
    title,
    label: active.getAttribute('aria-label'),
    description: after.content === 'attr(title)' ? title : after.content,
    descriptionShown: after.display !== 'none' && after.content !== 'none' && after.content !== 'normal',
    focusVisible: active.matches(':focus-visible'),
    inView: box.top >= 0 && box.bottom <= innerHeight,
  };
}

/**
 * How the marks of formatting changes are drawn, as computed: the line and style of the first
 * formatting change's decoration, of the old marks shown inline (`.format-old`) and of a link
 * drawn without its target.
 */
export function formattingDecorations() {
  const root = /** @type {ShadowRoot} */ (/** @type {any} */ (document.querySelector('article-diff')).shadowRoot);
  /** @param {string} selector */
  const decoration = (selector) => {
    const el = root.querySelector(selector);
    if (!el) return null;
    const style = getComputedStyle(el);
    return `${style.textDecorationLine} ${style.textDecorationStyle}`;
  };
  return {change: decoration('.format-change'), old: decoration('.format-old'), unlinked: decoration('.text a:not([href])')};
}

/**
 * Where the keyboard focus is in the shadow root, against the sticky toolbar's bottom, or
 * `null` when it is in the toolbar, on the table itself (taller than the window: its top is
 * off screen by nature) or nowhere.
 */
export function focusAgainstToolbar() {
  const root = /** @type {ShadowRoot} */ (/** @type {any} */ (document.querySelector('article-diff')).shadowRoot);
  const active = root.activeElement;
  if (!active || active.closest('.bar') || active.classList.contains('rows')) return null;
  const bar = /** @type {HTMLElement} */ (root.querySelector('.bar')).getBoundingClientRect();
  const box = active.getBoundingClientRect();
  return {top: box.top, barBottom: bar.bottom, name: active.className};
}

/** The current change as the element and its rows show it, with `id`'s row on screen or not. @param {string} id */
export function currentChange(id) {
  const el = /** @type {any} */ (document.querySelector('article-diff'));
  const row = el.shadowRoot.getElementById(id);
  const box = row.getBoundingClientRect();
  return {ids: el.shadowRoot.querySelectorAll('[id^="change-"]').length, count: el.changeCount, current: el.currentChangeId,
    inView: box.top >= 0 && box.top < innerHeight, marked: row.classList.contains('current'), focused: el.shadowRoot.activeElement === null,
    top: Math.round(box.top), scrollY: Math.round(scrollY)};
}

/** The rows' table semantics: its name, rows, headers, cell labels and the words said for whitespace marks. */
export function tableSemantics() {
  const root = /** @type {ShadowRoot} */ (/** @type {any} */ (document.querySelector('article-diff')).shadowRoot);
  const table = /** @type {HTMLElement} */ (root.querySelector('[role="table"]'));
  return {
    label: table.getAttribute('aria-label'),
    rows: table.querySelectorAll('[role="row"]').length,
    headers: table.querySelectorAll('[role="columnheader"]').length,
    rowHeaders: table.querySelectorAll('[role="rowheader"]').length,
    cellLabels: [...table.querySelectorAll('[role="cell"][aria-label]')].map((c) => c.getAttribute('aria-label')).slice(0, 2),
    // Said through the stylesheet's generated content, from `data-words`.
    spoken: [...table.querySelectorAll('.ws-space, .ws-break')].map((el) => /** @type {HTMLElement} */ (el).dataset.words ?? ''),
  };
}

/** How texts that share little are shown: the notice, the parts' headings, the counter, the change count and the summary. */
export function unrelatedShown() {
  const el = /** @type {any} */ (document.querySelector('article-diff'));
  const root = el.shadowRoot;
  return {notice: root.querySelector('.notice')?.textContent ?? '', parts: [...root.querySelectorAll('.part-heading')].map((h) => h.textContent),
    counter: root.querySelector('.counter')?.textContent ?? '', count: el.changeCount, summary: root.querySelector('.summary')?.textContent ?? ''};
}

/** Sets the hostile labels of the hostile-strings check. @param {[string, string]} labels */
export function setLabels([oldLabel, newLabel]) {
  const el = /** @type {Element} */ (document.querySelector('article-diff'));
  el.setAttribute('old-label', oldLabel);
  el.setAttribute('new-label', newLabel);
}

/** What hostile plain texts and labels could have done: whether a handler ran, elements made from them, the rows' text, the headings. */
export function hostileTextsOutcome() {
  const root = /** @type {ShadowRoot} */ (/** @type {any} */ (document.querySelector('article-diff')).shadowRoot);
  return {
    pwned: /** @type {any} */ (window).__pwned ?? null,
    elements: root.querySelectorAll('img, script, a, svg, b, style:not(link)').length,
    text: root.querySelector('.rows')?.textContent ?? '',
    labels: [...root.querySelectorAll('.heading')].map((h) => h.textContent),
  };
}

/** The nodes of the first changed row's inline cell, as "NAME:text". */
export function inlineSequence() {
  const text = /** @type {Element} */ (document.querySelector('article-diff')?.shadowRoot?.querySelector('.row.changed .cell.inline .text'));
  return [...text.childNodes].map((n) => `${n.nodeName}:${n.textContent}`);
}

/** The computed background colours of the first `ins` and of the element. */
export function colours() {
  const host = /** @type {Element} */ (document.querySelector('article-diff'));
  return {
    ins: getComputedStyle(/** @type {Element} */ (host.shadowRoot?.querySelector('ins'))).backgroundColor,
    host: getComputedStyle(host).backgroundColor,
  };
}

/**
 * Texts set on a `<late-diff>` before its class is defined, then the class defined twice (a
 * CMS loading the script twice): whether it upgraded and what it inserted.
 */
export async function lateUpgrade() {
  const {ArticleDiffElement} = await import('/article-diff.js');
  const late = document.createElement('late-diff');
  document.body.append(late);
  /** @type {any} */ (late).oldText = 'A cat sat.';
  /** @type {any} */ (late).newText = 'A black cat sat.';
  class LateDiff extends ArticleDiffElement {}
  LateDiff.define('late-diff');
  LateDiff.define('late-diff');
  const el = /** @type {any} */ (late);
  await el.ready();
  return {upgraded: el instanceof ArticleDiffElement, ins: [...el.shadowRoot.querySelectorAll('ins')].map((/** @type {Element} */ i) => i.textContent)};
}

/** A text set while a load (`new-src`) is under way wins over the load: the text the element keeps. */
export async function typedWhileLoading() {
  const el = /** @type {any} */ (document.querySelector('article-diff'));
  el.setAttribute('new-src', '/fixtures/old.txt');
  el.newText = 'Typed by the editor while the file loaded.';
  await el.ready();
  return /** @type {string} */ (el.newText);
}

/** Points `old-src` at a missing file: resolves to the message of the `article-diff-error` event. */
export function failedLoad() {
  const el = /** @type {Element} */ (document.querySelector('article-diff'));
  const fired = new Promise((resolve) => el.addEventListener('article-diff-error', (e) => resolve(/** @type {CustomEvent} */ (e).detail.message), {once: true}));
  el.setAttribute('old-src', '/fixtures/missing-revision.txt');
  return /** @type {Promise<string>} */ (fired);
}

/** Once drawn, whether the element shows an error, and its text. */
export async function errorShown() {
  const host = /** @type {any} */ (document.querySelector('article-diff'));
  await host.ready();
  const el = /** @type {HTMLElement} */ (host.shadowRoot.querySelector('.error'));
  return {hidden: el.hidden, text: el.textContent};
}

/**
 * Where the minimap draws the marker of change `id`, in the window's pixels: the minimap's
 * middle, as far down it as the change's row is down the rows.
 * @param {string} id
 */
export function minimapMarker(id) {
  const root = /** @type {ShadowRoot} */ (/** @type {any} */ (document.querySelector('article-diff')).shadowRoot);
  const rows = /** @type {HTMLElement} */ (root.querySelector('.rows')).getBoundingClientRect();
  const row = /** @type {HTMLElement} */ (root.getElementById(id)).getBoundingClientRect();
  const map = /** @type {HTMLElement} */ (root.querySelector('.minimap')).getBoundingClientRect();
  return {x: map.left + map.width / 2, y: map.top + ((row.top - rows.top) / rows.height) * map.height + 1};
}

/**
 * The model the page's own wasm package computes for a pair (its plain data).
 * @param {[string, string, object]} arg old text, new text, diff options
 */
export async function modelJson([oldText, newText, options]) {
  const engine = await import('/pkg/article_diff.js');
  await engine.default();
  // The model is a class whose rows are built on demand: its `toJSON` is the plain data.
  return engine.diff(oldText, newText, options).toJSON();
}

// ---- Assertions on what the page functions return ----------------------------------------------

/**
 * The checks of FORMATTING_PAIR drawn as HTML, side by side or (`inline`, a phone's view) the
 * new text with its old marks, where only the new heading level is a heading.
 * @param {Awaited<ReturnType<typeof drawDocuments>>} got @param {{inline?: boolean}} [options]
 */
export function assertFormattingPairDrawn(got, {inline = false} = {}) {
  assert.equal(got.error, '');
  assert.equal(got.stats.formattingChanges, 3);
  assert.equal(got.stats.wordsInserted + got.stats.wordsDeleted, 0, 'no word changed');
  assert.equal(got.moved, 2, 'the moved <li> is a move: its source row and its destination row');
  assert.ok(got.headingSize > got.textSize, `the first drawing is styled: a heading at ${got.headingSize}px, text at ${got.textSize}px`);
  const descriptions = got.formatting.map((f) => f.title);
  assert.ok(descriptions.some((t) => /link target changed: .*minutes\/2024 → .*minutes\/2025/.test(t ?? '')), descriptions.join('; '));
  assert.ok(descriptions.some((t) => /italic removed, bold added/.test(t ?? '')), descriptions.join('; '));
  assert.ok(descriptions.some((t) => /heading 2 → heading 3/.test(t ?? '')), descriptions.join('; '));
  assert.ok(got.formatting.every((f) => f.label === f.title && f.tabindex === '0'), 'described for screen readers, focusable');
  assert.ok(got.strong.includes('Tuesday'), 'bold drawn as bold');
  assert.ok(got.links.includes('https://example.org/minutes/2025'));
  assert.deepEqual([...new Set(got.headings)].sort(), inline ? ['3'] : ['2', '3']);
  assert.equal(got.toggle, false, 'the "Hide formatting" toggle is shown for documents');
}

/**
 * The checks of MARKDOWN_PAIR drawn as Markdown.
 * @param {Awaited<ReturnType<typeof drawDocuments>>} got
 */
export function assertMarkdownPairDrawn(got) {
  assert.equal(got.error, '');
  assert.equal(got.stats.wordsInserted + got.stats.wordsDeleted, 0);
  assert.equal(got.stats.formattingChanges, 3);
}

/**
 * The checks of hostilePair() drawn as HTML: nothing ran, no element but the allow-listed
 * marks, no link target but http(s), mailto and relative ones.
 * @param {Awaited<ReturnType<typeof drawDocuments>>} got
 * @param {Awaited<ReturnType<typeof hostileOutcome>>} outcome
 */
export function assertHostileHarmless(got, outcome) {
  assert.equal(got.error, '');
  assert.equal(got.scripts, 0, 'no script, image, frame or style element from the input');
  // javascript:, data: and vbscript: links get no href; web, mail and relative ones keep theirs.
  assert.deepEqual([...new Set(got.links.filter((h) => h !== null))].sort(), ['/archive/2024', 'https://example.org/ok', 'mailto:desk@example.org'],
    JSON.stringify(got.links));
  const allowed = new Set(['strong', 'em', 'u', 's', 'code', 'sub', 'sup', 'mark', 'a', 'span', 'ins', 'del', 'br', 'wbr']);
  assert.deepEqual(got.elements.filter((name) => !allowed.has(name)), [], `elements drawn: ${got.elements.join(', ')}`);
  assert.match(outcome.text, /<b>not bold<\/b>/, 'escaped markup stays text');
  assert.equal(outcome.pwned, null);
}

/**
 * The checks of hideFormattingPair() drawn as HTML, before and after `hideFormatting`: only
 * the word change is left, the bolded paragraph and the renumbered item fold away.
 * @param {Awaited<ReturnType<typeof readShown>>} shown @param {Awaited<ReturnType<typeof readShown>>} hidden
 */
export function assertHideFormattingFolds(shown, hidden) {
  assert.equal(shown.counter, '3 changes');
  assert.equal(shown.changedRows, 3);
  assert.ok(shown.titles.some((t) => /item number 3 → 4/.test(t ?? '')), shown.titles.join('; '));
  assert.equal(hidden.counter, '1 change');
  assert.equal(hidden.changedRows, 1);
  assert.deepEqual(hidden.bold, []);
}

/**
 * Formatting changes are told apart by more than their tint (a dotted underline), the old
 * marks shown inline are struck through, a link without its target has a dashed underline.
 * @param {ReturnType<typeof formattingDecorations>} got
 */
export function assertFormattingDecorated(got) {
  assert.deepEqual(got, {change: 'underline dotted', old: 'line-through solid', unlinked: 'underline dashed'});
}

/**
 * The rows are a table with labelled cells; whitespace changes are said as words.
 * @param {ReturnType<typeof tableSemantics>} semantics
 */
export function assertTableSemantics(semantics) {
  assert.equal(semantics.label, 'Differences between Old version and New version');
  assert.ok(semantics.rows >= 3 && semantics.headers >= 2 && semantics.rowHeaders >= 3, JSON.stringify(semantics));
  assert.ok(semantics.cellLabels.every((l) => /^(Old|New) ¶ \d+/.test(l ?? '')), JSON.stringify(semantics.cellLabels));
  assert.ok(semantics.spoken.length > 0 && semantics.spoken.every((s) => /space|line break|paragraph break|tab/i.test(s)), JSON.stringify(semantics.spoken));
}

/**
 * unrelatedPair() is said to share little and shown one text after the other, counted as shown.
 * @param {ReturnType<typeof unrelatedShown>} shown
 */
export function assertUnrelatedShown(shown) {
  assert.match(shown.notice, /share little text/);
  assert.equal(shown.parts.length, 2, 'an old part and a new part');
  // Counted as shown: two texts, not paragraphs changed in place.
  assert.match(shown.summary, /Old: 40 paragraphs/);
  assert.match(shown.summary, /New: 30 paragraphs/);
  assert.equal(shown.count, 2, 'two changes: the old text out, the new one in');
}

/**
 * HOSTILE_STRINGS in texts and labels are drawn literally, as text, and nothing ran.
 * @param {ReturnType<typeof hostileTextsOutcome>} result
 */
export function assertHostileTextsLiteral(result) {
  assert.equal(result.pwned, null);
  assert.equal(result.elements, 0, 'no markup from the texts became elements');
  for (const string of HOSTILE_STRINGS) assert.ok(result.text.includes(string), `rendered literally: ${string}`);
  assert.deepEqual(result.labels, [HOSTILE_STRINGS[0], HOSTILE_LABEL]);
}

/**
 * Both ends of the move of shuffledPair(14, from, to) say the same direction and name each
 * other's paragraph; one edit and one move are two stops.
 * @param {ReturnType<typeof moveEnds>} got @param {number} from @param {number} to
 */
export function assertMoveEnds(got, from, to) {
  const way = from < to ? 'down' : 'up';
  assert.match(got.source, new RegExp(`Moved ${way} to new ¶ ${to + 1}`), got.source);
  assert.match(got.destination, new RegExp(`Moved ${way} from old ¶ ${from + 1}`), got.destination);
  assert.equal(got.changes, 2, 'one edit and one move: two stops, the move reached where the paragraph went');
}

// ---- Pages for browsers driven over WebDriver ------------------------------------------------

/**
 * Turns the page (the CMS mock-up, www/embed.html, which loads the element's define module
 * under the strict CSP) into what tests/e2e/ui.mjs's `openElementPage` serves Chromium: one
 * bare `<article-diff>` with `attributes`, no page stylesheet. Uncaught errors, rejections and
 * CSP violations from here on are kept for `pageProblems` (WebDriver reads no console).
 * @param {string} attributes
 */
export async function bareElementPage(attributes) {
  await customElements.whenDefined('article-diff');
  const page = /** @type {any} */ (window);
  // The mock-up's own element first draws its pair: replacing it mid-diff would leave its
  // worker's answer to land in a detached element.
  await /** @type {any} */ (document.querySelector('article-diff'))?.ready();
  /** @type {string[]} */
  page.__problems = [];
  addEventListener('error', (event) => page.__problems.push(`error: ${event.message}`));
  addEventListener('unhandledrejection', (event) => page.__problems.push(`unhandled rejection: ${event.reason}`));
  document.addEventListener('securitypolicyviolation', (event) => page.__problems.push(`CSP: ${event.violatedDirective} ${event.blockedURI}`));
  for (const link of document.querySelectorAll('link[rel="stylesheet"]')) link.remove();
  document.body.innerHTML = `<article-diff id="subject" ${attributes}></article-diff>`;
}

/** What `bareElementPage` kept: uncaught errors, rejections, CSP violations. */
export function pageProblems() {
  return /** @type {string[]} */ (/** @type {any} */ (window).__problems ?? ['the page was not made by bareElementPage']);
}

/**
 * The HTML pair the accessibility audits draw (`format="html"`): headings, a list, emphasis and
 * a link, a formatting change and a move.
 */
export const AUDIT_HTML_PAIR = {
  oldText: '<h1>Budget</h1>\n<p>The council <em>approved</em> the plan, as <a href="https://example.org/minutes">the minutes</a> say.</p>\n'
    + '<ul><li>Roads and bridges</li><li>Parks and gardens</li></ul>\n<blockquote><p>We keep our promises.</p></blockquote>\n'
    + '<p>Spending rises by <strong>four</strong> per cent.</p>\n',
  newText: '<h1>Budget 2026</h1>\n<ul><li>Roads and bridges</li><li>Parks and gardens</li></ul>\n'
    + '<p>The council <strong>rejected</strong> the plan, as <a href="https://example.org/vote">the minutes</a> say.</p>\n'
    + '<blockquote><p>We keep our promises.</p></blockquote>\n<p>Spending rises by <em>four</em> per cent.</p>\n',
};

/** Puts the page's element in a main landmark under a heading, as a page embeds it (the page-level rules are about the page, not the element). */
export function embedInMain() {
  const main = document.createElement('main');
  const heading = document.createElement('h1');
  heading.textContent = 'Changes to the article';
  main.append(heading, /** @type {Element} */ (document.querySelector('article-diff')));
  document.body.append(main);
}

/** What the HTML pair's drawing holds: marks drawn as elements, and no tag read as a word. */
export function drawnAsHtml() {
  const root = /** @type {ShadowRoot} */ (document.querySelector('article-diff')?.shadowRoot);
  return {marks: root.querySelectorAll('.row strong, .row em, .row a[href]').length, text: root.querySelector('[role="table"]')?.textContent ?? ''};
}

/** @param {{marks: number, text: string}} drawn what `drawnAsHtml` returned */
export function assertDrawnAsHtml(drawn) {
  assert.ok(drawn.marks > 0 && !/<\/?(p|em|strong|li)>/.test(drawn.text), JSON.stringify(drawn).slice(0, 300));
}

/**
 * axe-core's violations on the whole page (shadow roots included), with the experimental
 * label-content-name-mismatch rule on; axe must be loaded in the page.
 */
export async function axeViolations() {
  const axe = /** @type {any} */ (window).axe;
  const result = await axe.run(document, {rules: {'label-content-name-mismatch': {enabled: true}}, resultTypes: ['violations']});
  return /** @type {string[]} */ (result.violations.map((/** @type {any} */ v) => `${v.id} (${v.impact}): ${v.nodes.length}× ${v.nodes[0]?.target?.join(' ')} — ${v.help}`));
}

/** How the rows whose formatting alone changed are drawn: their signs, the signs' title, the row's header, and whether a cell is tinted. */
export function formattingRows() {
  const root = /** @type {ShadowRoot} */ (document.querySelector('article-diff')?.shadowRoot);
  return [...root.querySelectorAll('.row.formatting-row')].map((row) => ({
    signs: [...row.querySelectorAll('.sign')].map((s) => s.textContent),
    title: row.querySelector('.sign')?.getAttribute('title'),
    header: row.querySelector('[role="rowheader"]')?.textContent,
    tinted: [...row.querySelectorAll('.cell')].some((c) => getComputedStyle(c).backgroundColor !== 'rgba(0, 0, 0, 0)'),
  }));
}

/**
 * A one-paragraph pair whose formatting alone changed is one `formatting-row`: ✎ in each
 * gutter (one inline), said as "Formatting changed", its cells untinted.
 * @param {ReturnType<typeof formattingRows>} rows @param {'split'|'inline'} view
 */
export function assertFormattingRow(rows, view) {
  const signs = view === 'split' ? ['✎', '✎'] : ['✎'];
  assert.deepEqual(rows, [{signs, title: 'Formatting only: the text is the same', header: 'Formatting changed', tinted: false}]);
}

/** Arabic, English and Hebrew paragraphs, the first two edited: each must read in its own direction. */
export const RTL_PAIR = {
  oldText: 'مرحبا بالعالم. هذه فقرة عربية قصيرة.\n\nAn English paragraph between them.\n\nשלום עולם, זו פסקה בעברית.\n',
  newText: 'مرحبا بالعالم الجميل. هذه فقرة عربية قصيرة.\n\nAn English paragraph, edited, between them.\n\nשלום עולם, זו פסקה בעברית.\n',
};

/** Each drawn paragraph's resolved direction, and whether its (one-line) text reaches the right of its box. */
export function paragraphDirections() {
  const root = /** @type {ShadowRoot} */ (document.querySelector('article-diff')?.shadowRoot);
  return [...root.querySelectorAll('.row .text')].map((text) => {
    const box = text.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(text);
    const right = Math.max(...[...range.getClientRects()].map((r) => r.right));
    return {start: (text.textContent ?? '').slice(0, 6), direction: getComputedStyle(text).direction, atRight: Math.abs(right - box.right) < 2};
  });
}

/**
 * Each paragraph of `RTL_PAIR` drawn in its own direction, right-to-left ones starting at the right.
 * @param {ReturnType<typeof paragraphDirections>} got @param {'split'|'inline'} view
 */
export function assertOwnDirections(got, view) {
  const rtl = {direction: 'rtl', atRight: true};
  const ltr = {direction: 'ltr', atRight: false};
  const cells = view === 'split' ? 2 : 1;
  const expected = [rtl, ltr, rtl].flatMap((d) => Array(cells).fill(d));
  assert.deepEqual(got.map(({direction, atRight}) => ({direction, atRight})), expected, JSON.stringify(got));
}

/**
 * What the element does after its engine trapped: `loadEngine(true)` makes a new instance (the
 * package imported again under another URL), which gives the same diff and is the one used from
 * then on.
 */
export async function freshEngine() {
  const client = await import('/article-diff-engine-client.js');
  const first = await client.loadEngine();
  const fresh = await client.loadEngine(true);
  const after = await client.loadEngine();
  const stats = (/** @type {any} */ engine) => JSON.stringify(engine.diff('A cat sat on the mat.', 'A black cat sat on a mat.', {}).stats);
  return {distinct: first !== fresh, kept: after === fresh, same: stats(first) === stats(fresh)};
}

