/**
 * Job ids. A filing's fetch and parse jobs are keyed by its accession and a backfill target's discover job by
 * the target key, so BullMQ refuses a second copy while one is waiting or running: nothing runs twice at once.
 * BullMQ forbids ":" in custom ids (it reserves "a:b:c" for legacy repeatable jobs) and integer-looking ids, so
 * target keys ("file-number:001-35126") are written with "=" instead ("file-number=001-35126"); accessions
 * already contain dashes and are never integers.
 */
import { normalizeAccession, targetKey, type Target } from '../identifiers.ts';

/** The job id of a filing's fetch or parse job: its accession, e.g. "0001193125-14-000946". */
export function filingJobId(accessionNumber: string): string {
  const accession = normalizeAccession(accessionNumber);
  if (!accession) throw new TypeError(`not an accession number: ${JSON.stringify(accessionNumber)}`);
  return accession;
}

/** The job id of a target's discover job: "file-number=001-35126", "cik=1508475", "ticker=VNET". */
export function targetJobId(target: Target): string {
  return targetKey(target).replace(':', '=');
}

/** The job id of a `crawl --once` pass: "crawl-once=<pass id>". */
export function crawlPassJobId(passId: string): string {
  return `crawl-once=${passId}`;
}

/** The job id of one step of an `enqueue --all` run: "all=<run id>=<step>". */
export function allEdgarJobId(runId: string, step: number): string {
  return `all=${runId}=${step}`;
}
