// @ts-check
// The dev server (scripts/serve.mjs) as a raw client sees it: redirects stay on its own
// origin, and it serves only what the page, the tests and the benchmark load (issue 21,
// item 7). Requests go over a plain socket, so paths reach the server exactly as written.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readdir, readFile} from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

import {BENCH_FILES, BENCH_PACKAGES, resolvePath, startServer} from '../../scripts/serve.mjs';
import {root} from './ui.mjs';

const server = /** @type {{url: string, close: () => Promise<void>}} */ ({});
before(async () => Object.assign(server, await startServer({port: 0})));
after(() => server.close());

/**
 * `GET path` written byte for byte; the status and headers of the answer.
 * @param {string} requestPath
 * @returns {Promise<{status: number, headers: Record<string, string>}>}
 */
function raw(requestPath) {
  const {hostname, port} = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(`GET ${requestPath} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head] = data.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      /** @type {Record<string, string>} */
      const headers = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
      }
      resolve({status: Number(statusLine.split(' ')[1]), headers});
    });
  });
}

test('every redirect stays on the server, whatever the request path holds', async () => {
  const origin = new URL(server.url).origin;
  const paths = [
    '/.//evil.example/..%2f', '/.//evil.example/', '//evil.example/', '//evil.example', '/%2F%2Fevil.example/..',
    '/%2f/evil.example/..%2f', '/./%2fevil.example/..%2f', '/pkg/..//evil.example/..%2f', '/bench/..//evil.example/..%2f',
    '/fixtures/..%2f..%2f', '/\\evil.example/..%2f', '/%5Cevil.example/..%2f', '/.%2f%2fevil.example%2f..%2f',
    '/pkg/.//evil.example/..%2f', '/node_modules/diff/..//evil.example/..%2f',
  ];
  for (const requestPath of paths) {
    const {status, headers} = await raw(requestPath);
    if (status >= 300 && status < 400) {
      const location = headers.location ?? '';
      assert.match(location, /^\/(?![/\\])/, `${requestPath} → ${status} Location: ${location}`);
      assert.equal(new URL(location, server.url).origin, origin, `${requestPath} → ${location}`);
    } else {
      assert.ok([200, 404].includes(status), `${requestPath} → ${status}`);
    }
  }
});

test('a directory without its slash redirects to its canonical path', async () => {
  for (const [requestPath, location] of [['/pkg', '/pkg/'], ['/bench', '/bench/'], ['/pkg/snippets', '/pkg/snippets/'], ['/./pkg', '/pkg/'], ['/pkg/../bench', '/bench/']]) {
    const got = await raw(requestPath);
    assert.equal(got.status, 301, requestPath);
    assert.equal(got.headers.location, location, requestPath);
  }
  assert.equal((await raw('/bench/')).status, 200);
  assert.equal((await raw('/')).status, 200);
});

test('no dotfile is served, however it is spelled', async () => {
  for (const requestPath of [
    '/pkg/.gitignore', '/pkg/.inputs', '/pkg/%2egitignore', '/bench/.gitignore', '/node_modules/.package-lock.json',
    '/node_modules/.article-diff-package-lock.json', '/node_modules/diff/.npmignore', '/fixtures/.hidden', '/.git/config',
    '/pkg/snippets/../.gitignore', '/.env',
  ]) {
    assert.equal((await raw(requestPath)).status, 404, requestPath);
  }
});

test('node_modules: only the packages the benchmark loads', async () => {
  const installed = await readdir(path.join(root, 'node_modules'));
  const others = installed.filter((name) => !name.startsWith('.') && !BENCH_PACKAGES.includes(name));
  assert.ok(others.includes('playwright-core') && others.includes('typescript'), 'the dev dependencies are installed');
  for (const name of others) {
    assert.equal((await raw(`/node_modules/${name}/package.json`)).status, 404, name);
  }
  for (const name of BENCH_PACKAGES) {
    assert.equal((await raw(`/node_modules/${name}/package.json`)).status, 200, name);
  }
  assert.equal((await raw('/node_modules/')).status, 404);
});

test('bench/: the page and the modules it loads, not the Node scripts or results', async () => {
  for (const name of ['run.mjs', 'results.md', 'README.md.bak', 'results/x.json']) {
    if (BENCH_FILES.includes(name)) continue;
    assert.equal((await raw(`/bench/${name}`)).status, 404, name);
  }
  // Every module the page loads, and every file those load relative to themselves, is served.
  const pending = ['index.html'];
  const seen = new Set();
  while (pending.length) {
    const name = /** @type {string} */ (pending.pop());
    if (seen.has(name)) continue;
    seen.add(name);
    assert.equal((await raw(`/bench/${name}`)).status, 200, `bench/${name}`);
    const source = await readFile(path.join(root, 'bench', name), 'utf8');
    for (const [, ref] of source.matchAll(/(?:from\s+|import\(\s*|src=|href=|new URL\(\s*)['"]\.\/([\w.-]+)['"]/g)) pending.push(ref);
    for (const [, pkg] of source.matchAll(/['"]node_modules\/([\w.-]+)\//g)) {
      assert.ok(BENCH_PACKAGES.includes(pkg), `bench/${name} loads node_modules/${pkg}, which is not served`);
    }
  }
  assert.ok(seen.size >= 5, `only ${[...seen]} found`);
});

test('bench/: what bench/run.mjs writes for the page (.pkg, .profiling-pkg, .docs), and nothing else dotted', () => {
  // Through the resolver, as those folders exist only after a bench run.
  for (const url of ['/bench/.pkg/article_diff.js', '/bench/.pkg/snippets/x/src/model.js', '/bench/.profiling-pkg/article_diff_bg.wasm', '/bench/.docs/django-5.0.json']) {
    assert.equal(resolvePath(url)?.file, path.join(root, url), url);
  }
  for (const url of ['/bench/.pkg/.gitignore', '/bench/.docs/Django-5.0.tar.gz', '/bench/.docs/Django-5.0/docs/index.txt', '/bench/.docs/../run.mjs', '/bench/.other/x.js', '/bench/.pkg/../.docs/x']) {
    assert.equal(resolvePath(url), null, url);
  }
});
