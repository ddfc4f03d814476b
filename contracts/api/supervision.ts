/** Supervision records (电子监察督办) as a case detail shows them. */
import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './enum.js';
import { Instant, LegalDate } from './time.js';
import { REGION_LEVELS } from '../vocabulary/regions.js';

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

/** A supervision record under its GB/T 39046 table 11 field names, for a national supervision system. */
export const GbSupervisionSchema = Type.Object({
  办件编号: Type.String({ description: 'The case number' }),
  督办内容: Type.String(),
  机构名称: Type.String({ description: 'The implementing body' }),
  督办发出时间: Instant('When the notice was issued'),
  监察规则编号: Type.String(),
  监察预警类型代码: Type.String({ description: '1 预警, 2 超期, 3 程序违规' }),
  责任部门: Type.String(),
  督办回复期限: LegalDate('The last day of the answer'),
}, { additionalProperties: false, description: 'The record under its GB/T 39046 table 11 names' });

/** A supervision notice (督办) of `GET /api/supervision/notices`, with its answer. */
export const NoticeSchema = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  rule: Type.String({ description: 'Stable rule id: `case-overdue`, `step-overdue` …' }),
  stepId: Type.Optional(Type.String()),
  warningType: StringEnum(WARNING_TYPES),
  content: Type.String(),
  department: Type.String({ description: 'The responsible department (责任部门)' }),
  issuedOn: LegalDate(),
  responseDue: LegalDate('The last day of the answer'),
  responseDueAt: Instant('The instant the answer is due (24:00 of `responseDue`)'),
  response: Type.Optional(Type.String({ description: 'The responsible department\'s answer' })),
  respondedAt: Type.Optional(Instant()),
  respondedBy: Type.Optional(Type.String()),
  responseOverdue: Type.Boolean({ description: 'Unanswered past its response deadline' }),
  gb: GbSupervisionSchema,
}, { additionalProperties: false, description: 'A supervision notice and its answer' });

/** A supervision notice. */
export type NoticeView = Static<typeof NoticeSchema>;

/** What a supervision listing may be narrowed to: a department, a region and those below it, a level. */
export const SupervisionScopeQuerySchema = Type.Object({
  department: Type.Optional(Type.String({ maxLength: 256 })),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{6}([0-9]{3})?$', description: 'this region and the regions below it (a division code)' })),
  level: Type.Optional(StringEnum(REGION_LEVELS, { description: 'only departments of regions at this level' })),
}, { additionalProperties: false });
export type SupervisionScopeQuery = Static<typeof SupervisionScopeQuerySchema>;

/** The notices' filters: the scope, open ones only, one case, at most `limit` (100 unless asked). */
export const SupervisionNoticesQuerySchema = Type.Object({
  ...SupervisionScopeQuerySchema.properties,
  open: Type.Optional(Type.Boolean()),
  caseNo: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
}, { additionalProperties: false });
export type SupervisionNoticesQuery = Static<typeof SupervisionNoticesQuerySchema>;

/** `:id` of a supervision notice. */
export const SupervisionNoticeParamsSchema = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) });
export type SupervisionNoticeParams = Static<typeof SupervisionNoticeParamsSchema>;

/** The responsible department's answer to a notice. */
export const SupervisionResponseBodySchema = Type.Object({ response: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });
export type SupervisionResponseBody = Static<typeof SupervisionResponseBodySchema>;
