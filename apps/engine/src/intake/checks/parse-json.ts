/** The bytes as JSON (UTF-8, strict: invalid UTF-8 is no JSON), or undefined. */
export function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}
