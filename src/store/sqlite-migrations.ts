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
  {
    version: 2,
    name: 'typed filing state (bad-input reason, hold), listed filings, inferred file numbers',
    // Rows of schema 1 are carried over: bad-input reasons and holds from the text that recorded them, the
    // listing checkpoints into listed_filings, the inferred-number warnings into inferred_file_numbers.
    sql: `
      ALTER TABLE filings ADD COLUMN bad_input_reason TEXT;
      ALTER TABLE filings ADD COLUMN hold_reason TEXT CHECK (hold_reason IN ('not-attributed', 'unnumbered'));
      -- JSON array of the held letter's own file numbers.
      ALTER TABLE filings ADD COLUMN hold_file_numbers TEXT;
      UPDATE filings SET bad_input_reason = substr(failure_reason, 1, instr(failure_reason, ':') - 1)
        WHERE state = 'failed' AND failure_code = 'BAD_INPUT' AND instr(failure_reason, ':') > 1;
      UPDATE filings SET hold_reason = CASE WHEN note LIKE 'unnumbered%' THEN 'unnumbered' ELSE 'not-attributed' END,
          hold_file_numbers = '[]'
        WHERE state = 'fetched' AND (note LIKE 'unnumbered%' OR note LIKE 'not attributed%');

      CREATE TABLE listed_filings (
        cik TEXT NOT NULL,
        accession_number TEXT NOT NULL,
        form TEXT,
        filing_date TEXT,
        report_date TEXT,
        PRIMARY KEY (cik, accession_number)
      ) WITHOUT ROWID;
      CREATE INDEX listed_filings_accession ON listed_filings (accession_number);
      CREATE TABLE listed_filing_file_numbers (
        cik TEXT NOT NULL,
        accession_number TEXT NOT NULL,
        file_number TEXT NOT NULL,
        -- The order the listing gives them in.
        position INTEGER NOT NULL,
        PRIMARY KEY (cik, accession_number, file_number),
        FOREIGN KEY (cik, accession_number) REFERENCES listed_filings (cik, accession_number) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX listed_filing_file_numbers_number ON listed_filing_file_numbers (file_number);
      INSERT OR IGNORE INTO listed_filings (cik, accession_number)
        SELECT substr(c.name, 22), e.key FROM checkpoints c, json_each(c.value) e
        WHERE c.name LIKE 'listing-file-numbers:%' AND json_valid(c.value);
      INSERT OR IGNORE INTO listed_filing_file_numbers (cik, accession_number, file_number, position)
        SELECT substr(c.name, 22), e.key, n.value, n.key FROM checkpoints c, json_each(c.value) e, json_each(e.value) n
        WHERE c.name LIKE 'listing-file-numbers:%' AND json_valid(c.value) AND e.type = 'array';
      DELETE FROM checkpoints WHERE name LIKE 'listing-file-numbers:%';

      CREATE TABLE inferred_file_numbers (
        accession_number TEXT NOT NULL REFERENCES letters (accession_number) ON DELETE CASCADE,
        file_number TEXT NOT NULL,
        via_accession TEXT NOT NULL,
        relation TEXT NOT NULL CHECK (relation IN ('answers', 'answered-by')),
        PRIMARY KEY (accession_number, file_number)
      ) WITHOUT ROWID;
      INSERT OR IGNORE INTO inferred_file_numbers (accession_number, file_number, via_accession, relation)
        SELECT accession_number,
          substr(warning, 13, instr(warning, ' inferred from its review thread (') - 13),
          CASE WHEN how LIKE 'it answers %' THEN substr(how, 12) ELSE substr(how, 1, instr(how, ' ') - 1) END,
          CASE WHEN how LIKE 'it answers %' THEN 'answers' ELSE 'answered-by' END
        FROM (SELECT l.accession_number, w.value AS warning,
                substr(w.value, instr(w.value, '(') + 1, instr(w.value, ')') - instr(w.value, '(') - 1) AS how
              FROM letters l, json_each(l.letter_json, '$.warnings') w
              WHERE w.value LIKE 'file number % inferred from its review thread (%)%');
    `,
  },
  {
    version: 3,
    name: 'analytic tables: conversations, comments and their searchable terms',
    // Rows are kept whole as JSON; the columns are what filters and keyset pages need. Filled by the thread
    // stage (and reparse); a store upgraded from schema 2 gets them at its next reparse or backfill.
    sql: `
      CREATE TABLE conversations (
        thread_id TEXT PRIMARY KEY,
        cik TEXT NOT NULL,
        first_letter_date TEXT NOT NULL,
        status TEXT NOT NULL,
        row_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX conversations_order ON conversations (first_letter_date, thread_id);
      CREATE INDEX conversations_cik ON conversations (cik);

      -- position: the comment's index in its review (a letter may number two comments alike).
      CREATE TABLE comments (
        thread_id TEXT NOT NULL REFERENCES conversations (thread_id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        accession_number TEXT NOT NULL,
        number INTEGER NOT NULL,
        cik TEXT NOT NULL,
        letter_date TEXT NOT NULL,
        resolution TEXT NOT NULL,
        row_json TEXT NOT NULL,
        PRIMARY KEY (thread_id, position)
      ) WITHOUT ROWID;
      CREATE INDEX comments_order ON comments (letter_date, thread_id, position);
      CREATE INDEX comments_letter ON comments (accession_number, number);
      CREATE INDEX comments_cik ON comments (cik);

      -- A review's file numbers (position -1), each comment's topics and lower-cased authorities.
      CREATE TABLE analytic_terms (
        thread_id TEXT NOT NULL REFERENCES conversations (thread_id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        term TEXT NOT NULL CHECK (term IN ('file_number', 'topic', 'authority')),
        value TEXT NOT NULL,
        PRIMARY KEY (thread_id, position, term, value)
      ) WITHOUT ROWID;
      CREATE INDEX analytic_terms_value ON analytic_terms (term, value);
    `,
  },
  {
    version: 4,
    name: "letter terms: each letter's item topics and authorities, for the letters' filters",
    // Each letter's item topics and authorities (as the items hold them), written with the letter: the letters'
    // topic and authority filters read this index instead of every letter's items JSON. Filled from stored letters.
    sql: `
      CREATE TABLE letter_terms (
        term TEXT NOT NULL CHECK (term IN ('topic', 'authority')),
        value TEXT NOT NULL,
        accession_number TEXT NOT NULL,
        PRIMARY KEY (term, value, accession_number)
      ) WITHOUT ROWID;
      CREATE INDEX letter_terms_accession ON letter_terms (accession_number);
      INSERT OR IGNORE INTO letter_terms (term, value, accession_number)
        SELECT 'topic', t.value, l.accession_number
        FROM letters l, json_each(l.letter_json, '$.items') i, json_each(i.value, '$.topics') t;
      INSERT OR IGNORE INTO letter_terms (term, value, accession_number)
        SELECT 'authority', t.value, l.accession_number
        FROM letters l, json_each(l.letter_json, '$.items') i, json_each(i.value, '$.authorities') t;
    `,
  },
  {
    version: 5,
    name: 'indexes for the overview: letters by filing date and form, conversations by rounds, days open, last letter',
    // The overview's counts read these small indexes instead of every letter (text and all) and every
    // conversation's JSON: letters per year by form, rounds per review, days to close, the latest reviews.
    // (filing_date, form) also serves the since/until filters, so it replaces the index on filing_date alone.
    sql: `
      CREATE INDEX letters_filing_date_form ON letters (filing_date, form);
      DROP INDEX letters_filing_date;
      CREATE INDEX conversations_rounds ON conversations (json_extract(row_json, '$.rounds'));
      CREATE INDEX conversations_days_open ON conversations (status, json_extract(row_json, '$.daysOpen'));
      CREATE INDEX conversations_recent ON conversations (json_extract(row_json, '$.lastLetterDate') DESC, thread_id);
    `,
  },
];
