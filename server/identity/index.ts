export * from './passwords.js';
export * from './permissions.js';
export * from './roles.js';
export * from './seed.js';
export * from './sessions.js';
export * from './users.js';
export * from './step-authority.js';
export * from './deploy-boundary.js';
