// @ts-check
/**
 * Runs the engine off the main thread for `<article-diff>` when the texts are long, so a large
 * paste does not freeze the page. It only calls `diff()` (or, for HTML and Markdown,
 * `diffDocumentsWith()`) and posts the model back as its packed
 * array, transferred rather than copied: the page rebuilds the model with `unpack()` from the
 * texts it already has, so no text and no object per row crosses between the threads.
 */
import init, {diff, diffUtf8} from './pkg/article_diff.js';

/**
 * @typedef {{id: number, oldText: string, newText: string, options: import('./pkg/article_diff.js').DiffOptions,
 *   format?: import('./article-diff-documents.js').Format}} Request
 *   what article-diff-engine-client.js posts
 * @typedef {{postMessage: (message: unknown, transfer?: Transferable[]) => void,
 *   addEventListener: (type: 'message', listener: (event: MessageEvent<Request>) => void) => void}} WorkerScope
 *   the part of a dedicated worker's global scope used here (the type check sees the page's DOM types)
 */

const scope = /** @type {WorkerScope & {close: () => void}} */ (/** @type {unknown} */ (self));
const ready = init();

scope.addEventListener('message', async (event) => {
  const {id, oldText, newText, options, format = 'text'} = event.data;
  try {
    await ready;
    if (format !== 'text') {
      // Two documents: the page also needs their visible texts and records to draw them.
      // Imported only then, so a worker copied next to a bundle for text diffs needs no more.
      const {diffDocumentsWith} = await import('./article-diff-documents.js');
      const documents = await diffDocumentsWith({diffUtf8}, oldText, newText, format, options);
      scope.postMessage({id, packed: documents.packed, documents}, [documents.packed.buffer]);
      return;
    }
    const {packed} = diff(oldText, newText, options);
    scope.postMessage({id, packed}, [packed.buffer]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof WebAssembly.RuntimeError) {
      // A trap leaves the engine's memory in no known state: this worker is done, and the page
      // starts a new one.
      scope.postMessage({id, error: message, trapped: true});
      scope.close();
      return;
    }
    scope.postMessage({id, error: message});
  }
});
