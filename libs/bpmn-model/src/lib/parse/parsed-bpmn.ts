import type { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from './moddle-element';

/**
 * A BPMN document read into bpmn-moddle (with the Zeebe extension): the input of validation,
 * serialization and compilation.
 *
 * Treat it as read-only. `elementsById` holds every element with an id (semantic and DI).
 */
export interface ParsedBpmn {
  /** The `bpmn:Definitions` root element. */
  readonly definitions: ModdleElement;
  /** The moddle instance that read the document; needed to create elements and to serialize. */
  readonly moddle: BpmnModdle;
  readonly elementsById: ReadonlyMap<string, ModdleElement>;
}

/** Options of {@link parseBpmn}. */
export interface ParseBpmnOptions {
  /** Reject documents larger than this many bytes (UTF-8 for string input). Default 10 MiB. */
  readonly maxBytes?: number;
  /**
   * How to treat names the BPMN 2.0 schema does not define in the BPMN namespace (an unknown
   * attribute such as a misspelt `isExecutible`, an unknown element): `error` (default, as
   * schema-validating engines do) or `warning` (for test material written for lenient engines).
   */
  readonly schemaViolations?: 'error' | 'warning';
}

export const DEFAULT_MAX_BPMN_BYTES = 10 * 1024 * 1024;
