import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineHarness } from '../index';

const fixture = readFileSync(join(__dirname, 'fixtures/gateways.bpmn'), 'utf8');

describe('gateways, links, terminate end events and implicit splits', () => {
  it('given an inclusive fork with two true conditions, when one branch is done, then the join waits for the other branch', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('inclusive', { needsA: true, needsB: true });
    expect(engine.activeElements(instance)).toEqual(['taskA', 'taskB']);
    engine.completeUserTask('taskA');
    expect(engine.records.completed(instance)).not.toContain('join');
    engine.completeUserTask('taskB');
    expect(engine.records.completed(instance)).not.toContain('join');
    engine.completeUserTask('taskB2');
    expect(engine.records.completed(instance).filter((id) => id === 'join')).toEqual(['join']);
    expect(engine.isCompleted(instance)).toBe(true);
  });

  it('given an inclusive fork with one true condition, when that branch is done, then the join fires at once', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('inclusive', { needsA: false, needsB: true });
    engine.completeUserTask('taskB');
    engine.completeUserTask('taskB2');
    expect(engine.isCompleted(instance)).toBe(true);
    expect(engine.records.completed(instance)).toEqual(['iStart', 'fork', 'taskB', 'taskB2', 'join', 'iEnd']);
  });

  it('given no true condition, when the inclusive fork is reached, then the default flow is taken', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('inclusive', { needsA: false, needsB: false });
    expect(engine.records.completed(instance)).toEqual(['iStart', 'fork', 'taskC', 'join', 'iEnd']);
  });

  it('given a parallel join after an exclusive split, when one token arrives, then it waits (BPMN deadlock, no dead-path elimination)', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('deadlock');
    expect(engine.isCompleted(instance)).toBe(false);
    expect(engine.state.elementInstances[instance]?.joins).toEqual({ pjoin: { dA: 1 } });
  });

  it('given an event-based gateway, when the message wins, then the timer is closed and a link jumps to the end', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('race', { caseId: 'K' });
    engine.correlateMessage('answer', 'K', { answer: 'yes' });
    expect(engine.records.completed(instance)).toEqual(['rStart', 'split', 'waitFor', 'answered', 'goOn', 'landed', 'rEnd']);
    expect(Object.values(engine.state.timers)).toEqual([]);
    expect(engine.activeElements(instance)).toEqual(['work']);
  });

  it('given an event-based gateway, when the timer wins, then the terminate end event ends everything', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('race', { caseId: 'K' });
    engine.advanceClock(14 * 24 * 3_600_000);
    expect(engine.records.terminated(instance)).toEqual(['work']);
    expect(engine.isCompleted(instance)).toBe(true);
    expect(engine.state.userTasks).toEqual({});
    expect(engine.state.messageSubscriptions).toEqual({});
  });

  it('given a complex gateway with activationCount >= 2, when two of three votes are in, then it fires', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('complex');
    engine.completeUserTask('vote1');
    expect(engine.records.completed(instance)).not.toContain('quorum');
    engine.completeUserTask('vote3');
    expect(engine.records.completed(instance)).toEqual(expect.arrayContaining(['quorum', 'decided', 'xEnd']));
  });

  it('given conditional flows leaving a task, when it completes, then every true and unconditional flow is taken', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const both = engine.createInstance('implicit', { notify: true });
    expect(engine.records.completed(both)).toEqual(['mStart', 'assess', 'notifyTask', 'archiveTask']);
    const one = engine.createInstance('implicit', { notify: false });
    expect(engine.records.completed(one)).toEqual(['mStart', 'assess', 'archiveTask']);
  });
});
