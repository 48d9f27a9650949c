// @ts-check
/**
 * The two texts one `<article-diff>` diffs, whichever way each arrives: set from script
 * (`oldText`, `newText`) or loaded from `old-src`/`new-src` (article-diff-source.js does the
 * loading and its checks). The latest input of a side wins over a load still under way; a side
 * whose text or source was refused stays failed, with its message, until a new one replaces it.
 *
 * @module article-diff-inputs
 */

import {SourceError, loadSource, parseMaxBytes, textProblem} from './article-diff-source.js';

/**
 * @typedef {'old'|'new'} Side
 * @typedef {{changed: () => void, settled: () => void, failed: (message: string, shown: string) => void}} InputEvents
 *   `changed`: what is to be diffed changed (a text, or which sides failed); `settled`: a
 *   text or a load arrived, time to update; `failed`: a side was refused (`shown` names every
 *   failed side)
 */

/** One element's two texts and their loads. */
export class Inputs {
  /** @type {Record<Side, string|null>} */ #texts = {old: null, new: null};
  /** Property writes per side: a load started before the latest write must not overwrite it. */
  #writes = {old: 0, new: 0};
  /** @type {Set<Promise<void>>} loads of `old-src` / `new-src` under way */
  #fetches = new Set();
  /** @type {Record<Side, AbortController|null>} per side, the load under way */
  #loads = {old: null, new: null};
  /**
   * Per side, why its latest source or text could not be used ('' when it could). While either
   * side has failed nothing is diffed: the last good diff stays, with the message.
   */
  #failed = {old: '', new: ''};
  /** @type {Element} */ #host;
  /** @type {InputEvents} */ #events;

  /**
   * @param {Element} host the element, whose `old-src`, `new-src` and `max-bytes` are read
   * @param {InputEvents} events
   */
  constructor(host, events) {
    this.#host = host;
    this.#events = events;
  }

  /** @param {Side} side */
  text(side) { return this.#texts[side]; }

  /** Whether either side was refused (and nothing may be diffed). */
  get failed() { return this.#failed.old !== '' || this.#failed.new !== ''; }

  /** Whether a side failed. @param {Side} side */
  sideFailed(side) { return this.#failed[side] !== ''; }

  /** Whether a source is loading. */
  get isLoading() { return this.#fetches.size > 0; }

  /** The loads under way (a copy: each removes itself when done). */
  get loads() { return [...this.#fetches]; }

  /**
   * A text set from script: a string, or null to clear; anything else is refused.
   * @param {Side} side @param {unknown} value
   */
  write(side, value) {
    this.#writes[side]++;
    this.#loads[side]?.abort(); // the latest input wins over a load under way
    const problem = textProblem(side, value);
    if (problem) return this.#fail(side, problem);
    this.#set(side, value == null ? null : String(value));
  }

  /**
   * Loads side `side` from `src` (an attribute changed); `null` or '' only ends what was loading.
   * @param {Side} side @param {string|null} src
   */
  load(side, src) {
    this.#loads[side]?.abort();
    this.#loads[side] = null;
    // A new source replaces the one that failed (until it fails in turn).
    const cleared = this.#failed[side] !== '';
    if (cleared) {
      this.#failed[side] = '';
      this.#events.changed();
    }
    if (!src) {
      if (cleared) this.#events.settled();
      return;
    }
    const controller = new AbortController();
    this.#loads[side] = controller;
    const loading = this.#fetch(side, src, controller.signal);
    this.#fetches.add(loading);
    loading.finally(() => {
      this.#fetches.delete(loading);
      if (this.#loads[side] === controller) this.#loads[side] = null;
      this.#events.settled();
    });
  }

  /** @param {Side} side @param {string} src @param {AbortSignal} signal */
  async #fetch(side, src, signal) {
    const writes = this.#writes[side];
    // A later src or text wins over this one.
    const superseded = () => signal.aborted || this.#host.getAttribute(`${side}-src`) !== src || this.#writes[side] !== writes;
    try {
      const maxBytes = () => parseMaxBytes(this.#host.getAttribute('max-bytes'));
      const text = await loadSource(side, src, {maxBytes, baseURI: document.baseURI, signal});
      if (!superseded()) this.#set(side, text);
    } catch (error) {
      if (superseded()) return;
      // Anything but a `SourceError` is a bug in the checks: still a failure, never a diff.
      this.#fail(side, error instanceof SourceError ? error.message : `The ${side} version could not be loaded from “${src}”: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** @param {Side} side @param {string|null} text */
  #set(side, text) {
    const recovered = this.#failed[side] !== '';
    this.#failed[side] = '';
    if (this.#texts[side] === text && !recovered) return;
    this.#texts[side] = text;
    this.#events.changed();
    this.#events.settled();
  }

  /** Side `side` cannot be diffed: say why, and diff nothing until it has a usable text. @param {Side} side @param {string} message */
  #fail(side, message) {
    this.#failed[side] = message;
    this.#events.changed();
    this.#events.failed(message, [this.#failed.old, this.#failed.new].filter(Boolean).join(' '));
  }
}
