/**
 * The cases plugin: the approval case service (wired by the runtime through the approval engine), the item
 * repository, the material file storage and the supervision sweep. The sweep runs every
 * `SHENPI_SWEEP_INTERVAL_MS` in the background (a polling loop: the business deadlines themselves are timer
 * rows), after every move of a controlled clock, and on demand.
 */
import { refreshLoadedYears } from '../settings/calendar-years.js';
import type { ApprovalEngine } from '../cases/approval-engine.js';
import { recalculateOnNewCalendar } from '../cases/calendar-watch.js';
import { SupervisionSweep, type SweepReport } from '../cases/supervision-sweep.js';
import { currentSettings } from '../settings/settings-store.js';
import { sharedPlugin } from './plugin.js';
import './types.js';

/** Options of the cases plugin. */
export interface CasesPluginOptions extends Record<string, unknown> {
  engine: ApprovalEngine;
  /** Start the periodic sweep on ready (default true). */
  background?: boolean;
}

/** Decorates `app.cases`. */
export const casesPlugin = sharedPlugin<CasesPluginOptions>('shenpi-cases', async (app, options) => {
  const { service, items, files, seals } = options.engine.wiring();
  const sweep = new SupervisionSweep({
    knex: app.store.knex,
    store: app.store.cases,
    service,
    clock: app.runtime.clock,
    calendar: app.runtime.calendar,
    onError: (caseNo, err) => app.log.error({ err, caseNo }, 'supervision sweep of a case failed'),
  });
  // One sweep at a time per process: a second request waits for the running one and then runs its own.
  let running: Promise<SweepReport> = Promise.resolve({ checked: 0, evaluated: 0, recorded: 0, failed: 0 });
  const runSweep = (by?: string): Promise<SweepReport> => (running = running.catch(() => undefined).then(() => sweep.sweep(undefined, by)));
  app.decorate('cases', { service, items, files, seals, sweep: runSweep });

  if (options.background === false) return;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const loop = () => {
    timer = setTimeout(() => {
      // Settings another node changed come into force here before the sweep reads the lights.
      currentSettings(app.store.knex)
        .then((v) => (v.version !== (app.runtime.locality.locality?.version ?? 0) ? app.runtime.locality.apply(v) : undefined))
        // So does a holiday arrangement another node loaded (POST /api/calendar/years).
        .then(() => refreshLoadedYears(app.store.knex, app.runtime.locality))
        .then(() => runSweep())
        .then((r) => (r.recorded ? app.log.info(r, 'supervision sweep recorded violations') : undefined))
        .catch((err: unknown) => app.log.error({ err }, 'supervision sweep failed'))
        .finally(() => (stopped ? undefined : loop()));
    }, app.config.sweepIntervalMs);
    timer.unref();
  };
  app.addHook('onReady', async () => {
    loop();
    // In the background: a first start on a new calendar must not hold up readiness while cases are scanned.
    recalculateOnNewCalendar({ knex: app.store.knex, service, calendarVersion: app.runtime.calendar.version, at: app.runtime.clock.now().toISOString() })
      .then((r) => (r && r.checked ? app.log.info(r, 'open cases recalculated on a new calendar version') : undefined))
      .catch((err: unknown) => app.log.error({ err }, 'recalculation on a new calendar version failed'));
  });
  app.addHook('onClose', async () => {
    stopped = true;
    await seals.flush().catch(() => undefined);
    clearTimeout(timer);
    await running.catch(() => undefined);
  });
});
