// @ts-check
/**
 * The demo page's versions: any number of texts (dropped files, pastes, "Add a version"), of
 * which two are compared at a time, as a revisions screen does. `Versions` is the list and the
 * pair picked, with no DOM; `VersionPicker` is the bar that shows and changes them: two menus
 * (compare … with …) and, from three versions on, a slider that steps through consecutive
 * pairs as WordPress's revision slider does.
 *
 * @module app-versions
 */

import {h} from './article-diff-dom.js';

/** @typedef {{label: string, text: string, source: string}} Version */

/** The versions and the two compared (`old` and `new` are indexes, never equal). */
export class Versions {
  /** @type {Version[]} */
  list = [];
  old = 0;
  new = 1;

  /** @param {Version[]} list at least two */
  constructor(list) {
    this.replace(list);
  }

  /**
   * All new versions (files dropped together, oldest first); the last two are compared.
   * @param {Version[]} list
   */
  replace(list) {
    if (list.length < 2) throw new Error('at least two versions are needed');
    this.list = list.slice();
    this.old = list.length - 2;
    this.new = list.length - 1;
  }

  /**
   * A version after the last, compared with the one that was new.
   * @param {Version} version
   */
  add(version) {
    this.list.push(version);
    this.old = this.new;
    this.new = this.list.length - 1;
  }

  /**
   * Removes a version, if more than two are left; the pair compared stays as close as it can.
   * @param {number} index
   */
  remove(index) {
    if (this.list.length <= 2 || index < 0 || index >= this.list.length) return false;
    const [oldVersion, newVersion] = [this.list[this.old], this.list[this.new]];
    this.list.splice(index, 1);
    const last = this.list.length - 1;
    const place = (/** @type {Version} */ v, /** @type {number} */ was) => {
      const i = this.list.indexOf(v);
      return i >= 0 ? i : Math.min(was, last);
    };
    this.old = place(oldVersion, this.old);
    this.new = place(newVersion, this.new);
    if (this.old === this.new) {
      if (this.new < last) this.new++;
      else this.old = this.new - 1;
    }
    return true;
  }

  /**
   * Picks the version one side shows; picking the other side's version swaps the two.
   * @param {'old'|'new'} side @param {number} index
   */
  pick(side, index) {
    if (index < 0 || index >= this.list.length) return;
    const other = side === 'old' ? 'new' : 'old';
    if (this[other] === index) this[other] = this[side];
    this[side] = index;
  }

  /** The slider's step: versions `step - 1` and `step` compared. @param {number} step */
  step(step) {
    const s = Math.min(Math.max(1, Math.round(step)), this.list.length - 1);
    this.old = s - 1;
    this.new = s;
  }

  /** The slider's place for the pair compared: the newer one's index. */
  get stepAt() {
    return Math.max(this.old, this.new);
  }

  /** Swaps the two compared. */
  swap() {
    [this.old, this.new] = [this.new, this.old];
  }
}

/** The name a version goes by in the menus: its number and its label. @param {Version} v @param {number} i */
export function versionName(v, i) {
  return `${i + 1}. ${v.label || 'Untitled'}`;
}

/**
 * The bar above the text boxes. It calls `onPick` after the reader picks a pair, `onAdd`,
 * `onRemove` and `onFiles` (files to add, as picked) for its buttons; `render()` shows the
 * list as it is now.
 */
export class VersionPicker {
  /** @type {HTMLSelectElement} */ #oldMenu = h('select', {attrs: {id: 'old-version', 'aria-label': 'Old version to compare'}});
  /** @type {HTMLSelectElement} */ #newMenu = h('select', {attrs: {id: 'new-version', 'aria-label': 'New version to compare'}});
  /** @type {HTMLInputElement} */ #slider = h('input', {class: 'version-slider', attrs: {id: 'version-slider', type: 'range', min: '1', step: '1', 'aria-label': 'Step through the versions'}});
  #count = h('span', {class: 'version-count'});
  #remove = h('button', {text: 'Remove this version', attrs: {type: 'button', id: 'remove-version', title: 'Remove the new version from the list'}});
  #add = h('button', {text: 'Add a version', attrs: {type: 'button', id: 'add-version', title: 'A copy of the new version, to edit or paste over'}});
  /** @type {HTMLInputElement} */ #files = h('input', {class: 'visually-hidden', attrs: {id: 'version-files', type: 'file', multiple: '', accept: '.txt,.md,.markdown,.text,text/*'}});
  /** The bar. */
  element = h('div', {class: 'versions', attrs: {role: 'group', 'aria-label': 'Versions'}}, [
    this.#count,
    h('label', {class: 'version-menu'}, [h('span', {text: 'Compare'}), this.#oldMenu]),
    h('label', {class: 'version-menu'}, [h('span', {text: 'with'}), this.#newMenu]),
    this.#slider, this.#add,
    h('label', {class: 'file-button'}, [this.#files, h('span', {text: 'Add files…'})]),
    this.#remove,
  ]);
  /** @type {Versions} */ #versions;

  /**
   * @param {Versions} versions
   * @param {{save: () => void, onPick: () => void, onAdd: () => void, onRemove: () => void, onFiles: (files: File[]) => void}} handlers
   *   `save` puts what the text boxes hold into the list before the pair changes
   */
  constructor(versions, {save, onPick, onAdd, onRemove, onFiles}) {
    this.#versions = versions;
    this.#oldMenu.addEventListener('change', () => {
      save();
      versions.pick('old', Number(this.#oldMenu.value));
      onPick();
    });
    this.#newMenu.addEventListener('change', () => {
      save();
      versions.pick('new', Number(this.#newMenu.value));
      onPick();
    });
    this.#slider.addEventListener('input', () => {
      save();
      versions.step(Number(this.#slider.value));
      onPick();
    });
    this.#add.addEventListener('click', onAdd);
    this.#remove.addEventListener('click', onRemove);
    this.#files.addEventListener('change', () => {
      const files = [...(this.#files.files ?? [])];
      this.#files.value = ''; // picking the same files again still fires `change`
      if (files.length) onFiles(files);
    });
  }

  /** Shows the list and the pair as they are now. */
  render() {
    const {list} = this.#versions;
    const options = () => list.map((v, i) => h('option', {text: versionName(v, i), attrs: {value: String(i)}}));
    this.#oldMenu.replaceChildren(...options());
    this.#newMenu.replaceChildren(...options());
    this.#oldMenu.value = String(this.#versions.old);
    this.#newMenu.value = String(this.#versions.new);
    this.#count.textContent = `${list.length} versions`;
    // The slider steps through consecutive pairs; two versions are one pair, nothing to step.
    this.#slider.hidden = list.length < 3;
    this.#slider.max = String(list.length - 1);
    this.#slider.value = String(this.#versions.stepAt);
    this.#slider.setAttribute('aria-valuetext', `${versionName(list[this.#versions.stepAt - 1], this.#versions.stepAt - 1)} to ${versionName(list[this.#versions.stepAt], this.#versions.stepAt)}`);
    this.#remove.hidden = list.length <= 2;
  }
}
