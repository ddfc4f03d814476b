/**
 * One real approval case over HTTP, as the portal and the console drive it: ITEM-06 (公共场所卫生许可, accepted on
 * submission) applied online with three uploads and a shared certificate, then review, site check, decision,
 * the certificate and the issue step, each looked up in the inbox, claimed and completed by the department.
 * Options add the hostile traffic a city sees: the application sent twice with one `Idempotency-Key`, and
 * the same completion sent twice at once (to two nodes when there are several).
 */
import type { Answer, LoadRecorder, RequestSpec } from './client.js';

/** A node the flow can send to. */
export interface Target {
  name: string;
  base: string;
}

/** The tokens of the people of the flow. */
export interface FlowTokens {
  applicant: string;
  staff: string;
}

/** What a flow does besides the plain path. */
export interface FlowOptions {
  /** Send the application again with the same key; the replay must answer the same case. */
  duplicateApply?: boolean;
  /** Send each completion twice at once: exactly one may win. */
  raceCompletions?: boolean;
}

/** What one flow observed. */
export interface FlowResult {
  caseNo?: string;
  /** Concluded with the certificate issued (SPGL status 11). */
  concluded: boolean;
  /** Where it stopped, when it did not conclude. */
  failure?: string;
  /** Per raced completion: how many of the two answers were 200. */
  raceWinners: number[];
  /** The application's replay answered the same case number. */
  replaySameCase?: boolean;
}

const STEPS: ReadonlyArray<{ elementId: string; outcome?: string; certificate?: boolean }> = [
  { elementId: 'review' },
  { elementId: 'siteCheck' },
  { elementId: 'decide', outcome: 'approve' },
  { elementId: 'issue', certificate: true },
];

const FACTS = { applicant: { kind: 'INDIVIDUAL_BUSINESS', hasBusinessLicence: true }, venueType: 'BEAUTY_HAIR', hasCentralAC: false, choosesPromise: false, byAgent: false };
const SHARED_ID = { material: 'M2', shared: { type: '居民身份证', number: '330102199001011234', issuer: '公安机关' } };

function applicationForm(n: number): FormData {
  const form = new FormData();
  form.append('application', JSON.stringify({ itemCode: 'ITEM-06', channel: 'online', facts: FACTS, materials: [SHARED_ID] }));
  for (const id of ['M1', 'M3', 'M5']) form.append(id, new Blob([`%PDF-1.7 ${id} case ${n}`], { type: 'application/pdf' }), `${id}.pdf`);
  return form;
}

/**
 * Done: a 2xx, or the server saying the command was carried out but its answer was lost with the node that
 * ran it (`IDEMPOTENCY_ANSWER_LOST`); the flow then reads the case, as the refusal asks.
 */
const ok = (a: Answer<unknown>) => (a.status >= 200 && a.status < 300) || (a.status === 409 && (a.body as { code?: string } | undefined)?.code === 'IDEMPOTENCY_ANSWER_LOST');

/** How often a request that got no answer (its node died) is sent again, to the next node. */
const RETRIES = 8;

/**
 * Runs case `n` on `nodes` (round-robin by request, so a case moves between nodes as a city's would). Every
 * mutation carries its own `Idempotency-Key`; a request that gets no answer is sent again with the same key
 * to the next node, as a client does when its connection drops: the replay must answer what was done.
 */
export async function runApprovalFlow(rec: LoadRecorder, nodes: () => readonly Target[], tokens: FlowTokens, n: number, options: FlowOptions = {}): Promise<FlowResult> {
  let turn = n;
  const node = () => {
    const live = nodes();
    return live[turn++ % live.length]!;
  };
  const run = `${process.pid}-${Date.now().toString(36)}-${n}`;
  const send = async <T>(kind: string, spec: RequestSpec, key?: string): Promise<Answer<T>> => {
    const headers = key ? { ...(spec.headers ?? {}), 'idempotency-key': `${run}-${key}` } : spec.headers;
    for (let attempt = 0; ; attempt++) {
      const answer = await rec.send<T>(node(), attempt ? `${kind}-retry` : kind, { ...spec, headers });
      // No answer (the node died), or the first attempt's reservation is still held ("ask again in a moment").
      const again = answer.status === 0 || (answer.status === 409 && (answer.body as { code?: string } | undefined)?.code === 'IDEMPOTENCY_KEY_IN_PROGRESS');
      if (!again || attempt >= RETRIES) return answer;
      await new Promise((resolve) => setTimeout(resolve, answer.status === 0 ? 250 : 1_500));
    }
  };
  const result: FlowResult = { concluded: false, raceWinners: [] };
  const applied = await send<{ caseNo: string; status: number }>('apply', { method: 'POST', path: '/api/cases', token: tokens.applicant, form: applicationForm(n) }, 'apply');
  if (!ok(applied)) return { ...result, failure: `apply answered ${applied.status}` };
  const caseNo = applied.body?.caseNo;
  if (!caseNo) return { ...result, failure: `apply answered ${applied.status} without a case number` };
  result.caseNo = caseNo;
  if (options.duplicateApply) {
    const replay = await send<{ caseNo: string }>('apply-replay', { method: 'POST', path: '/api/cases', token: tokens.applicant, form: applicationForm(n) }, 'apply');
    result.replaySameCase = ok(replay) && replay.body.caseNo === caseNo;
  }
  for (const step of STEPS) {
    const inbox = await send<Array<{ taskId: string; elementId: string }>>('inbox', { method: 'GET', path: `/api/tasks?caseNo=${encodeURIComponent(caseNo)}`, token: tokens.staff });
    const task = ok(inbox) && Array.isArray(inbox.body) ? inbox.body.find((t) => t.elementId === step.elementId) : undefined;
    if (!task) return { ...result, failure: `no open task ${step.elementId} (inbox ${inbox.status})` };
    const taskPath = `/api/tasks/${encodeURIComponent(task.taskId)}`;
    const claimed = await send('claim', { method: 'POST', path: `${taskPath}/claim`, token: tokens.staff }, `claim-${step.elementId}`);
    if (!ok(claimed)) return { ...result, failure: `claim ${step.elementId} answered ${claimed.status}` };
    if (step.certificate) {
      const issued = await send('certificate', { method: 'POST', path: `/api/cases/${encodeURIComponent(caseNo)}/certificate`, token: tokens.staff, json: {} }, 'certificate');
      if (!ok(issued)) return { ...result, failure: `certificate answered ${issued.status}` };
    }
    const body = { outcome: step.outcome, opinion: '同意' };
    // Two racing clients are two people: each has its own key, and only one of them may win.
    const complete = (who = 'a') => send('complete', { method: 'POST', path: `${taskPath}/complete`, token: tokens.staff, json: body }, `complete-${step.elementId}-${who}`);
    if (options.raceCompletions) {
      const answers = await Promise.all([complete('a'), complete('b')]);
      const winners = answers.filter(ok).length;
      result.raceWinners.push(winners);
      if (winners !== 1) return { ...result, failure: `raced completion of ${step.elementId}: ${answers.map((a) => a.status).join(', ')}` };
    } else {
      const done = await complete();
      if (!ok(done)) return { ...result, failure: `complete ${step.elementId} answered ${done.status}` };
    }
  }
  const seen = await send<{ status: number }>('case', { method: 'GET', path: `/api/cases/${encodeURIComponent(caseNo)}`, token: tokens.applicant });
  result.concluded = ok(seen) && seen.body.status === 11;
  if (!result.concluded) result.failure = `case ended with status ${seen.body?.status} (${seen.status})`;
  return result;
}
