/**
 * Synthetic letters shaped like real ones, for the store benchmark (test/bench/scale.ts). The shape was set
 * from the parsed evaluation corpus (647 letters; only counts and lengths were read, no text): UPLOAD 56% of
 * letters (comment 59%, review complete 35%, no review 6%), CORRESP 44% (response 71%, acceleration 12%,
 * extension 11%, other 6%); a staff comment median 490 characters (p90 1,070); a company response median
 * 1,220 (p90 5,720); 1-35 items per comment letter (median 2-3); letter text UPLOAD median 2.1 k / mean 2.5 k
 * characters, CORRESP median 6.3 k / mean 9.2 k; about one table per response letter. Letters come company
 * by company, each company's reviews in date order (comment, response, sometimes a second round, review
 * complete, now and then an acceleration or extension request), so threads form as in real data. The first
 * company has BIG_COMPANY_LETTERS letters. Every letter passes LetterSchema. Deterministic for a seed.
 */
import { createHash } from 'node:crypto';
import type { Item, Letter, LetterKind, Person } from '../../../src/letter/schema.ts';
import { seededRandom, type Random } from './random.ts';
import { zipfVocabulary, type Vocabulary } from './vocabulary.ts';

export const BIG_COMPANY_CIK = '1999999';
export const BIG_COMPANY_LETTERS = 5000;

const FIRST = [
  'Anne',
  'Brian',
  'Carla',
  'David',
  'Elena',
  'Frank',
  'Grace',
  'Hector',
  'Irene',
  'James',
  'Karen',
  'Louis',
];
const LAST = [
  'Adams',
  'Baker',
  'Chen',
  'Diaz',
  'Evans',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ito',
  'Jensen',
  'Klein',
  'Lopez',
];
const OFFICES = [
  'Office of Technology',
  'Office of Manufacturing',
  'Office of Finance',
  'Office of Energy & Transportation',
];
const AGENTS = ['0001193125', '0001104659', '0001213900', '0001628280', '0001558370'];
const REVIEWED = ['10-K', '10-Q', '20-F', 'S-1', 'S-4', 'DEF 14A', '8-K'];
const LAST_DAY = Date.UTC(2025, 10, 28);
const FIRST_DAY = Date.UTC(2005, 0, 3);
const DAY = 86_400_000;
const SENTENCES = 200_000;

interface Company {
  readonly cik: string;
  readonly name: string;
  readonly periodicFileNumber: string;
  readonly letters: number;
}

interface Context {
  readonly random: Random;
  readonly words: Vocabulary;
  readonly sentences: readonly string[];
  /** Next sequence per accession prefix and year. */
  readonly sequences: Map<string, number>;
}

const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);
const person = (random: Random): Person => ({ name: `${random.pick(FIRST)} ${random.pick(LAST)}`, title: null });

/** Sentences of 8 to 24 Zipf-drawn words, some with an amount: letters are made of draws from this pool. */
function sentencePool(random: Random, words: Vocabulary, size: number): string[] {
  return Array.from({ length: size }, () => {
    const count = random.int(8, 24);
    const drawn = Array.from({ length: count }, () => words.word(random));
    if (random.next() < 0.15) drawn.splice(random.int(1, count - 1), 0, `$${random.int(1, 999)}.${random.int(0, 9)}`);
    const sentence = `${drawn.join(' ')}.`;
    return sentence[0]!.toUpperCase() + sentence.slice(1);
  });
}

/** About `length` characters of sentences from the pool (drawing words one by one costs too much at 10^6). */
function prose(ctx: Context, length: number): string {
  const sentences: string[] = [];
  let size = 0;
  while (size < length) {
    const sentence = ctx.random.pick(ctx.sentences);
    sentences.push(sentence);
    size += sentence.length + 1;
  }
  return sentences.join(' ');
}

function accession(ctx: Context, prefix: string, time: number): string {
  const year = String(new Date(time).getUTCFullYear() % 100).padStart(2, '0');
  const key = `${prefix}-${year}`;
  const next = (ctx.sequences.get(key) ?? 0) + 1;
  ctx.sequences.set(key, next);
  return `${key}-${String(next).padStart(6, '0')}`;
}

interface Review {
  readonly company: Company;
  readonly fileNumber: string;
  readonly reviewedForm: string;
  readonly fiscalYearEnd: string;
  readonly filedDate: string;
  readonly referenceAccession: string;
  readonly addressee: Person;
  readonly staff: readonly string[];
  readonly office: string;
}

interface Draft {
  readonly review: Review;
  readonly time: number;
  readonly kind: LetterKind;
  readonly inResponseTo: string | null;
  readonly items: readonly Item[];
  readonly body: string;
  readonly tables: Letter['tables'];
}

function subjectLines(review: Review): string {
  return `Re: ${review.company.name}\n${review.reviewedForm} for the Fiscal Year Ended ${review.fiscalYearEnd}\nFiled ${review.filedDate}\nFile No. ${review.fileNumber}`;
}

