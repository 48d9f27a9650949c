// @ts-check
/**
 * The mock CMS around <article-diff>: picks the revision to compare and shows the diff's
 * stats in the page heading. The element itself needs no script beyond its define module.
 */

const diffElement = /** @type {import('./article-diff.js').ArticleDiffElement} */ (document.getElementById('revision-diff'));
const summary = /** @type {HTMLElement} */ (document.getElementById('change-summary'));
const revision = /** @type {HTMLSelectElement} */ (document.getElementById('revision'));

diffElement.addEventListener('diff', (event) => {
  const stats = /** @type {CustomEvent} */ (event).detail;
  const parts = [`${stats.wordsInserted} words added`, `${stats.wordsDeleted} removed`];
  if (stats.paragraphsMoved) parts.push(`${stats.paragraphsMoved} moved`);
  summary.textContent = parts.join(', ');
});

diffElement.addEventListener('article-diff-error', (event) => {
  summary.textContent = /** @type {CustomEvent} */ (event).detail.message;
});

const heading = /** @type {HTMLElement} */ (document.querySelector('h1'));

revision.addEventListener('change', () => {
  const option = revision.selectedOptions[0];
  const label = option.dataset.label ?? 'Revision';
  diffElement.setAttribute('old-src', revision.value);
  diffElement.setAttribute('old-label', label);
  heading.textContent = `${label} vs current`;
});
