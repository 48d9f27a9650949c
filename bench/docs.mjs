// @ts-check
/**
 * The documentation the benchmark's `docs-*` inputs are built from: Django's reference docs,
 * reStructuredText (thousands of short paragraphs, repeated lines such as `::`,
 * `.. code-block:: pycon` and `>>>` prompts), as two real releases ship them in their source
 * distributions on PyPI (BSD-3-Clause, the licence of the whole Django distribution).
 *
 * Node only; `bench/run.mjs` calls `ensureDocs()` first. For each release in `DJANGO_RELEASES`
 * it downloads the sdist once with pip (`python3 -m pip download --no-deps --no-binary=:all:`,
 * cached in `bench/.docs/`, git-ignored), extracts `docs/**\/*.txt` and writes
 * `bench/.docs/django-<release>.json`: `{release, licence, files: [[path, text], …]}` in path
 * order, which `inputs.mjs` loads in the page and in Node alike. `node bench/docs.mjs` does just
 * that.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the sdists and the extracted docs go (git-ignored). */
export const DOCS_DIR = path.join(ROOT, 'bench/.docs');
/**
 * Two real releases, older first: their `ref/models/querysets.txt` (~150 KB) differs by ~1,700
 * words, the later one is the base of the near-identical and moved inputs.
 */
export const DJANGO_RELEASES = ['4.2', '5.0'];
export const DOCS_LICENCE = 'BSD-3-Clause';

/** The JSON a release's docs are written to, relative to the repository root. @param {string} release */
export const docsPath = (release) => `bench/.docs/django-${release}.json`;

/** @param {string} dir @returns {string[]} paths of `.txt` files under `dir`, relative to it */
function textFiles(dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ rel) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.txt')) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/**
 * Makes sure every release's docs JSON exists; downloads and extracts what is missing.
 * @param {(message: string) => void} [log]
 */
export function ensureDocs(log = (m) => console.error(m)) {
  mkdirSync(DOCS_DIR, { recursive: true });
  for (const release of DJANGO_RELEASES) {
    const json = path.join(ROOT, docsPath(release));
    if (existsSync(json)) continue;
    const sdist = path.join(DOCS_DIR, `Django-${release}.tar.gz`);
    if (!existsSync(sdist)) {
      log(`docs: downloading the Django ${release} source distribution from PyPI (pip, once)`);
      try {
        execFileSync('python3', ['-m', 'pip', 'download', '--quiet', '--no-deps', '--no-binary=:all:', `django==${release}`, '-d', DOCS_DIR], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
      } catch (e) {
        const why = String(/** @type {any} */ (e).stderr || e).trim().split('\n').pop();
        throw new Error(`docs: could not download django==${release} with pip (${why}); \`./run bench\` installs python3-pip`);
      }
    }
    const tree = path.join(DOCS_DIR, `Django-${release}`);
    rmSync(tree, { recursive: true, force: true });
    execFileSync('tar', ['-xzf', sdist, '-C', DOCS_DIR, '--wildcards', `Django-${release}/docs/*`], { stdio: 'ignore' });
    const docs = path.join(tree, 'docs');
    const files = textFiles(docs).map((file) => [file, readFileSync(path.join(docs, file), 'utf8')]);
    if (files.length < 100) throw new Error(`docs: Django ${release}'s sdist holds only ${files.length} docs files`);
    writeFileSync(json, JSON.stringify({ release, licence: DOCS_LICENCE, files }));
    rmSync(tree, { recursive: true, force: true });
    log(`docs: wrote ${path.relative(ROOT, json)} (${files.length} files)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) ensureDocs();
