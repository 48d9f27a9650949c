// @ts-check
// The element's strings in the integrations' own translation systems, against the element's
// set (www/article-diff-strings.js): a key added to the element and not to a plugin would show
// in English there, and a key the element dropped would make it refuse the plugin's whole set.
// Reads the integrations' files with PHP only (no CMS, no browser); the CMS suites check the
// strings a real WordPress and MediaWiki render.
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';

import {run} from './processes.mjs';
import {DEFAULT_STRINGS, englishProblems, entryPlaceholders, keyProblems} from './strings.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WP_STRINGS = path.join(ROOT, 'integrations/wordpress/article-diff/includes/class-article-diff-strings.php');
const MW = path.join(ROOT, 'integrations/mediawiki/ArticleDiff');

/**
 * Runs one of the suite's PHP scripts.
 * @param {string} script relative to tests/cms/ @param {string} file its argument
 * @param {string[]} more further arguments
 */
async function php(script, file, ...more) {
  const {stdout} = await run('php', [path.join(ROOT, 'tests/cms', script), file, ...more]).catch((error) => {
    throw new Error(`php ${script} failed (./run test installs php-cli for tests/cms/): ${error.message}`);
  });
  return JSON.parse(stdout);
}

/** @param {string} file */
const readJson = async (file) => JSON.parse(await readFile(file, 'utf8'));

describe('the WordPress plugin passes every string of the element', () => {
  test('every key of the element and no other; in English the element\'s text, placeholders and plural forms', async () => {
    const {strings} = await php('wordpress/strings.php', WP_STRINGS);
    assert.equal(strings.locale, 'en-US');
    assert.deepEqual(englishProblems(strings), []);
  });

  test('every gettext call names the plugin\'s text domain', async () => {
    const {domains} = await php('wordpress/strings.php', WP_STRINGS);
    assert.deepEqual(domains, ['article-diff']);
  });

  test('every string with a placeholder has a translators: comment naming each placeholder', async () => {
    const lines = (await readFile(WP_STRINGS, 'utf8')).split('\n');
    /** @type {string[]} */
    const problems = [];
    lines.forEach((line, i) => {
      const literals = [...line.matchAll(/\b(?:__|_x|_n_noop)\(\s*'((?:[^'\\]|\\.)*)'(?:\s*,\s*'((?:[^'\\]|\\.)*)')?/g)]
        .flatMap((m) => [m[1], m[2]]).filter((s) => s !== undefined);
      const found = literals.flatMap((s) => [...s.matchAll(/%(?:(\d+)\$)?[sd]/g)]);
      if (!found.length) return;
      const comment = lines[i - 1].trim();
      const where = `line ${i + 1} (${line.trim().slice(0, 60)}…)`;
      if (!/^\/\* translators: .+\*\/$/.test(comment)) {
        problems.push(`${where}: no "/* translators: … */" comment on the line before`);
        return;
      }
      const numbered = new Set(found.map((m) => m[1]).filter(Boolean));
      for (const n of numbered) if (!comment.includes(`${n}:`)) problems.push(`${where}: the comment does not say what %${n}$s is`);
    });
    assert.deepEqual(problems, []);
  });

  test('a translation that asks for a value the string does not have drops that string only, never the screen', async () => {
    const broken = {'Old ¶ %s': 'Stary ¶ %3$s', '%s change': '%2$s zmiana', 'Compared %s': 'Porównano %s'};
    const {strings} = await php('wordpress/strings.php', WP_STRINGS, JSON.stringify(broken));
    assert.equal(strings.oldParagraphNumber, undefined, 'left out, so the element shows its English');
    assert.equal(strings.changeCount, undefined, 'a plural entry with one broken form is left out whole');
    assert.equal(strings.exportGenerated, 'Porównano {date}');
    assert.equal(strings.newParagraphNumber, 'New ¶ {n}');
    const expected = Object.keys(DEFAULT_STRINGS).filter((key) => key !== 'oldParagraphNumber' && key !== 'changeCount');
    assert.deepEqual(Object.keys(strings).sort(), expected.sort(), 'every other key');
  });
});

