/**
 * Schema of the SQLite store, as numbered migrations. Each runs once, inside its own write transaction, and
 * records itself in `schema_version`; never edit a migration that has shipped: add the next one.
 */

export interface SqliteMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'filings, letters, file numbers, full-text index, checkpoints',
    sql: `
      CREATE TABLE filings (
        accession_number TEXT PRIMARY KEY,
        cik TEXT NOT NULL,
        form TEXT NOT NULL,
        filing_date TEXT NOT NULL,
        acceptance_date_time TEXT,
        listed_file_number TEXT,
        state TEXT NOT NULL CHECK (state IN ('discovered', 'fetched', 'parsed', 'failed', 'skipped')),
        archive_sha256 TEXT,
        archive_bytes INTEGER,
        failed_stage TEXT,
        failure_code TEXT,
        failure_reason TEXT,
        note TEXT,
        parser_version TEXT,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX filings_state ON filings (state);
      CREATE INDEX filings_cik ON filings (cik);

      -- id: the stable rowid the external-content FTS index refers to.
      CREATE TABLE letters (
        id INTEGER PRIMARY KEY,
        accession_number TEXT NOT NULL UNIQUE,
        cik TEXT NOT NULL,
        form TEXT NOT NULL,
        company_name TEXT NOT NULL,
        filing_date TEXT NOT NULL,
        acceptance_date_time TEXT,
        sort_key TEXT NOT NULL,
        letter_date TEXT,
        kind TEXT NOT NULL,
        thread_id TEXT,
        parser_version TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        text TEXT NOT NULL,
        -- The letter without text and threadId (kept in their own columns).
        letter_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX letters_order ON letters (sort_key, filing_date, accession_number);
      CREATE INDEX letters_cik ON letters (cik, sort_key);
      CREATE INDEX letters_filing_date ON letters (filing_date);
      CREATE INDEX letters_thread ON letters (thread_id);

      CREATE TABLE letter_file_numbers (
        file_number TEXT NOT NULL,
        accession_number TEXT NOT NULL REFERENCES letters (accession_number) ON DELETE CASCADE,
        PRIMARY KEY (file_number, accession_number)
      ) WITHOUT ROWID;
      CREATE INDEX letter_file_numbers_accession ON letter_file_numbers (accession_number);

      CREATE VIRTUAL TABLE letters_fts USING fts5 (
        company_name, text,
        content = 'letters', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER letters_fts_insert AFTER INSERT ON letters BEGIN
        INSERT INTO letters_fts (rowid, company_name, text) VALUES (new.id, new.company_name, new.text);
      END;
      CREATE TRIGGER letters_fts_delete AFTER DELETE ON letters BEGIN
        INSERT INTO letters_fts (letters_fts, rowid, company_name, text)
          VALUES ('delete', old.id, old.company_name, old.text);
      END;
      CREATE TRIGGER letters_fts_update AFTER UPDATE OF company_name, text ON letters BEGIN
        INSERT INTO letters_fts (letters_fts, rowid, company_name, text)
          VALUES ('delete', old.id, old.company_name, old.text);
        INSERT INTO letters_fts (rowid, company_name, text) VALUES (new.id, new.company_name, new.text);
      END;

      CREATE TABLE checkpoints (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
];
