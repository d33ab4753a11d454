/**
 * RawArchive on a directory (ARCHIVE_DIR), safe for many processes and machines sharing it:
 *   objects/ab/cd/<sha256>          raw bytes, named by their sha256
 *   accessions/<yy>/<nnn>/<accession>.json   {"accessionNumber","sha256","bytes"}: the index, one file per filing
 *   tmp/                            where every file is written before it is renamed into place
 * Every write goes to a unique temp file in the same directory tree, is flushed, renamed, and the directory
 * flushed: a reader sees the whole file or none, a crash (even kill -9 or a power cut) leaves at most a stray
 * temp file, and two writers of the same object write the same bytes. Nothing is modified in place; an object
 * whose bytes no longer hash to its name is replaced by the next put of the right bytes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { normalizeAccession } from '../identifiers.ts';
import { ArchiveIntegrityError, type ArchiveEntry, type ArchiveWriter, type RawArchive } from './raw-archive.ts';

const SHA256 = /^[0-9a-f]{64}$/;
/**
 * Temp files are named `<writer identity>_<pid>_<uuid>`. At open, the archive removes the temp files of writers
 * of this machine whose process is gone (a crash, kill -9), whatever their age, and every other temp file only
 * when it is older than FOREIGN_TEMP_MS measured against the directory's own clock (the mtime of a file created
 * there now). Why not "older than an hour by our clock", as before: machines sharing the directory stamp (or
 * see) mtimes with clocks that can be hours apart, and a writer on another machine may be alive and slow, so a
 * young temp file of theirs could be removed under them, failing their rename. Liveness can be checked only for
 * our own machine's processes; for everything else, a margin far beyond any write (a 160 MiB submission takes
 * seconds) and any plausible clock skew, read on the one clock that stamped the files.
 */
const FOREIGN_TEMP_MS = 24 * 60 * 60 * 1000;

/**
 * Who may check a temp file's pid: the same kernel boot (boot_id) and the same pid namespace (containers on
 * one host share the boot but not the pids). Hostname alone is not enough: containers may share one and their
 * pids are not ours. Off Linux, the hostname.
 */
export function tempWriterIdentity(): string {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const pidNamespace = statSync('/proc/self/ns/pid').ino;
    return `${boot}.${pidNamespace}`;
  } catch {
    return hostname().replace(/[^A-Za-z0-9.-]/g, '-') || 'unknown-host';
  }
}

const TEMP_NAME = /^(.+)_(\d+)_[0-9a-f-]{36}$/;

/** Whether a process of this machine (and pid namespace) with this pid exists. */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as { code?: string }).code !== 'ESRCH';
  }
}

