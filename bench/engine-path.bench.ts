/**
 * One run of the engine path (scenario 1 of `npm run bench`: `CaseRunner` on the store `openStore` returns)
 * at a chosen size, number in flight and `synchronous`, to compare two checkouts side by side without the
 * rest of the harness. Run alone with
 * `npx tsx bench/engine-path.bench.ts [cases=3000] [in flight=16] [FULL|NORMAL]`.
 */
import { run } from './shenpi.bench.js';

const [cases = '3000', lanes = '16', synchronous = 'FULL'] = process.argv.slice(2);
if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw new Error(`Expected FULL or NORMAL, but got '${synchronous}'`);
const r = await run({ backend: { kind: 'sqlite', synchronous }, variant: 'plain', cases: Number(cases), lanes: Number(lanes), warmup: 200 });
if (!r.consistency.ok) {
  console.log('INCONSISTENT', JSON.stringify(r.consistency));
  process.exit(1);
}
console.log(`${r.casesPerSecond.toFixed(1)} cases/s, ${cases} cases, ${lanes} in flight, synchronous=${synchronous}, ${(r.commitsPerTransaction ?? 0).toFixed(1)} commands per transaction`);
