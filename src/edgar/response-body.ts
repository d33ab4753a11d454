/**
 * Reading and decoding an EDGAR response body in one streaming pass: the compressed bytes are counted as they
 * arrive and the decompressed bytes as they come out of the decoder (gzip, deflate or br), each against the
 * same limit, so a compression bomb is stopped at the limit while it streams, never held whole. A body shorter
 * than its Content-Length, or a compressed stream that is cut or corrupt, is a transient failure (retried).
 */
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  brotliDecompressSync,
  constants,
  createBrotliDecompress,
  createGunzip,
  createInflate,
  createInflateRaw,
  gunzipSync,
  inflateRawSync,
  inflateSync,
} from 'node:zlib';
import { EdgarBadResponseError, EdgarResponseTooLargeError, EdgarUnavailableError } from '../errors.ts';

/** What undici hands us: the body stream, which we read once. */
export type BodyStream = AsyncIterable<Uint8Array> & { dump(options?: { limit?: number }): Promise<void> };

type Encoding = 'identity' | 'gzip' | 'deflate' | 'br';

function encodingOf(url: string, status: number, headers: Readonly<Record<string, string>>): Encoding {
  const encoding = (headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return 'identity';
  if (encoding === 'gzip' || encoding === 'x-gzip') return 'gzip';
  if (encoding === 'deflate' || encoding === 'br') return encoding;
  throw new EdgarBadResponseError(url, status, `${url}: unsupported Content-Encoding ${encoding}`);
}

/**
 * "deflate" is meant to be zlib-wrapped (RFC 9110), but some servers send raw deflate. The first two bytes tell
 * which: a zlib header names method 8 and is a multiple of 31. Deciding up front means a stream that fails as
 * one is never tried again as the other (a bomb would otherwise be inflated twice and reported as corrupt).
 */
export function isZlibWrapped(head: Uint8Array): boolean {
  return head.length >= 2 && (head[0]! & 0x0f) === 8 && head[0]! >> 4 <= 7 && ((head[0]! << 8) | head[1]!) % 31 === 0;
}

function decoder(encoding: Exclude<Encoding, 'identity'>, head: Uint8Array): Transform {
  if (encoding === 'gzip') return createGunzip();
  if (encoding === 'br') return createBrotliDecompress();
  return isZlibWrapped(head) ? createInflate() : createInflateRaw();
}

export function tooLarge(url: string, status: number, limit: number, what: string): EdgarResponseTooLargeError {
  return new EdgarResponseTooLargeError(url, status, limit, `${url}: ${what} is over the limit of ${limit} bytes`);
}

/** A stream stage that decodes `encoding`; the decoder is chosen on the first bytes (raw or wrapped deflate). */
function inflating(encoding: Exclude<Encoding, 'identity'>) {
  return async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    const iterator = source[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done) return;
    const rest = { [Symbol.asyncIterator]: () => iterator };
    const input = Readable.from(
      (async function* () {
        yield first.value;
        yield* rest;
      })(),
    );
    const output = decoder(encoding, first.value);
    input.on('error', (error) => output.destroy(error));
    try {
      yield* input.pipe(output) as AsyncIterable<Buffer>;
    } finally {
      input.destroy();
      output.destroy();
    }
  };
}

/** What a failed decoding pipeline throws: our typed errors as they are; a zlib error as a (retryable) cut body. */
function decodeFailure(url: string, status: number, encoding: Encoding, error: unknown): unknown {
  if (error instanceof EdgarBadResponseError || error instanceof EdgarUnavailableError) return error;
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    // A cut or corrupt compressed stream: most often a body truncated on the way.
    const message = `${url}: cannot decode ${encoding} body: ${(error as Error).message}`;
    return new EdgarUnavailableError(url, status, message, { cause: error });
  }
  return error;
}

/**
 * Reads and decodes the body of a successful response: at most `limit` bytes on the wire and `limit` bytes
 * decoded (EdgarResponseTooLargeError past either, not retried), the decoded bytes returned whole.
 */
export async function readBody(
  url: string,
  status: number,
  body: BodyStream,
  headers: Readonly<Record<string, string>>,
  limit: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const decoded = await decodeBody(url, status, body, headers, limit, (chunk) => void chunks.push(chunk));
  return Buffer.concat(chunks, decoded);
}

/**
 * As readBody, but each decoded chunk goes to `write` as it comes (awaited: the body is read no faster than it
 * is written) and nothing is kept: memory stays bounded whatever the size. Resolves with the decoded length.
 */
export function streamBody(
  url: string,
  status: number,
  body: BodyStream,
  headers: Readonly<Record<string, string>>,
  limit: number,
  write: (chunk: Buffer) => Promise<void>,
): Promise<number> {
  return decodeBody(url, status, body, headers, limit, write);
}

async function decodeBody(
  url: string,
  status: number,
  body: BodyStream,
  headers: Readonly<Record<string, string>>,
  limit: number,
  take: (chunk: Buffer) => Promise<void> | void,
): Promise<number> {
  const declared = headers['content-length'] === undefined ? null : Number(headers['content-length']);
  if (declared !== null && declared > limit) {
    await body.dump({ limit: 0 }).catch(() => undefined);
    throw tooLarge(url, status, limit, `body of ${declared} bytes (Content-Length)`);
  }
  let encoding: Encoding;
  try {
    encoding = encodingOf(url, status, headers);
  } catch (error) {
    await body.dump({ limit: 0 }).catch(() => undefined);
    throw error;
  }
  let received = 0;
  async function* counted(source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      received += chunk.length;
      if (received > limit) throw tooLarge(url, status, limit, `body of more than ${received - 1} bytes`);
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    }
    if (declared !== null && Number.isFinite(declared) && received !== declared) {
      throw new EdgarUnavailableError(url, status, `${url}: truncated body, ${received} of ${declared} bytes`);
    }
  }
  let decoded = 0;
  const collect = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) {
      decoded += chunk.length;
      if (decoded > limit) {
        throw tooLarge(url, status, limit, `${encoding} body of ${received} bytes so far, once decoded,`);
      }
      await take(chunk);
    }
  };
  if (encoding === 'identity') {
    await pipeline(body as unknown as Readable, counted, collect);
    return decoded;
  }
  try {
    await pipeline(body as unknown as Readable, counted, inflating(encoding), collect);
  } catch (error) {
    throw decodeFailure(url, status, encoding, error);
  }
  return decoded;
}

/**
 * The first `limit` bytes of an error page, decoded as far as they go: only its wording matters (to recognise
 * EDGAR's refusal pages), so a page cut at the limit or one that cannot be decoded is kept as it is.
 */
export async function readErrorPage(
  body: BodyStream,
  headers: Readonly<Record<string, string>>,
  limit: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    const take = Math.min(chunk.length, limit - length);
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, take));
    length += take;
    // Leaving the loop closes the stream (and its connection).
    if (length >= limit) break;
  }
  const raw = Buffer.concat(chunks, length);
  const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  // Sync flush decodes what a cut stream holds; the output cap bounds a bomb served as an error page.
  const options = { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: limit };
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(raw, options);
    if (encoding === 'deflate') return isZlibWrapped(raw) ? inflateSync(raw, options) : inflateRawSync(raw, options);
    if (encoding === 'br') {
      return brotliDecompressSync(raw, { finishFlush: constants.BROTLI_OPERATION_FLUSH, maxOutputLength: limit });
    }
  } catch {
    // An error page that cannot be decoded keeps its status: the caller maps the status, not the body.
  }
  return raw;
}
