// @ts-check
// Unit tests of the pure part of www/article-diff-minimap.js: where markers and the viewport box go.
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {markerAt, markerPixels, percent, viewportPlace} from '../../www/article-diff-minimap.js';

test('shares are percentages with three decimals, as the stylesheet reads them', () => {
  assert.equal(percent(1, 3), '33.333%');
  assert.equal(percent(0, 500), '0.000%');
  assert.equal(percent(500, 500), '100.000%');
});

test('a marker spans its change from the first row\'s top to the last row\'s bottom, in whole pixels', () => {
  // Rows 4,000 px tall on a minimap 800 px tall: a change at 2,000–2,200 px is at 400 px, 40 px tall.
  assert.deepEqual(markerPixels({top: 2000, bottom: 2040}, {top: 2040, bottom: 2200}, 4000, 800), ['400px', '40px']);
  assert.deepEqual(markerPixels({top: 0, bottom: 40}, {top: 0, bottom: 40}, 4000, 800), ['0px', '8px']);
  // A shift far below a pixel writes the same values (no restyle).
  assert.deepEqual(markerPixels({top: 2001, bottom: 2041}, {top: 2041, bottom: 2201}, 4000, 800), ['400px', '40px']);
  // Rows not measured yet: everything at the top.
  assert.deepEqual(markerPixels({top: 0, bottom: 0}, {top: 0, bottom: 0}, 0, 800), ['0px', '0px']);
});

test('the viewport box is the part of the rows in the window', () => {
  // Rows 4,000 px tall, scrolled 1,000 px into them, in a window 800 px tall.
  assert.deepEqual(viewportPlace({top: -1000, height: 4000}, 800), ['25.000%', '20.000%']);
  // All of short rows in view.
  assert.deepEqual(viewportPlace({top: 100, height: 300}, 800), ['0.000%', '100.000%']);
  // In a page's scroll box that shows the band 400–800 px of the window: only that part counts.
  assert.deepEqual(viewportPlace({top: -1000, height: 4000}, 800, 400), ['35.000%', '10.000%']);
  assert.deepEqual(viewportPlace({top: 900, height: 4000}, 800, 400), ['0.000%', '0.000%']);
});

test('rows wholly out of view get an empty box at the end nearer the window', () => {
  assert.deepEqual(viewportPlace({top: 900, height: 4000}, 800), ['0.000%', '0.000%']);
  assert.deepEqual(viewportPlace({top: -5000, height: 4000}, 800), ['100.000%', '0.000%']);
});

test('a click hits the marker under it, else the nearest within a few pixels, else none', () => {
  // Markers at 10–20 px, 30–31 px (drawn 3 px tall: to 33 px) and 100–140 px.
  const places = [10, 10, 30, 1, 100, 40];
  assert.equal(markerAt(places, 15), 0);
  assert.equal(markerAt(places, 32), 1, 'a thin marker is hit over the height it is drawn');
  assert.equal(markerAt(places, 22), 0, 'two pixels below the first');
  assert.equal(markerAt(places, 28), 1, 'nearer the second');
  assert.equal(markerAt(places, 60), -1);
  assert.equal(markerAt(places, 141), 2);
  assert.equal(markerAt([], 5), -1);
  // Overlapping markers: the first (topmost in the diff) wins.
  assert.equal(markerAt([10, 20, 15, 20], 18), 0);
});
