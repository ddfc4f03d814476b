/**
 * The time limit of a step (`approval:timeLimit`) as two fields: a value and a unit. The attribute is one
 * string — `<n>WD` (working days), `<n>CD` (calendar days) or an ISO 8601 duration — see
 * docs/approval-extension.md; these helpers split and join it, and the deploy rules check the result.
 */
import { SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { own, type Entry, type PanelElement, type Target } from './entries.js';

/** The units a limit may be written in. `ISO` means the value is a whole ISO 8601 duration (`P3D`). */
export type LimitUnit = 'WD' | 'CD' | 'ISO';

/** A time limit split into the two fields the panel shows. */
export interface LimitParts {
  value: string;
  unit: LimitUnit;
}

/** Splits an `approval:timeLimit` value; an empty or absent value gives an empty value in working days. */
export function splitLimit(text: string | undefined): LimitParts {
  const t = (text ?? '').trim();
  const m = /^(\d+)\s*(WD|CD)$/i.exec(t);
  if (m) return { value: m[1]!, unit: m[2]!.toUpperCase() as LimitUnit };
  if (t.startsWith('P')) return { value: t, unit: 'ISO' };
  return { value: t, unit: 'WD' };
}

/** Joins the two fields back into an attribute value; undefined (remove the attribute) when the value is empty. */
export function joinLimit(parts: LimitParts): string | undefined {
  const value = parts.value.trim();
  if (!value) return undefined;
  if (parts.unit === 'ISO') return value;
  return `${value.replace(/\s*(WD|CD)$/i, '')}${parts.unit}`;
}

const UNITS: readonly { value: LimitUnit; label: string }[] = [
  { value: 'WD', label: 'working days' },
  { value: 'CD', label: 'calendar days' },
  { value: 'ISO', label: 'ISO 8601 duration' },
];

/** The value and unit entries for the `approval:timeLimit` of `target(element)`. */
export function timeLimitEntries(element: PanelElement, idPrefix: string, target: Target = own): Entry[] {
  function useLimit(el: PanelElement) {
    const modeling = useService('modeling');
    const bo = target(el);
    const read = () => splitLimit(bo?.get('approval:timeLimit'));
    const write = (parts: LimitParts) => {
      if (bo) modeling.updateModdleProperties(el, bo, { 'approval:timeLimit': joinLimit(parts) });
    };
    return { read, write };
  }
  function Value(props: { element: PanelElement; id: string }) {
    const translate = useService('translate');
    const debounce = useService('debounceInput');
    const { read, write } = useLimit(props.element);
    return h(TextFieldEntry, {
      element: props.element, id: props.id, label: translate('Time limit'), debounce,
      description: translate('A number of days, or an ISO 8601 duration such as P3D or PT4H'),
      getValue: () => read().value,
      setValue: (value: string) => write({ ...read(), value: value ?? '' }),
    });
  }
  function Unit(props: { element: PanelElement; id: string }) {
    const translate = useService('translate');
    const { read, write } = useLimit(props.element);
    return h(SelectEntry, {
      element: props.element, id: props.id, label: translate('Time limit unit'),
      getValue: () => read().unit,
      setValue: (unit: LimitUnit) => write({ ...read(), unit }),
      getOptions: () => UNITS.map((u) => ({ value: u.value, label: translate(u.label) })),
    });
  }
  return [
    { id: `${idPrefix}-timeLimit`, element, component: Value, isEdited: isTextFieldEntryEdited },
    { id: `${idPrefix}-timeLimitUnit`, element, component: Unit, isEdited: isSelectEntryEdited },
  ];
}
