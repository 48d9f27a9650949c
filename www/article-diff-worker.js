// @ts-check
/**
 * Runs the engine off the main thread for `<article-diff>` when the texts are long, so a large
 * paste does not freeze the page. It only calls `diff()` and posts the model back as its packed
 * array, transferred rather than copied: the page rebuilds the model with `unpack()` from the
 * texts it already has, so no text and no object per row crosses between the threads.
 */
import init, {diff} from './pkg/article_diff.js';

const ready = init();

self.addEventListener('message', async (event) => {
  const {id, oldText, newText, options} = event.data;
  try {
    await ready;
    const {packed} = diff(oldText, newText, options);
    self.postMessage({id, packed}, [packed.buffer]);
  } catch (error) {
    self.postMessage({id, error: error instanceof Error ? error.message : String(error)});
  }
});
