export * from './expression.js';
export * from './budget.js';
export * from './static-budget.js';
