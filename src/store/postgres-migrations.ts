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
  {
    version: 2,
    name: 'typed filing state (bad-input reason, hold), listed filings, inferred file numbers',
    // Rows of schema 1 are carried over: bad-input reasons and holds from the text that recorded them, the
    // listing checkpoints into listed_filings, the inferred-number warnings into inferred_file_numbers.
    sql: `
      ALTER TABLE filings ADD COLUMN bad_input_reason text;
      ALTER TABLE filings ADD COLUMN hold_reason text CHECK (hold_reason IN ('not-attributed', 'unnumbered'));
      ALTER TABLE filings ADD COLUMN hold_file_numbers jsonb;
      UPDATE filings SET bad_input_reason = split_part(failure_reason, ':', 1)
        WHERE state = 'failed' AND failure_code = 'BAD_INPUT' AND strpos(failure_reason, ':') > 1;
      UPDATE filings SET hold_reason = CASE WHEN note LIKE 'unnumbered%' THEN 'unnumbered' ELSE 'not-attributed' END,
          hold_file_numbers = '[]'::jsonb
        WHERE state = 'fetched' AND (note LIKE 'unnumbered%' OR note LIKE 'not attributed%');

      CREATE TABLE listed_filings (
        cik text NOT NULL,
        accession_number text COLLATE "C" NOT NULL,
        form text,
        filing_date text COLLATE "C",
        report_date text,
        PRIMARY KEY (cik, accession_number)
      );
      CREATE INDEX listed_filings_accession ON listed_filings (accession_number);
      CREATE TABLE listed_filing_file_numbers (
        cik text NOT NULL,
        accession_number text COLLATE "C" NOT NULL,
        file_number text NOT NULL,
        -- The order the listing gives them in.
        position integer NOT NULL,
        PRIMARY KEY (cik, accession_number, file_number),
        FOREIGN KEY (cik, accession_number) REFERENCES listed_filings (cik, accession_number) ON DELETE CASCADE
      );
      CREATE INDEX listed_filing_file_numbers_number ON listed_filing_file_numbers (file_number);
      INSERT INTO listed_filings (cik, accession_number)
        SELECT substr(c.name, 22), e.key FROM checkpoints c, jsonb_each(c.value::jsonb) e
        WHERE c.name LIKE 'listing-file-numbers:%' ON CONFLICT DO NOTHING;
      INSERT INTO listed_filing_file_numbers (cik, accession_number, file_number, position)
        SELECT substr(c.name, 22), e.key, n.value, n.position - 1 FROM checkpoints c, jsonb_each(c.value::jsonb) e,
          jsonb_array_elements_text(e.value) WITH ORDINALITY AS n (value, position)
        WHERE c.name LIKE 'listing-file-numbers:%' AND jsonb_typeof(e.value) = 'array' ON CONFLICT DO NOTHING;
      DELETE FROM checkpoints WHERE name LIKE 'listing-file-numbers:%';

      CREATE TABLE inferred_file_numbers (
        accession_number text COLLATE "C" NOT NULL REFERENCES letters (accession_number) ON DELETE CASCADE,
        file_number text NOT NULL,
        via_accession text NOT NULL,
        relation text NOT NULL CHECK (relation IN ('answers', 'answered-by')),
        PRIMARY KEY (accession_number, file_number)
      );
      INSERT INTO inferred_file_numbers (accession_number, file_number, via_accession, relation)
        SELECT l.accession_number, m[1], coalesce(m[2], m[3]), CASE WHEN m[2] IS NOT NULL THEN 'answers' ELSE 'answered-by' END
        FROM letters l, jsonb_array_elements_text(l.letter -> 'warnings') w,
          regexp_match(w, '^file number (\\S+) inferred from its review thread \\((?:it answers (\\S+)|(\\S+) answers it)\\)') m
        WHERE m IS NOT NULL ON CONFLICT DO NOTHING;
    `,
  },
  {
    version: 3,
    name: 'analytic tables: conversations, comments and their searchable terms',
    // Rows are kept whole as JSONB; the columns are what filters and keyset pages need. Filled by the thread
    // stage (and reparse); a store upgraded from schema 2 gets them at its next reparse or backfill.
    sql: `
      CREATE TABLE conversations (
        thread_id text COLLATE "C" PRIMARY KEY,
        cik text NOT NULL,
        first_letter_date text COLLATE "C" NOT NULL,
        status text NOT NULL,
        row jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX conversations_order ON conversations (first_letter_date, thread_id);
      CREATE INDEX conversations_cik ON conversations (cik);

      -- position: the comment's index in its review (a letter may number two comments alike).
      CREATE TABLE comments (
        thread_id text COLLATE "C" NOT NULL REFERENCES conversations (thread_id) ON DELETE CASCADE,
        position integer NOT NULL,
        accession_number text NOT NULL,
        number integer NOT NULL,
        cik text NOT NULL,
        letter_date text COLLATE "C" NOT NULL,
        resolution text NOT NULL,
        row jsonb NOT NULL,
        PRIMARY KEY (thread_id, position)
      );
      CREATE INDEX comments_order ON comments (letter_date, thread_id, position);
      CREATE INDEX comments_letter ON comments (accession_number, number);
      CREATE INDEX comments_cik ON comments (cik);

      -- A review's file numbers (position -1), each comment's topics and lower-cased authorities.
      CREATE TABLE analytic_terms (
        thread_id text COLLATE "C" NOT NULL REFERENCES conversations (thread_id) ON DELETE CASCADE,
        position integer NOT NULL,
        term text NOT NULL CHECK (term IN ('file_number', 'topic', 'authority')),
        value text NOT NULL,
        PRIMARY KEY (thread_id, position, term, value)
      );
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
        term text NOT NULL CHECK (term IN ('topic', 'authority')),
        value text NOT NULL,
        accession_number text NOT NULL,
        PRIMARY KEY (term, value, accession_number)
      );
      CREATE INDEX letter_terms_accession ON letter_terms (accession_number);
      INSERT INTO letter_terms (term, value, accession_number)
        SELECT 'topic', t.value, l.accession_number
        FROM letters l, jsonb_array_elements(l.letter -> 'items') i, jsonb_array_elements_text(i -> 'topics') t (value)
        ON CONFLICT DO NOTHING;
      INSERT INTO letter_terms (term, value, accession_number)
        SELECT 'authority', t.value, l.accession_number
        FROM letters l, jsonb_array_elements(l.letter -> 'items') i, jsonb_array_elements_text(i -> 'authorities') t (value)
        ON CONFLICT DO NOTHING;
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
      CREATE INDEX conversations_rounds ON conversations (((row ->> 'rounds')::int));
      CREATE INDEX conversations_days_open ON conversations (status, ((row ->> 'daysOpen')::int));
      CREATE INDEX conversations_recent ON conversations ((row ->> 'lastLetterDate') COLLATE "C" DESC, thread_id);
    `,
  },
  {
    version: 6,
    name: "letter threads: each letter's thread id in a table of its own, out of the letters row",
    // Assigning a thread used to UPDATE the letters row (thread_id, and threadId inside the letter JSON): a new
    // TOASTed letter, its stored search_vector computed again and, thread_id being indexed, no HOT update, so
    // new GIN entries for every lexeme (4 ms a letter). Now it writes a row of two short columns, and letters
    // are stored without threadId in their JSON. Rows stored before keep theirs: every reader takes the thread
    // from letter_threads (restoreLetter overrides the JSON's), and removing it here would rewrite every
    // letter row, search_vector and GIN entries included (14 s at 10^4 letters, minutes at 10^6, holding the
    // migration lock while every worker waits). Never read `letter -> 'threadId'`: it may be stale.
    sql: `
      CREATE TABLE letter_threads (
        accession_number text COLLATE "C" PRIMARY KEY REFERENCES letters (accession_number) ON DELETE CASCADE,
        thread_id text COLLATE "C" NOT NULL
      );
      CREATE INDEX letter_threads_thread ON letter_threads (thread_id, accession_number);
      INSERT INTO letter_threads (accession_number, thread_id)
        SELECT accession_number, thread_id FROM letters WHERE thread_id IS NOT NULL;
      ALTER TABLE letters DROP COLUMN thread_id;
    `,
  },
];
