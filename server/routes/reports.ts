/** Monthly figures per department and item, as JSON, CSV or an Excel workbook (by Accept); for the reform office and auditors. */
import type { FastifyPluginAsync } from 'fastify';
import { MonthlyReportQuerySchema, MonthlyReportSchema, type MonthlyReportQuery } from '../../contracts/api/reports.js';
import { authorize } from '../http/guard.js';
import { errors } from '../http/schemas.js';
import { negotiateLanguage } from '../../contracts/messages/render.js';
import { monthlyCsv, monthlyXlsx, XLSX_TYPE } from '../queries/report-export.js';
import { monthlyFigures } from '../queries/reports.js';
import { centreScope } from '../organisation/scope.js';
import '../plugins/types.js';

/** `GET /api/reports/monthly`. */
export const reportRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: MonthlyReportQuery }>('/api/reports/monthly', {
    schema: {
      tags: ['reports'], summary: 'Monthly figures per department and item (CSV with Accept: text/csv, an Excel workbook with Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; headers in the Accept-Language)',
      querystring: MonthlyReportQuerySchema,
      response: { 200: MonthlyReportSchema, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    const user = authorize(request, 'report.read', { kind: 'system' });
    const { month } = request.query;
    // A county or township centre's report counts its own level and below (分级监管); the city's everything.
    const centre = user.region !== undefined ? centreScope(await app.identity.org.list(), user.region, {}) : undefined;
    const rows = (await monthlyFigures(app.store.knex, app.runtime.calendar, month)).filter((r) => !Array.isArray(centre) || centre.includes(r.department));
    await app.audit.append({ actorId: user.id, action: 'report.read', target: `monthly:${month}` });
    const accept = request.headers.accept ?? '';
    const language = negotiateLanguage(request.headers['accept-language']);
    if (accept.includes('text/csv')) {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="shenpi-${month}.csv"`).send(monthlyCsv(rows, language));
    }
    if (accept.includes(XLSX_TYPE)) {
      return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="shenpi-${month}.xlsx"`).send(await monthlyXlsx(rows, month, language));
    }
    return { month, rows };
  });
};
