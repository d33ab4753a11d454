/**
 * Stand-ins for the unit tests of the stages (never used by the product): an EdgarClient answering from a map
 * of URLs, and a letter builder reading the Letter JSON that the stand-in "submission" carries. The store and
 * the archive are the real ones (SQLite and a directory in a temp dir).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsRawArchive } from '../../../../src/archive/fs-raw-archive.ts';
import type { EdgarClient, EdgarResponse } from '../../../../src/edgar/client.ts';
import { createEndpoints } from '../../../../src/edgar/endpoints.ts';
import { EdgarNotFoundError } from '../../../../src/errors.ts';
import { LetterSchema, type Letter } from '../../../../src/letter/schema.ts';
import { silentLogger } from '../../../../src/log.ts';
import type { ParseDeps } from '../../../../src/pipeline/parse-stage.ts';
import { SqliteDocumentStore } from '../../../../src/store/sqlite-document-store.ts';

export const BASES = {
  wwwUrl: 'http://www.edgar.test',
  dataUrl: 'http://data.edgar.test',
  eftsUrl: 'http://efts.edgar.test/LATEST',
};
export const endpoints = createEndpoints(BASES);

export class MapEdgarClient implements EdgarClient {
  readonly requests: string[] = [];
  readonly routes = new Map<string, string | Uint8Array>();

  serve(url: string, body: string | Uint8Array | object): this {
    this.routes.set(url, typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body));
    return this;
  }

  async get(url: string): Promise<EdgarResponse> {
    this.requests.push(url);
    const body = this.routes.get(url);
    if (body === undefined) throw new EdgarNotFoundError(url, 404, `${url}: 404 Not Found`);
    return { url, status: 200, headers: {}, body: Buffer.from(body), notModified: false };
  }

  async getJson(url: string): Promise<unknown> {
    return JSON.parse((await this.get(url)).body.toString('utf8'));
  }

  async getText(url: string): Promise<string> {
    return (await this.get(url)).body.toString('utf8');
  }

  async close(): Promise<void> {}
}

/** The stand-in "complete submission": a marker line and the Letter as JSON. */
export function standInSubmission(letter: Letter): string {
  return `STAND-IN SUBMISSION\n${JSON.stringify(letter)}`;
}

/** Reads a stand-in submission back; "BROKEN" bytes fail as bad input would. */
export async function standInBuilder(raw: Uint8Array): Promise<Letter> {
  const text = Buffer.from(raw).toString('utf8');
  if (!text.startsWith('STAND-IN SUBMISSION\n')) {
    const { badInput } = await import('../../../../src/submission/bad-input.ts');
    throw badInput('truncated-submission', null, 'stand-in: not a stand-in submission');
  }
  return LetterSchema.parse(JSON.parse(text.slice(text.indexOf('\n') + 1)));
}

export interface Harness {
  readonly client: MapEdgarClient;
  readonly deps: ParseDeps;
  readonly dir: string;
  /** Reopens the store (as a new process would); the archive directory stays. */
  reopen(options?: { freshStore?: boolean }): Promise<ParseDeps>;
  close(): Promise<void>;
}

export async function openHarness(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'edgar-pipeline-'));
  const client = new MapEdgarClient();
  const open = async (storeName: string): Promise<ParseDeps> => ({
    client,
    endpoints,
    store: await SqliteDocumentStore.open(join(dir, storeName)),
    archive: await FsRawArchive.open(join(dir, 'archive')),
    logger: silentLogger,
    buildLetter: standInBuilder,
  });
  let deps = await open('store.sqlite');
  let stores = 1;
  return {
    client,
    get deps() {
      return deps;
    },
    dir,
    async reopen(options = {}) {
      await deps.store.close();
      if (options.freshStore) stores += 1;
      deps = await open(`store-${stores}.sqlite`);
      return deps;
    },
    async close() {
      await deps.store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Flat submissions columns for rows of (accession, form, date, fileNumber). */
export function submissionColumns(rows: ReadonlyArray<[string, string, string, string?]>) {
  return {
    accessionNumber: rows.map((r) => r[0]),
    filingDate: rows.map((r) => r[2]),
    reportDate: rows.map(() => ''),
    acceptanceDateTime: rows.map((r) => `${r[2]}T10:00:00.000Z`),
    act: rows.map(() => ''),
    form: rows.map((r) => r[1]),
    fileNumber: rows.map((r) => r[3] ?? ''),
    filmNumber: rows.map(() => ''),
    items: rows.map(() => ''),
    size: rows.map(() => 1000),
    isXBRL: rows.map(() => 0),
    isInlineXBRL: rows.map(() => 0),
    primaryDocument: rows.map((r) => (r[1] === 'UPLOAD' ? 'filename1.pdf' : 'filename1.htm')),
    primaryDocDescription: rows.map(() => ''),
  };
}

/** A browse-edgar company-list feed naming these CIKs. */
export function companyListFeed(ciks: readonly string[]): string {
  const entries = ciks
    .map(
      (cik) =>
        `<entry><content type="text/xml"><company-info><cik>${cik.padStart(10, '0')}</cik><name>CO ${cik}</name></company-info></content><title>CO ${cik}</title></entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="ISO-8859-1" ?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n${entries}\n</feed>`;
}
