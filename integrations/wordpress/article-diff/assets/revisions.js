// @ts-check
/**
 * Hands each `<article-diff>` on the revisions screen its two texts, read from the JSON data
 * block the plugin prints inside it (`<script type="application/json" class="article-diff-texts">`:
 * data, never run), so the page needs no inline script. The screen draws a new comparison each
 * time its slider moves, so elements are picked up as they are added.
 *
 * Properties set before the element's module has loaded are taken on upgrade, so this file
 * need not wait for it.
 */

const DATA_SELECTOR = 'script[type="application/json"].article-diff-texts';

/** Elements already given their texts. */
const adopted = new WeakSet();

/**
 * @param {Element} element an `<article-diff>`
 */
function adopt(element) {
  if (adopted.has(element)) return;
  const block = element.querySelector(`:scope > ${DATA_SELECTOR}`);
  if (!block) return;
  adopted.add(element);
  let texts;
  try {
    texts = JSON.parse(block.textContent ?? '');
  } catch (error) {
    console.error('article-diff: the revision texts are not valid JSON', error);
    return;
  }
  if (typeof texts?.oldText !== 'string' || typeof texts?.newText !== 'string') {
    console.error('article-diff: the revision texts need a string oldText and newText');
    return;
  }
  const diff = /** @type {HTMLElement & {oldText: string, newText: string}} */ (element);
  diff.oldText = texts.oldText;
  diff.newText = texts.newText;
}

/** @param {ParentNode} root */
function adoptAll(root) {
  for (const element of root.querySelectorAll('article-diff')) adopt(element);
}

adoptAll(document);
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (!(node instanceof Element)) continue;
      if (node.localName === 'article-diff') adopt(node);
      else adoptAll(node);
    }
  }
}).observe(document.documentElement, {childList: true, subtree: true});
