// @ts-check
/**
 * How `<article-diff>` reaches the engine: the wasm package, loaded once per page on first
 * use, and for long texts the page's one Web Worker (`article-diff-worker.js`), started under
 * the page's CSP and Trusted Types or reported as unavailable so the diff runs here instead.
 *
 * @module article-diff-engine-client
 */

/**
 * @typedef {typeof import('./pkg/article_diff.js')} Engine
 * @typedef {import('./pkg/article_diff.js').ArticleDiff} ArticleDiff
 * @typedef {import('./pkg/article_diff.js').DiffOptions} DiffOptions
 * @typedef {import('./article-diff-documents.js').DocumentsDiff} DocumentsDiff
 * @typedef {{id: number, packed: Uint32Array, documents?: DocumentsDiff, error?: undefined}
 *   | {id: number, error: string, trapped?: boolean}} WorkerAnswer
 *   what article-diff-worker.js posts back (`documents` for a diff of two documents; `trapped`
 *   when the engine trapped, after which the worker closes itself)
 */

/**
 * Inputs longer than this (UTF-16 units, both texts) show a "Comparing…" state and are diffed
 * in a Web Worker (`article-diff-worker.js`), so the page stays responsive.
 */
export const BUSY_ABOVE_CHARS = 200_000;

/**
 * The name of the Trusted Types policy that starts the worker. A page that restricts policies
 * allows it with `trusted-types article-diff` in its Content-Security-Policy.
 */
export const TRUSTED_TYPES_POLICY = 'article-diff';

import {diffDocumentsWith} from './article-diff-documents.js';

const ENGINE_URL = new URL('./pkg/article_diff.js', import.meta.url).href;
const WORKER_URL = new URL('./article-diff-worker.js', import.meta.url).href;

/** Thrown by `diffInWorker` when the worker cannot run on this page; the message says why. */
class WorkerUnavailableError extends Error {}

/** Thrown by `diffInWorker` when the engine trapped in the worker, which then closed. */
class WorkerTrapError extends Error {}

/** @type {Worker | null} */
let worker = null;
/** Whether `worker` has answered yet: an error before its first answer means it never started. */
let workerAnswered = false;
/** Why the worker cannot run on this page, once it failed to start; it is not tried again. */
let workerUnavailable = '';
let nextRequest = 0;
/** @type {Map<number, {resolve: (answer: {packed: Uint32Array, documents?: DocumentsDiff}) => void, reject: (error: Error) => void}>} */
const requests = new Map();

/**
 * The part of the Trusted Types API the worker's start needs (not in TypeScript's DOM types yet).
 * @typedef {{createScriptURL: (url: string) => unknown}} ScriptURLPolicy
 * @typedef {{createPolicy: (name: string, rules: {createScriptURL: (input: string) => string}) => ScriptURLPolicy}} TrustedTypesFactory
 */

/** @type {ScriptURLPolicy | null} */
let workerPolicy = null;
/** Why the page's Trusted Types refused our policy, if they did. */
let policyRefused = '';
/** The one `blob:` URL the policy vouches for besides the worker's own, while it is started. */
let shimToStart = '';

/** @param {unknown} error */
export function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `url` as a `TrustedScriptURL` where the browser has Trusted Types, through our policy (which
 * vouches only for the worker module and the shim being started). A page that refuses the
 * policy gets the plain URL: fine unless it also enforces Trusted Types.
 * @param {string} url
 * @returns {unknown} what `new Worker` takes: a `TrustedScriptURL`, or the URL itself
 */
function trustedScriptURL(url) {
  const factory = /** @type {{trustedTypes?: TrustedTypesFactory}} */ (globalThis).trustedTypes;
  if (!factory || policyRefused) return url;
  try {
    workerPolicy ??= factory.createPolicy(TRUSTED_TYPES_POLICY, {
      createScriptURL: (input) => {
        if (input === WORKER_URL || (input !== '' && input === shimToStart)) return input;
        throw new TypeError(`The "${TRUSTED_TYPES_POLICY}" policy only starts the diff worker`);
      },
    });
  } catch (error) {
    policyRefused = `the page's Trusted Types do not allow the policy "${TRUSTED_TYPES_POLICY}": ${messageOf(error)}`;
    return url;
  }
  return workerPolicy.createScriptURL(url);
}

