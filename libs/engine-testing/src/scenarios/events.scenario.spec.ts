import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineHarness } from '../index';

const fixture = readFileSync(join(__dirname, 'fixtures/events.bpmn'), 'utf8');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('message, timer and signal events', () => {
  it('given a waiting receive task, when the message with its correlation key arrives, then outputs map and the flow continues', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('waiting', { applicationId: 'A-1', deadline: 'P30D' });
    engine.correlateMessage('documents-received', 'A-2', { documents: ['x'] });
    expect(engine.activeElements(instance)).toEqual(['waitDocs']);

    engine.correlateMessage('documents-received', 'A-1', { documents: ['passport.pdf'] });

    expect(engine.variables(instance)).toMatchObject({ files: ['passport.pdf'] });
    expect(engine.variables(instance)).not.toHaveProperty('documents');
    expect(engine.activeElements(instance)).toEqual(['cooldown']);
    expect(engine.state.timers).not.toEqual({});
    expect(Object.values(engine.state.messageSubscriptions)).toEqual([]);
  });

  it('given the cooldown timer, when an hour passes and the go signal is broadcast, then the instance completes', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('waiting', { applicationId: 'A-1', deadline: 'P30D' });
    engine.correlateMessage('documents-received', 'A-1', { documents: [] });
    engine.advanceClock(HOUR - 1);
    expect(engine.activeElements(instance)).toEqual(['cooldown']);
    engine.advanceClock(1);
    expect(engine.activeElements(instance)).toEqual(['waitGo']);
    engine.broadcastSignal('go');
    expect(engine.isCompleted(instance)).toBe(true);
  });

  it('given a non-interrupting cycle R2/P7D, when 20 days pass, then two reminders are sent and the task still waits', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('waiting', { applicationId: 'A-1', deadline: 'P30D' });
    engine.onJob('portal.notify', () => ({ complete: {} }));
    engine.advanceClock(20 * DAY);

    expect(engine.records.completed(instance).filter((id) => id === 'sendReminder')).toHaveLength(2);
    expect(engine.activeElements(instance)).toEqual(['waitDocs']);
  });

  it('given a non-interrupting message boundary, when it is correlated, then a reminder runs beside the waiting task', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('waiting', { applicationId: 'A-1', deadline: 'P30D' });
    engine.correlateMessage('reminder-requested', 'A-1');
    expect(engine.activeElements(instance)).toEqual(['sendReminder', 'waitDocs']);
  });

  it('given an interrupting duration boundary from a FEEL variable, when it falls due, then the task is terminated and the instance ends', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('waiting', { applicationId: 'A-1', deadline: 'P3D' });
    engine.advanceClock(3 * DAY);

    expect(engine.records.terminated(instance)).toEqual(['waitDocs']);
    expect(engine.records.completed(instance)).toEqual(['start', 'deadline', 'expired']);
    expect(engine.isCompleted(instance)).toBe(true);
    expect(Object.values(engine.state.timers).filter((timer) => timer.processInstanceKey === instance)).toEqual([]);
  });

  it('given an interrupting message boundary, when it is correlated, then every other subscription closes', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('waiting', { applicationId: 'A-1', deadline: 'P3D' });
    engine.correlateMessage('withdrawn', 'A-1');
    expect(engine.records.completed(instance)).toEqual(['start', 'withdrawn', 'closed']);
    expect(Object.values(engine.state.timers).filter((timer) => timer.processInstanceKey === instance)).toEqual([]);
    expect(engine.state.messageSubscriptions).toEqual({});
  });

  it('given a message start event, when the message is published, then a new instance starts with its variables', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    engine.correlateMessage('application-submitted', '', { applicant: 'Erika' });
    const [started] = engine.records.processInstances('ElementActivating').slice(-1);
    expect(engine.records.completed(started)).toEqual(['submitted', 'registered']);
    expect(engine.records.ofType('VariableSet').find((record) => record.processInstanceKey === started)).toMatchObject({ name: 'applicant', value: 'Erika' });
  });

  it('given a message nobody waits for, when it has a time to live, then it is buffered', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    engine.correlateMessage('documents-received', 'Z-9', {}, 60_000);
    expect(Object.values(engine.state.messages)).toEqual([expect.objectContaining({ name: 'documents-received', correlationKey: 'Z-9' })]);
  });

  it('given a cron timer start event, when two nights pass, then two instances ran', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    engine.advanceClock(2 * DAY);
    expect(engine.records.completed().filter((id) => id === 'cleaned')).toHaveLength(2);
    expect(Object.values(engine.state.timers).filter((timer) => timer.elementId === 'everyNight')).toHaveLength(1);
  });

  it('given a signal start event that throws a signal, when stop-all is broadcast, then the waiting instance receives go', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('waiting', { applicationId: 'A-1', deadline: 'P30D' });
    engine.correlateMessage('documents-received', 'A-1', { documents: [] });
    engine.advanceClock(HOUR);
    engine.broadcastSignal('stop-all');
    expect(engine.isCompleted(instance)).toBe(true);
    expect(engine.records.completed()).toEqual(expect.arrayContaining(['stopStart', 'broadcastGo', 'stopEnd']));
  });
});
