/**
 * The time limit of a step or a timer (`approval:timeLimit`) as two panel fields, a value and a unit, over the
 * one attribute (see time-limit-text.ts).
 */
import { SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { own, type Entry, type PanelElement, type Target } from './entries.js';
import { joinLimit, splitLimit, type LimitParts, type LimitUnit } from './time-limit-text.js';

/**
 * The unit last chosen per element: an empty limit has no attribute to hold its unit, so a unit chosen
 * before the value is typed is remembered here until the value arrives.
 */
const pendingUnit = new WeakMap<object, LimitUnit>();

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
    const read = (): LimitParts => {
      const parts = splitLimit(bo?.get('approval:timeLimit'));
      const chosen = bo && pendingUnit.get(bo);
      return !parts.value && chosen ? { ...parts, unit: chosen } : parts;
    };
    const write = (parts: LimitParts) => {
      if (!bo) return;
      pendingUnit.set(bo, parts.unit);
      modeling.updateModdleProperties(el, bo, { 'approval:timeLimit': joinLimit(parts) });
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
