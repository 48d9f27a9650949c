// @ts-check
// The npm package as `npm pack` makes it from dist/ (issue #26): what the tarball holds, its
// package.json, its size, and its types as a TypeScript user's compiler sees them after
// `npm install`.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFile, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import {after, before, test} from 'node:test';

import {moduleGraph} from '../../scripts/dist.mjs';
import {packAndInstall, root} from './project.mjs';

const env = /** @type {Awaited<ReturnType<typeof packAndInstall>> & {manifest: any}} */ ({});

before(async () => {
  Object.assign(env, await packAndInstall());
  env.manifest = JSON.parse(await readFile(path.join(env.installed, 'package.json'), 'utf8'));
});

after(() => env.cleanup?.());

test('the tarball holds the element, its define module, worker, stylesheet, engine, types, licences and docs', async (t) => {
  const files = env.pack.files.map((f) => f.path).sort();
  // Everything the entry modules reach, found as ./run dist finds it, and nothing else.
  const graph = await moduleGraph(['/article-diff.js', '/article-diff-define.js', '/article-diff-engine.js', '/article-diff.css']);
  const expected = [...graph.keys()].map((p) => p.slice(1))
    .concat(['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'LICENSE-MIT', 'LICENSE-APACHE']).sort();
  assert.deepEqual(files, expected);
  for (const file of ['article-diff.js', 'article-diff-define.js', 'article-diff-worker.js', 'article-diff.css',
    'article-diff-engine.js', 'pkg/article_diff.js', 'pkg/article_diff_bg.wasm',
    'article-diff.d.ts', 'article-diff-define.d.ts', 'article-diff-engine.d.ts', 'pkg/article_diff.d.ts']) {
    assert.ok(files.includes(file), file);
  }
  assert.ok(files.some((f) => f.startsWith('pkg/snippets/')), 'the JavaScript the wasm glue imports');
  // The licence texts are the repository's own.
  for (const file of ['LICENSE', 'LICENSE-MIT', 'LICENSE-APACHE']) {
    assert.equal(await readFile(path.join(env.installed, file), 'utf8'), await readFile(path.join(root, file), 'utf8'), file);
  }
  assert.match(await readFile(path.join(env.installed, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0, January 2004/);
  assert.match(await readFile(path.join(env.installed, 'LICENSE-MIT'), 'utf8'), /^MIT License\n\nCopyright \(c\)/);
  t.diagnostic(`tarball ${env.pack.filename}: ${env.pack.size} B packed, ${env.pack.unpackedSize} B unpacked, ${env.pack.entryCount} files`);
});

test('package.json: name, the crate version, ES module, exports, types, side effects, licence, no dependencies', async () => {
  const m = env.manifest;
  const cargo = await readFile(path.join(root, 'Cargo.toml'), 'utf8');
  const version = /^\[package\][\s\S]*?^version = "([^"]+)"/m.exec(cargo)?.[1];
  assert.equal(m.name, 'article-diff');
  assert.equal(m.version, version);
  assert.equal(m.type, 'module');
  assert.equal(m.license, 'MIT OR Apache-2.0');
  assert.deepEqual(Object.keys(m.exports), ['.', './define', './engine', './element.css', './package.json']);
  assert.deepEqual(m.exports['.'], {types: './article-diff.d.ts', default: './article-diff.js'});
  assert.deepEqual(m.exports['./define'], {types: './article-diff-define.d.ts', default: './article-diff-define.js'});
  assert.deepEqual(m.exports['./engine'], {types: './article-diff-engine.d.ts', default: './article-diff-engine.js'});
  assert.equal(m.exports['./element.css'], './article-diff.css');
  assert.equal(m.types, './article-diff.d.ts');
  assert.deepEqual(m.sideEffects, ['./article-diff-define.js']);
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'scripts']) assert.equal(m[field], undefined, field);
  // Every target the manifest names is in the tarball.
  const files = new Set(env.pack.files.map((f) => f.path));
  const targets = [m.main, m.types, ...m.sideEffects, ...Object.values(m.exports).flatMap((e) => typeof e === 'string' ? [e] : Object.values(e))];
  for (const target of targets) assert.ok(files.has(target.replace(/^\.\//, '')), target);
  // Node resolves the subpaths through `exports` (a CSS or wasm import is a bundler's business).
  const require = createRequire(path.join(env.project, 'package.json'));
  assert.equal(require.resolve('article-diff/element.css'), path.join(env.installed, 'article-diff.css'));
  assert.throws(() => require.resolve('article-diff/article-diff-worker.js'), /ERR_PACKAGE_PATH_NOT_EXPORTED|not defined by "exports"/);
});

test('the README and changelog in the package', async () => {
  const readme = await readFile(path.join(env.installed, 'README.md'), 'utf8');
  assert.match(readme, /^# article-diff\n/);
  assert.match(readme, /npm install article-diff/);
  assert.match(readme, /import 'article-diff\/define'|from 'article-diff/);
  assert.match(readme, /## License/);
  const changelog = await readFile(path.join(env.installed, 'CHANGELOG.md'), 'utf8');
  assert.match(changelog, new RegExp(`^## \\[${env.manifest.version.replace(/\./g, '\\.')}\\]`, 'm'));
});

/** A TypeScript user's code against the installed package; each `@ts-expect-error` must be one. */
const CONSUMER = `import {ArticleDiffElement, ArticleDiffEvent, TRUSTED_TYPES_POLICY} from 'article-diff';
import 'article-diff/define';
import {ArticleDiffElement as Defined} from 'article-diff/define';
import initEngine, {diff, init, version, type ArticleDiff, type DiffOptions, type Stats} from 'article-diff/engine';

ArticleDiffElement.define('my-diff');
const same: typeof ArticleDiffElement = Defined;
const el = document.querySelector('article-diff');
if (el) {
  el.oldText = 'A cat sat.';
  el.newText = 'A black cat sat.';
  el.view = 'inline';
  el.ignoreCase = true;
  el.timeoutMs = 500;
  el.addEventListener('diff', (event) => {
    const inserted: number = event.detail.wordsInserted;
    const model: ArticleDiff = event.model;
    console.log(inserted, model.rows.length, event instanceof ArticleDiffEvent);
  });
  el.addEventListener('article-diff-error', (event) => console.log(event.detail.message.toUpperCase()));
  el.addEventListener('article-diff-worker-unavailable', (event) => console.log(event.message));
  el.next();
  el.goToChange(2);
  const stats: Stats | null = el.stats;
  const count: number = el.changeCount;
  await el.ready();
  console.log(stats, count, same);
  // @ts-expect-error: two views only
  el.view = 'sideways';
  // @ts-expect-error: a boolean property
  el.ignoreWhitespace = 'yes';
}
const policy: 'article-diff' = TRUSTED_TYPES_POLICY;
await init();
await initEngine({module_or_path: new URL('https://cdn.example/pkg/article_diff_bg.wasm')});
const options: DiffOptions = {detectMoves: false, timeoutMs: null};
const d: ArticleDiff = diff('old', 'new', options);
const kind: 'equal' | 'changed' | 'split' | 'merged' | 'inserted' | 'deleted' | 'moved' = d.rows[0].kind;
console.log(policy, kind, version().length);
// @ts-expect-error: texts are strings
diff(1, 'new');
// @ts-expect-error: no such option
diff('a', 'b', {ignoreCasing: true});
`;

for (const moduleResolution of ['bundler', 'nodenext']) {
  test(`the types check in a TypeScript project (moduleResolution ${moduleResolution}, strict)`, async () => {
    const dir = path.join(env.project, `ts-${moduleResolution}`);
    execFileSync('mkdir', ['-p', dir]);
    await writeFile(path.join(dir, 'consumer.ts'), CONSUMER);
    await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], types: [],
        module: moduleResolution === 'bundler' ? 'esnext' : 'nodenext', moduleResolution,
        skipLibCheck: false, verbatimModuleSyntax: true,
      },
      files: ['consumer.ts'],
    }));
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', dir], {encoding: 'utf8', stdio: 'pipe'});
    } catch (error) {
      output = /** @type {{stdout?: string}} */ (error).stdout ?? String(error);
    }
    assert.equal(output, '', 'tsc reports nothing');
  });
}
