import { type ConnectorsConfig, DEFAULT_CONNECTOR_SETTINGS, type TenantConnectorSettings, validateConnectorsConfig } from '@laufweg/connectors';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The connector simulators' settings as the engine loads them at start. */
export interface ConnectorsSettings {
  /** The file's defaults and tenant sections (empty without CONNECTORS_CONFIG). */
  readonly config: ConnectorsConfig;
  /** The built-in defaults, with the pay page on this engine's port. */
  readonly builtIn: TenantConnectorSettings;
  /** Where the settings came from, for the start log. */
  readonly source: string;
}

/**
 * Reads CONNECTORS_CONFIG (a YAML file, see docs/connectors.md "Simulator settings"); unset: the
 * built-in defaults. A file that cannot be read or does not validate stops the start.
 */
export function loadConnectorsSettings(env: NodeJS.ProcessEnv, port: number): ConnectorsSettings {
  const builtIn: TenantConnectorSettings = { ...DEFAULT_CONNECTOR_SETTINGS, payment: { ...DEFAULT_CONNECTOR_SETTINGS.payment, payPageBaseUrl: `http://localhost:${port}/simulator/payments` } };
  const path = env['CONNECTORS_CONFIG'];
  if (!path) return { config: {}, builtIn, source: 'built-in defaults' };
  let parsed: unknown;
  try {
    parsed = parse(readFileSync(path, 'utf8')) ?? {};
  } catch (error) {
    throw new Error(`CONNECTORS_CONFIG: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return { config: validateConnectorsConfig(parsed), builtIn, source: path };
  } catch (error) {
    throw new Error(`CONNECTORS_CONFIG (${path}): ${error instanceof Error ? error.message : String(error)}`);
  }
}
