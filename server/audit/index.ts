export * from './audit-log.js';
export * from './audit-scope.js';
