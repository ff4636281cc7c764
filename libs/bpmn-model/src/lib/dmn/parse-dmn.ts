import type { ModdleImportWarning, ModdleParseResult } from 'bpmn-moddle';
import createDmnModdle from 'dmn-moddle';
import { hasErrors, type ModelProblem, type ModelResult } from '../problem';
import { decodeXmlInput } from '../parse/decode-xml-input';
import { escapeElementIds, restoreElementIds } from '../parse/escape-element-ids';
import { idOf, isA, type ModdleElement } from '../parse/moddle-element';
import { locationOf, MARKUP_ERRORS } from '../parse/moddle-import-problems';
import { DEFAULT_MAX_BPMN_BYTES } from '../parse/parsed-bpmn';
import { scanXmlMarkup } from '../parse/scan-xml-markup';

/** The DMN 1.3 model namespace, the only one dmn-moddle reads. */
export const DMN13_NAMESPACE = 'https://www.omg.org/spec/DMN/20191111/MODEL/';
/** DMN 1.1 and 1.2 namespaces (Camunda 7 exports): recognised to say what is wrong. */
const OLDER_DMN_NAMESPACES = ['http://www.omg.org/spec/DMN/20151101/dmn.xsd', 'http://www.omg.org/spec/DMN/20180521/MODEL/'];

/** A DMN document read into dmn-moddle: the input of {@link compileDmn}. Treat it as read-only. */
export interface ParsedDmn {
  /** The `dmn:Definitions` root element. */
  readonly definitions: ModdleElement;
  readonly elementsById: ReadonlyMap<string, ModdleElement>;
}

export interface ParseDmnOptions {
  /** Reject documents larger than this many bytes (UTF-8 for string input). Default 10 MiB. */
  readonly maxBytes?: number;
}

type ImportOutcome = { readonly ok: true; readonly result: ModdleParseResult } | { readonly ok: false; readonly message: string };

/**
 * Reads a DMN 1.3 document with dmn-moddle. Refuses what the BPMN parser refuses (DOCTYPE,
 * too large, undecodable, not well-formed) with the same rule ids, plus documents that are not
 * DMN 1.3 and duplicate ids; content moddle ignored is reported as warnings.
 */
export async function parseDmn(input: string | Uint8Array, options: ParseDmnOptions = {}): Promise<ModelResult<ParsedDmn>> {
  const decoded = decodeXmlInput(input, options.maxBytes ?? DEFAULT_MAX_BPMN_BYTES);
  if (!decoded.ok) return decoded;
  const problems: ModelProblem[] = [...decoded.warnings];
  const scan = scanXmlMarkup(decoded.value);
  if (scan.hasDoctype) {
    return refused('xml-doctype-forbidden', 'The document contains a DOCTYPE or ENTITY declaration, which is refused for security (XXE); remove it.');
  }
  if (scan.hasBareAmpersand) {
    problems.push({ severity: 'warning', rule: 'xml-bare-ampersand', message: 'The document contains an "&" that is not written as "&amp;"; it was read literally.' });
  }
  const escaped = escapeElementIds(scan.text);
  const outcome = await importXml(escaped.text);
  if (!outcome.ok) return { ok: false, problems: [...problems, importFailure(outcome.message, scan.text)] };

  const { rootElement, elementsById } = outcome.result;
  restoreElementIds(rootElement, escaped.placeholders);
  const restore = (id: string): string => escaped.placeholders.get(id) ?? id;
  const byId = new Map(Object.entries(elementsById).map(([id, element]) => [restore(id), element]));
  for (const warning of outcome.result.warnings) problems.push(warningToProblem(warning, byId, restore));
  if (hasErrors(problems)) return { ok: false, problems };
  return { ok: true, value: { definitions: rootElement, elementsById: byId }, warnings: problems };
}

async function importXml(text: string): Promise<ImportOutcome> {
  try {
    return { ok: true, result: await createDmnModdle().fromXML(text, 'dmn:Definitions') };
  } catch (error: unknown) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function importFailure(message: string, text: string): ModelProblem {
  if (message.startsWith('failed to parse document as')) {
    const older = OLDER_DMN_NAMESPACES.find((namespace) => text.includes(namespace));
    if (older !== undefined) {
      return error(
        'dmn-version-unsupported',
        `The document is DMN 1.1 or 1.2 (namespace ${older}); only DMN 1.3 is read. Open and save it in a current Camunda Modeler to migrate it.`,
      );
    }
    return error('xml-not-dmn', `The document is not a DMN 1.3 model: its root element must be <definitions> in the namespace ${DMN13_NAMESPACE}.`);
  }
  const nested = /nested error: (.*)$/s.exec(message)?.[1] ?? message;
  return error('xml-not-well-formed', `The document is not well-formed XML${locationOf(message)}: ${nested.trim()}.`);
}

function warningToProblem(warning: ModdleImportWarning, byId: ReadonlyMap<string, ModdleElement>, restore: (id: string) => string): ModelProblem {
  const nested = warning.error?.message ?? warning.message;
  const where = locationOf(warning.message);
  const duplicate = /^duplicate ID <(.*)>$/.exec(nested);
  if (duplicate !== null) {
    const id = restore(duplicate[1] ?? '');
    const decision = isA(byId.get(id), 'dmn:Decision');
    return {
      severity: 'error',
      rule: decision ? 'dmn-decision-id-duplicate' : 'duplicate-id',
      elementId: id,
      message: decision
        ? `The decision id "${id}" is used by more than one decision${where}; a business rule task could not tell them apart. Rename one.`
        : `The id "${id}" is used by more than one element${where}; ids must be unique.`,
    };
  }
  if (MARKUP_ERRORS.some((fragment) => nested.includes(fragment))) {
    return error('xml-not-well-formed', `The document is not well-formed XML${where}: ${nested}.`);
  }
  const elementId = warning.element === undefined ? undefined : idOf(warning.element);
  return {
    severity: 'warning',
    rule: 'dmn-content-ignored',
    ...(elementId === undefined ? {} : { elementId: restore(elementId) }),
    message: `Some content is not part of DMN 1.3 and was ignored${where}: ${nested}.`,
  };
}

function error(rule: string, message: string): ModelProblem {
  return { severity: 'error', rule, message };
}

function refused(rule: string, message: string): ModelResult<ParsedDmn> {
  return { ok: false, problems: [error(rule, message)] };
}
