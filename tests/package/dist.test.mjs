// @ts-check
// scripts/dist.mjs finds what goes into the package by following the element's references,
// so a new module or asset (a second wasm module and its glue) is packed without listing it.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {DistError, packageJson, referencesOf} from '../../scripts/dist.mjs';

test('follows static imports, re-exports, literal import(), new URL(…, import.meta.url) and import.meta.resolve', () => {
  const source = `
import init, {diff} from './pkg/article_diff.js';
import './side-effect.js';
export {x} from '../www-sibling.js';
export * from "./all.js";
const css = new URL('./article-diff.css', import.meta.url).href;
const worker = new URL(\`./article-diff-worker.js\`, import.meta.url);
const markup = new URL('./pkg/article_diff_markup.js', import.meta.url);
const lazy = () => import('./lazy.js');
const resolved = import.meta.resolve('./resolved.js');
// Not references: a comment with new URL('./commented.js', import.meta.url), a string,
// a URL relative to the page, and import() of a variable (its URL is made above).
const text = "new URL('./in-a-string.js', import.meta.url)";
const page = new URL('./relative-to-page.js', document.baseURI);
import(markup.href);
`;
  assert.deepEqual(referencesOf('/dir/article-diff.js', source).sort(), [
    '/dir/all.js', '/dir/article-diff-worker.js', '/dir/article-diff.css', '/dir/lazy.js', '/dir/pkg/article_diff.js',
    '/dir/pkg/article_diff_markup.js', '/dir/resolved.js', '/dir/side-effect.js', '/www-sibling.js',
  ]);
});

test("wasm-bindgen's glue leads to its .wasm: a second module's glue leads to its own", () => {
  const glue = "if (module_or_path === undefined) { module_or_path = new URL('article_diff_markup_bg.wasm', import.meta.url); }";
  assert.deepEqual(referencesOf('/pkg/article_diff_markup.js', glue), ['/pkg/article_diff_markup_bg.wasm']);
});

test('follows url() and @import in CSS, not data: URLs, fragments or comments', () => {
  const css = `@import "./base.css";
@import url(theme.css);
/* url(./commented.png) */
.a { background: url('./img/hatch.svg') }
.b { mask: url(data:image/svg+xml;base64,AAAA) }
.c { filter: url(#shadow) }`;
  assert.deepEqual(referencesOf('/article-diff.css', css).sort(), ['/base.css', '/img/hatch.svg', '/theme.css']);
});

test('a URL computed at run time, a bare package name or another host is an error that says where', () => {
  assert.throws(() => referencesOf('/a.js', 'const name = "x";\nnew URL(`./pkg/${name}.wasm`, import.meta.url);'),
    (error) => error instanceof DistError && /\/a\.js:2: a new URL\(…, import\.meta\.url\) is computed at run time/.test(error.message));
  assert.throws(() => referencesOf('/a.js', "import 'lit';"), /\/a\.js:1: "lit" is not a relative URL/);
  assert.throws(() => referencesOf('/a.js', "new URL('https://cdn.example/x.wasm', import.meta.url);"), /not a relative URL/);
  assert.throws(() => referencesOf('/a.css', '.x { background: url(//cdn.example/x.png) }'), /not a relative URL/);
  assert.throws(() => referencesOf('/a.js', 'const = ;'), /\/a\.js: cannot parse/);
});

test('package.json: exports carry the .d.ts beside each module, and `files` lists what was packed', () => {
  const files = new Map([
    '/article-diff.js', '/article-diff.d.ts', '/article-diff-define.js', '/article-diff-define.d.ts',
    '/article-diff-engine.js', '/article-diff-engine.d.ts', '/article-diff.css', '/pkg/article_diff.js',
  ].map((p) => [p, p]));
  const manifest = packageJson('1.2.3', files);
  assert.equal(manifest.version, '1.2.3');
  assert.deepEqual(manifest.exports['.'], {types: './article-diff.d.ts', default: './article-diff.js'});
  assert.equal(manifest.exports['./element.css'], './article-diff.css');
  assert.ok(manifest.files.includes('pkg/article_diff.js') && manifest.files.includes('LICENSE-APACHE'));
});
