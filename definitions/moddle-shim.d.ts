/**
 * bpmn-moddle 10 ships ES modules without a declaration for its entry point (only `bpmn-moddle/types`).
 * This declares the small part Shenpi uses.
 */
declare module 'bpmn-moddle' {
  export interface ModdleWarning {
    message: string;
    element?: { id?: string; $type?: string };
    property?: string;
    value?: unknown;
    error?: Error;
  }
  export interface FromXmlResult {
    rootElement: any;
    references: unknown[];
    warnings: ModdleWarning[];
    elementsById: Record<string, any>;
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string | Record<string, unknown>, options?: Record<string, unknown>): Promise<FromXmlResult>;
    toXML(element: unknown, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): any;
    getType(type: string): any;
  }
}
