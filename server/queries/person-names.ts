/**
 * People by name on the pages: the real name of each task's assignee (and owner, for a delegated task), so
 * the inbox and the step forms show 刘洋, not p1002. The id stays beside it for the timeline and the API.
 */
import type { UserDirectory } from '../identity/users.js';

/** `rows` with `assigneeName` (and `ownerName`) where the user is known; looked up once per user. */
export async function withPersonNames<R extends { assignee?: string; owner?: string }>(users: Pick<UserDirectory, 'get'>, rows: readonly R[]): Promise<Array<R & { assigneeName?: string; ownerName?: string }>> {
  const names = new Map<string, string | undefined>();
  const nameOf = async (id: string | undefined) => {
    if (id === undefined) return undefined;
    if (!names.has(id)) names.set(id, (await users.get(id))?.name);
    return names.get(id);
  };
  const out: Array<R & { assigneeName?: string; ownerName?: string }> = [];
  for (const row of rows) {
    const assigneeName = await nameOf(row.assignee);
    const ownerName = await nameOf(row.owner);
    out.push({ ...row, ...(assigneeName ? { assigneeName } : {}), ...(ownerName ? { ownerName } : {}) });
  }
  return out;
}
