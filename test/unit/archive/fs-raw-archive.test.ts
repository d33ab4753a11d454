import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FsRawArchive, sha256Hex } from '../../../src/archive/fs-raw-archive.ts';
import { ArchiveIntegrityError } from '../../../src/archive/raw-archive.ts';

describe('filesystem raw archive', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'edgar-archive-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores bytes under their sha256 and finds them again by accession', async () => {
    const archive = await FsRawArchive.open(join(dir, 'a'));
    const body = Buffer.from('<SEC-DOCUMENT>0001193125-14-000946.txt : 20140214\n');
    const entry = await archive.put('0001193125-14-000946', body);
    assert.deepEqual(entry, { accessionNumber: '0001193125-14-000946', sha256: sha256Hex(body), bytes: body.length });
    assert.deepEqual(await archive.lookup('000119312514000946'), entry);
    assert.deepEqual(await archive.read(entry.sha256), body);
    assert.deepEqual(await readFile(archive.objectPath(entry.sha256)), body);
  });

  it('finds an archived filing from a fresh instance: the index lives in the archive, not in memory', async () => {
    const path = join(dir, 'b');
    const first = await FsRawArchive.open(path);
    const entry = await first.put('0000000000-13-071234', Buffer.from('x'.repeat(1000)));
    const second = await FsRawArchive.open(path);
    assert.deepEqual(await second.lookup('0000000000-13-071234'), entry);
    assert.equal(await second.lookup('0000000000-13-071235'), null);
  });

  it('keeps one object for identical bytes of two accessions', async () => {
    const archive = await FsRawArchive.open(join(dir, 'c'));
    const body = Buffer.from('same bytes');
    const a = await archive.put('0000000000-20-000001', body);
    const b = await archive.put('0000000000-20-000002', body);
    assert.equal(a.sha256, b.sha256);
    const objects = await readdir(join(dir, 'c', 'objects'), { recursive: true, withFileTypes: true });
    assert.equal(objects.filter((e) => e.isFile()).length, 1);
  });

  it('treats a corrupt or missing object as not archived, so the filing is fetched again', async () => {
    const archive = await FsRawArchive.open(join(dir, 'd'));
    const entry = await archive.put('0000000000-21-000001', Buffer.from('original'));
    await writeFile(archive.objectPath(entry.sha256), 'tampered');
    assert.equal(await archive.lookup('0000000000-21-000001'), null);
    await assert.rejects(archive.read(entry.sha256), ArchiveIntegrityError);
    await rm(archive.objectPath(entry.sha256));
    assert.equal(await archive.lookup('0000000000-21-000001'), null);
    await assert.rejects(archive.read(entry.sha256), /missing/);
    const again = await archive.put('0000000000-21-000001', Buffer.from('original'));
    assert.deepEqual(await archive.lookup('0000000000-21-000001'), again);
  });

  it('leaves no temp file behind after writing, and sweeps stale ones left by crashed writers', async () => {
    const path = join(dir, 'e');
    const archive = await FsRawArchive.open(path);
    await archive.put('0000000000-22-000001', Buffer.from('abc'));
    assert.deepEqual(await readdir(join(path, 'tmp')), []);
    const stale = join(path, 'tmp', '999-stale');
    await writeFile(stale, 'half a file');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(stale, old, old);
    await writeFile(join(path, 'tmp', '999-fresh'), 'being written');
    await FsRawArchive.open(path);
    assert.deepEqual(await readdir(join(path, 'tmp')), ['999-fresh']);
  });

  it('lets several processes archive the same filings into one directory at once', async () => {
    const path = join(dir, 'shared');
    const script = `
      import { FsRawArchive } from ${JSON.stringify(new URL('../../../src/archive/fs-raw-archive.ts', import.meta.url).href)};
      const archive = await FsRawArchive.open(${JSON.stringify(path)});
      for (let i = 0; i < 40; i += 1) {
        const acc = '0000000000-23-' + String(i).padStart(6, '0');
        await archive.put(acc, Buffer.from('filing ' + i + ' ' + 'z'.repeat(5000)));
      }
    `;
    const run = () =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
        child.on('error', reject);
        child.on('exit', (code) => resolve(code ?? -1));
      });
    assert.deepEqual(await Promise.all([run(), run(), run()]), [0, 0, 0]);
    const archive = await FsRawArchive.open(path);
    for (let i = 0; i < 40; i += 1) {
      const acc = `0000000000-23-${String(i).padStart(6, '0')}`;
      const entry = await archive.lookup(acc);
      assert.ok(entry, `${acc} archived`);
      assert.equal((await archive.read(entry.sha256)).toString().split(' ')[1], String(i));
    }
    assert.deepEqual(await readdir(join(path, 'tmp')), []);
  });

  it('refuses an accession number that is not one', async () => {
    const archive = await FsRawArchive.open(join(dir, 'f'));
    await assert.rejects(archive.put('../../etc', Buffer.from('x')), TypeError);
  });
});
