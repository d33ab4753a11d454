/**
 * The parse stage: archived raw bytes -> Letter (submission parsing, normalisation, letter parsing, header
 * facts; see build-letter.ts) -> upsert by accession. A run stores the letters its scope wants; the others stay
 * `fetched`, held back with the reason and their file numbers (and a note for people). No EDGAR request.
 */
import { ArchiveIntegrityError } from '../archive/raw-archive.ts';
import { linkThroughThreads, type ThreadFacts } from '../discover/attribution.ts';
import { HOLD_REASONS, type Hold } from '../filing/filing-record.ts';
import { scopeStores, type Scope } from '../filing/scope.ts';
import type { Letter } from '../letter/schema.ts';
import type { InferredFileNumber, UpsertOutcome } from '../store/document-store.ts';
import { badInput } from '../submission/bad-input.ts';
import type { BuildLetterContext } from './build-letter.ts';
import type { PipelineDeps } from './pipeline-deps.ts';

export interface ParseInput {
  readonly accessionNumber: string;
  readonly scope?: Scope;
}

export const PARSE_OUTCOMES = ['stored', ...HOLD_REASONS] as const;
/** Stored (upserted) as a letter, or held back for one of the HOLD_REASONS. */
export type ParseOutcome = (typeof PARSE_OUTCOMES)[number];

export interface ParseOutput {
  readonly accessionNumber: string;
  readonly outcome: ParseOutcome;
  readonly letter: Letter;
  /** Store outcome when stored, else null. */
  readonly upsert: UpsertOutcome | null;
  /** The hold recorded when not stored, else null. */
  readonly hold: Hold | null;
}

/** The letter builder; the embedded runner may pass one that runs on a worker thread pool. */
export type LetterBuilder = (raw: Uint8Array, context: BuildLetterContext) => Promise<Letter>;

export interface ParseDeps extends PipelineDeps {
  /** Default: build in this thread (build-letter.ts, loaded on first use); the CLI passes a ParsePool's. */
  readonly buildLetter?: LetterBuilder;
}

let inThread: LetterBuilder | null = null;
/** buildLetter in this thread, imported only when no pool builds letters (it loads pdf.js and cheerio). */
async function inThreadBuilder(): Promise<LetterBuilder> {
  inThread ??= (await import('./build-letter.ts')).buildLetter;
  return inThread;
}

/** Raw bytes of an archived filing; a damaged archive object fails the filing (a later fetch repairs it). */
async function readArchived(
  deps: PipelineDeps,
  accessionNumber: string,
): Promise<{ raw: Buffer; cik: string | null; listedDate: string | null }> {
  const record = await deps.store.getFiling(accessionNumber);
  let sha256 = record?.archiveSha256 ?? null;
  if (sha256 === null) {
    const entry = await deps.archive.lookup(accessionNumber);
    if (entry === null) throw new Error(`${accessionNumber} is not archived: it must be fetched before it is parsed`);
    await deps.store.recordFetched(accessionNumber, entry);
    sha256 = entry.sha256;
  }
  try {
    return { raw: await deps.archive.read(sha256), cik: record?.cik ?? null, listedDate: record?.filingDate ?? null };
  } catch (error) {
    if (error instanceof ArchiveIntegrityError) {
      throw badInput('archive-damaged', accessionNumber, `${error.message}; it is fetched again next run`, {
        cause: error,
      });
    }
    throw error;
  }
}

/** The file numbers the company's listing gives its filings (for PUBLIC REFERENCE ACCESSION NUMBER). */
async function listingContext(deps: PipelineDeps, cik: string | null): Promise<Record<string, string[]>> {
  const numbers: Record<string, string[]> = {};
  if (cik === null) return numbers;
  for (const filing of await deps.store.listListedFilings({ cik })) {
    if (filing.fileNumbers.length > 0) numbers[filing.accessionNumber] = [...filing.fileNumbers];
  }
  return numbers;
}

