/**
 * A step's implementing department (`approval:department`), chosen from the organisation: a select of its
 * departments once `GET /api/org` answered after login. Before login, when the organisation cannot be read
 * or has no departments yet, the free-text field stays, and its description says so, so a diagram can still
 * be drawn (deploy then warns of a department the organisation lacks, rule `org-department`). A value the
 * organisation lacks (an imported file, a department renamed since) stays visible in the select, marked.
 */
import { SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { Entry, PanelElement } from './entries.js';
import { departmentChoices, organisationState } from './org-choices.js';

const ATTRIBUTE = 'approval:department';

/** Why the field is typed, not chosen, in each state without departments to choose from. */
const FALLBACK_NOTE = {
  'not-loaded': 'Log in to choose the department from the organisation; until then type its name',
  unavailable: 'The organisation could not be read: type the department name',
  empty: 'The organisation has no departments yet: type the department name',
} as const;

/** The entry `approval-department` of a step. */
export function departmentEntry(element: PanelElement): Entry {
  function Component(props: { element: PanelElement; id: string }) {
    const translate = useService('translate');
    const debounce = useService('debounceInput');
    const modeling = useService('modeling');
    const bo = props.element.businessObject;
    const getValue = () => (bo.get(ATTRIBUTE) as string | undefined) ?? '';
    const setValue = (value: string | undefined) =>
      modeling.updateModdleProperties(props.element, bo, { [ATTRIBUTE]: value ? value : undefined });
    const label = translate('Implementing department');
    const choices = departmentChoices();
    const state = organisationState();
    if (state !== 'loaded' || choices.length === 0) {
      const note = FALLBACK_NOTE[state === 'loaded' ? 'empty' : state];
      return h(TextFieldEntry, { element: props.element, id: props.id, label, description: translate(note), getValue, setValue, debounce });
    }
    const getOptions = () => {
      const current = getValue();
      const unknown = current && !choices.some((c) => c.value === current)
        ? [{ value: current, label: translate('{department} (not in the organisation)', { department: current }) }] : [];
      return [{ value: '', label: translate('Choose a department') }, ...choices.map((c) => ({ value: c.value, label: c.label })), ...unknown];
    };
    return h(SelectEntry, { element: props.element, id: props.id, label, getValue, setValue, getOptions });
  }
  return { id: 'approval-department', element, component: Component, isEdited: (node: unknown) => isTextFieldEntryEdited(node) || isSelectEntryEdited(node) };
}
