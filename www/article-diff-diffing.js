// @ts-check
/**
 * One diff of `<article-diff>`'s two texts, up to the model: the format and the options checked,
 * the documents' stylesheet linked while the engine works, the engine called (long texts in the
 * worker, or here when the page cannot run it: the console is told once per page), and a long
 * diff's model received in a task of its own. Drawing the model is the element's.
 *
 * @module article-diff-diffing
 */

import {checkFormat} from './article-diff-documents.js';
import {computeDiff} from './article-diff-engine-client.js';
import {ArticleDiffWorkerUnavailableEvent} from './article-diff-events.js';
import {linkFormattingStyles} from './article-diff-formatting.js';
import {diffOptions} from './article-diff-options.js';
import {nextTask} from './article-diff-updates.js';

/**
 * @typedef {import('./pkg/article_diff.js').ArticleDiff} ArticleDiff
 * @typedef {object} DiffInput
 * @property {string} oldText
 * @property {string} newText
 * @property {string} format the `format` attribute
 * @property {(name: string) => string | null} attribute the element's `getAttribute`, for the engine's options
 * @typedef {object} DiffHandlers
 * @property {() => boolean} stale whether newer inputs came meanwhile (they diff themselves)
 * @property {() => void} long the texts are long: the diff takes a while
 * @property {(event: ArticleDiffWorkerUnavailableEvent) => void} workerUnavailable
 *   the page cannot run the worker: the long texts are diffed on the main thread
 */

/** Whether the console was told once that this page diffs long texts on the main thread. */
let workerWarned = false;

/**
 * Diffs `input`.
 * @param {DiffInput} input
 * @param {ShadowRoot} root the element's shadow root, where the documents' stylesheet is linked
 * @param {DiffHandlers} on
 * @returns {Promise<{model: ArticleDiff, long: boolean} | null>} the model, and whether it was a
 *   long diff (drawn best in tasks of their own too); `null` when the inputs went stale
 * @throws {Error} when the format, an option or the diff fails (`messageOf` says it to the reader)
 */
export async function diffInputs({oldText, newText, format, attribute}, root, on) {
  const checked = checkFormat(format);
  // The documents' stylesheet loads while the reader and the engine work.
  const styles = checked === 'text' ? null : linkFormattingStyles(root);
  let long = false;
  const model = await computeDiff(oldText, newText, diffOptions(attribute), {
    stale: on.stale,
    long: () => {
      long = true;
      on.long();
    },
    workerUnavailable: (reason) => {
      const event = new ArticleDiffWorkerUnavailableEvent(reason);
      if (!workerWarned) console.warn(`<article-diff>: ${event.message}`);
      workerWarned = true;
      on.workerUnavailable(event);
    },
  }, checked);
  if (model?.documents && styles) await styles;
  if (!model || on.stale()) return null;
  // A long diff's model came in the worker's message: receiving it (and building its
  // blocks), laying it out and drawing it are three tasks, none of them long.
  if (long) {
    void model.blocks;
    await nextTask();
    if (on.stale()) return null;
  }
  return {model, long};
}
