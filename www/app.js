// @ts-check
/**
 * The demo page: two text areas (typed, pasted, opened or dropped files) handed to one
 * <article-diff>. The page keeps the texts out of the URL; the options survive a reload in
 * localStorage. A text too long for a text area is held by the page, and its pane says so.
 */
import {ArticleDiffElement} from './article-diff.js';
import './article-diff-define.js';
import {h} from './article-diff-dom.js';
import {isTyping} from './article-diff-navigation.js';
import {decodeText} from './article-diff-source.js';

/** Debounce for typing, in ms; long texts wait a little longer so a paste diffs once. */
const TYPING_DELAY_MS = 250;
const LARGE_TEXT_DELAY_MS = 600;
const LARGE_TEXT_CHARS = 200_000;
/**
 * Texts longer than this (UTF-16 units) are held by the page instead of their text area: the
 * browser lays out a text area's whole content in one go (about a third of a second per MB on
 * a slow machine), which froze the page on a large paste. "Show the text" puts it back.
 */
const HOLD_ABOVE_CHARS = 200_000;
/** Files larger than this are refused before reading (an article is far smaller). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const STORAGE_KEY = 'article-diff.options';

/**
 * Boolean attributes of the element persisted across reloads (with `view`). The page has
 * checkboxes for the diff options; `hide-cosmetic` and `view` live in the element's toolbar.
 */
const OPTION_ATTRIBUTES = ['ignore-case', 'ignore-whitespace', 'no-moves', 'hide-cosmetic'];

/** @template {Element} T @param {string} id @param {new (...args: any[]) => T} type @returns {T} */
function byId(id, type) {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`#${id} is missing`);
  return el;
}

const diffElement = byId('diff', ArticleDiffElement);
const oldText = byId('old-text', HTMLTextAreaElement);
const newText = byId('new-text', HTMLTextAreaElement);
const oldLabel = byId('old-label', HTMLInputElement);
const newLabel = byId('new-label', HTMLInputElement);
const oldFile = byId('old-file', HTMLInputElement);
const newFile = byId('new-file', HTMLInputElement);
const message = byId('message', HTMLElement);
const status = byId('status', HTMLElement);
const inputs = byId('inputs', HTMLElement);
/** The label each pane got from the page (the name of a fixture or an opened file). */
const autoLabels = {old: oldLabel.value, new: newLabel.value};

/** Sets a pane's label, in its field and on the element. @param {'old'|'new'} side @param {string} value */
function setLabel(side, value, auto = true) {
  (side === 'old' ? oldLabel : newLabel).value = value;
  if (auto) autoLabels[side] = value;
  if (side === 'old') diffElement.oldLabel = value;
  else diffElement.newLabel = value;
}

/**
 * A pane's whole text was replaced (a paste over all of it, Clear): a label the page gave it
 * (a file's name, say) no longer names it, so it goes back to the default; one the user typed
 * stays. @param {'old'|'new'} side
 */
function textReplaced(side) {
  if ((side === 'old' ? oldLabel : newLabel).value === autoLabels[side]) {
    setLabel(side, side === 'old' ? 'Old version' : 'New version');
  }
}

const optionBoxes = /** @type {HTMLInputElement[]} */ ([...document.querySelectorAll('.options input[data-attr]')]);

// ---- Long texts, held out of the text areas -------------------------------------------------

/**
 * @typedef {{area: HTMLTextAreaElement, held: string | null, source: string, card: HTMLElement,
 *   title: HTMLElement, start: HTMLElement}} Pane
 */

