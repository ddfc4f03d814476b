/** Several engines over one store: commands of the poller and the task routes reach the case's own engine. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from '../../engine/core/types.js';
import type { CommandResult } from '../../engine/runtime/ports.js';
import type { Runner } from '../../server/metrics/shenpi-metrics.js';
import { RoutingRunner, type CaseEngineDeps } from '../../server/runtime/routing-runner.js';
import { buildTestApp, type TestApp } from './helper.js';

/** A runner that accepts everything and remembers what it was given. */
function recordingRunner(calls: string[]): Runner {
  const ok = (caseNo: string): CommandResult => ({ ok: true, caseNo, version: 1, events: [], effects: [] });
  return {
    execute: async (caseNo: string, command: Command) => (calls.push(`${caseNo} ${command.type}`), ok(caseNo)),
    executeAll: async (caseNo: string, commands: Command[]) => commands.map((c) => (calls.push(`${caseNo} ${c.type}`), ok(caseNo))),
  };
}

describe('routing runner', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  it('asks the routes in order and falls back to the core runner', async () => {
    const core: string[] = [];
    const approval: string[] = [];
    const runner = new RoutingRunner(recordingRunner(core), [{ name: 'approval', runner: recordingRunner(approval), owns: async (no) => no.startsWith('APR-') }]);
    await runner.execute('APR-1', { type: 'timer.fire', timerId: 'APR-1:e4' });
    await runner.executeAll('P-2', [{ type: 'timer.fire', timerId: 'P-2:e1' }]);
    expect(approval).toEqual(['APR-1 timer.fire']);
    expect(core).toEqual(['P-2 timer.fire']);
  });

  it('is wired by build() from a case-engine factory that gets the store, clock and calendar', async () => {
    const approval: string[] = [];
    let deps: CaseEngineDeps | undefined;
    t = await buildTestApp({}, {
      caseEngines: async (d) => {
        deps = d;
        return [{ name: 'approval', runner: recordingRunner(approval), owns: async (no) => no.startsWith('APR-') }];
      },
    });
    expect(deps?.store).toBe(t.app.store);
    expect(deps?.clock).toBe(t.app.runtime.clock);
    const routed = await t.app.runtime.runner.execute('APR-7', { type: 'task.complete', taskId: 'APR-7:e3' });
    expect(routed.ok).toBe(true);
    expect(approval).toEqual(['APR-7 task.complete']);
    // Everything else still runs on the core, which knows no case P-1.
    const core = await t.app.runtime.runner.execute('P-1', { type: 'task.complete', taskId: 'P-1:e3' });
    expect(core).toMatchObject({ ok: false, refusal: { code: 'CASE_NOT_STARTED' } });
    const metrics = (await t.app.inject('/metrics')).body;
    expect(metrics).toContain('shenpi_commands_total{outcome="ok",type="task.complete"} 1');
    expect(metrics).toContain('shenpi_commands_total{outcome="rejected",type="task.complete"} 1');
  });
});
