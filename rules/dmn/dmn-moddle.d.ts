/** The small part of dmn-moddle's API that the rule layer uses (the package ships no types). */
declare module 'dmn-moddle' {
  /** A moddle element: `$type` plus the DMN 1.3 properties of that type. */
  export interface ModdleElement {
    $type: string;
    [property: string]: any;
  }
  export class DmnModdle {
    constructor(packages?: object, options?: object);
    fromXML(
      xml: string,
      typeName?: string,
    ): Promise<{ rootElement: ModdleElement; warnings: { message: string }[]; references: unknown[] }>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): ModdleElement;
  }
}
