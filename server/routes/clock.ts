/**
 * The business clock of a training or test deployment (SHENPI_CLOCK=controlled): read it, pin it or advance
 * it. Timers that fall due are fired and the supervision sweep runs before the answer, so a client sees
 * their effect at once. On a deployment with the system clock, moving time is refused.
 */
import { ClockSetBodySchema, type ClockSetBody } from '../../contracts/api/clock.js';
import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../http/errors.js';
import { authorize, requireUser } from '../http/guard.js';
import { errors } from '../http/schemas.js';
import '../plugins/types.js';

const clockSchema = {
  type: 'object',
  required: ['now', 'controlled'],
  properties: { now: { type: 'string' }, controlled: { type: 'boolean' }, timersFired: { type: 'integer' } },
} as const;

/** `GET /api/clock`, `POST /api/clock`. */
export const clockRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/clock', {
    schema: { tags: ['clock'], summary: 'The business clock', response: { 200: clockSchema, ...errors(401) } },
  }, async (request) => {
    requireUser(request);
    return { now: app.runtime.clock.now().toISOString(), controlled: app.runtime.controlledClock !== undefined };
  });

  app.post<{ Body: ClockSetBody }>('/api/clock', {
    schema: {
      tags: ['clock'],
      summary: 'Pin or advance the controlled clock, then fire the timers that fell due',
      body: ClockSetBodySchema,
      response: { 200: clockSchema, ...errors(400, 401, 403, 409) },
    },
  }, async (request) => {
    const user = authorize(request, 'clock.set', { kind: 'system' });
    const clock = app.runtime.controlledClock;
    if (!clock) throw new ApiError('CLOCK_NOT_CONTROLLED', 'Expected SHENPI_CLOCK=controlled to move time, but this server runs on the system clock');
    const before = clock.now();
    const to = request.body.pin !== undefined ? new Date(request.body.pin) : new Date(before.getTime() + request.body.advanceMs!);
    if (Number.isNaN(to.getTime())) throw new ApiError('VALIDATION_FAILED', `Expected an ISO 8601 instant in /body/pin, but got '${request.body.pin}'`, { field: '/body/pin' });
    const now = to.toISOString();
    // The entry commits first and the clock moves right after, with nothing that can fail in between: the
    // clock never moves without its `clock.moved`, and a refused append leaves it where it was.
    await app.audit.transaction(async () => ({ result: undefined, audit: { actorId: user.id, action: 'clock.moved', target: 'clock', details: { from: before.toISOString(), to: now } } }));
    clock.pin(to);
    const report = await app.runtime.poller.drain();
    // Lights and supervision follow the moved clock at once, as they would at the next background sweep;
    // each case it changes is audited as the mover's.
    await app.cases.sweep(user.id);
    return { now, controlled: true, timersFired: report.fired };
  });
};
