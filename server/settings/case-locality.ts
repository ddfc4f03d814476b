/**
 * What a new case takes from the locality settings in force at its receipt, into its item snapshot: the
 * counting policy (the listing's own wins), whether limits end at office closing, and the settings version. A
 * case keeps them for its whole life, as it keeps its item version, so a later change never recounts it.
 */
import type { ItemSnapshot } from '../../engine/approval/item-snapshot.js';
import type { WorkingCalendar } from '../../engine/calendar/types.js';

/** `snapshot` with the locality's counting rules of `calendar`; unchanged when no settings were ever stored. */
export function withLocality(snapshot: ItemSnapshot, calendar: WorkingCalendar): ItemSnapshot {
  const rules = calendar.locality;
  if (!rules) return snapshot;
  return {
    ...snapshot,
    countingPolicy: snapshot.countingPolicy ?? rules.countingPolicy,
    ...(rules.endAtClosing ? { useBusinessHours: true } : {}),
    localSettingsVersion: rules.version,
  };
}