/** Builds the Letter of one archived filing (no store write). */
export async function loadLetter(deps: ParseDeps, accessionNumber: string): Promise<Letter> {
  const { raw, cik, listedDate } = await readArchived(deps, accessionNumber);
  const listing = await listingContext(deps, cik);
  const context: BuildLetterContext = { accessionNumber, listedFilingDate: listedDate, listingFileNumbers: listing };
  const build = deps.buildLetter ?? (await inThreadBuilder());
  return build(raw, context);
}

/** What a hold says to people: why the letter is archived but not stored. */
function holdNote(hold: Hold, scope: NonNullable<Scope>): string {
  const wanted = scope.fileNumbers.join(', ');
  return hold.reason === 'unnumbered'
    ? `unnumbered: no file number in its header or text; not stored for ${wanted} unless its review thread ties it there`
    : `not attributed: concerns ${hold.fileNumbers.join(', ')}, not ${wanted}; archived, not stored for this backfill`;
}

export async function parseFiling(deps: ParseDeps, input: ParseInput): Promise<ParseOutput> {
  const { accessionNumber } = input;
  const letter = await loadLetter(deps, accessionNumber);
  const scope = input.scope ?? null;
  if (scope === null || scopeStores(scope, letter.fileNumbers)) {
    const upsert = await deps.store.upsertLetter(letter);
    return { accessionNumber, outcome: 'stored', letter, upsert, hold: null };
  }
  const hold: Hold = {
    reason: letter.fileNumbers.length === 0 ? 'unnumbered' : 'not-attributed',
    fileNumbers: letter.fileNumbers,
    parserVersion: letter.parserVersion,
  };
  await deps.store.recordHeld(accessionNumber, hold, holdNote(hold, scope));
  return { accessionNumber, outcome: hold.reason, letter, upsert: null, hold };
}

const facts = (letter: Letter): ThreadFacts => ({
  accessionNumber: letter.accessionNumber,
  ciks: [letter.cik, ...letter.filers.map((f) => f.cik)],
  sender: letter.sender,
  letterDate: letter.letterDate,
  inResponseTo: letter.inResponseTo,
});

/** The warning that tells people a file number was inferred (the store keeps the inference itself). */
export function inferredFileNumberWarning(inferred: InferredFileNumber): string {
  const how = inferred.relation === 'answers' ? `it answers ${inferred.via}` : `${inferred.via} answers it`;
  return `file number ${inferred.fileNumber} inferred from its review thread (${how}): the letter names none`;
}

export interface AttributeUnnumberedInput {
  readonly fileNumber: string;
  /** The CIKs the file number resolved to. */
  readonly ciks: readonly string[];
}

/**
 * End of a file-number backfill: letters of these CIKs held back as unnumbered are stored under the file
 * number when their review thread ties them to a stored letter of it (a response answering its comment letter,
 * or the comment letter a response of it answers), with the inference recorded and a warning saying so.
 * Returns the accessions stored.
 */
export async function attributeUnnumbered(deps: ParseDeps, input: AttributeUnnumberedInput): Promise<string[]> {
  const candidates: Letter[] = [];
  for (const cik of input.ciks) {
    for (const filing of await deps.store.listFilings({ states: ['fetched'], cik })) {
      if (filing.hold?.reason === 'unnumbered') candidates.push(await loadLetter(deps, filing.accessionNumber));
    }
  }
  if (candidates.length === 0) return [];
  const attributed: ThreadFacts[] = [];
  for await (const letter of deps.store.listLetters({ fileNumber: input.fileNumber })) attributed.push(facts(letter));
  const links = linkThroughThreads(candidates.map(facts), attributed);
  const stored: string[] = [];
  for (const link of links) {
    const letter = candidates.find((c) => c.accessionNumber === link.accessionNumber)!;
    const inferred: InferredFileNumber = { fileNumber: input.fileNumber, via: link.via, relation: link.relation };
    await deps.store.upsertLetter(
      {
        ...letter,
        fileNumbers: [input.fileNumber],
        warnings: [...letter.warnings, inferredFileNumberWarning(inferred)],
      },
      { inferredFileNumbers: [inferred] },
    );
    stored.push(letter.accessionNumber);
  }
  return stored;
}
