/**
 * Generic properties-panel entries over one attribute of a moddle element: a text field, a select and a
 * tri-state select for booleans. Each entry edits through `modeling.updateModdleProperties`, so every change
 * is one undoable command and triggers live validation like any other edit.
 */
import { SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';

/** A diagram element as the properties panel passes it (a shape with its business object). */
export interface PanelElement {
  id: string;
  businessObject: Record<string, any>;
}

/** A properties-panel entry: an id, a preact component and how the panel tells an edited entry. */
export interface Entry {
  id: string;
  element: PanelElement;
  component: (props: { element: PanelElement; id: string }) => unknown;
  isEdited: (node: unknown) => boolean;
}

/** Where an attribute lives: the element's business object or a child of it (its loop characteristics…). */
export type Target = (element: PanelElement) => Record<string, any> | undefined;

/** The business object itself. */
export const own: Target = (element) => element.businessObject;

/** What every attribute entry needs to know. */
export interface AttributeSpec {
  /** The entry id, unique in the panel (used by tests as `[data-entry-id]`). */
  id: string;
  /** The attribute, with its prefix: `approval:department`. */
  attribute: string;
  /** The English label; translated at render time. */
  label: string;
  /** The English description below the field, translated. */
  description?: string;
  target?: Target;
}

/** A choice of a select entry: value and English label. */
export interface Choice {
  value: string;
  label: string;
}

function useUpdate(element: PanelElement, spec: AttributeSpec) {
  const modeling = useService('modeling');
  const target = (spec.target ?? own)(element);
  const getValue = () => target?.get(spec.attribute);
  const setValue = (value: unknown) => {
    if (!target) return;
    const cleared = value === '' || value === undefined || value === null;
    modeling.updateModdleProperties(element, target, { [spec.attribute]: cleared ? undefined : value });
  };
  return { getValue, setValue };
}

/** A text field over a string attribute; an emptied field removes the attribute. */
export function textEntry(element: PanelElement, spec: AttributeSpec): Entry {
  function Component(props: { element: PanelElement; id: string }) {
    const translate = useService('translate');
    const debounce = useService('debounceInput');
    const { getValue, setValue } = useUpdate(props.element, spec);
    return h(TextFieldEntry, {
      element: props.element, id: props.id, label: translate(spec.label),
      description: spec.description ? translate(spec.description) : undefined,
      getValue: () => getValue() ?? '', setValue, debounce,
    });
  }
  return { id: spec.id, element, component: Component, isEdited: isTextFieldEntryEdited };
}

/**
 * A select over an attribute. The empty choice removes it; a value outside `choices` is kept and shown, as it
 * is or in the words of `unknown` (a template with `{value}`).
 */
export function selectEntry(element: PanelElement, spec: AttributeSpec, given: readonly Choice[] | (() => readonly Choice[]), empty = 'Not set', unknown?: string): Entry {
  function Component(props: { element: PanelElement; id: string }) {
    const translate = useService('translate');
    const { getValue, setValue } = useUpdate(props.element, spec);
    const getOptions = () => {
      // A function gives the choices as they are when the select opens (the organisation loads after login).
      const choices = typeof given === 'function' ? given() : given;
      const current = getValue();
      const known = choices.some((c) => c.value === current);
      // A value the choices lack (an imported file, an item's own role) stays visible, marked when `unknown` says how.
      const label = (value: string) => (unknown ? translate(unknown, { value }) : value);
      const extra = current !== undefined && current !== '' && !known ? [{ value: String(current), label: label(String(current)) }] : [];
      return [{ value: '', label: translate(empty) }, ...choices, ...extra].map((c) => ({ value: c.value, label: translate(c.label) }));
    };
    return h(SelectEntry, {
      element: props.element, id: props.id, label: translate(spec.label),
      description: spec.description ? translate(spec.description) : undefined,
      getValue: () => String(getValue() ?? ''), setValue, getOptions,
    });
  }
  return { id: spec.id, element, component: Component, isEdited: isSelectEntryEdited };
}

/**
 * A select over a Boolean attribute with three states: unset (the documented default applies), true, false.
 * A checkbox could not tell "unset" from "false", and for special procedures the difference matters.
 */
export function booleanEntry(element: PanelElement, spec: AttributeSpec, labels: { yes: string; no: string; unset: string }): Entry {
  function Component(props: { element: PanelElement; id: string }) {
    const translate = useService('translate');
    const { getValue, setValue } = useUpdate(props.element, spec);
    const getOptions = () => [
      { value: '', label: translate(labels.unset) },
      { value: 'true', label: translate(labels.yes) },
      { value: 'false', label: translate(labels.no) },
    ];
    const read = () => {
      const v = getValue();
      return v === true ? 'true' : v === false ? 'false' : '';
    };
    return h(SelectEntry, {
      element: props.element, id: props.id, label: translate(spec.label),
      description: spec.description ? translate(spec.description) : undefined,
      getValue: read, setValue: (v: string) => setValue(v === '' ? undefined : v === 'true'), getOptions,
    });
  }
  return { id: spec.id, element, component: Component, isEdited: isSelectEntryEdited };
}