/**
 * Starts the page's one worker, or throws `WorkerUnavailableError`. A worker's script must come
 * from the page's own origin, so when the element is hosted elsewhere (a CDN) a same-origin
 * `blob:` module that imports the worker module by its URL stands in for it. The import needs
 * CORS, which a CDN sends, and a page with a CSP allows `blob:` and the CDN in `worker-src`
 * (a module worker's imports are worker scripts too).
 */
function startWorker() {
  let shim = new URL(WORKER_URL).origin === location.origin
    ? ''
    : URL.createObjectURL(new Blob([`import ${JSON.stringify(WORKER_URL)};\n`], {type: 'text/javascript'}));
  const forget = () => {
    // Only once the worker answered or failed: its script may still be loading until then.
    if (shim) URL.revokeObjectURL(shim);
    shim = '';
  };
  /** @type {Worker} */
  let started;
  shimToStart = shim;
  try {
    // A TrustedScriptURL where Trusted Types apply; TypeScript's DOM types only know strings.
    started = new Worker(/** @type {string} */ (trustedScriptURL(shim || WORKER_URL)), {type: 'module'});
  } catch (error) {
    forget();
    // Trusted Types refuse a plain URL with a TypeError; a CSP refuses with a SecurityError.
    throw new WorkerUnavailableError(policyRefused && error instanceof TypeError ? policyRefused : messageOf(error));
  } finally {
    shimToStart = '';
  }
  started.addEventListener('message', (/** @type {MessageEvent<WorkerAnswer>} */ event) => {
    workerAnswered = true;
    forget();
    const answer = event.data;
    const request = requests.get(answer.id);
    requests.delete(answer.id);
    if (answer.error === undefined) {
      request?.resolve(/** @type {{packed: Uint32Array, documents?: DocumentsDiff}} */ (answer));
      return;
    }
    const {error, trapped} = /** @type {{error: string, trapped?: boolean}} */ (answer);
    if (!trapped) {
      request?.reject(new Error(error));
      return;
    }
    // Its engine's memory is in no known state: the next long diff starts a new worker.
    started.terminate();
    if (worker === started) worker = null;
    request?.reject(new WorkerTrapError(error));
    for (const other of requests.values()) other.reject(new WorkerTrapError(error));
    requests.clear();
  });
  started.addEventListener('error', (event) => {
    forget();
    started.terminate();
    if (worker === started) worker = null;
    const detail = event instanceof ErrorEvent && event.message ? event.message : '';
    /** @type {Error} */
    let failure;
    if (workerAnswered) {
      // It ran, then died: fail what is pending; the next long diff starts a new one.
      failure = new Error(detail || 'the diff worker failed');
    } else {
      // It never ran: the page's CSP refused it (`worker-src`), or its module did not load
      // (no CORS from another origin, a 404, the network).
      workerUnavailable = `its script did not load${detail ? ` (${detail})` : ''}`;
      failure = new WorkerUnavailableError(workerUnavailable);
    }
    for (const request of requests.values()) request.reject(failure);
    requests.clear();
  });
  workerAnswered = false;
  return started;
}

/**
 * Diffs in the page's one worker (started on first use). The worker posts the model's packed
 * array (transferred, not copied: no long message to receive); `engine.unpack` rebuilds it.
 * Rejects with `WorkerUnavailableError` when the worker cannot run on this page.
 * @param {string} oldText @param {string} newText @param {DiffOptions} options
 * @param {import('./article-diff-documents.js').Format} format
 * @returns {Promise<{packed: Uint32Array, documents?: DocumentsDiff}>}
 */
function diffInWorker(oldText, newText, options, format) {
  if (!worker && !workerUnavailable) {
    try {
      worker = startWorker();
    } catch (error) {
      workerUnavailable = messageOf(error);
    }
  }
  if (!worker) return Promise.reject(new WorkerUnavailableError(workerUnavailable));
  const running = worker;
  const id = nextRequest++;
  return new Promise((resolve, reject) => {
    requests.set(id, {resolve, reject});
    running.postMessage({id, oldText, newText, options, format});
  });
}

/** @type {Promise<Engine> | null} */
let engineReady = null;
/** Instances of the engine made after one trapped. */
let freshInstances = 0;

