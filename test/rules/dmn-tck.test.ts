/**
 * DMN TCK conformance (compliance level 2 decision tables): every case of every TCK folder in the shared
 * conformance data is imported from the .dmn model, evaluated, and compared with the expectation parsed
 * from its test-case XML. Nothing is copied from the TCK into this file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDmn, exportDmn, importDmn } from '../../rules/index.js';
import { dmnTckDir } from '../support/shared.js';
import { parseTckCases, sameValue } from './support/tck.js';

const folders = readdirSync(dmnTckDir)
  .filter((f) => statSync(path.join(dmnTckDir, f)).isDirectory())
  .sort();

describe('DMN TCK decision tables', () => {
  it('finds the TCK folders', () => {
    expect(folders.length).toBeGreaterThanOrEqual(11);
  });

  for (const folder of folders) {
    const dir = path.join(dmnTckDir, folder);
    const files = readdirSync(dir);
    const model = files.find((f) => f.endsWith('.dmn'))!;
    const testFiles = files.filter((f) => /-test-\d+\.xml$/.test(f));

    describe(folder, () => {
      for (const testFile of testFiles) {
        const cases = parseTckCases(readFileSync(path.join(dir, testFile), 'utf8'));
        for (const tc of cases) {
          it(`${testFile} case ${tc.id} gives the expected result`, async () => {
            const compiled = compileDmn(await importDmn(readFileSync(path.join(dir, model)), { fileName: model }));
            for (const expected of tc.results) {
              const decision = await compiled.evaluate(expected.name, tc.inputs);
              if (!sameValue(decision.result, expected.expected)) {
                expect.soft(decision.result, `${expected.name} (${JSON.stringify(decision.matchedRows)})`).toEqual(expected.expected);
              }
              expect(sameValue(decision.result, expected.expected)).toBe(true);
            }
          });
        }
      }

      it('survives export to DMN 1.3 and import again with the same results', async () => {
        const imported = await importDmn(readFileSync(path.join(dir, model)), { fileName: model });
        const again = await importDmn(await exportDmn(imported.decisions.map((d) => d.table!).filter(Boolean)));
        const first = compileDmn(imported);
        const second = compileDmn(again);
        for (const testFile of testFiles) {
          for (const tc of parseTckCases(readFileSync(path.join(dir, testFile), 'utf8'))) {
            for (const r of tc.results) {
              const a = await first.evaluate(r.name, tc.inputs);
              const b = await second.evaluate(r.name, tc.inputs);
              expect(b.result).toEqual(a.result);
            }
          }
        }
      });
    });
  }
});
