/**
 * Benchmark of placing fresh instants in a zone (`toZoned` + `instantMillis`, engine/calendar/dates.ts): every
 * instant distinct, so no memo answers it, as a command's own `now` is. Run alone with
 * `npx tsx bench/zone.bench.ts [count]`.
 */
import { pathToFileURL } from 'node:url';
import { instantMillis, toZoned } from '../engine/calendar/dates.js';

/** Benchmark name, for a harness. */
export const name = 'calendar: fresh instants placed in Asia/Shanghai';

/** Places `count` distinct instants one second apart; answers microseconds per instant. */
export function run(count = 100_000): { count: number; microsPerInstant: number } {
  const start = Date.parse('2026-10-09T01:00:00Z');
  const t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < count; i++) {
    const instant = new Date(start + i * 1000).toISOString().replace('.000Z', 'Z');
    sink += toZoned(instant, 'Asia/Shanghai').minute! + (instantMillis(instant, 'Asia/Shanghai') % 7);
  }
  const micros = ((performance.now() - t0) * 1000) / count;
  if (sink < 0) throw new Error('unreachable');
  return { count, microsPerInstant: micros };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = run(Number(process.argv[2] ?? 100_000));
  console.log(`${name}: ${r.microsPerInstant.toFixed(2)} µs per instant (${r.count} instants)`);
}