export function sha256Hex(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const isMissing = (error: unknown) =>
  error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');

export class FsRawArchive implements RawArchive {
  readonly dir: string;
  private readonly tmpDir: string;
  private readonly writerId = tempWriterIdentity();

  private constructor(dir: string) {
    this.dir = dir;
    this.tmpDir = join(dir, 'tmp');
  }

  /** Opens (creating if needed) an archive directory and clears temp files left by crashed writers. */
  static async open(dir: string): Promise<FsRawArchive> {
    const archive = new FsRawArchive(dir);
    await mkdir(archive.tmpDir, { recursive: true });
    await archive.sweepStaleTemps();
    return archive;
  }

  objectPath(sha256: string): string {
    return join(this.dir, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  indexPath(accessionNumber: string): string {
    // 0001193125-14-000946 -> accessions/14/946/...: bounded directories whatever the filer agent.
    const year = accessionNumber.slice(11, 13);
    const bucket = accessionNumber.slice(-3);
    return join(this.dir, 'accessions', year, bucket, `${accessionNumber}.json`);
  }

  async put(accessionNumber: string, body: Uint8Array): Promise<ArchiveEntry> {
    const accession = this.requireAccession(accessionNumber);
    const sha256 = sha256Hex(body);
    const objectPath = this.objectPath(sha256);
    // The same size is not the same bytes: a flipped byte would otherwise never be repaired.
    if (!(await this.holds(objectPath, body.byteLength, sha256))) await this.writeAtomically(objectPath, body);
    const entry: ArchiveEntry = { accessionNumber: accession, sha256, bytes: body.byteLength };
    await this.writeAtomically(this.indexPath(accession), Buffer.from(`${JSON.stringify(entry)}\n`));
    return entry;
  }

  async writer(accessionNumber: string): Promise<ArchiveWriter> {
    const accession = this.requireAccession(accessionNumber);
    const temp = join(this.tmpDir, `${this.writerId}_${process.pid}_${randomUUID()}`);
    const handle = await open(temp, 'wx');
    let hash = createHash('sha256');
    let bytes = 0;
    let head = Buffer.alloc(0);
    let done = false;
    const finish = async (): Promise<void> => {
      if (done) return;
      done = true;
      await handle.close();
    };
    return {
      get bytes() {
        return bytes;
      },
      head: () => head,
      write: async (chunk) => {
        for (let offset = 0; offset < chunk.length;) {
          const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset, bytes + offset);
          offset += bytesWritten;
        }
        hash.update(chunk);
        if (head.length < 512) head = Buffer.concat([head, chunk.subarray(0, 512 - head.length)]);
        bytes += chunk.length;
      },
      reset: async () => {
        await handle.truncate(0);
        hash = createHash('sha256');
        bytes = 0;
        head = Buffer.alloc(0);
      },
      commit: async () => {
        const sha256 = hash.digest('hex');
        await handle.datasync();
        await finish();
        await this.place(temp, this.objectPath(sha256), bytes, sha256);
        const entry: ArchiveEntry = { accessionNumber: accession, sha256, bytes };
        await this.writeAtomically(this.indexPath(accession), Buffer.from(`${JSON.stringify(entry)}\n`));
        return entry;
      },
      discard: async () => {
        await finish().catch(() => undefined);
        await rm(temp, { force: true });
      },
    };
  }

  /** Renames a written temp file to `path` unless `path` already holds those bytes. */
  private async place(temp: string, path: string, bytes: number, sha256: string): Promise<void> {
    try {
      if (!(await this.holds(path, bytes, sha256))) {
        await mkdir(dirname(path), { recursive: true });
        await rename(temp, path);
        await syncDirectory(dirname(path));
      }
    } finally {
      await rm(temp, { force: true });
    }
  }

  async lookup(accessionNumber: string): Promise<ArchiveEntry | null> {
    const accession = this.requireAccession(accessionNumber);
    let entry: ArchiveEntry;
    try {
      const parsed = JSON.parse(await readFile(this.indexPath(accession), 'utf8')) as Partial<ArchiveEntry>;
      if (typeof parsed.sha256 !== 'string' || !SHA256.test(parsed.sha256) || typeof parsed.bytes !== 'number') {
        return null;
      }
      entry = { accessionNumber: accession, sha256: parsed.sha256, bytes: parsed.bytes };
    } catch (error) {
      if (isMissing(error) || error instanceof SyntaxError) return null;
      throw error;
    }
    // An index entry counts only if its object is there and intact: otherwise the filing is fetched again.
    return (await this.holds(this.objectPath(entry.sha256), entry.bytes, entry.sha256)) ? entry : null;
  }

  async read(sha256: string): Promise<Buffer> {
    if (!SHA256.test(sha256)) throw new ArchiveIntegrityError(sha256, `not a sha256: ${JSON.stringify(sha256)}`);
    let body: Buffer;
    try {
      body = await readFile(this.objectPath(sha256));
    } catch (error) {
      if (isMissing(error)) throw new ArchiveIntegrityError(sha256, `archive object ${sha256} is missing`);
      throw error;
    }
    if (sha256Hex(body) !== sha256) {
      throw new ArchiveIntegrityError(sha256, `archive object ${sha256} is corrupt (its bytes hash differently)`);
    }
    return body;
  }

  private requireAccession(value: string): string {
    const accession = normalizeAccession(value);
    if (accession === null) throw new TypeError(`not an accession number: ${JSON.stringify(value)}`);
    return accession;
  }

  /** Whether the file at `path` holds exactly these bytes (size first: cheap; then the hash). */
  private async holds(path: string, bytes: number, sha256: string): Promise<boolean> {
    try {
      if ((await stat(path)).size !== bytes) return false;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
    return (await hashFile(path)) === sha256;
  }

  private async writeAtomically(path: string, body: Uint8Array): Promise<void> {
    const temp = join(this.tmpDir, `${this.writerId}_${process.pid}_${randomUUID()}`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(body);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    try {
      await mkdir(dirname(path), { recursive: true });
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await syncDirectory(dirname(path));
  }

  /** Removes leftovers of crashed writers (see FOREIGN_TEMP_MS for the rule and why). */
  private async sweepStaleTemps(): Promise<void> {
    const names = await readdir(this.tmpDir);
    if (names.length === 0) return;
    const now = await this.directoryNow();
    for (const name of names) {
      const path = join(this.tmpDir, name);
      const named = TEMP_NAME.exec(name);
      try {
        const deadWriter = named !== null && named[1] === this.writerId && !processExists(Number(named[2]));
        if (deadWriter || now - (await stat(path)).mtimeMs > FOREIGN_TEMP_MS) await rm(path, { force: true });
      } catch {
        // Another process swept it first.
      }
    }
  }

  /** The time on the clock that stamps files in the archive (a file server's, on a network share). */
  private async directoryNow(): Promise<number> {
    const probe = join(this.tmpDir, `${this.writerId}_${process.pid}_${randomUUID()}`);
    await (await open(probe, 'wx')).close();
    try {
      return (await stat(probe)).mtimeMs;
    } finally {
      await rm(probe, { force: true });
    }
  }
}

/** fsync of a directory, so a rename into it is durable; a no-op where directories cannot be opened (Windows). */
async function syncDirectory(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (['EISDIR', 'EPERM', 'EACCES'].includes((error as { code?: string }).code ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!['EINVAL', 'EPERM', 'EBADF'].includes((error as { code?: string }).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

/** Opens the archive at ARCHIVE_DIR. */
export function openRawArchive(dir: string): Promise<RawArchive> {
  return FsRawArchive.open(dir);
}
