#!/usr/bin/env node
// @ts-check
/**
 * Builds `dist/`, the npm package `article-diff` (`./run dist` builds `pkg/` first; `npm pack`
 * in `dist/` then makes the tarball).
 *
 * The package is the element's folder laid out as the demo server serves it (`www/` at `/`,
 * `pkg/` at `/pkg/`, see scripts/serve.mjs), so the element finds its files relative to its own
 * URL the same way in both. What goes in is found, not listed: every file reachable from the
 * modules `EXPORTS` names, through
 *
 * - static `import … from '…'`, `export … from '…'` and literal `import('…')`,
 * - `new URL('…', import.meta.url)` and `import.meta.resolve('…')` (the stylesheet, the worker,
 *   the wasm glue and, from the glue, the `.wasm` itself),
 * - `url(…)` and `@import` in CSS,
 *
 * plus the `.d.ts` beside each JavaScript file that has one, and the README (made from
 * docs/element.md), the licence texts and the changelog. A module or asset the element starts
 * to reference (a second wasm module and its glue) is packed without a change here; a URL
 * computed at run time cannot be followed and is an error, as is a reference out of `www/` or
 * `pkg/`.
 *
 *   node scripts/dist.mjs [--out DIR]     (default: dist/)
 */
import {execFileSync} from 'node:child_process';
import {mkdir, readFile, rm, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

import {parse} from 'acorn';
import {simple} from 'acorn-walk';

import {resolvePath} from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The only folders the package is made from. */
const SOURCES = ['www', 'pkg'].map((dir) => path.join(ROOT, dir) + path.sep);

/**
 * The package's entry points: `exports` subpath → served path of its module, and of its
 * `.d.ts` when it has one (the `.d.ts` beside it).
 */
const EXPORTS = {
  '.': '/article-diff.js',
  './define': '/article-diff-define.js',
  './engine': '/article-diff-engine.js',
  './element.css': '/article-diff.css',
};

/** The module that only registers the tag: the one import with a side effect. */
const SIDE_EFFECTS = ['/article-diff-define.js'];

/** Root files shipped as they are. */
const ROOT_FILES = ['LICENSE', 'LICENSE-MIT', 'LICENSE-APACHE', 'CHANGELOG.md'];

const DESCRIPTION = '<article-diff>: two versions of an article side by side (changed words, split, merged ' +
  'and moved paragraphs, cosmetic changes), diffed by a Rust engine in WebAssembly. One import, one tag.';

/**
 * Bytes of `bytes` gzipped with `gzip -9`, the measure of `./run`'s size budget (Node's zlib at
 * level 9 differs by a few hundred bytes).
 * @param {Uint8Array} bytes
 */
export function gzipSize(bytes) {
  return execFileSync('gzip', ['-9', '-n', '-c'], {input: bytes, maxBuffer: 1 << 30}).length;
}

/** A reference the package cannot follow or must not contain. */
export class DistError extends Error {}

/**
 * The served paths one file refers to (resolved against its own served path).
 * @param {string} servedPath e.g. `/article-diff.js`
 * @param {string} source the file's text
 * @returns {string[]}
 */
export function referencesOf(servedPath, source) {
  const ext = path.posix.extname(servedPath);
  /**
   * `url`: a URL reference (`new URL`, CSS), where a bare name is relative too; otherwise a
   * module specifier, where a bare name is a package.
   * @type {{spec: string, where: string, url?: boolean}[]}
   */
  const specs = [];
  if (ext === '.js' || ext === '.mjs') {
    let ast;
    try {
      ast = parse(source, {ecmaVersion: 'latest', sourceType: 'module', locations: true});
    } catch (error) {
      throw new DistError(`${servedPath}: cannot parse: ${error instanceof Error ? error.message : error}`);
    }
    /** @param {any} node */
    const where = (node) => `${servedPath}:${node.loc.start.line}`;
    /** @param {any} node @param {string} what */
    const literal = (node, what) => {
      if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
      throw new DistError(`${where(node)}: ${what} is computed at run time; use a string literal so the package can include its target`);
    };
    /** @param {any} node */
    const isImportMeta = (node) => node?.type === 'MetaProperty' && node.meta.name === 'import' && node.property.name === 'meta';
    /** @param {any} node */
    const isImportMetaUrl = (node) =>
      node?.type === 'MemberExpression' && isImportMeta(node.object) && !node.computed && node.property.name === 'url';
    /** @param {any} node */
    const fromSource = (node) => {
      if (node.source) specs.push({spec: node.source.value, where: where(node)});
    };
    simple(ast, {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) {
        // `import(variable)` loads a URL made by `new URL(…, import.meta.url)`, found there.
        const source = /** @type {any} */ (node).source;
        if (source.type === 'Literal' || source.type === 'TemplateLiteral') {
          specs.push({spec: literal(source, 'an import()'), where: where(node)});
        }
      },
      NewExpression(node) {
        const {callee, arguments: args} = /** @type {any} */ (node);
        if (callee.type === 'Identifier' && callee.name === 'URL' && isImportMetaUrl(args[1])) {
          specs.push({spec: literal(args[0], 'a new URL(…, import.meta.url)'), where: where(node), url: true});
        }
      },
      CallExpression(node) {
        const {callee, arguments: args} = /** @type {any} */ (node);
        if (callee.type === 'MemberExpression' && isImportMeta(callee.object) && callee.property.name === 'resolve') {
          specs.push({spec: literal(args[0], 'an import.meta.resolve()'), where: where(node)});
        }
      },
    });
  } else if (ext === '.css') {
    const css = source.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const match of css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)|url\(\s*["']?([^"')]+?)["']?\s*\)/g)) {
      const spec = match[1] ?? match[2];
      if (!spec.startsWith('data:') && !spec.startsWith('#')) specs.push({spec, where: servedPath, url: true});
    }
  }
  return specs.map(({spec, where, url}) => {
    if (url ? /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(spec) : !/^\.{0,2}\//.test(spec)) {
      throw new DistError(`${where}: "${spec}" is not a relative URL; the package holds every file it loads`);
    }
    const resolved = new URL(spec, `http://package${servedPath}`);
    return decodeURIComponent(resolved.pathname);
  });
}

