export * from './types.js';
export * from './weekday-calendar.js';
export * from './dates.js';
export * from './official-data.js';
export * from './provisional.js';
export * from './chinese-calendar.js';
export * from './year-arrangement.js';
