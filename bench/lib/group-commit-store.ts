/**
 * PROTOTYPE of a proposed store change, used only to size it: group commit for SQLite. Commands of different
 * cases that reach `commit` while another commit is being written are written together in ONE SQLite
 * transaction (one fsync), each inside its own savepoint (knex nests `transaction()` as SAVEPOINT), so a
 * stale version or duplicate rolls back only that command's writes and rejects only its promise. Every
 * promise resolves after the shared COMMIT, so an acknowledged command is as durable as with one
 * transaction per command.
 */
import type { Knex } from 'knex';
import type { CaseStore, CaseWrite } from '../../engine/runtime/ports.js';
import { KnexCaseStore } from '../../server/store/knex-case-store.js';

interface Pending {
  write: CaseWrite;
  resolve(): void;
  reject(error: unknown): void;
}

/** `KnexCaseStore` with commits grouped as described above; reads go straight through. */
export class GroupCommitCaseStore implements CaseStore {
  private readonly inner: KnexCaseStore;
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  /** Commits written and transactions used, to report the group size. */
  readonly stats = { commits: 0, transactions: 0 };

  constructor(private readonly knex: Knex) {
    this.inner = new KnexCaseStore(knex);
  }

  loadCase: CaseStore['loadCase'] = (no) => this.inner.loadCase(no);
  remember: CaseStore['remember'] = (entry) => this.inner.remember(entry);
  findRemembered: CaseStore['findRemembered'] = (key) => this.inner.findRemembered(key);
  listEvents: CaseStore['listEvents'] = (no) => this.inner.listEvents(no);
  listTasks: CaseStore['listTasks'] = (filter) => this.inner.listTasks(filter);

  commit(write: CaseWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    // Let the commands already stepping reach `commit` before the group closes.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const group = this.queue;
      this.queue = [];
      const outcomes: Array<unknown> = [];
      try {
        await this.knex.transaction(async (trx) => {
          const store = new KnexCaseStore(trx);
          for (const item of group) {
            try {
              await store.commit(item.write);
              outcomes.push(undefined);
            } catch (error) {
              outcomes.push(error ?? new Error('commit failed'));
            }
          }
        });
        this.stats.transactions++;
        this.stats.commits += group.length;
        group.forEach((item, i) => (outcomes[i] === undefined ? item.resolve() : item.reject(outcomes[i])));
      } catch (error) {
        for (const item of group) item.reject(error);
      }
    }
    this.flushing = undefined;
  }
}