/**
 * The source file behind a served path, which must lie in `www/` or `pkg/` and exist.
 * @param {string} servedPath
 */
async function sourceOf(servedPath) {
  const file = resolvePath(servedPath)?.file;
  if (!file || !SOURCES.some((dir) => file.startsWith(dir))) {
    throw new DistError(`${servedPath} is not in www/ or pkg/`);
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    throw new DistError(`${servedPath} (${path.relative(ROOT, file)}) is missing${file.startsWith(SOURCES[1]) ? ': run ./run dist, which builds pkg/' : ''}`);
  }
  return file;
}

/**
 * Every served path reachable from `entries`, with its source file, in the order found.
 * @param {string[]} entries
 * @returns {Promise<Map<string, string>>}
 */
export async function moduleGraph(entries) {
  /** @type {Map<string, string>} */
  const files = new Map();
  const queue = [...entries];
  while (queue.length > 0) {
    const servedPath = /** @type {string} */ (queue.shift());
    if (files.has(servedPath)) continue;
    const file = await sourceOf(servedPath);
    files.set(servedPath, file);
    if (/\.(m?js|css)$/.test(servedPath)) queue.push(...referencesOf(servedPath, await readFile(file, 'utf8')));
  }
  // Each JavaScript file's types, where it has them.
  for (const [servedPath, file] of [...files]) {
    const types = file.replace(/\.m?js$/, '.d.ts');
    if (types !== file && (await stat(types).catch(() => null))?.isFile()) {
      files.set(servedPath.replace(/\.m?js$/, '.d.ts'), types);
    }
  }
  return files;
}

/** The crate's version: the package's version. */
async function cargoVersion() {
  const cargo = await readFile(path.join(ROOT, 'Cargo.toml'), 'utf8');
  const section = /^\[package\]$([\s\S]*?)(?=^\[|$(?![\s\S]))/m.exec(cargo)?.[1] ?? '';
  const version = /^version\s*=\s*"([^"]+)"/m.exec(section)?.[1];
  if (!version) throw new DistError('Cargo.toml has no [package] version');
  return version;
}

