// @ts-check
/**
 * The demo page's state in its URL: the view, the options and the current change, so a link
 * to a change survives a reload and can be shared. Never the texts (they stay in the browser).
 * The state lives in the fragment (`#change=change-3&view=inline&only-changes`), which no
 * server sees; a bare `#change-3` (an anchor copied from the element) works too.
 *
 * @module app-url
 */

/** The element's boolean attributes the URL keeps, in the order it writes them. */
export const URL_FLAGS = /** @type {const} */ (['only-changes', 'hide-cosmetic', 'ignore-case', 'ignore-whitespace', 'no-moves']);

/**
 * @typedef {{view: 'split'|'inline'|null, change: string|null, flags: Partial<Record<typeof URL_FLAGS[number], boolean>>}} UrlState
 *   `view`: `null` when the URL does not set it; `flags`: only those the URL names
 */

const CHANGE_ID = /^change-[1-9]\d{0,6}$/;

/**
 * Reads the state from a URL's fragment. Anything it does not know is ignored, so an old or
 * hand-edited link still opens.
 * @param {string} hash `location.hash`, with or without its `#`
 * @returns {UrlState}
 */
export function readUrlState(hash) {
  const text = hash.replace(/^#/, '');
  /** @type {UrlState} */
  const state = {view: null, change: null, flags: {}};
  if (CHANGE_ID.test(text)) {
    state.change = text;
    return state;
  }
  const params = new URLSearchParams(text);
  const view = params.get('view');
  if (view === 'split' || view === 'inline') state.view = view;
  const change = params.get('change');
  if (change && CHANGE_ID.test(change)) state.change = change;
  for (const flag of URL_FLAGS) {
    const value = params.get(flag);
    if (value !== null) state.flags[flag] = value !== '0' && value !== 'false';
  }
  return state;
}

/**
 * The fragment for a state, `#` included; `''` for the defaults (no fragment at all). Flags
 * that are off are left out: the defaults are off.
 * @param {{view: string|null, change: string|null, flags: Partial<Record<string, boolean>>}} state
 */
export function writeUrlState({view, change, flags}) {
  const parts = [];
  if (change && CHANGE_ID.test(change)) parts.push(`change=${change}`);
  if (view === 'split' || view === 'inline') parts.push(`view=${view}`);
  for (const flag of URL_FLAGS) if (flags[flag]) parts.push(flag);
  return parts.length ? `#${parts.join('&')}` : '';
}
