// @ts-check
/**
 * `diff()`'s arguments, read once and checked in JavaScript before anything reaches wasm memory
 * (`src/wasm.rs` calls `readArguments` first), and every message `diff()` throws.
 *
 * Reading an argument can run the caller's code: a getter, or a `Proxy` trap, which may throw.
 * Each read happens here, inside `try`, so whatever is thrown becomes a `diff(): …` error that
 * names the argument, thrown before the engine has copied or allocated anything. The engine
 * gets plain numbers, and the texts only once they are known to be strings.
 */
/** The options `diff()` accepts, in the order `readArguments` writes them to `out`. */
const OPTIONS = ['detectMoves', 'ignoreCase', 'ignoreWhitespace', 'moveThreshold', 'timeoutMs'];

/** @param {string} why */
const fail = (why) => new Error(`diff(): ${why}`);

/**
 * `typeof`, except that `null` and arrays are named as such.
 * @param {unknown} value
 */
function typeName(value) {
  if (value === null) return 'null';
  try {
    if (Array.isArray(value)) return 'array';
  } catch {
    // A revoked Proxy: an object all the same.
  }
  return typeof value;
}

/**
 * What a thrown value says, without trusting it.
 * @param {unknown} error
 */
function said(error) {
  try {
    const text = error instanceof Error ? error.message : String(error);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return 'it threw';
  }
}

/**
 * A number as the caller wrote it: `-0` is not `0`.
 * @param {number} n
 */
const shown = (n) => (Object.is(n, -0) ? '-0' : String(n));

/**
 * The name of an object's kind (`Date`, a class name), for a message.
 * @param {object} proto its prototype
 */
function kindOf(proto) {
  try {
    const name = proto.constructor?.name;
    if (typeof name === 'string' && name !== '') return name;
  } catch {
    // A getter that throws: say nothing more.
  }
  return 'an object with a prototype';
}

/**
 * Checks one text argument and that it can fit under `limit` bytes of UTF-8 (each UTF-16
 * unit is at least one byte, so a longer string is refused before it is copied).
 * @param {string} name @param {unknown} text @param {'old'|'new'} side @param {number} limit
 * @returns {string}
 */
function readText(name, text, side, limit) {
  if (typeof text !== 'string') throw fail(`\`${name}\` must be a string, got ${typeName(text)}`);
  if (text.length > limit) throw tooLarge(side, NaN, text.length, limit);
  return text;
}

/**
 * The refusal of a text over the cap: its size in bytes of UTF-8 when known, else in UTF-16
 * units (fewer than its bytes) when known.
 * @param {'old'|'new'} side @param {number} bytes @param {number} units @param {number} limit
 */
function tooLarge(side, bytes, units, limit) {
  const over = `over ${limit} bytes of UTF-8`;
  const size = !Number.isNaN(bytes) ? `${bytes} bytes of UTF-8` : Number.isNaN(units) ? over : `${over} (${units} UTF-16 units)`;
  return fail(`the ${side} text is ${size}; the most article-diff accepts is ${limit} bytes`);
}

/**
 * Reads the options into `out` (which holds the defaults): booleans as 1 or 0, `timeoutMs`
 * `null` as `Infinity`.
 * @param {unknown} options @param {Float64Array} out
 */
function readOptions(options, out) {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object' || typeName(options) === 'array') {
    throw fail(`\`options\` must be an object, undefined or null, got ${typeName(options)}`);
  }
  const unreadable = (/** @type {unknown} */ error) => fail(`\`options\` could not be read: ${said(error)}`);
  /** @type {object | null} */
  let proto;
  try {
    proto = Object.getPrototypeOf(options);
  } catch (error) {
    throw unreadable(error);
  }
  // Plain: `{…}` (of this realm or another) or `Object.create(null)`, not a `Date`, a `Map`, a
  // class instance…, whose own keys say nothing of what the caller meant.
  if (proto !== null) {
    let plain = false;
    try {
      plain = Object.getPrototypeOf(proto) === null;
    } catch {
      // Not plain.
    }
    if (!plain) throw fail(`\`options\` must be a plain object, undefined or null, got ${kindOf(proto)}`);
  }
  /** @type {string[]} */
  let keys;
  try {
    keys = Object.keys(options);
  } catch (error) {
    throw unreadable(error);
  }
  for (const key of keys) {
    const at = OPTIONS.indexOf(key);
    if (at < 0) throw fail(`unknown option \`${key}\`; the options are ${OPTIONS.join(', ')}`);
    /** @type {unknown} */
    let value;
    try {
      value = /** @type {Record<string, unknown>} */ (options)[key];
    } catch (error) {
      throw fail(`option \`${key}\` could not be read: ${said(error)}`);
    }
    // `{timeoutMs: undefined}` means "the default", as in most JavaScript APIs.
    if (value === undefined) continue;
    const wrong = (/** @type {string} */ expected) => fail(`option \`${key}\` must be ${expected}, got ${typeName(value)}`);
    if (at < 3) {
      if (typeof value !== 'boolean') throw wrong('a boolean');
      out[2 + at] = value ? 1 : 0;
    } else if (key === 'moveThreshold') {
      if (typeof value !== 'number') throw wrong('a number');
      if (!(value >= 0 && value <= 1)) throw fail(`option \`moveThreshold\` must be a number from 0 to 1, got ${shown(value)}`);
      out[5] = value;
    } else if (value === null) {
      out[6] = Infinity;
    } else {
      if (typeof value !== 'number') throw wrong('a number of milliseconds or null');
      if (!(Number.isFinite(value) && value > 0)) {
        throw fail(`option \`timeoutMs\` must be a positive finite number of milliseconds, or null for no limit, got ${shown(value)}`);
      }
      out[6] = value;
    }
  }
}

