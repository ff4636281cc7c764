import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';

/** `processes/<route>/route.yaml` as written. */
export interface RouteManifest {
  readonly id: string;
  readonly name: string;
  readonly process: string;
  readonly startMessage: string;
  readonly shared?: readonly string[];
  readonly valuesSchema?: string;
  readonly services: readonly { readonly id: string; readonly name: string; readonly schema: string }[];
}

const manifestSchema = {
  type: 'object',
  required: ['id', 'name', 'process', 'startMessage', 'services'],
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    name: { type: 'string', minLength: 1 },
    process: { type: 'string', minLength: 1 },
    startMessage: { type: 'string', minLength: 1 },
    shared: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' }, uniqueItems: true },
    valuesSchema: { type: 'string', minLength: 1 },
    services: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'name', 'schema'],
        properties: {
          id: { type: 'string', pattern: '^urn:de:fim:leika:leistung:[0-9a-z-]+$' },
          name: { type: 'string', minLength: 1 },
          schema: { type: 'string', minLength: 1 },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

const validate = new Ajv2020({ allErrors: true }).compile<RouteManifest>(manifestSchema);

/** The manifest, or the problems (each with the JSON path) when it is not one. */
export function checkManifest(value: unknown, file: string): { ok: true; manifest: RouteManifest } | { ok: false; problems: string[] } {
  if (validate(value)) return { ok: true, manifest: value };
  return { ok: false, problems: (validate.errors ?? []).map((error) => `${file}: ${describeError(error)}`) };
}

export function describeError(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${errorMessage(error)}`;
}

/** What an ajv error says, without its path: `must be number`, `must NOT have additional properties ('x')`. */
export function errorMessage(error: ErrorObject): string {
  return `${error.message ?? 'is invalid'}${error.keyword === 'additionalProperties' ? ` ('${String((error.params as { additionalProperty?: string }).additionalProperty)}')` : ''}`;
}
