/**
 * Live validation: after every change (debounced), the diagram is checked with exactly what the server runs at
 * deploy — `loadDefinition` from definitions/ (parse with the approval extension, process choice, every lint
 * rule, compile) — and each finding is shown on its element (a marker and a count badge) and published as
 * `shenpi.validated` for the findings list.
 */
import { loadDefinition } from '../../../definitions/load-definition.js';
import type { Finding } from '../../../definitions/findings.js';

/** The event fired with the findings of each validation run. */
export const VALIDATED_EVENT = 'shenpi.validated';

/** Payload of {@link VALIDATED_EVENT}. */
export interface ValidatedEvent {
  findings: Finding[];
  /** True when an error would refuse the deploy. */
  refused: boolean;
}

interface EventBus {
  on(event: string | string[], fn: (e: any) => void): void;
  fire(event: string, data?: unknown): void;
}
interface Overlays {
  add(elementId: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}
interface Canvas {
  addMarker(elementId: string, marker: string): void;
  removeMarker(elementId: string, marker: string): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}
interface BpmnJs {
  saveXML(options?: { format?: boolean }): Promise<{ xml?: string }>;
}

const OVERLAY = 'shenpi-findings';
const MARKERS = ['shenpi-error', 'shenpi-warning'];
const DELAY_MS = 250;

/** Validates the diagram after import and after every change, and draws the findings on it. */
export class LiveValidation {
  static $inject = ['eventBus', 'overlays', 'canvas', 'elementRegistry', 'bpmnjs', 'translate'];

  private timer: ReturnType<typeof setTimeout> | undefined;
  private marked: string[] = [];
  private run = 0;
  /** The findings of the last completed run. */
  findings: Finding[] = [];

  constructor(
    private readonly eventBus: EventBus,
    private readonly overlays: Overlays,
    private readonly canvas: Canvas,
    private readonly elementRegistry: ElementRegistry,
    private readonly bpmnjs: BpmnJs,
    private readonly translate: (text: string, replacements?: Record<string, unknown>) => string,
  ) {
    eventBus.on(['import.done', 'commandStack.changed'], () => this.schedule());
  }

  /** Validates after a short pause, so that typing in the panel does not re-check on every key. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.validate(), DELAY_MS);
  }

  /** Validates now and returns the findings (errors first). */
  async validate(): Promise<Finding[]> {
    const run = ++this.run;
    const { xml } = await this.bpmnjs.saveXML();
    const result = await loadDefinition(xml ?? '');
    if (run !== this.run) return this.findings; // a newer change is being checked
    this.findings = result.ok ? result.warnings : result.findings;
    this.draw(this.findings);
    const event: ValidatedEvent = { findings: this.findings, refused: !result.ok };
    this.eventBus.fire(VALIDATED_EVENT, event);
    return this.findings;
  }

  private draw(findings: Finding[]): void {
    this.overlays.remove({ type: OVERLAY });
    for (const id of this.marked) for (const m of MARKERS) this.canvas.removeMarker(id, m);
    this.marked = [];
    const byElement = new Map<string, Finding[]>();
    for (const f of findings) {
      if (!f.id || !this.elementRegistry.get(f.id)) continue;
      byElement.set(f.id, [...(byElement.get(f.id) ?? []), f]);
    }
    for (const [id, list] of byElement) {
      const errors = list.filter((f) => f.severity === 'error').length;
      const marker = errors ? 'shenpi-error' : 'shenpi-warning';
      this.canvas.addMarker(id, marker);
      this.marked.push(id);
      const badge = document.createElement('div');
      badge.className = `shenpi-badge ${marker}`;
      badge.dataset.elementId = id;
      badge.textContent = String(list.length);
      badge.title = list.map((f) => `${this.translate(f.severity)}: ${f.message} (${f.rule})`).join('\n');
      this.overlays.add(id, OVERLAY, { position: { top: -10, right: 10 }, html: badge });
    }
  }
}

/** The didi module registering {@link LiveValidation}. */
export const LiveValidationModule = {
  __init__: ['liveValidation'],
  liveValidation: ['type', LiveValidation],
};
