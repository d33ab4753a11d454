import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fsPromises, { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { FsRawArchive, sha256Hex, tempWriterIdentity } from '../../../src/archive/fs-raw-archive.ts';
import { ArchiveIntegrityError } from '../../../src/archive/raw-archive.ts';

/** The pid of a process that has exited: no process of this machine has it now. */
async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid!;
}

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

  it('rewrites an object whose size matches but whose bytes do not, so one flipped byte is repaired', async () => {
    const archive = await FsRawArchive.open(join(dir, 'd2'));
    const body = Buffer.from('<SEC-DOCUMENT>original bytes</SEC-DOCUMENT>');
    const entry = await archive.put('0000000000-21-000002', body);
    const flipped = Buffer.from(body);
    flipped[20] = flipped[20]! ^ 0x01;
    await writeFile(archive.objectPath(entry.sha256), flipped);
    assert.equal(await archive.lookup('0000000000-21-000002'), null);
    assert.deepEqual(await archive.put('0000000000-21-000002', body), entry);
    assert.deepEqual(await archive.lookup('0000000000-21-000002'), entry);
    assert.deepEqual(await archive.read(entry.sha256), body);
  });

  it('streams a filing in through a writer: nothing visible before commit, a reset starts over, discard leaves nothing', async () => {
    const archive = await FsRawArchive.open(join(dir, 'w'));
    const body = Buffer.from('<SEC-DOCUMENT>0001193125-14-000947.txt : 20140214\n'.repeat(100));
    const writer = await archive.writer('0001193125-14-000947');
    await writer.write(Buffer.from('a cut attempt'));
    await writer.reset();
    for (let at = 0; at < body.length; at += 700) await writer.write(body.subarray(at, at + 700));
    assert.equal(writer.bytes, body.length);
    assert.equal(writer.head().toString(), body.subarray(0, 512).toString());
    assert.equal(await archive.lookup('0001193125-14-000947'), null, 'not visible before commit');
    const entry = await writer.commit();
    await writer.discard();
    assert.deepEqual(entry, { accessionNumber: '0001193125-14-000947', sha256: sha256Hex(body), bytes: body.length });
    assert.deepEqual(await archive.lookup('0001193125-14-000947'), entry);
    assert.deepEqual(await archive.read(entry.sha256), body);

    const dropped = await archive.writer('0001193125-14-000948');
    await dropped.write(body);
    await dropped.discard();
    assert.equal(await archive.lookup('0001193125-14-000948'), null);
    assert.deepEqual(await readdir(join(dir, 'w', 'tmp')), []);
  });

  it('leaves no temp file behind after writing', async () => {
    const path = join(dir, 'e');
    const archive = await FsRawArchive.open(path);
    await archive.put('0000000000-22-000001', Buffer.from('abc'));
    assert.deepEqual(await readdir(join(path, 'tmp')), []);
  });

  it('sweeps the temp files of dead writers of this machine, and others only when very old by the directory clock', async () => {
    const path = join(dir, 'e2');
    const tmp = join(path, 'tmp');
    await FsRawArchive.open(path);
    const dead = await exitedPid();
    const here = tempWriterIdentity();
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000);
    const files: Record<string, Date> = {
      // This machine: a writer that died (kill -9) left it a moment ago; one still writing (this process).
      [`${here}_${dead}_11111111-1111-4111-8111-111111111111`]: hoursAgo(0),
      [`${here}_${process.pid}_22222222-2222-4222-8222-222222222222`]: hoursAgo(2),
      // Another machine (or container): its clock may run hours behind ours, its writer may be alive.
      [`another-machine_${dead}_33333333-3333-4333-8333-333333333333`]: hoursAgo(2),
      [`another-machine_${dead}_44444444-4444-4444-8444-444444444444`]: hoursAgo(30 * 24),
      // An old-style name (pid-uuid): no identity to trust, only age.
      [`${dead}-55555555-5555-4555-8555-555555555555`]: hoursAgo(2),
    };
    for (const [name, mtime] of Object.entries(files)) {
      await writeFile(join(tmp, name), 'half a file');
      await utimes(join(tmp, name), mtime, mtime);
    }
    await FsRawArchive.open(path);
    assert.deepEqual(
      (await readdir(tmp)).sort(),
      [
        `${dead}-55555555-5555-4555-8555-555555555555`,
        `${here}_${process.pid}_22222222-2222-4222-8222-222222222222`,
        `another-machine_${dead}_33333333-3333-4333-8333-333333333333`,
      ].sort(),
    );
  });

  it('flushes the directory after renaming a file into it, so the rename survives a power cut', async () => {
    const synced: string[] = [];
    const realOpen = fsPromises.open;
    const opened = mock.method(fsPromises, 'open', async (...args: Parameters<typeof fsPromises.open>) => {
      const handle = await realOpen(...args);
      const path = String(args[0]);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        if ((await handle.stat()).isDirectory()) synced.push(path);
        return sync();
      };
      return handle;
    });
    syncBuiltinESMExports();
    try {
      const archive = await FsRawArchive.open(join(dir, 'g'));
      const entry = await archive.put('0000000000-24-000001', Buffer.from('flushed'));
      assert.ok(synced.includes(join(archive.objectPath(entry.sha256), '..')), JSON.stringify(synced));
      assert.ok(synced.includes(join(archive.indexPath('0000000000-24-000001'), '..')), JSON.stringify(synced));
    } finally {
      opened.mock.restore();
      syncBuiltinESMExports();
    }
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
