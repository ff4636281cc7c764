import Ajv from 'ajv';
import { JOB_TYPES } from '../core/connector';
import { describeErrors } from '../core/job-input';
import type { ConnectorsConfig } from './connector-settings';
import { SYSTEM_NAMES } from './connector-settings';

const instant = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}' } as const;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const text = { type: 'string', minLength: 1 } as const;
const name = { type: 'object', required: ['givenName', 'familyName'], properties: { givenName: text, familyName: text } } as const;
const address = { type: 'object', required: ['street', 'postalCode', 'city'], additionalProperties: false, properties: { street: text, postalCode: text, city: text } } as const;

const behavior = {
  latencyMs: { type: 'object', required: ['min', 'max'], additionalProperties: false, properties: { min: { type: 'integer', minimum: 0, maximum: 600_000 }, max: { type: 'integer', minimum: 0, maximum: 600_000 } } },
  failureRate: { type: 'number', minimum: 0, maximum: 1 },
  outages: { type: 'array', items: { type: 'object', required: ['from', 'to'], additionalProperties: false, properties: { from: instant, to: instant, reason: { type: 'string' } } } },
} as const;

const tenantSection = {
  type: 'object',
  additionalProperties: false,
  properties: {
    seed: { type: 'integer', minimum: 0 },
    ...behavior,
    systems: { type: 'object', additionalProperties: false, properties: Object.fromEntries(SYSTEM_NAMES.map((system) => [system, { type: 'object', additionalProperties: false, properties: behavior }])) },
    civilRegister: {
      type: 'object',
      additionalProperties: false,
      properties: {
        entries: {
          type: 'array',
          items: {
            type: 'object',
            required: ['registerNumber', 'registerType', 'office', 'eventDate', 'eventPlace', 'persons', 'blockingNote'],
            properties: {
              registerNumber: text,
              registerType: { enum: ['birth', 'marriage', 'death'] },
              office: text,
              eventDate: date,
              eventPlace: text,
              persons: { type: 'array', minItems: 1, items: { ...name, required: ['givenName', 'familyName', 'role'], properties: { ...name.properties, birthDate: date, role: text } } },
              blockingNote: { type: 'boolean' },
              blockingReason: { type: 'string' },
            },
          },
        },
      },
    },
    residents: {
      type: 'object',
      additionalProperties: false,
      properties: {
        residents: {
          type: 'array',
          items: {
            type: 'object',
            required: ['givenName', 'familyName', 'birthDate', 'address', 'mainResidence', 'registeredSince'],
            properties: { ...name.properties, birthDate: date, address, mainResidence: { type: 'boolean' }, registeredSince: date, parkingZone: text, movedOut: { type: 'boolean' } },
          },
        },
      },
    },
    vehicles: {
      type: 'object',
      additionalProperties: false,
      properties: {
        vehicles: {
          type: 'array',
          items: { type: 'object', required: ['licensePlate', 'holder', 'vehicleClass', 'maxWeightKg'], properties: { licensePlate: text, holder: name, vehicleClass: text, maxWeightKg: { type: 'integer', minimum: 1 } } },
        },
      },
    },
    payment: { type: 'object', additionalProperties: false, properties: { payPageBaseUrl: { type: 'string', pattern: '^https?://' }, maxAmount: { type: 'number', exclusiveMinimum: 0 } } },
    finance: { type: 'object', additionalProperties: false, properties: { dueDays: { type: 'integer', minimum: 0, maximum: 365 }, refusedDebtors: { type: 'array', items: text } } },
    eFile: { type: 'object', additionalProperties: false, properties: { filePlanPrefix: text } },
    print: { type: 'object', additionalProperties: false, properties: { undeliverablePostalCodes: { type: 'array', items: { type: 'string', pattern: '^\\d{5}$' } } } },
  },
} as const;

/** JSON schema of the settings file (CONNECTORS_CONFIG), documented in docs/connectors.md. */
export const connectorsConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    enabled: { type: 'boolean' },
    disabledJobTypes: { type: 'array', items: { enum: [...JOB_TYPES] } },
    defaults: tenantSection,
    tenants: { type: 'object', additionalProperties: tenantSection },
  },
} as const;

export class ConnectorsConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The connector settings are invalid: ${problems.join('; ')}`);
    this.name = 'ConnectorsConfigError';
  }
}

const validate = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, validateFormats: false }).compile<ConnectorsConfig>(connectorsConfigSchema);

/** Checks a parsed settings file; throws ConnectorsConfigError naming every problem (and min > max latencies). */
export function validateConnectorsConfig(value: unknown): ConnectorsConfig {
  if (!validate(value)) throw new ConnectorsConfigError(describeErrors(validate.errors ?? []).split('; '));
  const problems: string[] = [];
  const sections = [['defaults', value.defaults], ...Object.entries(value.tenants ?? {}).map(([id, section]) => [`tenants.${id}`, section] as const)] as const;
  for (const [path, section] of sections) {
    if (!section) continue;
    const ranges = [['', section.latencyMs], ...Object.entries(section.systems ?? {}).map(([system, override]) => [`.systems.${system}`, override?.latencyMs] as const)] as const;
    for (const [where, range] of ranges) if (range && (range.min ?? 0) > (range.max ?? 0)) problems.push(`${path}${where}.latencyMs: min ${range.min} is greater than max ${range.max}`);
    for (const outage of section.outages ?? []) if (!(Date.parse(outage.from) < Date.parse(outage.to))) problems.push(`${path}.outages: ${outage.from} – ${outage.to} is no time span`);
  }
  if (problems.length > 0) throw new ConnectorsConfigError(problems);
  return value;
}
