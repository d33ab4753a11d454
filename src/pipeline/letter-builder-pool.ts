/**
 * A LetterBuilder that runs buildLetter on worker threads, so that normalising and parsing (pdf.js above all)
 * never blocks the event loop that sends EDGAR requests: a request granted by the fair-access limiter and then
 * held back by a busy loop would reach EDGAR late, bunched with the next ones, and break the 10-per-second rule
 * where EDGAR counts it. Each thread builds one letter at a time; errors come back as the same typed errors.
 */
import { Worker } from 'node:worker_threads';
import { BadInputError } from '../errors.ts';
import type { Letter } from '../letter/schema.ts';
import type { BuildLetterContext } from './build-letter.ts';
import type { BuildReply, BuildRequest } from './letter-builder-thread.ts';
import type { LetterBuilder } from './parse-stage.ts';

export interface LetterBuilderPool {
  readonly build: LetterBuilder;
  /** Terminates the threads; builds still running reject. */
  close(): Promise<void>;
}

interface Task {
  readonly id: number;
  readonly raw: Uint8Array;
  readonly context: BuildLetterContext;
  resolve(letter: Letter): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

const THREAD_FILE = new URL('./letter-builder-thread.ts', import.meta.url);

function rebuildError(error: Extract<BuildReply, { error: unknown }>['error']): Error {
  if (error.code === 'BAD_INPUT' && error.reason !== null) return new BadInputError(error.reason, error.message);
  const rebuilt = new Error(error.message);
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}

export function createLetterBuilderPool(size: number): LetterBuilderPool {
  const waiting: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const spawnSlot = (): Slot => {
    const slot: Slot = { worker: new Worker(THREAD_FILE), task: null };
    slot.worker.on('message', (reply: BuildReply) => {
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      slot.task = null;
      if ('letter' in reply) task.resolve(reply.letter as Letter);
      else task.reject(rebuildError(reply.error));
      pump();
    });
    // A thread that dies (out of memory on a huge document) fails its letter; a new thread takes its place.
    const replace = (error: Error) => {
      const task = slot.task;
      slot.task = null;
      task?.reject(new Error(`letter builder thread stopped: ${error.message}`));
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      if (!closed) pump();
    };
    slot.worker.on('error', replace);
    slot.worker.on('exit', (code) => {
      if (slots.includes(slot)) replace(new Error(`exit code ${code}`));
    });
    slot.worker.unref();
    slots.push(slot);
    return slot;
  };

  const pump = () => {
    while (waiting.length > 0) {
      const slot = slots.find((s) => s.task === null) ?? (slots.length < size ? spawnSlot() : null);
      if (!slot) return;
      const task = waiting.shift()!;
      slot.task = task;
      // Copy into a buffer of its own and transfer it: the archive's Buffer may be a view of a shared pool.
      const raw = new Uint8Array(task.raw);
      slot.worker.postMessage({ id: task.id, raw, context: task.context } satisfies BuildRequest, [raw.buffer]);
    }
  };

  return {
    build(raw, context) {
      if (closed) return Promise.reject(new Error('letter builder pool is closed'));
      return new Promise<Letter>((resolve, reject) => {
        waiting.push({ id: nextId++, raw, context, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const task of waiting.splice(0)) task.reject(new Error('letter builder pool is closed'));
      const all = slots.splice(0);
      for (const slot of all) slot.task?.reject(new Error('letter builder pool is closed'));
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}
