/**
 * The RawArchive port: complete submissions as fetched, immutable and content-addressed (sha256), plus an
 * accession -> sha256 index kept in the archive itself, so a filing once archived is never fetched again, even
 * when the store was lost. Adapter: fs-raw-archive.ts (a directory that many processes and machines may share).
 */

export interface ArchiveEntry {
  readonly accessionNumber: string;
  /** sha256 hex of the raw bytes. */
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * One filing's bytes on their way into the archive, written as they arrive (a download streamed to disk, so a
 * large submission or a bomb is never held in memory). Nothing is visible in the archive before `commit`.
 */
export interface ArchiveWriter {
  /** Appends bytes. */
  write(chunk: Uint8Array): Promise<void>;
  /** Forgets everything written (a retried download starts over). */
  reset(): Promise<void>;
  /** Bytes written since the last reset. */
  readonly bytes: number;
  /** The first (at most 512) bytes written, to recognise what was sent. */
  head(): Buffer;
  /** Puts the bytes in the archive under their hash and indexes the accession, as `put` would. */
  commit(): Promise<ArchiveEntry>;
  /** Removes what was written; a no-op after commit. */
  discard(): Promise<void>;
}

export interface RawArchive {
  /** Stores the raw bytes of one filing and indexes its accession; idempotent. */
  put(accessionNumber: string, body: Uint8Array): Promise<ArchiveEntry>;
  /** A writer for one filing's bytes, committed (or discarded) by the caller. */
  writer(accessionNumber: string): Promise<ArchiveWriter>;
  /** The entry of an archived filing whose bytes are present and intact, else null. */
  lookup(accessionNumber: string): Promise<ArchiveEntry | null>;
  /** The raw bytes of an archived object; throws ArchiveIntegrityError when missing or corrupt. */
  read(sha256: string): Promise<Buffer>;
}

/** An archived object is missing or its bytes no longer hash to its name. */
export class ArchiveIntegrityError extends Error {
  readonly sha256: string;
  constructor(sha256: string, message: string) {
    super(message);
    this.sha256 = sha256;
  }
  override get name(): string {
    return 'ArchiveIntegrityError';
  }
}
