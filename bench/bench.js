// @ts-check
/**
 * The benchmark page: builds the inputs once, then runs each (input, tool) case in a fresh
 * worker with a per-call cut-off. `bench/run.mjs` drives it case by case through
 * `window.bench` and adds what only the DevTools protocol can read (worker heap, CPU profile)
 * via `window.__benchProbe`; opened in a browser by hand, the Run button does the same
 * without those two.
 *
 * @typedef {import('./suite.mjs').CaseResult} CaseResult
 * @typedef {import('./suite.mjs').Settings} Settings
 */
import { buildInputs } from './inputs.mjs';
import { DEFAULT_SETTINGS, OURS, TOOLS, renderMarkdown, skipReason } from './suite.mjs';

/** @param {string} path relative to the server root */
async function load(path) {
  const response = await fetch(new URL('../' + path, import.meta.url));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

const inputsReady = buildInputs(load);

/** Calls repeated under the CPU profiler, per input size. */
const PROFILE_CALLS = { small: 50, large: 10 };
/** Cases slower than this get no extra heap-measuring call. */
const HEAP_CALL_LIMIT_MS = 20_000;
/** Our `diff()` and the native core in turns: rounds, and a batch's calls and rough length. */
const PAIRED = { rounds: 11, minCalls: 2, maxCalls: 400, batchMs: 100 };

/**
 * A worker running one case. `request` resolves with the worker's reply; it rejects with
 * `{dnf: true}` when one diff call outlives `cutoffMs` (the worker is then terminated).
 */
class CaseWorker {
  /** @param {number} cutoffMs */
  constructor(cutoffMs) {
    this.cutoffMs = cutoffMs;
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.nextId = 0;
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: any) => void}>} */
    this.pending = new Map();
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.worker.onmessage = (event) => {
      const msg = event.data;
      if (msg.type === 'call') {
        this.timer = setTimeout(() => this.fail({ dnf: true }), this.cutoffMs);
      } else if (msg.type === 'called') {
        clearTimeout(this.timer);
      } else if (msg.type === 'reply') {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.reject({ error: msg.error });
        else p?.resolve(msg.result);
      }
    };
    this.worker.onerror = (event) => this.fail({ error: `worker error: ${event.message || 'crashed'}` });
  }
  /** @param {any} reason */
  fail(reason) {
    clearTimeout(this.timer);
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(reason);
    this.pending.clear();
  }
  /**
   * @param {string} type
   * @param {object} [payload]
   */
  request(type, payload = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...payload, type, id });
    });
  }
  close() {
    clearTimeout(this.timer);
    this.worker.terminate();
  }
}

/**
 * The DevTools-protocol side channel `run.mjs` exposes; absent when the page is opened by hand.
 * @returns {((op: string) => Promise<any>) | null}
 */
const probe = () => /** @type {any} */ (globalThis).__benchProbe ?? null;

/**
 * The native core `run.mjs` exposes (`native_times --serve`): the mean ms per call of a batch
 * of calls on an input; absent when the page is opened by hand or there is no native build.
 * @returns {((id: string, calls: number) => Promise<{meanMs: number} | null>) | null}
 */
const nativeBatch = () => /** @type {any} */ (globalThis).__benchNative ?? null;

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Our `diff()` (in `worker`, warm) and the native core in alternating batches, each round's
 * two batches a fraction of a second apart, so that the ratio holds on a machine whose load
 * changes; which side goes first alternates by round. `null` when a native batch fails.
 * @param {CaseWorker} worker @param {string} inputId @param {number} ms a call's median so far
 * @param {(id: string, calls: number) => Promise<{meanMs: number} | null>} native
 * @returns {Promise<import('./suite.mjs').Paired | null>}
 */
async function pairedRounds(worker, inputId, ms, native) {
  const calls = Math.min(PAIRED.maxCalls, Math.max(PAIRED.minCalls, Math.ceil(PAIRED.batchMs / Math.max(ms, 0.01))));
  /** @type {{native: number, browser: number}[]} */
  const rounds = [];
  for (let r = 0; r < PAIRED.rounds; r++) {
    const round = { native: 0, browser: 0 };
    for (const side of r % 2 ? ['browser', 'native'] : ['native', 'browser']) {
      if (side === 'browser') {
        round.browser = (await worker.request('repeat', { calls })).meanMs;
      } else {
        const batch = await native(inputId, calls);
        if (!batch) return null;
        round.native = batch.meanMs;
      }
    }
    rounds.push(round);
  }
  return {
    calls,
    rounds,
    nativeMs: median(rounds.map((r) => r.native)),
    browserMs: median(rounds.map((r) => r.browser)),
    ratio: median(rounds.map((r) => r.browser / r.native)),
    fastestRatio: Math.min(...rounds.map((r) => r.browser)) / Math.min(...rounds.map((r) => r.native)),
  };
}

/**
 * Runs one tool on one input.
 *
 * `pkg`: our glue's path from the server root (default `pkg/article_diff.js`). `profilePkg`: glue
 * of a build that keeps wasm function names, profiled in a worker of its own; without it `pkg`
 * is profiled.
 * @param {{inputId: string, tool: string, settings?: Settings, overhead?: boolean, done?: CaseResult[],
 *   pkg?: string | null, profilePkg?: string | null}} spec
 * @returns {Promise<CaseResult>}
 */
