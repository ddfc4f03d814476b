export * from './types.js';
export * from './weekday-calendar.js';
