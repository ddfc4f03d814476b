/**
 * Security headers (@fastify/helmet) and `Cache-Control: no-store` on the API.
 *
 * The Content Security Policy allows only the server's own scripts: the modeler, console and portal are
 * bundles served from here, with no inline script and no `eval` (the modeler's rule-table validator is compiled
 * ahead of time, rules/schema/generate-validator.ts). Styles may be inline because bpmn-js positions the diagram
 * with `style` attributes; images may be `data:`/`blob:` URIs (the diagram's icons, exported SVG and XML).
 * `frame-ancestors 'none'` (and X-Frame-Options: DENY for older browsers) keeps the pages out of frames, so a
 * decision button cannot be click-jacked; nosniff keeps an uploaded file from being run as script.
 *
 * Every `/api/` answer may carry personal data (cases, tasks, users, documents, tokens), so none is kept by a
 * browser or a shared proxy cache unless its route chose a cache header itself.
 */
import helmet from '@fastify/helmet';
import { sharedPlugin } from './plugin.js';

/** The directives of the pages' Content Security Policy. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  // Scripts come only from this server: never inline, from another origin, or compiled from strings.
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Registers helmet and the `no-store` hook on the root instance. */
export const securityPlugin = sharedPlugin('shenpi-security', async (app) => {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    // HTTPS is terminated by the deployment's proxy; an HSTS header on plain-HTTP development servers would
    // only pin browsers to a scheme the server cannot answer.
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
});
