// @ts-check
/**
 * `<article-diff>`'s `current-change` attribute: it reflects the current change ("change-3"),
 * and one set from outside (as a link to a change does on load) is gone to once its diff is
 * drawn.
 *
 * @module article-diff-current-change
 */

import {changeId, changeIndex} from './article-diff-labels.js';

/** The `current-change` attribute of one element. */
export class CurrentChangeAttribute {
  #host;
  /** @type {string|null} a `current-change` set from outside, to go to once its diff is drawn */
  #wanted = null;
  /** While the element writes `current-change` itself (reflecting the current change). */
  #reflecting = false;

  /** @param {HTMLElement} host */
  constructor(host) {
    this.#host = host;
  }

  /**
   * The current change moved: the attribute says so.
   * @param {number} current its index, or -1
   * @returns {string|null|undefined} the id written (`null`: none), or `undefined` when the attribute said it already
   */
  reflect(current) {
    const id = current >= 0 ? changeId(current) : null;
    if (this.#host.getAttribute('current-change') === id) return undefined;
    this.#reflecting = true;
    try {
      if (id === null) this.#host.removeAttribute('current-change');
      else this.#host.setAttribute('current-change', id);
    } finally {
      this.#reflecting = false;
    }
    return id;
  }

  /**
   * The attribute changed: unless the element wrote it, its value is the change to go to.
   * @param {string|null} value
   * @returns {boolean} whether it was set from outside
   */
  changed(value) {
    if (this.#reflecting) return false;
    this.#wanted = value;
    return true;
  }

  /**
   * Goes to the change set from outside, if any, once its diff is drawn; scrolled to, not
   * focused: a link followed on load should not take the keyboard.
   * @param {{hunks: unknown[], goTo: (index: number, focus: boolean) => void}} navigation
   */
  goToWanted(navigation) {
    const wanted = this.#wanted;
    if (wanted === null) return;
    this.#wanted = null;
    const index = changeIndex(wanted);
    if (index >= 0 && index < navigation.hunks.length) navigation.goTo(index, false);
  }
}
