/**
 * A step's role (`approval:role`): chosen by its Chinese name from the catalogue's roles (STEP_ROLES), or, with
 * the last choice 其他（自行填写）, typed as an id of the city's own in a text field below, checked against the
 * id shape the stages share (STEP_ID_PATTERN). A stored role the list lacks opens with that text field showing it.
 */
import { SelectEntry, TextFieldEntry, isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { h, Fragment } from '@bpmn-io/properties-panel/preact';
import { useState } from '@bpmn-io/properties-panel/preact/hooks';
import { useService } from 'bpmn-js-properties-panel';
import { STEP_ID_PATTERN, STEP_ROLES } from '../../../definitions/approval/steps.js';
import type { Entry, PanelElement } from './entries.js';

const ATTRIBUTE = 'approval:role';
/** The select's value for 其他: not a role id (the pattern refuses the underscores), so never stored. */
const OWN = '__own__';
const LISTED: readonly string[] = STEP_ROLES;

/**
 * Steps whose designer chose 其他 while the stored role is still empty or listed: choosing it stores nothing
 * until a role is typed, and the panel may re-create this entry meanwhile (it does on every command).
 */
const ownChosen = new WeakSet<object>();

/** The entries `approval-role` (the select) and `approval-roleOwn` (the text field, shown for 其他) of a step. */
export function roleEntry(element: PanelElement): Entry {
  function Component(props: { element: PanelElement; id: string }) {
    const translate = useService('translate');
    const debounce = useService('debounceInput');
    const modeling = useService('modeling');
    const [, rerender] = useState(0);
    const bo = props.element.businessObject;
    const current = () => (bo.get(ATTRIBUTE) as string | undefined) ?? '';
    const store = (value: string) => modeling.updateModdleProperties(props.element, bo, { [ATTRIBUTE]: value ? value : undefined });
    const own = () => ownChosen.has(bo) || (current() !== '' && !LISTED.includes(current()));
    const choose = (value: string) => {
      if (value === OWN) {
        ownChosen.add(bo);
        rerender((n) => n + 1);
        return;
      }
      ownChosen.delete(bo);
      store(value);
    };
    const getOptions = () => [
      { value: '', label: translate('Not set') },
      ...LISTED.map((value) => ({ value, label: translate(`role.${value}`) })),
      { value: OWN, label: translate('Other (type it)') },
    ];
    const select = h(SelectEntry, {
      element: props.element, id: props.id, label: translate('Role'),
      getValue: () => (own() ? OWN : current()), setValue: choose, getOptions,
    });
    if (!own()) return select;
    const validate = (value: string) => (value === '' || STEP_ID_PATTERN.test(value) ? null : translate('A role id is lower-case letters, digits and hyphens, starting with a letter'));
    const typed = h(TextFieldEntry, {
      element: props.element, id: 'approval-roleOwn', label: translate('Own role'),
      description: translate('The role id, such as licence-archivist'),
      // A listed role is not repeated here: the field holds only a role of one's own.
      getValue: () => (LISTED.includes(current()) ? '' : current()),
      // An invalid id stays in the field with its error, the diagram keeping the last valid one.
      setValue: (value: string, error?: string | null) => { if (!error) store(value); },
      validate, debounce,
    });
    return h(Fragment, null, select, typed);
  }
  return { id: 'approval-role', element, component: Component, isEdited: isSelectEntryEdited };
}
