/**
 * The locality settings (地方设置, `/api/settings/locality`): the counting policy, business hours, closures and
 * extra working days, the supervision response limit and the light thresholds, and a change of them.
 */
import { Type, type Static } from '@sinclair/typebox';

const Dates = Type.Array(Type.String({ maxLength: 10 }), { maxItems: 400 });

/** The fields of the locality settings, each replacing the one in force when a change names it. */
export const LocalitySettingsFieldsSchema = Type.Object({
  countingPolicy: Type.Optional(Type.Unsafe<'C1' | 'C2'>({ enum: ['C1', 'C2'] })),
  businessHours: Type.Optional(Type.Unsafe<{ open: string; close: string } | null>({
    type: ['object', 'null'], required: ['open', 'close'], additionalProperties: false,
    properties: { open: { type: 'string', maxLength: 5 }, close: { type: 'string', maxLength: 5 } },
  })),
  closures: Type.Optional(Dates),
  extraWorkingDays: Type.Optional(Dates),
  supervisionResponseLimit: Type.Optional(Type.Object({
    value: Type.Integer({ minimum: 1, maximum: 60 }),
    unit: Type.Unsafe<'WD' | 'CD'>({ enum: ['WD', 'CD'] }),
  }, { additionalProperties: false })),
  lightThresholds: Type.Optional(Type.Object({
    warnAtPercent: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
    warnWhenDaysLeft: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })),
  }, { additionalProperties: false })),
});

/** A change of the locality settings (reform office): the fields changed, the reason, the version it replaces. */
export const LocalitySettingsPatchBodySchema = Type.Object({
  ...LocalitySettingsFieldsSchema.properties,
  reason: Type.String({ minLength: 1, maxLength: 500 }),
  expectedVersion: Type.Optional(Type.Integer({ minimum: 0 })),
}, { additionalProperties: false });
export type LocalitySettingsPatchBody = Static<typeof LocalitySettingsPatchBodySchema>;
