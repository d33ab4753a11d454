/**
 * `backfill --all` against the replica's quarterly full index: letters filed in the range but disseminated a
 * quarter later, co-registrant rows as one filing, other forms filtered out (reviewed ones kept per CIK), wider
 * ranges and reruns that read only the quarters that can still change, and the dry run's counts.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Letter } from '../../../src/letter/schema.ts';
import { openDocumentStore } from '../../../src/store/open-document-store.ts';
import { BRIGHTWATER, buildBrightwaterCompanies, buildGeneratedCompany } from '../../replica/data/index.ts';
import type { ReplicaCompany } from '../../replica/dataset.ts';
import { openWorkspace, type Workspace } from './support.ts';

const isLetter = (form: string) => form === 'CORRESP' || form === 'UPLOAD';

describe('backfill --all from the quarterly full index', () => {
  let ws: Workspace;
  let companies: ReplicaCompany[];
  const lettersFiled = (from: string, to: string) =>
    [
      ...new Set(
        companies.flatMap((c) =>
          c.filings
            .filter((f) => isLetter(f.form) && f.filingDate >= from && f.filingDate <= to)
            .map((f) => f.accessionNumber),
        ),
      ),
    ].sort();
  const exported = async (): Promise<string[]> => {
    const run = await ws.cli(['export']);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n').filter(Boolean);
    return lines.map((line) => (JSON.parse(line) as Letter).accessionNumber).sort();
  };
  const traffic = (from: number) => {
    const paths = ws.replica.log.slice(from).map((e) => e.path);
    return {
      quarters: paths.filter((p) => p.includes('/full-index/')),
      letters: paths.filter((p) => p.includes('/Archives/edgar/data/')),
      other: paths.filter((p) => !p.includes('/Archives/')),
    };
  };

  before(async () => {
    companies = [
      ...(await buildBrightwaterCompanies()),
      await buildGeneratedCompany({
        letters: 12,
        seed: 7,
        cik: '1800007',
        otherFilings: 12,
        fromYear: 2023,
        toYear: 2025,
      }),
    ];
    ws = await openWorkspace(companies);
  });
  after(() => ws.close());

  it('refuses targets with --all, no target without it, and --dry-run without --all (exit 2)', async () => {
    const from = ws.replica.log.length;
    for (const [args, message] of [
      [['backfill', '1961238', '--all'], /give targets or --all, not both/],
      [['backfill'], /give at least one target, or --all/],
      [['backfill', '1961238', '--dry-run'], /--dry-run goes with --all/],
    ] as const) {
      const run = await ws.cli(args);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
    }
    assert.equal(ws.replica.log.length, from, 'no request made');
  });

  it('finds letters filed in the range and disseminated a quarter later, one request per quarter', async () => {
    const from = ws.replica.log.length;
    const run = await ws.cli(['backfill', '--all', '--since', '2024-04-01', '--until', '2024-06-30']);
    assert.equal(run.code, 0, run.stderr);
    const expected = lettersFiled('2024-04-01', '2024-06-30');
    assert.equal(expected.length, 5);
    assert.deepEqual(await exported(), expected);
    const { quarters, letters, other } = traffic(from);
    assert.ok(quarters.every((p) => p.endsWith('/master.gz')));
    assert.equal(new Set(quarters).size, quarters.length, 'each quarter read once');
    assert.ok(
      quarters.some((p) => p.includes('/2024/QTR3/')),
      'the quarter they were disseminated in',
    );
    assert.ok(!quarters.some((p) => p.includes('/2024/QTR1/')), 'nothing before the range');
    assert.equal(letters.length, expected.length, 'one Archives request per letter');
    assert.deepEqual(other, []);
    assert.deepEqual(ws.refused(), []);
  });

  it('a wider range reads only the quarters it lacks and the ones that can still change', async () => {
    const from = ws.replica.log.length;
    const run = await ws.cli(['backfill', '--all', '--since', '2024-01-01', '--until', '2024-12-31']);
    assert.equal(run.code, 0, run.stderr);
    const { quarters, letters } = traffic(from);
    const read = quarters.map((p) => /full-index\/(\d{4})\/QTR(\d)/.exec(p)!.slice(1).join('Q'));
    assert.ok(read.includes('2024Q1'), 'the quarter not read before');
    assert.ok(!read.includes('2024Q2') && !read.includes('2024Q3'), 'final quarters are not read again');
    assert.ok(read.length <= 3, `read ${read.join(', ')}: the new one, the current one, the last one at most`);
    const newlyInRange = lettersFiled('2024-01-01', '2024-12-31').filter(
      (a) => !lettersFiled('2024-04-01', '2024-06-30').includes(a),
    );
    assert.equal(letters.length, newlyInRange.length, 'stored letters are not fetched again');
  });

  it('stores a co-registrant letter once, and keeps reviewed filings under every filer', async () => {
    const from = ws.replica.log.length;
    const run = await ws.cli(['backfill', '--all', '--since', '2025-01-01', '--until', '2025-12-31']);
    assert.equal(run.code, 0, run.stderr);
    const { letters } = traffic(from);
    assert.equal(new Set(letters).size, letters.length, 'no letter fetched twice');
    assert.ok(letters.length > 0);
    const stored = await exported();
    for (const accession of lettersFiled('2025-01-01', '2025-12-31')) assert.ok(stored.includes(accession), accession);
    const store = await openDocumentStore(`sqlite:${join(ws.dir, 'store.sqlite')}`);
    try {
      const co = await store.listListedFilings({ cik: BRIGHTWATER.coRegistrantCik });
      assert.ok(
        co.some((row) => row.form === 'S-3'),
        'the S-3 listed under the co-registrant',
      );
      const main = await store.listListedFilings({ cik: BRIGHTWATER.cik });
      assert.ok(main.some((row) => row.form === '10-K'));
    } finally {
      await store.close();
    }
  });

  it('a quarter EDGAR fails to serve fails alone: exit 1 naming it, read by the next run', async () => {
    ws.replica.injectFault({ path: '/full-index/2023/QTR4/', kind: '503', count: Infinity });
    const args = ['backfill', '--all', '--since', '2023-07-01', '--until', '2023-09-30'];
    const failed = await ws.cli(args);
    ws.replica.clearFaults();
    assert.equal(failed.code, 1, failed.stderr);
    assert.match(failed.stderr, /^full index 2023Q4: FAILED EDGAR_UNAVAILABLE: .*\(read again by the next run\)$/m);
    assert.match(failed.stderr, /quarter 2024Q1 \(\d+\/\d+\): final, checkpointed/, 'the run went on');
    const late = lettersFiled('2023-07-01', '2023-09-30');
    assert.ok(late.length > 0);
    const from = ws.replica.log.length;
    const again = await ws.cli(args);
    assert.equal(again.code, 0, again.stderr);
    assert.ok(traffic(from).quarters.some((p) => p.includes('/2023/QTR4/')));
    const stored = await exported();
    for (const accession of late) assert.ok(stored.includes(accession), `${accession} stored once its quarter is read`);
  });

  it('a rerun reads only the quarters that can still change and fetches nothing stored', async () => {
    const first = await ws.cli(['backfill', '--all', '--since', '2023-01-01']);
    assert.equal(first.code, 0, first.stderr);
    const from = ws.replica.log.length;
    const run = await ws.cli(['backfill', '--all', '--since', '2023-01-01']);
    assert.equal(run.code, 0, run.stderr);
    const { quarters, letters } = traffic(from);
    assert.ok(quarters.length <= 2, `rerun read ${quarters.join(', ')}`);
    assert.equal(letters.length, 0);
    assert.deepEqual(await exported(), lettersFiled('2023-01-01', '2099-12-31'));
    const status = await ws.cli(['status']);
    assert.match(
      status.stdout,
      /^full index \(backfill --all\): quarters \d+\/\d+ read, \d+ final; letters left: 0 to fetch, 0 archived to parse$/m,
    );
  });

  it('dry run: counts the letters of the range per year and form and projects the time, fetching nothing', async () => {
    const from = ws.replica.log.length;
    const run = await ws.cli(['backfill', '--all', '--dry-run', '--since', '2023-01-01', '--until', '2023-12-31']);
    assert.equal(run.code, 0, run.stderr);
    const expected = lettersFiled('2023-01-01', '2023-12-31');
    assert.match(run.stdout, new RegExp(`^total\\s+${expected.length}\\s+${expected.length}\\s+0\\s+0$`, 'm'));
    assert.match(run.stdout, /^2023 {5}CORRESP\s+2\s+2\s+0\s+0$/m);
    assert.match(run.stdout, /^projected: \d+ Archives requests \(one per letter\) at 5 requests\/s: \d+ s$/m);
    assert.match(run.stderr, /quarter 2023Q1 \(1\/\d+\): final, checkpointed, 0 letters/);
    assert.deepEqual(traffic(from).letters, [], 'a dry run fetches no letter');
    assert.deepEqual(traffic(from).other, [], 'nor any per-company listing');
  });
});
