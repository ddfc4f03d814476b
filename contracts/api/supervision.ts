/** Supervision records (电子监察督办) as a case detail shows them. */
import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './enum.js';
import { Instant, LegalDate } from './time.js';

/** 监察预警类型: a warning light, a limit passed, a procedure not followed. */
export const WARNING_TYPES = ['warning', 'overdue', 'procedure'] as const;

/** A supervision record of a case. `caseId` and `responseDueInstant` are the former names, kept one version. */
export const SupervisionRecordSchema = Type.Object({
  caseNo: Type.String({ description: 'The case' }),
  rule: Type.String({ description: 'Stable rule id: `case-overdue`, `step-overdue`, `second-correction-notice` …' }),
  stepId: Type.Optional(Type.String({ description: 'The step, for a step rule' })),
  detectedOn: LegalDate('The day the violation was found'),
  content: Type.String({ description: 'What happened' }),
  department: Type.String({ description: 'The department the record is issued to (责任部门)' }),
  warningType: StringEnum(WARNING_TYPES, { description: '`warning` 预警, `overdue` 超期, `procedure` 程序违规' }),
  key: Type.String({ description: 'One record per case, rule and step: `<caseNo>|<rule>|<step or ->`' }),
  issuedOn: LegalDate('The day it was issued'),
  issuedAt: Type.Optional(Instant('督办发出时间')),
  ruleCode: Type.Optional(Type.String({ description: '监察规则编号, e.g. JC-42-01' })),
  warningTypeCode: Type.Optional(Type.String({ description: '监察预警类型代码: 1 预警, 2 超期, 3 程序违规' })),
  organisation: Type.Optional(Type.String({ description: '机构名称: the implementing body' })),
  responseDue: LegalDate('The last day of the responsible department\'s answer'),
  responseDueAt: Instant('The instant the answer is due (24:00 of `responseDue`)'),
  calendarVersion: Type.String(),
  caseId: Type.String({ deprecated: true, description: 'Deprecated: the former name of `caseNo`, kept for one version' }),
  responseDueInstant: Instant('Deprecated: the former name of `responseDueAt`, kept for one version', { deprecated: true }),
}, { additionalProperties: false, description: 'A supervision record (督办) of the case' });

/** A supervision record in a case detail. */
export type SupervisionRecordView = Static<typeof SupervisionRecordSchema>;
