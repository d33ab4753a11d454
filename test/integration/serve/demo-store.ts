/**
 * The serve tests' data: the demo (file number 001-35126 backfilled from the bundled replica through the real
 * CLI) in a temporary SQLite store, plus one hostile letter whose text and items carry `<script>`,
 * `<img onerror>` and a `javascript:` link, in a thread of its own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/program.ts';
import type { DocumentStore } from '../../../src/store/document-store.ts';
import { SqliteDocumentStore } from '../../../src/store/sqlite-document-store.ts';
import { makeLetter } from '../../fixtures/letters.ts';
import { buildDemoDataset } from '../../replica/data/index.ts';
import { startReplica } from '../../replica/server.ts';

export const REVIEW_ID = '001-35126/0000000000-13-051233';
export const HOSTILE_ACCESSION = '0009999999-20-000666';
export const HOSTILE_THREAD = '999-99999/0009999999-20-000666';
export const HOSTILE_MARKUP = [
  '<script>document.title="pwned"</script>',
  '<img src=x onerror="document.title=\'pwned\'">',
  '<a href="javascript:alert(1)">click me</a>',
].join(' ');

export interface DemoStore {
  readonly dir: string;
  readonly storeUrl: string;
  readonly store: DocumentStore;
  close(): Promise<void>;
}

const sink = { write: () => true };

export async function openDemoStore(): Promise<DemoStore> {
  const dir = await mkdtemp(join(tmpdir(), 'edgar-corresp-serve-'));
  const storePath = join(dir, 'store.sqlite');
  const replica = await startReplica({ dataset: await buildDemoDataset() });
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      EDGAR_USER_AGENT: 'edgar-corresp tests tests@edgar-corresp.example',
      EDGAR_WWW_URL: replica.bases.wwwUrl,
      EDGAR_DATA_URL: replica.bases.dataUrl,
      EDGAR_EFTS_URL: replica.bases.eftsUrl,
      STORE_URL: `sqlite:${storePath}`,
      ARCHIVE_DIR: join(dir, 'archive'),
      REDIS_URL: '',
      LOG_LEVEL: 'silent',
    };
    const code = await runCli(['backfill', '001-35126'], { stdout: sink, stderr: sink, env });
    if (code !== 0) throw new Error(`demo backfill exited ${code}`);
  } finally {
    await replica.close();
  }
  const store = await SqliteDocumentStore.open(storePath);
  await store.upsertLetter(hostileLetter());
  await store.assignThreads([{ accessionNumber: HOSTILE_ACCESSION, threadId: HOSTILE_THREAD }]);
  return {
    dir,
    storeUrl: `sqlite:${storePath}`,
    store,
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function hostileLetter() {
  return makeLetter({
    accessionNumber: HOSTILE_ACCESSION,
    form: 'UPLOAD',
    sender: 'sec',
    kind: 'comment',
    cik: '9999999',
    companyName: `Hostile <b>Corp</b> ${HOSTILE_MARKUP}`,
    filers: [{ cik: '9999999', name: 'Hostile Corp' }],
    fileNumbers: ['999-99999'],
    filingDate: '2020-03-02',
    letterDate: '2020-03-02',
    acceptanceDateTime: '2020-03-02T10:00:00-05:00',
    text: `Dear Sir: ${HOSTILE_MARKUP} Please revise your revenue recognition policy.`,
    items: [
      {
        number: 1,
        headings: [`Revenue ${HOSTILE_MARKUP}`],
        pageRef: '<i>F-1</i>',
        comment: `Please explain ${HOSTILE_MARKUP} your revenue recognition.`,
        response: null,
        priorComments: [],
        topics: ['revenue'],
        authorities: ['<script>ASC 606</script>'],
      },
    ],
  });
}
