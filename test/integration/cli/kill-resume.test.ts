import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { FsRawArchive } from '../../../src/archive/fs-raw-archive.ts';
import type { ReplicaCompany } from '../../replica/dataset.ts';
import { buildGeneratedCompany } from '../../replica/data/index.ts';
import { startReplica, type Replica } from '../../replica/server.ts';
import { CLI, cleanEnv, runCliProcess } from './support.ts';

const LETTERS = 40;

describe('kill -9 in the middle of a backfill, then the same backfill again', () => {
  let replica: Replica;
  let company: ReplicaCompany;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let letters: string[];

  before(async () => {
    company = await buildGeneratedCompany({ letters: LETTERS, seed: 31, otherFilings: 5 });
    letters = company.filings.filter((f) => f.form === 'CORRESP' || f.form === 'UPLOAD').map((f) => f.accessionNumber);
    replica = await startReplica({ dataset: { companies: [company] }, limits: { blockMs: 2000 } });
    dir = await mkdtemp(join(tmpdir(), 'edgar-kill-'));
    env = cleanEnv({
      EDGAR_USER_AGENT: 'edgar-corresp tests tests@edgar-corresp.example',
      EDGAR_WWW_URL: replica.bases.wwwUrl,
      EDGAR_DATA_URL: replica.bases.dataUrl,
      EDGAR_EFTS_URL: replica.bases.eftsUrl,
      // Half of EDGAR's rate, as in the other integration tests: the machine running the suite is loaded.
      EDGAR_MAX_RPS: '5',
      EDGAR_BLOCK_COOLDOWN: '2',
      STORE_URL: `sqlite:${join(dir, 'store.sqlite')}`,
      ARCHIVE_DIR: join(dir, 'archive'),
    });
  });
  after(async () => {
    await replica.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('resumes: fetches none of the filings archived before the kill, and stores every letter once', async () => {
    assert.equal(letters.length, LETTERS);
    const archivesIn = (from: number, to = replica.log.length) =>
      replica.log.slice(from, to).filter((e) => e.path.includes('/Archives/') && e.status === 200);

    const child = spawn(process.execPath, [CLI, 'backfill', company.cik], { env, stdio: 'ignore' });
    const exited = once(child, 'exit');
    // Let it fetch a good part of the letters (5 a second), then kill it without warning.
    while (archivesIn(0).length < 15) {
      assert.equal(child.exitCode, null, 'the backfill should still be running');
      await sleep(20);
    }
    child.kill('SIGKILL');
    const [code, signal] = await exited;
    assert.equal(code, null);
    assert.equal(signal, 'SIGKILL');
    const killedAt = replica.log.length;
    const fetchedBeforeKill = new Set(archivesIn(0, killedAt).map((e) => e.path));
    assert.ok(fetchedBeforeKill.size < LETTERS, 'killed before the end');

    const archive = await FsRawArchive.open(join(dir, 'archive'));
    const archived: string[] = [];
    for (const accession of letters) if (await archive.lookup(accession)) archived.push(accession);
    assert.ok(archived.length >= 10, `${archived.length} filings archived before the kill`);

    const second = await runCliProcess(['backfill', company.cik], env);
    assert.equal(second.code, 0, second.stderr);
    const refetched = archivesIn(killedAt).filter((e) => archived.some((a) => e.path.includes(a)));
    assert.deepEqual(refetched, [], 'no filing archived before the kill is fetched again');
    // Each letter fetched once overall, except those whose response was in flight when the process died.
    const secondRun = new Set(archivesIn(killedAt).map((e) => e.path));
    for (const path of secondRun) assert.ok(!archived.some((a) => path.includes(a)));
    assert.equal(archived.length + secondRun.size >= LETTERS, true);

    const exported = await runCliProcess(['export', '--format', 'csv'], env);
    const rows = exported.stdout.trim().split('\r\n').slice(1);
    const accessions = rows.map((r) => r.split(',')[0]);
    assert.equal(new Set(accessions).size, accessions.length, 'no letter stored twice');
    assert.deepEqual([...accessions].sort(), [...letters].sort());

    const third = await runCliProcess(['backfill', company.cik], env);
    assert.equal(third.code, 0);
    assert.match(third.stderr, new RegExp(`${LETTERS} letters listed, 0 stored, ${LETTERS} already stored`));
    assert.deepEqual(
      replica.log.filter((e) => e.refusal !== null).map((e) => e.path),
      [],
      'no request refused as over the rate',
    );
  });
});
