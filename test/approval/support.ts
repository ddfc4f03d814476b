/** Given / when / then for the pure approval aggregate, on the ITEM-02 process and the official calendar. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChineseWorkingCalendar, type WorkingCalendar } from '../../engine/calendar/index.js';
import type { CaseEvent, EngineContext } from '../../engine/core/types.js';
import type { ExecutableDefinition } from '../../engine/core/model.js';
import {
  approvalReplay, approvalStep, initialApprovalState, type ApprovalCaseState, type ApprovalCommand, type ItemSnapshot,
} from '../../engine/approval/index.js';
import { loadDefinition } from '../../definitions/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The official 2026 calendar. */
export const calendar = new ChineseWorkingCalendar();

/** Beijing time on a day: `at('2026-03-02', '09:30')`. */
export function at(date: string, time = '10:00'): string {
  return `${date}T${time}:00+08:00`;
}

/** ITEM-02 (food business licence) as a case keeps it. */
export const foodItem: ItemSnapshot = {
  code: 'ITEM-02', version: 1, name: '食品经营许可（新办）', department: '区市场监督管理局', caseType: 'promised',
  statutoryLimit: { value: 10, unit: 'WD' }, statutoryArticle: '《食品经营许可和备案管理办法》; 行政许可法第42条',
  promisedLimit: { value: 5, unit: 'WD' },
  extension: { cap: { value: 5, unit: 'WD' }, approverRole: 'agency-head', article: '行政许可法第42条第1款' },
  correctionWindow: { value: 5, unit: 'WD' }, secondNoticePolicy: 'refuse', pauseOverrides: {},
  specialProcedures: ['SITE_CHECK'], lightThresholds: { warnAtPercent: 80 }, deliveryLimit: { value: 5, unit: 'WD' },
  rectificationLimit: { value: 5, unit: 'WD' }, result: { name: '食品经营许可证', eCertificate: true, validityYears: 5 },
  delivery: ['pickup', 'express', 'online'], contacts: { consultation: '0000-12345', complaint: '12315' }, legalBasis: ['《中华人民共和国食品安全法》第三十五条'],
};

let foodDefinition: ExecutableDefinition | undefined;

/** The compiled ITEM-02 process. */
export async function foodProcess(): Promise<ExecutableDefinition> {
  if (foodDefinition) return foodDefinition;
  const xml = readFileSync(path.join(here, '../../definitions/items/ITEM-02/process.bpmn'), 'utf8');
  const loaded = await loadDefinition(xml, { key: 'ITEM-02', version: 1 });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.findings));
  return (foodDefinition = loaded.definition);
}

export const applicant = { id: 'u-chen', name: '陈静餐饮有限公司', kind: 'ENTERPRISE' };
export const clerk = { id: 'clerk-li', name: '李伟', department: '区市场监督管理局', roles: ['clerk'] };
export const head = { id: 'head-zhao', name: '赵敏', roles: ['agency-head'] };

/** The application of ITEM-02 with materials M1-M4 (M2 shared), or without those listed in `missing`. */
export function applyCommand(caseNo = 'SP-TEST-1', missing: string[] = [], item: ItemSnapshot = foodItem): ApprovalCommand {
  const upload = (material: string) => ({ material, kind: 'upload' as const, name: `${material}.pdf`, ref: `files/${material}`, sha256: 'ab'.repeat(32), size: 1024, contentType: 'application/pdf' });
  const materials = [
    upload('M1'),
    { material: 'M2', kind: 'shared' as const, certificate: { type: '营业执照', number: '91110000MA01', issuer: '区市场监督管理局' } },
    upload('M3'),
    upload('M4'),
  ].filter((m) => !missing.includes(m.material));
  const required = ['M1', 'M2', 'M3', 'M4'].map((material) => ({ material, name: material, form: '电子', copies: 1, deferrable: material === 'M4' }));
  return {
    type: 'case.apply', caseNo, item, channel: 'online', applicant, facts: { onlyPrepackagedFood: false, applicant: { kind: 'ENTERPRISE', hasBusinessLicence: true } },
    materials, requiredMaterials: required, fees: { total: 0, items: [] }, actor: { id: applicant.id, name: applicant.name },
  };
}

/** A case: its definition, state and log, stepped with `when` and asserted on the events each step added. */
export class Case {
  state: ApprovalCaseState = initialApprovalState();
  log: CaseEvent[] = [];

  /** The calendar the next steps run on; a test loads a new one by assigning it. */
  calendar: WorkingCalendar = calendar;

  /** The signing port the next steps get; none by default (certificates are then recorded unsealed). */
  sealer: EngineContext['sealer'];

  constructor(readonly definition: ExecutableDefinition) {}

  ctx(now: string): EngineContext {
    return { now, calendar: this.calendar, ...(this.sealer ? { sealer: this.sealer } : {}) };
  }

  /** Steps `command` at `now`; throws when refused. Returns the new events. */
  when(command: ApprovalCommand, now: string): { events: CaseEvent[]; effects: unknown[] } {
    const result = approvalStep(this.definition, this.state, command, this.ctx(now));
    if (!result.ok) throw new Error(`${result.refusal.code}: ${result.refusal.message}`);
    this.state = result.state;
    this.log.push(...result.events);
    return { events: result.events, effects: result.effects };
  }

  /** Steps `command` at `now` expecting a refusal; returns it. */
  refused(command: ApprovalCommand, now: string): { code: string; message: string } {
    const result = approvalStep(this.definition, this.state, command, this.ctx(now));
    if (result.ok) throw new Error(`Expected ${command.type} to be refused, but it gave ${result.events.map((e) => e.type).join(', ')}`);
    return result.refusal;
  }

  /** The open task of `elementId`. */
  task(elementId: string): string {
    const found = Object.values(this.state.process.elements).find((e) => e.task?.elementId === elementId)?.task;
    if (!found) throw new Error(`No open task '${elementId}'`);
    return found.taskId;
  }

  /** Completes the open task of `elementId`. */
  complete(elementId: string, now: string, outcome?: string, opinion?: string, actor = clerk) {
    return this.when({ type: 'task.complete', taskId: this.task(elementId), actor, ...(outcome ? { outcome } : {}), ...(opinion ? { opinion } : {}) }, now);
  }

  /** The lifecycle events of the log (the BPMN token events left out), by type. */
  lifecycle(): string[] {
    return this.log.filter((e) => !/^(element|flow|variables|task|timer|scope|case\.(started|completed|suspended|resumed|cancelled))/.test(e.type)).map((e) => e.type);
  }

  replayed(): ApprovalCaseState {
    return approvalReplay(this.log);
  }
}

/** The types of a list of events. */
export function types(events: readonly CaseEvent[]): string[] {
  return events.map((e) => e.type);
}