/** @param {'old'|'new'} side @param {HTMLTextAreaElement} area @returns {Pane} */
function makePane(side, area) {
  const title = h('p', {class: 'held-title'});
  const start = h('p', {class: 'held-start'});
  const note = h('p', {class: 'held-note', text: 'Too long to show in a text box without freezing the page; it is compared all the same.'});
  const show = h('button', {text: 'Show the text', attrs: {type: 'button', title: 'Put it in the text box to edit it (that takes a moment)'}});
  const clear = h('button', {text: 'Clear', attrs: {type: 'button'}});
  const card = h('div', {
    class: 'held',
    attrs: {role: 'group', 'aria-label': area.getAttribute('aria-label') ?? `${side} version text`},
  }, [title, start, note, h('div', {class: 'held-actions'}, [show, clear])]);
  card.hidden = true;
  area.after(card);
  /** @type {Pane} */
  const pane = {area, held: null, source: '', card, title, start};
  show.addEventListener('click', () => {
    putText(side, textOf(side), pane.source, {show: true});
    area.focus();
    area.setSelectionRange(0, 0);
  });
  clear.addEventListener('click', () => {
    putText(side, '', '');
    textReplaced(side);
    area.focus();
    flush();
  });
  return pane;
}

/** @type {Record<'old'|'new', Pane>} */
const panes = {old: makePane('old', oldText), new: makePane('new', newText)};

/** A pane's text, wherever it is kept. @param {'old'|'new'} side */
function textOf(side) {
  const pane = panes[side];
  return pane.held ?? pane.area.value;
}

/**
 * Puts a text into a pane: into its text area, or, when it is long, into the page with a
 * summary in the pane (unless `show` asks for the text area anyway).
 * @param {'old'|'new'} side @param {string} text
 * @param {string} source what it is, for the summary ("Pasted text", a file name)
 * @param {{show?: boolean}} [how]
 */
function putText(side, text, source, how = {}) {
  const pane = panes[side];
  pane.source = source;
  if (text.length > HOLD_ABOVE_CHARS && !how.show) {
    pane.held = text;
    pane.area.value = '';
    pane.title.textContent = `${source || 'Text'}: ${text.length.toLocaleString('en')} characters`;
    pane.start.textContent = `“${text.slice(0, 400).trim().replace(/\s+/g, ' ').slice(0, 200)}…”`;
    pane.area.hidden = true;
    pane.card.hidden = false;
  } else {
    pane.held = null;
    pane.card.hidden = true;
    pane.area.hidden = false;
    pane.area.value = text;
  }
}

/**
 * Pastes that would make a text area's content long go to the page instead, before the
 * browser inserts (and lays out) them. A paste onto the summary replaces the held text.
 * @param {'old'|'new'} side @param {ClipboardEvent} event
 */
function onPaste(side, event) {
  const pasted = event.clipboardData?.getData('text/plain') ?? '';
  const pane = panes[side];
  let text = pasted;
  if (event.target === pane.area) {
    const {value, selectionStart, selectionEnd} = pane.area;
    if (pasted && selectionStart === 0 && selectionEnd === value.length) textReplaced(side);
    if (value.length - (selectionEnd - selectionStart) + pasted.length <= HOLD_ABOVE_CHARS) return; // the browser's own paste
    text = value.slice(0, selectionStart) + pasted + value.slice(selectionEnd);
  } else if (!(event.target instanceof Node && pane.card.contains(event.target)) || !pasted) {
    return; // the label field, say
  }
  event.preventDefault();
  if (event.target !== pane.area) textReplaced(side); // a paste onto the summary replaces the held text
  putText(side, text, 'Pasted text');
  onTyping(side);
}

for (const side of /** @type {const} */ (['old', 'new'])) {
  panes[side].area.closest('.pane')?.addEventListener('paste', (event) => onPaste(side, /** @type {ClipboardEvent} */ (event)));
}

// ---- Options, persisted ---------------------------------------------------------------------

/** @returns {Record<string, boolean|string>} */
function loadOptions() {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return stored && typeof stored === 'object' ? stored : {};
  } catch {
    return {}; // storage disabled or garbage: defaults
  }
}

