// @ts-check
/**
 * The events `<article-diff>` fires. Each bubbles and is `composed`, so a page hears it from
 * outside the shadow root.
 *
 * @module article-diff-events
 */

import {BUSY_ABOVE_CHARS} from './article-diff-engine-client.js';

/** @typedef {import('./pkg/article_diff.js').ArticleDiff} ArticleDiff */

/** Fired with the stats after each new diff is drawn. `detail` is the model's `stats`. */
export class ArticleDiffEvent extends CustomEvent {
  /** @param {ArticleDiff} model */
  constructor(model) {
    super('diff', {bubbles: true, composed: true, detail: model.stats});
    /** The whole model that was drawn. */
    this.model = model;
  }
}

/** Fired when loading, decoding or diffing fails; the last good diff stays on screen. */
export class ArticleDiffErrorEvent extends CustomEvent {
  /** @param {string} message */
  constructor(message) {
    super('article-diff-error', {bubbles: true, composed: true, detail: {message}});
    this.message = message;
  }
}

/**
 * Fired before a long diff runs on the main thread because the page cannot run the worker (its
 * CSP or Trusted Types refuse it, or its files did not load). `detail.message` says why; the
 * diff itself goes on and fires `diff` as usual.
 */
export class ArticleDiffWorkerUnavailableEvent extends CustomEvent {
  /** @param {string} reason */
  constructor(reason) {
    const message = `the diff worker cannot run on this page (${reason}), so texts over ` +
      `${BUSY_ABOVE_CHARS.toLocaleString('en')} characters are diffed on the main thread, which waits meanwhile`;
    super('article-diff-worker-unavailable', {bubbles: true, composed: true, detail: {message, reason}});
    this.message = message;
  }
}

/**
 * Fired when the current change moves (previous, next, a link, a marker, `current-change`).
 * `detail.id` is the change's id ("change-3"), `detail.index` its 0-based index (-1 and
 * `null` before the first step of a new diff), `detail.count` the number of changes.
 */
export class ArticleDiffNavigateEvent extends CustomEvent {
  /** @param {number} index @param {string|null} id @param {number} count */
  constructor(index, id, count) {
    super('article-diff-navigate', {bubbles: true, composed: true, detail: {index, id, count}});
  }
}
