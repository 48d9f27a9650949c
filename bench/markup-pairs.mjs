// @ts-check
/**
 * The HTML pairs of issue 27's speed target, built the same way in Node (`bench/markup.mjs`)
 * and in the benchmark page (`bench/html-vs-text.mjs`): WordPress block-editor bodies of a
 * given size from a fixed seed, paragraphs of 30–120 words with block comments, a heading every
 * 25 blocks, a list every 7, every 17th word in `<em>` or an `<a href>`; the new copy has 40 word
 * edits and, at 40 other places, the emphasis made `<strong>` or the link given another target
 * where the place holds one (a few do).
 */

/** The sizes timed, in bytes of visible text asked for (the HTML is about 1.4× that). */
export const MARKUP_SIZES = [20_000, 200_000, 1_000_000];

/**
 * The words the bodies are made of: those of the seed fixture's new text.
 * @param {string} text
 */
export function wordsOf(text) {
  return text.split(/\s+/).filter((w) => /^[\p{L}\p{N}.,;:'’-]+$/u.test(w));
}

/** A seeded generator (xorshift), so runs compare like with like. @param {number} seed */
function rng(seed) {
  let s = seed >>> 0 || 1;
  return (/** @type {number} */ n) => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s % n;
  };
}

/**
 * A WordPress-like body of about `bytes` and a copy with word edits and formatting changes.
 * @param {number} bytes @param {string[]} words
 * @returns {[string, string]}
 */
export function markupPair(bytes, words) {
  const next = rng(11);
  /** @type {string[][]} */
  const blocks = [];
  for (let total = 0; total < bytes;) {
    const block = Array.from({length: 30 + next(90)}, () => words[next(words.length)]);
    total += block.join(' ').length + 60;
    blocks.push(block);
  }
  const changed = new Set();
  const edited = blocks.map((b) => [...b]);
  for (let k = 0; k < 40; k++) {
    const b = next(blocks.length);
    edited[b][next(edited[b].length)] = `edit${next(10000)}`;
    changed.add(`${b}/${next(blocks[b].length)}`);
  }
  const render = (/** @type {string[][]} */ bs, /** @type {boolean} */ isNew) => bs.map((ws, b) => {
    const inner = ws.map((w, i) => {
      const mod = (b + i) % 17;
      if (mod === 0) return isNew && changed.has(`${b}/${i}`) ? `<strong>${w}</strong>` : `<em>${w}</em>`;
      if (mod === 5) return `<a href="https://example.org/${isNew && changed.has(`${b}/${i}`) ? 'moved/' : ''}${b}/${i}">${w}</a>`;
      return w;
    }).join(' ');
    if (b % 25 === 0) return `<!-- wp:heading --><h2>${inner}</h2><!-- /wp:heading -->`;
    if (b % 7 === 0) return `<!-- wp:list --><ul><li>${inner}</li></ul><!-- /wp:list -->`;
    return `<!-- wp:paragraph -->\n<p>${inner}</p>\n<!-- /wp:paragraph -->\n`;
  }).join('\n');
  return [render(blocks, false), render(edited, true)];
}
