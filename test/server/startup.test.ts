/** Configuration, first-start output, and the sample-item hook of `npm start`. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { loginHelp } from '../../server/main.js';
import { deploySampleItems, loadSampleItems, SAMPLE_ITEMS_DIR, sampleDepartments } from '../../server/samples.js';
import { buildTestApp, type TestApp } from './helper.js';

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
    // 31 bytes: one short of the HMAC-SHA256 output length.
    [{ SHENPI_WEBHOOK_URL: 'http://127.0.0.1:9/hook', SHENPI_WEBHOOK_SECRET: 'x'.repeat(31) }, 'at least 32 bytes'],
    [{ SHENPI_TRUST_PROXY: 'my proxy' }, 'SHENPI_TRUST_PROXY'],
    [{ SHENPI_JSON_DEPTH: '1' }, 'SHENPI_JSON_DEPTH'],
  ])('refuses %o naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});

describe('security settings', () => {
  it('accepts a 32-byte webhook secret and reads SHENPI_TRUST_PROXY as a flag, a hop count or a list', () => {
    expect(loadConfig({ SHENPI_WEBHOOK_URL: 'http://127.0.0.1:9/hook', SHENPI_WEBHOOK_SECRET: 'x'.repeat(32) }).webhook?.secret).toHaveLength(32);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ SHENPI_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ SHENPI_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ SHENPI_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' }).trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16']);
  });
});

describe('first start', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('prints generated passwords once, and never a password taken from the environment', async () => {
    t = await buildTestApp({ SHENPI_DEMO_PASSWORD: '' });
    const text = (await loginHelp(t.app, t.config, 'http://127.0.0.1:3000')).join('\n');
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
    expect(await loadSampleItems(path.join(dir, 'missing'))).toEqual([]);
    expect(await loadSampleItems(dir)).toEqual([]);
    t = await buildTestApp();
    expect(await deploySampleItems(t.app, [])).toEqual([]);
  });

  it('gives demo users for every department of the shipped items, with their step roles', async () => {
    const departments = sampleDepartments(await loadSampleItems());
    expect(departments.map((d) => d.slug).sort()).toEqual(['ecology', 'fire', 'health', 'market', 'police', 'realestate']);
    const market = departments.find((d) => d.slug === 'market')!;
    expect(market.department).toBe('区市场监督管理局');
    expect(market.groups).toEqual(expect.arrayContaining(['reviewer', 'section-chief', 'inspector', 'registrar']));
    // The implementing body's head approves the one extension (行政许可法 第42条).
    expect(market.adminGroups).toContain('agency-head');
  });

  it('deploys each shipped item as an item package once, and a new version only when its package changed', async () => {
    cpSync(SAMPLE_ITEMS_DIR, dir, { recursive: true });
    t = await buildTestApp({}, { demoDepartments: sampleDepartments(await loadSampleItems(dir)) });
    expect(await deploySampleItems(t.app, await loadSampleItems(dir))).toEqual(['ITEM-01@1', 'ITEM-02@1', 'ITEM-03@1', 'ITEM-04@1', 'ITEM-05@1', 'ITEM-06@1']);
    expect(await deploySampleItems(t.app, await loadSampleItems(dir))).toEqual([]);
    expect((await t.app.cases.items.list()).map((i) => [i.code, i.department, i.enabled])).toContainEqual(['ITEM-02', '区市场监督管理局', true]);
    // The item code is owned by its implementing body: the plain definition route cannot deploy over it.
    expect(await t.app.store.knex('definition_departments').where({ key: 'ITEM-02' }).first('department')).toEqual({ department: '区市场监督管理局' });

    const rules = path.join(dir, 'ITEM-02', 'rules', 'materials.yaml');
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('name: 食品经营许可 申请材料清单', 'name: 食品经营许可 申请材料清单（修订）'));
    expect(await deploySampleItems(t.app, await loadSampleItems(dir))).toEqual(['ITEM-02@2']);
    expect((await t.app.cases.items.versions('ITEM-02')).map((v) => v.version)).toEqual([1, 2]);
  });

  it('skips a broken sample and deploys the others', async () => {
    cpSync(path.join(SAMPLE_ITEMS_DIR, 'ITEM-06'), path.join(dir, 'ITEM-06'), { recursive: true });
    cpSync(path.join(SAMPLE_ITEMS_DIR, 'ITEM-05'), path.join(dir, 'ITEM-05'), { recursive: true });
    writeFileSync(path.join(dir, 'ITEM-05', 'process.bpmn'), '<definitions/>');
    t = await buildTestApp();
    const samples = await loadSampleItems(dir);
    expect(samples.map((s) => [s.folder, s.loaded.ok])).toEqual([['ITEM-05', false], ['ITEM-06', true]]);
    expect(await deploySampleItems(t.app, samples)).toEqual(['ITEM-06@1']);
  });
});
