/**
 * A parse worker for the pool's deadline tests: it speaks parse-worker.ts's protocol and builds letters with the
 * real buildLetter, except the accession HANGING_ACCESSION, on which it blocks its thread for good (as a
 * catastrophic regular expression would), so only terminating the thread ends it.
 */
import { parentPort } from 'node:worker_threads';
import { buildLetter } from '../../../../src/pipeline/build-letter.ts';
import type { ParseReply, ParseRequest } from '../../../../src/pipeline/parse-worker.ts';

export const HANGING_ACCESSION = '0001999001-15-000666';

parentPort?.postMessage({ ready: true } satisfies ParseReply);
parentPort?.on('message', (request: ParseRequest) => {
  if (request.context.accessionNumber === HANGING_ACCESSION) {
    // Blocks without spinning a core: the thread stays busy in synchronous code until it is terminated.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  }
  buildLetter(request.raw, request.context).then(
    (letter) => parentPort!.postMessage({ id: request.id, letter } satisfies ParseReply),
    (error: unknown) =>
      parentPort!.postMessage({
        id: request.id,
        error: { kind: 'other', name: 'Error', code: null, message: String(error) },
      } satisfies ParseReply),
  );
});
