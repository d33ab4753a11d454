import { after } from 'node:test';
import pg from 'pg';
import { prepareLetterRecord } from '../../../src/store/letter-record.ts';
import { PostgresDocumentStore } from '../../../src/store/postgres-document-store.ts';
import { POSTGRES_MIGRATIONS } from '../../../src/store/postgres-migrations.ts';
import { documentStoreContract } from '../../contract/document-store.ts';
import { TEST_POSTGRES_URL, dropSchemas, requireTestPostgres, uniqueSchemaPrefix } from './postgres-test-server.ts';

await requireTestPostgres();
const prefix = uniqueSchemaPrefix('store_contract');
after(() => dropSchemas(prefix));
let locations = 0;

documentStoreContract({
  name: 'postgres',
  async createLocation() {
    const schema = `${prefix}_${++locations}`;
    return {
      open: () => PostgresDocumentStore.open(TEST_POSTGRES_URL, { schema }),
      destroy: () => dropSchemas(schema),
    };
  },
  async createLegacyLocation(version) {
    const schema = `${prefix}_${++locations}`;
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
    await client.query(
      'CREATE TABLE schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
    );
    for (const migration of POSTGRES_MIGRATIONS.filter((m) => m.version <= version)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_version VALUES ($1, $2, now())', [migration.version, migration.name]);
    }
    let open = true;
    const end = async () => {
      if (open) await client.end();
      open = false;
    };
    return {
      open: async () => (await end(), PostgresDocumentStore.open(TEST_POSTGRES_URL, { schema })),
      destroy: async () => (await end(), dropSchemas(schema)),
      exec: async (sql) => void (await client.query(sql)),
      async insertLetterV1(input) {
        const { letter, contentHash, sortKey, fileNumbers } = prepareLetterRecord(input);
        await client.query(
          `INSERT INTO letters (accession_number, cik, form, company_name, filing_date, acceptance_date_time, sort_key,
             letter_date, kind, thread_id, parser_version, content_hash, letter, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())`,
          [
            letter.accessionNumber,
            letter.cik,
            letter.form,
            letter.companyName,
            letter.filingDate,
            letter.acceptanceDateTime,
            sortKey,
            letter.letterDate,
            letter.kind,
            letter.threadId,
            letter.parserVersion,
            contentHash,
            JSON.stringify(letter),
          ],
        );
        await client.query('INSERT INTO letter_file_numbers SELECT unnest($2::text[]), $1', [
          letter.accessionNumber,
          fileNumbers,
        ]);
        await client.query(
          `INSERT INTO filings (accession_number, cik, form, filing_date, state, parser_version, updated_at)
           VALUES ($1, $2, $3, $4, 'parsed', $5, now())`,
          [letter.accessionNumber, letter.cik, letter.form, letter.filingDate, letter.parserVersion],
        );
      },
    };
  },
});
