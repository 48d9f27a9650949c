// @ts-check
/**
 * The npm package as a user gets it, for the tests in this folder (not a test file itself):
 * `npm pack` of `dist/` (which `./run test` builds with `./run dist` first), installed with
 * `npm install <tarball>` into a scratch project in a temporary folder outside the repository,
 * and a static server for that project with the headers a test asks for.
 */
import {execFileSync} from 'node:child_process';
import {createReadStream} from 'node:fs';
import {mkdir, mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {createServer} from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {MIME} from '../../scripts/serve.mjs';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const dist = path.join(root, 'dist');

/**
 * What `npm pack --json` says of the tarball.
 * @typedef {{filename: string, size: number, unpackedSize: number, entryCount: number,
 *   files: {path: string, size: number}[]}} PackInfo
 */

/** @param {string} command @param {string[]} args @param {string} cwd */
function run(command, args, cwd) {
  return execFileSync(command, args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26});
}

/**
 * Packs `dist/` and installs the tarball into a new scratch project (a `package.json` and
 * nothing else), offline: the package has no dependencies. `cleanup()` removes it all.
 * @returns {Promise<{project: string, tarball: string, pack: PackInfo, installed: string, cleanup: () => Promise<void>}>}
 */
export async function packAndInstall() {
  if (!(await stat(path.join(dist, 'package.json')).catch(/** @returns {null} */ () => null))) {
    throw new Error('dist/ is missing: `./run dist` builds it (`./run test` does so before this suite)');
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'article-diff-package-'));
  const tarballs = path.join(scratch, 'tarballs');
  const project = path.join(scratch, 'project');
  await mkdir(tarballs);
  await mkdir(project);
  const [pack] = /** @type {PackInfo[]} */ (JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tarballs], dist)));
  const tarball = path.join(tarballs, pack.filename);
  await writeFile(path.join(project, 'package.json'), JSON.stringify({name: 'scratch-cms', private: true, type: 'module'}, null, 2));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], project);
  return {
    project,
    tarball,
    pack,
    installed: path.join(project, 'node_modules', 'article-diff'),
    cleanup: () => rm(scratch, {recursive: true, force: true}),
  };
}

/**
 * A static server for `dir` on 127.0.0.1 (port 0: a free one). `headers(pathname)` adds
 * response headers (a page's Content-Security-Policy); `cors` sends
 * `Access-Control-Allow-Origin: *` with everything, as a CDN does.
 * @param {string} dir
 * @param {{headers?: (pathname: string) => Record<string, string>, cors?: boolean}} [options]
 * @returns {Promise<{origin: string, url: (pathname: string) => string, close: () => Promise<void>}>}
 */
export function serveDirectory(dir, {headers = () => ({}), cors = false} = {}) {
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.resolve(dir, '.' + pathname);
    const info = file.startsWith(dir + path.sep) ? await stat(file).catch(/** @returns {null} */ () => null) : null;
    const common = {...(cors ? {'Access-Control-Allow-Origin': '*'} : {}), 'X-Content-Type-Options': 'nosniff'};
    if (!info?.isFile()) {
      res.writeHead(404, {...common, 'Content-Type': 'text/plain; charset=utf-8'});
      res.end('Not Found\n');
      return;
    }
    res.writeHead(200, {
      ...common,
      ...headers(pathname),
      'Content-Type': MIME[/** @type {keyof MIME} */ (path.extname(file).toLowerCase())] ?? 'application/octet-stream',
      'Content-Length': info.size,
    });
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      const origin = `http://127.0.0.1:${address.port}`;
      resolve({
        origin,
        url: (pathname) => origin + pathname,
        close: () => new Promise((done) => {
          server.close(() => done(undefined));
          server.closeAllConnections();
        }),
      });
    });
  });
}

/**
 * The engine of the installed package, run in Node: the model the element must draw.
 * @param {string} installed the package's folder
 * @returns {Promise<{diff: (oldText: string, newText: string, options?: object) => any}>}
 */
export async function nodeEngine(installed) {
  const engine = await import(path.join(installed, 'pkg', 'article_diff.js'));
  engine.initSync({module: await readFile(path.join(installed, 'pkg', 'article_diff_bg.wasm'))});
  return engine;
}
