/**
 * Worker-thread side of letter-builder-pool.ts: builds one Letter per message with buildLetter (pure: no store,
 * no network) and posts it back, or the error's class, code and reason so the pool can raise the same error.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { BadInputError, EdgarCorrespError } from '../errors.ts';
import { buildLetter, type BuildLetterContext } from './build-letter.ts';

export interface BuildRequest {
  readonly id: number;
  readonly raw: Uint8Array;
  readonly context: BuildLetterContext;
}

export type BuildReply =
  | { readonly id: number; readonly letter: unknown }
  | {
      readonly id: number;
      readonly error: { name: string; code: string | null; reason: string | null; message: string; stack?: string };
    };

// Building letters is background work: on Linux, priority 0 names the calling thread, so this lowers only
// this thread and leaves the main thread, which sends the EDGAR requests, first in line for a CPU.
try {
  setPriority(10);
} catch {
  // not supported here: run at the normal priority
}

parentPort?.on('message', (request: BuildRequest) => {
  buildLetter(request.raw, request.context).then(
    (letter) => parentPort!.postMessage({ id: request.id, letter } satisfies BuildReply),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      parentPort!.postMessage({
        id: request.id,
        error: {
          name: e.name,
          code: e instanceof EdgarCorrespError ? e.code : null,
          reason: e instanceof BadInputError ? e.reason : null,
          message: e.message,
          stack: e.stack,
        },
      } satisfies BuildReply);
    },
  );
});
