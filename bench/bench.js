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
import { htmlAgainstText } from './html-vs-text.mjs';
import { buildInputs } from './inputs.mjs';
import { DEFAULT_SETTINGS, OURS, PEER_PAIRED, TOOLS, peersToPair, renderMarkdown, skipReason, spreadOf } from './suite.mjs';

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
/** Warm-up before paired batches, as the timed runs warm up: 2 calls and 1 s, at most 200 calls, one call over 1 s. */
const WARM = { calls: 2, ms: 1000, maxCalls: 200 };

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
    /** Whether the worker is terminated (by `close`, or by `fail`: the cut-off or a crash). */
    this.closed = false;
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
    this.closed = true;
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
    this.closed = true;
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
 * Calls enough to warm a fresh worker's code up, for a call of about `ms`.
 * @param {CaseWorker} worker @param {number} ms
 */
function warmUp(worker, ms) {
  const calls = ms >= WARM.ms ? 1 : Math.min(WARM.maxCalls, Math.max(WARM.calls, Math.ceil(WARM.ms / Math.max(ms, 0.01))));
  return worker.request('repeat', { calls });
}

/**
 * Our `diff()` against peers in alternating batches, after an input's cases: in each of
 * `PEER_PAIRED.sets` sets, a fresh worker of ours (warm, kept for all the peers) and a fresh
 * worker of each peer take turns, which side goes first alternating by slice and round, so
 * that both sides of a round see the same machine load and one disturbed stretch moves one
 * round, not the figure; over several sets, one worker's own luck weighs on a few rounds
 * only. A peer that fails is reported and left out of later sets.
 * @param {{inputId: string, oursMs: number, peers: {tool: string, ms: number}[], settings?: Settings, pkg?: string | null}} spec
 *   `oursMs` and each peer's `ms`: their medians in the cases, which size the batches
 * @returns {Promise<import('./suite.mjs').PeerPair[]>}
 */
