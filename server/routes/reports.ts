/** Monthly figures per department and item, as JSON or (Accept: text/csv) CSV; for the reform office and auditors. */
import type { FastifyPluginAsync } from 'fastify';
import { authorize } from '../http/guard.js';
import { errors } from '../http/schemas.js';
import { monthlyCsv, monthlyFigures } from '../queries/reports.js';
import '../plugins/types.js';

const n = { type: 'integer' } as const;
const rowSchema = {
  type: 'object',
  properties: {
    department: { type: 'string' }, itemCode: { type: 'string' }, itemName: { type: 'string' }, received: n, online: n, onlineShare: { type: 'number' },
    accepted: n, rejected: n, completed: n, onTime: n, overdue: n, averageWorkingDays: { type: ['number', 'null'] }, expressDeliveries: n,
    evaluations: { type: 'object', properties: { 1: n, 2: n, 3: n, 4: n, 5: n } }, rectificationsOpened: n, rectificationsCompleted: n,
  },
} as const;

/** `GET /api/reports/monthly`. */
export const reportRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { month: string } }>('/api/reports/monthly', {
    schema: {
      tags: ['reports'], summary: 'Monthly figures per department and item (CSV with Accept: text/csv)',
      querystring: { type: 'object', required: ['month'], additionalProperties: false, properties: { month: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' } } },
      response: { 200: { type: 'object', required: ['month', 'rows'], properties: { month: { type: 'string' }, rows: { type: 'array', items: rowSchema } } }, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    const user = authorize(request, 'report.read', { kind: 'system' });
    const { month } = request.query;
    const rows = await monthlyFigures(app.store.knex, app.runtime.calendar, month);
    await app.audit.append({ actorId: user.id, action: 'report.read', target: `monthly:${month}` });
    if (request.headers.accept?.includes('text/csv')) {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="shenpi-${month}.csv"`).send(monthlyCsv(rows));
    }
    return { month, rows };
  });
};
