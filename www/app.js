// @ts-check
/**
 * The demo page: any number of versions (typed, pasted, opened or dropped files), two of them
 * in text areas and handed to one <article-diff>. The view, the options and the current change
 * are in the URL's fragment (app-url.js), so a link to a change survives a reload; the texts
 * never are. The options also survive in localStorage. A text too long for a text area is held
 * by the page, and its pane says so.
 */
import {readUrlState, writeUrlState} from './app-url.js';
import {VersionPicker, Versions} from './app-versions.js';
import {ArticleDiffElement} from './article-diff.js';
import './article-diff-define.js';
import {h} from './article-diff-dom.js';
import {isTyping} from './article-diff-navigation.js';
import {decodeText} from './article-diff-source.js';
import {detectFormat} from './app-format.js';

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
const OPTION_ATTRIBUTES = ['ignore-case', 'ignore-whitespace', 'no-moves', 'hide-cosmetic', 'only-changes'];
/** Shortest time between two writes of the URL (browsers limit how often a page may write it). */
const URL_EVERY_MS = 300;
/**
 * The fragment the page last read or wrote. Another one in the URL is a link the reader just
 * followed, whose `hashchange` may not have run yet: a write meanwhile would replace it.
 */
let knownHash = location.hash;

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
  fileNames[side] = ''; // its format is no longer the file's
  if ((side === 'old' ? oldLabel : newLabel).value === autoLabels[side]) {
    setLabel(side, side === 'old' ? 'Old version' : 'New version');
  }
}

const optionBoxes = /** @type {HTMLInputElement[]} */ ([...document.querySelectorAll('.options input[data-attr]')]);
const formatChoice = byId('opt-format', HTMLSelectElement);
const formatDetected = byId('format-detected', HTMLElement);
/** File names of what each pane holds (for "Format: Auto"); empty for typed or pasted text. */
const fileNames = {old: '', new: ''};

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
  const options = {view: diffElement.getAttribute('view') ?? 'auto', format: formatChoice.value};
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
if (typeof stored.format === 'string' && [...formatChoice.options].some((o) => o.value === stored.format)) formatChoice.value = stored.format;
applyUrlState();
syncBoxes();

/** The format the element diffs with: the choice, or for "Auto" what the texts look like. */
function applyFormat() {
  const choice = formatChoice.value;
  const format = choice === 'auto'
    ? detectFormat([{text: textOf('old'), name: fileNames.old}, {text: textOf('new'), name: fileNames.new}])
    : choice;
  const names = {text: 'plain text', html: 'HTML', markdown: 'Markdown'};
  formatDetected.textContent = choice === 'auto' ? `(read as ${names[/** @type {keyof typeof names} */ (format)]})` : '';
  diffElement.format = format;
}

formatChoice.addEventListener('change', () => {
  applyFormat();
  saveOptions();
});

/** What the URL says wins over what was stored: it is the link the reader followed. */
function applyUrlState() {
  knownHash = location.hash;
  const state = readUrlState(location.hash);
  for (const [name, on] of Object.entries(state.flags)) diffElement.toggleAttribute(name, on);
  if (state.view) diffElement.view = state.view;
  if (state.change && state.change !== diffElement.currentChangeId) diffElement.currentChangeId = state.change;
}

let urlTimer = 0;
let urlWritten = 0;
/**
 * Writes the view, the options and the current change into the URL: now, or, within
 * `URL_EVERY_MS` of the last write, once that much time has passed.
 */
function saveUrlState() {
  if (urlTimer) return;
  urlTimer = window.setTimeout(writeUrl, Math.max(0, urlWritten + URL_EVERY_MS - performance.now()));
}

function writeUrl() {
  clearTimeout(urlTimer);
  urlTimer = 0;
  urlWritten = performance.now();
  if (location.hash !== knownHash) return; // a link just followed: its hashchange applies it first
  /** @type {Record<string, boolean>} */
  const flags = {};
  for (const name of OPTION_ATTRIBUTES) flags[name] = diffElement.hasAttribute(name);
  const hash = writeUrlState({view: diffElement.getAttribute('view'), change: diffElement.getAttribute('current-change'), flags});
  if (hash !== location.hash) history.replaceState(history.state, '', hash || location.pathname + location.search);
  knownHash = location.hash;
}

