export * from './registry.js';
export * from './shenpi-metrics.js';
