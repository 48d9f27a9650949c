#!/usr/bin/env node
// @ts-check
/**
 * Puts the element's files into each CMS integration, so that the plugin and the extension
 * folders are complete and can be copied into a WordPress or MediaWiki install:
 *
 *   integrations/wordpress/article-diff/lib/article-diff/   (the WordPress plugin's copy)
 *   integrations/mediawiki/ArticleDiff/lib/article-diff/    (the MediaWiki extension's copy)
 *
 * Both are build output (git-ignored): never edit or commit them. Run `node integrations/build.mjs`
 * after the wasm package is built (`./run serve`, `./run test`, or
 * `wasm-pack build --release --target web`). The CMS suites (tests/cms/) run it first.
 *
 * The files come from one place, `ELEMENT_FILES` below: today `www/` and `pkg/`; once
 * `./run dist` builds the installable package (issue 26), `dist/` instead.
 */
import {cp, mkdir, rm, stat} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What the integrations ship, as [source in the repository, path inside `lib/article-diff/`]:
 * the element finds its stylesheet, worker and wasm package relative to its own URL
 * (docs/element.md, "Install"), so this layout must be kept.
 */
export const ELEMENT_FILES = [
  ['www/article-diff-define.js', 'article-diff-define.js'],
  ['www/article-diff.js', 'article-diff.js'],
  ['www/article-diff-worker.js', 'article-diff-worker.js'],
  ['www/article-diff.css', 'article-diff.css'],
  ['pkg/article_diff.js', 'pkg/article_diff.js'],
  ['pkg/article_diff_bg.wasm', 'pkg/article_diff_bg.wasm'],
  ['pkg/snippets', 'pkg/snippets'],
];

/** The module a page loads (relative to `lib/article-diff/`); the PHP of both integrations names it too. */
export const ENTRY = 'article-diff-define.js';

/** Each integration's copy of the element. */
export const TARGETS = [
  'integrations/wordpress/article-diff/lib/article-diff',
  'integrations/mediawiki/ArticleDiff/lib/article-diff',
];

/** Thrown when a file the integrations need is not built yet. */
export class MissingInputError extends Error {
  /** @param {string} file */
  constructor(file) {
    super(`${file} is missing: build the wasm package first (./run serve, or wasm-pack build --release --target web)`);
    this.name = 'MissingInputError';
    this.file = file;
  }
}

/**
 * Replaces the integrations' copies of the element with the current files.
 * @param {{root?: string, targets?: string[]}} [options] the repository (default: this file's) and
 *   which of `TARGETS` to write (default: all; the CMS suites, which may run in parallel, each
 *   write their own)
 * @returns {Promise<string[]>} the folders written, absolute
 */
export async function buildIntegrations({root = ROOT, targets = TARGETS} = {}) {
  for (const target of targets) {
    if (!TARGETS.includes(target)) throw new Error(`${target} is not an integration's copy of the element (${TARGETS.join(', ')})`);
  }
  for (const [source] of ELEMENT_FILES) {
    await stat(path.join(root, source)).catch(() => { throw new MissingInputError(source); });
  }
  const written = [];
  for (const target of targets) {
    const dir = path.join(root, target);
    // A file dropped from the list must not linger in the copy.
    await rm(dir, {recursive: true, force: true});
    for (const [source, dest] of ELEMENT_FILES) {
      await mkdir(path.dirname(path.join(dir, dest)), {recursive: true});
      await cp(path.join(root, source), path.join(dir, dest), {recursive: true});
    }
    written.push(dir);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    for (const dir of await buildIntegrations()) console.log(`wrote ${path.relative(process.cwd(), dir) || '.'}`);
  } catch (error) {
    console.error(`integrations/build.mjs: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
