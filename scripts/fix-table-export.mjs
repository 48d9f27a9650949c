#!/usr/bin/env node
// @ts-check
/**
 * Repairs one known miscompilation of Debian 12's `wasm-opt` (binaryen 108) in place:
 *
 *   node scripts/fix-table-export.mjs pkg/article_diff_bg.wasm
 *
 * Binaryen before version 110 writes every exported table with index 0 (WebAssembly/binaryen
 * issue #4711, fixed by PR #4736). wasm-bindgen's output with reference types (rustc's default
 * for wasm32 since 1.82) has two tables, a funcref table 0 and the externref table 1 exported
 * as `__wbindgen_externrefs`; after binaryen 108 that export names table 0, and `init()` throws
 * "WebAssembly.Table.set(): … function-typed object must be null". This points the export back
 * at the one externref table. A module that is already right is left untouched.
 */
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

const EXPORT_NAME = '__wbindgen_externrefs';
const EXTERNREF = 0x6f;
const SECTION = {import: 2, table: 4, export: 7};
const KIND_TABLE = 1;

/** @param {Uint8Array} bytes @param {number} at @returns {[number, number]} value, next offset */
function readU32(bytes, at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
  }
}

/** @param {number} value */
function writeU32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

/** @param {Uint8Array} bytes @param {number} at skips a limits record */
function skipLimits(bytes, at) {
  const flags = bytes[at++];
  [, at] = readU32(bytes, at);
  if (flags & 1) [, at] = readU32(bytes, at);
  return at;
}

/** @param {Uint8Array} bytes @param {number} at skips a name */
function skipName(bytes, at) {
  const [length, next] = readU32(bytes, at);
  return next + length;
}

/**
 * @param {Uint8Array} wasm
 * @returns {{fixed: Uint8Array<ArrayBuffer> | null, message: string}}
 */
export function fixTableExport(wasm) {
  if (wasm[0] !== 0 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d) throw new Error('not a wasm module');
  /** @type {number[]} element type of each table, imported ones first (the index space) */
  const tableTypes = [];
  /** @type {{start: number, end: number} | null} */
  let exports = null;
  for (let at = 8; at < wasm.length;) {
    const id = wasm[at];
    const [size, body] = readU32(wasm, at + 1);
    const end = body + size;
    if (id === SECTION.import) {
      let [count, p] = readU32(wasm, body);
      for (; count > 0; count--) {
        p = skipName(wasm, skipName(wasm, p));
        const kind = wasm[p++];
        if (kind === 0) [, p] = readU32(wasm, p); // function: type index
        else if (kind === KIND_TABLE) tableTypes.push(wasm[p]), (p = skipLimits(wasm, p + 1));
        else if (kind === 2) p = skipLimits(wasm, p); // memory
        else if (kind === 3) p += 2; // global: value type, mutability
        else throw new Error(`unknown import kind ${kind}`);
      }
    } else if (id === SECTION.table) {
      let [count, p] = readU32(wasm, body);
      for (; count > 0; count--) {
        if (wasm[p] === 0x40) throw new Error('tables with initializers are not handled');
        tableTypes.push(wasm[p]);
        p = skipLimits(wasm, p + 1);
      }
    } else if (id === SECTION.export) {
      exports = {start: at, end};
    }
    at = end;
  }
  const externrefTables = tableTypes.flatMap((type, index) => (type === EXTERNREF ? [index] : []));
  if (!exports || externrefTables.length !== 1) return {fixed: null, message: 'no single externref table: nothing to do'};
  const want = externrefTables[0];

  // Rewrite the export section with the one index corrected (its LEB length may change).
  const [, body] = readU32(wasm, exports.start + 1);
  let [count, p] = readU32(wasm, body);
  const entries = [...writeU32(count)];
  let changed = '';
  for (; count > 0; count--) {
    const nameEnd = skipName(wasm, p);
    const [nameLength, nameStart] = readU32(wasm, p);
    const name = new TextDecoder().decode(wasm.subarray(nameStart, nameStart + nameLength));
    const kind = wasm[nameEnd];
    let [index, next] = readU32(wasm, nameEnd + 1);
    if (kind === KIND_TABLE && name === EXPORT_NAME && index !== want) {
      changed = `export ${name}: table ${index} → table ${want}`;
      index = want;
    }
    entries.push(...wasm.subarray(p, nameEnd + 1), ...writeU32(index));
    p = next;
  }
  if (!changed) return {fixed: null, message: `${EXPORT_NAME} already names the externref table`};
  const section = [SECTION.export, ...writeU32(entries.length), ...entries];
  const fixed = new Uint8Array(wasm.length - (exports.end - exports.start) + section.length);
  fixed.set(wasm.subarray(0, exports.start), 0);
  fixed.set(section, exports.start);
  fixed.set(wasm.subarray(exports.end), exports.start + section.length);
  return {fixed, message: changed};
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/fix-table-export.mjs FILE.wasm');
    process.exit(2);
  }
  const wasm = new Uint8Array(await readFile(file));
  const {fixed, message} = fixTableExport(wasm);
  if (fixed) {
    if (!WebAssembly.validate(fixed)) throw new Error(`${file}: the repaired module does not validate`);
    await writeFile(file, fixed);
    console.log(`fix-table-export: ${file}: ${message} (binaryen before 110, WebAssembly/binaryen#4711)`);
  }
}
