// A long diff is drawn a chunk of rows at a time (issue #6). Everything a reader relies on must
// work before the last chunk is drawn, and a new diff arriving mid-draw must replace the old
// one cleanly. Each check below runs inside the `diff` event, before any background slice can
// run, so the rows it targets are provably not drawn yet.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import {screenshotDir, serverAndBrowser} from './harness.mjs';
import {largePair, modelInPage, openElementPage, readFixtures} from './ui.mjs';

const env = serverAndBrowser({contextOptions: {viewport: {width: 1280, height: 900}, reducedMotion: 'reduce'}});

/**
 * In the page: every drawn row holds exactly its model text, and drawn plus folded rows are
 * all the model's rows. Returns what is wrong.
 */
function checkRowsInPage() {
  const el = document.querySelector('article-diff');
  const model = el.model;
  const root = el.shadowRoot;
  const wrong = [];
  // The rows shown: a fold's rows are in the DOM too, hidden until opened or found.
  const rows = [.../** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('.row:not(.fold-rows[hidden] .row)'))];
  for (const row of rows) {
    const r = model.rows[Number(row.dataset.row)];
    if (!r) {
      wrong.push(`row ${row.dataset.row} is not in the model`);
      continue;
    }
    if (el.view === 'split') {
      for (const side of /** @type {const} */ (['old', 'new'])) {
        const want = r[side] ? r[side].spans.map((s) => s.text).join('') : null;
        const got = row.querySelector(`.cell.${side} .text`)?.textContent ?? null;
        if (want !== got) wrong.push(`row ${row.dataset.row} ${side}`);
      }
    } else if (!row.querySelector('.cell.inline') || row.querySelector('.cell.old, .cell.new')) {
      wrong.push(`row ${row.dataset.row} is not drawn inline`);
    }
  }
  const folded = [.../** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('.collapsed'))].reduce((sum, b) => sum + Number(b.dataset.to) - Number(b.dataset.from), 0);
  if (rows.length + folded !== model.rows.length) wrong.push(`${rows.length} drawn + ${folded} folded ≠ ${model.rows.length} rows`);
  if (new Set(rows.map((row) => row.dataset.row)).size !== rows.length) wrong.push('a row is drawn twice');
  if (root.querySelector('.chunk.pending')) wrong.push('a chunk is still empty');
  return wrong;
}

test('navigation, keys, the minimap and move links reach rows not drawn yet', async () => {
  const {page, problems} = await openElementPage(env.context, env.server.url);
  const {oldText: seed} = await readFixtures();
  const {oldText, newText} = largePair(seed, 1_000_000);
  const result = await page.evaluate(([oldText, newText]) => new Promise((resolve) => {
    const el = document.querySelector('article-diff');
    const root = el.shadowRoot;
    const rowEl = (/** @type {number} */ r) => /** @type {HTMLElement} */ (root.querySelector(`.row[data-row="${r}"]`));
    const inView = (/** @type {Element} */ row) => {
      const box = row.getBoundingClientRect();
      return box.top >= 0 && box.top < window.innerHeight;
    };
    const drawnText = (/** @type {Element} */ row) => row.querySelector('.cell.new .text, .cell.old .text')?.textContent ?? '';
    el.addEventListener('diff', () => { try {
      const model = el.model;
      const out = {};
      out.emptyChunks = root.querySelectorAll('.chunk.pending').length;
      out.total = el.changeCount;

      // `p` before any step wraps to the last change: the very end of the diff.
      const lastHunkRow = (() => {
        const rows = model.rows.map((r, i) => /** @type {const} */ ([r, i])).filter(([r]) => r.kind !== 'equal');
        return rows[rows.length - 1][1];
      })();
      out.lastDrawnBefore = Boolean(rowEl(lastHunkRow));
      el.dispatchEvent(new KeyboardEvent('keydown', {key: 'p', bubbles: true, composed: true}));
      out.counterAfterP = root.querySelector('.counter').textContent;
      const last = /** @type {HTMLElement | null} */ (root.querySelector('.row.current'));
      out.last = last && {row: Number(last.dataset.row), inView: inView(last), filled: drawnText(last).length > 0};

      // A change in the middle of the diff.
      const middle = Math.floor(el.changeCount / 2);
      el.goToChange(middle);
      const current = root.querySelector('.row.current');
      out.middle = {counter: root.querySelector('.counter').textContent, inView: Boolean(current && inView(current)),
        filled: Boolean(current && drawnText(current).length > 0)};

      // A move whose far end is in a chunk not drawn yet: show one end, then follow the link.
      out.move = null;
      // Changes are runs of adjacent rows that are not equal (nothing is hidden here), except
      // runs that are only the old ends of moves: a move is one change, at its new end.
      /** @type {number[]} */
      const hunkOf = [];
      /** @type {number[][]} */
      const runs = [];
      model.rows.forEach((r, i) => {
        if (r.kind === 'equal') return;
        if (i > 0 && model.rows[i - 1].kind !== 'equal') runs[runs.length - 1].push(i);
        else runs.push([i]);
      });
      runs.filter((run) => !run.every((i) => model.rows[i].kind === 'moved' && !model.rows[i].new))
        .forEach((run, hunk) => run.forEach((i) => { hunkOf[i] = hunk; }));
      for (const move of [...model.moves].reverse()) {
        // Start from the end that is a stop of its own (the new end always is).
        const [from, to, side] = hunkOf[move.oldRow] !== undefined
          ? [move.oldRow, move.newRow, /** @type {const} */ ('new')] : [move.newRow, move.oldRow, /** @type {const} */ ('old')];
        el.goToChange(hunkOf[from]);
        if (rowEl(to)) continue;
        const link = /** @type {HTMLElement} */ (rowEl(from).querySelector('.move-link'));
        link.click();
        const target = rowEl(to);
        const want = model.rows[to][side].spans.map((s) => s.text).join('');
        out.move = {
          drawn: Boolean(target), inView: Boolean(target && inView(target)), flash: Boolean(target?.classList.contains('flash')),
          focused: root.activeElement === target, text: target?.querySelector(`.cell.${side} .text`)?.textContent === want,
        };
        break;
      }
      out.emptyChunksAfter = root.querySelectorAll('.chunk.pending').length;
      resolve(out);
    } catch (error) { resolve({error: String(error instanceof Error ? error.stack : error)}); } }, {once: true});
    el.oldText = oldText;
    el.newText = newText;
  }), [oldText, newText]);

  assert.equal(result.error, undefined);
  assert.ok(result.emptyChunks > 10, `the diff is drawn in slices (${result.emptyChunks} chunks still empty)`);
  assert.equal(result.lastDrawnBefore, false, 'the last change was not drawn when the diff arrived');
  assert.equal(result.counterAfterP, `${result.total.toLocaleString('en')} of ${result.total.toLocaleString('en')}`);
  assert.deepEqual(result.last && {inView: result.last.inView, filled: result.last.filled}, {inView: true, filled: true});
  assert.match(result.middle.counter, new RegExp(`^${(Math.floor(result.total / 2) + 1).toLocaleString('en')} of `));
  assert.deepEqual({inView: result.middle.inView, filled: result.middle.filled}, {inView: true, filled: true});
  assert.deepEqual(result.move, {drawn: true, inView: true, flash: true, focused: true, text: true});
  assert.ok(result.emptyChunksAfter > 0, 'all of that happened before the drawing finished');

  // Once drawn, the whole diff is exactly the model, and the minimap has a marker per change.
  await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
  assert.deepEqual(await page.evaluate(checkRowsInPage), []);
  await page.waitForFunction((total) => document.querySelector('article-diff').shadowRoot.querySelector('.minimap canvas')?.getAttribute('data-markers') === String(total), result.total);
  // A thousand markers overlap on an 800-pixel minimap: a click goes to a change drawn under
  // that pixel (one pixel of the minimap is many rows of the diff).
  const hit = await page.evaluate(async () => {
    const root = /** @type {ShadowRoot} */ (document.querySelector('article-diff')?.shadowRoot);
    const rows = /** @type {HTMLElement} */ (root.querySelector('.rows')).getBoundingClientRect();
    const map = /** @type {HTMLElement} */ (root.querySelector('.minimap')).getBoundingClientRect();
    const y = map.top + map.height * 0.6;
    const canvas = /** @type {HTMLElement} */ (root.querySelector('.minimap canvas'));
    canvas.dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true, clientX: map.left + map.width / 2, clientY: y}));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const current = /** @type {HTMLElement} */ (root.querySelector('.row.current'));
    const rowsNow = /** @type {HTMLElement} */ (root.querySelector('.rows')).getBoundingClientRect();
    return {share: (current.getBoundingClientRect().top - rowsNow.top) / rowsNow.height, pixel: 1 / map.height,
      counter: root.querySelector('.counter')?.textContent, marked: canvas.getAttribute('data-current'), height: rows.height};
  });
  assert.ok(Math.abs(hit.share - 0.6) <= 4 * hit.pixel, `the click at 60% of the minimap went to a change at ${(100 * hit.share).toFixed(2)}%`);
  assert.equal(hit.counter?.split(' of ')[0].replace(/,/g, ''), String(Number(hit.marked) + 1), 'the minimap marks the change gone to');

  // Mid-scroll, for the eye: rows drawn, no gaps.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.4));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({path: path.join(screenshotDir, 'large-mid-scroll.png')});
  const gaps = await page.evaluate(() => [...document.querySelector('article-diff').shadowRoot.querySelectorAll('.chunk.pending')]
    .filter((chunk) => {
      const box = chunk.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    }).length);
  assert.equal(gaps, 0, 'no empty chunk in view');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a new diff or view arriving mid-draw replaces the old draw, with no rows mixed', async () => {
  const {page, problems} = await openElementPage(env.context, env.server.url);
  const {oldText: seed} = await readFixtures();
  const first = largePair(seed, 800_000, (i) => `[first ${i}]`);
  const second = largePair(seed, 600_000, (i) => `{second ${i}}`);
  const interrupted = await page.evaluate(([first, second]) => new Promise((resolve) => {
    const el = /** @type {any} */ (document.querySelector('article-diff'));
    el.addEventListener('diff', () => {
      const emptyChunks = el.shadowRoot.querySelectorAll('.chunk.pending').length;
      // Mid-draw: the second pair replaces the first.
      el.oldText = second.oldText;
      el.newText = second.newText;
      resolve(emptyChunks);
    }, {once: true});
    el.oldText = first.oldText;
    el.newText = first.newText;
  }), [first, second]);
  assert.ok(interrupted > 10, `the first diff was still being drawn (${interrupted} chunks empty)`);

  const settled = async () => {
    await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
    return page.evaluate(() => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      const text = el.shadowRoot.querySelector('.rows').textContent;
      return {rows: el.model.rowCount, drawn: el.shadowRoot.querySelectorAll('.row').length,
        firstPairText: text.includes('[first '), secondPairText: text.includes('{second ')};
    });
  };
  const after = await settled();
  const model = await modelInPage(page, second.oldText, second.newText);
  assert.equal(after.rows, model.rows.length, 'the model drawn is the second pair’s');
  assert.deepEqual({first: after.firstPairText, second: after.secondPairText}, {first: false, second: true});
  assert.deepEqual(await page.evaluate(checkRowsInPage), []);
  // The first draw's background work is gone for good: nothing changes later.
  await page.waitForTimeout(600);
  assert.equal(await page.evaluate(() => document.querySelector('article-diff').shadowRoot.querySelectorAll('.row').length), after.drawn);
  assert.deepEqual(await page.evaluate(checkRowsInPage), []);

  // The view switched mid-draw: every row inline, none left split; no diff is recomputed.
  const toggled = await page.evaluate(([oldText, newText]) => new Promise((resolve) => {
    const el = /** @type {any} */ (document.querySelector('article-diff'));
    let diffs = 0;
    el.addEventListener('diff', () => {
      diffs++;
      if (diffs > 1) return;
      const emptyChunks = el.shadowRoot.querySelectorAll('.chunk.pending').length;
      el.view = 'inline';
      el.ready().then(() => resolve({emptyChunks, diffs}));
    });
    el.oldText = oldText;
    el.newText = newText;
  }), [first.oldText, first.newText]);
  assert.ok(toggled.emptyChunks > 10);
  assert.equal(toggled.diffs, 1, 'toggling the view does not diff again');
  assert.deepEqual(await page.evaluate(checkRowsInPage), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('expanding a run of thousands of unchanged rows draws it in slices too', async () => {
  const {page, problems} = await openElementPage(env.context, env.server.url);
  const paragraphs = Array.from({length: 3000}, (_, i) => `Paragraph ${i + 1} of a long report that nobody edited, with enough words to wrap a line or two in the column.`);
  const edited = [...paragraphs];
  edited[2999] = `${edited[2999]} An editor added this sentence.`;
  const result = await page.evaluate(([oldText, newText]) => new Promise((resolve) => {
    const el = /** @type {any} */ (document.querySelector('article-diff'));
    el.addEventListener('diff', () => {
      const root = el.shadowRoot;
      const button = root.querySelector('.collapsed');
      const folded = Number(button.dataset.to) - Number(button.dataset.from);
      button.click();
      resolve({folded, emptyChunks: root.querySelectorAll('.chunk.pending').length, focused: root.activeElement?.dataset.row});
    }, {once: true});
    el.oldText = oldText;
    el.newText = newText;
  }), [paragraphs.join('\n\n'), edited.join('\n\n')]);
  assert.ok(result.folded > 2900, `a long run was folded (${result.folded} rows)`);
  assert.ok(result.emptyChunks > 10, `the run is drawn in slices (${result.emptyChunks} chunks still empty)`);
  assert.equal(result.focused, '0', 'focus goes to the first row of the run');
  await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
  assert.deepEqual(await page.evaluate(checkRowsInPage), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a view change while a long diff is in the worker waits for it instead of diffing again', async () => {
  const {page, problems} = await openElementPage(env.context, env.server.url);
  const {oldText: seed} = await readFixtures();
  const {oldText, newText} = largePair(seed, 600_000);
  const result = await page.evaluate(async ([oldText, newText]) => {
    // Count the diffs sent to the worker (the element starts its worker on first use).
    let posted = 0;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (/** @type {any[]} */ ...args) {
      posted++;
      return post.apply(this, /** @type {any} */ (args));
    };
    const el = /** @type {any} */ (document.querySelector('article-diff'));
    el.oldText = oldText;
    el.newText = newText;
    while (posted === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    el.setAttribute('view', 'inline');
    await el.ready();
    const root = el.shadowRoot;
    return {
      posted,
      inline: root.querySelectorAll('.cell.inline').length,
      split: root.querySelectorAll('.cell.old, .cell.new').length,
      same: el.model.edits.filter((/** @type {any} */ e) => e[0] <= 0).map((/** @type {any} */ e) => e[1]).join('') === oldText,
    };
  }, [oldText, newText]);
  assert.equal(result.posted, 1, 'one diff sent to the worker');
  assert.ok(result.inline > 0, 'drawn inline');
  assert.equal(result.split, 0, 'no split cells left');
  assert.ok(result.same, 'the model is of the texts set');
  assert.deepEqual(problems, []);
});
