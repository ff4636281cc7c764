import type { ParsedBpmn } from '../parse/parsed-bpmn';
import type { ModdleElement } from '../parse/moddle-element';
import { walkElements } from '../parse/walk-elements';

/** Options of {@link toXml}. */
export interface ToXmlOptions {
  /** Indent the output (default true). */
  readonly format?: boolean;
}

const MARKER = '__laufweg_same_ns_';

interface RenamedAttribute {
  readonly prefix: string;
  readonly localName: string;
}

interface RenamedHolder {
  readonly holder: Record<string, unknown>;
  readonly names: ReadonlyMap<string, string>;
}

/**
 * Writes a parsed document back to XML (UTF-8 declaration) with bpmn-moddle, keeping DI,
 * documentation, unknown extension elements and foreign attributes.
 *
 * bpmn-moddle writes an attribute that shares its element's namespace without its prefix
 * (`<foo:x foo:a="1">` becomes `<foo:x a="1">`, which is a different attribute in XML). Such
 * attributes are renamed to a marker for the duration of the write and given back the prefix
 * of their element afterwards. The tree is left as it was, attribute order included.
 */
export async function toXml(parsed: ParsedBpmn, options: ToXmlOptions = {}): Promise<string> {
  const renamed: RenamedAttribute[] = [];
  const holders = renameSameNamespaceAttributes(parsed.definitions, renamed);
  try {
    const { xml } = await parsed.moddle.toXML(parsed.definitions, { format: options.format ?? true });
    return renamed.length === 0 ? xml : restorePrefixes(xml, renamed);
  } finally {
    for (const { holder, names } of holders) {
      const back = new Map([...names].map(([original, marker]) => [marker, original]));
      rewriteKeys(holder, (key) => back.get(key) ?? key);
    }
  }
}

function renameSameNamespaceAttributes(root: ModdleElement, renamed: RenamedAttribute[]): RenamedHolder[] {
  const holders: RenamedHolder[] = [];
  walkElements(root, (element) => {
    const prefix = element.$descriptor.ns.prefix;
    const holder = (element.$descriptor.isGeneric ? element : element.$attrs) as Record<string, unknown> | undefined;
    if (holder === undefined || prefix === undefined || prefix === '') return;
    const names = new Map<string, string>();
    for (const name of Object.keys(holder)) {
      if (!name.startsWith(`${prefix}:`)) continue;
      names.set(name, `${MARKER}${renamed.length}`);
      renamed.push({ prefix, localName: name.slice(prefix.length + 1) });
    }
    if (names.size === 0) return;
    rewriteKeys(holder, (key) => names.get(key) ?? key);
    holders.push({ holder, names });
  });
  return holders;
}

/** Renames keys of `holder` in place, keeping the order of all its (enumerable) keys. */
function rewriteKeys(holder: Record<string, unknown>, rename: (key: string) => string): void {
  const entries = Object.entries(holder);
  for (const [key] of entries) delete holder[key];
  for (const [key, value] of entries) holder[rename(key)] = value;
}

/** Replaces each marker by `prefix:localName`, the prefix being the one its element got in the output. */
function restorePrefixes(xml: string, renamed: readonly RenamedAttribute[]): string {
  return xml.replace(new RegExp(` ${MARKER}(\\d+)=`, 'g'), (match: string, index: string, offset: number) => {
    const attribute = renamed[Number(index)];
    if (attribute === undefined) return match;
    const tagStart = xml.lastIndexOf('<', offset);
    const tagName = /^<([^\s/>]+)/.exec(xml.slice(tagStart, offset + 1))?.[1] ?? '';
    const prefix = tagName.includes(':') ? tagName.slice(0, tagName.indexOf(':')) : attribute.prefix;
    return ` ${prefix}:${attribute.localName}=`;
  });
}