function saveOptions() {
  /** @type {Record<string, boolean|string>} */
  const options = {view: diffElement.getAttribute('view') ?? 'auto'};
  for (const name of OPTION_ATTRIBUTES) options[name] = diffElement.hasAttribute(name);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(options));
  } catch {
    // Private mode or quota: the options just won't survive a reload.
  }
}

function syncBoxes() {
  for (const box of optionBoxes) box.checked = diffElement.hasAttribute(box.dataset.attr ?? '');
}

const stored = loadOptions();
for (const name of OPTION_ATTRIBUTES) diffElement.toggleAttribute(name, stored[name] === true);
if (stored.view === 'inline' || stored.view === 'split') diffElement.view = stored.view;
syncBoxes();

for (const box of optionBoxes) {
  box.addEventListener('change', () => diffElement.toggleAttribute(box.dataset.attr ?? '', box.checked));
}

// The element's own toolbar (view switch, hide-cosmetic) changes attributes too.
new MutationObserver(() => {
  syncBoxes();
  saveOptions();
}).observe(diffElement, {attributes: true, attributeFilter: [...OPTION_ATTRIBUTES, 'view']});

// ---- Texts ----------------------------------------------------------------------------------

/** @type {number} */
let startedAt = 0;
/** @type {Record<'old'|'new', number>} */
const typingTimers = {old: 0, new: 0};

/** Hands the text areas' content to the element now. */
function flush() {
  clearTimeout(typingTimers.old);
  clearTimeout(typingTimers.new);
  startedAt = performance.now();
  status.textContent = 'Comparing…';
  diffElement.oldText = textOf('old');
  diffElement.newText = textOf('new');
}

/** @param {'old'|'new'} side */
function onTyping(side) {
  clearTimeout(typingTimers[side]);
  const delay = textOf(side).length > LARGE_TEXT_CHARS ? LARGE_TEXT_DELAY_MS : TYPING_DELAY_MS;
  typingTimers[side] = window.setTimeout(flush, delay);
}

/** @param {'old'|'new'} side */
function onInput(side) {
  const area = panes[side].area;
  // A long text that got in without a paste event (dropped text, a script): out of the text
  // area before the next frame lays it out.
  if (area.value.length > HOLD_ABOVE_CHARS) putText(side, area.value, 'Text');
  onTyping(side);
}

oldText.addEventListener('input', () => onInput('old'));
newText.addEventListener('input', () => onInput('new'));
oldLabel.addEventListener('input', () => { diffElement.oldLabel = oldLabel.value; });
newLabel.addEventListener('input', () => { diffElement.newLabel = newLabel.value; });

diffElement.addEventListener('diff', (event) => {
  hideMessage();
  const model = /** @type {import('./article-diff.js').ArticleDiffEvent} */ (event).model;
  // Report once the browser has painted the new rows.
  requestAnimationFrame(() => setTimeout(() => {
    const ms = Math.round(performance.now() - startedAt);
    const size = (textOf('old').length + textOf('new').length) / 1024;
    const approx = model.approximate ? ' (approximate)' : '';
    status.textContent = startedAt
      ? `${model.rowCount.toLocaleString('en')} rows from ${size.toFixed(size < 10 ? 1 : 0)} KiB, drawn in ${ms} ms${approx}`
      : '';
  }));
});

diffElement.addEventListener('article-diff-error', () => {
  status.textContent = '';
});

/** @param {string} text */
function showMessage(text) {
  message.textContent = text;
  message.hidden = false;
}

function hideMessage() {
  message.hidden = true;
  message.textContent = '';
}

/**
 * Reads a dropped or picked file as UTF-8 text; throws a readable error for anything else.
 * @param {File} file
 */
async function readTextFile(file) {
  if (file.size > MAX_FILE_BYTES) {
    throw new Error(`“${file.name}” is ${(file.size / 1048576).toFixed(0)} MB; the most this page opens is ${MAX_FILE_BYTES / 1048576} MB.`);
  }
  return decodeText(await file.arrayBuffer(), `“${file.name}”`);
}

