// @ts-check
/**
 * Whether two builds of the HTML module read alike: for a speed change to the reader or its
 * boundary, whose results must be identical. Usage (each folder a `pkg/` as `./run` builds it,
 * e.g. a copy of the branch point's and `pkg/` itself):
 *
 *   node bench/compare-readers.mjs <pkgA> <pkgB> [--chromium | --placeholders] [--seed=n] [--rounds=n]
 *
 * Each build's `Documents.read(old, new, 'html')` reads many generated pairs: block-editor
 * bodies of 2 KB to 400 KB (over and under the 64 Ki units from which `src/copy.js` looks for
 * lines the two sources share) with word edits, blocks moved, deleted and inserted, the body
 * put in wrappers, non-ASCII text (accents, curly quotes, CJK, astral characters), lone
 * surrogates in text and attributes, CRLF line ends on one side or both, character references,
 * unrelated pairs, identical and empty sources. Compared between the builds: both records
 * (`oldRecord`, `newRecord`: text, blocks, marks, embeds, anchors, strings), `oldText`,
 * `newText` and the bytes of `engineBytes()`, or the error thrown; and `read(old, 'html')`'s
 * record. Prints the number of pairs and every difference; exits 1 on any.
 *
 * `--chromium` runs the comparison in Debian's Chromium (a page of `scripts/serve.mjs`, a
 * secure context, where `src/copy.js` encodes with its string copier) instead of Node; the
 * builds are copied into `bench/.pkg/compare-a` and `compare-b` (git-ignored) for it.
 * `--placeholders` (Node) makes B's `src/copy.js` build the visible texts from placeholders as
 * it does in Chromium (`usePlaceholders(true)`), where B's copy has that choice.
 * `--rounds=n` repeats the generated pairs with seeds `seed` to `seed + n - 1` (default 1).
 */
