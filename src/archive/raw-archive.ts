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

export interface RawArchive {
  /** Stores the raw bytes of one filing and indexes its accession; idempotent. */
  put(accessionNumber: string, body: Uint8Array): Promise<ArchiveEntry>;
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
