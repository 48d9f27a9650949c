// @ts-check
/**
 * The words of `<article-diff>`'s interface (buttons, headings, the summary, what a row is for a
 * screen reader), in English by default and replaceable by a host: the `strings` property or
 * the data block's `strings` (docs/element.md, "Interface language"). Pure functions (no DOM),
 * unit-tested under `node --test` (tests/www/).
 *
 * A string is a template: `{name}` is replaced by a value, numbers written in the strings'
 * `locale`. A string with a count may instead give one form per plural category of that locale
 * (`{one: '{n} word', other: '{n} words'}`, `Intl.PluralRules`), so languages with more forms
 * than English (Polish, Arabic) are written right.
 *
 * @module article-diff-strings
 */

/**
 * A plural entry: one template per plural category of the strings' locale; `other` is required.
 * @typedef {{zero?: string, one?: string, two?: string, few?: string, many?: string, other: string}} PluralEntry
 * @typedef {string | PluralEntry} Entry
 */

const ENGLISH = {
  // The column headings when the host gives no label.
  oldVersion: 'Old version',
  newVersion: 'New version',
  // The rows' table, for screen readers: its name, and its column headers.
  differences: 'Differences',
  differencesBetween: 'Differences between {old} and {new}',
  changeColumn: 'Change',
  bothColumn: '{old} and {new}',
  // The toolbar.
  sideBySide: 'Side by side',
  inline: 'Inline',
  viewGroup: 'View',
  changesGroup: 'Changes',
  previous: 'Previous',
  next: 'Next',
  previousTitle: 'Previous change (p or k)',
  nextTitle: 'Next change (n or j)',
  hideCosmetic: 'Hide cosmetic',
  hideFormatting: 'Hide formatting',
  formattingCount: {one: '({n} formatting change)', other: '({n} formatting changes)'},
  hideCosmeticTitle: 'Draw changes of typography, letter case and spacing as unchanged text',
  cosmeticCount: {one: '({n} cosmetic change)', other: '({n} cosmetic changes)'},
  onlyChanges: 'Only changes',
  onlyChangesTitle: 'Fold every unchanged paragraph, with no context around the changes',
  expandAll: 'Expand all',
  foldAll: 'Fold all',
  legend: 'Legend',
  closeLegend: 'Close the legend',
  copy: 'Copy',
  copyTitle: 'Copy the diff as rich text (a table with its marks) and as plain text',
  copied: 'Copied',
  copyFailed: 'Copy failed',
  nothingToCopy: 'Nothing to copy',
  download: 'Download',
  downloadTitle: 'Save the diff as one HTML file that opens anywhere',
  options: 'Options',
  comparing: 'Comparing…',
  noChanges: 'No changes',
  changeCount: {one: '{n} change', other: '{n} changes'},
  counter: '{current} of {count}',
  // The summary.
  noDifferences: 'No differences',
  wordsInserted: {one: '+{n} word', other: '+{n} words'},
  wordsInsertedTitle: 'Words inserted',
  wordsDeleted: {one: '−{n} word', other: '−{n} words'},
  wordsDeletedTitle: 'Words deleted',
  paragraphsChanged: {one: '{n} paragraph changed', other: '{n} paragraphs changed'},
  paragraphsInserted: '{n} inserted',
  paragraphsInsertedTitle: 'Paragraphs inserted',
  paragraphsDeleted: '{n} deleted',
  paragraphsDeletedTitle: 'Paragraphs deleted',
  paragraphsMoved: '{n} moved',
  paragraphsMovedTitle: 'Paragraphs moved',
  paragraphsSplit: '{n} split',
  paragraphsSplitTitle: 'Paragraphs split in two or more',
  paragraphsMerged: '{n} merged',
  paragraphsMergedTitle: 'Paragraphs merged into one',
  formattingChanges: '{n} formatting',
  formattingChangesTitle: 'Formatting changes on unchanged text (bold, links, headings…)',
  approximate: 'Approximate diff: {detail}. The changes shown are exact, but coarser than they could be.',
  approximateDetail: 'a time budget ran out',
  // Versions that share little text: shown one after the other, or aligned when asked.
  unrelatedNotice: 'These versions share little text ({percent} of their words): showing them one after the other.',
  unrelatedAlignedNotice: 'These versions share little text ({percent} of their words): aligned paragraph by paragraph, as asked.',
  sharedPercent: '{n}%',
  sharedUnderOnePercent: 'under 1%',
  alignAnyway: 'Align them paragraph by paragraph',
  showOneAfterOther: 'Show them one after the other',
  stackedOld: {one: 'Old: {n} paragraph', other: 'Old: {n} paragraphs'},
  stackedNew: {one: 'New: {n} paragraph', other: 'New: {n} paragraphs'},
  wordCount: {one: '{n} word', other: '{n} words'},
  oldPartTitle: 'Old version: {label}',
  newPartTitle: 'New version: {label}',
  paragraphCount: {one: '{n} paragraph', other: '{n} paragraphs'},
  // What a changed row is, read before its text by a screen reader.
  rowChanged: 'Changed paragraph',
  rowCosmetic: 'Cosmetic change',
  rowFormatting: 'Formatting changed',
  rowSplit: 'Split paragraph',
  rowMerged: 'Merged paragraphs',
  rowInserted: 'Inserted paragraph',
  rowDeleted: 'Deleted paragraph',
  rowMovedAway: 'Paragraph moved away',
  rowMoved: 'Moved paragraph',
  rowEqual: 'Paragraph',
  rowUnchanged: 'Unchanged paragraph',
  // What a screen reader hears before a cell's text.
  oldParagraphNumber: 'Old ¶ {n}',
  newParagraphNumber: 'New ¶ {n}',
  notInOld: 'Not in the old version',
  notInNew: 'Not in the new version',
  cellLabelled: '{label}: ',
  cellLabelsBoth: '{old}, {new}',
  // The rows.
  oldParagraph: 'Old paragraph',
  newParagraph: 'New paragraph',
  movedDownTo: 'Moved down to new ¶ {n}',
  movedUpTo: 'Moved up to new ¶ {n}',
  movedDownFrom: 'Moved down from old ¶ {n}',
  movedUpFrom: 'Moved up from old ¶ {n}',
  movedEdited: '{move} (edited)',
  moveLinkLabel: 'Move {n}: {move}. Jump to the other end.',
  moveLinkBefore: 'Move ',
  moveLinkAfter: ', {where}: jump there',
  otherEndBelow: 'below',
  otherEndAbove: 'above',
  splitInto: 'Split into {n}',
  mergedFrom: 'Merged from {n}',
  formattingLabel: 'Formatting: {description}',
  cosmeticChip: 'cosmetic',
  cosmeticChipTitle: 'Only typography, whitespace or paragraph breaks changed',
  cosmeticSignTitle: 'Cosmetic only: typography, whitespace or paragraph breaks',
  formattingSignTitle: 'Formatting only: the text is the same',
  cosmeticNewTitle: 'Cosmetic change (typography or whitespace): new form',
  cosmeticOldTitle: 'Cosmetic change (typography or whitespace): old form',
  unchangedParagraphs: {one: '{n} unchanged paragraph', other: '{n} unchanged paragraphs'},
  foldUnchanged: {one: 'Fold {n} unchanged paragraph', other: 'Fold {n} unchanged paragraphs'},
  // A fold that holds paragraphs whose changes the reader hid: after "{n} unchanged paragraphs"
  // (when some are), one entry per kind hidden; opened, the bar reads `foldParagraphs`.
  foldHiddenFormatting: {one: '{n} paragraph with hidden formatting changes', other: '{n} paragraphs with hidden formatting changes'},
  foldHiddenCosmetic: {one: '{n} paragraph with hidden cosmetic changes', other: '{n} paragraphs with hidden cosmetic changes'},
  foldParagraphs: {one: 'Fold {n} paragraph', other: 'Fold {n} paragraphs'},
  // A whitespace-only change, in words (a screen reader would read "·" or nothing).
  spaceAdded: 'space added',
  spaceRemoved: 'space removed',
  spacesAdded: 'spaces added',
  spacesRemoved: 'spaces removed',
  lineBreakAdded: 'line break added',
  lineBreakRemoved: 'line break removed',
  paragraphBreakAdded: 'paragraph break added',
  paragraphBreakRemoved: 'paragraph break removed',
  // The minimap's tooltips.
  minimapChange: 'Change {n}',
  minimapMovedAway: 'A paragraph moved away from here',
  // The legend: group titles, entries, and the words of the examples.
  legendWords: 'Words',
  legendNewWordsSample: 'new words',
  legendOldWordsSample: 'old words',
  legendInserted: 'Inserted (underlined)',
  legendDeleted: 'Deleted (struck through)',
  legendCosmetic: 'Cosmetic change: typography, letter case or spacing only (dotted)',
  legendWhitespace: 'A space (·) or a paragraph break (¶) added or removed',
  legendFormattingSample: 'bold',
  legendFormatting: 'Formatting changed on unchanged text (bold, a link, a heading…): its description on hover or focus',
  legendParagraphs: 'Paragraphs',
  legendSigns: 'Inserted or deleted paragraph, or the new and old text of a changed one',
  legendSignInline: 'A changed paragraph, both texts in one column',
  legendSignCosmetic: 'Only cosmetic changes in the paragraph',
  legendSignFormatting: 'Only its formatting changed: the text is the same',
  legendMovedSample: 'Moved down',
  legendMoved: 'A moved paragraph: both ends carry its number and link to each other',
  legendSplit: 'A paragraph split in two or more, or several merged into one',
  legendEmpty: 'Not in this version',
  legendFold: 'Unchanged paragraphs, folded: activate to show them',
  legendFindingYourWay: 'Finding your way',
  legendCurrent: 'The current change (Previous and Next, or the n and p keys)',
  legendMinimap: 'Minimap: a changed, inserted, deleted or moved paragraph; the grey box is what is in view',
  // The copied and downloaded diff.
  exportOldPart: {one: 'Old version: {label} ({n} paragraph)', other: 'Old version: {label} ({n} paragraphs)'},
  exportNewPart: {one: 'New version: {label} ({n} paragraph)', other: 'New version: {label} ({n} paragraphs)'},
  exportGenerated: 'Compared {date}',
  bothEmpty: 'Both versions are empty.',
};