// A link to a change followed on this page (or the fragment edited by hand).
window.addEventListener('hashchange', () => {
  applyUrlState();
  syncBoxes();
});

for (const box of optionBoxes) {
  box.addEventListener('change', () => diffElement.toggleAttribute(box.dataset.attr ?? '', box.checked));
}

// The element's own toolbar (view switch, hide-cosmetic) changes attributes too.
new MutationObserver((records) => {
  if (records.some((r) => r.attributeName !== 'current-change')) {
    syncBoxes();
    saveOptions();
    writeUrl(); // a reader's choice: at once, so a reload right after keeps it
  } else {
    saveUrlState(); // the current change, which follows scrolling: throttled
  }
}).observe(diffElement, {attributes: true, attributeFilter: [...OPTION_ATTRIBUTES, 'view', 'current-change']});

// ---- Versions -------------------------------------------------------------------------------

const versions = new Versions([
  {label: oldLabel.value, text: '', source: ''},
  {label: newLabel.value, text: '', source: ''},
]);

/** Puts what the two text boxes hold (and their labels) into the list. */
function saveShown() {
  for (const side of /** @type {const} */ (['old', 'new'])) {
    versions.list[versions[side]] = {label: (side === 'old' ? oldLabel : newLabel).value, text: textOf(side), source: panes[side].source};
  }
}

/** Shows the two versions picked in the text boxes and compares them. */
function showPicked() {
  for (const side of /** @type {const} */ (['old', 'new'])) {
    const version = versions.list[versions[side]];
    putText(side, version.text, version.source);
    setLabel(side, version.label);
  }
  picker.render();
  hideMessage();
  flush();
}

/**
 * Files as versions, oldest first (stable for equal times: the order given); `replace` makes
 * them the whole list, else they are added after the last.
 * @param {File[]} files @param {boolean} replace
 */
async function openVersions(files, replace) {
  try {
    const sorted = [...files].sort((a, b) => a.lastModified - b.lastModified);
    const texts = await Promise.all(sorted.map(readTextFile));
    const list = sorted.map((file, i) => ({label: file.name, text: texts[i], source: `“${file.name}”`}));
    saveShown();
    if (replace) versions.replace(list);
    else for (const version of list) versions.add(version);
    showPicked();
  } catch (error) {
    showMessage(`${error instanceof Error ? error.message : String(error)} The diff below is unchanged.`);
  }
}

const picker = new VersionPicker(versions, {
  save: saveShown,
  onPick: showPicked,
  onAdd: () => {
    saveShown();
    versions.add({label: `Version ${versions.list.length + 1}`, text: textOf('new'), source: panes.new.source});
    showPicked();
    // A copy of the new version to edit: selected, so a paste replaces it.
    panes.new.area.focus();
    panes.new.area.select();
  },
  onRemove: () => {
    saveShown();
    versions.remove(versions.new);
    showPicked();
  },
  onFiles: (files) => openVersions(files, false),
});
inputs.before(picker.element);
picker.render();

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
  applyFormat();
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
for (const label of [oldLabel, newLabel]) {
  label.addEventListener('input', () => {
    if (label === oldLabel) diffElement.oldLabel = label.value;
    else diffElement.newLabel = label.value;
    saveShown(); // the menus name versions by their labels
    picker.render();
  });
}

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
      fileNames[side] = file.name;
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
  } else if (files.length >= 2) {
    // Several files are the versions, oldest first; the last two are compared.
    openVersions(files, true);
  } else {
    showMessage('Drop one file onto the old or the new text box, or drop several files at once.');
  }
});

// ---- Swap and keys --------------------------------------------------------------------------

byId('swap', HTMLButtonElement).addEventListener('click', () => {
  saveShown();
  const auto = {...autoLabels};
  versions.swap();
  [fileNames.old, fileNames.new] = [fileNames.new, fileNames.old];
  showPicked();
  [autoLabels.old, autoLabels.new] = [auto.new, auto.old];
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
    saveShown();
    picker.render();
  } catch (error) {
    showMessage(`${error instanceof Error ? error.message : String(error)} Paste two texts instead.`);
  }
  flush();
}

loadFixtures();
