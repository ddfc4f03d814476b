export * from './command-result.js';
export * from './error-handler.js';
export * from './errors.js';
export * from './guard.js';
export * from './schemas.js';
