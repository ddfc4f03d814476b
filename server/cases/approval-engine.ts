/**
 * The approval aggregate as one of the server's case engines (`build({ caseEngines })`): the runtime calls
 * the factory once the store is open, with the same clock, calendar and commit hook as the core runner, and
 * routes every command of an approval case (a timer, a task completion) to the approval runner. The case
 * service built on the way is kept for the case routes.
 */
import type { CaseEngineDeps, CaseEngineRoute } from '../runtime/routing-runner.js';
import { createCaseService, type CaseServiceWiring } from './create-case-service.js';
import type { FileStorage } from './file-storage.js';
import { SealKeyStore } from '../seal/key-store.js';

/** The approval engine of one server: its factory and, once the factory ran, the case service wiring. */
export interface ApprovalEngine {
  factory(deps: CaseEngineDeps): Promise<CaseEngineRoute[]>;
  /** The wiring; throws when the runtime has not called the factory (a bug in the plugin order). */
  wiring(): CaseServiceWiring & { seals: SealKeyStore };
}

/** How many case numbers `owns` remembers; ownership never changes, so a hit is answered from memory. */
const OWNED_CACHE = 10_000;

/**
 * Creates the approval engine storing uploaded materials in `files`, sealing certificates with the keys of
 * `signing_keys` encrypted under `sealPassphrase`.
 */
export function approvalEngine(files: FileStorage | { dir: string }, seal: { passphrase: string }): ApprovalEngine {
  let wired: (CaseServiceWiring & { seals: SealKeyStore }) | undefined;
  return {
    async factory(deps) {
      const seals = await SealKeyStore.open({ knex: deps.store.knex, passphrase: seal.passphrase, now: () => deps.clock.now() });
      const wiring = await createCaseService({ store: deps.store, clock: deps.clock, calendar: deps.calendar, files, afterCommit: deps.afterCommit, sealer: seals, ...(deps.organisation ? { organisation: deps.organisation } : {}) });
      wired = { ...wiring, seals };
      const knex = deps.store.knex;
      const owned = new Set<string>();
      const owns = async (caseNo: string): Promise<boolean> => {
        if (owned.has(caseNo)) return true;
        // Every approval case has its index row from the commit of its application.
        const row = await knex('approval_cases').where({ case_no: caseNo }).first('case_no');
        if (!row) return false;
        if (owned.size >= OWNED_CACHE) owned.clear();
        owned.add(caseNo);
        return true;
      };
      return [{ name: 'approval', runner: wired.runner, owns }];
    },
    wiring() {
      if (!wired) throw new Error('The approval engine is not wired: the runtime plugin must run its factory first');
      return wired;
    },
  };
}
