/**
 * RawArchive on a directory (ARCHIVE_DIR), safe for many processes and machines sharing it:
 *   objects/ab/cd/<sha256>          raw bytes, named by their sha256
 *   accessions/<yy>/<nnn>/<accession>.json   {"accessionNumber","sha256","bytes"}: the index, one file per filing
 *   tmp/                            where every file is written before it is renamed into place
 * Every write goes to a unique temp file in the same directory tree, is flushed, then renamed: a reader sees
 * the whole file or none, a crash (even kill -9) leaves at most a stray temp file, and two writers of the same
 * object write the same bytes. Nothing is ever modified in place.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeAccession } from '../identifiers.ts';
import { ArchiveIntegrityError, type ArchiveEntry, type RawArchive } from './raw-archive.ts';

const SHA256 = /^[0-9a-f]{64}$/;
/** Temp files older than this are leftovers of crashed writers. */
const STALE_TEMP_MS = 60 * 60 * 1000;

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
    if (!(await this.hasIntactSize(objectPath, body.byteLength))) await this.writeAtomically(objectPath, body);
    const entry: ArchiveEntry = { accessionNumber: accession, sha256, bytes: body.byteLength };
    await this.writeAtomically(this.indexPath(accession), Buffer.from(`${JSON.stringify(entry)}\n`));
    return entry;
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
    const path = this.objectPath(entry.sha256);
    if (!(await this.hasIntactSize(path, entry.bytes))) return null;
    return (await hashFile(path)) === entry.sha256 ? entry : null;
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

  private async hasIntactSize(path: string, bytes: number): Promise<boolean> {
    try {
      return (await stat(path)).size === bytes;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  private async writeAtomically(path: string, body: Uint8Array): Promise<void> {
    const temp = join(this.tmpDir, `${process.pid}-${randomUUID()}`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(body);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    try {
      await mkdir(join(path, '..'), { recursive: true });
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  private async sweepStaleTemps(): Promise<void> {
    const now = Date.now();
    for (const name of await readdir(this.tmpDir)) {
      const path = join(this.tmpDir, name);
      try {
        if (now - (await stat(path)).mtimeMs > STALE_TEMP_MS) await rm(path, { force: true });
      } catch {
        // Another process swept it first.
      }
    }
  }
}

/** Opens the archive at ARCHIVE_DIR. */
export function openRawArchive(dir: string): Promise<RawArchive> {
  return FsRawArchive.open(dir);
}
