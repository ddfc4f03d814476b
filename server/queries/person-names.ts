/**
 * People by name on the pages: the real name of each task's assignee (and owner, for a delegated task), so
 * the inbox and the step forms show 刘洋, not p1002; and the people a case's timeline names. The id stays
 * beside it for the API (`assignee`, `actorId`).
 */
import { TIMELINE_PERSON_PARAMS } from '../../contracts/messages/timeline.js';
import type { TimelineEntry } from '../cases/service-types.js';
import type { UserDirectory } from '../identity/users.js';

/** `rows` with `assigneeName` (and `ownerName`) where the user is known; one lookup of names for all rows. */
export async function withPersonNames<R extends { assignee?: string; owner?: string }>(users: Pick<UserDirectory, 'namesOf'>, rows: readonly R[]): Promise<Array<R & { assigneeName?: string; ownerName?: string }>> {
  const names = await users.namesOf(rows.flatMap((r) => [r.assignee, r.owner].filter((id): id is string => id !== undefined)));
  return rows.map((row) => {
    const assigneeName = row.assignee === undefined ? undefined : names.get(row.assignee);
    const ownerName = row.owner === undefined ? undefined : names.get(row.owner);
    return { ...row, ...(assigneeName ? { assigneeName } : {}), ...(ownerName ? { ownerName } : {}) };
  });
}

/** A line of the timeline as the route answers it: the engine's entry with the actor's user id. */
type TimelineLine = TimelineEntry & { actorId?: string };

/**
 * The timeline with people by name: every parameter of a detail or an explanation that names a person
 * (`TIMELINE_PERSON_PARAMS`: the assignee, the delegate, the signers, the 抄送 recipients …), and an actor the
 * event recorded by id only, get the person's display name; an id no account has (a department, a removed
 * user) stays as written. One lookup for the whole timeline, whatever its length.
 */
export async function timelineWithNames<E extends TimelineLine>(users: Pick<UserDirectory, 'namesOf'>, entries: readonly E[]): Promise<E[]> {
  const person = new Set<string>(TIMELINE_PERSON_PARAMS);
  const ids = new Set<string>();
  const collect = (params: Readonly<Record<string, unknown>> | undefined) => {
    for (const [key, value] of Object.entries(params ?? {})) {
      if (!person.has(key)) continue;
      if (Array.isArray(value)) for (const v of value) ids.add(String(v));
      else if (typeof value === 'string') for (const v of value.split('、')) ids.add(v);
    }
  };
  for (const e of entries) {
    collect(e.detailParams);
    collect(e.whyParams);
    if (e.actorId && e.actor === e.actorId) ids.add(e.actorId);
  }
  const names = await users.namesOf(ids);
  if (!names.size) return [...entries];
  const nameOf = (id: string) => names.get(id) ?? id;
  const named = <V>(params: Record<string, V> | undefined): Record<string, V> | undefined => params && Object.fromEntries(Object.entries(params).map(([key, value]) => {
    if (!person.has(key)) return [key, value];
    if (Array.isArray(value)) return [key, value.map((v) => nameOf(String(v)))];
    return [key, typeof value === 'string' ? value.split('、').map(nameOf).join('、') : value];
  })) as Record<string, V>;
  return entries.map((e) => ({
    ...e,
    ...(e.actorId && e.actor === e.actorId ? { actor: nameOf(e.actorId) } : {}),
    ...(e.detailParams ? { detailParams: named(e.detailParams) } : {}),
    ...(e.whyParams ? { whyParams: named(e.whyParams) } : {}),
  }));
}
