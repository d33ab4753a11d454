/**
 * Schema of the PostgreSQL store, as numbered migrations applied by `PostgresDocumentStore.migrate` under an
 * advisory lock (many workers start at once; one migrates, the others wait and find nothing to do). Never
 * edit a migration that has shipped: add the next one. Ordering columns use the "C" collation so that keyset
 * pages compare ISO timestamps and accession numbers byte by byte, as SQLite does.
 */

export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'filings, letters (jsonb + tsvector), file numbers, checkpoints',
    sql: `
      CREATE TABLE filings (
        accession_number text COLLATE "C" PRIMARY KEY,
        cik text NOT NULL,
        form text NOT NULL,
        filing_date text COLLATE "C" NOT NULL,
        acceptance_date_time text,
        listed_file_number text,
        state text NOT NULL CHECK (state IN ('discovered', 'fetched', 'parsed', 'failed', 'skipped')),
        archive_sha256 text,
        archive_bytes bigint,
        failed_stage text,
        failure_code text,
        failure_reason text,
        note text,
        parser_version text,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX filings_state ON filings (state);
      CREATE INDEX filings_cik ON filings (cik);

      -- A tsvector holds at most 1 MB: a letter whose full text exceeds it (tens of thousands of distinct
      -- tokens, e.g. huge tables) is indexed on its first 200,000 characters instead of failing to store.
      CREATE FUNCTION letter_search_vector(company text, body text) RETURNS tsvector
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      BEGIN
        RETURN setweight(to_tsvector('english'::regconfig, company), 'A') ||
          setweight(to_tsvector('english'::regconfig, body), 'B');
      EXCEPTION WHEN program_limit_exceeded THEN
        RETURN setweight(to_tsvector('english'::regconfig, company), 'A') ||
          setweight(to_tsvector('english'::regconfig, left(body, 200000)), 'B');
      END $$;

      CREATE TABLE letters (
        accession_number text COLLATE "C" PRIMARY KEY,
        cik text NOT NULL,
        form text NOT NULL,
        company_name text NOT NULL,
        filing_date text COLLATE "C" NOT NULL,
        acceptance_date_time text,
        sort_key text COLLATE "C" NOT NULL,
        letter_date text,
        kind text NOT NULL,
        thread_id text,
        parser_version text NOT NULL,
        content_hash text NOT NULL,
        letter jsonb NOT NULL,
        search_vector tsvector GENERATED ALWAYS AS (
          letter_search_vector(company_name, coalesce(letter ->> 'text', ''))
        ) STORED,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX letters_order ON letters (sort_key, filing_date, accession_number);
      CREATE INDEX letters_cik ON letters (cik, sort_key);
      CREATE INDEX letters_filing_date ON letters (filing_date);
      CREATE INDEX letters_thread ON letters (thread_id);
      CREATE INDEX letters_search ON letters USING gin (search_vector);

      CREATE TABLE letter_file_numbers (
        file_number text NOT NULL,
        accession_number text COLLATE "C" NOT NULL REFERENCES letters (accession_number) ON DELETE CASCADE,
        PRIMARY KEY (file_number, accession_number)
      );
      CREATE INDEX letter_file_numbers_accession ON letter_file_numbers (accession_number);

      CREATE TABLE checkpoints (
        name text PRIMARY KEY,
        value text NOT NULL,
        updated_at timestamptz NOT NULL
      );
    `,
  },
];
