// @ts-check
/**
 * One tool on one input, in a worker of its own: the page terminates it when a call runs past
 * the cut-off, and a fresh worker per case keeps one tool's heap out of the next one's figures.
 *
 * Before every diff call the worker posts `{type: 'call'}` and after it `{type: 'called', ms}`,
 * so the page can arm and disarm its cut-off timer per call.
 */
import { LOADERS } from './tools.mjs';
import { quality, scoreMovedBlocks, scoreMoves } from './metrics.mjs';

/** @type {import('./tools.mjs').Tool} */
let tool;
/** The loaded tool's id. */
let toolId = '';
let oldText = '';
let newText = '';
/** @type {import('./inputs.mjs').PlantedMove[] | null} */
let plantedMoves = null;
/** Output of the heap-measured call, held until the page has read the heap after it. */
let held = null;

/** A warm-up call this slow ends the warm-up: the call is long enough to warm itself. */
const SLOW_CALL_MS = 1000;
/** Upper bound on warm-up calls for very fast calls. */
const MAX_WARMUP_CALLS = 200;

/** @param {string} a @param {string} b */
function timedCall(a, b) {
  postMessage({ type: 'call' });
  const t0 = performance.now();
  const output = tool.call(a, b);
  const ms = performance.now() - t0;
  postMessage({ type: 'called', ms });
  return { output, ms };
}

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * What a WebAssembly engine that copies both texts as they are pays before diffing: both texts
 * encoded whole into linear memory as UTF-8 with `TextEncoder.encodeInto`, median of `runs`
 * copies into a buffer allocated beforehand. (Our binding encodes the old text and only the new
 * text's lines it does not share with it.)
 * @param {number} runs
 */
function copyFloor(runs) {
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(3 * Math.max(oldText.length, newText.length) + 4);
  const times = [];
  for (let i = 0; i < Math.max(runs, 3); i++) {
    const t0 = performance.now();
    encoder.encodeInto(oldText, buffer);
    encoder.encodeInto(newText, buffer);
    times.push(performance.now() - t0);
  }
  return median(times);
}

const handlers = {
  /** @param {{tool: string, pkg?: string}} msg */
  async load(msg) {
    const t0 = performance.now();
    tool = await LOADERS[msg.tool]({ pkg: msg.pkg });
    toolId = msg.tool;
    return { loadMs: performance.now() - t0 };
  },
  /** @param {{oldText: string, newText: string, plantedMoves: import('./inputs.mjs').PlantedMove[] | null}} msg */
  input(msg) {
    ({ oldText, newText, plantedMoves } = msg);
    return {};
  },
  /**
   * Warm-up calls until both `warmup` calls and `warmupMs` are done (JS and wasm code tier up
   * in the background), then timed calls.
   * @param {{warmup: number, warmupMs: number, runs: number, budgetMs: number}} msg
   */
  run(msg) {
    let last = null;
    let firstMs = null;
    let warmed = 0;
    let warmSpent = 0;
    while (warmed < msg.warmup || (warmSpent < msg.warmupMs && warmed < MAX_WARMUP_CALLS)) {
      last = null;
      const { output, ms } = timedCall(oldText, newText);
      last = output;
      firstMs ??= ms;
      warmed++;
      warmSpent += ms;
      if (ms > SLOW_CALL_MS) break;
    }
    const times = [];
    let spent = 0;
    while (times.length < msg.runs && (times.length === 0 || spent < msg.budgetMs)) {
      last = null;
      const { output, ms } = timedCall(oldText, newText);
      last = output;
      times.push(ms);
      spent += ms;
    }
    const result = {
      copyMs: toolId === 'article-diff' ? copyFloor(times.length) : null,
      firstMs,
      warmupCalls: warmed,
      times,
      medianMs: median(times),
      ...(tool.edits ? quality(tool.edits(last), oldText, newText) : {}),
      moves: tool.moves
        ? scoreMoves(tool.moves(last), plantedMoves)
        : tool.movedBlocks
          ? scoreMovedBlocks(tool.movedBlocks(last), plantedMoves)
          : null,
      approximate: tool.approximate ? tool.approximate(last) : null,
      stats: tool.stats ? tool.stats(last) : null,
      paragraphs: tool.paragraphs ? tool.paragraphs(last) : null,
      size: tool.size ? tool.size(last) : null,
      fallback: last && 'fallback' in last ? last.fallback : null,
      memoryBytes: tool.memoryBytes ? tool.memoryBytes() : null,
    };
    return result;
  },
  /** One more call whose output stays alive until `release`, for the heap probe. */
  heap() {
    held = null;
    const { output, ms } = timedCall(oldText, newText);
    held = output;
    return { ms, memoryBytes: tool.memoryBytes ? tool.memoryBytes() : null };
  },
  release() {
    held = null;
    return {};
  },
  /**
   * Repeated calls for the CPU profiler (the page starts and stops it around this), for
   * warm-up, and for the batches taken in turn with the native core's or a peer's, without
   * per-call messages so the harness stays out of the profile; the cut-off covers the batch.
   * `meanMs` is the whole batch's time over its calls: `performance.now()` is coarsened to
   * 0.1 ms in a page that is not cross-origin isolated, and read once around the batch, that
   * 0.1 ms is spread over all its calls instead of weighing on each.
   * @param {{calls: number}} msg
   */
  repeat(msg) {
    const times = [];
    postMessage({ type: 'call' });
    const start = performance.now();
    for (let i = 0; i < msg.calls; i++) {
      const t0 = performance.now();
      tool.call(oldText, newText);
      times.push(performance.now() - t0);
    }
    const meanMs = (performance.now() - start) / msg.calls;
    postMessage({ type: 'called' });
    return { medianMs: median(times), meanMs };
  },
  /**
   * The fixed cost of one call: a one-word pair, timed in batches because `performance.now()`
   * is coarsened to 0.1 ms in a page that is not cross-origin isolated.
   * @param {{calls: number, batches: number}} msg
   */
  overhead(msg) {
    const perCall = [];
    for (let b = 0; b < msg.batches; b++) {
      const t0 = performance.now();
      for (let i = 0; i < msg.calls; i++) tool.call('word', 'word');
      perCall.push((performance.now() - t0) / msg.calls);
    }
    return { medianMs: median(perCall), calls: msg.calls * msg.batches };
  },
};

onmessage = async (event) => {
  const { id, type } = event.data;
  try {
    const result = await /** @type {any} */ (handlers)[type](event.data);
    postMessage({ type: 'reply', id, result });
  } catch (error) {
    postMessage({ type: 'reply', id, error: String(error && /** @type {any} */ (error).stack || error) });
  }
};