describe('the MediaWiki extension passes every string of the element', () => {
  /**
   * The extension's table of strings, en.json and qqq.json.
   * @returns {Promise<{messages: Record<string, [string, string[] | string]>, count: string,
   *   en: Record<string, string>, qqq: Record<string, string>}>}
   */
  const load = async () => ({
    ...(await php('mediawiki/strings.php', path.join(MW, 'includes/ElementStrings.php'))),
    en: await readJson(path.join(MW, 'i18n/en.json')),
    qqq: await readJson(path.join(MW, 'i18n/qqq.json')),
  });

  /**
   * A string's parameter names ($1, $2… in order); the count is the element's `{n}`.
   * @param {string[] | string} params @param {string} count
   */
  const names = (params, count) => (Array.isArray(params) ? params : [params]).map((name) => (name === count ? 'n' : name));

  test('every key of the element and no other, each a message of en.json; no message left unused', async () => {
    const {messages, en, qqq} = await load();
    assert.deepEqual(keyProblems(messages), []);
    const used = new Set(Object.values(messages).map(([message]) => message));
    assert.deepEqual([...used].filter((message) => !Object.hasOwn(en, message)), [], 'messages missing from en.json');
    assert.deepEqual(Object.keys(en).filter((key) => key.startsWith('articlediff-ui-') && !used.has(key)), [],
      'element messages in en.json that no element string uses');
    assert.deepEqual(Object.keys(qqq).sort(), Object.keys(en).sort(), 'qqq.json documents exactly the messages of en.json');
  });

  test('each message\'s parameters are the element\'s placeholders, and a count is a count', async () => {
    const {messages, count} = await load();
    /** @type {string[]} */
    const problems = [];
    for (const [key, [message, params]] of Object.entries(messages)) {
      if (!Object.hasOwn(DEFAULT_STRINGS, key)) continue;
      const entry = DEFAULT_STRINGS[/** @type {keyof typeof DEFAULT_STRINGS} */ (key)];
      const given = [...new Set(names(params, count))].sort();
      if (given.join() !== entryPlaceholders(entry).join()) {
        problems.push(`${key} (${message}): parameters {${given.join('}, {')}}, the element's {${entryPlaceholders(entry).join('}, {')}}`);
      }
      const counted = (Array.isArray(params) ? params : [params]).includes(count);
      if (typeof entry !== 'string' && !counted) problems.push(`${key} (${message}): the element's plural forms need the count as a number`);
    }
    assert.deepEqual(problems, []);
  });

  test('en.json, rendered in English, is the element\'s text; a count chooses its form with {{PLURAL}}', async () => {
    const {messages, count, en} = await load();
    /** @type {Record<string, string | Record<string, string>>} */
    const rendered = {};
    /** @type {string[]} */
    const problems = [];
    for (const [key, [message, params]] of Object.entries(messages)) {
      const text = en[message];
      if (text === undefined) continue;
      const list = names(params, count);
      const counted = (Array.isArray(params) ? params : [params]).includes(count);
      if (counted && !/\{\{PLURAL:\$\d+\|/.test(text) && typeof DEFAULT_STRINGS[/** @type {keyof typeof DEFAULT_STRINGS} */ (key)] !== 'string') {
        problems.push(`${message}: a count with forms in English, but no {{PLURAL}}`);
      }
      const render = (/** @type {number} */ n) => renderEnglish(text, list, n);
      rendered[key] = counted ? {one: render(1), other: render(5)} : render(5);
    }
    assert.deepEqual([...problems, ...englishProblems(rendered)], []);
  });

  test('a count is {n} wherever a translation puts it, and a digit of the translation stays a digit', async () => {
    const texts = [
      '{{PLURAL:$1|$1 change|$1 changes}}',
      '$1 {{plural:$1|Änderung|Änderungen}} in 2 Spalten',
      '{{PLURAL:$1|1 zmiana|$1 zmiany|$1 zmian}}; H1, H2',
      '$2 of $1, not $10',
    ];
    assert.deepEqual(await php('mediawiki/placeholder.php', path.join(MW, 'includes/ElementStrings.php'), '1', ...texts), [
      '{{PLURAL:$1|{n} change|{n} changes}}',
      '{n} {{plural:$1|Änderung|Änderungen}} in 2 Spalten',
      '{{PLURAL:$1|1 zmiana|{n} zmiany|{n} zmian}}; H1, H2',
      '$2 of {n}, not $10',
    ]);
  });

  test('qqq.json says what each element message is and what each of its parameters is', async () => {
    const {messages, count, qqq} = await load();
    /** @type {string[]} */
    const problems = [];
    for (const [message, params] of Object.values(messages)) {
      const doc = qqq[message];
      if (doc === undefined) continue;
      const list = Array.isArray(params) ? params : [params];
      list.forEach((_, i) => {
        if (!new RegExp(`^\\* \\$${i + 1} - \\S`, 'm').test(doc)) problems.push(`${message}: no "* $${i + 1} - …" line`);
      });
      if (list.includes(count) && !doc.includes('PLURAL')) problems.push(`${message}: a count, but no word on {{PLURAL}}`);
    }
    assert.deepEqual(problems, []);
  });
});

/**
 * A message in English as MediaWiki's `text()` gives it and ElementStrings hands it over:
 * {{PLURAL:$k|one|other}} by English's rule, `$k` as the element's `{name}`, character
 * references (`&#32;` for a space at an end) decoded.
 * @param {string} text @param {string[]} params the element's names of $1, $2… @param {number} n
 */
function renderEnglish(text, params, n) {
  const named = (/** @type {string} */ k) => `{${params[Number(k) - 1] ?? `$${k}`}}`;
  return text
    .replace(/\{\{PLURAL:\$(\d+)\|([^}]*)\}\}/g, (_, k, forms) => {
      const [one, other = one] = forms.split('|');
      return params[Number(k) - 1] === 'n' && n === 1 ? one : other;
    })
    .replace(/\$(\d+)/g, (_, k) => named(k))
    .replace(/&#(\d+);|&#x([0-9a-f]+);/gi, (_, dec, hex) => String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)));
}
