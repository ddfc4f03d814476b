/**
 * OpenAPI 3 generated from the route schemas (@fastify/swagger) at `/openapi.json`, browsable at `/docs`
 * (@fastify/swagger-ui). Registered before the routes so that it sees every one of them.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { TIME_CONTRACT } from '../../contracts/api/time.js';
import { sharedPlugin } from './plugin.js';

/** Registers the generator, the UI and `GET /openapi.json`. */
export const openapiPlugin = sharedPlugin('shenpi-openapi', async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Shenpi (审批) API',
        description: `Declarative BPMN 2.0 engine for online administrative approval. Errors are \`{ code, message, details }\` with the codes of the error catalogue. ${TIME_CONTRACT}`,
        version: '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from POST /api/auth/login' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
