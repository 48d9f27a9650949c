// @ts-check
/**
 * The data block: what a server can render inside `<article-diff>` for it to read, a child
 * `<script type="application/json">` holding `{"oldText": …, "newText": …, "strings": …}`.
 * A JSON data block is never run (its type is not a script type, so no Content-Security-Policy
 * has to allow it) and its text is never parsed as HTML; the element reads it with
 * `JSON.parse` and its texts only ever become text nodes. The server's one duty is that the
 * block's text cannot end the `<script>` early: write `<` as `\u003c` (PHP's `JSON_HEX_TAG`).
 *
 * The block is read when the element connects and again whenever it changes (its text, or a
 * `type` that becomes `application/json`). While the page is still being parsed, a block whose
 * JSON is not complete yet is waited for rather than refused (a proper prefix of a JSON object
 * is never valid JSON).
 *
 * @module article-diff-data
 */

/** Where the element looks for its data block: a child, never a deeper descendant. */
export const DATA_BLOCK_SELECTOR = ':scope > script[type="application/json"]';

/**
 * @typedef {{oldText?: string|null, newText?: string|null, strings?: unknown}} DataBlock the
 *   block's content; each key is optional and set as the property of the same name
 */

const KEYS = ['oldText', 'newText', 'strings'];

/** A data block the element cannot use; the message says why. */
export class DataBlockError extends Error {}

/**
 * Reads a data block's text.
 * @param {string} json
 * @returns {DataBlock}
 * @throws {DataBlockError} not JSON, not an object, an unknown key, a text that is not a string
 */
export function parseDataBlock(json) {
  let data;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new DataBlockError(`The data block is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new DataBlockError('The data block must hold a JSON object such as {"oldText": "…", "newText": "…"}.');
  }
  for (const key of Object.keys(data)) {
    if (!KEYS.includes(key)) throw new DataBlockError(`The data block has a key “${key}”; its keys are ${KEYS.join(', ')}.`);
  }
  for (const key of ['oldText', 'newText']) {
    const value = data[key];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new DataBlockError(`The data block's ${key} must be a string, not ${Array.isArray(value) ? 'an array' : typeof value}.`);
    }
  }
  return data;
}

/**
 * @typedef {{read: (data: DataBlock) => void, failed: (message: string) => void}} DataBlockEvents
 *   `read`: the block's content, each time it changes; `failed`: a block that cannot be used
 */

/** Watches one element's data block. */
export class DataBlockReader {
  /** @type {HTMLElement} */ #host;
  /** @type {DataBlockEvents} */ #events;
  /** @type {MutationObserver | null} */ #observer = null;
  /** The text last read (or refused), so a change elsewhere among the children reads nothing again. */
  #lastText = /** @type {string|null} */ (null);

  /** @param {HTMLElement} host @param {DataBlockEvents} events */
  constructor(host, events) {
    this.#host = host;
    this.#events = events;
  }

  /** Reads the block now and whenever it changes, until `disconnect()`. */
  connect() {
    this.#observer ??= new MutationObserver(() => this.#check());
    // `type` too: jQuery inserts a fragment's scripts with their type disabled ("true/…") and
    // restores it after they are in the document.
    this.#observer.observe(this.#host, {childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['type']});
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', this.#check, {once: true});
    this.#check();
  }

  disconnect() {
    this.#observer?.disconnect();
    document.removeEventListener('DOMContentLoaded', this.#check);
  }

  #check = () => {
    const block = this.#host.querySelector(DATA_BLOCK_SELECTOR);
    if (!block) return;
    const text = block.textContent ?? '';
    if (text === this.#lastText) return;
    let data;
    try {
      data = parseDataBlock(text);
    } catch (error) {
      // The parser may not have reached the block's end yet; the observer or DOMContentLoaded
      // brings the rest.
      if (document.readyState === 'loading') return;
      this.#lastText = text;
      this.#events.failed(error instanceof Error ? error.message : String(error));
      return;
    }
    this.#lastText = text;
    this.#events.read(data);
  };
}

/**
 * @typedef {{oldText: unknown, newText: unknown, strings: unknown}} DataTarget what a data
 *   block sets: the element's properties of the same names
 */

/**
 * Properties a script set on the element before its class was defined (a CMS may set them
 * before this module loaded) are the element's own and hide its accessors: moves each onto
 * its accessor.
 * @param {DataTarget} host
 * @returns {string[]} the names moved; they win over the data block, read next
 */
export function upgradeProperties(host) {
  /** @type {string[]} */
  const moved = [];
  for (const name of /** @type {const} */ (['oldText', 'newText', 'strings'])) {
    if (Object.prototype.hasOwnProperty.call(host, name)) {
      const value = host[name];
      Reflect.deleteProperty(host, name);
      host[name] = value;
      moved.push(name);
    }
  }
  return moved;
}

/**
 * Sets a data block's content on the element (the strings first, so a text is drawn in them),
 * except the properties in `skip`.
 * @param {DataTarget} host @param {DataBlock} data @param {Set<string>} skip
 */
export function applyDataBlock(host, data, skip) {
  if (data.strings !== undefined && !skip.has('strings')) host.strings = data.strings;
  if (data.oldText !== undefined && !skip.has('oldText')) host.oldText = data.oldText;
  if (data.newText !== undefined && !skip.has('newText')) host.newText = data.newText;
}