async function pairPeers({ inputId, oursMs, peers, settings = DEFAULT_SETTINGS, pkg = null }) {
  const inputs = await inputsReady;
  const input = inputs.find((i) => i.id === inputId);
  if (!input) throw new Error(`no input ${inputId}`);
  const texts = { oldText: input.oldText, newText: input.newText, plantedMoves: input.plantedMoves };
  const batchCalls = (/** @type {number} */ ms) => Math.min(PEER_PAIRED.maxCalls, Math.max(1, Math.ceil(PEER_PAIRED.batchMs / Math.max(ms, 0.01))));
  const oursCalls = batchCalls(oursMs);
  const plans = peers.map((peer) => {
    const peerCalls = batchCalls(peer.ms);
    const rounds = Math.max(PEER_PAIRED.sets, Math.min(PEER_PAIRED.rounds, Math.floor(PEER_PAIRED.peerBudgetMs / (peerCalls * peer.ms))));
    return {
      tool: peer.tool,
      ms: peer.ms,
      peerCalls,
      /** @type {{ours: number, peer: number, set: number}[]} */
      rounds: [],
      /** Rounds in set `set`: the rounds spread evenly over the sets. @param {number} set */
      roundsIn: (set) => Math.floor((rounds * (set + 1)) / PEER_PAIRED.sets) - Math.floor((rounds * set) / PEER_PAIRED.sets),
      /** @type {import('./suite.mjs').PeerPair | null} a failure, which ends this peer's pairing */
      failed: null,
    };
  });
  /** Each peer's share of our workers' loading and warm-up, and its own, in ms. */
  const spent = new Map(plans.map((p) => [p.tool, 0]));
  const share = (/** @type {number} */ ms) => plans.forEach((p) => spent.set(p.tool, /** @type {number} */ (spent.get(p.tool)) + ms / plans.length));
  const reason = (/** @type {any} */ f) => String(f?.error ?? f).split('\n')[0];
  for (let set = 0; set < PEER_PAIRED.sets && plans.some((p) => !p.failed); set++) {
    let t0 = performance.now();
    const ours = new CaseWorker(settings.cutoffMs);
    try {
      await ours.request('load', { tool: OURS, pkg: pkg ?? undefined });
      await ours.request('input', texts);
      await warmUp(ours, oursMs);
      share(performance.now() - t0);
      for (const plan of plans) {
        if (plan.failed) continue;
        t0 = performance.now();
        const peerWorker = new CaseWorker(settings.cutoffMs);
        try {
          await peerWorker.request('load', { tool: plan.tool });
          await peerWorker.request('input', texts);
          await warmUp(peerWorker, plan.ms);
          const slices = Math.min(PEER_PAIRED.slices, oursCalls, plan.peerCalls);
          /** The `s`th of `slices` nearly equal parts of `calls`. @param {number} calls @param {number} s */
          const slice = (calls, s) => Math.floor((calls * (s + 1)) / slices) - Math.floor((calls * s) / slices);
          for (let r = 0; r < plan.roundsIn(set); r++) {
            let oursTotal = 0;
            let peerTotal = 0;
            for (let s = 0; s < slices; s++) {
              // Which side goes first alternates by slice and by round (ABBA…, then BAAB…).
              for (const side of (plan.rounds.length + s) % 2 ? ['ours', 'peer'] : ['peer', 'ours']) {
                if (side === 'ours') oursTotal += (await ours.request('repeat', { calls: slice(oursCalls, s) })).meanMs * slice(oursCalls, s);
                else peerTotal += (await peerWorker.request('repeat', { calls: slice(plan.peerCalls, s) })).meanMs * slice(plan.peerCalls, s);
              }
            }
            plan.rounds.push({ ours: oursTotal / oursCalls, peer: peerTotal / plan.peerCalls, set });
          }
        } catch (failure) {
          if (ours.closed) throw failure;
          const f = /** @type {any} */ (failure);
          plan.failed = f?.dnf ? { tool: plan.tool, status: 'dnf', seconds: 0 } : { tool: plan.tool, status: 'error', reason: reason(f), seconds: 0 };
        } finally {
          peerWorker.close();
          spent.set(plan.tool, /** @type {number} */ (spent.get(plan.tool)) + performance.now() - t0);
        }
      }
    } catch (failure) {
      // Our worker failed (a batch past the cut-off, or a crash): nothing left to pair with.
      const f = /** @type {any} */ (failure);
      const why = `our worker: ${f?.dnf ? 'a batch ran past the cut-off' : reason(f)}`;
      for (const plan of plans) plan.failed ??= { tool: plan.tool, status: 'error', reason: why, seconds: 0 };
    } finally {
      ours.close();
    }
  }
  return plans.map((plan) => {
    const seconds = /** @type {number} */ (spent.get(plan.tool)) / 1000;
    if (plan.failed) return { ...plan.failed, seconds };
    return {
      tool: plan.tool,
      status: /** @type {const} */ ('ok'),
      sets: PEER_PAIRED.sets,
      oursCalls,
      peerCalls: plan.peerCalls,
      rounds: plan.rounds,
      oursMs: median(plan.rounds.map((r) => r.ours)),
      peerMs: median(plan.rounds.map((r) => r.peer)),
      ...spreadOf(plan.rounds.map((r) => r.peer / r.ours)),
      seconds,
    };
  });
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
    const ours = cases.find((c) => c.inputId === input.id && c.tool === OURS);
    const peers = peersToPair(cases, input.id);
    if (ours?.medianMs !== undefined && peers.length) {
      status.textContent = `${input.id}: our diff() and the peers in turns…`;
      ours.pairedPeers = await pairPeers({ inputId: input.id, oursMs: ours.medianMs, peers });
    }
  }
  status.textContent = 'HTML against plain text…';
  const html = await htmlAgainstText({ pkg: 'pkg/article_diff.js', markupPkg: 'pkg/article_diff_markup.js', rounds: 15 });
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
    html,
  });
}

/** @type {any} */ (globalThis).bench = { ready: inputsReady.then(() => true), runCase, pairPeers, measureInit, describeInputs, htmlAgainstText, TOOLS };

document.getElementById('run')?.addEventListener('click', () => {
  runAllInPage().catch((e) => {
    /** @type {HTMLElement} */ (document.getElementById('status')).textContent = String(e);
  });
});
