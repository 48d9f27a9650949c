// @ts-check
/**
 * One side of `<article-diff>` loaded from a URL (`old-src`, `new-src`): every check a source
 * must pass before it may be diffed, and for each failure a sentence a reader understands that
 * names the side. The element only wires this in; it never diffs a side that failed.
 *
 * A source is refused when its address is not a valid URL or not a web address (`javascript:`,
 * `file:`…), when the request fails (network, the page's Content-Security-Policy, the other
 * site's CORS), when the server answers with an error status, when it is not text (its
 * Content-Type, NUL bytes, bytes that are not in its encoding), and when it is larger than the
 * limit per side, checked against `Content-Length` before the body is read and again while it
 * streams in, so an oversized source is never held whole.
 *
 * @module article-diff-source
 */

/** Largest source per side by default, in bytes as sent (10 MB): a long book is about 3 MB. */
export const DEFAULT_MAX_BYTES = 10_000_000;

/** The schemes a source may have; any other is refused before a request is made. */
const SCHEMES = ['http:', 'https:', 'data:', 'blob:'];

/** Longest address quoted in a message (a `data:` URL can be the whole text). */
const QUOTED_ADDRESS_CHARS = 120;

/** What an HTTP error status means, in a reader's words. */
const STATUS_WORDS = /** @type {Record<number, string>} */ ({
  400: 'the request was refused as malformed',
  401: 'it needs a sign-in',
  403: 'access to it is forbidden',
  404: 'no such file was found',
  408: 'the server timed out',
  410: 'it has been removed',
  429: 'too many requests were made',
  500: 'the server had an internal error',
  502: 'the server could not reach its upstream server',
  503: 'the server is unavailable',
  504: 'the server timed out',
});

/** A source that cannot be diffed; `message` is the sentence to show. */
export class SourceError extends Error {}

/** "the old version" or "the new version". @param {'old'|'new'} side */
const sideName = (side) => `the ${side} version`;

/** @param {string} sentence */
const capital = (sentence) => sentence[0].toUpperCase() + sentence.slice(1);

/** An address as quoted in a message: shortened, in quotes. @param {string} src */
function quoted(src) {
  const shown = src.length > QUOTED_ADDRESS_CHARS ? `${src.slice(0, QUOTED_ADDRESS_CHARS - 1)}…` : src;
  return `“${shown}”`;
}

