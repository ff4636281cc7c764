import type { ModdleElement } from './moddle-element';
import { walkElements } from './walk-elements';

/** The ids moddle-xml accepts; it silently drops elements with any other id. */
const MODDLE_ID = /^([a-z][\w.-]*:)?[a-z_][\w.-]*$/i;
/** An XML NCName (approximately: letters of any script, digits, `_`, `-`, `.`, combining marks). */
const NCNAME = /^[\p{L}_][\p{L}\p{N}\p{M}_.\-\u00B7\u203F\u2040]*$/u;
const ID_ATTRIBUTE = /\sid\s*=\s*(["'])(.*?)\1/g;
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<\/[^>]*>|<([^\s/>!?]+)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
const ATTRIBUTE = /(\s[^\s=]+\s*=\s*)(["'])(.*?)\2/g;

/** The result of {@link escapeElementIds}. */
export interface EscapedIds {
  readonly text: string;
  /** Placeholder -> the id it stands for, to put back after moddle has read the document. */
  readonly placeholders: ReadonlyMap<string, string>;
  /** Ids that are not XML names at all (digits first, spaces inside): kept, but reported. */
  readonly invalidIds: readonly string[];
}

/**
 * Keeps elements whose ids moddle-xml would drop. An id is an `xsd:ID`, so surrounding white
 * space is not part of it (XSD collapses it): such ids are trimmed. Ids that are still refused
 * (non-ASCII letters such as "Prüfung", which XML allows, or invalid names a tool exported)
 * are replaced, with every attribute value or reference text equal to them, by a placeholder
 * that {@link restoreElementIds} turns back into the id after parsing.
 */
export function escapeElementIds(text: string): EscapedIds {
  const replacements = new Map<string, string>();
  const placeholders = new Map<string, string>();
  const invalidIds: string[] = [];
  for (const match of text.matchAll(ID_ATTRIBUTE)) {
    const raw = match[2] ?? '';
    if (MODDLE_ID.test(raw) || raw.includes('&') || replacements.has(raw)) continue;
    const collapsed = raw.trim().replace(/\s+/g, ' ');
    if (MODDLE_ID.test(collapsed)) {
      replacements.set(raw, collapsed);
      continue;
    }
    const placeholder = `__laufweg_id_${placeholders.size}__`;
    placeholders.set(placeholder, collapsed);
    replacements.set(raw, placeholder);
    replacements.set(collapsed, placeholder);
    if (!NCNAME.test(collapsed)) invalidIds.push(collapsed);
  }
  if (replacements.size === 0) return { text, placeholders, invalidIds };

  const rewritten = text.replace(TOKEN, (token: string, tagName: string | undefined, attributes: string | undefined, content: string | undefined) => {
    if (tagName !== undefined && attributes !== undefined) {
      const rewrittenAttributes = attributes.replace(ATTRIBUTE, (attribute: string, head: string, quote: string, value: string) => {
        const replacement = replacements.get(value) ?? replacements.get(value.trim());
        return replacement === undefined ? attribute : `${head}${quote}${replacement}${quote}`;
      });
      return `<${tagName}${rewrittenAttributes}>`;
    }
    if (content !== undefined) {
      const replacement = replacements.get(content.trim());
      return replacement === undefined ? token : replacement;
    }
    return token;
  });
  return { text: rewritten, placeholders, invalidIds };
}

/** Puts the original ids (and values equal to them) back in place of their placeholders. */
export function restoreElementIds(root: ModdleElement, placeholders: ReadonlyMap<string, string>): void {
  if (placeholders.size === 0) return;
  const restore = (holder: Record<string, unknown> | undefined): void => {
    if (holder === undefined) return;
    for (const [key, value] of Object.entries(holder)) {
      if (typeof value === 'string' && placeholders.has(value)) holder[key] = placeholders.get(value);
    }
  };
  walkElements(root, (element) => {
    restore(element as Record<string, unknown>);
    restore(element.$attrs);
  });
}
