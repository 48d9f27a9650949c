// @ts-check
// integrations/build.mjs: each CMS integration's lib/article-diff/ is the npm package, found
// through the element's module graph (scripts/dist.mjs), never a hand-kept list: every module
// the element imports, split or added, is in both copies.
import assert from 'node:assert/strict';
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

import {ENTRY, TARGETS, buildIntegrations} from '../../integrations/build.mjs';
import {buildDist} from '../../scripts/dist.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** @param {string} dir @returns {Promise<string[]>} every file under `dir`, relative, sorted */
async function filesUnder(dir) {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

/**
 * The element's own modules the page loads, followed by their static imports from the entry.
 * @returns {Promise<Set<string>>}
 */
async function elementModules() {
  const seen = new Set();
  const queue = [ENTRY];
  while (queue.length) {
    const name = /** @type {string} */ (queue.pop());
    if (seen.has(name)) continue;
    seen.add(name);
    const source = await readFile(path.join(ROOT, 'www', name), 'utf8');
    for (const [, spec] of source.matchAll(/^(?:import|export)\s[^'"]*?from\s+'\.\/(article-diff[\w-]*\.js)'/gm)) queue.push(spec);
  }
  return seen;
}

test('both integrations get the package: the same files as dist/, every module of the element among them', async () => {
  const tmp = await mkdtemp(path.join(tmpdir(), 'article-diff-integrations-'));
  try {
    const written = await buildIntegrations({root: tmp});
    assert.deepEqual(written, TARGETS.map((target) => path.join(tmp, target)));
    await buildDist(path.join(tmp, 'dist'));
    const dist = await filesUnder(path.join(tmp, 'dist'));
    const modules = await elementModules();
    assert.ok(modules.size > 10, `the element is split into modules (${[...modules].join(', ')})`);
    for (const dir of written) {
      const files = await filesUnder(dir);
      assert.deepEqual(files, dist, `${path.relative(tmp, dir)} is the package`);
      for (const module of modules) assert.ok(files.includes(module), `${path.relative(tmp, dir)} has ${module}`);
    }
  } finally {
    await rm(tmp, {recursive: true, force: true});
  }
});

test('only the integrations\' own copies can be written', async () => {
  await assert.rejects(buildIntegrations({root: tmpdir(), targets: ['www']}), /not an integration's copy/);
});
