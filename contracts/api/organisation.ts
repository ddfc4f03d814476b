/**
 * The organisation (`/api/org`): the answer (regions, departments, positions), creating regions and
 * departments, a position's leader and holders, renaming them, and a user's name or department. Every body
 * is closed. (A new position's body stays with
 * its route: its kinds are the engine core's list, which imports nothing from outside the engine.)
 */
import { Type, type Static } from '@sinclair/typebox';
import { REGION_LEVELS } from '../vocabulary/regions.js';
import { StringEnum } from './enum.js';

/** A user id or a position id. */
export const ORG_ID_PATTERN = '^[a-z0-9][a-z0-9._-]{1,63}$';
export const OrgNameSchema = Type.String({ minLength: 1, maxLength: 128 });
const RegionName = Type.String({ minLength: 1, maxLength: 64 });
const Code = Type.String({ pattern: '^[0-9]{6}([0-9]{3})?$', description: 'GB/T 2260 (city, county) or 9-digit township code' });

/** `:id` of a region, department, position or user. */
export const OrgIdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) }, { additionalProperties: false });
export type OrgIdParams = Static<typeof OrgIdParamsSchema>;

/** A new region (市、县、乡) under its parent, with its service centre. */
export const RegionBodySchema = Type.Object({ code: Code, name: RegionName, parent: Type.Optional(Code), centre: OrgNameSchema }, { additionalProperties: false });
export type RegionBody = Static<typeof RegionBodySchema>;

/** A new department of a region. */
export const DepartmentBodySchema = Type.Object({ id: OrgNameSchema, name: OrgNameSchema, region: Code }, { additionalProperties: false });
export type DepartmentBody = Static<typeof DepartmentBodySchema>;

/** The position a position reports to; none: the top of the chain. */
export const PositionLeaderBodySchema = Type.Object({ leader: Type.Optional(Type.String({ pattern: ORG_ID_PATTERN })) }, { additionalProperties: false });
export type PositionLeaderBody = Static<typeof PositionLeaderBodySchema>;

/** A user who starts or stops holding a position. */
export const PositionHolderBodySchema = Type.Object({ user: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
export type PositionHolderBody = Static<typeof PositionHolderBodySchema>;

/** A region renamed, or its service centre. */
export const RegionRenameBodySchema = Type.Object({ name: Type.Optional(RegionName), centre: Type.Optional(OrgNameSchema) }, { additionalProperties: false, minProperties: 1 });
/** A department or a position renamed. */
export const RenameBodySchema = Type.Object({ name: Type.Optional(OrgNameSchema) }, { additionalProperties: false, minProperties: 1 });
export type RenameBody = Static<typeof RegionRenameBodySchema>;

/** A user's new name or department. */
export const UserChangeBodySchema = Type.Object({ name: Type.Optional(OrgNameSchema), department: Type.Optional(OrgNameSchema) }, { additionalProperties: false, minProperties: 1 });
export type UserChangeBody = Static<typeof UserChangeBodySchema>;

/** A region (市、县、乡) with its service centre. */
export const RegionViewSchema = Type.Object({
  code: Type.String({ description: 'Its division code' }),
  name: Type.String(),
  level: StringEnum(REGION_LEVELS, { description: 'city, county or township' }),
  parent: Type.Optional(Type.String({ description: 'The division code of the region above; none for a city' })),
  centre: Type.String({ description: 'Its service centre' }),
  disabled: Type.Boolean(),
}, { additionalProperties: false, description: 'A region' });
export type RegionView = Static<typeof RegionViewSchema>;

/** A department of a region. */
export const DepartmentViewSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  region: Type.String({ description: 'The division code of its region' }),
  disabled: Type.Boolean(),
}, { additionalProperties: false, description: 'A department' });
export type DepartmentView = Static<typeof DepartmentViewSchema>;

/** A position of a department, the position it reports to and who holds it. */
export const PositionViewSchema = Type.Object({
  id: Type.String(),
  department: Type.String(),
  kind: Type.String({ description: 'clerk, section-chief, deputy-head or head' }),
  name: Type.String(),
  leader: Type.Optional(Type.String({ description: 'The position it reports to; none: the top of the chain' })),
  holders: Type.Array(Type.String(), { description: 'The user ids holding it' }),
  disabled: Type.Boolean(),
}, { additionalProperties: false, description: 'A position' });
export type PositionView = Static<typeof PositionViewSchema>;

/** `GET /api/org`: the whole organisation (the accounts are `GET /api/users`). */
export const OrganisationSchema = Type.Object({
  regions: Type.Array(RegionViewSchema),
  departments: Type.Array(DepartmentViewSchema),
  positions: Type.Array(PositionViewSchema),
}, { additionalProperties: false, description: 'The organisation' });
export type OrganisationView = Static<typeof OrganisationSchema>;
