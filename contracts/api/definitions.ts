/**
 * Plain BPMN definitions (`/api/definitions`): the deploy options, the list's filter, a version's path, a
 * deployed version as the list answers it, and the deploy's answer with its lint findings.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Instant } from './time.js';

/** How long a change note may be. */
export const VERSION_NOTE_MAX_LENGTH = 500;

/** The change note (变更说明) written at deploy: an item version's or a definition version's. */
export const VersionNoteSchema = Type.String({ minLength: 1, maxLength: VERSION_NOTE_MAX_LENGTH, description: '变更说明: what this version changes, shown in the version history' });

/** A definition key: the BPMN process key a case names to start. */
export const DefinitionKeySchema = Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,127}$' });

/** How a BPMN file is deployed: in the query beside a raw file, or in the JSON body beside `xml`. */
export const DefinitionDeployOptionsSchema = Type.Object({
  key: Type.Optional(DefinitionKeySchema),
  version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  department: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  processId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  note: Type.Optional(VersionNoteSchema),
}, { additionalProperties: false });
export type DefinitionDeployOptions = Static<typeof DefinitionDeployOptionsSchema>;

/** A deploy as JSON: the BPMN XML with the options. */
export const DefinitionDeployBodySchema = Type.Object({
  xml: Type.String({ minLength: 1 }),
  ...DefinitionDeployOptionsSchema.properties,
}, { additionalProperties: false });
export type DefinitionDeployBody = Static<typeof DefinitionDeployBodySchema>;

/** The list's filter: one key's versions. */
export const DefinitionListQuerySchema = Type.Object({ key: Type.Optional(DefinitionKeySchema) }, { additionalProperties: false });
export type DefinitionListQuery = Static<typeof DefinitionListQuerySchema>;

/** `:key` and `:v` in the path of a definition version. */
export const DefinitionVersionParamsSchema = Type.Object({ key: DefinitionKeySchema, v: Type.Integer({ minimum: 1 }) });
export type DefinitionVersionParams = Static<typeof DefinitionVersionParamsSchema>;

/** One deployed definition version with its department (`GET /api/definitions`). */
export const DefinitionRowSchema = Type.Object({
  key: Type.String(),
  version: Type.Integer(),
  processId: Type.String(),
  name: Type.Optional(Type.String()),
  department: Type.String({ description: 'The department implementing the key' }),
  deployedAt: Instant(),
  note: Type.Optional(Type.String({ description: 'the change note written at deploy' })),
  deployedBy: Type.Optional(Type.String({ description: 'who deployed the version (from its audit entry), when known' })),
  enabled: Type.Boolean(),
}, { additionalProperties: false, description: 'A deployed definition version' });
/** A deployed definition version, as the list shows it. */
export type DefinitionRowView = Static<typeof DefinitionRowSchema>;

/** What a finding's message names (element, department …), for a client that words it itself by its rule or code. */
export const FindingParamsSchema = Type.Unsafe<Record<string, string>>({ type: 'object', additionalProperties: { type: 'string' } });

/** A finding of a BPMN definition's lint: the element id, the rule and the path inside the element. */
export const DefinitionFindingSchema = Type.Object({
  id: Type.Optional(Type.String()),
  rule: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  severity: Type.Optional(Type.String()),
  path: Type.Optional(Type.Array(Type.String())),
  params: Type.Optional(FindingParamsSchema),
}, { additionalProperties: false });
export type DefinitionFindingView = Static<typeof DefinitionFindingSchema>;

/** The answer to a deploy (`POST /api/definitions`): the new version with the warnings that did not refuse it. */
export const DefinitionDeployedSchema = Type.Object({
  ...DefinitionRowSchema.properties,
  warnings: Type.Optional(Type.Array(DefinitionFindingSchema)),
}, { additionalProperties: false, description: 'A deployed definition version' });
export type DefinitionDeployed = Static<typeof DefinitionDeployedSchema>;
