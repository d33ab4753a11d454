/**
 * Parser figures on the real-letter corpus (read at run time from a path; nothing of it is written anywhere):
 * every CORRESP/UPLOAD wrapped as its submission by the corpus loader, run through parseSubmission ->
 * normalizeSubmission -> parseLetter as a backfill would. Reports the kind distribution and the issue's two
 * measures: of the company responses that have an UPLOAD of the same company dated within 120 days before
 * them, the share whose inResponseTo is such an UPLOAD's letterDate ("linked"); of linked pairs, the share
 * whose item-number sets are equal. Every miss is put in a category.
 */
import { describeError } from '../../src/errors.ts';
import { daysBetween } from '../../src/letter/dates.ts';
import { parseLetter, type ParsedLetter } from '../../src/letter/parse-letter.ts';
import { buildThreads } from '../../src/letter/threads.ts';
import { normalizeSubmission } from '../../src/normalize/normalize-submission.ts';
import { parseSubmission } from '../../src/submission/parse-submission.ts';
import { readCorpusIndex, wrapCorpusLetter, type CorpusRow } from './corpus.ts';

export const CORPUS_TARGETS = { linked: 0.9, itemsEqual: 0.85 } as const;
export const LINK_WINDOW_DAYS = 120;

/** What the measures read of a parsed letter: a ParsedLetter or a whole Letter both fit. */
export type MeasuredLetter = Pick<
  ParsedLetter,
  'kind' | 'letterDate' | 'inResponseTo' | 'items' | 'fileNumbers' | 'references'
>;

export interface CorpusParsed {
  readonly row: CorpusRow;
  readonly cik: string;
  readonly filingDate: string;
  readonly acceptanceDateTime: string | null;
  readonly letter: MeasuredLetter;
}

export interface CorpusMiss {
  readonly accession: string;
  readonly ticker: string;
  readonly category: string;
  readonly detail: string;
}

export interface CorpusReport {
  readonly letters: number;
  readonly failed: ReadonlyArray<{ accession: string; reason: string }>;
  readonly skipped: number;
  /** "UPLOAD:comment" -> count. */
  readonly kinds: Record<string, number>;
  readonly eligible: number;
  readonly linked: number;
  readonly itemsEqual: number;
  readonly linkedShare: number;
  readonly itemsEqualShare: number;
  /** Category -> count, for misses of either measure. */
  readonly categories: Record<string, number>;
  readonly misses: readonly CorpusMiss[];
  readonly threads: { readonly count: number; readonly byStatus: Record<string, number> };
  readonly belowTarget: ReadonlyArray<{ measure: keyof typeof CORPUS_TARGETS; value: number; target: number }>;
}

function dateOf(p: CorpusParsed): string {
  return p.letter.letterDate ?? p.filingDate;
}

function numbers(p: CorpusParsed): string {
  return [...new Set(p.letter.items.map((i) => i.number))].sort((a, b) => a - b).join(',');
}

/** Parses every letter of the corpus at `dir`. Letters that fail are listed with their reason. */
export async function parseCorpus(
  dir: string,
): Promise<{ parsed: CorpusParsed[]; failed: Array<{ accession: string; reason: string }>; skipped: number }> {
  const index = readCorpusIndex(dir);
  const parsed: CorpusParsed[] = [];
  const failed: Array<{ accession: string; reason: string }> = [];
  for (const row of index.letters) {
    try {
      const wrapped = wrapCorpusLetter(dir, row);
      const submission = parseSubmission(wrapped.submission);
      const normalized = await normalizeSubmission(submission);
      const filer = submission.header.filers[0];
      const form = row.form === 'UPLOAD' ? 'UPLOAD' : 'CORRESP';
      parsed.push({
        row,
        cik: filer?.cik ?? row.ticker,
        filingDate: submission.header.filedAsOfDate ?? row.filingDate,
        acceptanceDateTime: submission.header.acceptanceDateTime,
        letter: parseLetter({
          form,
          normalized,
          filingDate: submission.header.filedAsOfDate ?? row.filingDate,
          companyName: filer?.name ?? '',
          headerFileNumbers: submission.header.fileNumbers,
        }),
      });
    } catch (error) {
      failed.push({ accession: row.accession, reason: describeError(error) });
    }
  }
  return { parsed, failed, skipped: index.skipped.length };
}

function itemsCategory(response: string, comment: string): string {
  if (response === '') return 'response has no numbered items';
  if (comment === '') return 'comment letter items not found';
  const r = response.split(',').map(Number);
  const c = new Set(comment.split(',').map(Number));
  if (r.every((n) => c.has(n))) return 'response answers a subset of the comments';
  if (r.some((n) => !c.has(n)) && [...c].every((n) => r.includes(n)))
    return 'response has numbers the comment letter lacks';
  return 'item numbers differ otherwise';
}

