// @ts-check
/**
 * Registers `<article-diff>`. Import this module once per page (a second import, or a CMS
 * loading it twice, does no harm):
 *
 *     <script type="module" src="/path/to/article-diff-define.js"></script>
 */
import {ArticleDiffElement} from './article-diff.js';

if (!window.customElements.get('article-diff')) {
  ArticleDiffElement.define('article-diff');
}

export {ArticleDiffElement};
