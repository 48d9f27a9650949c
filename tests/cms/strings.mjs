// @ts-check
/**
 * The element's strings as an integration hands them over (the data block's `strings`), checked
 * against the element's own set (www/article-diff-strings.js): every key and no other, plural
 * forms where the element counts, and, in English, the element's very text with the same
 * `{name}` placeholders. Shared by tests/cms/strings.test.mjs (the integrations' files) and the
 * CMS suites (the strings a real WordPress and MediaWiki render).
 */
import {DEFAULT_STRINGS, STRING_KEYS} from '../../www/article-diff-strings.js';

/** @typedef {import('../../www/article-diff-strings.js').Entry} Entry */

export {DEFAULT_STRINGS, STRING_KEYS};

/**
 * The `{name}` placeholders of a template.
 * @param {string} template
 * @returns {string[]} sorted, each once
 */
export function placeholders(template) {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

/**
 * The placeholders of every form of an entry.
 * @param {Entry} entry
 */
export function entryPlaceholders(entry) {
  const forms = typeof entry === 'string' ? [entry] : Object.values(entry);
  return [...new Set(forms.flatMap(placeholders))].sort();
}

/**
 * What is wrong with the keys of `given` (an integration's strings): the element's keys it
 * lacks (they would show in English) and keys the element does not know (the element refuses
 * the whole set for one of them, so every word would be English).
 * @param {Record<string, unknown>} given
 * @returns {string[]} one sentence per problem; none when the set is the element's
 */
export function keyProblems(given) {
  const known = new Set(STRING_KEYS);
  const keys = Object.keys(given).filter((key) => key !== 'locale');
  return [
    ...STRING_KEYS.filter((key) => !Object.hasOwn(given, key)).map((key) => `missing: ${key}`),
    ...keys.filter((key) => !known.has(/** @type {any} */ (key))).map((key) => `not one of the element's strings: ${key}`),
  ];
}

/**
 * What differs between an integration's English strings and the element's: the key set, and
 * for each key its text (each plural form the integration gives must be the element's form of
 * that category; a count the element writes with plural forms must have them).
 * @param {Record<string, unknown>} given an integration's strings in English
 * @returns {string[]} one sentence per problem
 */
export function englishProblems(given) {
  const problems = keyProblems(given);
  for (const key of STRING_KEYS) {
    if (!Object.hasOwn(given, key)) continue;
    const element = DEFAULT_STRINGS[key];
    const value = given[key];
    if (typeof value === 'string') {
      if (typeof element !== 'string') problems.push(`${key}: a count, so it needs plural forms, not one string ${JSON.stringify(value)}`);
      else if (value !== element) problems.push(`${key}: ${JSON.stringify(value)}, the element says ${JSON.stringify(element)}`);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const forms = /** @type {Record<string, unknown>} */ (value);
      if (!Object.hasOwn(forms, 'other')) problems.push(`${key}: plural forms without "other"`);
      for (const [category, form] of Object.entries(forms)) {
        const want = typeof element === 'string' ? element : element[/** @type {keyof typeof element} */ (category)] ?? element.other;
        if (form !== want) problems.push(`${key}.${category}: ${JSON.stringify(form)}, the element says ${JSON.stringify(want)}`);
      }
    } else {
      problems.push(`${key}: neither text nor plural forms (${JSON.stringify(value)})`);
    }
  }
  return problems;
}

/**
 * The strings of the first `<article-diff>`'s data block, as the CMS rendered them.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Record<string, unknown>>}
 */
export async function dataBlockStrings(page) {
  const json = await page.locator('article-diff > script[type="application/json"]').first().textContent();
  const strings = JSON.parse(json ?? 'null')?.strings;
  if (!strings || typeof strings !== 'object') throw new Error('the data block has no strings');
  return strings;
}

/**
 * What is wrong with the placeholders of an integration's strings in any language: each form
 * must use only the element's placeholders of that key (a translation may leave one out, as a
 * plural form "one" may say "a word" without `{n}`).
 * @param {Record<string, unknown>} given
 * @returns {string[]}
 */
export function placeholderProblems(given) {
  /** @type {string[]} */
  const problems = [];
  for (const key of STRING_KEYS) {
    const value = given[key];
    if (value === undefined) continue;
    const allowed = new Set(entryPlaceholders(DEFAULT_STRINGS[key]));
    const forms = typeof value === 'string' ? [value] : Object.values(/** @type {Record<string, string>} */ (value));
    for (const form of forms) {
      const unknown = placeholders(String(form)).filter((name) => !allowed.has(name));
      if (unknown.length) problems.push(`${key}: {${unknown.join('}, {')}} in ${JSON.stringify(form)} is not one of its placeholders`);
    }
  }
  return problems;
}
