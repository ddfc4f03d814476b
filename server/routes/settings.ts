/**
 * The locality settings (地方设置): read by staff, changed by the reform office only. Every change stores the
 * next version and its audit entry in one transaction, then puts the version in force on this node (the others
 * pick it up at their next sweep round) and, when the calendar changed (closures, extra working days, business
 * hours), recalculates the open cases' deadlines, each moved deadline recorded with both calendar versions.
 */
import { Instant } from '../../contracts/api/time.js';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { recalculateOnNewCalendar } from '../cases/calendar-watch.js';
import { ApiError } from '../http/errors.js';
import { authorize } from '../http/guard.js';
import { errors } from '../http/schemas.js';
import { changedFields, DEFAULT_LOCALITY_SETTINGS, mergeSettings, settingsProblems, type LocalitySettingsVersion } from '../settings/locality-settings.js';
import { currentSettings, insertSettings, settingsHistory } from '../settings/settings-store.js';
import { LocalitySettingsFieldsSchema, LocalitySettingsPatchBodySchema, type LocalitySettingsPatchBody } from '../../contracts/api/settings.js';
import '../plugins/types.js';

const settingsProperties = LocalitySettingsFieldsSchema.properties;
const versionSchema = {
  type: 'object',
  properties: {
    version: { type: 'integer' },
    settings: { type: 'object', properties: settingsProperties },
    reason: { type: 'string' }, changedBy: { type: 'string' }, changedByName: { type: 'string' }, changedAt: Instant(),
    calendarVersion: { type: 'string' },
    changed: { type: 'array', items: { type: 'string' } },
    recalculation: { type: 'object', properties: { checked: { type: 'integer' }, changed: { type: 'integer' }, recorded: { type: 'integer' }, failed: { type: 'integer' } } },
  },
} as const;

/** Puts the stored version in force on this node when another node changed it. */
export async function refreshLocality(app: FastifyInstance): Promise<LocalitySettingsVersion> {
  const current = await currentSettings(app.store.knex);
  if (current.version !== (app.runtime.locality.locality?.version ?? 0)) app.runtime.locality.apply(current);
  return current;
}

/** `GET /api/settings/locality`, `GET …/versions`, `PATCH /api/settings/locality`. */
export const settingsRoutes: FastifyPluginAsync = async (app) => {
  const view = (v: LocalitySettingsVersion) => ({ ...v, calendarVersion: app.runtime.calendar.version });

  app.get('/api/settings/locality', {
    schema: { tags: ['settings'], summary: 'The locality settings in force, with their version and the calendar version they make', response: { 200: versionSchema, ...errors(401, 403) } },
  }, async (request) => {
    authorize(request, 'settings.read', { kind: 'system' });
    return view(await refreshLocality(app));
  });

  app.get('/api/settings/locality/versions', {
    schema: { tags: ['settings'], summary: 'Every stored version of the locality settings, newest first', response: { 200: { type: 'object', properties: { versions: { type: 'array', items: versionSchema } } }, ...errors(401, 403) } },
  }, async (request) => {
    authorize(request, 'settings.read', { kind: 'system' });
    // Each version with the fields it changed against the one before (the law's defaults before version 1).
    const versions = await settingsHistory(app.store.knex);
    // Who changed it by name as well as by id (the pages show the name, the audit keeps the id).
    const users: Array<{ id: string; name: string }> = await app.store.knex('users').whereIn('id', [...new Set(versions.map((v) => v.changedBy))]).select('id', 'name');
    const names = new Map(users.map((u) => [u.id, u.name]));
    return {
      versions: versions.map((v, i) => ({
        ...v, changed: changedFields(versions[i + 1]?.settings ?? DEFAULT_LOCALITY_SETTINGS, v.settings),
        ...(names.has(v.changedBy) ? { changedByName: names.get(v.changedBy) } : {}),
      })),
    };
  });

  app.patch<{ Body: LocalitySettingsPatchBody }>('/api/settings/locality', {
    schema: {
      tags: ['settings'],
      summary: 'Change the locality settings (reform office): the fields given replace the current ones, as the next version',
      body: LocalitySettingsPatchBodySchema,
      response: { 200: versionSchema, ...errors(400, 401, 403, 409, 422) },
    },
  }, async (request) => {
    const user = authorize(request, 'settings.write', { kind: 'system' });
    const { reason, expectedVersion, ...patch } = request.body;
    const current = await refreshLocality(app);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new ApiError('CONFLICT', `Expected to change settings version ${expectedVersion}, but version ${current.version} is in force`, { version: current.version });
    }
    if (reason.trim() === '') throw new ApiError('SETTINGS_INVALID', 'Expected a reason for the change, but it was blank', { field: 'reason' });
    const settings = mergeSettings(current.settings, patch);
    const problems = settingsProblems(settings);
    if (problems.length) throw new ApiError('SETTINGS_INVALID', `${problems[0]!.field}: ${problems[0]!.message}`, { field: problems[0]!.field, problems: problems.map((p) => ({ ...p })) });
    const changed = changedFields(current.settings, settings);
    if (changed.length === 0) throw new ApiError('SETTINGS_INVALID', 'Expected at least one setting to change, but every field given has its current value', { field: Object.keys(patch)[0] ?? 'reason' });
    const at = app.runtime.clock.now().toISOString();
    const next: Omit<LocalitySettingsVersion, 'version'> = { settings, reason: reason.trim(), changedBy: user.id, changedAt: at };
    // The calendar is built before anything is stored: a setting the calendar refuses stores nothing.
    try {
      app.runtime.locality.check({ ...next, version: current.version + 1 });
    } catch (error) {
      throw new ApiError('SETTINGS_INVALID', (error as Error).message, { field: 'closures' });
    }
    const version = await app.audit.transaction(async (trx) => {
      const stored = await insertSettings(trx, current.version, next);
      if (stored === undefined) throw new ApiError('CONFLICT', `Expected settings version ${current.version} to be in force, but another change came first`);
      return { result: stored, audit: { actorId: user.id, action: 'settings.changed', target: `locality-settings:v${stored}`, details: { version: stored, changed, reason: next.reason } } };
    });
    const before = app.runtime.calendar.version;
    const saved = { ...next, version };
    app.runtime.locality.apply(saved);
    // Closures and business hours move open deadlines: recalculated now, each change recorded on its case.
    const report = app.runtime.calendar.version === before ? undefined
      : await recalculateOnNewCalendar({ knex: app.store.knex, service: app.cases.service, calendarVersion: app.runtime.calendar.version, at });
    return {
      ...view(saved), changed,
      ...(report ? { recalculation: { checked: report.checked, changed: report.changed, recorded: report.recorded, failed: report.failed.length } } : {}),
    };
  });
};
