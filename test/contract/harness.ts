/**
 * How the contract suite reaches a store: a harness creates isolated storage locations (a temporary SQLite
 * file, a PostgreSQL schema) and opens as many store instances on one location as a test needs.
 */
import type { Letter } from '../../src/letter/schema.ts';
import type { DocumentStore } from '../../src/store/document-store.ts';

export interface StoreLocation {
  /** Opens (and migrates) a new store instance on this location; may be called several times. */
  open(): Promise<DocumentStore>;
  /** Removes the location and everything in it. */
  destroy(): Promise<void>;
}

/** A location holding a store of an older schema, written as that schema's code wrote it. */
export interface LegacyLocation extends StoreLocation {
  /** Runs statements on the location directly (the tables of its schema version, nothing migrated further). */
  exec(sql: string): Promise<void>;
  /** Stores a letter as schema 1 kept it (letters + letter_file_numbers rows). */
  insertLetterV1(letter: Letter): Promise<void>;
}

export interface DocumentStoreHarness {
  /** Shown in the suite's name, e.g. "sqlite". */
  readonly name: string;
  /** A fresh, empty location, isolated from every other one. */
  createLocation(): Promise<StoreLocation>;
  /** A fresh location holding an empty store of schema `version`, for the upgrade tests. */
  createLegacyLocation(version: 1): Promise<LegacyLocation>;
}

export interface StoreContext {
  readonly store: DocumentStore;
  /** Opens another instance on the same location (closed by the harness after the test). */
  openAnother(): Promise<DocumentStore>;
}

/** Runs `work` on a fresh location; closes every instance and destroys the location afterwards. */
export async function withStore(
  harness: DocumentStoreHarness,
  work: (context: StoreContext) => Promise<void>,
): Promise<void> {
  const location = await harness.createLocation();
  const opened: DocumentStore[] = [];
  const openAnother = async (): Promise<DocumentStore> => {
    const store = await location.open();
    opened.push(store);
    return store;
  };
  try {
    const store = await openAnother();
    await work({ store, openAnother });
  } finally {
    for (const store of opened) await store.close();
    await location.destroy();
  }
}

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
