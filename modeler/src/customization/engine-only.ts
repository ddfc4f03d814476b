/**
 * Keeps the modeler to what the engine runs: menu providers that drop refused entries from the palette,
 * the context pad and the replace menu, and a rule provider that refuses creating or pasting a refused
 * element (from another diagram's clipboard, say). Existing refused elements in an imported file stay
 * visible and are flagged by live validation, so a user can see and replace them.
 */
import RuleProvider from 'diagram-js/lib/features/rules/RuleProvider.js';
import { isRefusedElement, withoutRefused } from './engine-elements.js';

type Entries = Record<string, unknown>;
type Updater = (entries: Entries) => Entries;

interface Registry {
  registerProvider(priority: number, provider: object): void;
}
interface PopupMenu {
  registerProvider(id: string, priority: number, provider: object): void;
}

const LOW = 100;

/** Filters the palette, the context pad and the BPMN replace menu. */
export class EngineMenuFilter {
  static $inject = ['palette', 'contextPad', 'popupMenu'];

  constructor(palette: Registry, contextPad: Registry, popupMenu: PopupMenu) {
    palette.registerProvider(LOW, this);
    contextPad.registerProvider(LOW, this);
    popupMenu.registerProvider('bpmn-replace', LOW, this);
  }

  /** Palette updater: no entry that creates a refused element. */
  getPaletteEntries(): Updater {
    return withoutRefused;
  }

  /** Context-pad updater: no append entry for a refused element. */
  getContextPadEntries(): Updater {
    return withoutRefused;
  }

  /** Replace-menu updater: no replacement by a refused element. */
  getPopupMenuEntries(): Updater {
    return withoutRefused;
  }

  /** Replace-menu header updater: no standard loop toggle. */
  getPopupMenuHeaderEntries(): Updater {
    return withoutRefused;
  }
}

/** Refuses creating, appending or pasting refused elements. */
export class EngineRules extends RuleProvider {
  static override $inject = ['eventBus'];

  override init(): void {
    const refused = (shape: { businessObject?: any } | undefined) => isRefusedElement(shape?.businessObject);
    this.addRule(['shape.create', 'shape.append'], 2000, (context) => (refused(context.shape) ? false : undefined));
    this.addRule('elements.create', 2000, (context) =>
      (context.elements ?? []).some((el: { businessObject?: any }) => refused(el)) ? false : undefined,
    );
  }
}

/** The didi module wiring both. */
export const EngineOnlyModule = {
  __init__: ['engineMenuFilter', 'engineRules'],
  engineMenuFilter: ['type', EngineMenuFilter],
  engineRules: ['type', EngineRules],
};
