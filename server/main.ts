/**
 * `npm start`: reads the configuration, builds the server (which migrates the database), deploys the sample
 * items, listens, and prints how to log in. SIGTERM and SIGINT close it cleanly: no new connections, the
 * requests in flight are answered, the timer poller and the outbox dispatcher finish their round, and the
 * database is closed; after the grace period the process exits anyway.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { build } from './app.js';
import { loadConfig, type ServerConfig } from './config.js';
import { DEFAULT_DEMO_DEPARTMENTS } from './identity/seed.js';
import { modelerRoutes } from './routes/modeler.js';
import { deploySampleItems, loadSampleItems, sampleDepartments } from './samples.js';

/**
 * The lines printed after start: where to go, the items on offer (and which versions this start deployed),
 * and, on first start only, the accounts and passwords.
 */
export async function loginHelp(app: FastifyInstance, config: ServerConfig, address: string, deployed: readonly string[] = []): Promise<string[]> {
  const lines = [
    `Shenpi is listening on ${address}`,
    `  Applicant portal: ${address}/portal/`,
    `  Console (tasks, lights, reports): ${address}/console/`,
    `  Modeler: ${address}/modeler/`,
    `  API documentation: ${address}/docs`,
  ];
  const items = await app.cases.items.list();
  if (items.length) {
    lines.push('', `Items (${address}/api/items):`);
    for (const i of items) lines.push(`  ${i.code.padEnd(10)} v${i.latestVersion}${deployed.includes(`${i.code}@${i.latestVersion}`) ? ' (deployed now)' : ''}  ${i.name} — ${i.department}${i.enabled ? '' : ' [disabled]'}`);
  }
  const seeded = app.identity.seeded;
  if (seeded.length > 0) {
    lines.push('', 'First start: these accounts were created. Passwords are shown ONCE; change them.');
    for (const a of seeded) {
      const where = a.department ? ` (${a.department})` : '';
      lines.push(`  ${a.id.padEnd(20)} ${a.roles.join(',')}${where}  password: ${a.generated ? a.password : '(from the environment)'}`);
    }
  }
  lines.push('', `Log in: curl -X POST ${address}/api/auth/login -H 'content-type: application/json' -d '{"username":"admin","password":"…"}'`);
  lines.push(`  then send the token as 'Authorization: Bearer <token>'; an applicant applies with POST ${address}/api/cases, staff work GET ${address}/api/tasks`);
  if (config.clock.kind === 'controlled') lines.push('The business clock is controlled: move it with POST /api/clock.');
  return lines;
}

/** Where signals come from; the process by default, an EventEmitter in tests. */
export type SignalSource = Pick<NodeJS.Process, 'once'>;

/**
 * Closes `app` on the first SIGTERM/SIGINT, waiting at most `graceMs` before exiting anyway. Resolves the
 * returned promise once the close finished (for tests and for a supervisor's log).
 */
export function closeOnSignals(app: FastifyInstance, graceMs: number, signals: SignalSource = process): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let closing = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down: draining requests');
      const force = setTimeout(() => {
        app.log.error('shutdown grace period over; exiting with requests still open');
        process.exit(1);
      }, graceMs);
      force.unref();
      app.close().then(
        () => {
          clearTimeout(force);
          app.log.info('shut down cleanly');
          resolve(signal);
        },
        (err: unknown) => {
          clearTimeout(force);
          app.log.error({ err }, 'shutdown failed');
          process.exitCode = 1;
          resolve(signal);
        },
      );
    };
    signals.once('SIGTERM', onSignal);
    signals.once('SIGINT', onSignal);
  });
}

/** Starts the server; resolves once it listens. */
export async function start(env: NodeJS.ProcessEnv = process.env): Promise<FastifyInstance> {
  const config = loadConfig(env);
  const samples = await loadSampleItems();
  const app = await build({
    config,
    demoDepartments: samples.length ? sampleDepartments(samples) : DEFAULT_DEMO_DEPARTMENTS,
    // The browser modeler at /modeler/ (its bundle is built on first start when missing).
    routes: [modelerRoutes],
  });
  const deployed = await deploySampleItems(app, samples);
  const address = await app.listen({ host: config.host, port: config.port });
  void closeOnSignals(app, config.shutdownGraceMs);
  process.stdout.write((await loginHelp(app, config, address, deployed)).join('\n') + '\n');
  return app;
}

// Run when executed directly (`tsx server/main.ts`), not when imported by a test.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  start().catch((error: unknown) => {
    process.stderr.write(`shenpi: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
