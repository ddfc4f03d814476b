/**
 * The disclosure of an item (两清单一图表, `GET /api/items/:code` as JSON): what it is, the questions of the
 * application form, the acceptance conditions and materials in words, the limits, fees, flow, result and
 * contacts, as the item version declares them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './enum.js';
import { DELIVERY_METHODS } from './case-outcome.js';

const s = (description?: string) => Type.String(description ? { description } : {});
const opt = (description?: string) => Type.Optional(s(description));

/** A limit as the listing writes it. */
export const ListingLimitSchema = Type.Object({
  value: Type.Integer(),
  unit: StringEnum(['WD', 'CD']),
  article: opt('The article the limit comes from'),
  note: opt(),
}, { additionalProperties: false, description: 'A limit of the listing' });

/** The statutory limit as the listing writes it, with the item's extension rule. */
export const StatutoryListingLimitSchema = Type.Object({
  ...ListingLimitSchema.properties,
  extension: Type.Optional(Type.Union([Type.Object({
    value: Type.Integer(), unit: StringEnum(['WD', 'CD']), approverRole: s(), approverTitle: opt(), article: opt(),
  }, { additionalProperties: false }), Type.Null()], { description: 'The one extension (第42条); absent: the law\'s own; null: the item\'s law allows none' })),
  extensionMovesPromised: Type.Optional(Type.Boolean({ description: 'The promised limit moves with an extension (default true)' })),
  lateExtension: Type.Optional(StringEnum(['refuse', 'record-violation'], { description: 'An extension asked for after the limit ran out' })),
}, { additionalProperties: false, description: 'The statutory limit of the listing' });

const Row = Type.Object({ row: s('The rule row id'), effect: s(), reason: s(), basis: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false });

/** The disclosure of an item version. */
export const DisclosureSchema = Type.Object({
  item: Type.Object({
    code: s('The implementation code'),
    name: s(),
    type: s('行政许可, 行政确认 …'),
    level: s(),
    implementingBody: Type.Object({ name: s(), nature: s() }, { additionalProperties: false }),
    serviceObjects: Type.Array(Type.String()),
    legalBasis: Type.Array(Type.String()),
    caseType: StringEnum(['instant', 'promised'], { description: '即办件 or 承诺件' }),
    version: Type.Integer(),
    basicCode: opt('The basic code of the national catalogue'),
    handleForms: Type.Array(Type.String()),
    onsiteVisits: Type.Optional(Type.Integer()),
    onlineDepth: opt(),
  }, { additionalProperties: false }),
  facts: Type.Array(Type.Object({
    name: s('Dotted path, e.g. `applicant.kind`'),
    label: s(),
    type: StringEnum(['boolean', 'string', 'integer', 'number', 'date']),
    enum: Type.Optional(Type.Array(Type.String())),
    required: Type.Optional(Type.Boolean()),
  }, { additionalProperties: false }), { description: 'The facts an applicant states (the questions of the application form)' }),
  conditions: Type.Array(Type.Object({ id: s(), text: s(), check: StringEnum(['rules', 'manual']), rows: Type.Array(Row) }, { additionalProperties: false }), { description: 'The acceptance conditions (受理条件)' }),
  materials: Type.Array(Type.Object({
    id: s(), name: s(), form: Type.Array(Type.String()), originals: Type.Optional(Type.Integer()), copies: Type.Optional(Type.Integer()),
    source: StringEnum(['applicant', 'shared']),
    required: Type.Union([StringEnum(['always']), Type.Array(Type.String())], { description: '`always`, or the conditions under which it is required' }),
    deferrable: Type.Boolean(), basis: Type.Array(Type.Union([Type.String(), Type.Null()])),
  }, { additionalProperties: false }), { description: 'The materials list (材料清单)' }),
  limits: Type.Object({
    statutory: StatutoryListingLimitSchema, promised: ListingLimitSchema, correctionWindow: ListingLimitSchema, delivery: Type.Optional(ListingLimitSchema),
    extension: Type.Union([Type.Object({ value: Type.Integer(), unit: s(), approver: s() }, { additionalProperties: false }), Type.Null()]),
    specialProcedures: Type.Array(Type.Object({
      type: s(), name: s(), countsTowardStatutory: Type.Boolean(), countsTowardPromised: Type.Boolean(), basis: opt(), expectedDuration: Type.Optional(ListingLimitSchema),
    }, { additionalProperties: false })),
    coDepartments: Type.Optional(Type.Array(Type.Object({ department: s(), promisedLimit: ListingLimitSchema }, { additionalProperties: false }))),
  }, { additionalProperties: false }),
  fees: Type.Object({
    charged: Type.Boolean(), basis: opt(), payBefore: opt(), exemptions: Type.Array(Type.String()),
    items: Type.Array(Type.Object({ row: s(), item: s(), amount: s('In words, with its unit'), condition: s(), basis: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false })),
  }, { additionalProperties: false }),
  flow: Type.Array(Type.Object({
    id: s(), name: s(), kind: s('The BPMN element kind'), department: opt(), role: opt(), stage: opt(),
    timeLimit: Type.Optional(Type.Union([
      Type.Object({ value: Type.Integer(), unit: StringEnum(['WD', 'CD']) }, { additionalProperties: false }),
      Type.Object({ duration: s('ISO 8601 duration') }, { additionalProperties: false }),
    ])),
    specialProcedure: opt(), coDepartments: Type.Optional(Type.Array(Type.String())),
  }, { additionalProperties: false }), { description: 'The flow chart (流程图): the steps in order' }),
  result: Type.Object({ name: s(), type: s(), eCertificate: Type.Boolean(), validityYears: Type.Optional(Type.Number()), issueAt: opt('When it is issued: `decision`, `manual`, or the step at whose start'), sample: opt() }, { additionalProperties: false }),
  contacts: Type.Object({ consultation: s(), complaint: s(), address: opt(), hours: opt() }, { additionalProperties: false }),
  delivery: Type.Array(StringEnum(DELIVERY_METHODS)),
}, { additionalProperties: false, description: 'The disclosure (两清单一图表)' });
export type DisclosureView = Static<typeof DisclosureSchema>;
