// @ts-check
/**
 * The demo page's "Format: Auto": which format two texts are, from their file names and, for
 * pasted text, from what they look like. Pure, unit-tested under `node --test` (tests/www/).
 *
 * @module app-format
 */

/** @typedef {'text'|'html'|'markdown'} Format */

/**
 * The format a file name says: `.html`/`.htm`/`.xhtml` HTML, `.md`/`.markdown`/`.mdown`
 * Markdown, anything else nothing.
 * @param {string} name
 * @returns {Format | null}
 */
export function formatOfName(name) {
  const ext = /\.([a-z]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'md' || ext === 'markdown' || ext === 'mdown' || ext === 'mkd') return 'markdown';
  return null;
}

/**
 * Whether a text reads as HTML: it starts with a tag, a comment or a doctype, or holds the
 * tags an article body is made of (a CMS's `<p>`, WordPress's `<!-- wp:` comments). A text
 * that only mentions a tag in passing stays text.
 * @param {string} text
 */
export function looksLikeHtml(text) {
  const head = text.slice(0, 4096).trimStart();
  if (/^<(!doctype|!--|html|head|body|article|section|div|p|h[1-6]|ul|ol|table|figure|blockquote)\b/i.test(head)) return true;
  const tags = head.match(/<\/?(p|br|h[1-6]|li|ul|ol|div|em|strong|a|blockquote|figure|img)\b[^>]*>/gi) ?? [];
  return tags.length >= 3 || /<!-- wp:/.test(head);
}

/**
 * The format "Auto" picks for two texts: a file's extension first (either side), then HTML
 * when both non-empty texts look like HTML; otherwise text (Markdown source reads well as text,
 * and guessing it from asterisks would misread plain prose).
 * @param {{text: string, name?: string}[]} sides
 * @returns {Format}
 */
export function detectFormat(sides) {
  for (const {name} of sides) {
    const byName = name ? formatOfName(name) : null;
    if (byName) return byName;
  }
  const texts = sides.map((s) => s.text).filter((t) => t.trim() !== '');
  return texts.length > 0 && texts.every(looksLikeHtml) ? 'html' : 'text';
}