import {cpSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Reads every generated pair with both modules and returns the differences (self-contained:
 * it is also sent to Chromium as source text).
 * @param {any[]} mods the two HTML modules, initialised
 * @param {number} seed
 * @returns {{pairs: number, differences: string[]}}
 */
function compareAll(mods, seed) {
  /** @param {number} s */
  const rng = (s) => {
    s = s >>> 0 || 1;
    return (/** @type {number} */ n) => {
      s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
      return s % n;
    };
  };
  const next = rng(seed * 7919 + 1);
  const syllables = ['ta', 'ne', 'ri', 'so', 'mu', 'ka', 'lo', 'pe', 'di', 'va', 'gu', 'zo'];
  const plain = () => Array.from({length: 1 + next(3)}, () => syllables[next(syllables.length)]).join('');
  const odd = ['café', 'naïve', 'it’s', '“quoted”', '—', '中文', '日本語', '😀', '𝔘', 'Ωμέγα', '&amp;', '&nbsp;', '&#x2019;', '&lt;tag&gt;', '\uD800', '\uDC00', 'x\uDBFFy', '\uFFFD'];
  /** A word; `mix` in 100 of them are not plain ASCII. @param {number} mix */
  const word = (mix) => (next(100) < mix ? odd[next(odd.length)] : plain());
  /** A block-editor body of about `bytes` as blocks. @param {number} bytes @param {number} mix */
  const blocks = (bytes, mix) => {
    /** @type {string[]} */
    const out = [];
    for (let total = 0, b = 0; total < bytes; b++) {
      const inner = Array.from({length: 5 + next(60)}, (_, i) => {
        const w = word(mix);
        const k = next(23);
        if (k === 0) return `<em>${w}</em>`;
        if (k === 1) return `<a href="https://example.org/${b}/${i}${next(30) ? '' : '\uD801'}">${w}</a>`;
        if (k === 2) return `<strong>${w}</strong>`;
        if (k === 3 && next(4) === 0) return `${w}<br>`;
        if (k === 4 && next(8) === 0) return `<img src="/i/${b}.png" alt="${w}">`;
        return w;
      }).join(next(20) ? ' ' : '  \n ');
      const kind = next(30);
      const block = kind === 0 ? `<!-- wp:heading --><h2>${inner}</h2><!-- /wp:heading -->`
        : kind < 4 ? `<!-- wp:list --><ul><li>${inner}</li><li>${plain()}</li></ul><!-- /wp:list -->`
          : kind === 4 ? `<blockquote><p>${inner}</p></blockquote>`
            : kind === 5 ? `<pre>${inner}</pre>`
              : kind === 6 ? `<table><tr><td>${inner}</td><td>${plain()}</td></tr></table>`
                : `<!-- wp:paragraph -->\n<p>${inner}</p>\n<!-- /wp:paragraph -->\n`;
      total += block.length;
      out.push(block);
    }
    return out;
  };
  /** `bs` edited: words replaced, blocks moved, deleted and inserted. @param {string[]} bs @param {number} edits @param {number} mix */
  const edit = (bs, edits, mix) => {
    const out = [...bs];
    for (let k = 0; k < edits && out.length > 1; k++) {
      const b = next(out.length);
      const what = next(10);
      if (what < 5) {
        // A word (or a tag's letters) replaced.
        const s = out[b];
        const at = next(s.length);
        out[b] = s.slice(0, at) + word(mix) + s.slice(at + next(8));
      } else if (what < 7) {
        const [moved] = out.splice(b, 1);
        out.splice(next(out.length + 1), 0, moved);
      } else if (what < 8) {
        out.splice(b, 1);
      } else {
        out.splice(b, 0, `<p>${plain()} ${word(mix)} ${plain()}</p>\n`);
      }
    }
    return out;
  };
  const wrap = (/** @type {string} */ s) => `<main><article><div class="entry-content">\n${s}\n</div></article></main>`;
  const crlf = (/** @type {string} */ s) => s.replace(/\n/g, '\r\n');
  /** @type {[string, string, string][]} */
  const pairs = [
    ['empty', '', ''],
    ['old empty', '', '<p>a</p>'],
    ['new empty', '<p>a</p>', ''],
    ['lone surrogates only', '\uD800<p>\uDC00</p>', '\uDC00<p>\uD800</p>'],
  ];
  for (const bytes of [2_000, 30_000, 90_000, 200_000, 400_000]) {
    for (const mix of [0, 2, 20]) {
      const old = blocks(bytes, mix);
      const name = `${bytes} B, ${mix}% odd words`;
      const joined = old.join('\n');
      pairs.push([`${name}, identical`, joined, joined]);
      pairs.push([`${name}, one edit`, joined, edit(old, 1, mix).join('\n')]);
      pairs.push([`${name}, 40 edits`, joined, edit(old, 40, mix).join('\n')]);
      pairs.push([`${name}, rewritten`, joined, edit(old, old.length * 2, mix).join('\n')]);
      pairs.push([`${name}, new wrapped`, joined, wrap(edit(old, 5, mix).join('\n'))]);
      pairs.push([`${name}, both wrapped`, wrap(joined), wrap(edit(old, 5, mix).join('\n'))]);
      pairs.push([`${name}, new CRLF`, joined, crlf(edit(old, 5, mix).join('\n'))]);
      pairs.push([`${name}, both CRLF`, crlf(joined), crlf(edit(old, 5, mix).join('\n'))]);
      pairs.push([`${name}, unrelated`, joined, blocks(bytes, mix).join('\n')]);
      pairs.push([`${name}, new a prefix`, joined, joined.slice(0, next(joined.length))]);
      pairs.push([`${name}, new cut in a pair`, joined, joined.slice(0, joined.indexOf('\uD83D') + 1 || 1) + joined.slice(joined.lastIndexOf('\uDE00'))]);
    }
  }
  /** @param {any} r */
  const record = (r) => ({text: r.text, blocks: Array.from(r.blocks), marks: Array.from(r.marks), embeds: Array.from(r.embeds), anchors: Array.from(r.anchors), strings: r.strings});
  /** @param {any} m @param {string} a @param {string} b */
  const readWith = (m, a, b) => {
    let d;
    try {
      d = m.Documents.read(a, b, 'html');
      const [ob, nb] = d.engineBytes();
      return {old: record(d.oldRecord), new: record(d.newRecord), oldText: d.oldText, newText: d.newText, oldBytes: Array.from(ob), newBytes: Array.from(nb), read: record(m.read(a, 'html'))};
    } catch (e) {
      return {error: String(e instanceof Error ? e.message : e)};
    } finally {
      d?.free();
    }
  };
  /** @param {any} x @param {any} y @param {string} at @returns {string | null} */
  const diff = (x, y, at) => {
    if (typeof x !== typeof y || Array.isArray(x) !== Array.isArray(y)) return `${at}: ${typeof x} against ${typeof y}`;
    if (Array.isArray(x)) {
      if (x.length !== y.length) return `${at}: length ${x.length} against ${y.length}`;
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return `${at}[${i}]: ${JSON.stringify(x[i])} against ${JSON.stringify(y[i])}`;
      return null;
    }
    if (x && typeof x === 'object') {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
        const d = diff(x[k], y[k], `${at}.${k}`);
        if (d) return d;
      }
      return null;
    }
    return x === y ? null : `${at}: ${JSON.stringify(String(x).slice(0, 80))} against ${JSON.stringify(String(y).slice(0, 80))}`;
  };
  /** @type {string[]} */
  const differences = [];
  for (const [name, a, b] of pairs) {
    const d = diff(readWith(mods[0], a, b), readWith(mods[1], a, b), 'result');
    if (d) differences.push(`seed ${seed}, ${name}: ${d}`);
  }
  return {pairs: pairs.length, differences};
}

