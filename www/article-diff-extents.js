// @ts-check
/**
 * Where each of a column of stacked boxes is, from their heights alone: prefix sums over the
 * heights a `ResizeObserver` reports, so that the minimap and the chunked drawing learn where a
 * row is without reading the layout (a read per row forced a layout per row on long diffs).
 * Pure arithmetic (no DOM), unit-tested under `node --test` (tests/www/).
 *
 * @module article-diff-extents
 */

/** Heights of a column of boxes stacked with no gap, and the offsets they add up to. */
export class Extents {
  /** @type {Float64Array} */ #heights = new Float64Array(0);
  /** @type {Float64Array} `#tops[i]`: the sum of the heights before box `i`; one more entry than boxes */
  #tops = new Float64Array(1);
  /** The first box whose top is out of date (`#heights.length` when none is). */
  #dirtyFrom = 0;

  /**
   * Starts over with these heights.
   * @param {ArrayLike<number>} heights
   */
  reset(heights) {
    this.#heights = Float64Array.from(heights);
    this.#tops = new Float64Array(this.#heights.length + 1);
    this.#dirtyFrom = 0;
  }

  /** How many boxes there are. */
  get count() { return this.#heights.length; }

  /** The height of them all. */
  get total() {
    this.#update();
    return this.#tops[this.#heights.length];
  }

  /**
   * Sets box `index`'s height; returns whether it changed.
   * @param {number} index @param {number} height
   */
  set(index, height) {
    if (!(index >= 0 && index < this.#heights.length) || this.#heights[index] === height) return false;
    this.#heights[index] = height;
    this.#dirtyFrom = Math.min(this.#dirtyFrom, index + 1);
    return true;
  }

  /**
   * The top and bottom of slot `slot` of `slots` equal slots that box `index` is cut into
   * (a row's share of its chunk; one slot for a box that is one row).
   * @param {number} index @param {number} slot @param {number} slots
   * @returns {{top: number, bottom: number}}
   */
  share(index, slot, slots) {
    this.#update();
    const top = this.#tops[index];
    const height = this.#heights[index] / slots;
    return {top: top + slot * height, bottom: top + (slot + 1) * height};
  }

  /**
   * The box at `y` (clamped to the first and last), or -1 when there are none.
   * @param {number} y
   */
  unitAt(y) {
    if (this.#heights.length === 0) return -1;
    this.#update();
    // The last box whose top is at or above y.
    let lo = 0;
    let hi = this.#heights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#tops[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The first and last box that overlap `[from, to]`; `[0, -1]` when none does.
   * @param {number} from @param {number} to
   * @returns {[number, number]}
   */
  unitsBetween(from, to) {
    const n = this.#heights.length;
    this.#update();
    if (n === 0 || to < 0 || from > this.#tops[n]) return [0, -1];
    const first = this.unitAt(from);
    const last = this.unitAt(to);
    // A box that ends exactly at `from` does not overlap it.
    return [this.#tops[first + 1] <= from && first < last ? first + 1 : first, last];
  }

  #update() {
    const n = this.#heights.length;
    if (this.#dirtyFrom > n) return;
    for (let i = Math.max(1, this.#dirtyFrom); i <= n; i++) this.#tops[i] = this.#tops[i - 1] + this.#heights[i - 1];
    this.#dirtyFrom = n + 1;
  }
}
