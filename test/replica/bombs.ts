/**
 * Decompression bombs for the replica's bomb faults: a body of a few hundred KB to a few MB that inflates to
 * `inflatedBytes` zeros. Built once per size and encoding by streaming zeros through the compressor (never
 * holding the inflated bytes), on libuv's thread pool so the replica's event loop keeps stamping arrivals.
 */
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { constants, createDeflate, createDeflateRaw, createGzip } from 'node:zlib';

export type BombEncoding = 'gzip' | 'deflate' | 'raw-deflate';

const cache = new Map<string, Promise<Buffer>>();
const ZEROS = Buffer.alloc(1024 * 1024);

function* zeros(total: number): Generator<Buffer> {
  for (let left = total; left > 0; left -= ZEROS.length) yield left >= ZEROS.length ? ZEROS : ZEROS.subarray(0, left);
}

/** The compressed body (cached): `deflate` is zlib-wrapped, as HTTP means it; `raw-deflate` is not. */
export function bombBody(encoding: BombEncoding, inflatedBytes: number): Promise<Buffer> {
  const key = `${encoding}:${inflatedBytes}`;
  let body = cache.get(key);
  if (!body) {
    const options = { level: constants.Z_BEST_COMPRESSION };
    const compressor =
      encoding === 'gzip'
        ? createGzip(options)
        : encoding === 'deflate'
          ? createDeflate(options)
          : createDeflateRaw(options);
    body = buffer(Readable.from(zeros(inflatedBytes)).pipe(compressor));
    cache.set(key, body);
  }
  return body;
}
