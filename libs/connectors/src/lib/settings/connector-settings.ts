import type { RegisterEntry } from '../civil-register/civil-register';
import type { ResidentRecord } from '../residents/residents';
import type { VehicleRecord } from '../vehicles/vehicles';

export interface LatencyRange {
  readonly min: number;
  readonly max: number;
}

/** A time span (ISO 8601 instants) in which a system does not answer. */
export interface OutageWindow {
  readonly from: string;
  readonly to: string;
  readonly reason?: string;
}

/** How a simulated system behaves on the wire. */
export interface SystemBehavior {
  readonly latencyMs: LatencyRange;
  /** Share of calls (0–1) that fail technically outside outage windows. */
  readonly failureRate: number;
  readonly outages: readonly OutageWindow[];
}

/** The simulated systems, as named in the settings' `systems` section. */
export const SYSTEM_NAMES = ['civilRegister', 'residents', 'vehicles', 'payment', 'finance', 'eFile', 'documents', 'print', 'portal', 'chambers', 'enforcement'] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];

/** The complete simulator settings of one tenant (defaults filled in). */
export interface TenantConnectorSettings {
  /** Seed of the latency and failure draws: equal seeds, equal runs. */
  readonly seed: number;
  /** Behavior of every system unless `systems.<name>` overrides parts of it. */
  readonly latencyMs: LatencyRange;
  readonly failureRate: number;
  readonly outages: readonly OutageWindow[];
  readonly systems: Readonly<Partial<Record<SystemName, Partial<SystemBehavior>>>>;
  readonly civilRegister: { readonly entries: readonly RegisterEntry[] };
  readonly residents: { readonly residents: readonly ResidentRecord[] };
  readonly vehicles: { readonly vehicles: readonly VehicleRecord[] };
  readonly payment: { readonly payPageBaseUrl: string; readonly maxAmount: number };
  readonly finance: { readonly dueDays: number; readonly refusedDebtors: readonly string[] };
  readonly eFile: { readonly filePlanPrefix: string };
  readonly print: { readonly undeliverablePostalCodes: readonly string[] };
}

type DeepPartialSection<T> = { readonly [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? Partial<T[K]> : T[K] };

/** What a tenant's (or the defaults') section of the file may set: any part of the settings. */
export type TenantConnectorOverrides = DeepPartialSection<TenantConnectorSettings>;

/** The settings file (CONNECTORS_CONFIG): defaults for every tenant, and per-tenant overrides by tenant id. */
export interface ConnectorsConfig {
  /** Whether the engine runs the simulators at all; unset: in local mode only (a production engine must not fake a payment). */
  readonly enabled?: boolean;
  /** Job types the simulators leave alone, e.g. for an external worker using the job API. */
  readonly disabledJobTypes?: readonly string[];
  readonly defaults?: TenantConnectorOverrides;
  readonly tenants?: Readonly<Record<string, TenantConnectorOverrides>>;
}

/** The behavior of one system: the tenant-wide values with the system's overrides. */
export function behaviorOf(settings: TenantConnectorSettings, system: SystemName): SystemBehavior {
  return {
    latencyMs: settings.latencyMs,
    failureRate: settings.failureRate,
    outages: settings.outages,
    ...settings.systems[system],
  };
}

/**
 * A tenant's settings: built-in defaults, then the file's `defaults`, then the tenant's own
 * section. Sections merge one level deep; lists (entries, outages) replace, they do not append.
 */
export function resolveTenantSettings(builtIn: TenantConnectorSettings, config: ConnectorsConfig, tenantId: string): TenantConnectorSettings {
  return [config.defaults, config.tenants?.[tenantId]].reduce<TenantConnectorSettings>((settings, overrides) => merge(settings, overrides ?? {}), builtIn);
}

function merge(base: TenantConnectorSettings, overrides: TenantConnectorOverrides): TenantConnectorSettings {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = merged[key];
    const section = key === 'systems' ? mergeSystems(current as TenantConnectorSettings['systems'], value as TenantConnectorSettings['systems']) : undefined;
    merged[key] = section ?? (isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value);
  }
  return merged as unknown as TenantConnectorSettings;
}

function mergeSystems(base: TenantConnectorSettings['systems'], overrides: TenantConnectorSettings['systems']): TenantConnectorSettings['systems'] {
  const merged: Partial<Record<SystemName, Partial<SystemBehavior>>> = { ...base };
  for (const name of SYSTEM_NAMES) if (overrides[name]) merged[name] = { ...base[name], ...overrides[name] };
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