/** @typedef {keyof typeof ENGLISH} StringKey */
/**
 * A complete, checked set of strings: every key, and the BCP 47 `locale` its numbers and
 * plural forms follow.
 * @typedef {Readonly<Record<StringKey, Entry>> & {readonly locale: string}} Strings
 */

/** The strings the element starts with. */
export const DEFAULT_STRINGS = /** @type {Strings} */ (Object.freeze({locale: 'en', ...ENGLISH}));

/** Scripts written right to left (ISO 15924), and languages whose default script is one. */
const RTL_SCRIPTS = new Set(['adlm', 'arab', 'hebr', 'mand', 'nkoo', 'rohg', 'samr', 'syrc', 'thaa', 'yezi']);
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'lrc', 'mzn', 'nqo', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/**
 * The direction of a locale's writing: `rtl` for Arabic, Hebrew, Persian, Urdu… (or a tag whose
 * script subtag is such a script), else `ltr`. The element's interface takes it, so that its
 * controls read in their own language's direction whatever the page's.
 * @param {string} locale a BCP 47 tag
 * @returns {'ltr'|'rtl'}
 */
export function directionOf(locale) {
  const [language, ...rest] = locale.toLowerCase().split(/[-_]/);
  const script = rest.find((part) => /^[a-z]{4}$/.test(part));
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** The keys a host may set (besides `locale`). */
export const STRING_KEYS = /** @type {StringKey[]} */ (Object.keys(ENGLISH));

const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** Strings a host gave that cannot be used; the message names the key and what is wrong. */
export class StringsError extends Error {}

/**
 * Checks a host's strings and fills what it left out from `base` (the English ones by default).
 * @param {unknown} given an object of some keys of `DEFAULT_STRINGS`, and `locale`; `null` or
 *   `undefined` for the defaults
 * @param {Strings} [base]
 * @returns {Strings}
 * @throws {StringsError} an unknown key, a value that is not a template or a plural entry, a
 *   locale that is not a BCP 47 tag
 */
export function resolveStrings(given, base = DEFAULT_STRINGS) {
  if (given == null) return base;
  if (typeof given !== 'object' || Array.isArray(given)) {
    throw new StringsError(`The strings must be an object of templates, not ${Array.isArray(given) ? 'an array' : typeof given}.`);
  }
  /** @type {Record<string, Entry>} */
  const merged = {...base};
  for (const [key, value] of Object.entries(given)) {
    if (key === 'locale') {
      merged.locale = checkLocale(value);
    } else if (Object.hasOwn(ENGLISH, key)) {
      merged[key] = checkEntry(key, value);
    } else {
      throw new StringsError(`“${key}” is not one of the element's strings (see docs/element.md, “Interface language”).`);
    }
  }
  return /** @type {Strings} */ (Object.freeze(merged));
}

/** @param {unknown} value */
function checkLocale(value) {
  if (typeof value !== 'string') throw new StringsError('The strings\' locale must be a BCP 47 language tag such as "de" or "pt-BR".');
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    throw new StringsError(`The strings' locale “${value}” is not a BCP 47 language tag.`);
  }
}

