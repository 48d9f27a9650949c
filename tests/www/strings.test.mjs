// @ts-check
// Unit tests of www/article-diff-strings.js and the labels in other words: a host's strings,
// checked and filled from English, plural forms by the strings' locale, numbers in it.
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {cellLabel, counterText, describeRow, moveLabel, stackedSummaryItems, summaryItems, unrelatedNotice} from '../../www/article-diff-labels.js';
import {DEFAULT_STRINGS, STRING_KEYS, StringsError, directionOf, resolveStrings, say} from '../../www/article-diff-strings.js';

/** @typedef {import('../../pkg/article_diff.js').Stats} Stats */

/** @param {Partial<Stats>} s @returns {Stats} */
const stats = (s) => /** @type {Stats} */ ({
  wordsInserted: 0, wordsDeleted: 0, paragraphsChanged: 0, paragraphsInserted: 0, paragraphsDeleted: 0,
  paragraphsMoved: 0, paragraphsSplit: 0, paragraphsMerged: 0, cosmeticChanges: 0, ...s,
});

test('without strings the words are English, the numbers written the English way', () => {
  assert.equal(resolveStrings(null), DEFAULT_STRINGS);
  assert.equal(resolveStrings(undefined), DEFAULT_STRINGS);
  assert.equal(say(DEFAULT_STRINGS, 'wordsInserted', {n: 1204}), '+1,204 words');
  assert.equal(say(DEFAULT_STRINGS, 'wordsInserted', {n: 1}), '+1 word');
  assert.equal(counterText(2, 17), '3 of 17');
});

test('a host\'s strings replace the keys they name; the rest stay English', () => {
  const de = resolveStrings({locale: 'de', previous: 'Zurück', wordsInserted: {one: '+{n} Wort', other: '+{n} Wörter'}});
  assert.equal(say(de, 'previous'), 'Zurück');
  assert.equal(say(de, 'next'), 'Next');
  assert.equal(say(de, 'wordsInserted', {n: 1204}), '+1.204 Wörter', 'numbers in the strings\' locale');
  assert.equal(say(de, 'wordsInserted', {n: 1}), '+1 Wort');
  assert.ok(Object.isFrozen(de));
  assert.equal(DEFAULT_STRINGS.previous, 'Previous', 'the defaults are not changed');
});

test('plural forms follow the locale\'s categories, not English\'s two', () => {
  const pl = resolveStrings({
    locale: 'pl',
    changeCount: {one: '{n} zmiana', few: '{n} zmiany', many: '{n} zmian', other: '{n} zmiany'},
  });
  assert.equal(counterText(-1, 1, pl), '1 zmiana');
  assert.equal(counterText(-1, 3, pl), '3 zmiany');
  assert.equal(counterText(-1, 5, pl), '5 zmian');
  assert.equal(counterText(-1, 22, pl), '22 zmiany');
  // A form the locale has but the entry lacks falls back to `other`.
  const partial = resolveStrings({locale: 'pl', changeCount: {one: '{n} zmiana', other: '{n} zm.'}});
  assert.equal(counterText(-1, 5, partial), '5 zm.');
});

