/**
 * The properties-panel provider that adds the `approval` extension groups after the standard BPMN groups
 * (the pattern of bpmn-io's properties-panel-extension example: a provider registered with the panel that
 * returns an updater over the groups).
 */
import { approvalGroups, type Group } from './approval-groups.js';
import type { PanelElement } from './entries.js';

const LOW_PRIORITY = 500;

interface PropertiesPanel {
  registerProvider(priority: number, provider: { getGroups(element: PanelElement): (groups: Group[]) => Group[] }): void;
}

/** Adds Shenpi's groups for the selected element. */
export class ApprovalPropertiesProvider {
  static $inject = ['propertiesPanel', 'translate'];

  constructor(
    propertiesPanel: PropertiesPanel,
    private readonly translate: (text: string) => string,
  ) {
    propertiesPanel.registerProvider(LOW_PRIORITY, this);
  }

  /** Returns the updater bpmn-js-properties-panel calls with the groups of higher-priority providers. */
  getGroups(element: PanelElement): (groups: Group[]) => Group[] {
    return (groups) => [...groups, ...approvalGroups(element).map((g) => ({ ...g, label: this.translate(g.label) }))];
  }
}

/** The didi module registering {@link ApprovalPropertiesProvider}. */
export const ApprovalPropertiesModule = {
  __init__: ['approvalPropertiesProvider'],
  approvalPropertiesProvider: ['type', ApprovalPropertiesProvider],
};
