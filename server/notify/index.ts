export * from './signature.js';
export * from './webhook-notifier.js';