/**
 * Loads and instantiates the wasm package once per page, wherever the folder is hosted: the
 * package sits in `./pkg/` next to this module and finds its `.wasm` through its own URL.
 * With `fresh`, a new instance instead of the one there is (the package imported again under
 * another URL, so that its glue instantiates anew; the `.wasm` comes from the HTTP cache).
 * @param {boolean} [fresh]
 * @returns {Promise<Engine>}
 */
export function loadEngine(fresh = false) {
  if (fresh) {
    engineReady = null;
    freshInstances++;
  }
  const url = freshInstances ? `${ENGINE_URL}?instance=${freshInstances}` : ENGINE_URL;
  const ready = engineReady ?? import(url).then(async (/** @type {Engine} */ module) => {
    await module.default();
    return module;
  });
  engineReady = ready;
  // A failed load (offline, 404) must not poison every later attempt (nor drop a newer one).
  ready.catch(() => {
    if (engineReady === ready) engineReady = null;
  });
  return ready;
}

/**
 * Runs `use` with the engine, and once more with a new instance if the engine trapped (a
 * `WebAssembly.RuntimeError`): after a trap the instance's memory is in no known state, and the
 * fault may be a browser's compiler's (WebKitGTK's has been seen to trap, now and then, on calls
 * that give the right result everywhere else), so neither this diff nor the next is lost to it.
 * A second trap is the caller's error.
 * @template T
 * @param {(engine: Engine) => T | Promise<T>} use
 * @param {(fresh: boolean) => Promise<Engine>} [load] `loadEngine` (tests give their own)
 * @returns {Promise<T>}
 */
export async function withEngine(use, load = loadEngine) {
  try {
    return await use(await load(false));
  } catch (error) {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    return use(await load(true));
  }
}

/**
 * The model of a diff of two documents, over their visible texts, with the documents.
 * @param {Engine} engine @param {DocumentsDiff} result @param {'html'|'markdown'} format
 */
function documentsModel(engine, result, format) {
  const model = engine.unpack(result.packed, result.oldText, result.newText);
  model.documents = {format, old: result.oldDocument, new: result.newDocument};
  return model;
}

/**
 * Diffs two texts where it is best done: here for short texts, in the worker for long ones
 * (or here after all, when the page cannot run the worker). A `format` other than text reads
 * both as HTML or Markdown first (`article-diff-documents.js`).
 * @param {string} oldText @param {string} newText @param {DiffOptions} options
 * @param {{stale: () => boolean, long: () => void, workerUnavailable: (reason: string) => void}} hooks
 *   `stale`: whether newer inputs came meanwhile (then the result is dropped); `long`: told when
 *   the texts go to the worker; `workerUnavailable`: told why before a long diff runs here
 * @param {import('./article-diff-documents.js').Format} [format]
 * @returns {Promise<ArticleDiff | null>} `null` when the inputs went stale
 */
export async function computeDiff(oldText, newText, options, {stale, long, workerUnavailable}, format = 'text') {
  await loadEngine();
  if (stale()) return null;
  const here = () => withEngine(async (engine) => {
    if (format === 'text') return engine.diff(oldText, newText, options);
    return documentsModel(engine, await diffDocumentsWith(engine, oldText, newText, format, options), format);
  });
  if (oldText.length + newText.length <= BUSY_ABOVE_CHARS) return here();
  long();
  try {
    // The worker posts the packed model; it is rebuilt over the texts the page holds. A worker
    // whose engine trapped has closed: a new one tries once more.
    const answer = await diffInWorker(oldText, newText, options, format).catch((error) => {
      if (error instanceof WorkerTrapError) return diffInWorker(oldText, newText, options, format);
      throw error;
    });
    const engine = await loadEngine();
    if (stale()) return null;
    if (format !== 'text' && answer.documents) return documentsModel(engine, answer.documents, format);
    return engine.unpack(answer.packed, oldText, newText);
  } catch (error) {
    if (!(error instanceof WorkerUnavailableError)) throw error;
    if (stale()) return null;
    // The page cannot run the worker: diff here (the page waits), and tell the page why.
    workerUnavailable(error.message);
    const model = await here();
    return stale() ? null : model; // the page, told, may have set new inputs
  }
}
