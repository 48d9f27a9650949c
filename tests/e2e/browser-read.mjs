// @ts-check
/**
 * A browser's own reading of HTML snippets, for the tests that hold the HTML reader to it:
 * each snippet becomes the `srcdoc` of an iframe (`<!DOCTYPE html>` before it, so a standards-mode
 * document) in a blank page whose Content-Security-Policy (`default-src 'none'`, inherited by
 * the iframes) blocks every script and load, while scripting stays enabled (so `<noscript>` is
 * raw text, as in a reader's browser); `markup-reference.mjs` then reads each iframe's document.
 * Snippets go in batches, all of a batch's iframes loading at once.
 */
import assert from 'node:assert/strict';

import {referenceRead} from './markup-reference.mjs';
import {comparable, nativeRead} from './native-reader.mjs';

/** Iframes loading at once. */
const BATCH = 50;

/**
 * Reads `snippets` in a blank page `run` evaluates functions in (Playwright's `page.evaluate`, or
 * `browsers.mjs`'s `run` over WebDriver).
 * @param {<T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => Promise<T>} run
 * @param {string[]} snippets
 * @returns {Promise<import('./markup-reference.mjs').RefDocument[]>}
 */
export async function browserRead(run, snippets) {
  const documents = [];
  for (let i = 0; i < snippets.length; i += BATCH) {
    documents.push(...await run(readBatch, {snippets: snippets.slice(i, i + BATCH), reader: referenceRead.toString()}));
  }
  return documents;
}

/**
 * Runs in the page: the reader is made from its source before the policy is set, which then
 * forbids making functions from strings.
 * @param {{snippets: string[], reader: string}} arg
 */
function readBatch({snippets, reader}) {
  const page = /** @type {any} */ (window);
  if (!page.referenceRead) {
    page.referenceRead = new Function(`return (${reader})`)();
    const policy = document.createElement('meta');
    policy.httpEquiv = 'Content-Security-Policy';
    policy.content = "default-src 'none'";
    document.head.append(policy);
  }
  return Promise.all(snippets.map((snippet) => {
    const frame = document.createElement('iframe');
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
    frame.srcdoc = `<!DOCTYPE html>${snippet}`;
    document.body.append(frame);
    return loaded.then(() => {
      const read = page.referenceRead(frame.contentDocument);
      frame.remove();
      return read;
    });
  }));
}

/**
 * Asserts that the native reader reads each of `sources` as the browser does (blocks, texts,
 * marks, embeds), except the sources in `differ`, which must still read differently (so that a
 * change in the browser or the reader shows).
 * @param {string} browser its name, for the messages
 * @param {<T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => Promise<T>} run as for `browserRead`
 * @param {string[]} sources @param {string} what what they are, for the message
 * @param {Map<string, string>} [differ] sources read otherwise by design, and why
 */
export async function assertReadsAsBrowser(browser, run, sources, what, differ = new Map()) {
  const native = nativeRead(sources);
  const theirs = await browserRead(run, sources);
  const failures = [];
  for (const [i, source] of sources.entries()) {
    if (native[i].error) {
      failures.push(`${JSON.stringify(source)}\n  native error: ${native[i].error}`);
      continue;
    }
    const [expected, actual] = [comparable(theirs[i]), comparable(native[i])];
    let same = true;
    try {
      assert.deepEqual(actual, expected);
    } catch {
      same = false;
    }
    if (same && differ.has(source)) failures.push(`${JSON.stringify(source)}\n  now reads as in ${browser}: ${differ.get(source)}?`);
    if (!same && !differ.has(source)) {
      failures.push(`${JSON.stringify(source)}\n  ${browser}: ${JSON.stringify(expected)}\n  native: ${JSON.stringify(actual)}`);
    }
  }
  assert.equal(failures.length, 0, `${failures.length} of ${sources.length} ${what} in ${browser}:\n${failures.slice(0, 8).join('\n')}`);
}
