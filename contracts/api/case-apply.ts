/**
 * An application (`POST /api/cases`, as JSON or as the multipart form's `application` field): the item, the
 * channel, the stated facts, the applicant and agent as given, and shared certificates instead of files.
 */
import { Type, type Static } from '@sinclair/typebox';
import { CHANNELS, SharedCertificateInputSchema } from './case-intake.js';
import { StringEnum } from './enum.js';
import { VariablesSchema } from './tasks.js';
import { ID_TYPES } from '../vocabulary/id-types.js';

/** The kinds of applicant: a natural person, an enterprise, an individual business, another organisation. */
export const APPLICANT_KINDS = ['NATURAL_PERSON', 'ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'OTHER_ORG'] as const;

const PersonName = Type.String({ minLength: 1, maxLength: 128 });
const IdTypeSchema = StringEnum(ID_TYPES);
const IdNumber = Type.String({ pattern: '^[0-9A-Za-z]{4,32}$' });

/** The applicant as an application gives them (online, the account's record decides instead). */
export const GivenApplicantSchema = Type.Object({
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  name: Type.Optional(PersonName),
  kind: Type.Optional(StringEnum(APPLICANT_KINDS)),
  idType: Type.Optional(IdTypeSchema),
  idNumber: Type.Optional(IdNumber),
  phone: Type.Optional(Type.String({ maxLength: 32 })),
  address: Type.Optional(Type.String({ maxLength: 256 })),
}, { additionalProperties: false });

/** The agent present at a window (name and ID document); for the agent channel, the account itself. */
export const GivenAgentSchema = Type.Object({ name: Type.Optional(PersonName), idType: Type.Optional(IdTypeSchema), idNumber: Type.Optional(IdNumber) }, { additionalProperties: false });

/** An application. */
export const ApplicationBodySchema = Type.Object({
  itemCode: Type.String({ minLength: 1, maxLength: 128 }),
  channel: StringEnum(CHANNELS),
  facts: VariablesSchema,
  applicant: Type.Optional(GivenApplicantSchema),
  agent: Type.Optional(GivenAgentSchema),
  materials: Type.Optional(Type.Array(Type.Object({ material: Type.String({ minLength: 1, maxLength: 64 }), shared: SharedCertificateInputSchema }, { additionalProperties: false }), { maxItems: 50 })),
}, { additionalProperties: false });
export type ApplicationBody = Static<typeof ApplicationBodySchema>;
