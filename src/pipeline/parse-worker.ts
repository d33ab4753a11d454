/**
 * A parse worker thread (see parse-pool.ts): receives archived raw bytes and the build context, answers with
 * the Letter or with the error described so the pool can rebuild its type. Runs `buildLetter` only.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { BadInputError, EdgarCorrespError, type BadInputReason } from '../errors.ts';
import { buildLetter, type BuildLetterContext } from './build-letter.ts';

export interface ParseRequest {
  readonly id: number;
  readonly raw: Uint8Array;
  readonly context: BuildLetterContext;
}

export type SerializedError =
  | {
      readonly kind: 'bad-input';
      readonly reason: BadInputReason;
      readonly accessionNumber: string | null;
      readonly detail: string;
    }
  | {
      readonly kind: 'other';
      readonly name: string;
      readonly code: string | null;
      readonly message: string;
      readonly stack?: string;
    };

export type ParseReply =
  | { readonly id: number; readonly letter: unknown }
  | { readonly id: number; readonly error: SerializedError }
  /** Sent once, when the parsers are loaded (the first letter of a cold worker waits for this). */
  | { readonly ready: true };

function serialize(error: unknown): SerializedError {
  if (error instanceof BadInputError) {
    return { kind: 'bad-input', reason: error.reason, accessionNumber: error.accessionNumber, detail: error.detail };
  }
  if (error instanceof Error) {
    const code = error instanceof EdgarCorrespError ? error.code : null;
    return { kind: 'other', name: error.name, code, message: error.message, stack: error.stack };
  }
  return { kind: 'other', name: 'Error', code: null, message: String(error) };
}

// Parsing is background work: on Linux, priority 0 names the calling thread, so this lowers only this thread
// and leaves the main thread, which sends the EDGAR requests the limiter grants, first in line for a CPU.
try {
  setPriority(10);
} catch {
  // not permitted here: parse at the normal priority
}

parentPort?.postMessage({ ready: true } satisfies ParseReply);
parentPort?.on('message', (request: ParseRequest) => {
  buildLetter(request.raw, request.context).then(
    (letter) => parentPort!.postMessage({ id: request.id, letter } satisfies ParseReply),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: serialize(error) } satisfies ParseReply),
  );
});
