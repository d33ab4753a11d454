import { after } from 'node:test';
import { PostgresDocumentStore } from '../../../src/store/postgres-document-store.ts';
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
});
