// @ts-check
/**
 * The reader's rendering rules (src/markup/html/render.rs and src/markup/builder.rs) written
 * again in JavaScript, over a DOM. `tests/e2e/markup.test.mjs` runs it in Chromium on the tree
 * Chromium's own parser built, and compares the result with the native reader's: any
 * difference is then a difference in parsing, which is what the test is after.
 *
 * `referenceRead` must stay self-contained: Playwright sends its source text to the page.
 * Offsets are UTF-16 code units relative to the block's text, as `examples/read_markup.rs` prints them.
 */

/**
 * @typedef {{kind: string, quote: number, list: null | {ordered: boolean, depth: number, number: number | null, first: boolean}, text: string}} RefBlock
 * @typedef {{block: number, kind: string, href: string | null, start: number, end: number}} RefMark
 * @typedef {{block: number, kind: string, src: string | null, alt: string, at: number}} RefEmbed
 * @typedef {{text: string, blocks: RefBlock[], marks: RefMark[], embeds: RefEmbed[]}} RefDocument
 */

/**
 * @param {Document} [from] the document to read, the page's own by default
 * @returns {RefDocument}
 */
export function referenceRead(from) {
  const HTML = 'http://www.w3.org/1999/xhtml';
  const SVG = 'http://www.w3.org/2000/svg';
  const MATHML = 'http://www.w3.org/1998/Math/MathML';
  const HIDDEN = new Set(('head title meta link base basefont bgsound style script noscript template noembed noframes ' +
    'textarea select datalist input keygen param source track area rp canvas frameset frame').split(' '));
  const EMBEDS = /** @type {Record<string, string>} */ ({img: 'image', video: 'video', audio: 'audio', iframe: 'frame',
    embed: 'object', object: 'object', applet: 'object'});
  const BLOCKS = new Set(('address article aside blockquote body caption center colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form header hgroup hr html legend li listing main menu nav ol optgroup option p ' +
    'plaintext pre search section summary table tbody td tfoot th thead tr ul xmp h1 h2 h3 h4 h5 h6').split(' '));
  const MARKS = /** @type {Record<string, string>} */ ({b: 'bold', strong: 'bold', i: 'italic', em: 'italic',
    cite: 'italic', dfn: 'italic', var: 'italic', u: 'underline', ins: 'underline', s: 'strike', strike: 'strike',
    del: 'strike', code: 'code', kbd: 'code', samp: 'code', tt: 'code', sub: 'sub', sup: 'sup', mark: 'highlight'});
  const COUNTED = ['bold', 'italic', 'underline', 'strike', 'code', 'sub', 'sup', 'highlight'];
  const isSpace = (/** @type {string} */ c) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

  /** @param {string} url @param {string[]} allowed */
  const cleanUrl = (url, allowed) => {
    let s = url;
    while (s.length && s.charCodeAt(0) <= 32) s = s.slice(1);
    while (s.length && s.charCodeAt(s.length - 1) <= 32) s = s.slice(0, -1);
    s = s.replace(/[\t\n\r]/g, '');
    const m = /^([^:/?#]+):/.exec(s);
    if (!m || !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(m[1])) return s;
    return allowed.includes(m[1].toLowerCase()) ? s : null;
  };
  /** @param {string | null} value */
  const parseInteger = (value) => {
    if (value === null) return null;
    const m = /^[\t\n\f\r ]*([-+]?)([0-9]+)/.exec(value);
    if (!m) return null;
    const n = Number(m[2]);
    return m[1] === '-' ? -n : n;
  };

  /** @typedef {{kind: string, quote: number, item: null | [number, number], pre: boolean}} Ctx */
  /** @type {Ctx} */
  let ctx = {kind: 'p', quote: 0, item: null, pre: false};
  /** @type {null | {ctx: Ctx, text: string}} */
  let open = null;
  let pending = {space: false, breaks: 0, pre: ''};
  /** @type {Record<string, number>} */
  const counts = Object.fromEntries(COUNTED.map((k) => [k, 0]));
  /** @type {(string | null)[]} */
  const links = [];
  /** @type {{kind: string, href: string | null, start: number}[]} */
  let marksOpen = [];
  let dirty = true;
  let inkEnd = 0;
  /** @type {{ordered: boolean, reversed: boolean, start: number | null}[]} */
  const lists = [];
  /** @type {{list: number | null, value: number | null}[]} */
  const items = [];
  /** @type {(null | [number, number])[]} */
  const blockItems = [];
  /** @type {RefDocument} */
  const doc = {text: '', blocks: [], marks: [], embeds: []};

  const closeMarks = () => {
    for (const m of marksOpen) doc.marks.push({block: doc.blocks.length, kind: m.kind, href: m.href, start: m.start, end: inkEnd});
    marksOpen = [];
    dirty = true;
  };
  const blockBreak = () => {
    if (open) {
      closeMarks();
      doc.blocks.push({kind: open.ctx.kind, quote: open.ctx.quote, list: null, text: open.text});
      blockItems.push(open.ctx.item);
    }
    open = null;
    pending = {space: false, breaks: 0, pre: ''};
  };
  const active = () => {
    /** @type {{kind: string, href: string | null}[]} */
    const a = [];
    for (const k of COUNTED) if (counts[k] > 0 && !(open?.ctx.pre && k === 'code')) a.push({kind: k, href: null});
    if (links.length) a.push({kind: 'link', href: links[links.length - 1]});
    return a;
  };
  const syncMarks = (/** @type {number} */ at) => {
    dirty = false;
    const a = active();
    const same = (/** @type {{kind: string, href: string | null}} */ x, /** @type {{kind: string, href: string | null}} */ y) =>
      x.kind === y.kind && x.href === y.href;
    marksOpen = marksOpen.filter((m) => {
      if (a.some((x) => same(x, m))) return true;
      doc.marks.push({block: doc.blocks.length, kind: m.kind, href: m.href, start: m.start, end: inkEnd});
      return false;
    });
    for (const x of a) if (!marksOpen.some((m) => same(x, m))) marksOpen.push({...x, start: at});
  };
  const flushPending = () => {
    const p = pending;
    pending = {space: false, breaks: 0, pre: ''};
    if (!open) {
      open = {ctx: {...ctx}, text: ''};
      marksOpen = [];
      dirty = true;
      open.text += p.pre.slice(p.pre.lastIndexOf('\n') + 1);
      return;
    }
    if (p.pre) open.text += p.pre;
    else if (p.breaks) open.text += '\n'.repeat(p.breaks);
    else if (p.space) open.text += ' ';
  };
  const ink = (/** @type {string} */ s) => {
    flushPending();
    const b = /** @type {{ctx: Ctx, text: string}} */ (/** @type {unknown} */ (open));
    if (dirty) syncMarks(b.text.length);
    b.text += s;
    inkEnd = b.text.length;
  };
  const text = (/** @type {string} */ s) => {
    let i = 0;
    while (i < s.length) {
      const ws = isSpace(s[i]);
      let j = i + 1;
      while (j < s.length && isSpace(s[j]) === ws) j++;
      const piece = s.slice(i, j);
      if (!ws) ink(piece);
      else if (ctx.pre) pending.pre += piece;
      else pending.space = true;
      i = j;
    }
  };

  /** @param {Element} e */
  const embedOf = (e, /** @type {string} */ kind) => {
    let src = null;
    let alt = e.getAttribute('title');
    if (kind === 'image') {
      src = e.getAttribute('src');
      alt = e.getAttribute('alt');
    } else if (e.localName === 'object') {
      src = e.getAttribute('data');
    } else if ((kind === 'video' || kind === 'audio') && !e.hasAttribute('src')) {
      for (const c of e.children) {
        if (c.namespaceURI === HTML && c.localName === 'source' && c.hasAttribute('src')) {
          src = c.getAttribute('src');
          break;
        }
      }
    } else {
      src = e.getAttribute('src');
    }
    flushPending();
    const at = /** @type {{text: string}} */ (/** @type {unknown} */ (open)).text.length;
    ink('\uFFFC');
    doc.embeds.push({block: doc.blocks.length, kind, src: src === null ? null : cleanUrl(src, ['http', 'https', 'data']), alt: alt ?? '', at});
  };

  /** @type {number[]} */
  const openLists = [];
  /** @param {Node} node */
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      text(/** @type {Text} */ (node).data);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const e = /** @type {Element} */ (node);
    const tag = e.localName;
    if (e.namespaceURI === SVG) {
      if (tag === 'svg') return embedOf(e, 'svg');
    } else if (e.namespaceURI === MATHML) {
      if (tag === 'annotation' || tag === 'annotation-xml') return;
    } else {
      if (e.hasAttribute('hidden') || HIDDEN.has(tag) || (tag === 'dialog' && !e.hasAttribute('open'))) return;
      if (tag in EMBEDS) return embedOf(e, EMBEDS[tag]);
      if (tag === 'br') {
        if (ctx.pre) pending.pre += '\n';
        else pending.breaks++;
        return;
      }
    }
    const saved = ctx;
    let block = false, list = false;
    /** @type {string | null} */
    let mark = null;
    let href = null;
    if (e.namespaceURI === HTML) {
      const c = {...ctx};
      if (BLOCKS.has(tag)) {
        blockBreak();
        block = true;
      }
      if (tag === 'p' || tag === 'li') c.kind = 'p';
      else if (tag === 'blockquote') {
        c.kind = 'p';
        c.quote++;
      } else if (/^h[1-6]$/.test(tag)) c.kind = tag;
      else if (['pre', 'listing', 'xmp', 'plaintext'].includes(tag)) {
        c.kind = 'pre';
        c.pre = true;
      } else if (tag === 'dt' || tag === 'dd' || tag === 'td' || tag === 'th') c.kind = tag;
      else if (tag === 'caption' || tag === 'figcaption') c.kind = 'caption';
      if (tag === 'ol' || tag === 'ul' || tag === 'menu') {
        const ordered = tag === 'ol';
        lists.push({ordered, reversed: ordered && e.hasAttribute('reversed'), start: ordered ? parseInteger(e.getAttribute('start')) : null});
        openLists.push(lists.length - 1);
        list = true;
      } else if (tag === 'li') {
        const top = openLists.length ? openLists[openLists.length - 1] : null;
        const value = top !== null && lists[top].ordered ? parseInteger(e.getAttribute('value')) : null;
        items.push({list: top, value});
        c.item = [items.length - 1, openLists.length];
      }
      ctx = c;
      if (tag in MARKS) mark = MARKS[tag];
      else if (tag === 'a' && e.hasAttribute('href')) {
        mark = 'link';
        href = cleanUrl(/** @type {string} */ (e.getAttribute('href')), ['http', 'https', 'mailto']);
      }
      if (mark === 'link') links.push(href);
      else if (mark) counts[mark]++;
      if (mark) dirty = true;
    }
    for (const child of e.childNodes) walk(child);
    if (mark === 'link') links.pop();
    else if (mark) counts[mark] = Math.max(0, counts[mark] - 1);
    if (mark) dirty = true;
    if (list) openLists.pop();
    if (block) blockBreak();
    ctx = saved;
  };
  walk((from ?? document).documentElement);
  blockBreak();

  // Number the list items as Builder::finish does.
  const owned = lists.map(() => 0);
  for (const it of items) if (it.list !== null) owned[it.list]++;
  /** @type {(number | null)[]} */
  const counters = lists.map(() => /** @type {number | null} */ (null));
  const numbers = items.map((it) => {
    if (it.list === null) return {ordered: false, number: null};
    const l = lists[it.list];
    const prev = counters[it.list];
    const n = it.value !== null ? it.value : prev !== null ? prev + (l.reversed ? -1 : 1) : l.start ?? (l.reversed ? owned[it.list] : 1);
    counters[it.list] = n;
    return {ordered: l.ordered, number: l.ordered ? n : null};
  });
  const seen = new Set();
  doc.blocks.forEach((b, i) => {
    const it = blockItems[i];
    if (!it) return;
    const first = !seen.has(it[0]);
    seen.add(it[0]);
    b.list = {ordered: numbers[it[0]].ordered, depth: it[1], number: numbers[it[0]].number, first};
  });
  doc.text = doc.blocks.map((b) => b.text).join('\n\n');
  return doc;
}
