/** Configuration, first-start output, and the sample-item hook of `npm start`. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { loginHelp } from '../../server/main.js';
import { deploySampleItems, discoverSampleItems, sampleDepartments } from '../../server/samples.js';
import { buildTestApp, fixture, type TestApp } from './helper.js';

describe('configuration', () => {
  it('defaults to 127.0.0.1:3000, ./data and SQLite, with the system clock', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, dataDir: './data', store: { kind: 'sqlite', file: path.join('data', 'shenpi.sqlite') }, clock: { kind: 'system' }, demoUsers: true });
    expect(config.webhook).toBeUndefined();
  });

  it('uses PostgreSQL with DATABASE_URL and a controlled clock on request', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h/db', SHENPI_CLOCK: 'controlled', SHENPI_CLOCK_START: '2026-03-02T01:00:00Z', PORT: '8080' });
    expect(config.store).toEqual({ kind: 'postgres', url: 'postgres://u@h/db', schema: undefined });
    expect(config.clock).toEqual({ kind: 'controlled', start: '2026-03-02T01:00:00Z' });
    expect(config.port).toBe(8080);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ SHENPI_CLOCK: 'fast' }, 'SHENPI_CLOCK'],
    [{ SHENPI_CLOCK_START: 'soon' }, 'SHENPI_CLOCK_START'],
    [{ SHENPI_WEBHOOK_URL: 'ftp://x' }, 'SHENPI_WEBHOOK_URL'],
    [{ SHENPI_WEBHOOK_URL: 'http://127.0.0.1:9/hook' }, 'SHENPI_WEBHOOK_SECRET'],
  ])('refuses %o naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});

describe('first start', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('prints generated passwords once, and never a password taken from the environment', async () => {
    t = await buildTestApp({ SHENPI_DEMO_PASSWORD: '' });
    const text = loginHelp(t.app, t.config, 'http://127.0.0.1:3000').join('\n');
    expect(text).toContain('http://127.0.0.1:3000/docs');
    expect(text).toMatch(/admin\s+reform-office-admin\s+password: \(from the environment\)/);
    const staff = t.app.identity.seeded.find((a) => a.id === 'market-staff')!;
    expect(staff.generated).toBe(true);
    expect(text).toContain(`password: ${staff.password}`);
    expect(text).toContain('POST /api/clock');
  });
});

describe('sample items', () => {
  let dir: string;
  let t: TestApp;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'shenpi-items-'));
  });
  afterEach(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds nothing, and deploys nothing, when there are no item folders', async () => {
    expect(discoverSampleItems(path.join(dir, 'missing'))).toEqual([]);
    expect(discoverSampleItems(dir)).toEqual([]);
    t = await buildTestApp();
    expect(await deploySampleItems(t.app, [])).toEqual([]);
  });

  it('deploys each item once under its code, owned by its implementing body', async () => {
    mkdirSync(path.join(dir, 'ITEM-09'));
    writeFileSync(path.join(dir, 'ITEM-09', 'item.json'), JSON.stringify({ code: 'ITEM-09', implementingBody: { name: '区卫健委' } }));
    writeFileSync(path.join(dir, 'ITEM-09', 'process.bpmn'), fixture('review.bpmn'));
    mkdirSync(path.join(dir, 'no-bpmn'));
    writeFileSync(path.join(dir, 'no-bpmn', 'item.json'), '{}');
    const items = discoverSampleItems(dir);
    expect(items.map((i) => [i.key, i.department])).toEqual([['ITEM-09', '区卫健委']]);
    expect(sampleDepartments(items)).toEqual([{ department: '区卫健委', slug: 'dept1', groups: ['clerk', 'reviewer', 'chief'] }]);
    t = await buildTestApp();
    expect(await deploySampleItems(t.app, items)).toEqual(['ITEM-09']);
    expect(await deploySampleItems(t.app, items)).toEqual([]);
    expect((await t.app.store.definitions.list()).map((d) => `${d.key}@${d.version}`)).toEqual(['ITEM-09@1']);
  });
});
