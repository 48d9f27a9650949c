#!/usr/bin/env node
// @ts-check
/**
 * Puts the element's npm package into each CMS integration, so that the plugin and the
 * extension folders are complete and can be copied into a WordPress or MediaWiki install:
 *
 *   integrations/wordpress/article-diff/lib/article-diff/   (the WordPress plugin's copy)
 *   integrations/mediawiki/ArticleDiff/lib/article-diff/    (the MediaWiki extension's copy)
 *
 * Each copy is the package `./run dist` makes (scripts/dist.mjs: the element's module graph,
 * its types, README and licences), built straight into the integration: build output,
 * git-ignored, never edited or committed. Run `node integrations/build.mjs` once `pkg/` is
 * built (`./run dist`, `./run serve` or `./run test` build it); the CMS suites (tests/cms/) run
 * it first.
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {buildDist} from '../scripts/dist.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The module a page loads, relative to `lib/article-diff/`: the package's `./define` export.
 * The PHP of both integrations names it (`ELEMENT_ENTRY`).
 */
export const ENTRY = 'article-diff-define.js';

/** Each integration's copy of the element. */
export const TARGETS = [
  'integrations/wordpress/article-diff/lib/article-diff',
  'integrations/mediawiki/ArticleDiff/lib/article-diff',
];

/**
 * Replaces the integrations' copies of the element with the package built from the current
 * `www/` and `pkg/`.
 * @param {{root?: string, targets?: string[]}} [options] the repository (default: this file's) and
 *   which of `TARGETS` to write (default: all; the CMS suites, which may run in parallel, each
 *   write their own)
 * @returns {Promise<string[]>} the folders written, absolute
 */
export async function buildIntegrations({root = ROOT, targets = TARGETS} = {}) {
  for (const target of targets) {
    if (!TARGETS.includes(target)) throw new Error(`${target} is not an integration's copy of the element (${TARGETS.join(', ')})`);
  }
  const written = [];
  for (const target of targets) {
    const dir = path.join(root, target);
    const {manifest} = await buildDist(dir);
    // The integrations' PHP loads ENTRY; a package that moved its define module would leave
    // them loading nothing.
    const define = manifest.exports['./define'];
    const defineModule = typeof define === 'string' ? define : define?.default;
    if (defineModule !== `./${ENTRY}`) {
      throw new Error(`the package's ./define export is ${JSON.stringify(defineModule)}, not ./${ENTRY}: update ENTRY and the integrations' ELEMENT_ENTRY`);
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
