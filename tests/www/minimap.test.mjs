// @ts-check
// Unit tests of the pure part of www/article-diff-minimap.js: where markers and the viewport box go.
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {markerPlace, percent, viewportPlace} from '../../www/article-diff-minimap.js';

test('shares are percentages with three decimals, as the stylesheet reads them', () => {
  assert.equal(percent(1, 3), '33.333%');
  assert.equal(percent(0, 500), '0.000%');
  assert.equal(percent(500, 500), '100.000%');
});

test('a marker spans its change from the first row\'s top to the last row\'s bottom', () => {
  const box = {top: -1000, height: 4000};
  assert.deepEqual(markerPlace({top: 1000, bottom: 1040}, {top: 1040, bottom: 1200}, box), ['50.000%', '5.000%']);
  assert.deepEqual(markerPlace({top: -1000, bottom: -960}, {top: -1000, bottom: -960}, box), ['0.000%', '1.000%']);
});

test('the viewport box is the part of the rows in the window', () => {
  // Rows 4,000 px tall, scrolled 1,000 px into them, in a window 800 px tall.
  assert.deepEqual(viewportPlace({top: -1000, height: 4000}, 800), ['25.000%', '20.000%']);
  // All of short rows in view.
  assert.deepEqual(viewportPlace({top: 100, height: 300}, 800), ['0.000%', '100.000%']);
});

test('rows wholly out of view get an empty box at the end nearer the window', () => {
  assert.deepEqual(viewportPlace({top: 900, height: 4000}, 800), ['0.000%', '0.000%']);
  assert.deepEqual(viewportPlace({top: -5000, height: 4000}, 800), ['100.000%', '0.000%']);
});
