/** The API contract: TypeBox schemas of the answers, the types derived from them and the time contract. */
export * from './calendar.js';
export * from './case-detail.js';
export * from './case-intake.js';
export * from './case-outcome.js';
export * from './case-row.js';
export * from './case-tasks.js';
export * from './clocks.js';
export * from './copies.js';
export * from './disclosure.js';
export * from './enum.js';
export * from './lights.js';
export * from './materials.js';
export * from './notifications.js';
export * from './reports.js';
export * from './supervision.js';
export * from './tasks.js';
export * from './time.js';
