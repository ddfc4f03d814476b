/**
 * Monthly figures per department and item (电子监察 full-process data): received, accepted, rejected,
 * completed, on time and overdue against the promised limit, average working days from acceptance to the
 * decision, online share, express deliveries, evaluations by grade, rectifications. Read from the case
 * events of the month (in the calendar's zone), so a figure never depends on when it is asked.
 */
import type { Knex } from 'knex';
import { DateTime } from 'luxon';
import type { ApprovalCaseState } from '../../engine/approval/index.js';
import type { WorkingCalendar } from '../../engine/calendar/types.js';
import type { MonthlyRowView } from '../../contracts/api/reports.js';
import { json } from '../store/rows.js';
import { indexedEventTypes, type IndexedEventType } from '../store/migrations/20261204T0300-event-type-index.js';

/** One department's figures for one item (the contract's `MonthlyRowSchema`). */
export type MonthlyRow = MonthlyRowView;

const TYPES: IndexedEventType[] = ['case.applied', 'case.accepted', 'case.rejected', 'case.concluded', 'delivery.recorded', 'case.evaluated', 'rectification.opened', 'rectification.completed'];

function emptyRow(department: string, itemCode: string, itemName: string): MonthlyRow {
  return {
    department, itemCode, itemName, received: 0, online: 0, onlineShare: 0, accepted: 0, rejected: 0, completed: 0, onTime: 0, overdue: 0,
    averageWorkingDays: null, expressDeliveries: 0, evaluations: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, rectificationsOpened: 0, rectificationsCompleted: 0,
  };
}

/** The figures of `month` (`YYYY-MM`), one row per department and item, sorted. */
export async function monthlyFigures(knex: Knex, calendar: WorkingCalendar, month: string): Promise<MonthlyRow[]> {
  const start = DateTime.fromISO(`${month}-01`, { zone: calendar.zone });
  const from = start.toUTC().toISO()!;
  const to = start.plus({ months: 1 }).toUTC().toISO()!;
  const events: Array<{ case_no: string; type: string; payload: unknown; department: string; item_code: string; name: string }> = await knex('events as e')
    .join('approval_cases as a', 'a.case_no', 'e.case_no').join('items as i', 'i.code', 'a.item_code')
    .whereIn('e.type', TYPES).whereRaw(indexedEventTypes('e')).where('e.at', '>=', from).where('e.at', '<', to)
    .orderBy(['e.case_no', 'e.seq']).select('e.case_no', 'e.type', 'e.payload', 'a.department', 'a.item_code', 'i.name');
  const rows = new Map<string, MonthlyRow & { days: number[] }>();
  const concluded: Array<{ caseNo: string; row: MonthlyRow & { days: number[] } }> = [];
  for (const e of events) {
    const key = `${e.department}\u0000${e.item_code}`;
    const row = rows.get(key) ?? { ...emptyRow(e.department, e.item_code, e.name), days: [] };
    rows.set(key, row);
    const p = json(e.payload) as Record<string, unknown>;
    if (e.type === 'case.applied') {
      row.received++;
      if (p.channel === 'online') row.online++;
    } else if (e.type === 'case.accepted') row.accepted++;
    else if (e.type === 'case.rejected') row.rejected++;
    else if (e.type === 'case.concluded') concluded.push({ caseNo: e.case_no, row });
    else if (e.type === 'delivery.recorded' && (p.delivery as { method?: string } | undefined)?.method === 'express') row.expressDeliveries++;
    else if (e.type === 'case.evaluated') {
      const grade = Number(p.grade) as keyof MonthlyRow['evaluations'];
      if (grade in row.evaluations) row.evaluations[grade]++;
    } else if (e.type === 'rectification.opened') row.rectificationsOpened++;
    else if (e.type === 'rectification.completed') row.rectificationsCompleted++;
  }
  for (const { caseNo, row } of concluded) {
    row.completed++;
    const stored = await knex('cases').where({ case_no: caseNo }).first('state');
    const s = (json(stored?.state) as unknown as ApprovalCaseState | null)?.approval;
    if (!s?.decision) continue;
    if (s.decision.promised.onTime) row.onTime++;
    else row.overdue++;
    if (s.acceptance) row.days.push(calendar.countWorkingDays(s.acceptance.acceptedOn, s.decision.decidedOn));
  }
  return [...rows.values()]
    .map(({ days, ...row }) => ({
      ...row,
      onlineShare: row.received ? Math.round((row.online / row.received) * 1000) / 1000 : 0,
      averageWorkingDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
    }))
    .sort((a, b) => a.department.localeCompare(b.department) || a.itemCode.localeCompare(b.itemCode));
}