/** The package README: docs/element.md under the package's name, and the licence. */
async function readme() {
  const element = await readFile(path.join(ROOT, 'docs/element.md'), 'utf8');
  const body = element.replace(/^# .*\n/, '').trim();
  return `# article-diff

${body}

## License

Licensed under either of the Apache License, Version 2.0 (\`LICENSE-APACHE\`) or the MIT
license (\`LICENSE-MIT\`), at your option.
`;
}

/** `./x` for `/x`. */
const packagePath = (/** @type {string} */ servedPath) => `.${servedPath}`;

/**
 * The package's `package.json`.
 * @param {string} version
 * @param {Map<string, string>} files served path → source
 */
export function packageJson(version, files) {
  /** @type {Record<string, string | {types: string, default: string}>} */
  const exports = {};
  for (const [subpath, servedPath] of Object.entries(EXPORTS)) {
    const types = servedPath.replace(/\.m?js$/, '.d.ts');
    exports[subpath] = types !== servedPath && files.has(types)
      ? {types: packagePath(types), default: packagePath(servedPath)}
      : packagePath(servedPath);
  }
  exports['./package.json'] = './package.json';
  return {
    name: 'article-diff',
    version,
    description: DESCRIPTION,
    keywords: ['diff', 'compare', 'article', 'text', 'web-component', 'custom-element', 'webassembly', 'wasm'],
    license: 'MIT OR Apache-2.0',
    type: 'module',
    main: packagePath(EXPORTS['.']),
    types: packagePath(EXPORTS['.'].replace(/\.js$/, '.d.ts')),
    exports,
    sideEffects: SIDE_EFFECTS.map(packagePath),
    files: [...files.keys(), ...ROOT_FILES.map((name) => `/${name}`)].map((p) => p.slice(1)).sort(),
  };
}

/**
 * Builds the package into `out` (emptied first); returns what it wrote, served path → bytes.
 * @param {string} out
 */
export async function buildDist(out) {
  const files = await moduleGraph(Object.values(EXPORTS));
  for (const servedPath of Object.values(EXPORTS)) {
    const types = servedPath.replace(/\.m?js$/, '.d.ts');
    if (types !== servedPath && !files.has(types)) throw new DistError(`${servedPath} has no ${types} beside it`);
  }
  await rm(out, {recursive: true, force: true});
  /** @type {Map<string, Buffer>} */
  const written = new Map();
  const put = async (/** @type {string} */ servedPath, /** @type {Buffer} */ bytes) => {
    const target = path.join(out, ...servedPath.split('/'));
    await mkdir(path.dirname(target), {recursive: true});
    await writeFile(target, bytes);
    written.set(servedPath, bytes);
  };
  for (const [servedPath, file] of files) await put(servedPath, await readFile(file));
  for (const name of ROOT_FILES) await put(`/${name}`, await readFile(path.join(ROOT, name)));
  await put('/README.md', Buffer.from(await readme()));
  const manifest = packageJson(await cargoVersion(), files);
  await put('/package.json', Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
  return {manifest, written};
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const at = process.argv.indexOf('--out');
  const out = path.resolve(at > 0 ? process.argv[at + 1] ?? '' : path.join(ROOT, 'dist'));
  buildDist(out).then(
    ({manifest, written}) => {
      let raw = 0;
      let gz = 0;
      for (const [servedPath, bytes] of written) {
        const zipped = gzipSize(bytes);
        raw += bytes.length;
        gz += zipped;
        console.log(`  ${servedPath.slice(1).padEnd(56)} ${String(bytes.length).padStart(8)} B ${String(zipped).padStart(8)} B gzipped`);
      }
      console.log(`dist: ${manifest.name}@${manifest.version} in ${path.relative(process.cwd(), out) || '.'}/: ` +
        `${written.size} files, ${raw} B, ${gz} B gzipped (-9) file by file`);
    },
    (error) => {
      console.error(`dist: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
