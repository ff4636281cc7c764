/**
 * The canonical JSON text of a value, as the audit hash covers it: object keys sorted by UTF-16
 * code units at every depth, no whitespace, strings and numbers as `JSON.stringify` writes them.
 * For the values audit entries hold (strings, finite numbers, booleans, null, arrays, plain
 * objects) this is RFC 8785 (JSON Canonicalization Scheme), so any JCS library can re-compute a
 * hash. Object members whose value is `undefined` are left out; anything else JSON cannot hold
 * (NaN, Infinity, bigint, functions, `undefined` in arrays) is refused rather than silently changed.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Canonical JSON cannot hold ${value}.`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((element: unknown) => canonicalJson(element)).join(',')}]`;
  if (typeof value === 'object' && isPlainObject(value)) {
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`Canonical JSON cannot hold a value of type ${value === undefined ? 'undefined' : typeof value}.`);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
