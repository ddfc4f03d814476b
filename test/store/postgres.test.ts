/**
 * The store contract on PostgreSQL, in a schema of its own per run so parallel test files never collide.
 * Runs when DATABASE_URL is set (CI sets it); otherwise the skipped suite's title says why.
 */
import { describe } from 'vitest';
import { openStore } from '../../server/store/open-store.js';
import { storeContract } from './contract.js';
import { dropSchema, testSchemaName } from './pg-schema.js';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)(url ? 'store contract on PostgreSQL' : 'store contract on PostgreSQL (skipped: set DATABASE_URL to run it)', () => {
  const schema = testSchemaName('contract');
  storeContract({
    open: () => openStore({ kind: 'postgres', url: url as string, schema }),
    async dispose(store) {
      await dropSchema(store.knex, schema);
      await store.close();
    },
  });
});
