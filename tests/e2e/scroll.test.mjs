// A 5 MB / 40,000-paragraph pair in headless Chromium (issue 24): the longest task from the
// texts being set to the last row drawn, and the frames while the reader wheel-scrolls through
// the diff, first while rows are still being drawn, then once all are. The figures are printed
// as test diagnostics and written to target/e2e/scroll.json; bench/reader.md records them.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';

import {serverAndBrowser} from './harness.mjs';
import {bigPair, mainThreadTasks, root, warmElementPage} from './ui.mjs';

/**
 * The targets: no task over 100 ms and a 60 fps scroll (p95 frame ≤ 17 ms).
 *
 * A task's length is asserted on its CPU time on the page's main thread (Chromium's trace):
 * that is what our code and the browser's rendering cost, and other processes on a shared CI
 * box (two cores, several browsers) do not stretch it, as they stretch wall time (a 28 ms task
 * took 235 ms on the wall clock here, under load). The wall time is printed, and bounded only
 * against a frozen tab.
 *
 * Frames can only be timed on the wall clock. They are asserted at twice the target, and a
 * phase over that is measured once more (the rows drawn again, or the same scroll again) before
 * the test fails: a frame missed because the machine was busy is not missed twice in a row as
 * surely as one missed because of our code.
 */
const FRAME_TARGET_MS = 17;
const TASK_TARGET_MS = 100;
const FRAME_LIMIT_MS = 2 * FRAME_TARGET_MS;
const TASK_WALL_LIMIT_MS = 1000;

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

/**
 * Sets the pair's texts and returns once the model arrived and the first rows were painted.
 * @param {import('playwright-core').Page} page
 */
async function setBigPair(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const w = /** @type {any} */ (window);
    const el = w.document.querySelector('article-diff');
    /** @type {number[]} */
    const tasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    });
    observer.observe({type: 'longtask'});
    w.__arrivalObserver = observer;
    w.__arrivalTasks = tasks;
    const start = performance.now();
    el.addEventListener('diff', () => {
      requestAnimationFrame(() => setTimeout(() => {
        resolve({painted: performance.now() - start, rows: el.model.rowCount, paragraphs: el.model.blocks.at(-1).oldEnd, changes: el.changeCount});
      }));
    }, {once: true});
    el.oldText = w.__pair.oldText;
    el.newText = w.__pair.newText;
  }));
}

/** Waits until every row is drawn; returns the long tasks (wall ms) seen since the texts were set. @param {import('playwright-core').Page} page */
async function untilDrawn(page) {
  return page.evaluate(async () => {
    const w = /** @type {any} */ (window);
    await w.document.querySelector('article-diff').ready();
    w.__arrivalObserver.disconnect();
    return /** @type {number[]} */ (w.__arrivalTasks);
  });
}

/**
 * Redraws every row (the view switched and back): the rows are drawn in the background again,
 * for a second measure of scrolling while they are.
 * @param {import('playwright-core').Page} page
 */
async function redraw(page) {
  await page.evaluate(() => {
    const el = /** @type {any} */ (document.querySelector('article-diff'));
    el.view = 'inline';
    el.view = 'split';
  });
}