/**
 * Puts files into the panes; all-or-nothing, so one bad file keeps the last good diff.
 * @param {Array<{side: 'old'|'new', file: File}>} picks
 */
async function openFiles(picks) {
  try {
    const texts = await Promise.all(picks.map(({file}) => readTextFile(file)));
    picks.forEach(({side, file}, i) => {
      putText(side, texts[i], `“${file.name}”`);
      setLabel(side, file.name);
    });
    hideMessage();
    flush();
  } catch (error) {
    showMessage(`${error instanceof Error ? error.message : String(error)} The diff below is unchanged.`);
  }
}

for (const [input, side] of /** @type {const} */ ([[oldFile, 'old'], [newFile, 'new']])) {
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) openFiles([{side, file}]);
    input.value = ''; // picking the same file again still fires `change`
  });
}

// ---- Drag and drop --------------------------------------------------------------------------

// The browser would otherwise navigate to a file dropped anywhere on the page.
document.addEventListener('dragover', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  inputs.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) inputs.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  const files = [...(event.dataTransfer?.files ?? [])];
  inputs.classList.remove('dragging');
  if (files.length === 0) return;
  event.preventDefault();
  const pane = event.target instanceof Element ? event.target.closest('.pane') : null;
  const side = pane instanceof HTMLElement ? /** @type {'old'|'new'|undefined} */ (pane.dataset.side) : undefined;
  if (files.length === 1 && side) {
    openFiles([{side, file: files[0]}]);
  } else if (files.length === 2) {
    // The older file is the old version (stable for equal times: drop order).
    const [first, second] = [...files].sort((a, b) => a.lastModified - b.lastModified);
    openFiles([{side: 'old', file: first}, {side: 'new', file: second}]);
  } else {
    showMessage(files.length === 1
      ? 'Drop one file onto the old or the new text box, or drop two files at once.'
      : `Drop two files, not ${files.length}.`);
  }
});

// ---- Swap and keys --------------------------------------------------------------------------

byId('swap', HTMLButtonElement).addEventListener('click', () => {
  const [wasOld, wasNew] = [textOf('old'), textOf('new')];
  const [oldSource, newSource] = [panes.old.source, panes.new.source];
  putText('old', wasNew, newSource);
  putText('new', wasOld, oldSource);
  const [labels, auto] = [{old: oldLabel.value, new: newLabel.value}, {...autoLabels}];
  setLabel('old', labels.new, false);
  setLabel('new', labels.old, false);
  [autoLabels.old, autoLabels.new] = [auto.new, auto.old];
  flush();
});

// n/p/j/k anywhere on the page (not while typing); the element handles them itself when focused.
document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (isTyping(event.target) || event.target === diffElement) return;
  const key = event.key.toLowerCase();
  if (key === 'n' || key === 'j') diffElement.next();
  else if (key === 'p' || key === 'k') diffElement.previous();
  else return;
  event.preventDefault();
});

// ---- Start with the seed pair ---------------------------------------------------------------

async function loadFixtures() {
  try {
    const [oldBytes, newBytes] = await Promise.all(['./fixtures/old.txt', './fixtures/new.txt'].map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status}).`);
      return response.arrayBuffer();
    }));
    // Text typed before the fixtures arrived wins.
    if (!textOf('old')) putText('old', decodeText(oldBytes, 'fixtures/old.txt'), 'fixtures/old.txt');
    if (!textOf('new')) putText('new', decodeText(newBytes, 'fixtures/new.txt'), 'fixtures/new.txt');
    setLabel('old', 'old.txt — plain scrape');
    setLabel('new', 'new.txt — later Markdown copy');
  } catch (error) {
    showMessage(`${error instanceof Error ? error.message : String(error)} Paste two texts instead.`);
  }
  flush();
}

loadFixtures();
