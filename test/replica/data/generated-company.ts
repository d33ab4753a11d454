/**
 * A generated company with as many letters as a benchmark needs: deterministic for a seed, review threads
 * (comment -> response [-> comment -> response] -> review complete) spread from 2005 to 2025 in the shape of
 * their year (PEM envelope and plain-text or classic HTML letters early on, Workiva HTML later, TEXT-EXTRACT
 * from mid-2018, SEC FILE NUMBER in UPLOAD headers from mid-2023), plus other filings (10-K, 10-Q, 8-K) so the
 * submissions JSON overflows into extra pages.
 */

import type { ReplicaCompany, ReplicaFiling } from '../dataset.ts';
import { addDays, disseminationAfter, nextWeekday } from './calendar.ts';
import type { CompanyProfile, CorrespFormat } from './filing-builders.ts';
import { buildCorrespFiling, buildOtherFiling, buildUploadFiling, companyOf } from './filing-builders.ts';
import type { GeneratedCompanyFacts, RoundStyle } from './generated-letters.ts';
import { TOPICS, companyResponse, itemsFor, staffComment } from './generated-letters.ts';

export interface GeneratedCompanyOptions {
  /** Number of CORRESP + UPLOAD letters. */
  readonly letters: number;
  readonly seed?: number;
  /** Default 1800000 + seed. */
  readonly cik?: string;
  /** Other filings (10-K, 10-Q, 8-K) besides the letters; default: as many as letters. */
  readonly otherFilings?: number;
  /** First and last filing year of the letters (default 2005 and 2025). */
  readonly fromYear?: number;
  readonly toYear?: number;
}

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  'Northgate Instruments',
  'Pellucid Foods',
  'Cobalt Ridge Energy',
  'Marlow Biosciences',
  'Tessera Freight',
];
const NUMBERINGS = ['dot', 'dot', 'comment-label', 'paren', 'dash-dot'] as const;
const MARKERS = ['response-colon', 'none', 'company-response', 'response-bare'] as const;
const QUOTES = ['bold', 'italic', 'underline', 'plain'] as const;

/** The profile (name, file number, SGML header blocks) of the company generated for `seed` and `cik`. */
export function profileFor(seed: number, cik: string): CompanyProfile {
  const base = NAMES[seed % NAMES.length]!;
  const name = `${base}, Inc.`;
  const fileNumber = `001-${String(30000 + ((seed * 7919) % 9000)).padStart(5, '0')}`;
  const address = { street1: `${100 + (seed % 800)} MARKET STREET`, city: 'COLUMBUS', state: 'OH', zip: '43215' };
  return {
    cik,
    name,
    tickers: [base.replace(/[^A-Z]/g, '').slice(0, 3) + String.fromCharCode(65 + (seed % 26))],
    exchanges: ['NYSE'],
    sic: '3829',
    sicDescription: 'Measuring & Controlling Devices, NEC',
    entityType: 'operating',
    stateOfIncorporation: 'OH',
    fiscalYearEnd: '1231',
    formerNames: [],
    fileNumbers: [fileNumber],
    filer: {
      companyName: name,
      cik,
      sic: { code: '3829', description: 'MEASURING & CONTROLLING DEVICES, NEC' },
      stateOfIncorporation: 'OH',
      fiscalYearEnd: '1231',
      businessAddress: { ...address, phone: '614-555-0100' },
      mailAddress: address,
    },
  };
}

function correspFormat(date: string, r: number): CorrespFormat {
  if (date < '2008-01-01') return r < 0.5 ? 'text' : 'html-classic';
  if (date < '2013-01-01') return r < 0.9 ? 'html-classic' : 'pdf';
  return r < 0.95 ? 'html-modern' : 'pdf';
}

interface Counter {
  next(prefix: string, date: string): string;
}

function accessionCounter(): Counter {
  const counts = new Map<string, number>();
  return {
    next(prefix, date) {
      const yy = date.slice(2, 4);
      const key = `${prefix}-${yy}`;
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      return `${prefix}-${yy}-${String(n * 37 + 1000).padStart(6, '0')}`;
    },
  };
}

