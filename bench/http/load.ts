/**
 * A bounded HTTP load run against real Shenpi nodes: `cases` ITEM-06 approval flows with at most `inFlight`
 * at once, spread over the nodes; optionally one node killed with SIGKILL part-way and started again. Reports
 * cases/s, requests/s, p50/p99 per request kind, every 5xx, and what the database holds afterwards, so a test
 * can prove that nothing acknowledged was lost and nothing was written twice.
 */
import { inLanes, type Percentiles } from '../lib/stats.js';
import { runApprovalFlow, type FlowOptions, type FlowResult, type Target } from './approval-flow.js';
import { LoadRecorder, type RequestRecord } from './client.js';
import { killNode, LOAD_ADMIN_PASSWORD, LOAD_DEMO_PASSWORD, startNode, type ServerNode } from './nodes.js';

/** How a run is shaped. */
export interface LoadPlan {
  cases: number;
  inFlight: number;
  flow?: FlowOptions;
  /** Kill this node (by index) with SIGKILL once this many requests were answered, then start it again. */
  kill?: { node: number; afterRequests: number; restartEnv: NodeJS.ProcessEnv };
}

/** What a run measured and found. */
export interface LoadResult {
  cases: number;
  concluded: number;
  seconds: number;
  casesPerSecond: number;
  requestsPerSecond: number;
  latency: Record<string, Percentiles>;
  records: RequestRecord[];
  flows: FlowResult[];
  /** Answers of 5xx. */
  serverErrors: RequestRecord[];
  /** Requests that got no answer (sent to a node while it was killed). */
  unanswered: RequestRecord[];
  /** The nodes at the end (a killed one replaced by its restart). */
  nodes: ServerNode[];
}

/** Logs `username` in on `node`. */
export async function login(rec: LoadRecorder, node: Target, username: string, password = LOAD_DEMO_PASSWORD): Promise<string> {
  const res = await rec.send<{ token: string }>(node, 'login', { method: 'POST', path: '/api/auth/login', json: { username, password } });
  if (res.status !== 200) throw new Error(`login of ${username} on ${node.name} answered ${res.status}`);
  return res.body.token;
}

/** The admin's token on `node`. */
export const adminLogin = (rec: LoadRecorder, node: Target) => login(rec, node, 'admin', LOAD_ADMIN_PASSWORD);

/** Runs `plan` against `nodes` (started by the caller, all on one database). */
export async function runLoad(nodes: ServerNode[], plan: LoadPlan): Promise<LoadResult> {
  const live = [...nodes];
  let killing: Promise<void> | undefined;
  let restartFailure: unknown;
  const rec = new LoadRecorder((count) => {
    if (!plan.kill || killing || count < plan.kill.afterRequests) return;
    const { node: index, restartEnv } = plan.kill;
    killing = (async () => {
      const victim = live[index]!;
      await killNode(victim);
      // A restart on a machine busy with the load itself may take a while; it is bounded all the same.
      live[index] = await startNode(`${victim.name}-restarted`, restartEnv, 180_000);
    })().catch((error: unknown) => {
      restartFailure = error;
    });
  });
  // Tokens are rows of the shared database, so a token from one node is valid on every other.
  const tokens = { applicant: await login(rec, live[0]!, 'applicant'), staff: await login(rec, live[0]!, 'health-staff') };
  const loginRecords = rec.records.length;
  const flows: FlowResult[] = [];
  const started = performance.now();
  await inLanes(Array.from({ length: plan.cases }, (_, i) => i), plan.inFlight, async (i) => {
    // While a node is down its requests fail to connect and are sent again to the next node.
    flows.push(await runApprovalFlow(rec, () => live, tokens, i, plan.flow));
  });
  if (killing) await killing;
  if (restartFailure) throw restartFailure;
  const seconds = (performance.now() - started) / 1000;
  const concluded = flows.filter((f) => f.concluded).length;
  return {
    cases: plan.cases,
    concluded,
    seconds,
    casesPerSecond: concluded / seconds,
    requestsPerSecond: (rec.records.length - loginRecords) / seconds,
    latency: rec.summary(),
    records: rec.records,
    flows,
    serverErrors: rec.serverErrors(),
    unanswered: rec.records.filter((r) => r.status === 0),
    nodes: live,
  };
}
