import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { isZlibWrapped, readBody, readErrorPage, type BodyStream } from '../../../src/edgar/response-body.ts';
import { EdgarBadResponseError, EdgarResponseTooLargeError, EdgarUnavailableError } from '../../../src/errors.ts';
import { bombBody } from '../../replica/bombs.ts';

const URL = 'http://127.0.0.1:1/x';
const TEXT = Buffer.from('<SEC-DOCUMENT>'.concat('letter text '.repeat(5000), '</SEC-DOCUMENT>'));

/** A body stream like undici's, in chunks of `size` bytes; `read` counts the bytes the reader pulled. */
function stream(bytes: Buffer, size = 16 * 1024): BodyStream & { pulled: () => number } {
  let read = 0;
  const readable = Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += size) {
        const chunk = bytes.subarray(i, i + size);
        read += chunk.length;
        yield chunk;
      }
    })(),
  );
  return Object.assign(readable, {
    dump: async () => void readable.destroy(),
    pulled: () => read,
  }) as unknown as BodyStream & { pulled: () => number };
}

const headers = (encoding: string | null, length?: number) => ({
  ...(encoding ? { 'content-encoding': encoding } : {}),
  ...(length === undefined ? {} : { 'content-length': String(length) }),
});

describe('response body', () => {
  it('decodes identity, gzip, zlib deflate, raw deflate and br bodies to the same bytes', async () => {
    const cases: [string | null, Buffer][] = [
      [null, TEXT],
      ['gzip', gzipSync(TEXT)],
      ['deflate', deflateSync(TEXT)],
      ['deflate', deflateRawSync(TEXT)],
      ['br', brotliCompressSync(TEXT)],
    ];
    for (const [encoding, wire] of cases) {
      const body = await readBody(URL, 200, stream(wire), headers(encoding, wire.length), 1024 * 1024);
      assert.ok(body.equals(TEXT), `${encoding ?? 'identity'}`);
    }
  });

  it('tells a zlib header from raw deflate by its first two bytes', () => {
    assert.equal(isZlibWrapped(deflateSync(TEXT)), true);
    assert.equal(isZlibWrapped(deflateRawSync(TEXT)), false);
    assert.equal(isZlibWrapped(Buffer.from([0x78])), false);
  });

  it('refuses a bomb of each encoding as too large, not retryable', async () => {
    for (const encoding of ['gzip', 'deflate', 'raw-deflate'] as const) {
      const wire = await bombBody(encoding, 64 * 1024 * 1024);
      const header = encoding === 'gzip' ? 'gzip' : 'deflate';
      await assert.rejects(
        readBody(URL, 200, stream(wire), headers(header, wire.length), 1024 * 1024),
        (error: unknown) => {
          assert.ok(error instanceof EdgarResponseTooLargeError, `${encoding}: ${String(error)}`);
          assert.equal(error.limit, 1024 * 1024);
          assert.equal(error.retryable, false);
          return true;
        },
      );
    }
  });

  it('stops a 1 GiB bomb at the limit while it streams, having read only the start of it', async () => {
    // 16 gzip members of 64 MiB of zeros each: one gzip stream of 1 GiB (RFC 1952), cheap to build.
    const member = await bombBody('gzip', 64 * 1024 * 1024);
    const wire = Buffer.concat(Array.from({ length: 16 }, () => member));
    const body = stream(wire, 1024);
    await assert.rejects(
      readBody(URL, 200, body, headers('gzip', wire.length), 1024 * 1024),
      EdgarResponseTooLargeError,
    );
    // 1 MiB of zeros compresses to about 1 KiB; what was read beyond is the streams' read-ahead, not the body.
    assert.ok(body.pulled() < wire.length / 8, `read ${body.pulled()} of ${wire.length} bytes`);
  });

  it('refuses a Content-Length or a body on the wire over the limit', async () => {
    await assert.rejects(readBody(URL, 200, stream(TEXT), headers(null, TEXT.length), 1000), /Content-Length/);
    const undeclared = stream(TEXT);
    await assert.rejects(readBody(URL, 200, undeclared, headers(null), 1000), EdgarResponseTooLargeError);
    assert.ok(undeclared.pulled() <= 16 * 1024 * 2);
  });

  it('reports a truncated or corrupt compressed body as a transient failure', async () => {
    const wire = gzipSync(TEXT);
    const cut = wire.subarray(0, wire.length - 20);
    await assert.rejects(readBody(URL, 200, stream(cut), headers('gzip'), 1024 * 1024), EdgarUnavailableError);
    await assert.rejects(readBody(URL, 200, stream(cut), headers('gzip', wire.length), 1024 * 1024), /truncated body/);
    const corrupt = Buffer.from(wire);
    corrupt.fill(0xff, 10, 40);
    await assert.rejects(readBody(URL, 200, stream(corrupt), headers('gzip'), 1024 * 1024), EdgarUnavailableError);
    await assert.rejects(readBody(URL, 200, stream(TEXT), headers('compress'), 1024 * 1024), EdgarBadResponseError);
  });

  it('keeps the first bytes of an error page, decoded as far as they go, even when it is a bomb', async () => {
    const page = Buffer.from('<html><body>Request Rate Threshold Exceeded</body></html>');
    assert.ok((await readErrorPage(stream(gzipSync(page)), headers('gzip'), 256 * 1024)).equals(page));
    const bomb = await bombBody('gzip', 64 * 1024 * 1024);
    const decoded = await readErrorPage(stream(bomb), headers('gzip'), 256 * 1024);
    assert.ok(decoded.length <= 256 * 1024);
    const garbage = Buffer.from('not gzip at all');
    assert.ok((await readErrorPage(stream(garbage), headers('gzip'), 256 * 1024)).equals(garbage));
  });
});
