/** The result file of one (engine, size) run of the scale benchmark, and the README table made of them. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ScaleResult {
  engine: 'sqlite' | 'postgres';
  size: number;
  storeUrl: string;
  ingest?: {
    letters: number;
    /** Time inside upsertLetter, all letters. */
    storeMs: number;
    /** Wall time including generating the letters. */
    wallMs: number;
    /** letters/s of the first and the last tenth of the letters (store time). */
    firstTenthRate: number;
    lastTenthRate: number;
    /** CPU ms of this process inside upsertLetter per letter: all, first tenth, last tenth. */
    cpuMsPerLetter: number;
    firstTenthCpuMs: number;
    lastTenthCpuMs: number;
    peakRssMb: number;
    /** Queries sent to PostgreSQL per letter (every pg client of the process); absent for SQLite. */
    roundTripsPerLetter?: number;
  };
  /** Letters in the store when measured (fewer than `size` when the ingest was stopped). */
  lettersInStore?: number;
  bytesPerLetter?: number;
  bytesOnDisk?: number;
  search?: {
    queries: number;
    p50Ms: number;
    p95Ms: number;
    maxMs: number;
    /** CPU time of the searching process (SQLite's work; not PostgreSQL's server). */
    cpuP50Ms?: number;
    cpuP95Ms?: number;
    perQuery: Record<string, number>;
  };
  export?: {
    letters: number;
    ms: number;
    lettersPerSecond: number;
    peakRssMb: number;
    /** CPU of the export process, and per 1,000 letters after taking off what `status` costs (start-up). */
    cpuMs?: number;
    cpuMsPerThousand?: number;
  };
  thread?: { letters: number; threads: number; ms: number };
  /** peakRssMb: the CLI's own baseline, to read export's peak RSS against. */
  status?: { ms: number; wallMs: number; peakRssMb?: number; cpuMs?: number };
  machine?: string;
}

export const resultPath = (dir: string, engine: string, size: number): string =>
  join(dir, `result-${engine}-${size}.json`);

export function saveResult(dir: string, result: ScaleResult): void {
  writeFileSync(resultPath(dir, result.engine, result.size), `${JSON.stringify(result, null, 2)}\n`);
}

export function readResults(dir: string): ScaleResult[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((name) => /^result-.*\.json$/.test(name));
  } catch {
    return [];
  }
  return names
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as ScaleResult)
    .sort((a, b) => a.engine.localeCompare(b.engine) || a.size - b.size);
}

const n = (value: number | undefined, digits = 0): string =>
  value === undefined
    ? '-'
    : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function formatTable(results: readonly ScaleResult[]): string {
  const lines = [
    '| store | letters | ingest letters/s | ingest CPU ms / letter (first / last tenth) | bytes on disk / letter | search p50 / p95 ms (CPU p95) | export letters/s (CPU ms / 1,000 letters; peak RSS MB) | thread rebuild, 5,000 letters | `status` ms (wall with Node start) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const i = r.ingest;
    lines.push(
      `| ${r.engine} | ${n(r.lettersInStore ?? r.size)} | ${i ? n(i.letters / (i.storeMs / 1000)) : '-'} | ${i?.cpuMsPerLetter !== undefined ? `${n(i.cpuMsPerLetter, 2)} (${n(i.firstTenthCpuMs, 2)} / ${n(i.lastTenthCpuMs, 2)})` : '-'} | ${n(r.bytesPerLetter)} | ${r.search ? `${n(r.search.p50Ms, 1)} / ${n(r.search.p95Ms, 1)} (${n(r.search.cpuP95Ms, 1)})` : '-'} | ${r.export ? `${n(r.export.lettersPerSecond)} (${n(r.export.cpuMsPerThousand)}; ${n(r.export.peakRssMb)})` : '-'} | ${r.thread ? `${n(r.thread.ms / 1000, 1)} s (${n(r.thread.threads)} threads)` : '-'} | ${r.status ? `${n(r.status.ms)} (${n(r.status.wallMs)})` : '-'} |`,
    );
  }
  return lines.join('\n');
}