test('a 5 MB / 40,000-paragraph pair: no long task, and wheel scrolling at 60 fps', async (t) => {
  const {oldText, newText} = await bigPair();
  const {context, page, problems} = await warmElementPage(env.browser, env.server.url);
  await page.evaluate(([oldText, newText]) => { /** @type {any} */ (window).__pair = {oldText, newText}; }, [oldText, newText]);
  /** @type {{painted: number, rows: number, paragraphs: number, changes: number}} */
  let arrival = {painted: 0, rows: 0, paragraphs: 0, changes: 0};
  /** @type {Awaited<ReturnType<typeof wheel>>} */
  let during = {frames: [], tasks: [], scrollY: 0};
  /** @type {number[]} */
  let drawnTasks = [];
  // The trace covers the arrival, the scroll while rows are drawn and the drawing's end.
  const cpu = await mainThreadTasks(env.browser, page, async () => {
    arrival = await setBigPair(page);
    await page.mouse.move(500, 500);
    during = await wheel(page, WHEEL_STEPS, 1);
    drawnTasks = await untilDrawn(page);
  });
  const p95 = (/** @type {number[]} */ frames) => +quantile(frames, 0.95).toFixed(1);
  let after = await wheel(page, WHEEL_STEPS, 1);
  let back = await wheel(page, WHEEL_STEPS, -1);
  /** @type {string[]} */
  const retried = [];
  if (p95([...after.frames, ...back.frames]) > FRAME_LIMIT_MS) {
    retried.push(`once drawn: p95 ${p95([...after.frames, ...back.frames])} ms at first`);
    after = await wheel(page, WHEEL_STEPS, 1);
    back = await wheel(page, WHEEL_STEPS, -1);
  }
  if (p95(during.frames) > FRAME_LIMIT_MS) {
    retried.push(`while drawing: p95 ${p95(during.frames)} ms at first`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await redraw(page);
    during = await wheel(page, WHEEL_STEPS, 1);
    await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
  }

  const figures = {
    bytes: oldText.length + newText.length,
    rows: arrival.rows,
    paragraphs: arrival.paragraphs,
    changes: arrival.changes,
    firstPaintMs: Math.round(arrival.painted),
    longestTaskCpuMs: Math.round(cpu.longestCpuMs),
    longestTaskCpuWallMs: Math.round(cpu.wallOfLongestCpuMs),
    longestTaskWallMs: Math.round(Math.max(cpu.longestWallMs, ...drawnTasks, ...after.tasks, ...back.tasks)),
    scrollWhileDrawing: {p95FrameMs: p95(during.frames), frames: during.frames.length,
      over50Ms: during.frames.filter((f) => f > 50).length},
    scrollDrawn: {p95FrameMs: p95([...after.frames, ...back.frames]),
      frames: after.frames.length + back.frames.length,
      over50Ms: [...after.frames, ...back.frames].filter((f) => f > 50).length},
    retried,
  };
  t.diagnostic(`5 MB pair: ${figures.paragraphs.toLocaleString('en')} paragraphs, ${figures.rows.toLocaleString('en')} rows, `
    + `${figures.changes.toLocaleString('en')} changes; first paint ${figures.firstPaintMs} ms; longest task until every row was drawn: `
    + `${figures.longestTaskCpuMs} ms of CPU (${figures.longestTaskCpuWallMs} ms on the wall clock; longest on the wall clock `
    + `${figures.longestTaskWallMs} ms, over ${cpu.tasks} tasks)`);
  t.diagnostic(`wheel scrolling while rows are drawn: p95 frame ${figures.scrollWhileDrawing.p95FrameMs} ms over `
    + `${figures.scrollWhileDrawing.frames} frames (${figures.scrollWhileDrawing.over50Ms} over 50 ms); once drawn: p95 `
    + `${figures.scrollDrawn.p95FrameMs} ms over ${figures.scrollDrawn.frames} frames (${figures.scrollDrawn.over50Ms} over 50 ms)`
    + `${retried.length ? `; measured again after ${retried.join(', ')}` : ''}`);
  const out = path.join(root, 'target', 'e2e');
  await mkdir(out, {recursive: true});
  await writeFile(path.join(out, 'scroll.json'), `${JSON.stringify(figures, null, 2)}\n`);

  assert.ok(figures.paragraphs >= 40_000, `${figures.paragraphs} paragraphs`);
  assert.ok(after.scrollY > 10_000, 'the wheel scrolled deep into the diff');
  assert.ok(cpu.tasks > 100, `the trace saw the page's main thread (${cpu.tasks} tasks)`);
  assert.ok(figures.longestTaskCpuMs <= TASK_TARGET_MS, `a task took ${figures.longestTaskCpuMs} ms of CPU`);
  assert.ok(figures.longestTaskWallMs <= TASK_WALL_LIMIT_MS, `a task took ${figures.longestTaskWallMs} ms`);
  assert.ok(figures.scrollWhileDrawing.p95FrameMs <= FRAME_LIMIT_MS, `p95 frame while drawing: ${figures.scrollWhileDrawing.p95FrameMs} ms`);
  assert.ok(figures.scrollDrawn.p95FrameMs <= FRAME_LIMIT_MS, `p95 frame once drawn: ${figures.scrollDrawn.p95FrameMs} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});
