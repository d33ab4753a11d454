/**
 * kill -9 in the middle of `backfill --all`, then the same command again: finished quarters are not read again,
 * nothing archived before the kill is fetched again, every letter is stored once.
 */
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

const LETTERS = 30;
const ARGS = ['backfill', '--all', '--since', '2021-01-01'];

describe('kill -9 in the middle of backfill --all, then the same command again', () => {
  let replica: Replica;
  let company: ReplicaCompany;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let letters: string[];

  before(async () => {
    company = await buildGeneratedCompany({
      letters: LETTERS,
      seed: 11,
      otherFilings: 5,
      fromYear: 2021,
      toYear: 2024,
    });
    letters = company.filings.filter((f) => f.form === 'CORRESP' || f.form === 'UPLOAD').map((f) => f.accessionNumber);
    replica = await startReplica({ dataset: { companies: [company] }, limits: { blockMs: 2000 } });
    dir = await mkdtemp(join(tmpdir(), 'edgar-all-kill-'));
    env = cleanEnv({
      EDGAR_USER_AGENT: 'edgar-corresp tests tests@edgar-corresp.example',
      EDGAR_WWW_URL: replica.bases.wwwUrl,
      EDGAR_DATA_URL: replica.bases.dataUrl,
      EDGAR_EFTS_URL: replica.bases.eftsUrl,
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

  it('resumes without reading finished quarters or fetching archived letters again', async () => {
    const ok = (from: number, to: number, part: string) =>
      replica.log
        .slice(from, to)
        .filter((e) => e.path.includes(part) && e.status === 200)
        .map((e) => e.path);
    const child = spawn(process.execPath, [CLI, ...ARGS], { env, stdio: 'ignore' });
    const exited = once(child, 'exit');
    while (ok(0, replica.log.length, '/Archives/edgar/data/').length < 8) {
      assert.equal(child.exitCode, null, 'the backfill should still be running');
      await sleep(20);
    }
    child.kill('SIGKILL');
    await exited;
    const killedAt = replica.log.length;
    const quartersBefore = ok(0, killedAt, '/full-index/');
    const archive = await FsRawArchive.open(join(dir, 'archive'));
    const archived: string[] = [];
    for (const accession of letters) if (await archive.lookup(accession)) archived.push(accession);
    assert.ok(archived.length >= 4 && archived.length < LETTERS, `${archived.length} archived before the kill`);

    const second = await runCliProcess(ARGS, env);
    assert.equal(second.code, 0, second.stderr);
    const quartersAfter = ok(killedAt, replica.log.length, '/full-index/');
    // Only the current quarter (and the last one, until its final index) is read again.
    assert.ok(quartersAfter.length <= 2, `read again: ${quartersAfter.join(', ')}`);
    assert.ok(quartersBefore.length > 10);
    const refetched = ok(killedAt, replica.log.length, '/Archives/edgar/data/').filter((p) =>
      archived.some((a) => p.includes(a)),
    );
    assert.deepEqual(refetched, [], 'no letter archived before the kill is fetched again');

    const exported = await runCliProcess(['export', '--format', 'csv'], env);
    const accessions = exported.stdout
      .trim()
      .split('\r\n')
      .slice(1)
      .map((r) => r.split(',')[0]);
    assert.equal(new Set(accessions).size, accessions.length, 'no letter stored twice');
    assert.deepEqual([...accessions].sort(), [...letters].sort());
    assert.deepEqual(
      replica.log.filter((e) => e.refusal !== null).map((e) => e.path),
      [],
    );
  });
});