async function runCase({ inputId, tool, settings = DEFAULT_SETTINGS, overhead = false, done = [], pkg = null, profilePkg = null }) {
  const inputs = await inputsReady;
  const input = inputs.find((i) => i.id === inputId);
  if (!input) throw new Error(`no input ${inputId}`);
  const skip = skipReason(done, inputId, tool);
  if (skip) return { inputId, tool, status: 'skipped', reason: skip };

  const worker = new CaseWorker(settings.cutoffMs);
  try {
    const { loadMs } = await worker.request('load', { tool, pkg: pkg ?? undefined });
    await worker.request('input', { oldText: input.oldText, newText: input.newText, plantedMoves: input.plantedMoves });
    const ran = await worker.request('run', settings);
    /** @type {CaseResult} */
    const result = { inputId, tool, status: 'ok', loadMs, ...ran, heap: null, profile: null, overheadMs: null, paired: null };
    const native = nativeBatch();
    if (native && tool === OURS) result.paired = await pairedRounds(worker, inputId, ran.medianMs, native);
    const channel = probe();
    if (channel && ran.medianMs <= HEAP_CALL_LIMIT_MS) {
      await channel('heap-begin');
      const heapCall = await worker.request('heap');
      result.heap = await channel('heap-end');
      await worker.request('release');
      if (heapCall.memoryBytes) result.memoryBytes = heapCall.memoryBytes;
    }
    if (overhead) result.overheadMs = (await worker.request('overhead', { calls: 1000, batches: 9 })).medianMs;
    worker.close();
    if (channel && tool === OURS) result.profile = await profileOurs(input, settings, profilePkg ?? pkg, profilePkg !== null, channel);
    return result;
  } catch (failure) {
    const f = /** @type {any} */ (failure);
    if (f && f.dnf) return { inputId, tool, status: 'dnf' };
    return { inputId, tool, status: 'error', reason: String(f?.error ?? f).split('\n')[0] };
  } finally {
    worker.close();
  }
}

/**
 * A CPU profile of repeated `diff()` calls on one input, in a worker of its own.
 * @param {import('./inputs.mjs').Input} input
 * @param {Settings} settings
 * @param {string | null} pkg
 * @param {boolean} names whether `pkg` keeps wasm function names
 * @param {(op: string) => Promise<any>} channel
 */
async function profileOurs(input, settings, pkg, names, channel) {
  const worker = new CaseWorker(settings.cutoffMs);
  try {
    await worker.request('load', { tool: OURS, pkg: pkg ?? undefined });
    await worker.request('input', { oldText: input.oldText, newText: input.newText, plantedMoves: input.plantedMoves });
    const calls = input.oldText.length + input.newText.length > 500_000 ? PROFILE_CALLS.large : PROFILE_CALLS.small;
    await worker.request('repeat', { calls: Math.ceil(calls / 2) }); // warm-up
    await channel('profile-begin');
    const repeated = await worker.request('repeat', { calls });
    return { ...(await channel('profile-end')), calls, medianMs: repeated.medianMs, names };
  } finally {
    worker.close();
  }
}

/**
 * Cold `init()` in this page: import of the glue, fetch, compile and instantiate of the wasm.
 * @param {string} [glue] the glue's path from the server root
 */
async function measureInit(glue = 'pkg/article_diff.js') {
  const t0 = performance.now();
  const pkg = await import(new URL('../' + glue, import.meta.url).href);
  await pkg.default();
  return { coldPageMs: performance.now() - t0, version: typeof pkg.version === 'function' ? pkg.version() : null };
}

/** What the report says about each input. */
async function describeInputs() {
  const inputs = await inputsReady;
  // The engine's rule: blank-line blocks, or one paragraph per line when a text has no blank line.
  const paragraphs = (/** @type {string} */ text) =>
    (/\n[ \t]*\n/.test(text) ? text.split(/\n[ \t]*\n/) : text.split('\n')).filter((p) => p.trim()).length;
  return inputs.map((i) => ({
    id: i.id,
    title: i.title,
    source: i.source,
    oldChars: i.oldText.length,
    newChars: i.newText.length,
    oldParagraphs: paragraphs(i.oldText),
    newParagraphs: paragraphs(i.newText),
    plantedMoves: i.plantedMoves ? i.plantedMoves.length : null,
    plantedWordEdits: i.plantedWordEdits,
    category: i.category,
  }));
}

/** The Run button: every case in order, the Markdown report in the page. */
async function runAllInPage() {
  const out = /** @type {HTMLElement} */ (document.getElementById('out'));
  const status = /** @type {HTMLElement} */ (document.getElementById('status'));
  const init = await measureInit();
  const inputs = await describeInputs();
  /** @type {CaseResult[]} */
  const cases = [];
  for (const input of inputs) {
    for (const t of TOOLS) {
      status.textContent = `${input.id} × ${t.id}…`;
      cases.push(await runCase({ inputId: input.id, tool: t.id, overhead: t.id === OURS && input.id === 'seed', done: cases }));
    }
  }
  status.textContent = 'done';
  out.textContent = renderMarkdown({
    startedAt: new Date().toISOString(),
    commit: 'n/a (page run)',
    browser: navigator.userAgent,
    machine: `${navigator.hardwareConcurrency} logical CPUs`,
    settings: DEFAULT_SETTINGS,
    wasm: null,
    init: { coldPageMs: init.coldPageMs, workerMs: cases.filter((c) => c.tool === OURS && c.loadMs).map((c) => /** @type {number} */ (c.loadMs)) },
    inputs,
    cases,
  });
}

/** @type {any} */ (globalThis).bench = { ready: inputsReady.then(() => true), runCase, measureInit, describeInputs, TOOLS };

document.getElementById('run')?.addEventListener('click', () => {
  runAllInPage().catch((e) => {
    /** @type {HTMLElement} */ (document.getElementById('status')).textContent = String(e);
  });
});
