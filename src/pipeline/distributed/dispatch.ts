/**
 * Puts filings on the queue the filing lifecycle sends them to: fetch -> a fetch job (its parse job follows);
 * parse -> a parse job, with no EDGAR request; hold, done, failed for good -> nothing. Used by the discover
 * processors for what they list and by the run tracker for a filing whose job was lost.
 */
import type { FilingRef } from '../../discover/filing-ref.ts';
import { nextStep, type RunContext } from '../../filing/lifecycle.ts';
import { enqueueFetch, enqueueParse } from '../../queue/producers.ts';
import type { Queues } from '../../queue/queues.ts';
import type { DocumentStore } from '../../store/document-store.ts';

export interface Dispatched {
  readonly fetch: number;
  readonly parse: number;
  /** Refs the lifecycle says nothing more is to be done for in this run. */
  readonly done: number;
}

export async function dispatchRefs(
  store: DocumentStore,
  queues: Queues,
  refs: readonly FilingRef[],
  run: RunContext,
): Promise<Dispatched> {
  const records = await store.listFilings({ accessionNumbers: refs.map((ref) => ref.accessionNumber) });
  const byAccession = new Map(records.map((record) => [record.accessionNumber, record]));
  const toFetch: FilingRef[] = [];
  const toParse: FilingRef[] = [];
  for (const ref of refs) {
    const step = nextStep(byAccession.get(ref.accessionNumber) ?? null, run);
    if (step === 'fetch') toFetch.push(ref);
    else if (step === 'parse') toParse.push(ref);
  }
  await enqueueFetch(queues, toFetch, run.scope);
  await enqueueParse(queues, toParse, run.scope);
  return { fetch: toFetch.length, parse: toParse.length, done: refs.length - toFetch.length - toParse.length };
}
