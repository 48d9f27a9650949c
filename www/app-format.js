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
 * Markdown constructs, each a kind counted apart (see `looksLikeMarkdown`). Block constructs are
 * matched on lines; inline ones need both delimiters on one line and a word boundary outside
 * them, so `5 * 3 * 2`, `snake_case_name` and `items[0](x)` are none.
 */
const MARKDOWN = {
  heading: /^ {0,3}#{1,6}[ \t]+\S|^ {0,3}\S[^\n]*\n {0,3}(=+|-+)[ \t]*$/gm,
  list: /^ {0,3}([-*+]|\d{1,9}[.)])[ \t]+\S/gm,
  quote: /^ {0,3}>[ \t]?\S/gm,
  fence: /^ {0,3}(```|~~~)/gm,
  link: /(^|[^\w\])\\])!?\[[^\]\n]+\]\([^()\s]*(\s+"[^"\n]*")?\)|^ {0,3}\[[^\]\n]+\]:[ \t]+\S+$/gm,
  emphasis: /(^|[\s(])(\*\*?|__?)[^\s*_](?:[^*_\n]*[^\s*_])?\2(?=$|[\s).,;:!?])/gm,
  code: /(^|[^`])`[^`\n]+`(?!`)/gm,
};

/**
 * A static-site post's front matter at the very start, closed: YAML between `---` lines (its
 * first line that is not blank or a comment a mapping key) or TOML between `+++` lines (a key
 * and value, or a table), as the Markdown reader takes it (src/markup/markdown.rs). Only a
 * Markdown file starts so: a YAML file has no closing line after its mapping.
 */
const FRONT_MATTER = /^(?:---[ \t]*\r?\n(?:(?:[ \t]*|#[^\n]*)\r?\n)*[^\s#-][^\n:]*:(?:[ \t][^\n]*)?\r?\n(?:[^\n]*\r?\n)*?(?:---|\.\.\.)|\+\+\+[ \t]*\r?\n(?:(?:[ \t]*|#[^\n]*)\r?\n)*(?:\[|[^\s#-][^\n=]*=)[^\n]*\r?\n(?:[^\n]*\r?\n)*?\+\+\+)[ \t]*(?:\r?\n|$)/;

/** Lines that read as program code rather than prose: statements, braces, keywords. */
const CODE_LINE = /[;{}]\s*$|^\s*(#include|#!|import |from \S+ import|def |class |function |return |const |let |var |public |private |if \(|for \()/;

/**
 * Whether a text reads as Markdown: it starts with a static-site post's front matter, or has at
 * least three constructs of at least two kinds (a heading and a list, links and emphasis…) and
 * is not program code. One construct is not enough: prose has a stray `*`, a pasted web page
 * one bracketed link, and reading plain text as Markdown would join its single-newline
 * paragraphs and eat its asterisks and underscores.
 * @param {string} text
 */
export function looksLikeMarkdown(text) {
  const head = text.slice(0, 16384);
  if (FRONT_MATTER.test(head)) return true;
  const lines = head.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0 || lines.filter((line) => CODE_LINE.test(line)).length * 5 > lines.length) return false;
  let kinds = 0;
  let found = 0;
  for (const [kind, pattern] of Object.entries(MARKDOWN)) {
    const n = head.match(pattern)?.length ?? 0;
    // One list line is a sentence that starts with a number or a dash; a fence needs its close.
    const enough = kind === 'list' || kind === 'fence' ? n >= 2 : n >= 1;
    if (enough) {
      kinds++;
      found += n;
    }
  }
  return kinds >= 2 && found >= 3;
}

/**
 * The format "Auto" picks for two texts: a file's extension first (either side), then HTML
 * when both non-empty texts look like HTML, Markdown when both look like Markdown; otherwise
 * text. Both sides must agree: a plain old version and a new one with a few links (the seed
 * pair, `tests/fixtures/`) stay text, where every character of both is a word.
 * @param {{text: string, name?: string}[]} sides
 * @returns {Format}
 */
export function detectFormat(sides) {
  for (const {name} of sides) {
    const byName = name ? formatOfName(name) : null;
    if (byName) return byName;
  }
  const texts = sides.map((s) => s.text).filter((t) => t.trim() !== '');
  if (texts.length === 0) return 'text';
  if (texts.every(looksLikeHtml)) return 'html';
  return texts.every(looksLikeMarkdown) ? 'markdown' : 'text';
}
