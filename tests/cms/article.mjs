// @ts-check
/**
 * The article both CMS suites store, in each CMS's own format, and what a reader must see when
 * comparing its revisions. Three revisions:
 *
 *   1 → 2  words edited ("Tuesday" → "Wednesday", "long" → "heated")
 *   2 → 3  a paragraph moved (Residents… goes to the end) and a link's target changed
 *          (…/quay-report → …/quay-report-2024, its text unchanged)
 *
 * plus a hostile revision: script, event-handler and `javascript:` markup that must stay inert.
 */

const HEADING = 'Harbour plan approved';
const P1 = 'The council approved the harbour plan on Tuesday after a long debate that ran past midnight.';
const P1_EDITED = 'The council approved the harbour plan on Wednesday after a heated debate that ran past midnight.';
/** The paragraph with the link: [before, link text, after]. */
const P2 = ['Fishermen said the new quay would bring', 'more boats and more buyers', 'into the bay every summer.'];
const P3 = 'Residents of the old town worry about noise from the ferry terminal at night and about parking.';
const P4 = 'Construction is expected to start in the spring and to last about two years, the council said.';
const LINK_OLD = 'https://example.org/quay-report';
const LINK_NEW = 'https://example.org/quay-report-2024';

/** What the comparisons must show. */
export const expected = {
  title: 'Harbour plan approved',
  inserted: ['Wednesday', 'heated'],
  deleted: ['Tuesday', 'long'],
  /** The two paragraphs that swapped places: either may be drawn as the one that moved. */
  swapped: ['Residents of the old town', 'Construction is expected'],
  linkText: P2[1],
  linkOld: LINK_OLD,
  linkNew: LINK_NEW,
};

/** Block-editor markup of one paragraph block. */
const block = (/** @type {string} */ html) => `<!-- wp:paragraph -->\n<p>${html}</p>\n<!-- /wp:paragraph -->`;

/**
 * The article as WordPress's block editor stores it (post_content, comments included).
 * @returns {string[]} the three revisions, oldest first
 */
export function wordpressRevisions() {
  const heading = `<!-- wp:heading -->\n<h2>${HEADING}</h2>\n<!-- /wp:heading -->`;
  const link = (/** @type {string} */ href) => `${P2[0]} <a href="${href}">${P2[1]}</a> ${P2[2]}`;
  return [
    [heading, block(P1), block(link(LINK_OLD)), block(P3), block(P4)],
    [heading, block(P1_EDITED), block(link(LINK_OLD)), block(P3), block(P4)],
    [heading, block(P1_EDITED), block(link(LINK_NEW)), block(P4), block(P3)],
  ].map((blocks) => blocks.join('\n\n'));
}

/**
 * A post from the classic editor: no blocks, paragraphs are blank lines.
 * @returns {string[]} two revisions
 */
export function wordpressClassicRevisions() {
  return [
    [P1, `${P2[0]} <a href="${LINK_OLD}">${P2[1]}</a> ${P2[2]}`, P3].join('\n\n'),
    [P1_EDITED, `${P2[0]} <a href="${LINK_OLD}">${P2[1]}</a> ${P2[2]}`, P3].join('\n\n'),
  ];
}

/**
 * The article as MediaWiki stores it (wikitext).
 * @returns {string[]} the three revisions, oldest first
 */
export function mediawikiRevisions() {
  const heading = `== ${HEADING} ==`;
  const link = (/** @type {string} */ href) => `${P2[0]} [${href} ${P2[1]}] ${P2[2]}`;
  return [
    [heading, P1, link(LINK_OLD), P3, P4],
    [heading, P1_EDITED, link(LINK_OLD), P3, P4],
    [heading, P1_EDITED, link(LINK_NEW), P4, P3],
  ].map((paragraphs) => paragraphs.join('\n\n'));
}

/** Set by any hostile payload that runs; must stay undefined. */
export const PWNED = '__articleDiffPwned';

/**
 * Markup that would run script if it ever became markup: each payload sets `window[PWNED]`
 * and opens a dialog. Includes a `</script>` that would close a carelessly printed data block.
 */
export const hostilePayloads = [
  `<script>window.${PWNED} = 'script'; alert('script');</script>`,
  `<img src="x" onerror="window.${PWNED} = 'onerror'; alert('onerror')">`,
  `<a href="javascript:window.${PWNED} = 'link'; alert('link')">a javascript: link</a>`,
  `</script><script>window.${PWNED} = 'breakout'; alert('breakout')</script>`,
  `<svg onload="window.${PWNED} = 'svg'; alert('svg')"></svg>`,
];

/**
 * WordPress: a harmless first revision, then one with every payload.
 * @returns {string[]}
 */
export function wordpressHostileRevisions() {
  return [
    block('A quiet first draft about the harbour.'),
    [block('A quiet first draft about the harbour.'), ...hostilePayloads.map(block)].join('\n\n'),
  ];
}

/**
 * MediaWiki: the same payloads in wikitext (MediaWiki escapes them when it renders the page;
 * the element must never render them either).
 * @returns {string[]}
 */
export function mediawikiHostileRevisions() {
  return [
    'A quiet first draft about the harbour.',
    ['A quiet first draft about the harbour.', ...hostilePayloads, `[javascript:window.${PWNED}='wikilink' a javascript: link]`].join('\n\n'),
  ];
}

/** A display name that would become an element if a label were printed unescaped. */
export const HOSTILE_NAME = `Mallory <img src=x onerror="window.${PWNED}='label'">`;
