import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../definitions/index.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

describe('compiling scopes, events and process choice', () => {
  it('deploys the executable process of a collaboration and ignores the other pools', async () => {
    // Given a file with a non-executable draft process (holding a refused plain task) and an executable one
    const result = await loadDefinition(await readFile(path.join(fixtures, 'scopes.bpmn')), {});
    // Then the executable process is compiled and the draft is neither checked nor compiled
    expect(result.ok ? [] : result.findings).toEqual([]);
    if (!result.ok) return;
    expect(result.definition.processId).toBe('agency');
    expect(result.definition.nodes['sketch']).toBeUndefined();
  });

  it('indexes the process and every sub-process as scopes with their start events and event sub-processes', async () => {
    const result = await loadDefinition(await readFile(path.join(fixtures, 'scopes.bpmn')), {});
    if (!result.ok) throw new Error('expected scopes.bpmn to load');
    const { scopes, nodes } = result.definition;
    expect(scopes['agency']).toEqual({
      id: 'agency',
      children: ['start', 'handle', 'end', 'onWithdraw'],
      startEvents: ['start'],
      eventSubprocesses: ['onWithdraw'],
    });
    expect(scopes['handle']!.startEvents).toEqual(['hStart']);
    expect(scopes['onWithdraw']!.startEvents).toEqual(['wStart']);
    expect(nodes['waitFee']!.scopeId).toBe('handle');
    expect(nodes['handle']).toMatchObject({ kind: 'subProcess', triggeredByEvent: false, name: '办理' });
    expect(nodes['onWithdraw']).toMatchObject({ kind: 'subProcess', triggeredByEvent: true, incoming: [], outgoing: [] });
    expect(nodes['wStart']).toMatchObject({ isInterrupting: false, event: { kind: 'message', messageName: 'withdrawn' } });
    expect(nodes['start']!.isInterrupting).toBeUndefined();
  });

  it('compiles each trigger to its event definition', async () => {
    const result = await loadDefinition(await readFile(path.join(fixtures, 'scopes.bpmn')), {});
    if (!result.ok) throw new Error('expected scopes.bpmn to load');
    const { nodes } = result.definition;
    expect(nodes['choice']).toMatchObject({ kind: 'eventBasedGateway', outgoing: ['h2', 'h3'] });
    expect(nodes['deadline']!.event).toEqual({ kind: 'timer', timer: { type: 'date', expression: '2026-10-08T17:00:00+08:00' } });
    expect(nodes['tell']).toMatchObject({ kind: 'intermediateThrowEvent', event: { kind: 'message', messageName: 'withdrawn' } });
    expect(nodes['end']!.event).toEqual({ kind: 'terminate' });
    expect(nodes['hEnd']!.event).toEqual({ kind: 'none' });
  });

  it('deploys another process when chosen by id, with its own findings', async () => {
    const result = await loadDefinition(await readFile(path.join(fixtures, 'scopes.bpmn')), { processId: 'draft' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.findings.map((f) => `${f.id} ${f.rule}`)).toEqual(
      expect.arrayContaining(['sketch untyped-task', 'draft start-event-required', 'draft end-event-required']),
    );
  });

  it('refuses a file without a process', async () => {
    const xml = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="only" targetNamespace="t" />';
    const result = await loadDefinition(xml, {});
    expect(!result.ok && result.findings).toEqual([
      { id: 'only', rule: 'process-required', message: 'the file holds no bpmn:process', severity: 'error' },
    ]);
  });
});
