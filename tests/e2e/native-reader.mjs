// @ts-check
/**
 * The native markup reader as the reading tests call it (`cargo run --example read_markup --
 * --batch`), and the part of its documents they compare.
 */
import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Each source read by the native reader, in one process: its documents (or `{error}`) as
 * `examples/read_markup.rs` prints them, offsets in UTF-16 units.
 * @param {string[]} sources @param {string} [markup] `html` or `markdown`
 * @returns {any[]}
 */
export function nativeRead(sources, markup = 'html') {
  return nativeReadCases(sources.map((source) => ({source, markup})));
}

/**
 * Like `nativeRead`, each case with its own markup.
 * @param {{source: string, markup: string}[]} cases
 * @returns {any[]}
 */
export function nativeReadCases(cases) {
  const out = execFileSync('cargo', ['run', '--quiet', '--example', 'read_markup', '--', '--batch'], {
    cwd: root,
    input: JSON.stringify(cases),
    maxBuffer: 1 << 28,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/** The comparable part of a document: no source offsets; marks in one order. @param {any} doc */
export function comparable(doc) {
  const key = (/** @type {any} */ m) => JSON.stringify([m.block, m.start, m.end, m.kind, m.href]);
  return {
    blocks: doc.blocks.map((/** @type {any} */ b) => ({kind: b.kind, quote: b.quote, list: b.list, text: b.text})),
    marks: doc.marks.map((/** @type {any} */ m) => ({block: m.block, kind: m.kind, href: m.href, start: m.start, end: m.end}))
      .sort((/** @type {any} */ a, /** @type {any} */ b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
    embeds: doc.embeds,
  };
}