/** @param {string} key @param {unknown} value @returns {Entry} */
function checkEntry(key, value) {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    /** @type {Record<string, string>} */
    const entry = {};
    for (const [category, template] of Object.entries(value)) {
      if (!PLURAL_CATEGORIES.includes(category)) {
        throw new StringsError(`The string “${key}” has a form “${category}”; plural forms are ${PLURAL_CATEGORIES.join(', ')}.`);
      }
      if (typeof template !== 'string') throw new StringsError(`The string “${key}”'s form “${category}” is not text.`);
      entry[category] = template;
    }
    if (entry.other === undefined) throw new StringsError(`The string “${key}” gives plural forms without “other”.`);
    return /** @type {PluralEntry} */ (entry);
  }
  throw new StringsError(`The string “${key}” must be text or an object of plural forms, not ${value === null ? 'null' : typeof value}.`);
}

/** @type {Map<string, Intl.PluralRules>} */
const pluralRules = new Map();

/** @param {string} locale */
function rulesOf(locale) {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

/**
 * One string with its values filled in: `{name}` takes `values.name` (a number written in the
 * strings' locale); a plural entry's form is chosen by `values.n`.
 * @param {Strings} strings @param {StringKey} key
 * @param {Record<string, string|number>} [values]
 */
export function say(strings, key, values = {}) {
  const entry = strings[key];
  let template;
  if (typeof entry === 'string') {
    template = entry;
  } else {
    const n = values.n;
    const category = typeof n === 'number' ? rulesOf(strings.locale).select(n) : 'other';
    template = entry[/** @type {keyof PluralEntry} */ (category)] ?? entry.other;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(strings.locale) : value;
  });
}
