// @ts-check
/**
 * The inputs of html5lib-tests' tree-construction suite, the HTML parsing tests browsers and
 * parsers share: every `#data` section of its `.dat` files (whole documents and fragments,
 * scripted ones too), for `markup.test.mjs` to read both with Chromium and with our reader.
 * Their expected trees are not used: Chromium is the reference, so the copy's age does not matter.
 *
 * The files come from the source distribution of html5lib 1.1 on PyPI (html5lib-tests is MIT
 * licensed), downloaded once, checked against its SHA-256 and cached beside `./run`'s tools
 * (`$ARTICLE_DIFF_TOOLS`, else `~/.cache/article-diff`). Nothing of it is kept in the repository.
 */
import {createHash} from 'node:crypto';
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const SDIST = {
  url: 'https://files.pythonhosted.org/packages/ac/b6/b55c3f49042f1df3dcd422b7f224f939892ee94f22abcf503a9b7339eaf2/html5lib-1.1.tar.gz',
  sha256: 'b2e5b40261e20f354d198eae92afc10d750afb487ed5e50f9c4eaf07c184146f',
};
const TESTS = 'html5lib-1.1/html5lib/tests/testdata/tree-construction';

/** The folder holding the extracted `.dat` files, downloading and extracting them if need be. */
async function treeConstructionDir() {
  const cache = path.join(process.env.ARTICLE_DIFF_TOOLS ?? path.join(os.homedir(), '.cache', 'article-diff'), 'html5lib-1.1');
  const dir = path.join(cache, TESTS);
  if (existsSync(path.join(cache, 'complete'))) return dir;
  let bytes;
  try {
    const response = await fetch(SDIST.url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new Error(`could not download html5lib's source distribution from PyPI (${SDIST.url}): ${error instanceof Error ? error.message : error}`);
  }
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== SDIST.sha256) throw new Error(`html5lib-1.1.tar.gz from PyPI has SHA-256 ${digest}, not ${SDIST.sha256}`);
  const partial = `${cache}.partial`;
  await rm(partial, {recursive: true, force: true});
  await mkdir(partial, {recursive: true});
  const archive = path.join(partial, 'html5lib-1.1.tar.gz');
  await writeFile(archive, bytes);
  execFileSync('tar', ['-xzf', archive, '-C', partial, TESTS]);
  await rm(archive);
  await writeFile(path.join(partial, 'complete'), `${SDIST.sha256}\n`);
  await rm(cache, {recursive: true, force: true});
  await rename(partial, cache);
  return dir;
}

/**
 * The `#data` of one `.dat` file's tests, in order: each test starts with a `#data` line, and
 * its data ends at the `#errors` line (the line break before it is not part of the data).
 * @param {string} text
 */
export function dataSections(text) {
  /** @type {string[]} */
  const out = [];
  for (const test of text.split(/\n\n(?=#data\n)/)) {
    const start = test.indexOf('#data\n');
    const end = test.indexOf('\n#errors');
    if (start !== 0 || end < 0) continue;
    out.push(test.slice('#data\n'.length, end));
  }
  return out;
}

/** Every distinct input of the suite (about 1,600), in the files' order. */
export async function html5libInputs() {
  const dir = await treeConstructionDir();
  const files = [];
  for (const sub of ['', 'scripted']) {
    const names = (await readdir(path.join(dir, sub))).filter((name) => name.endsWith('.dat')).sort();
    files.push(...names.map((name) => path.join(dir, sub, name)));
  }
  const inputs = new Set();
  for (const file of files) for (const data of dataSections(await readFile(file, 'utf8'))) inputs.add(data);
  return [...inputs];
}
