/**
 * The parse stage: archived raw bytes -> Letter (submission parsing, normalisation, letter parsing, header
 * facts; see build-letter.ts) -> upsert by accession. In a file-number backfill only the letters attributed to
 * one of the backfill's numbers are stored; the others stay `fetched` with a note saying why. No EDGAR request.
 */
import { ArchiveIntegrityError } from '../archive/raw-archive.ts';
import { isAttributedTo, linkThroughThreads, type ThreadFacts } from '../discover/attribution.ts';
import { BadInputError } from '../errors.ts';
import type { Letter } from '../letter/schema.ts';
import type { UpsertOutcome } from '../store/document-store.ts';
import type { BuildLetterContext } from './build-letter.ts';
import type { PipelineDeps } from './pipeline-deps.ts';
import { listingFileNumbersCheckpoint, parseListingFileNumbers } from './discover-stage.ts';

/** Which letters a run stores: all (null), or those attributed to one of these file numbers. */
export type ParseScope = { readonly fileNumbers: readonly string[] } | null;

export interface ParseInput {
  readonly accessionNumber: string;
  readonly scope?: ParseScope;
}

export type ParseOutcome =
  /** Stored (upserted) as a letter. */
  | 'stored'
  /** Parsed, attributed to other file numbers only: not stored, noted. */
  | 'not-attributed'
  /** Parsed, no file number at all: not stored yet, noted; `attributeUnnumbered` may tie it to the scope. */
  | 'unnumbered';

export interface ParseOutput {
  readonly accessionNumber: string;
  readonly outcome: ParseOutcome;
  readonly letter: Letter;
  /** Store outcome when stored, else null. */
  readonly upsert: UpsertOutcome | null;
}

/** Notes on filings fetched but not stored; the prefixes are how `attributeUnnumbered` finds its candidates. */
export const NOTE_NOT_ATTRIBUTED = 'not attributed';
export const NOTE_UNNUMBERED = 'unnumbered';

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
      throw new BadInputError('archive-damaged', `${accessionNumber}: ${error.message}; it is fetched again next run`, {
        cause: error,
      });
    }
    throw error;
  }
}

/** The file numbers the company's listing gives other filings (for PUBLIC REFERENCE ACCESSION NUMBER). */
async function listingContext(deps: PipelineDeps, cik: string | null): Promise<Record<string, string[]>> {
  return cik === null ? {} : parseListingFileNumbers(await deps.store.getCheckpoint(listingFileNumbersCheckpoint(cik)));
}

/** Builds the Letter of one archived filing (no store write). */
export async function loadLetter(deps: ParseDeps, accessionNumber: string): Promise<Letter> {
  const { raw, cik, listedDate } = await readArchived(deps, accessionNumber);
  const listing = await listingContext(deps, cik);
  const context: BuildLetterContext = { accessionNumber, listedFilingDate: listedDate, listingFileNumbers: listing };
  const build = deps.buildLetter ?? (await inThreadBuilder());
  return build(raw, context);
}

export async function parseFiling(deps: ParseDeps, input: ParseInput): Promise<ParseOutput> {
  const { accessionNumber } = input;
  const letter = await loadLetter(deps, accessionNumber);
  const scope = input.scope ?? null;
  if (scope === null || scope.fileNumbers.some((n) => isAttributedTo(letter.fileNumbers, n))) {
    const upsert = await deps.store.upsertLetter(letter);
    return { accessionNumber, outcome: 'stored', letter, upsert };
  }
  const wanted = scope.fileNumbers.join(', ');
  if (letter.fileNumbers.length === 0) {
    await deps.store.recordNote(
      accessionNumber,
      `${NOTE_UNNUMBERED}: no file number in its header or text; not stored for ${wanted} unless its review thread ties it there`,
    );
    return { accessionNumber, outcome: 'unnumbered', letter, upsert: null };
  }
  await deps.store.recordNote(
    accessionNumber,
    `${NOTE_NOT_ATTRIBUTED}: concerns ${letter.fileNumbers.join(', ')}, not ${wanted}; archived, not stored for this backfill`,
  );
  return { accessionNumber, outcome: 'not-attributed', letter, upsert: null };
}

const facts = (letter: Letter): ThreadFacts => ({
  accessionNumber: letter.accessionNumber,
  ciks: [letter.cik, ...letter.filers.map((f) => f.cik)],
  sender: letter.sender,
  letterDate: letter.letterDate,
  inResponseTo: letter.inResponseTo,
});

/** The warning that records an inferred file number; `reparse` keeps such numbers. */
export const inferredFileNumberWarning = (fileNumber: string, how: string) =>
  `file number ${fileNumber} inferred from its review thread (${how}): the letter names none`;
export const INFERRED_FILE_NUMBER = /^file number (\S+) inferred from its review thread/;

export interface AttributeUnnumberedInput {
  readonly fileNumber: string;
  /** The CIKs the file number resolved to. */
  readonly ciks: readonly string[];
}

/**
 * End of a file-number backfill: letters of these CIKs with no file number at all are stored under the file
 * number when their review thread ties them to a stored letter of it (a response answering its comment letter,
 * or the comment letter a response of it answers), with a warning saying so. Returns the accessions stored.
 */
export async function attributeUnnumbered(deps: ParseDeps, input: AttributeUnnumberedInput): Promise<string[]> {
  const candidates: Letter[] = [];
  for (const cik of input.ciks) {
    for (const filing of await deps.store.listFilings({ states: ['fetched'], cik })) {
      if (filing.note?.startsWith(NOTE_UNNUMBERED)) candidates.push(await loadLetter(deps, filing.accessionNumber));
    }
  }
  if (candidates.length === 0) return [];
  const attributed: ThreadFacts[] = [];
  for await (const letter of deps.store.listLetters({ fileNumber: input.fileNumber })) attributed.push(facts(letter));
  const links = linkThroughThreads(candidates.map(facts), attributed);
  const stored: string[] = [];
  for (const link of links) {
    const letter = candidates.find((c) => c.accessionNumber === link.accessionNumber)!;
    const how = link.relation === 'answers' ? `it answers ${link.via}` : `${link.via} answers it`;
    await deps.store.upsertLetter({
      ...letter,
      fileNumbers: [input.fileNumber],
      warnings: [...letter.warnings, inferredFileNumberWarning(input.fileNumber, how)],
    });
    stored.push(letter.accessionNumber);
  }
  return stored;
}
