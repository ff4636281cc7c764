import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConnectorsSettings } from './connectors-settings';

describe('loadConnectorsSettings', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'laufweg-connectors-settings-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function file(text: string): string {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(path, text);
    return path;
  }

  it('uses the built-in defaults without CONNECTORS_CONFIG, with the pay page on the engine’s port', () => {
    const settings = loadConnectorsSettings({}, 4100);
    expect(settings.config).toEqual({});
    expect(settings.builtIn.payment.payPageBaseUrl).toBe('http://localhost:4100/simulator/payments');
    expect(settings.builtIn.civilRegister.entries.length).toBeGreaterThan(0);
  });

  it('reads and validates the YAML file', () => {
    const path = file('enabled: true\ntenants:\n  "14713000":\n    failureRate: 0.2\n    outages:\n      - { from: "2026-12-24T00:00:00Z", to: "2026-12-27T00:00:00Z", reason: Feiertage }\n');
    const settings = loadConnectorsSettings({ CONNECTORS_CONFIG: path }, 3000);
    expect(settings.config).toEqual({ enabled: true, tenants: { '14713000': { failureRate: 0.2, outages: [{ from: '2026-12-24T00:00:00Z', to: '2026-12-27T00:00:00Z', reason: 'Feiertage' }] } } });
    expect(settings.source).toBe(path);
  });

  it('stops the start on a missing file or invalid settings, naming the variable and the problem', () => {
    expect(() => loadConnectorsSettings({ CONNECTORS_CONFIG: join(dir, 'missing.yaml') }, 3000)).toThrow(/CONNECTORS_CONFIG: cannot read/);
    expect(() => loadConnectorsSettings({ CONNECTORS_CONFIG: file('disabledJobTypes: [civil-register.lookup]\n') }, 3000)).toThrow(/CONNECTORS_CONFIG .*disabledJobTypes/);
  });
});