function time(r: () => number, fromHour: number, toHour: number): string {
  const seconds = Math.floor(fromHour * 3600 + r() * (toHour - fromHour) * 3600);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** A company with `letters` letters in review threads, deterministic for `seed`. */
export async function buildGeneratedCompany(options: GeneratedCompanyOptions): Promise<ReplicaCompany> {
  const seed = options.seed ?? 1;
  const cik = options.cik ?? String(1800000 + seed);
  const profile = profileFor(seed, cik);
  const facts: GeneratedCompanyFacts = {
    name: profile.name,
    fileNumber: profile.fileNumbers[0]!,
    address: ['100 Market Street', 'Columbus, Ohio 43215'],
    officer: { name: 'Evelyn Marsh', title: 'Chief Financial Officer' },
    form: '10-K',
  };
  const r = prng(seed);
  const ids = accessionCounter();
  const agent = `000${String(1013762 + (seed % 5)).padStart(7, '0')}`;
  const from = Date.UTC(options.fromYear ?? 2005, 1, 1);
  const to = Date.UTC(options.toYear ?? 2025, 5, 30);
  // threads of 3 (one round) or 5 (two rounds) letters until the count is reached
  const lengths: number[] = [];
  for (let left = options.letters; left > 0;) {
    const len = left <= 5 ? left : r() < 0.6 ? 3 : 5;
    lengths.push(len);
    left -= len;
  }
  const span = (to - from) / 86_400_000 / Math.max(1, lengths.length);
  const jobs: Promise<ReplicaFiling>[] = [];
  lengths.forEach((length, threadIndex) => {
    let date = nextWeekday(addDays(new Date(from).toISOString().slice(0, 10), Math.floor(threadIndex * span)));
    const fiscalYear = Number(date.slice(0, 4)) - 1;
    const style: RoundStyle = {
      numbering: NUMBERINGS[Math.floor(r() * NUMBERINGS.length)]!,
      marker: MARKERS[Math.floor(r() * MARKERS.length)]!,
      quote: QUOTES[Math.floor(r() * QUOTES.length)]!,
    };
    const planned: { kind: 'comment' | 'response' | 'complete'; date: string; time: string }[] = [];
    for (let i = 0; i < length; i++) {
      const kind = i === length - 1 && length % 2 === 1 ? 'complete' : i % 2 === 0 ? 'comment' : 'response';
      planned.push({ kind, date, time: kind === 'response' ? time(r, 6, 20) : time(r, 9, 18) });
      date = nextWeekday(addDays(date, 7 + Math.floor(r() * 20)));
    }
    const reviewEnd = planned[planned.length - 1]!.date;
    const disseminationDate = disseminationAfter(reviewEnd, Math.floor(r() * 10));
    const topicCount = 1 + Math.floor(r() * 3);
    let topics = Array.from({ length: topicCount }, () => Math.floor(r() * TOPICS.length));
    let lastComment: { date: string; items: ReturnType<typeof itemsFor> } | null = null;
    let lastResponseDate: string | null = null;
    for (const step of planned) {
      const modernUpload = step.date >= '2023-07-01';
      const common = {
        filingDate: step.date,
        acceptanceTime: step.time,
        disseminationDate,
        pem: step.date < '2008-01-01',
      };
      if (step.kind === 'response' && lastComment) {
        const letter = companyResponse(
          facts,
          step.date,
          fiscalYear,
          lastComment.date,
          lastComment.items,
          topics,
          style,
        );
        const format = correspFormat(step.date, r());
        jobs.push(
          buildCorrespFiling(profile, { ...common, accessionNumber: ids.next(agent, step.date), letter, format }),
        );
        lastResponseDate = step.date;
      } else {
        const items: ReturnType<typeof itemsFor> =
          step.kind === 'complete'
            ? []
            : lastComment
              ? itemsFor(topics.slice(0, Math.max(1, topics.length - 1)), (n) => n)
              : itemsFor(topics, null);
        if (step.kind !== 'complete' && lastComment) topics = topics.slice(0, Math.max(1, topics.length - 1));
        const letter = staffComment(facts, step.date, fiscalYear, items, lastResponseDate);
        jobs.push(
          buildUploadFiling(profile, {
            ...common,
            pem: false,
            accessionNumber: ids.next('0000000000', step.date),
            letter,
            textExtract: step.date >= '2018-07-01',
            ...(modernUpload ? { headerFileNumber: facts.fileNumber, listedFileNumber: facts.fileNumber } : {}),
          }),
        );
        if (step.kind === 'comment') lastComment = { date: step.date, items };
      }
    }
  });
  const filings = await Promise.all(jobs);
  const others = options.otherFilings ?? options.letters;
  const otherSpan = (to - from) / 86_400_000 / Math.max(1, others);
  for (let i = 0; i < others; i++) {
    const date = nextWeekday(addDays(new Date(from).toISOString().slice(0, 10), Math.floor(i * otherSpan)));
    const form = i % 12 === 0 ? '10-K' : i % 4 === 0 ? '10-Q' : '8-K';
    filings.push(
      buildOtherFiling(profile, {
        accessionNumber: ids.next(agent, date),
        form,
        filingDate: date,
        acceptanceTime: time(r, 8, 18),
        fileNumber: facts.fileNumber,
        primaryDocument: `${form.toLowerCase().replace(/-/g, '')}-${date.replace(/-/g, '')}.htm`,
        primaryDocDescription: form,
        summary: `${form} of ${profile.name} filed ${date}.`,
      }),
    );
  }
  return companyOf(profile, filings);
}
