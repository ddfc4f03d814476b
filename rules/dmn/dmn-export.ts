/**
 * Rule tables → DMN 1.3 XML, written with dmn-moddle. Each table becomes a decision whose logic is a
 * decision table (DMN 1.3 §8.3); each input that reads a fact becomes input data with an information
 * requirement; each row's annotation (legal basis) goes into a rule annotation column (§8.3.1,
 * `annotation` / `annotationEntry`). Purpose and embedded tests have no DMN place and are not exported.
 */
import { DmnModdle, type ModdleElement } from 'dmn-moddle';
import type { RuleTable } from '../model.js';
import { toFeelLiteral } from '../sfeel/literal.js';

/** Makes an XML NCName (DMN ids) from any id. */
function ncname(id: string): string {
  const cleaned = id.replace(/[^\p{L}\p{N}_.-]/gu, '_');
  return /^[\p{L}_]/u.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** The input-data name an input expression reads: its first path segment, when it is a path. */
function rootFact(expression: string): string | undefined {
  return /^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)*$/u.test(expression) ? expression.split('.')[0] : undefined;
}

/** Options for {@link exportDmn}. */
export interface ExportOptions {
  /** The DMN definitions name; defaults to the first table's name. */
  name?: string;
}

/** Exports one or several tables as a DMN 1.3 document (XML text). */
export async function exportDmn(tables: RuleTable | RuleTable[], options: ExportOptions = {}): Promise<string> {
  const list = Array.isArray(tables) ? tables : [tables];
  const moddle = new DmnModdle();
  const text = (type: string, value: string) => moddle.create(type, { text: value });
  const usedIds = new Set<string>();
  const uniqueId = (wanted: string) => {
    let id = ncname(wanted);
    for (let k = 2; usedIds.has(id); k++) id = `${ncname(wanted)}_${k}`;
    usedIds.add(id);
    return id;
  };
  const inputData = new Map<string, ModdleElement>();
  const drg: ModdleElement[] = [];

  for (const table of list) {
    const decisionId = uniqueId(table.id);
    const requirements: ModdleElement[] = [];
    for (const input of table.inputs) {
      const fact = rootFact(input.expression);
      if (!fact) continue;
      if (!inputData.has(fact)) {
        const type = fact === input.expression && input.type !== 'any' ? input.type : undefined;
        inputData.set(fact, moddle.create('dmn:InputData', {
          id: uniqueId(`input_${fact}`),
          name: fact,
          variable: moddle.create('dmn:InformationItem', { name: fact, ...(type ? { typeRef: type } : {}) }),
        }));
      }
      const href = `#${inputData.get(fact)!.id}`;
      if (!requirements.some((r) => r.requiredInput.href === href)) {
        requirements.push(moddle.create('dmn:InformationRequirement', {
          id: uniqueId(`${decisionId}_req_${fact}`),
          requiredInput: moddle.create('dmn:DMNElementReference', { href }),
        }));
      }
    }
    const valueList = (values: unknown[] | undefined) => (values ? values.map(toFeelLiteral).join(', ') : undefined);
    const decisionTable = moddle.create('dmn:DecisionTable', {
      id: uniqueId(`${decisionId}_table`),
      hitPolicy: table.hitPolicy,
      ...(table.aggregation ? { aggregation: table.aggregation } : {}),
      input: table.inputs.map((c) => moddle.create('dmn:InputClause', {
        id: uniqueId(`${decisionId}_in_${c.name}`),
        label: c.name,
        inputExpression: moddle.create('dmn:LiteralExpression', {
          id: uniqueId(`${decisionId}_in_${c.name}_expr`),
          text: c.expression,
          ...(c.type !== 'any' ? { typeRef: c.type } : {}),
        }),
        ...(c.allowedValues ? { inputValues: text('dmn:UnaryTests', valueList(c.allowedValues)!) } : {}),
      })),
      output: table.outputs.map((c) => moddle.create('dmn:OutputClause', {
        id: uniqueId(`${decisionId}_out_${c.name}`),
        name: c.name,
        ...(c.type !== 'any' ? { typeRef: c.type } : {}),
        ...(c.allowedValues ? { outputValues: text('dmn:UnaryTests', valueList(c.allowedValues)!) } : {}),
        ...(c.default !== undefined ? { defaultOutputEntry: text('dmn:LiteralExpression', c.default) } : {}),
      })),
      annotation: [moddle.create('dmn:RuleAnnotationClause', { name: 'annotation' })],
      rule: table.rows.map((row) => moddle.create('dmn:DecisionRule', {
        id: uniqueId(row.id),
        inputEntry: row.inputEntries.map((t) => text('dmn:UnaryTests', t)),
        outputEntry: row.outputEntries.map((t) => text('dmn:LiteralExpression', t)),
        annotationEntry: [moddle.create('dmn:RuleAnnotation', { text: row.annotation ?? '' })],
      })),
    });
    const single = table.outputs.length === 1 ? table.outputs[0]! : undefined;
    drg.push(moddle.create('dmn:Decision', {
      id: decisionId,
      name: table.name,
      ...(table.description ? { description: table.description } : {}),
      variable: moddle.create('dmn:InformationItem', {
        name: table.name,
        ...(single && single.type !== 'any' && !multiHit(table) ? { typeRef: single.type } : {}),
      }),
      informationRequirement: requirements,
      decisionLogic: decisionTable,
    }));
  }
  const first = list[0];
  const definitions = moddle.create('dmn:Definitions', {
    id: uniqueId(`definitions_${first?.id ?? 'rules'}`),
    name: options.name ?? first?.name ?? 'rules',
    namespace: `https://shenpi.dev/rules/${first?.id ?? 'rules'}`,
    drgElement: [...drg, ...inputData.values()],
  });
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}

function multiHit(table: RuleTable): boolean {
  return ['RULE ORDER', 'OUTPUT ORDER'].includes(table.hitPolicy) || (table.hitPolicy === 'COLLECT' && !table.aggregation);
}
