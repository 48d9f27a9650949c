// @ts-check
/**
 * When `<article-diff>` diffs and when it only redraws: the inputs' version (bumped by every
 * text or diff option change), one coalesced update per microtask however many inputs
 * changed, and one diff per version, which a redraw asked for meanwhile waits for.
 *
 * @module article-diff-updates
 */

/** The element's update queue and the version of the inputs its drawn diff was computed from. */
export class Updates {
  /** Bumped whenever a text or diff option changes; stale async work compares it. */
  #version = 0;
  /** The `#version` the drawn model was computed from (-1: none yet). */
  #diffed = -1;
  #queued = false;
  /** @type {Promise<void>} */ #last = Promise.resolve();
  /** @type {{version: number, done: Promise<void>} | null} the diff being computed, if any */
  #diffing = null;
  #update;

  /** @param {() => Promise<void>} update the element's `update()` */
  constructor(update) {
    this.#update = update;
  }

  /** A text or diff option changed: the drawn diff is out of date. */
  changed() { this.#version++; }

  /** Queues one update for this microtask, however many inputs changed. */
  schedule() {
    if (this.#queued) return;
    this.#queued = true;
    this.#last = Promise.resolve().then(() => {
      this.#queued = false;
      return this.#update();
    });
  }

  /** Whether an update is queued and has not started. */
  get queued() { return this.#queued; }

  /** The last update queued (settled once it ran). */
  get last() { return this.#last; }

  /** Whether the diff drawn is of the inputs of now, and no update is queued or diffing. */
  get settled() { return this.#diffed === this.#version && !this.#queued && !this.#diffing; }

  /** @param {number} version @returns {boolean} whether inputs changed since `version` */
  isStale(version) { return version !== this.#version; }

  /** The diff of `version` is drawn. @param {number} version */
  diffed(version) { this.#diffed = version; }

  /**
   * Redraws when the inputs of now were diffed already; else diffs them (once: a redraw asked
   * for while these very inputs are being diffed waits for that diff, which draws with the
   * settings of the moment it lands, rather than starting the same diff again).
   * @param {() => void} redraw
   * @param {(version: number) => Promise<void>} diffAndDraw
   */
  async run(redraw, diffAndDraw) {
    const version = this.#version;
    if (this.#diffed === version) return redraw();
    if (this.#diffing?.version === version) return this.#diffing.done;
    const done = diffAndDraw(version);
    this.#diffing = {version, done};
    try {
      await done;
    } finally {
      if (this.#diffing?.done === done) this.#diffing = null;
    }
  }
}

/** Resolves in a later task: input and rendering can run in between. */
export function nextTask() {
  return new Promise((resolve) => { setTimeout(resolve, 0); });
}
