import { describe, expect, it } from 'vitest';
import { loadDefinition, parseBpmn } from '../../definitions/index.js';

const wrap = (body: string, extraNs = '') =>
  `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:approval="http://shenpi.org/schema/approval/1.0" ${extraNs} id="d" targetNamespace="t">${body}</bpmn:definitions>`;

const FLOW = (task: string) => `<bpmn:process id="p" isExecutable="true">
  <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />${task}
  <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" /><bpmn:endEvent id="e" /></bpmn:process>`;

describe('parseBpmn import findings', () => {
  it('refuses a misspelt approval attribute as an error', async () => {
    const parsed = await parseBpmn(wrap(FLOW('<bpmn:userTask id="t" approval:role="r" approval:departmnt="x" />')));
    expect(parsed.ok && parsed.findings).toEqual([
      {
        id: 't',
        rule: 'moddle-attribute',
        message: 'unknown attribute <approval:departmnt>: not part of the approval extension',
        severity: 'error',
      },
    ]);
  });

  it('keeps foreign extension attributes silently and warns about unknown plain attributes', async () => {
    const parsed = await parseBpmn(
      wrap(FLOW('<bpmn:userTask id="t" approval:role="r" vendor:colour="red" priority="high" />'), 'xmlns:vendor="http://vendor"'),
    );
    expect(parsed.ok && parsed.findings).toEqual([
      { id: 't', rule: 'moddle-attribute', message: 'unknown attribute <priority> is ignored', severity: 'warning' },
    ]);
  });

  it('refuses an unknown BPMN element, which would be lost', async () => {
    const parsed = await parseBpmn(wrap(FLOW('<bpmn:userTask id="t" approval:role="r" /><bpmn:magicTask id="m" />')));
    expect(parsed.ok && parsed.findings.map((f) => [f.rule, f.severity])).toEqual([['moddle-content', 'error']]);
    expect(parsed.ok && parsed.findings[0]!.message).toMatch(/unparsable content <bpmn:magicTask>.*line \d+/);
  });

  it('refuses an unresolved reference inside the process and lists every finding at deploy', async () => {
    const xml = wrap(`<bpmn:process id="p" isExecutable="true">
      <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="gone" />
      <bpmn:endEvent id="e" /></bpmn:process>`);
    const result = await loadDefinition(xml, {});
    expect(!result.ok && result.findings.map((f) => `${f.severity} ${f.id} ${f.rule}`)).toEqual([
      'error e reachable-from-start',
      'error f1 moddle-reference',
      'error f1 sequence-flow',
      'error s reaches-end',
    ]);
  });

  it('only warns about an unresolved reference outside the process', async () => {
    const xml = wrap(`<bpmn:collaboration id="c"><bpmn:participant id="pp" processRef="nowhere" /></bpmn:collaboration>
      ${FLOW('<bpmn:manualTask id="t" approval:department="d" />')}`);
    const result = await loadDefinition(xml, {});
    expect(result.ok && result.warnings).toEqual([
      { id: 'pp', rule: 'moddle-reference', message: 'unresolved reference <nowhere> in bpmn:processRef', severity: 'warning' },
    ]);
  });

  it('reads the approval extension elements into the moddle tree', async () => {
    const parsed = await parseBpmn(
      wrap(FLOW(`<bpmn:manualTask id="t" approval:department="d"><bpmn:extensionElements><approval:ioMapping>
        <approval:input source="=a" target="b" /></approval:ioMapping></bpmn:extensionElements></bpmn:manualTask>`)),
    );
    if (!parsed.ok) throw new Error('expected the file to parse');
    const task = parsed.definitions.rootElements[0].flowElements[2];
    expect(task.extensionElements.values[0].$type).toBe('approval:IoMapping');
    expect(task.extensionElements.values[0].inputs[0]).toMatchObject({ source: '=a', target: 'b' });
  });
});
