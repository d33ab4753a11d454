import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadInputError } from '../../../src/errors.ts';
import { buildLetter } from '../../../src/pipeline/build-letter.ts';
import { ParsePool } from '../../../src/pipeline/parse-pool.ts';
import {
  buildTruncatedSubmission,
  renderHtml,
  renderSubmission,
  sampleResponseLetter,
  textBody,
} from '../../fixtures/render/index.ts';
import { HANGING_ACCESSION } from './support/hanging-parse-worker.ts';

const ACCESSION = '0001999001-15-000011';

function responseSubmission(accessionNumber = ACCESSION): Uint8Array {
  return renderSubmission({
    header: {
      accessionNumber,
      submissionType: 'CORRESP',
      filedAsOfDate: '2015-06-30',
      acceptanceDateTime: '2015-06-30T10:12:44-04:00',
      disseminationDate: '2015-08-20',
      filers: [
        {
          companyName: 'Halvorsen Marine Holdings, Inc.',
          cik: '1999001',
          sic: { code: '4400', description: 'WATER TRANSPORTATION' },
          stateOfIncorporation: 'DE',
          fiscalYearEnd: '1231',
          formType: 'CORRESP',
        },
      ],
    },
    documents: [
      { type: 'CORRESP', filename: 'filename1.htm', body: textBody(renderHtml(sampleResponseLetter(), 'modern')) },
    ],
  });
}

const context = (accessionNumber: string) => ({ accessionNumber, listedFilingDate: null, listingFileNumbers: {} });

describe('parse worker pool', () => {
  it('builds the same letter on a worker thread as in this thread', async () => {
    const pool = new ParsePool({ size: 1 });
    try {
      const raw = responseSubmission();
      const inWorker = await pool.buildLetter(raw, context(ACCESSION));
      assert.deepEqual(inWorker, await buildLetter(raw, context(ACCESSION)));
      assert.equal(inWorker.form, 'CORRESP');
      assert.ok(inWorker.items.length > 0);
    } finally {
      await pool.close();
    }
  });

  it('fails a bad filing with a BadInputError that keeps its reason', async () => {
    const pool = new ParsePool({ size: 1 });
    try {
      const truncated = await buildTruncatedSubmission();
      await assert.rejects(
        pool.buildLetter(truncated.bytes, context(truncated.accessionNumber)),
        (e: unknown) => e instanceof BadInputError && e.reason === 'truncated-submission',
      );
      // The worker is still there for the next letter.
      assert.equal((await pool.buildLetter(responseSubmission(), context(ACCESSION))).accessionNumber, ACCESSION);
      assert.equal(pool.workers, 1);
    } finally {
      await pool.close();
    }
  });

  it('starts up to its size at once when asked to, and only one when letters do not wait', async () => {
    const eager = new ParsePool({ size: 2 });
    const lazy = new ParsePool({ size: 2, growAfterMs: 60_000 });
    try {
      const jobs = (pool: ParsePool) =>
        Promise.all([1, 2, 3, 4].map((n) => pool.buildLetter(responseSubmission(), context(ACCESSION)).then(() => n)));
      assert.deepEqual(await jobs(eager), [1, 2, 3, 4]);
      assert.equal(eager.workers, 2);
      assert.deepEqual(await jobs(lazy), [1, 2, 3, 4]);
      assert.equal(lazy.workers, 1);
    } finally {
      await eager.close();
      await lazy.close();
    }
  });

  it('fails the filing as oversize when its worker runs out of memory, and drops the dead worker', async () => {
    const pool = new ParsePool({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 } });
    try {
      await assert.rejects(
        pool.buildLetter(responseSubmission(), context(ACCESSION)),
        (e: unknown) => e instanceof BadInputError && e.reason === 'oversize' && /ran out of memory/.test(e.message),
      );
      assert.equal(pool.workers, 0);
    } finally {
      await pool.close();
    }
  });

  it('fails a letter past its deadline as BAD_INPUT timeout, replaces its worker and parses the next letter', async () => {
    const pool = new ParsePool({
      size: 1,
      // Generous for the good letter on a CPU-starved machine (3 s was missed once at load average 22); the
      // hanging one never finishes anyway, so this is also how long the test waits.
      timeoutMs: 10_000,
      workerUrl: new URL('./support/hanging-parse-worker.ts', import.meta.url),
    });
    try {
      const hung = pool.buildLetter(responseSubmission(HANGING_ACCESSION), context(HANGING_ACCESSION));
      const next = pool.buildLetter(responseSubmission(), context(ACCESSION));
      await assert.rejects(hung, (e: unknown) => {
        assert.ok(e instanceof BadInputError, String(e));
        assert.equal(e.reason, 'timeout');
        assert.match(e.message, new RegExp(`^${HANGING_ACCESSION}: .*within 10000 ms \\(PARSE_TIMEOUT_MS\\)`));
        return true;
      });
      assert.equal((await next).accessionNumber, ACCESSION);
      assert.equal(pool.workers, 1, 'the stopped worker was replaced by one');
    } finally {
      await pool.close();
    }
  });

  it('refuses work once closed', async () => {
    const pool = new ParsePool();
    await pool.close();
    await assert.rejects(pool.buildLetter(responseSubmission(), context(ACCESSION)), /closed/);
  });
});
