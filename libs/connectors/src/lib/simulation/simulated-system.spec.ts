import { ConnectorUnavailableError } from '../core/connector';
import { FakeClock, RecordingSleep } from '../../testing/in-memory-ports';
import { seededRandom } from './seeded-random';
import { SimulatedSystem } from './simulated-system';

describe('SimulatedSystem', () => {
  const behavior = { latencyMs: { min: 100, max: 400 }, failureRate: 0, outages: [] };

  it('waits a latency between min and max on every call, the same sequence for the same seed', async () => {
    const draw = async (seed: number): Promise<number[]> => {
      const sleep = new RecordingSleep();
      const system = new SimulatedSystem('Das Register', behavior, { clock: new FakeClock(), sleep: sleep.sleep, random: seededRandom(seed) });
      for (let call = 0; call < 50; call += 1) await system.call(() => 'ok');
      return sleep.waits;
    };
    const waits = await draw(7);
    expect(waits).toHaveLength(50);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...waits)).toBeLessThanOrEqual(400);
    expect(new Set(waits).size).toBeGreaterThan(10);
    expect(await draw(7)).toEqual(waits);
    expect(await draw(8)).not.toEqual(waits);
  });

  it('fails technically inside an outage window and answers again after it', async () => {
    const clock = new FakeClock(Date.parse('2026-11-28T01:30:00Z'));
    const outages = [{ from: '2026-11-28T01:00:00Z', to: '2026-11-28T03:00:00Z', reason: 'Wartungsfenster' }];
    const system = new SimulatedSystem('Das Personenstandsregister', { ...behavior, outages }, { clock, sleep: new RecordingSleep().sleep, random: seededRandom(1) });
    const call = system.call(() => 'answer');
    await expect(call).rejects.toBeInstanceOf(ConnectorUnavailableError);
    await expect(system.call(() => 'answer')).rejects.toThrow('Das Personenstandsregister ist nicht erreichbar (Wartungsfenster), voraussichtlich bis 2026-11-28T03:00:00Z.');
    clock.advance(90 * 60_000);
    await expect(system.call(() => 'answer')).resolves.toBe('answer');
  });

  it('fails about the configured share of calls, never with rate 0 and always with rate 1', async () => {
    const outcomes = async (failureRate: number): Promise<number> => {
      const system = new SimulatedSystem('Das Register', { ...behavior, failureRate }, { clock: new FakeClock(), sleep: new RecordingSleep().sleep, random: seededRandom(3) });
      let failed = 0;
      for (let call = 0; call < 400; call += 1) await system.call(() => 'ok').catch(() => (failed += 1));
      return failed;
    };
    expect(await outcomes(0)).toBe(0);
    expect(await outcomes(1)).toBe(400);
    const some = await outcomes(0.25);
    expect(some).toBeGreaterThan(60);
    expect(some).toBeLessThan(140);
  });
});