/** The Letter of a draft: text laid out as a letter, header facts as the parser would give them. */
function toLetter(ctx: Context, draft: Draft): Letter {
  const { review, time } = draft;
  const upload = draft.kind === 'comment' || draft.kind === 'review_complete' || draft.kind === 'no_review';
  const date = isoDay(time);
  const prefix = upload
    ? '0000000000'
    : ctx.random.next() < 0.3
      ? review.company.cik.padStart(10, '0')
      : ctx.random.pick(AGENTS);
  const accessionNumber = accession(ctx, prefix, time);
  const signer = upload
    ? { name: review.staff[0]!, title: 'Staff Attorney' }
    : { ...review.addressee, title: 'Chief Financial Officer' };
  const itemText = draft.items
    .map(
      (item) =>
        `${item.headings.join('\n')}\n${item.number}. ${item.comment ?? ''}${item.response ? `\nResponse: ${item.response}` : ''}`,
    )
    .join('\n\n');
  const text = [
    date,
    subjectLines(review),
    `Dear ${review.addressee.name}:`,
    draft.body,
    itemText,
    `Sincerely,\n${signer.name}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const hour = String(ctx.random.int(6, 21)).padStart(2, '0');
  return {
    accessionNumber,
    form: upload ? 'UPLOAD' : 'CORRESP',
    cik: review.company.cik,
    companyName: review.company.name,
    filers: [{ cik: review.company.cik, name: review.company.name }],
    filingDate: date,
    acceptanceDateTime: `${date}T${hour}:${String(ctx.random.int(0, 59)).padStart(2, '0')}:00-05:00`,
    disseminationDate: upload ? isoDay(time + 20 * DAY) : date,
    fileNumbers: [review.fileNumber],
    sender: upload ? 'sec' : 'company',
    kind: draft.kind,
    letterDate: date,
    inResponseTo: draft.inResponseTo,
    references: [
      {
        form: review.reviewedForm,
        fiscalYearEnd: review.fiscalYearEnd,
        filedDate: review.filedDate,
        fileNumber: review.fileNumber,
      },
    ],
    referenceAccession: upload ? review.referenceAccession : null,
    addressees: upload ? [{ ...review.addressee, title: 'Chief Financial Officer' }] : [],
    secStaff: upload ? [...review.staff] : [],
    office: upload ? review.office : null,
    signatories: [signer],
    cc: upload ? [] : [person(ctx.random).name],
    items: [...draft.items],
    tables: draft.tables,
    text,
    textSource: upload ? (time > Date.UTC(2018, 6, 1) ? 'text-extract' : 'pdf') : 'html',
    documents: [
      {
        sequence: 1,
        type: upload ? 'LETTER' : 'CORRESP',
        filename: upload ? 'filename1.pdf' : 'filename1.htm',
        sha256: createHash('sha256').update(accessionNumber).digest('hex'),
        bytes: Math.round(text.length * (upload ? 9 : 2.5)),
      },
    ],
    threadId: null,
    warnings: [],
    parserVersion: 'bench-1',
  };
}

function comments(ctx: Context, first: number): Item[] {
  const count = Math.min(35, ctx.random.logNormal(2.5, 8, 1));
  return Array.from({ length: count }, (_, i) => ({
    number: first + i,
    headings:
      ctx.random.next() < 0.6
        ? [`${ctx.words.word(ctx.random)} ${ctx.words.word(ctx.random)}, page ${ctx.random.int(2, 180)}`]
        : [],
    pageRef: null,
    comment: prose(ctx, ctx.random.logNormal(490, 1070, 60)),
    response: null,
    priorComments: [],
    topics: [],
    authorities: ctx.random.next() < 0.2 ? [`ASC ${ctx.random.int(205, 980)}-10-${ctx.random.int(15, 55)}`] : [],
  }));
}

function answered(ctx: Context, items: readonly Item[]): Item[] {
  return items.map((item) => ({ ...item, response: prose(ctx, ctx.random.logNormal(1220, 5720, 80)) }));
}

function tablesFor(ctx: Context, items: readonly Item[]): Letter['tables'] {
  const count = ctx.random.next() < 0.45 ? ctx.random.int(1, 4) : 0;
  return Array.from({ length: count }, () => {
    const columns = ctx.random.int(2, 5);
    const rows = ctx.random.int(3, 12);
    return {
      item: items.length > 0 ? ctx.random.pick(items).number : null,
      rows: Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) =>
          c === 0 || r === 0 ? ctx.words.word(ctx.random) : String(ctx.random.int(1, 99_999)),
        ),
      ),
    };
  });
}

/** The letters of one review, from the first comment to the review's end (or a lone no-review letter). */
function reviewDrafts(ctx: Context, review: Review, start: number): Draft[] {
  const { random } = ctx;
  const at = (
    time: number,
    kind: LetterKind,
    inResponseTo: string | null,
    body: number,
    items: Item[] = [],
    tables: Letter['tables'] = [],
  ): Draft => ({
    review,
    time,
    kind,
    inResponseTo,
    items,
    tables,
    body: prose(ctx, body),
  });
  if (random.next() < 0.08) return [at(start, 'no_review', null, random.int(350, 700))];
  const drafts: Draft[] = [];
  let time = start;
  let round = 0;
  do {
    const asked = comments(ctx, round === 0 ? 1 : random.int(1, 3));
    drafts.push(at(time, 'comment', round === 0 ? null : isoDay(drafts.at(-1)!.time), random.int(250, 600), asked));
    const commentDate = isoDay(time);
    if (random.next() < 0.25)
      drafts.push(at((time += random.int(8, 12) * DAY), 'extension_request', commentDate, random.int(500, 1500)));
    const answers = answered(ctx, asked);
    drafts.push(
      at(
        (time += random.int(10, 40) * DAY),
        'response',
        commentDate,
        random.int(400, 1200),
        answers,
        tablesFor(ctx, answers),
      ),
    );
    time += random.int(14, 45) * DAY;
    round += 1;
  } while (random.next() < 0.4 && round < 5);
  drafts.push(at(time, 'review_complete', isoDay(drafts.at(-1)!.time), random.int(350, 700)));
  if (review.reviewedForm.startsWith('S-') && random.next() < 0.6) {
    drafts.push(at(time + random.int(2, 10) * DAY, 'acceleration_request', null, random.int(600, 1800)));
  }
  if (random.next() < 0.12) drafts.push(at(time + random.int(20, 90) * DAY, 'other', null, random.int(800, 3000)));
  return drafts;
}

function newReview(ctx: Context, company: Company, time: number, index: number): Review {
  const { random } = ctx;
  const form = random.pick(REVIEWED);
  const registration = form.startsWith('S-');
  const year = new Date(time).getUTCFullYear() - 1;
  return {
    company,
    fileNumber: registration
      ? `333-${String(100_000 + ((Number(company.cik) * 7 + index) % 900_000))}`
      : company.periodicFileNumber,
    reviewedForm: form,
    fiscalYearEnd: `${year}-12-31`,
    filedDate: isoDay(time - random.int(20, 90) * DAY),
    referenceAccession: `${random.pick(AGENTS)}-${String(year % 100).padStart(2, '0')}-${String(random.int(1, 999_999)).padStart(6, '0')}`,
    addressee: person(random),
    staff: [person(random).name, person(random).name],
    office: random.pick(OFFICES),
  };
}

/** One company's letters, its reviews one after another from a random start (wrapping round at 2025). */
function* companyLetters(ctx: Context, company: Company): Generator<Letter> {
  const { random } = ctx;
  const span = LAST_DAY - FIRST_DAY;
  let time = FIRST_DAY + Math.floor(random.next() * span);
  let emitted = 0;
  for (let index = 0; emitted < company.letters; index += 1) {
    for (const draft of reviewDrafts(ctx, newReview(ctx, company, time, index), time)) {
      if (emitted === company.letters) return;
      const dated = draft.time > LAST_DAY ? { ...draft, time: draft.time - span } : draft;
      yield toLetter(ctx, dated);
      emitted += 1;
    }
    // The next review: weeks to two years later (a big company has many reviews a year, on many numbers).
    time += (company.letters > 500 ? random.int(3, 10) : random.int(120, 720)) * DAY;
    if (time > LAST_DAY) time -= span;
  }
}

export interface SyntheticLetterOptions {
  readonly count: number;
  readonly seed?: number;
  /** Letters of the first company (CIK BIG_COMPANY_CIK); at most half the count. */
  readonly bigCompanyLetters?: number;
}

/** `count` letters, company after company; the same letters for the same options. */
export function* syntheticLetters(options: SyntheticLetterOptions): Generator<Letter> {
  const random = seededRandom(options.seed ?? 20_041);
  const words = zipfVocabulary();
  const ctx: Context = { random, words, sentences: sentencePool(random, words, SENTENCES), sequences: new Map() };
  const big = Math.min(options.bigCompanyLetters ?? BIG_COMPANY_LETTERS, Math.floor(options.count / 2));
  let left = options.count;
  for (let k = 0; left > 0; k += 1) {
    const letters = Math.min(left, k === 0 ? big : ctx.random.logNormal(12, 24, 3));
    if (letters === 0) continue;
    const cik = k === 0 ? BIG_COMPANY_CIK : String(1_000_000 + k);
    const name = `${ctx.words.word(ctx.random)} ${ctx.words.word(ctx.random)} ${ctx.random.pick(['Inc.', 'Corp.', 'Holdings Ltd.', 'Group plc'])}`;
    const company: Company = {
      cik,
      name: name[0]!.toUpperCase() + name.slice(1),
      periodicFileNumber: `001-${30_000 + k}`,
      letters,
    };
    yield* companyLetters(ctx, company);
    left -= letters;
  }
}
