// @ts-check
/**
 * Runs the engine off the main thread for `<article-diff>` when the texts are long, so a large
 * paste does not freeze the page. It only calls `diff()` and posts the model back.
 */
import init, {diff} from './pkg/article_diff.js';

const ready = init();

self.addEventListener('message', async (event) => {
  const {id, oldText, newText, options} = event.data;
  try {
    await ready;
    self.postMessage({id, model: diff(oldText, newText, options)});
  } catch (error) {
    self.postMessage({id, error: error instanceof Error ? error.message : String(error)});
  }
});
