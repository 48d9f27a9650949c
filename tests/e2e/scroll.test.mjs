// A 5 MB / 40,000-paragraph pair in headless Chromium (issue 24): the longest task from the
// texts being set to the last row drawn, and the frames while the reader wheel-scrolls through
// the diff, first while rows are still being drawn, then once all are. The figures are printed
// as test diagnostics and written to target/e2e/scroll.json; bench/reader.md records them.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';

import {serverAndBrowser} from './harness.mjs';
import {openElementPage, readFixtures, root, sentencePair} from './ui.mjs';

/**
 * The targets are a 60 fps scroll (p95 frame ≤ 17 ms) and no task over 100 ms; CI shares two
 * cores between this browser and whatever else runs, so a run fails only past twice the frame
 * target or three times the task target.
 */
const FRAME_TARGET_MS = 17;
const TASK_TARGET_MS = 100;
const FRAME_LIMIT_MS = 2 * FRAME_TARGET_MS;
const TASK_LIMIT_MS = 3 * TASK_TARGET_MS;

/** Wheel steps per phase, and the pixels of each (a notch of a mouse wheel is ~100). */
const WHEEL_STEPS = 120;
const WHEEL_PIXELS = 240;

const env = serverAndBrowser();

/**
 * Wheel-scrolls the page for `steps` steps and returns the frames it took (the gaps between
 * animation frames, ms) and the long tasks meanwhile.
 * @param {import('playwright-core').Page} page @param {number} steps @param {number} direction 1 down, -1 up
 */
async function wheel(page, steps, direction) {
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__frames = [];
    w.__tasks = [];
    w.__scrolling = true;
    let last = performance.now();
    const tick = (/** @type {number} */ now) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__scrolling) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
    w.__taskObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__tasks.push(entry.duration);
    });
    w.__taskObserver.observe({type: 'longtask'});
  });
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, direction * WHEEL_PIXELS);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__scrolling = false;
    w.__taskObserver.disconnect();
    return {frames: /** @type {number[]} */ (w.__frames), tasks: /** @type {number[]} */ (w.__tasks), scrollY: window.scrollY};
  });
}

/** @param {number[]} values @param {number} share */
function quantile(values, share) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

test('a 5 MB / 40,000-paragraph pair: no long task, and wheel scrolling at 60 fps', async (t) => {
  const {oldText: seed} = await readFixtures();
  const {oldText, newText} = sentencePair(seed, 5_000_000);
  const context = await env.browser.newContext({viewport: {width: 1280, height: 900}});
  const {page, problems} = await openElementPage(context, env.server.url);
  await page.evaluate(async () => {
    const el = /** @type {any} */ (document.querySelector('article-diff'));
    el.oldText = 'warm';
    el.newText = 'up';
    await el.ready();
  });
  await page.evaluate(([oldText, newText]) => { /** @type {any} */ (window).__pair = {oldText, newText}; }, [oldText, newText]);
  const arrival = await page.evaluate(() => new Promise((resolve) => {
    const w = /** @type {any} */ (window);
    const el = w.document.querySelector('article-diff');
    /** @type {number[]} */
    const tasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    });
    observer.observe({type: 'longtask'});
    const start = performance.now();
    el.addEventListener('diff', () => {
      const diffed = performance.now() - start;
      requestAnimationFrame(() => setTimeout(() => {
        resolve({diffed, painted: performance.now() - start, tasks, rows: el.model.rowCount,
          paragraphs: el.model.blocks.at(-1).oldEnd, changes: el.changeCount});
        w.__arrivalObserver = observer;
        w.__arrivalTasks = tasks;
      }));
    }, {once: true});
    el.oldText = w.__pair.oldText;
    el.newText = w.__pair.newText;
  }));
  await page.mouse.move(500, 500);
  const during = await wheel(page, WHEEL_STEPS, 1);
  const drawn = await page.evaluate(async () => {
    const w = /** @type {any} */ (window);
    const el = w.document.querySelector('article-diff');
    const start = performance.now();
    await el.ready();
    w.__arrivalObserver.disconnect();
    return {tasks: /** @type {number[]} */ (w.__arrivalTasks), waited: performance.now() - start};
  });
  const after = await wheel(page, WHEEL_STEPS, 1);
  const back = await wheel(page, WHEEL_STEPS, -1);

  const figures = {
    bytes: oldText.length + newText.length,
    rows: arrival.rows,
    paragraphs: arrival.paragraphs,
    changes: arrival.changes,
    firstPaintMs: Math.round(arrival.painted),
    longestTaskMs: Math.round(Math.max(0, ...drawn.tasks, ...during.tasks, ...after.tasks, ...back.tasks)),
    longestTaskUntilDrawnMs: Math.round(Math.max(0, ...drawn.tasks)),
    scrollWhileDrawing: {p95FrameMs: +quantile(during.frames, 0.95).toFixed(1), frames: during.frames.length,
      over50Ms: during.frames.filter((f) => f > 50).length},
    scrollDrawn: {p95FrameMs: +quantile([...after.frames, ...back.frames], 0.95).toFixed(1),
      frames: after.frames.length + back.frames.length,
      over50Ms: [...after.frames, ...back.frames].filter((f) => f > 50).length},
  };
  t.diagnostic(`5 MB pair: ${figures.paragraphs.toLocaleString('en')} paragraphs, ${figures.rows.toLocaleString('en')} rows, `
    + `${figures.changes.toLocaleString('en')} changes; first paint ${figures.firstPaintMs} ms; longest task ${figures.longestTaskMs} ms `
    + `(${figures.longestTaskUntilDrawnMs} ms until every row was drawn)`);
  t.diagnostic(`wheel scrolling while rows are drawn: p95 frame ${figures.scrollWhileDrawing.p95FrameMs} ms over `
    + `${figures.scrollWhileDrawing.frames} frames (${figures.scrollWhileDrawing.over50Ms} over 50 ms); once drawn: p95 `
    + `${figures.scrollDrawn.p95FrameMs} ms over ${figures.scrollDrawn.frames} frames (${figures.scrollDrawn.over50Ms} over 50 ms)`);
  const out = path.join(root, 'target', 'e2e');
  await mkdir(out, {recursive: true});
  await writeFile(path.join(out, 'scroll.json'), `${JSON.stringify(figures, null, 2)}\n`);

  assert.ok(figures.paragraphs >= 40_000, `${figures.paragraphs} paragraphs`);
  assert.ok(after.scrollY > 10_000, 'the wheel scrolled deep into the diff');
  assert.ok(figures.longestTaskMs <= TASK_LIMIT_MS, `a task took ${figures.longestTaskMs} ms`);
  assert.ok(figures.scrollWhileDrawing.p95FrameMs <= FRAME_LIMIT_MS, `p95 frame while drawing: ${figures.scrollWhileDrawing.p95FrameMs} ms`);
  assert.ok(figures.scrollDrawn.p95FrameMs <= FRAME_LIMIT_MS, `p95 frame once drawn: ${figures.scrollDrawn.p95FrameMs} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});