/** The issue's corpus measures over parsed letters. */
export function measureCorpus(
  parsed: readonly CorpusParsed[],
  extra: { failed?: CorpusReport['failed']; skipped?: number } = {},
): CorpusReport {
  const kinds: Record<string, number> = {};
  for (const p of parsed) {
    const key = `${p.row.form}:${p.letter.kind}`;
    kinds[key] = (kinds[key] ?? 0) + 1;
  }
  const uploads = parsed.filter((p) => p.row.form === 'UPLOAD');
  const misses: CorpusMiss[] = [];
  let eligible = 0;
  let linked = 0;
  let itemsEqual = 0;
  for (const p of parsed) {
    if (p.row.form !== 'CORRESP' || p.letter.kind !== 'response') continue;
    const when = dateOf(p);
    const before = uploads
      .filter((u) => u.row.ticker === p.row.ticker)
      .filter((u) => {
        const gap = daysBetween(dateOf(u), when);
        return gap >= 0 && gap <= LINK_WINDOW_DAYS;
      });
    if (before.length === 0) continue;
    eligible += 1;
    const miss = (category: string, detail: string): void => {
      misses.push({ accession: p.row.accession, ticker: p.row.ticker, category, detail });
    };
    const answered = before.filter(
      (u) => u.letter.letterDate !== null && u.letter.letterDate === p.letter.inResponseTo,
    );
    if (answered.length === 0) {
      const dates = before.map((u) => `${u.letter.letterDate ?? `no date (filed ${u.filingDate})`} ${u.row.accession}`);
      if (p.letter.inResponseTo === null)
        miss('not linked: no staff letter date found in the response', dates.join('; '));
      else if (before.some((u) => u.letter.letterDate === null))
        miss(
          'not linked: the answered UPLOAD has no letter date',
          `inResponseTo ${p.letter.inResponseTo}; ${dates.join('; ')}`,
        );
      else
        miss(
          'not linked: the date names no UPLOAD of the window',
          `inResponseTo ${p.letter.inResponseTo}; ${dates.join('; ')}`,
        );
      continue;
    }
    linked += 1;
    const mine = numbers(p);
    const equal = answered.find((u) => numbers(u) === mine);
    if (equal) itemsEqual += 1;
    else {
      const other = answered[0]!;
      miss(
        `items differ: ${itemsCategory(mine, numbers(other))}`,
        `response [${mine}] vs ${other.row.accession} [${numbers(other)}]`,
      );
    }
  }
  const categories: Record<string, number> = {};
  for (const m of misses) categories[m.category] = (categories[m.category] ?? 0) + 1;
  const threads = buildThreads(
    parsed.map((p) => ({
      accessionNumber: p.row.accession,
      form: p.row.form === 'UPLOAD' ? ('UPLOAD' as const) : ('CORRESP' as const),
      cik: p.cik,
      fileNumbers: p.letter.fileNumbers,
      references: p.letter.references,
      referenceAccession: null,
      acceptanceDateTime: p.acceptanceDateTime,
      filingDate: p.filingDate,
      letterDate: p.letter.letterDate,
      inResponseTo: p.letter.inResponseTo,
      kind: p.letter.kind,
      items: p.letter.items,
    })),
  );
  const byStatus: Record<string, number> = {};
  for (const t of threads) byStatus[t.status] = (byStatus[t.status] ?? 0) + 1;
  const linkedShare = eligible === 0 ? 0 : linked / eligible;
  const itemsEqualShare = linked === 0 ? 0 : itemsEqual / linked;
  const belowTarget: Array<{ measure: keyof typeof CORPUS_TARGETS; value: number; target: number }> = [];
  if (linkedShare < CORPUS_TARGETS.linked)
    belowTarget.push({ measure: 'linked', value: linkedShare, target: CORPUS_TARGETS.linked });
  if (itemsEqualShare < CORPUS_TARGETS.itemsEqual)
    belowTarget.push({ measure: 'itemsEqual', value: itemsEqualShare, target: CORPUS_TARGETS.itemsEqual });
  return {
    letters: parsed.length,
    failed: extra.failed ?? [],
    skipped: extra.skipped ?? 0,
    kinds,
    eligible,
    linked,
    itemsEqual,
    linkedShare,
    itemsEqualShare,
    categories,
    misses,
    threads: { count: threads.length, byStatus },
    belowTarget,
  };
}

export async function evaluateCorpus(dir: string): Promise<CorpusReport> {
  const { parsed, failed, skipped } = await parseCorpus(dir);
  return measureCorpus(parsed, { failed, skipped });
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

export function formatCorpusReport(report: CorpusReport, options: { misses?: boolean } = {}): string {
  const lines = [
    `Corpus: ${report.letters} letters parsed, ${report.failed.length} failed, ${report.skipped} outside the Letter schema skipped`,
    `kinds: ${Object.entries(report.kinds)
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    `linked: ${report.linked}/${report.eligible} = ${pct(report.linkedShare)} (target >= ${pct(CORPUS_TARGETS.linked)})` +
      (report.linkedShare < CORPUS_TARGETS.linked ? '  BELOW' : ''),
    `item numbers equal: ${report.itemsEqual}/${report.linked} = ${pct(report.itemsEqualShare)} (target >= ${pct(CORPUS_TARGETS.itemsEqual)})` +
      (report.itemsEqualShare < CORPUS_TARGETS.itemsEqual ? '  BELOW' : ''),
    `threads: ${report.threads.count} (${Object.entries(report.threads.byStatus)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')})`,
    'misses by category:',
    ...Object.entries(report.categories)
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `  ${String(n).padStart(3)}  ${c}`),
  ];
  for (const f of report.failed) lines.push(`failed: ${f.accession} ${f.reason}`);
  if (options.misses)
    for (const m of report.misses) lines.push(`  ${m.ticker} ${m.accession} ${m.category}: ${m.detail}`);
  return `${lines.join('\n')}\n`;
}
