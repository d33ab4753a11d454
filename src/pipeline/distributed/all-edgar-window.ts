/**
 * `enqueue --all` on the queues: discovery from the quarterly full index (step 0), then a bounded fetch
 * backlog. Each step counts the fetch queue and, once it has drained to half the window or less, tops it up
 * with the next letters of the range (keyset order: filing date, accession), so Redis never holds more than
 * `window` fetch jobs however many letters EDGAR has; then it enqueues the next step. The run's cursor is a
 * store checkpoint: a step that crashes is retried and goes on from the last letters dispatched.
 */
import { PARSER_VERSION } from '../parser-version.ts';
import { discoverFullIndex, refOfRecord } from '../full-index-stage.ts';
import type { ParseDeps } from '../parse-stage.ts';
import type { AllEdgarPayload } from '../../queue/job-payloads.ts';
import { enqueueAllEdgarStep, fetchBacklog } from '../../queue/producers.ts';
import type { Queues } from '../../queue/queues.ts';
import type { DocumentStore } from '../../store/document-store.ts';
import { dispatchRefs } from './dispatch.ts';

export interface AllEdgarCursor {
  readonly after: { readonly filingDate: string; readonly accessionNumber: string } | null;
  readonly dispatched: number;
  readonly done: boolean;
}

export const allEdgarRunCheckpoint = (runId: string) => `all-run:${runId}`;

async function readCursor(store: DocumentStore, runId: string): Promise<AllEdgarCursor> {
  const raw = await store.getCheckpoint(allEdgarRunCheckpoint(runId));
  return raw === null ? { after: null, dispatched: 0, done: false } : (JSON.parse(raw) as AllEdgarCursor);
}

/** How many letters a step adds: none while more than half the window waits, else up to the window. */
export function refillSize(window: number, backlog: number): number {
  const free = window - backlog;
  return free >= Math.ceil(window / 2) ? free : 0;
}

export interface AllEdgarStepResult {
  readonly accessions: string[];
  /** EDGAR requests made (full-index reads of step 0). */
  readonly requests: number;
  readonly done: boolean;
}

export async function runAllEdgarStep(
  deps: ParseDeps,
  queues: Queues,
  payload: AllEdgarPayload,
): Promise<AllEdgarStepResult> {
  const requests = payload.step === 0 ? (await discoverFullIndex(deps, { since: payload.since })).requests : 0;
  const cursor = await readCursor(deps.store, payload.runId);
  if (cursor.done) return { accessions: [], requests, done: true };
  const size = refillSize(payload.window, await fetchBacklog(queues));
  let accessions: string[] = [];
  let next = cursor;
  if (size > 0) {
    const page = await deps.store.listFilings({
      forms: payload.forms,
      ...(payload.since ? { filedFrom: payload.since } : {}),
      ...(payload.until ? { filedTo: payload.until } : {}),
      states: ['discovered', 'fetched', 'failed'],
      ...(cursor.after ? { after: cursor.after } : {}),
      limit: size,
    });
    const run = { scope: null, retryFailed: true, parserVersion: PARSER_VERSION };
    await dispatchRefs(deps.store, queues, page.map(refOfRecord), run);
    accessions = page.map((record) => record.accessionNumber);
    const last = page.at(-1);
    next = {
      after: last ? { filingDate: last.filingDate, accessionNumber: last.accessionNumber } : cursor.after,
      dispatched: cursor.dispatched + page.length,
      done: page.length < size,
    };
    await deps.store.setCheckpoint(allEdgarRunCheckpoint(payload.runId), JSON.stringify(next));
  }
  if (!next.done) await enqueueAllEdgarStep(queues, { ...payload, step: payload.step + 1 }, payload.refillMs);
  return { accessions, requests, done: next.done };
}