/** "10 MB", "2.5 MB", "900 KB", "12 bytes" (decimal units, as file managers show them). @param {number} bytes */
export function formatBytes(bytes) {
  if (bytes >= 1e6) return `${Number((bytes / 1e6).toFixed(1))} MB`;
  if (bytes >= 1e3) return `${Number((bytes / 1e3).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/**
 * The `max-bytes` attribute as a number of bytes: the default when absent; a whole number of
 * bytes written in decimal digits, at least 1. Anything else throws a `SourceError`.
 * @param {string|null} value
 */
export function parseMaxBytes(value) {
  if (value === null) return DEFAULT_MAX_BYTES;
  const bytes = /^\s*[0-9]+\s*$/.test(value) ? Number(value) : NaN;
  if (!(bytes >= 1 && Number.isSafeInteger(bytes))) {
    throw new SourceError(`max-bytes must be a whole number of bytes in decimal digits (such as 10000000), got “${value}”.`);
  }
  return bytes;
}

/**
 * Whether a Content-Type is text the element can show. No type at all, or
 * `application/octet-stream` (what many servers send for an unknown extension), leaves the
 * decision to the bytes.
 * @param {string} essence the media type without parameters, lower case
 */
function isTextType(essence) {
  return (
    essence === '' ||
    essence === 'application/octet-stream' ||
    essence.startsWith('text/') ||
    /\+(xml|json)$/.test(essence) ||
    /^application\/(json|xml|javascript|ecmascript|x-javascript|yaml|x-yaml|toml|x-tex|x-latex|x-sh|x-markdown|x-rst)$/.test(essence)
  );
}

/**
 * Decodes bytes as text, refusing anything that is not: bytes invalid in the encoding, or a
 * NUL (never in an article, always in binary formats and in UTF-16 read as UTF-8). The
 * encoding is UTF-8 unless the server names another (a BOM is dropped).
 * @param {ArrayBuffer | Uint8Array} bytes
 * @param {string} what how to name the text in the message, e.g. `“draft.docx”`
 * @param {string} [encoding] a label `TextDecoder` knows
 */
export function decodeText(bytes, what, encoding = 'utf-8') {
  /** @type {TextDecoder} */
  let decoder;
  try {
    decoder = new TextDecoder(encoding, {fatal: true});
  } catch {
    throw new SourceError(`${what} is in an encoding this page cannot read (“${encoding}”); save it as UTF-8 text.`);
  }
  /** @type {string} */
  let text;
  try {
    text = decoder.decode(bytes);
  } catch {
    const named = decoder.encoding === 'utf-8' ? 'UTF-8 text' : `text in ${decoder.encoding}`;
    throw new SourceError(`${what} is not ${named} (is it an image, a word-processor file or text in another encoding?).`);
  }
  if (text.includes('\u0000')) {
    throw new SourceError(`${what} is not text: it contains NUL bytes (is it an image or a word-processor file?).`);
  }
  return text;
}

/**
 * Fetches and decodes one side's source, or throws a `SourceError` whose message names the
 * side and says what went wrong. `signal` cancels it (the fetch then rejects with an
 * `AbortError`, which is not a `SourceError`).
 * @param {'old'|'new'} side
 * @param {string} src the attribute's value, as the page wrote it
 * @param {{maxBytes: () => number, baseURI: string, signal?: AbortSignal}} options `maxBytes`
 *   is asked once the response's headers are in, so a limit set just after the source counts
 * @returns {Promise<string>}
 */
export async function loadSource(side, src, {maxBytes: limit, baseURI, signal}) {
  const from = `${capital(sideName(side))} could not be loaded from ${quoted(src)}`;
  /** @type {URL} */
  let url;
  try {
    url = new URL(src, baseURI);
  } catch {
    throw new SourceError(`${capital(sideName(side))} could not be loaded: ${quoted(src)} is not a valid address.`);
  }
  if (!SCHEMES.includes(url.protocol)) {
    throw new SourceError(`${from}: only http:, https:, data: and blob: addresses are loaded.`);
  }
  /** @type {Response} */
  let response;
  try {
    response = await fetch(url.href, {signal});
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new SourceError(
      `${from}: the request failed. The server may be unreachable, or the page's ` +
        `Content-Security-Policy or the other site's CORS settings may not allow it.`,
    );
  }
  if (!response.ok) {
    const why = STATUS_WORDS[response.status] ?? (response.status >= 500 ? 'the server had an error' : 'the server refused it');
    throw new SourceError(`${from}: ${why} (HTTP ${response.status}).`);
  }
  const contentType = response.headers.get('content-type') ?? '';
  const essence = contentType.split(';')[0].trim().toLowerCase();
  if (!isTextType(essence)) {
    await response.body?.cancel().catch(() => {});
    throw new SourceError(`${capital(sideName(side))} at ${quoted(src)} is not text: the server sent ${essence}.`);
  }
  const maxBytes = limit();
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  const tooLarge = (/** @type {string} */ size) =>
    new SourceError(
      `${capital(sideName(side))} at ${quoted(src)} is ${size}, over the limit of ${formatBytes(maxBytes)} a side; ` +
        `it was not loaded (the max-bytes attribute raises the limit).`,
    );
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(formatBytes(declared));
  }
  const bytes = await readAtMost(response, maxBytes, () => tooLarge('larger'));
  return decodeText(bytes, `${capital(sideName(side))} at ${quoted(src)}`, charset);
}

/**
 * The body, read as it streams in and given up (the request cancelled) as soon as it passes
 * `maxBytes`: a server that sends no `Content-Length`, or a wrong one, cannot make the page
 * hold more than the limit.
 * @param {Response} response
 * @param {number} maxBytes
 * @param {() => Error} tooLarge
 * @returns {Promise<Uint8Array>}
 */
async function readAtMost(response, maxBytes, tooLarge) {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let total = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * Why a value set as `oldText`/`newText` cannot be a text, or `''` when it can: a string (or
 * a `String` object), or `null`/`undefined` to clear the side. Anything else is refused rather
 * than diffed as "[object Object]".
 * @param {'old'|'new'} side
 * @param {unknown} value
 */
export function textProblem(side, value) {
  if (value == null || typeof value === 'string' || value instanceof String) return '';
  const got = Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  return `${side}Text must be a string (or null to clear it), got ${got}; ${sideName(side)} was not changed.`;
}
