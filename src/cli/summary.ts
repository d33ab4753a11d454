/** The end-of-run summary of `backfill` and `crawl`: counts, then every failure with its reason. */
import { describeResolution } from '../discover/file-number-routes.ts';
import type { RunSummary } from '../pipeline/run-events.ts';
import { terminalSafe } from './terminal-text.ts';

export function formatRunSummary(summary: RunSummary): string {
  const c = summary.counts;
  const lines: string[] = [];
  lines.push(
    `backfill: ${summary.letters} letters listed, ${c.stored} stored, ${c['already-stored']} already stored, ${summary.failures.length} failed; ${summary.skipped} related forms skipped`,
  );
  if (c['not-attributed'] > 0 || c.unnumbered > 0 || summary.threadAttributed > 0) {
    lines.push(
      `  file numbers: ${c['not-attributed']} archived but attributed to other file numbers, ${c.unnumbered} archived with no file number, ${summary.threadAttributed} tied through their review thread and stored`,
    );
  }
  const discovery = summary.targets.reduce((sum, t) => sum + t.requests, 0);
  lines.push(
    `  requests: ${summary.fetched} Archives (complete submissions), ${discovery} discovery; ${summary.fromArchive} read from the archive; ${(summary.durationMs / 1000).toFixed(1)} s`,
  );
  for (const target of summary.targets) {
    if (target.resolution) for (const line of describeResolution(target.resolution)) lines.push(`  ${line}`);
    if (target.failure)
      lines.push(`  target ${target.targetKey} FAILED ${target.failure.code}: ${target.failure.reason}`);
  }
  if (summary.failures.length > 0) {
    lines.push('failed filings:');
    for (const f of summary.failures) {
      lines.push(`  ${f.accessionNumber} ${f.form} ${f.filingDate} at ${f.stage}: ${f.code} ${f.reason}`);
    }
  }
  // Reasons may quote the submission (a document name, a header value): outside input.
  return terminalSafe(`${lines.join('\n')}\n`);
}
