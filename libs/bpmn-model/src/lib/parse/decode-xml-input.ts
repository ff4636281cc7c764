import type { ModelProblem, ModelResult } from '../problem';

/** Windows-1252 characters at bytes 0x80-0x9F (index 0 = 0x80); ISO-8859-1 has C1 controls there. */
const WINDOWS_1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const DECLARATION_PATTERN = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._:-]*)["']/;
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/**
 * Turns the raw input into text, enforcing the size limit first.
 *
 * Bytes are decoded by their byte-order mark, else by the encoding the XML declaration names
 * (UTF-8 when none). Bytes that are not valid UTF-8 although the document claims UTF-8 are read
 * as Windows-1252 with a warning: such files are common exports of older Windows tools.
 */
export function decodeXmlInput(input: string | Uint8Array, maxBytes: number): ModelResult<string> {
  const tooLarge = typeof input === 'string' ? utf8LengthExceeds(input, maxBytes) : input.byteLength > maxBytes;
  if (tooLarge) {
    return rejected({
      severity: 'error',
      rule: 'xml-too-large',
      message: `The document is larger than the allowed ${maxBytes} bytes; split the model or raise the limit.`,
    });
  }
  if (typeof input === 'string') {
    return { ok: true, value: stripBom(input), warnings: [] };
  }
  return decodeBytes(input);
}

function decodeBytes(bytes: Uint8Array): ModelResult<string> {
  const bomEncoding = encodingFromBom(bytes);
  if (bomEncoding !== undefined) {
    return decodeWith(bomEncoding, bytes, bomEncoding);
  }
  const prolog = latin1(bytes.subarray(0, 512));
  const declared = DECLARATION_PATTERN.exec(prolog)?.[1];
  return decodeWith(declared ?? 'utf-8', bytes, declared);
}

function decodeWith(label: string, bytes: Uint8Array, declared: string | undefined): ModelResult<string> {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return rejected({
      severity: 'error',
      rule: 'xml-encoding-unsupported',
      message: `The document declares the encoding "${label}", which is not supported; save it as UTF-8.`,
    });
  }
  try {
    return { ok: true, value: stripBom(decodeAs(decoder, bytes)), warnings: [] };
  } catch {
    const fallback = UTF8_LABELS.has(decoder.encoding) ? 'windows-1252' : decoder.encoding;
    const warning: ModelProblem = {
      severity: 'warning',
      rule: 'xml-encoding-mismatch',
      message:
        `The document is not valid ${declared ?? 'UTF-8'} and was read as ${fallback}; ` +
        'check special characters such as umlauts and save it as UTF-8.',
    };
    return { ok: true, value: stripBom(decodeAs(new TextDecoder(fallback), bytes)), warnings: [warning] };
  }
}

/**
 * Decodes, correcting Windows-1252: the WHATWG decoder of that name (which also serves
 * ISO-8859-1 and US-ASCII) must map 0x80-0x9F to "€", "„", "“" and friends, but Node 20 maps
 * them to C1 control characters. Mapping those code points afterwards is right in both.
 */
function decodeAs(decoder: InstanceType<typeof TextDecoder>, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH.charAt(char.charCodeAt(0) - 0x80));
}

function encodingFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // UTF-16 without a byte-order mark still starts with "<" (0x3C) next to a zero byte.
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return 'utf-16be';
  return undefined;
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Whether the UTF-8 encoding of `text` is longer than `limit` bytes (stops counting early). */
function utf8LengthExceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      length += 4;
      index++;
    } else length += 3;
    if (length > limit) return true;
  }
  return false;
}

function rejected(problem: ModelProblem): ModelResult<string> {
  return { ok: false, problems: [problem] };
}
