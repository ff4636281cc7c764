import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { germanBusinessCalendar } from '@laufweg/bpmn-engine';
import { EngineHarness } from '../index';

const fixture = readFileSync(join(__dirname, 'fixtures/working-day-deadline.bpmn'), 'utf8');

describe('statutory deadlines in working days', () => {
  // Tuesday 17 November 2026, 09:00 in Saxony; Wednesday 18 November is Buß- und Bettag there.
  const noticeSent = Date.parse('2026-11-17T09:00:00+01:00');

  it('given a deadline of 10 working days, when the notice is sent in Saxony, then it falls due after the holiday and two weekends', async () => {
    const engine = await EngineHarness.fromBpmn(fixture, { startTime: noticeSent });
    const instance = engine.createInstance('objection-deadline');
    // 10 working days: 19, 20, 23–27 Nov, 30 Nov, 1, 2 Dec -> Wednesday 2 December, 09:00
    const [timer] = Object.values(engine.state.timers);
    expect(new Date(timer.dueDate).toISOString()).toBe('2026-12-02T08:00:00.000Z');
    engine.advanceClock(Date.parse('2026-12-02T07:59:59Z') - noticeSent);
    expect(engine.activeElements(instance)).toEqual(['await-objection']);
    engine.advanceClock(1000);
    expect(engine.isCompleted(instance)).toBe(true);
    expect(engine.records.completed(instance)).toContain('final');
  });

  it('given the same route in Bavaria, then the deadline is one day earlier (no Buß- und Bettag)', async () => {
    const engine = await EngineHarness.fromBpmn(fixture, { startTime: noticeSent, calendar: germanBusinessCalendar({ land: 'BY' }) });
    engine.createInstance('objection-deadline');
    const [timer] = Object.values(engine.state.timers);
    expect(new Date(timer.dueDate).toISOString()).toBe('2026-12-01T08:00:00.000Z');
  });

  it('given an objection within the deadline, then the deadline timer is gone', async () => {
    const engine = await EngineHarness.fromBpmn(fixture, { startTime: noticeSent });
    const instance = engine.createInstance('objection-deadline');
    engine.advanceClock(3 * 24 * 3_600_000);
    engine.completeUserTask('await-objection', { objection: true });
    expect(engine.records.completed(instance)).toContain('objected');
    expect(engine.state.timers).toEqual({});
  });
});
