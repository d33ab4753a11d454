/**
 * The thread stage: after letters are stored, the review threads of the touched companies are rebuilt from
 * every stored letter of each company (src/letter's builder matches a review across all of a company's
 * letters; the store keeps the ids). Rebuilt from scratch each time, so the result does not depend on the
 * order letters arrived in. A file number stands for the companies whose letters carry it. The analytic rows
 * (comments, conversations) of those companies are derived from the same threads and replaced with them.
 */
import { deriveThread } from '../analytics/derive.ts';
import { describeError } from '../errors.ts';
import type { Letter } from '../letter/schema.ts';
import { buildThreads, threadAssignments, type ReviewThread } from '../letter/threads.ts';
import type { DocumentStore, ThreadAnalytics } from '../store/document-store.ts';
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
  /** Threads whose analytic rows could not be derived (each logged with its cause); their rows are absent. */
  readonly underived?: number;
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
  const byCompany = await loadCompanyLetters(deps.store, input);
  const threads = threadsOf(byCompany);
  const assignments = threadAssignments(threads);
  if (assignments.length > 0) await deps.store.assignThreads(assignments);
  const { analytics, underived } = await deriveAnalytics(deps, byCompany, threads);
  // Every company loaded is replaced whole, so a review merged away or a company left with none loses its rows.
  await deps.store.replaceThreadAnalytics(analytics, { ciks: [...byCompany.keys()] });
  return { letters: assignments.length, threads: threads.length, underived };
}

/**
 * The analytic rows of each thread (analytics/derive.ts, pure) from the letters loaded and each company's
 * listed filings. A thread whose derivation throws is logged with its cause and left without rows: the rest go on.
 */
async function deriveAnalytics(
  deps: PipelineDeps,
  byCompany: ReadonlyMap<string, readonly Letter[]>,
  threads: readonly ReviewThread[],
): Promise<{ analytics: ThreadAnalytics[]; underived: number }> {
  const byAccession = new Map([...byCompany.values()].flat().map((l) => [l.accessionNumber, l]));
  const listed = new Map<string, Awaited<ReturnType<DocumentStore['listListedFilings']>>>();
  const analytics: ThreadAnalytics[] = [];
  let underived = 0;
  for (const thread of threads) {
    if (!listed.has(thread.cik)) listed.set(thread.cik, await deps.store.listListedFilings({ cik: thread.cik }));
    const letters = thread.letters.flatMap((e) => byAccession.get(e.accessionNumber) ?? []);
    try {
      analytics.push(deriveThread({ threadId: thread.threadId, letters, listedFilings: listed.get(thread.cik)! }));
    } catch (error) {
      underived += 1;
      deps.logger.warn(
        { threadId: thread.threadId, cik: thread.cik, err: describeError(error) },
        'analytic rows of a review not derived',
      );
    }
  }
  return { analytics, underived };
}
