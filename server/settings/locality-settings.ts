/**
 * The settings a locality owns (地方设置): the counting policy of new cases (C1, or C2: a receipt outside working
 * time counts as received on the next working day), the office's business hours (a limit then ends at closing
 * time, 民法典 第203条, so a 即办件 turns red at closing), local closures and extra working days, the response
 * limit of a supervision record (督办回复期限), and the light thresholds. Validation names the field it refuses.
 */
import { isIsoDate, parseClockTime } from '../../engine/calendar/dates.js';
import type { BusinessHours } from '../../engine/calendar/types.js';

/** The settings as stored and as the API shows them. */
export interface LocalitySettings {
  countingPolicy: 'C1' | 'C2';
  /** `null`: no business hours, limits end at 24:00. */
  businessHours: BusinessHours | null;
  closures: string[];
  extraWorkingDays: string[];
  supervisionResponseLimit: { value: number; unit: 'WD' | 'CD' };
  lightThresholds: { warnAtPercent: number; warnWhenDaysLeft?: number };
}

/** The settings of an installation nobody configured: the law's defaults and the engine's. */
export const DEFAULT_LOCALITY_SETTINGS: LocalitySettings = {
  countingPolicy: 'C1',
  businessHours: null,
  closures: [],
  extraWorkingDays: [],
  supervisionResponseLimit: { value: 5, unit: 'WD' },
  lightThresholds: { warnAtPercent: 80 },
};

/** One stored version. Version 0 is the defaults, never stored. */
export interface LocalitySettingsVersion {
  version: number;
  settings: LocalitySettings;
  reason: string;
  changedBy: string;
  changedAt: string;
}

/** A refused field: its JSON path and why. */
export interface SettingsProblem {
  field: string;
  message: string;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The problems of a complete settings object beyond its JSON schema (dates, hours, overlaps); empty when valid. */
export function settingsProblems(s: LocalitySettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (s.businessHours) {
    for (const k of ['open', 'close'] as const) {
      if (!CLOCK.test(s.businessHours[k])) problems.push({ field: `businessHours.${k}`, message: `Expected a time HH:mm, but it was '${s.businessHours[k]}'` });
    }
    if (!problems.length && parseClockTime(s.businessHours.open) >= parseClockTime(s.businessHours.close)) {
      problems.push({ field: 'businessHours.close', message: `Expected closing after opening (${s.businessHours.open}), but it was ${s.businessHours.close}` });
    }
  }
  for (const k of ['closures', 'extraWorkingDays'] as const) {
    s[k].forEach((d, i) => {
      if (!isIsoDate(d)) problems.push({ field: `${k}[${i}]`, message: `Expected a date YYYY-MM-DD, but it was '${d}'` });
    });
    const dup = s[k].find((d, i) => s[k].indexOf(d) !== i);
    if (dup) problems.push({ field: k, message: `Expected each date once, but ${dup} is listed twice` });
  }
  const both = s.closures.find((d) => s.extraWorkingDays.includes(d));
  if (both) problems.push({ field: 'extraWorkingDays', message: `Expected ${both} to be either a closure or an extra working day, not both` });
  const t = s.lightThresholds;
  if (t.warnWhenDaysLeft !== undefined && !Number.isInteger(t.warnWhenDaysLeft)) {
    problems.push({ field: 'lightThresholds.warnWhenDaysLeft', message: `Expected a whole number of days, but it was ${t.warnWhenDaysLeft}` });
  }
  return problems;
}

/** `patch` over `current`: every field given replaces the current one (`businessHours: null` removes them). */
export function mergeSettings(current: LocalitySettings, patch: Partial<LocalitySettings>): LocalitySettings {
  const merged: LocalitySettings = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  return {
    ...merged,
    closures: [...merged.closures].sort(),
    extraWorkingDays: [...merged.extraWorkingDays].sort(),
  };
}

/** The fields that differ between two versions, for the audit entry. */
export function changedFields(before: LocalitySettings, after: LocalitySettings): string[] {
  return (Object.keys(after) as (keyof LocalitySettings)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