/**
 * Reads and checks `diff()`'s arguments. `out` holds the default options on entry; on return
 * it holds `[oldText.length, newText.length, detectMoves, ignoreCase, ignoreWhitespace,
 * moveThreshold, timeoutMs]`. Throws a `diff(): …` error naming the argument that is wrong or
 * could not be read.
 * @param {unknown} oldText @param {unknown} newText @param {unknown} options
 * @param {number} limit most bytes of UTF-8 a text may have
 * @param {Float64Array} out
 */
export function readArguments(oldText, newText, options, limit, out) {
  out[0] = readText('oldText', oldText, 'old', limit).length;
  out[1] = readText('newText', newText, 'new', limit).length;
  readOptions(options, out);
}

/**
 * Reads and checks `diffUtf8()`'s arguments, as `readArguments` does `diff()`'s: on return `out`
 * holds `[oldBytes.length, newBytes.length, detectMoves, …]`.
 * @param {unknown} oldBytes @param {unknown} newBytes @param {unknown} options
 * @param {number} limit most bytes a text may have
 * @param {Float64Array} out
 */
export function readBytesArguments(oldBytes, newBytes, options, limit, out) {
  for (const [k, name, bytes, side] of /** @type {const} */ ([[0, 'oldBytes', oldBytes, 'old'], [1, 'newBytes', newBytes, 'new']])) {
    if (!(bytes instanceof Uint8Array)) throw fail(`\`${name}\` must be a Uint8Array of UTF-8, got ${typeName(bytes)}`);
    if (bytes.length > limit) throw tooLarge(side, bytes.length, NaN, limit);
    out[k] = bytes.length;
  }
  readOptions(options, out);
}

/**
 * Copies `bytes` into `memory` at byte `at` (room the engine allocated for them).
 * @param {Uint8Array} bytes @param {WebAssembly.Memory} memory @param {number} at
 */
export function copyBytes(bytes, memory, at) {
  new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
}

/**
 * The refusal of a result that does not fit in memory.
 * @param {number} numbers its size in 32-bit numbers
 */
const resultTooLarge = (numbers) =>
  fail(`the result is too large for the memory left (${numbers} numbers)`);

/** Why the engine refused a call, as `src/wasm.rs` reports it (`Failure`). */
const TOO_LARGE = 0;
const NO_MEMORY = 1;
const UNREADABLE = 2;
const BAD_OPTION = 3;
const RESULT_TOO_LARGE = 4;
const NO_MEMORY_FOR_BYTES = 5;
const NOT_UTF8 = 6;

/**
 * The error `diff()` throws for a refusal the engine reports by code (see `Failure` in
 * `src/wasm.rs`): messages are composed here, so the module carries no formatting code.
 * @param {number} code @param {number} side 0 old, 1 new
 * @param {number} n bytes (too large; `NaN` when only known to be over the limit; no memory
 *   for `diffUtf8()`'s bytes), UTF-16 units (no memory), the option's index in `OPTIONS` (bad
 *   option) or the result's size in numbers (result too large)
 * @param {number} limit
 */
export function failure(code, side, n, limit) {
  const name = side === 0 ? 'oldText' : 'newText';
  switch (code) {
    case TOO_LARGE:
      return tooLarge(side === 0 ? 'old' : 'new', n, NaN, limit);
    case NO_MEMORY:
      return fail(`\`${name}\` is too large for the memory left (${n} UTF-16 units)`);
    case UNREADABLE:
      return fail(`\`${name}\` could not be read whole as UTF-8`);
    case BAD_OPTION:
      return fail(`option \`${OPTIONS[n]}\` is out of range`);
    case RESULT_TOO_LARGE:
      return resultTooLarge(n);
    case NO_MEMORY_FOR_BYTES:
      return fail(`\`${side === 0 ? 'oldBytes' : 'newBytes'}\` is too large for the memory left (${n} bytes)`);
    case NOT_UTF8:
      return fail(`\`${side === 0 ? 'oldBytes' : 'newBytes'}\` is not well-formed UTF-8`);
    default:
      return fail('the engine refused the call');
  }
}
