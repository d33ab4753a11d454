/**
 * Reading and decoding an EDGAR response body: a size cap while reading, a check against Content-Length
 * (truncated bodies are transient failures), and gzip / deflate / br decompression under the same cap.
 */
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw, type ZlibOptions } from 'node:zlib';
import { EdgarBadResponseError, EdgarUnavailableError } from '../errors.ts';

type Decoder = (input: Buffer, options: ZlibOptions) => Promise<Buffer>;

const gunzipAsync = promisify(gunzip) as Decoder;
const inflateAsync = promisify(inflate) as Decoder;
const inflateRawAsync = promisify(inflateRaw) as Decoder;
const brotliAsync = promisify(brotliDecompress) as unknown as Decoder;

/**
 * Reads the whole body. Past `limit` bytes: a successful response is refused (EdgarBadResponseError), an error
 * page is cut there (only its wording matters).
 */
export async function readBody(
  url: string,
  status: number,
  body: AsyncIterable<Uint8Array> & { dump(options?: { limit?: number }): Promise<void> },
  headers: Readonly<Record<string, string>>,
  limit: number | undefined,
  ok: boolean,
): Promise<Buffer> {
  const declared = headers['content-length'] === undefined ? null : Number(headers['content-length']);
  if (ok && limit !== undefined && declared !== null && declared > limit) {
    await body.dump({ limit: 0 }).catch(() => undefined);
    throw tooLarge(url, status, limit, declared);
  }
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    length += chunk.length;
    if (limit !== undefined && length > limit) {
      // Leaving the loop closes the stream (and its connection).
      if (ok) throw tooLarge(url, status, limit, length);
      chunks.push(Buffer.from(chunk).subarray(0, chunk.length - (length - limit)));
      return Buffer.concat(chunks);
    }
    chunks.push(Buffer.from(chunk));
  }
  if (declared !== null && Number.isFinite(declared) && length !== declared) {
    throw new EdgarUnavailableError(url, status, `${url}: truncated body, ${length} of ${declared} bytes`);
  }
  return Buffer.concat(chunks);
}

/** Undoes Content-Encoding. A corrupt or cut compressed stream is a transient failure (the body was truncated). */
export async function decodeBody(
  url: string,
  status: number,
  raw: Buffer,
  headers: Readonly<Record<string, string>>,
  limit: number | undefined,
  ok: boolean,
): Promise<Buffer> {
  const encoding = (headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '' || raw.length === 0) return raw;
  const options: ZlibOptions = limit === undefined ? {} : { maxOutputLength: Math.max(1, limit) };
  try {
    switch (encoding) {
      case 'gzip':
      case 'x-gzip':
        return await gunzipAsync(raw, options);
      case 'deflate':
        // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
        return await inflateAsync(raw, options).catch(() => inflateRawAsync(raw, options));
      case 'br':
        return await brotliAsync(raw, options);
      default:
        throw new EdgarBadResponseError(url, status, `${url}: unsupported Content-Encoding ${encoding}`);
    }
  } catch (error) {
    // An error page that cannot be decoded keeps its status: the caller maps the status, not the body.
    if (!ok) return raw;
    if (error instanceof EdgarBadResponseError) throw error;
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      if (!ok) return raw;
      throw tooLarge(url, status, limit ?? 0, null);
    }
    throw new EdgarUnavailableError(
      url,
      status,
      `${url}: cannot decode ${encoding} body: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

function tooLarge(url: string, status: number, limit: number, size: number | null): EdgarBadResponseError {
  const seen = size === null ? 'more' : String(size);
  return new EdgarBadResponseError(url, status, `${url}: body of ${seen} bytes is over the limit of ${limit} bytes`);
}
