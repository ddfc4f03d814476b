/** The item catalogue (`GET /api/items`): the published items, disabled ones too for staff. */
import { Type, type Static } from '@sinclair/typebox';
import { FindingParamsSchema, VersionNoteSchema } from './definitions.js';
import { Instant } from './time.js';

/** One item of the catalogue: its latest version, its versions and whether new cases may start. */
export const ItemRowSchema = Type.Object({
  code: Type.String({ description: 'The implementation code' }),
  name: Type.String(),
  department: Type.String({ description: 'The implementing department' }),
  enabled: Type.Boolean({ description: 'New cases may start (running cases go on either way)' }),
  latestVersion: Type.Integer(),
  versions: Type.Array(Type.Integer(), { description: 'Every deployed version, oldest first' }),
  createdAt: Type.Optional(Instant('when the item was first deployed')),
  updatedAt: Type.Optional(Instant()),
}, { additionalProperties: false, description: 'A published item' });
/** An item of the catalogue. */
export type ItemRowView = Static<typeof ItemRowSchema>;

/** One deployed version of an item (`GET /api/items/:code/versions`), as the version history shows it. */
export const ItemVersionSchema = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  definitionKey: Type.String(),
  definitionVersion: Type.Integer(),
  deployedAt: Instant(),
  deployedBy: Type.Optional(Type.String()),
  note: Type.Optional(Type.String({ description: 'the change note (变更说明) written at deploy' })),
}, { additionalProperties: false, description: 'A deployed item version' });
/** A deployed item version. */
export type ItemVersionView = Static<typeof ItemVersionSchema>;

/** `:code` in the path of an item route: the implementation code. */
export const ItemParamsSchema = Type.Object({ code: Type.String({ minLength: 1, maxLength: 128 }) });
export type ItemParams = Static<typeof ItemParamsSchema>;

/** `:code` and `:v`: one deployed version of an item. */
export const ItemVersionParamsSchema = Type.Object({ code: ItemParamsSchema.properties.code, v: Type.Integer({ minimum: 1 }) });
export type ItemVersionParams = Static<typeof ItemVersionParamsSchema>;

/** The catalogue's filter: one implementing department's items. */
export const ItemListQuerySchema = Type.Object({ department: Type.Optional(Type.String({ maxLength: 256 })) }, { additionalProperties: false });
export type ItemListQuery = Static<typeof ItemListQuerySchema>;

/** Which version's disclosure; the latest when absent. */
export const ItemDisclosureQuerySchema = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export type ItemDisclosureQuery = Static<typeof ItemDisclosureQuerySchema>;

/** Reserving an item code for the department that will implement it (reform office). */
export const ItemReservationBodySchema = Type.Object({
  // The codes item packages use (item.json `code`): letters, digits, dot, dash and underscore.
  code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$' }),
  department: Type.String({ minLength: 1, maxLength: 256 }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
}, { additionalProperties: false });
export type ItemReservationBody = Static<typeof ItemReservationBodySchema>;

/** A changed process saved as the item's next version, as JSON: the BPMN XML and the change note. */
export const ItemProcessBodySchema = Type.Object({ xml: Type.String({ minLength: 1 }), note: Type.Optional(VersionNoteSchema) }, { additionalProperties: false });
export type ItemProcessBody = Static<typeof ItemProcessBodySchema>;

/** The change note in the query, when the body is raw BPMN. */
export const ItemProcessQuerySchema = Type.Object({ note: Type.Optional({ ...VersionNoteSchema, description: 'the change note, when the body is raw BPMN' }) }, { additionalProperties: false });
export type ItemProcessQuery = Static<typeof ItemProcessQuerySchema>;

/** An item package as JSON: its files by path (item.json, process.bpmn, rules/*.yaml) and the change note. */
export const ItemPackageBodySchema = Type.Object({
  files: Type.Unsafe<Record<string, string>>({ type: 'object', minProperties: 1, maxProperties: 50, additionalProperties: { type: 'string' } }),
  note: Type.Optional(VersionNoteSchema),
}, { additionalProperties: false });
export type ItemPackageBody = Static<typeof ItemPackageBodySchema>;

/** `:code` and `:tableId`: one rule table of an item. */
export const ItemRuleTableParamsSchema = Type.Object({ code: ItemParamsSchema.properties.code, tableId: Type.String({ minLength: 1, maxLength: 128 }) });
export type ItemRuleTableParams = Static<typeof ItemRuleTableParamsSchema>;

/** A rule table saved as JSON: its YAML and the change note. */
export const ItemRuleTableBodySchema = Type.Object({ yaml: Type.String({ minLength: 1 }), note: Type.Optional(VersionNoteSchema) }, { additionalProperties: false });
export type ItemRuleTableBody = Static<typeof ItemRuleTableBodySchema>;

/** A JSON merge patch of item.json: the fields to change. */
export const ItemListingPatchSchema = Type.Unsafe<Record<string, unknown>>({ type: 'object', minProperties: 1, maxProperties: 60, description: 'the fields of item.json to change, e.g. { "promisedLimit": { "value": 3 } }' });

/** A finding of an item package: its file, the BPMN element or the rule-table row, the field and the message. */
export const ItemFindingSchema = Type.Object({
  severity: Type.Optional(Type.String()),
  code: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  file: Type.Optional(Type.String()),
  element: Type.Optional(Type.String()),
  row: Type.Optional(Type.Unsafe<string | number>({ type: ['string', 'integer'] })),
  field: Type.Optional(Type.String()),
  params: Type.Optional(FindingParamsSchema),
  messageCode: Type.Optional(Type.String()),
}, { additionalProperties: false });
export type ItemFindingView = Static<typeof ItemFindingSchema>;

/**
 * The answer to an item deploy (`POST /api/items/:code/versions`, `PUT /api/items/:code/process`,
 * `PUT /api/items/:code/rules/:tableId`): the new item version and its definition version, with the warnings.
 */
export const ItemDeployedSchema = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  definitionVersion: Type.Integer(),
  warnings: Type.Array(ItemFindingSchema),
}, { additionalProperties: false });
export type ItemDeployed = Static<typeof ItemDeployedSchema>;

/** The answer to a listing patch (`PATCH /api/items/:code/listing`): the deployed version and the item.json fields it changed. */
export const ItemListingPatchedSchema = Type.Object({
  ...ItemDeployedSchema.properties,
  changed: Type.Optional(Type.Array(Type.String())),
}, { additionalProperties: false });
export type ItemListingPatched = Static<typeof ItemListingPatchedSchema>;
