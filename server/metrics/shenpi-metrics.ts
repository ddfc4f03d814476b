/**
 * Shenpi's metrics: commands counted and timed as they run (through `MeteredRunner`), and the state of the
 * database (cases by status and light, outbox backlog, timer lag) read at scrape time, so every node reports
 * the same numbers without keeping any state of its own.
 */
import type { Knex } from 'knex';
import type { ExecuteOptions } from '../../engine/runtime/case-runner.js';
import type { Command } from '../../engine/core/types.js';
import type { Clock, CommandResult } from '../../engine/runtime/ports.js';
import type { WorkingCalendar } from '../../engine/calendar/types.js';
import { calendarStatus } from '../queries/calendar-status.js';
import { Counter, Gauge, Histogram, MetricsRegistry } from './registry.js';

/** The runner surface that routes and the timer poller use. */
export interface Runner {
  execute(caseNo: string, command: Command, opts?: ExecuteOptions): Promise<CommandResult>;
  executeAll(caseNo: string, commands: Command[], opts?: Omit<ExecuteOptions, 'idempotencyKey'>): Promise<CommandResult[]>;
}

/** Seconds; commands commit in one transaction, so most finish in milliseconds. */
const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The metrics of one server process. */
export class ShenpiMetrics {
  readonly registry = new MetricsRegistry();
  readonly commands = this.registry.register(new Counter('shenpi_commands_total', 'Commands run, by type and outcome (ok, rejected, conflict, error).'));
  readonly latency = this.registry.register(new Histogram('shenpi_command_duration_seconds', 'Time to load, step and commit one command.', LATENCY_BUCKETS));
  readonly cases = this.registry.register(new Gauge('shenpi_cases', 'Cases by status and light.'));
  readonly outboxBacklog = this.registry.register(new Gauge('shenpi_outbox_backlog', 'Outbox messages not yet delivered.'));
  readonly timerLag = this.registry.register(new Gauge('shenpi_timer_lag_seconds', 'How long the oldest due timer has waited to fire (0 when none is due).'));
  readonly timerIncidents = this.registry.register(new Gauge('shenpi_timer_incidents', 'Timers that failed too often and wait for an operator.'));
  readonly provisionalCases = this.registry.register(new Gauge('shenpi_calendar_provisional_cases', 'Cases in handling with a deadline beyond the official calendar data (provisional until the next year is loaded).'));
  readonly calendarLastYear = this.registry.register(new Gauge('shenpi_calendar_last_official_year', 'The last year of State Council holiday arrangements the calendar holds.'));

  /** Reads the database gauges, then renders every metric. */
  async scrape(knex: Knex, clock: Clock, calendar?: WorkingCalendar): Promise<string> {
    const now = clock.now().toISOString();
    const byStatus = await knex('cases').select('status', 'light').count<{ status: string; light: string | null; n: number | string }[]>({ n: '*' }).groupBy('status', 'light');
    this.cases.reset();
    for (const row of byStatus) this.cases.set({ status: row.status, light: row.light ?? 'none' }, Number(row.n));
    const backlog = await knex('outbox').whereNull('dispatched_at').count<{ n: number | string }[]>({ n: '*' }).first();
    this.outboxBacklog.set({}, Number(backlog?.n ?? 0));
    const oldest = await knex('timers').where({ status: 'scheduled' }).where('due_at', '<=', now).min<{ due: string | Date | null }[]>({ due: 'due_at' }).first();
    const due = oldest?.due ? new Date(oldest.due).getTime() : undefined;
    this.timerLag.set({}, due === undefined ? 0 : Math.max(0, (Date.parse(now) - due) / 1000));
    const incidents = await knex('timers').where({ status: 'incident' }).count<{ n: number | string }[]>({ n: '*' }).first();
    this.timerIncidents.set({}, Number(incidents?.n ?? 0));
    if (calendar) {
      const status = await calendarStatus(knex, calendar, now);
      this.provisionalCases.set({}, status.provisionalCases);
      if (status.lastYear < Number.MAX_SAFE_INTEGER) this.calendarLastYear.set({}, status.lastYear);
    }
    return this.registry.render();
  }
}

/** Wraps a runner to count and time every command; behaviour is otherwise unchanged. */
export class MeteredRunner implements Runner {
  constructor(
    private readonly inner: Runner,
    private readonly metrics: ShenpiMetrics,
  ) {}

  async execute(caseNo: string, command: Command, opts?: ExecuteOptions): Promise<CommandResult> {
    const started = process.hrtime.bigint();
    try {
      const result = await this.inner.execute(caseNo, command, opts);
      this.record(command.type, result.ok ? 'ok' : 'rejected', started);
      return result;
    } catch (error) {
      this.record(command.type, (error as { code?: unknown }).code === 'CONFLICT' ? 'conflict' : 'error', started);
      throw error;
    }
  }

  async executeAll(caseNo: string, commands: Command[], opts?: Omit<ExecuteOptions, 'idempotencyKey'>): Promise<CommandResult[]> {
    const started = process.hrtime.bigint();
    const type = commands[0]?.type ?? 'none';
    try {
      const results = await this.inner.executeAll(caseNo, commands, opts);
      results.forEach((r, i) => this.metrics.commands.inc({ type: commands[i]!.type, outcome: r.ok ? 'ok' : 'rejected' }));
      this.metrics.latency.observe({ type }, seconds(started));
      return results;
    } catch (error) {
      this.record(type, (error as { code?: unknown }).code === 'CONFLICT' ? 'conflict' : 'error', started);
      throw error;
    }
  }

  private record(type: string, outcome: string, started: bigint): void {
    this.metrics.commands.inc({ type, outcome });
    this.metrics.latency.observe({ type }, seconds(started));
  }
}

function seconds(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}
