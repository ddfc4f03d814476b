/**
 * The store plugin: opens the database named by the configuration (SQLite file under the data directory,
 * or PostgreSQL with DATABASE_URL), brings its schema up to date, and closes it when the server closes.
 */
import { sharedPlugin } from './plugin.js';
import { openStore } from '../store/open-store.js';
import './types.js';

/** Decorates `app.store`; closes it on `onClose`, after the runtime that uses it has stopped. */
export const storePlugin = sharedPlugin('shenpi-store', async (app) => {
  const store = await openStore(app.config.store);
  app.decorate('store', store);
  app.addHook('onClose', async () => {
    await store.close();
  });
});
