/**
 * Declarations for the bpmn-io packages that ship JavaScript without types. Only what the modeler uses is
 * declared, loosely: these are didi-wired modules whose services are looked up by name.
 */
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: Record<string, unknown>;
  export const BpmnPropertiesProviderModule: Record<string, unknown>;
  export function useService<T = any>(name: string, strict?: boolean): T;
}

declare module '@bpmn-io/properties-panel' {
  import type { VNode } from '@bpmn-io/properties-panel/preact';
  type Props = Record<string, unknown>;
  export function TextFieldEntry(props: Props): VNode;
  export function SelectEntry(props: Props): VNode;
  export function CheckboxEntry(props: Props): VNode;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  export function isSelectEntryEdited(node: unknown): boolean;
  export function isCheckboxEntryEdited(node: unknown): boolean;
}

/** Rule-table files bundled as text (esbuild `text` loader). */
declare module '*.yaml' {
  const text: string;
  export default text;
}

/**
 * definitions/ accepts a Node `Buffer` or a string; the page always passes strings. Declared as bytes so that
 * those signatures type-check without Node's types in the browser build.
 */
type Buffer = Uint8Array;