test('the labels of rows, moves and the summary take the strings', () => {
  const fr = resolveStrings({
    locale: 'fr', rowInserted: 'Paragraphe inséré', movedDownTo: 'Déplacé plus bas vers le ¶ {n}',
    movedEdited: '{move} (modifié)', noDifferences: 'Aucune différence', paragraphsMoved: '{n} déplacé(s)',
    otherEndBelow: 'plus bas', notInOld: 'Absent de l’ancienne version', oldParagraphNumber: 'Ancien ¶ {n}',
    stackedOld: {one: 'Ancienne : {n} paragraphe', other: 'Ancienne : {n} paragraphes'},
  });
  const row = /** @type {import('../../pkg/article_diff.js').Row} */ ({kind: 'inserted', old: null, new: null, cosmetic: false});
  assert.equal(describeRow(row, fr), 'Paragraphe inséré');
  const move = /** @type {import('../../pkg/article_diff.js').Move} */ ({id: 0, from: 0, to: 4, oldRow: 1, newRow: 6, similarity: 0.9});
  assert.deepEqual(moveLabel(move, 1, 'old', fr), {target: 6, down: true, text: 'Déplacé plus bas vers le ¶ 5 (modifié)', where: 'plus bas'});
  assert.equal(cellLabel(null, 'old', fr), 'Absent de l’ancienne version');
  assert.equal(cellLabel(/** @type {import('../../pkg/article_diff.js').Cell} */ ({paragraphs: [2, 3], spans: []}), 'old', fr), 'Ancien ¶ 3–4');
  assert.equal(stackedSummaryItems({old: 1, new: 2}, stats({}), fr)[0].text, 'Ancienne : 1 paragraphe');
  assert.equal(unrelatedNotice(0.004, fr), 'These versions share little text (under 1% of their words): showing them one after the other.');
  assert.deepEqual(summaryItems(stats({}), fr), [{cls: 'same', text: 'Aucune différence'}]);
  const items = summaryItems(stats({wordsInserted: 1500, paragraphsMoved: 2}), fr);
  assert.equal(items[0].text, `+1${'\u202f'}500 words`, 'French groups thousands with a narrow space');
  assert.deepEqual(items.at(-1), {cls: 'moved', text: '2 déplacé(s)', title: 'Paragraphs moved'});
});

test('a placeholder without a value stays as written; text values are not numbers', () => {
  assert.equal(say(DEFAULT_STRINGS, 'approximate', {}), DEFAULT_STRINGS.approximate);
  assert.equal(say(DEFAULT_STRINGS, 'moveLinkLabel', {n: 2, move: '{n}'}), 'Move 2: {n}. Jump to the other end.');
});

test('strings that cannot be used are refused with a message naming the key', () => {
  /** @param {unknown} given @param {RegExp} message */
  const refused = (given, message) => assert.throws(() => resolveStrings(given), (error) => error instanceof StringsError && message.test(error.message));
  refused('Previous', /must be an object/);
  refused(['Previous'], /not an array/);
  refused({prev: 'Zurück'}, /“prev” is not one of the element's strings/);
  refused({previous: 3}, /“previous” must be text/);
  refused({previous: null}, /not null/);
  refused({changeCount: {one: '{n}'}}, /without “other”/);
  refused({changeCount: {several: '{n}', other: '{n}'}}, /form “several”/);
  refused({changeCount: {other: 5}}, /is not text/);
  refused({locale: 'not a locale!'}, /not a BCP 47 language tag/);
  refused({locale: 5}, /BCP 47/);
});

test('every key has an English string, and the .d.ts names the same keys', async () => {
  const {readFile} = await import('node:fs/promises');
  const dts = await readFile(new URL('../../www/article-diff.d.ts', import.meta.url), 'utf8');
  const union = /type ArticleDiffStringKey =([^;]+);/.exec(dts)?.[1] ?? '';
  const typed = [...union.matchAll(/'(\w+)'/g)].map((m) => m[1]).sort();
  assert.deepEqual(typed, [...STRING_KEYS].sort());
  for (const key of STRING_KEYS) assert.ok(DEFAULT_STRINGS[key], key);
});

test("the interface's direction is its locale's writing direction", () => {
  for (const locale of ['ar', 'ar-EG', 'he', 'iw', 'fa-IR', 'ur', 'yi', 'ckb', 'ps', 'dv', 'ug', 'sd', 'pa-Arab', 'az-Arab-IR']) {
    assert.equal(directionOf(locale), 'rtl', locale);
  }
  for (const locale of ['en', 'en-GB', 'de', 'pl', 'zh-Hant-TW', 'ja', 'hi', 'tr', 'az-Latn', 'uz-Cyrl', 'ku', 'ks-Deva', 'sd-Deva', 'ms-Latn']) {
    assert.equal(directionOf(locale), 'ltr', locale);
  }
  assert.equal(DEFAULT_STRINGS.locale, 'en');
});

