/**
 * A table back to its file form (the document the JSON Schema describes), for writing YAML/JSON after a
 * DMN import. Cells that match anything (`-`) are left out of `when`, as staff would write them.
 */
import { stringify } from 'yaml';
import type { RuleTable } from './model.js';

/** The file-form document of a table. */
export function tableToDocument(table: RuleTable): Record<string, unknown> {
  const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return strip({
    id: table.id.replace(/[^A-Za-z0-9_.-]/g, '_'),
    name: table.name,
    purpose: table.purpose,
    description: table.description,
    hitPolicy: table.hitPolicy,
    aggregation: table.aggregation,
    inputs: table.inputs.map((c) => strip({ name: c.name, label: c.label, unit: c.unit, expression: c.expression === c.name ? undefined : c.expression, type: c.type, allowedValues: c.allowedValues })),
    outputs: table.outputs.map((c) => strip({ name: c.name, label: c.label, unit: c.unit, type: c.type, allowedValues: c.allowedValues, default: c.default })),
    rows: table.rows.map((row) => strip({
      id: row.id,
      when: Object.fromEntries(row.inputEntries.flatMap((cell, c) => (cell.trim() === '-' ? [] : [[table.inputs[c]!.name, cell]]))),
      then: Object.fromEntries(row.outputEntries.map((cell, c) => [table.outputs[c]!.name, cell || 'null'])),
      annotation: row.annotation,
      text: row.text,
    })),
    tests: table.tests.length ? table.tests.map((t) => strip({ name: t.name, input: t.input, expect: t.expect, expectRows: t.expectRows })) : undefined,
  });
}

/** Writes a table as YAML; every cell is quoted so that YAML keeps it as S-FEEL text. */
export function tableToYaml(table: RuleTable): string {
  return stringify(tableToDocument(table), { defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
}
