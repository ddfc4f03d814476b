/**
 * Multi-instance loop characteristics (BPMN 2.0.2 §10.3.8): the instances come from either loopCardinality or
 * approval:collection (exactly one); approval:elementVariable needs a collection; approval:outputElement and
 * approval:outputCollection go together. BPMN's loopDataInputRef/inputDataItem are not run.
 */
import type { RuleFactory } from '../rule.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const rule: RuleFactory = () => ({
  meta: { severity: 'error', description: 'multi-instance settings' },
  check(node, reporter) {
    if (node.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return;
    const owner = node.$parent?.id ?? '';
    const report = (message: string, attr: string) => reporter.report(owner, message, ['loopCharacteristics', attr]);
    const hasCollection = typeof node.collection === 'string' && node.collection.trim() !== '';
    if (hasCollection === Boolean(node.loopCardinality)) {
      report('multi-instance needs exactly one of loopCardinality or approval:collection', 'collection');
    }
    if (node.loopDataInputRef || node.inputDataItem || node.loopDataOutputRef || node.outputDataItem) {
      report('loopDataInputRef/inputDataItem/loopDataOutputRef/outputDataItem are not run: use approval:collection, approval:elementVariable and approval:outputCollection', 'loopDataInputRef');
    }
    if (node.elementVariable !== undefined && !hasCollection) report('approval:elementVariable needs approval:collection', 'elementVariable');
    if ((node.outputElement === undefined) !== (node.outputCollection === undefined)) {
      report('approval:outputElement and approval:outputCollection go together', 'outputCollection');
    }
    for (const attr of ['elementVariable', 'outputCollection'] as const) {
      const v = node[attr];
      if (v !== undefined && !NAME.test(String(v))) report(`approval:${attr} '${v}' is not a variable name`, attr);
    }
  },
});
export default rule;
