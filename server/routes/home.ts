/** `GET /`: a placeholder page until the browser modeler is served here. */
import type { FastifyPluginAsync } from 'fastify';

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>Shenpi 审批</title></head>
<body>
<h1>Shenpi 审批</h1>
<p>The browser modeler will be served here. Until then, open it at <a href="/modeler/">/modeler/</a> or use the API:</p>
<ul>
<li><a href="/docs">API documentation (OpenAPI)</a></li>
<li><a href="/openapi.json">OpenAPI document</a></li>
<li><a href="/healthz">Health</a> · <a href="/readyz">Readiness</a> · <a href="/metrics">Metrics</a></li>
</ul>
<p>Log in with <code>POST /api/auth/login</code> and send the token as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
</body>
</html>
`;

/** `GET /`. */
export const homeRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', { schema: { hide: true, response: { 200: { type: 'string' } } } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
};
