/**
 * The embedded runner: drives the stages in-process. `runBackfill` discovers the targets one after another
 * and hands each one's letters to the fetch -> parse work (filing-work.ts) as soon as they are listed;
 * `runFilings` does the same for refs listed elsewhere (a crawl pass). All state lives in the store and the
 * archive, so a run interrupted anywhere (even kill -9) and started again skips what is stored, parses what is
 * archived and fetches only the rest. At the end: letters without file number tied through their threads
 * (file-number targets), then the review threads of every touched company and file number rebuilt.
 */
import type { FilingRef } from '../discover/filing-ref.ts';
import { targetKey, type Target } from '../edgar/identifiers.ts';
import { EdgarUndeclaredToolError } from '../errors.ts';
import type { LetterForm } from '../letter/schema.ts';
import { discoverTarget } from './discover-stage.ts';
import { describeFailure } from './failures.ts';
import { FilingWork, type FilingWorkOptions } from './filing-work.ts';
import { attributeUnnumbered, type ParseDeps, type ParseScope } from './parse-stage.ts';
import type { BackfillSummary, TargetSummary } from './run-events.ts';
import { rebuildThreads } from './thread-stage.ts';

export interface BackfillOptions extends FilingWorkOptions {
  readonly targets: readonly Target[];
  readonly forms?: readonly LetterForm[];
  readonly since?: string | null;
  readonly until?: string | null;
}

const scopeOf = (target: Target): ParseScope =>
  target.kind === 'file-number' ? { fileNumbers: [target.value] } : null;

interface Finish {
  readonly targets: readonly TargetSummary[];
  readonly skipped: number;
  readonly fileNumbers: ReadonlyMap<string, readonly string[]>;
  readonly ciks: readonly string[];
}

/** Ties unnumbered letters of file-number targets, rebuilds threads, and sums the run up. */
async function finish(deps: ParseDeps, work: FilingWork, options: FilingWorkOptions, started: number, end: Finish) {
  await work.drain();
  if (work.fatal !== null) throw work.fatal;
  let threadAttributed = 0;
  for (const [fileNumber, ciks] of end.fileNumbers) {
    options.onEvent?.({
      type: 'finishing',
      what: `tying letters without file number to ${fileNumber} through their threads`,
    });
    const linked = await attributeUnnumbered(deps, { fileNumber, ciks });
    threadAttributed += linked.length;
    for (const accession of linked) work.reclassify(accession, 'stored');
  }
  options.onEvent?.({ type: 'finishing', what: 'rebuilding review threads' });
  await rebuildThreads(deps, {
    ciks: [...new Set([...end.ciks, ...work.storedCiks])],
    fileNumbers: [...end.fileNumbers.keys()],
  });
  const summary: BackfillSummary = {
    targets: end.targets,
    letters: work.size,
    skipped: end.skipped,
    counts: { ...work.counts },
    fetched: work.fetched,
    fromArchive: work.fromArchive,
    threadAttributed,
    failures: [...work.failures],
    durationMs: performance.now() - started,
  };
  return summary;
}

export async function runBackfill(deps: ParseDeps, options: BackfillOptions): Promise<BackfillSummary> {
  const started = performance.now();
  const emit = options.onEvent ?? (() => undefined);
  const work = new FilingWork(deps, options);
  const targets: TargetSummary[] = [];
  const fileNumbers = new Map<string, string[]>();
  let skipped = 0;
  for (const target of options.targets) {
    if (work.fatal !== null) break;
    const key = targetKey(target);
    emit({ type: 'target-started', targetKey: key });
    try {
      const found = await discoverTarget(deps, {
        target,
        forms: options.forms,
        since: options.since,
        until: options.until,
      });
      const { ciks, refs, requests, warnings } = found;
      targets.push({
        target,
        targetKey: key,
        ciks,
        letters: refs.length,
        skipped: found.skipped.length,
        requests,
        warnings,
        failure: null,
      });
      skipped += found.skipped.length;
      if (target.kind === 'file-number') fileNumbers.set(target.value, [...ciks]);
      emit({
        type: 'target-discovered',
        targetKey: key,
        ciks,
        letters: refs.length,
        skipped: found.skipped.length,
        requests,
        warnings,
      });
      await work.add(refs, scopeOf(target));
    } catch (error) {
      if (error instanceof EdgarUndeclaredToolError) throw error;
      const { code, reason } = describeFailure(key, 'discover', error);
      targets.push({
        target,
        targetKey: key,
        ciks: [],
        letters: 0,
        skipped: 0,
        requests: 0,
        warnings: [],
        failure: { code, reason },
      });
      emit({ type: 'target-failed', targetKey: key, code, reason });
    }
  }
  return finish(deps, work, options, started, {
    targets,
    skipped,
    fileNumbers,
    ciks: targets.flatMap((t) => t.ciks),
  });
}

export interface RunFilingsOptions extends FilingWorkOptions {
  /** Which letters to store; default null (every letter, as crawling wants). */
  readonly scope?: ParseScope;
}

/** Fetches, parses and stores refs listed elsewhere (e.g. a crawl pass); same summary as a backfill, no targets. */
export async function runFilings(
  deps: ParseDeps,
  refs: readonly FilingRef[],
  options: RunFilingsOptions = {},
): Promise<BackfillSummary> {
  const started = performance.now();
  const work = new FilingWork(deps, options);
  await work.add(refs, options.scope ?? null);
  return finish(deps, work, options, started, { targets: [], skipped: 0, fileNumbers: new Map(), ciks: [] });
}
