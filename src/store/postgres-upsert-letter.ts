/**
 * `upsertLetter` on PostgreSQL as one statement (one round trip, atomic as every statement is): the letter,
 * its thread (when it has one), its file numbers and terms, its filing marked parsed and, when given, its
 * inferred file numbers. Parameters:
 *   $1 accession  $2 cik  $3 form  $4 company  $5 filing date  $6 acceptance time  $7 sort key  $8 letter date
 *   $9 kind  $10 thread id  $11 parser version  $12 content hash  $13 letter JSON (without threadId)  $14 file numbers
 *   $15/$16 term/value pairs  $17 whether to replace the inferred numbers  $18/$19/$20 their number/via/relation
 * Returns one row: `inserted` true (a new letter), false (changed: content or thread) or null (nothing changed).
 * The thread id lives in letter_threads, not in the letters row: a new thread writes that small row only, not
 * the letter's JSON and its stored search_vector (migration 6).
 *
 * The CTEs of one statement share one snapshot and run in no set order, so each child table gets a DELETE of
 * the rows no longer wanted and an INSERT ... ON CONFLICT of the wanted ones: disjoint rows, any order works.
 */
import { PARSED_STATE_CHANGES } from './letter-filter-sql.ts';

export const UPSERT_LETTER_SQL = `
WITH
-- Re-storing what is stored (a rerun, a reparse with the same output) writes nothing: no row is offered to an
-- ON CONFLICT, which would lock it and make the call a durable commit.
stored AS (
  SELECT 1 FROM letters l JOIN filings USING (accession_number)
  CROSS JOIN (SELECT $11::text AS parser_version, $6::text AS acceptance_date_time) AS excluded
  WHERE l.accession_number = $1 AND l.content_hash = $12 AND NOT (${PARSED_STATE_CHANGES})),
go AS (SELECT 1 AS go WHERE $17::boolean OR NOT EXISTS (SELECT 1 FROM stored)),
-- A new row (xmax = 0), a changed one, or no row when nothing changed.
upserted AS (
  INSERT INTO letters AS l (accession_number, cik, form, company_name, filing_date, acceptance_date_time,
    sort_key, letter_date, kind, parser_version, content_hash, letter, updated_at)
  SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text,
    $11::text, $12::text, $13::jsonb, now() FROM go
  ON CONFLICT (accession_number) DO UPDATE SET
    cik = excluded.cik, form = excluded.form, company_name = excluded.company_name,
    filing_date = excluded.filing_date, acceptance_date_time = excluded.acceptance_date_time,
    sort_key = excluded.sort_key, letter_date = excluded.letter_date, kind = excluded.kind,
    parser_version = excluded.parser_version, content_hash = excluded.content_hash, letter = excluded.letter,
    updated_at = excluded.updated_at
  WHERE l.content_hash <> excluded.content_hash
  RETURNING (xmax = 0) AS inserted),
-- A letter without a thread keeps the one the thread builder assigned earlier; one whose thread is the stored
-- one offers no row (no lock). The letter row it references is stored before the statement ends (a new one by
-- upserted): foreign keys are checked then.
threaded AS (
  INSERT INTO letter_threads AS t (accession_number, thread_id)
  SELECT $1::text, $10::text
  WHERE $10::text IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM letter_threads s WHERE s.accession_number = $1 AND s.thread_id = $10)
  ON CONFLICT (accession_number) DO UPDATE SET thread_id = excluded.thread_id
  WHERE t.thread_id IS DISTINCT FROM excluded.thread_id
  RETURNING 1),
stale_numbers AS (
  DELETE FROM letter_file_numbers
  WHERE accession_number = $1 AND NOT (file_number = ANY ($14::text[])) AND EXISTS (SELECT 1 FROM upserted)),
new_numbers AS (
  INSERT INTO letter_file_numbers (file_number, accession_number)
  SELECT n, $1 FROM upserted, unnest($14::text[]) AS n ON CONFLICT DO NOTHING),
stale_terms AS (
  DELETE FROM letter_terms
  WHERE accession_number = $1 AND (term, value) NOT IN (SELECT * FROM unnest($15::text[], $16::text[]))
    AND EXISTS (SELECT 1 FROM upserted)),
new_terms AS (
  INSERT INTO letter_terms (term, value, accession_number)
  SELECT t.term, t.value, $1 FROM upserted, unnest($15::text[], $16::text[]) AS t (term, value)
  ON CONFLICT DO NOTHING),
parsed AS (
  INSERT INTO filings (accession_number, cik, form, filing_date, acceptance_date_time, state, parser_version, updated_at)
  SELECT $1::text, $2::text, $3::text, $5::text, $6::text, 'parsed', $11::text, now() FROM go
  ON CONFLICT (accession_number) DO UPDATE SET state = 'parsed', parser_version = excluded.parser_version,
    acceptance_date_time = coalesce(excluded.acceptance_date_time, filings.acceptance_date_time),
    failed_stage = NULL, failure_code = NULL, failure_reason = NULL, bad_input_reason = NULL, note = NULL,
    hold_reason = NULL, hold_file_numbers = NULL, updated_at = now()
  WHERE ${PARSED_STATE_CHANGES}),
stale_inferred AS (
  DELETE FROM inferred_file_numbers
  WHERE $17::boolean AND accession_number = $1 AND NOT (file_number = ANY ($18::text[]))),
new_inferred AS (
  INSERT INTO inferred_file_numbers AS i (accession_number, file_number, via_accession, relation)
  SELECT $1, f.file_number, f.via, f.relation FROM unnest($18::text[], $19::text[], $20::text[]) AS f (file_number, via, relation)
  WHERE $17::boolean
  ON CONFLICT (accession_number, file_number) DO UPDATE SET
    via_accession = excluded.via_accession, relation = excluded.relation
  WHERE (i.via_accession, i.relation) IS DISTINCT FROM (excluded.via_accession, excluded.relation))
SELECT coalesce((SELECT inserted FROM upserted), CASE WHEN EXISTS (SELECT 1 FROM threaded) THEN false END) AS inserted`;
