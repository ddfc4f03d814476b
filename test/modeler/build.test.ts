import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModeler, type BuildResult } from '../../modeler/build.js';
import { RULE_FACTORIES } from '../../definitions/index.js';

describe('the modeler bundle', () => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'shenpi-modeler-'));
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildModeler({ outdir });
  }, 120_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('bundles the same moddle descriptor and every definitions lint rule the server runs at deploy', () => {
    expect(result.inputs).toContain('definitions/approval-moddle.json');
    expect(result.inputs).toContain('definitions/load-definition.ts');
    for (const name of Object.keys(RULE_FACTORIES)) expect(result.inputs).toContain(`definitions/lint/rules/${name}.ts`);
  });

  it('bundles the rule-table loader, linter, compiler and test runner for the table editor', () => {
    for (const file of ['rules/load.ts', 'rules/lint/index.ts', 'rules/compile.ts', 'rules/test-cases.ts', 'rules/serialize.ts']) {
      expect(result.inputs).toContain(file);
    }
  });

  it('pulls in no server code, no engine runtime, no CLI and no Node built-in', () => {
    const own = result.inputs.filter((f) => !f.includes('node_modules/'));
    expect(own.filter((f) => /^(server|engine\/runtime|bin)\//.test(f) || f.startsWith('node:'))).toEqual([]);
    // Browser builds of dependencies are chosen: jsonpath-plus has a Node build that uses `vm`.
    expect(result.inputs.some((f) => f.includes('jsonpath-plus/dist/index-browser-esm.js'))).toBe(true);
  });

  it('refuses to bundle a module that imports Node built-ins', async () => {
    // The real entry with a Node-only module in reach must fail, not produce a broken page.
    const esbuild = await import('esbuild');
    const attempt = esbuild.build({
      stdin: { contents: "import { readFileSync } from 'node:fs'; console.log(readFileSync);", resolveDir: outdir },
      bundle: true, platform: 'browser', write: false, logLevel: 'silent',
    });
    await expect(attempt).rejects.toThrow(/node:fs/);
  });

  it('writes the page, the script and the styles of bpmn-js, diagram-js and the properties panel', () => {
    expect(result.outputs.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['index.html', 'main.js', 'styles.css']));
    const css = readFileSync(path.join(outdir, 'styles.css'), 'utf8');
    expect(css).toContain('.djs-container');
    expect(css).toContain('.bjs-container');
    expect(css).toContain('.bio-properties-panel');
    expect(css).toContain('WenQuanYi Micro Hei');
    const html = readFileSync(path.join(outdir, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('src="main.js"');
  });
});
