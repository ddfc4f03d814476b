/** Which process of a BPMN file is deployed: chosen by id, else the one marked executable, else the first. */
import type { Finding } from './findings.js';
import { is, type ModdleElement } from './moddle.js';

/** The processes of a file (BPMN 2.0.2 §10.2: `bpmn:Process` root elements). */
export function processesOf(definitions: ModdleElement): ModdleElement[] {
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  return roots.filter((el) => el.$type === 'bpmn:Process');
}

/**
 * Picks the process to deploy. With `processId`, that process; else the first with `isExecutable="true"`;
 * else the first process. A missing process is a finding, not an exception.
 */
export function selectProcess(
  definitions: ModdleElement,
  processId?: string,
): { ok: true; process: ModdleElement } | { ok: false; finding: Finding } {
  const processes = processesOf(definitions);
  if (processId !== undefined) {
    const chosen = processes.find((p) => p.id === processId);
    if (chosen) return { ok: true, process: chosen };
    const known = processes.map((p) => p.id).join(', ') || 'none';
    return {
      ok: false,
      finding: { id: processId, rule: 'process-required', message: `no process '${processId}' in the file (processes: ${known})`, severity: 'error' },
    };
  }
  const chosen = processes.find((p) => p.isExecutable === true) ?? processes[0];
  if (chosen && is(chosen, 'bpmn:Process')) return { ok: true, process: chosen };
  return {
    ok: false,
    finding: { id: definitions.id ?? '', rule: 'process-required', message: 'the file holds no bpmn:process', severity: 'error' },
  };
}
