/**
 * Send task (BPMN 2.0.2 §10.3.3): sends its message (effect `message.send`) and completes. The runtime
 * delivers it; this core never waits for delivery.
 */
import type { ElementContext } from './context.js';
import { behavior } from './behavior.js';

/** Emits `message.send` with the element's input (its input mappings, else the visible variables). */
export function sendMessage(run: ElementContext, key: string, name: string): void {
  run.effect({ type: 'message.send', name, elementId: run.inst(key).el, payload: run.input(key) });
}

export const sendTask = behavior({
  onActivate(run, key) {
    const node = run.node(key);
    // A 抄送 step sends no message: its copy is the approval layer's record (it reacts to the completion).
    if (!node.approval?.cc) sendMessage(run, key, node.messageName ?? run.inst(key).el);
    run.complete(key);
  },
});
