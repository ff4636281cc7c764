/**
 * Ambient types for `dmn-moddle` 11 (it ships no declarations). Same element shape as
 * bpmn-moddle's; Laufweg reads elements through the typed helpers in `lib/parse/moddle-element.ts`.
 */
declare module 'dmn-moddle' {
  import type { ModdleParseResult, RawModdleElement } from 'bpmn-moddle';

  export interface DmnModdle {
    fromXML(xml: string, typeName?: string): Promise<ModdleParseResult>;
    toXML(element: RawModdleElement, options?: { readonly format?: boolean }): Promise<{ readonly xml: string }>;
  }

  /** Creates a moddle for DMN 1.3 (with DMNDI, DI and DC), plus extension packages. */
  export default function createDmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): DmnModdle;
}
