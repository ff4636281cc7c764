/** What a quick pass over the markup found before the document is handed to bpmn-moddle. */
export interface XmlMarkupScan {
  /** The text, with white space around `=` in attributes removed (saxen cannot read `a = "b"`). */
  readonly text: string;
  /** A `<!DOCTYPE` or `<!ENTITY` declaration is present (refused: XXE and entity expansion). */
  readonly hasDoctype: boolean;
  /** An `&` that starts no entity or character reference (not well-formed; read literally). */
  readonly hasBareAmpersand: boolean;
  /** Offset of the root element's name end, where namespace declarations can be inserted. */
  readonly rootNameEnd: number | undefined;
}

const ENTITY_REFERENCE = /&(?:[A-Za-z_][\w.-]*|#[0-9]+|#x[0-9A-Fa-f]+);/y;

/** True when the `&` at `index` starts an entity or character reference. */
function isReferenceAt(input: string, index: number): boolean {
  ENTITY_REFERENCE.lastIndex = index;
  return ENTITY_REFERENCE.test(input);
}

/**
 * Walks the markup once: comments, CDATA, processing instructions and declarations are skipped,
 * start tags are copied with their attribute syntax normalized. Linear in the input size.
 */
export function scanXmlMarkup(input: string): XmlMarkupScan {
  const parts: string[] = [];
  let copiedUpTo = 0;
  let hasDoctype = false;
  let hasBareAmpersand = false;
  let rootNameEnd: number | undefined;
  let outputLength = 0;
  let index = 0;

  const skipTo = (terminator: string, from: number): number => {
    const end = input.indexOf(terminator, from);
    return end === -1 ? input.length : end + terminator.length;
  };

  while (index < input.length) {
    const open = input.indexOf('<', index);
    const textEnd = open === -1 ? input.length : open;
    if (!hasBareAmpersand) hasBareAmpersand = containsBareAmpersand(input, index, textEnd);
    if (open === -1) break;

    if (input.startsWith('<!--', open)) {
      index = skipTo('-->', open + 4);
    } else if (input.startsWith('<![CDATA[', open)) {
      index = skipTo(']]>', open + 9);
    } else if (input.startsWith('<?', open)) {
      index = skipTo('?>', open + 2);
    } else if (input.startsWith('<!', open)) {
      const keyword = input.slice(open + 2, open + 9).toUpperCase();
      if (keyword.startsWith('DOCTYPE') || keyword.startsWith('ENTITY')) hasDoctype = true;
      index = skipTo('>', open + 2);
    } else if (input.startsWith('</', open)) {
      index = skipTo('>', open + 2);
    } else {
      const tag = readStartTag(input, open);
      const startInOutput = outputLength + (open - copiedUpTo);
      rootNameEnd ??= startInOutput + 1 + tag.nameLength;
      if (!hasBareAmpersand) hasBareAmpersand = tag.hasBareAmpersand;
      if (tag.normalized !== undefined) {
        parts.push(input.slice(copiedUpTo, open), tag.normalized);
        outputLength = startInOutput + tag.normalized.length;
        copiedUpTo = tag.end;
      }
      index = tag.end;
    }
  }
  parts.push(input.slice(copiedUpTo));
  return { text: parts.join(''), hasDoctype, hasBareAmpersand, rootNameEnd };
}

interface StartTag {
  readonly end: number;
  readonly nameLength: number;
  readonly normalized: string | undefined;
  readonly hasBareAmpersand: boolean;
}

/** Reads `<name attr="v" ...>` from `open`; quoted values may contain `>`. */
function readStartTag(input: string, open: number): StartTag {
  let nameLength = 0;
  while (open + 1 + nameLength < input.length && !/[\s/>]/.test(input.charAt(open + 1 + nameLength))) nameLength++;

  let quote: string | undefined;
  let needsNormalizing = false;
  let hasBareAmpersand = false;
  let index = open + 1 + nameLength;
  for (; index < input.length; index++) {
    const char = input.charAt(index);
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else if (char === '&' && !isReferenceAt(input, index)) hasBareAmpersand = true;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      break;
    } else if (char === '=' && (/\s/.test(input.charAt(index - 1)) || /\s/.test(input.charAt(index + 1)))) {
      needsNormalizing = true;
    }
  }
  const end = Math.min(index + 1, input.length);
  const tag = input.slice(open, end);
  return { end, nameLength, hasBareAmpersand, normalized: needsNormalizing ? normalizeAttributeSpacing(tag) : undefined };
}

/** Removes white space around `=` outside quoted values. */
function normalizeAttributeSpacing(tag: string): string {
  let result = '';
  let quote: string | undefined;
  for (let index = 0; index < tag.length; index++) {
    const char = tag.charAt(index);
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      result += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      result += char;
    } else if (char === '=') {
      result = result.trimEnd() + '=';
      while (index + 1 < tag.length && /\s/.test(tag.charAt(index + 1))) index++;
    } else {
      result += char;
    }
  }
  return result;
}

function containsBareAmpersand(input: string, from: number, to: number): boolean {
  for (let index = input.indexOf('&', from); index !== -1 && index < to; index = input.indexOf('&', index + 1)) {
    if (!isReferenceAt(input, index)) return true;
  }
  return false;
}
