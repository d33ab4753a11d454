/**
 * The thread stage: after letters are stored, the review threads of the touched companies are rebuilt from
 * every stored letter of each company (src/letter's builder matches a review across all of a company's
 * letters; the store keeps the ids). Rebuilt from scratch each time, so the result does not depend on the
 * order letters arrived in. A file number stands for the companies whose letters carry it.
 */
import type { Letter } from '../letter/schema.ts';
import { buildThreads, threadAssignments, type ReviewThread } from '../letter/threads.ts';
import type { DocumentStore } from '../store/document-store.ts';
import type { PipelineDeps } from './pipeline-deps.ts';

export interface RebuildThreadsInput {
  readonly ciks?: readonly string[];
  /** The companies whose stored letters carry these numbers are rebuilt too. */
  readonly fileNumbers?: readonly string[];
}

export interface RebuildThreadsOutput {
  /** Letters whose thread was (re)assigned. */
  readonly letters: number;
  /** Distinct threads among them. */
  readonly threads: number;
}

/** Every stored letter of each company named, or of the companies a file number's letters belong to. */
export async function loadCompanyLetters(
  store: DocumentStore,
  input: RebuildThreadsInput,
): Promise<Map<string, Letter[]>> {
  const ciks = new Set(input.ciks ?? []);
  for (const fileNumber of new Set(input.fileNumbers ?? [])) {
    for await (const letter of store.listLetters({ fileNumber })) ciks.add(letter.cik);
  }
  const byCompany = new Map<string, Letter[]>();
  for (const cik of ciks) {
    const letters: Letter[] = [];
    for await (const letter of store.listLetters({ cik })) letters.push(letter);
    if (letters.length > 0) byCompany.set(cik, letters);
  }
  return byCompany;
}

/** The review threads of the companies named (pure once the letters are loaded). */
export function threadsOf(byCompany: ReadonlyMap<string, readonly Letter[]>): ReviewThread[] {
  return [...byCompany.values()].flatMap((letters) => buildThreads(letters));
}

export async function rebuildThreads(deps: PipelineDeps, input: RebuildThreadsInput): Promise<RebuildThreadsOutput> {
  const threads = threadsOf(await loadCompanyLetters(deps.store, input));
  if (threads.length === 0) return { letters: 0, threads: 0 };
  const assignments = threadAssignments(threads);
  await deps.store.assignThreads(assignments);
  return { letters: assignments.length, threads: threads.length };
}
