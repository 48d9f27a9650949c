// @ts-check
// Unit tests of www/article-diff-current-change.js: the `current-change` attribute.
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {CurrentChangeAttribute} from '../../www/article-diff-current-change.js';

/** A host with attributes that, like an element, tells the attribute object of each change. */
function host() {
  /** @type {Map<string, string>} */
  const attributes = new Map();
  /** @type {(string|null)[]} values the attribute object took as set from outside */
  const fromOutside = [];
  const element = {
    getAttribute: (/** @type {string} */ name) => attributes.get(name) ?? null,
    setAttribute: (/** @type {string} */ name, /** @type {string} */ value) => {
      attributes.set(name, value);
      if (attribute.changed(value)) fromOutside.push(value);
    },
    removeAttribute: (/** @type {string} */ name) => {
      attributes.delete(name);
      if (attribute.changed(null)) fromOutside.push(null);
    },
  };
  const attribute = new CurrentChangeAttribute(/** @type {HTMLElement} */ (/** @type {unknown} */ (element)));
  return {element, attribute, fromOutside};
}

test('the current change is reflected, once, and the element writing it is no wish to go there', () => {
  const {element, attribute, fromOutside} = host();
  assert.equal(attribute.reflect(2), 'change-3');
  assert.equal(element.getAttribute('current-change'), 'change-3');
  assert.equal(attribute.reflect(2), undefined, 'said already');
  assert.equal(attribute.reflect(-1), null);
  assert.equal(element.getAttribute('current-change'), null);
  assert.deepEqual(fromOutside, []);
});

test('a change set from outside is gone to once, without focus, if the diff has it', () => {
  const {element, attribute} = host();
  /** @type {[number, boolean][]} */
  const went = [];
  const navigation = {hunks: [[1], [4], [9]], goTo: (/** @type {number} */ i, /** @type {boolean} */ focus) => { went.push([i, focus]); }};
  element.setAttribute('current-change', 'change-2');
  attribute.goToWanted(navigation);
  attribute.goToWanted(navigation);
  assert.deepEqual(went, [[1, false]]);
  element.setAttribute('current-change', 'change-9');
  attribute.goToWanted(navigation);
  element.setAttribute('current-change', 'nonsense');
  attribute.goToWanted(navigation);
  assert.deepEqual(went, [[1, false]], 'a change the diff does not have, or no change id, goes nowhere');
});
