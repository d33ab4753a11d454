/**
 * The end of every run, embedded or distributed: letters held back as unnumbered are tied to each file-number
 * target through their review threads (and re-counted as stored), then the review threads of every company and
 * file number touched are rebuilt. Returns the run's summary.
 */
import { attributeUnnumbered, type ParseDeps } from './parse-stage.ts';
import type { RunReport } from './run-report.ts';
import type { RunSummary } from './run-events.ts';
import { rebuildThreads } from './thread-stage.ts';

export async function finishRun(deps: ParseDeps, report: RunReport, emit: (what: string) => void): Promise<RunSummary> {
  let threadAttributed = 0;
  const fileNumberTargets = report.targets.filter((t) => t.target.kind === 'file-number' && t.failure === null);
  for (const { target, ciks } of fileNumberTargets) {
    emit(`tying letters without file number to ${target.value} through their threads`);
    const linked = await attributeUnnumbered(deps, { fileNumber: target.value, ciks });
    threadAttributed += linked.length;
    for (const accession of linked) report.reclassify(accession, 'stored');
  }
  emit('rebuilding review threads');
  await rebuildThreads(deps, {
    ciks: [...new Set([...report.targets.flatMap((t) => t.ciks), ...report.storedCiks])],
    fileNumbers: fileNumberTargets.map((t) => t.target.value),
  });
  return report.summary(threadAttributed);
}