const args = process.argv.slice(2);
const dirs = args.filter((a) => !a.startsWith('--')).map((d) => path.resolve(d));
const option = (/** @type {string} */ name, /** @type {number} */ fallback) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const seed = option('seed', 1);
const rounds = option('rounds', 1);
if (dirs.length !== 2) {
  console.error('usage: node bench/compare-readers.mjs <pkgA> <pkgB> [--chromium | --placeholders] [--seed=n] [--rounds=n]');
  process.exit(2);
}

/** @type {{pairs: number, differences: string[]}[]} */
const results = [];
if (args.includes('--chromium')) {
  const {launchBrowser, startServer} = await import('../tests/e2e/harness.mjs');
  const names = ['compare-a', 'compare-b'];
  names.forEach((name, i) => {
    const to = path.join(ROOT, 'bench', '.pkg', name);
    rmSync(to, {recursive: true, force: true});
    cpSync(dirs[i], to, {recursive: true});
  });
  const server = await startServer({port: 0});
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(new URL('/', server.url).href);
    for (let r = 0; r < rounds; r++) {
      results.push(await page.evaluate(`(async () => {
        const mods = [];
        for (const name of ${JSON.stringify(names)}) {
          const m = await import('/bench/.pkg/' + name + '/article_diff_markup.js');
          await m.default();
          mods.push(m);
        }
        return (${compareAll.toString()})(mods, ${seed + r});
      })()`));
    }
    console.log(`Chromium, a secure context: ${await page.evaluate('isSecureContext')}`);
  } finally {
    await browser.close();
    await server.close();
  }
} else {
  const mods = [];
  for (const dir of dirs) {
    const m = await import(new URL(`file://${dir}/article_diff_markup.js`).href);
    m.initSync({module: readFileSync(path.join(dir, 'article_diff_markup_bg.wasm'))});
    mods.push(m);
  }
  if (args.includes('--placeholders')) {
    const snippets = path.join(dirs[1], 'snippets');
    const [crate] = readdirSync(snippets);
    const copy = await import(new URL(`file://${path.join(snippets, crate, 'src', 'copy.js')}`).href);
    if (!copy.usePlaceholders) throw new Error(`${dirs[1]}: its src/copy.js has no usePlaceholders`);
    copy.usePlaceholders(true);
  }
  for (let r = 0; r < rounds; r++) results.push(compareAll(mods, seed + r));
}
const differences = results.flatMap((r) => r.differences);
console.log(`${results.reduce((n, r) => n + r.pairs, 0)} pairs read by both builds: ${differences.length ? `${differences.length} differ` : 'all identical'}`);
for (const d of differences) console.log(`  ${d}`);
process.exit(differences.length ? 1 : 0);
