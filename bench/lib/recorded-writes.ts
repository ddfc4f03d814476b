/**
 * The writes Shenpi makes for one case, recorded from the real runner, and replayed for other case numbers:
 * by the raw-limit writer (same rows, no engine) and by the bulk loader (the rows of a million open cases).
 */
import type { CaseStore, CaseWrite } from '../../engine/runtime/ports.js';
import type { OpenedStore } from '../../server/store/open-store.js';
import { caseNo, completeCommand, FLOWS, openTaskIds, startCommand, USER_STEPS, type Variant } from './flow.js';
import { benchRuleEvaluator, benchRunner, deployFlows } from './stack.js';

/** The case number the template case runs under; copies substitute theirs (all case numbers have one width). */
export const TEMPLATE_NO = caseNo(0);

/** A `CaseStore` that passes everything through and keeps a copy of every committed write. */
export function recordingStore(inner: CaseStore, writes: CaseWrite[]): CaseStore {
  return {
    loadCase: (no) => inner.loadCase(no),
    commit: async (write) => {
      await inner.commit(write);
      writes.push(structuredClone(write));
    },
    remember: (entry) => inner.remember(entry),
    findRemembered: (key) => inner.findRemembered(key),
    listEvents: (no) => inner.listEvents(no),
    listTasks: (filter) => inner.listTasks(filter),
  };
}

/**
 * Runs the template case (number `TEMPLATE_NO`) of `variant` through the real runner on `store` and returns
 * its writes, one per command. `untilReviews` stops it where it waits at the three reviews.
 */
export async function recordTemplateCase(store: OpenedStore, variant: Variant, untilReviews = false): Promise<CaseWrite[]> {
  await deployFlows(store);
  const writes: CaseWrite[] = [];
  const { rules } = benchRuleEvaluator();
  const { runner } = benchRunner(store, { cases: recordingStore(store.cases, writes), rules });
  const started = await runner.execute(TEMPLATE_NO, { ...startCommand(0) }, { definition: { key: FLOWS[variant].key } });
  if (!started.ok) throw new Error(`Expected the template case to start, but: ${started.refusal.message}`);
  const open = openTaskIds(started.events);
  for (const step of USER_STEPS[variant]) {
    if (untilReviews && step.label === 'review') break;
    const done = await runner.execute(TEMPLATE_NO, completeCommand(open.get(step.elementId)!, step.elementId));
    if (!done.ok) throw new Error(`Expected ${step.elementId} of the template case to complete, but: ${done.refusal.message}`);
    openTaskIds(done.events, open);
  }
  return writes;
}
