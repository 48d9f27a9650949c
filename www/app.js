// @ts-check
/**
 * The demo page: two text areas (typed, pasted, opened or dropped files) handed to one
 * <article-diff>. The page keeps the texts out of the URL; the options survive a reload in
 * localStorage.
 */
import {ArticleDiffElement, decodeText, isTyping} from './article-diff.js';
import './article-diff-define.js';

/** Debounce for typing, in ms; long texts wait a little longer so a paste diffs once. */
const TYPING_DELAY_MS = 250;
const LARGE_TEXT_DELAY_MS = 600;
const LARGE_TEXT_CHARS = 200_000;
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
const optionBoxes = /** @type {HTMLInputElement[]} */ ([...document.querySelectorAll('.options input[data-attr]')]);

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
  const options = {view: diffElement.view};
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
diffElement.view = stored.view === 'inline' ? 'inline' : 'split';
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
  diffElement.oldText = oldText.value;
  diffElement.newText = newText.value;
}

/** @param {'old'|'new'} side */
function onTyping(side) {
  clearTimeout(typingTimers[side]);
  const area = side === 'old' ? oldText : newText;
  const delay = area.value.length > LARGE_TEXT_CHARS ? LARGE_TEXT_DELAY_MS : TYPING_DELAY_MS;
  typingTimers[side] = window.setTimeout(flush, delay);
}

oldText.addEventListener('input', () => onTyping('old'));
newText.addEventListener('input', () => onTyping('new'));
oldLabel.addEventListener('input', () => { diffElement.oldLabel = oldLabel.value; });
newLabel.addEventListener('input', () => { diffElement.newLabel = newLabel.value; });

diffElement.addEventListener('diff', (event) => {
  hideMessage();
  const model = /** @type {import('./article-diff.js').ArticleDiffEvent} */ (event).model;
  // Report once the browser has painted the new rows.
  requestAnimationFrame(() => setTimeout(() => {
    const ms = Math.round(performance.now() - startedAt);
    const size = (oldText.value.length + newText.value.length) / 1024;
    const approx = model.approximate ? ' (approximate)' : '';
    status.textContent = startedAt
      ? `${model.rows.length.toLocaleString('en')} rows from ${size.toFixed(size < 10 ? 1 : 0)} KiB, drawn in ${ms} ms${approx}`
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
      (side === 'old' ? oldText : newText).value = texts[i];
      const label = side === 'old' ? oldLabel : newLabel;
      label.value = file.name;
      if (side === 'old') diffElement.oldLabel = file.name;
      else diffElement.newLabel = file.name;
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
  [oldText.value, newText.value] = [newText.value, oldText.value];
  [oldLabel.value, newLabel.value] = [newLabel.value, oldLabel.value];
  diffElement.oldLabel = oldLabel.value;
  diffElement.newLabel = newLabel.value;
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
    if (!oldText.value) oldText.value = decodeText(oldBytes, 'fixtures/old.txt');
    if (!newText.value) newText.value = decodeText(newBytes, 'fixtures/new.txt');
    oldLabel.value = 'old.txt — plain scrape';
    newLabel.value = 'new.txt — later Markdown copy';
    diffElement.oldLabel = oldLabel.value;
    diffElement.newLabel = newLabel.value;
  } catch (error) {
    showMessage(`${error instanceof Error ? error.message : String(error)} Paste two texts instead.`);
  }
  flush();
}

loadFixtures();
