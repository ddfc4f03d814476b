export * from './connect.js';
export * from './knex-case-store.js';
export * from './knex-definition-repository.js';
export * from './knex-outbox-store.js';
export * from './knex-timer-store.js';
export * from './migration-source.js';
export * from './open-store.js';
export * from './sqlite-backup.js';
