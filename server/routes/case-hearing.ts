/**
 * Hearings on request (行政许可法 第47条, 第48条) through the API: the department tells the parties of their right
 * (听证告知书); the applicant, the agent or a party told of it requests the hearing within 5 working days, or
 * waives it; the department notifies time and place 7 working days ahead (听证通知书), holds it within 20
 * working days of the request, or ends it unheld. Refusals name the limit broken: 409 wrong state, 422 a limit
 * or field, 403 a requester who is not a party.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { HearingCommand } from '../cases/case-service.js';
import { caseCommandSchema, caseParams } from '../http/case-schemas.js';
import { auditedCase, caseActor, caseFor, emptyBodyAsObject, servedOrThrow } from '../http/case-guard.js';
import { requireUser } from '../http/guard.js';
import { errors } from '../http/schemas.js';
import type { AuthUser } from '../identity/roles.js';
import {
  HearingEndBodySchema, HearingHoldBodySchema, HearingNotifyBodySchema, HearingPartyBodySchema, HearingScheduleBodySchema,
} from '../../contracts/api/hearings.js';
import '../plugins/types.js';

interface HearingRoute<S extends TSchema> {
  path: string;
  summary: string;
  /** The body's contract; the command reads the body as it states it. */
  body: S;
  /** `staff`: the department handling the case; `party`: the applicant's side or a party named in the notice. */
  who: 'staff' | 'party';
  document?: string;
  command(body: Static<S>, user: AuthUser): HearingCommand;
}

/** A route of the list below: its command takes the body fastify validated against the route's own schema. */
type AnyHearingRoute = Omit<HearingRoute<TSchema>, 'command'> & { command(body: unknown, user: AuthUser): HearingCommand };

function hearingRoute<S extends TSchema>(r: HearingRoute<S>): AnyHearingRoute {
  return { ...r, command: (body, user) => r.command(body as Static<S>, user) };
}

const ROUTES: AnyHearingRoute[] = [
  hearingRoute({
    path: 'notify', who: 'staff', document: 'hearing-right-notice',
    summary: 'Tell the applicant and the interested parties of their right to a hearing (告知听证权利, 第47条): they may ask within 5 working days',
    body: HearingNotifyBodySchema,
    command: (b, u) => ({ type: 'hearing.notify', reason: b.reason, basis: b.basis, ...(b.parties ? { parties: b.parties } : {}), actor: caseActor(u) }),
  }),
  hearingRoute({
    path: 'request', who: 'party', summary: 'Request the hearing (申请听证), within 5 working days of the notice; its time is not counted (第45条)',
    body: HearingPartyBodySchema, command: (_b, u) => ({ type: 'hearing.request', actor: caseActor(u) }),
  }),
  hearingRoute({
    path: 'waive', who: 'party', summary: 'Waive the right to a hearing (放弃听证) before requesting it',
    body: HearingPartyBodySchema, command: (_b, u) => ({ type: 'hearing.waive', actor: caseActor(u) }),
  }),
  hearingRoute({
    path: 'schedule', who: 'staff', document: 'hearing-notice',
    summary: 'Notify the time and place (听证通知, 第48条): at least 7 working days ahead, within 20 working days of the request',
    body: HearingScheduleBodySchema,
    command: (b, u) => ({ type: 'hearing.schedule', day: b.day, ...(b.time ? { time: b.time } : {}), place: b.place, actor: caseActor(u) }),
  }),
  hearingRoute({
    path: 'hold', who: 'staff', summary: 'Hold the hearing on its notified day, with the summary of its record (听证笔录); the clocks run again',
    body: HearingHoldBodySchema, command: (b, u) => ({ type: 'hearing.hold', record: b.record, actor: caseActor(u) }),
  }),
  hearingRoute({
    path: 'end', who: 'staff', summary: 'End a requested hearing without holding it (e.g. the request was withdrawn), with the reason; the clocks run again',
    body: HearingEndBodySchema, command: (b, u) => ({ type: 'hearing.end', reason: b.reason, actor: caseActor(u) }),
  }),
];

/** `POST /api/cases/:caseNo/hearing/{notify,request,waive,schedule,hold,end}`. */
export const caseHearingRoutes: FastifyPluginAsync = async (app) => {
  /** A party named in the notice may act on the hearing without otherwise reading the case. */
  async function partyOf(request: FastifyRequest, caseNo: string): Promise<AuthUser> {
    const user = requireUser(request);
    const view = await app.cases.service.getCase(caseNo);
    if (view?.lifecycle.hearing?.parties.includes(user.id)) return user;
    return (await caseFor(app, request, caseNo)).user;
  }

  for (const r of ROUTES) {
    app.post<{ Params: { caseNo: string }; Body: unknown }>(`/api/cases/:caseNo/hearing/${r.path}`, {
      preValidation: emptyBodyAsObject,
      schema: { tags: ['cases'], summary: r.summary, params: caseParams, body: r.body, response: { 200: caseCommandSchema, ...errors(400, 401, 403, 404, 409, 422) } },
    }, async (request) => {
      const { caseNo } = request.params;
      const user = r.who === 'staff' ? (await caseFor(app, request, caseNo, 'case.handle')).user : await partyOf(request, caseNo);
      return servedOrThrow(await auditedCase(user, `case.hearing-${r.path}`, caseNo, {}, () => app.cases.service.hearing(caseNo, r.command(request.body, user))), r.document);
    });
  }
};
