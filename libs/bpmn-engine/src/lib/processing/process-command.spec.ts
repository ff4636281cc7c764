import type { ExecutableElement, ExecutableProcess } from '@laufweg/bpmn-model';
import { replayEvents } from '../events/apply-event';
import type { EnginePorts } from '../ports';
import { createEmptyState, type EngineState } from '../state/engine-state';
import { processCommand } from './process-command';

// Engine mechanics on a graph built in code: no XML, no parser.
function element(id: string, type: ExecutableElement['type'], extra: Partial<ExecutableElement> = {}): ExecutableElement {
  return { id, type, flowScopeId: 'p', incoming: [], outgoing: [], boundaryEventIds: [], startEventIds: [], childIds: [], eventSubProcessIds: [], inputs: [], outputs: [], properties: {}, isForCompensation: false, ...extra };
}

const scope: ExecutableElement = { ...element('p', 'process'), flowScopeId: undefined, startEventIds: ['s'], childIds: ['s', 'work', 'e'] };
const model: ExecutableProcess = {
  id: 'p',
  isExecutable: true,
  scope,
  elements: {
    p: scope,
    s: element('s', 'startEvent', { outgoing: ['f1'], eventDefinition: { kind: 'none' } }),
    work: element('work', 'serviceTask', { incoming: ['f1'], outgoing: ['f2'], job: { type: { kind: 'static', value: 'work' }, retries: { kind: 'static', value: '3' }, headers: {} } }),
    e: element('e', 'endEvent', { incoming: ['f2'], eventDefinition: { kind: 'none' } }),
  },
  flows: { f1: { id: 'f1', sourceId: 's', targetId: 'work' }, f2: { id: 'f2', sourceId: 'work', targetId: 'e' } },
};

function ports(start = 0): EnginePorts {
  let key = start;
  return { clock: { now: () => 1_000 }, keys: { next: () => String(++key) }, models: { get: (definitionKey) => (definitionKey === 'p:1' ? model : undefined) } };
}

function run(state: EngineState, command: Parameters<typeof processCommand>[1], engine: EnginePorts): EngineState {
  const result = processCommand(state, command, engine);
  if (result.rejected) throw new Error(result.reason);
  return result.state;
}

describe('processCommand', () => {
  it('given a deployed process, when an instance is created, then it runs to the job and emits versioned lifecycle events', () => {
    const engine = ports();
    const deployed = run(createEmptyState(), { type: 'DeployProcess', processDefinitionKey: 'p:1' }, engine);
    const result = processCommand(deployed, { type: 'CreateProcessInstance', processId: 'p', variables: { a: 1 } }, engine);
    if (result.rejected) throw new Error(result.reason);

    expect(result.events.map((record) => record.type)).toEqual([
      'ElementActivating', 'VariableSet', 'ElementActivated', 'ElementActivating', 'ElementActivated', 'ElementCompleting', 'ElementCompleted',
      'SequenceFlowTaken', 'ElementActivating', 'JobCreated', 'ElementActivated',
    ]);
    expect(result.events.every((record) => record.v === 1)).toBe(true);
    expect(Object.values(result.state.jobs)).toEqual([expect.objectContaining({ type: 'work', retries: 3, elementId: 'work' })]);
    expect(replayEvents(result.events, deployed)).toEqual(result.state);
    expect(deployed.jobs).toEqual({});
  });

  it('given the same state and command, when run twice, then the events are the same', () => {
    const deployed = run(createEmptyState(), { type: 'DeployProcess', processDefinitionKey: 'p:1' }, ports());
    const first = processCommand(deployed, { type: 'CreateProcessInstance', processId: 'p' }, ports(10));
    const second = processCommand(deployed, { type: 'CreateProcessInstance', processId: 'p' }, ports(10));
    expect(second.events).toEqual(first.events);
  });

  it('given an unknown process or job, when commanded, then the command is rejected and nothing changes', () => {
    const state = createEmptyState();
    expect(processCommand(state, { type: 'CreateProcessInstance', processId: 'nope' }, ports())).toMatchObject({ rejected: true, events: [] });
    expect(processCommand(state, { type: 'CompleteJob', jobKey: '99' }, ports())).toMatchObject({ rejected: true, reason: 'No open job 99.' });
  });

  it('given an element instance, when an event does not fit its lifecycle, then applying it throws (a bug, not an incident)', () => {
    const engine = ports();
    const deployed = run(createEmptyState(), { type: 'DeployProcess', processDefinitionKey: 'p:1' }, engine);
    const created = run(deployed, { type: 'CreateProcessInstance', processId: 'p' }, engine);
    const task = Object.values(created.elementInstances).find((instance) => instance.elementId === 'work');
    expect(() => replayEvents([{ type: 'ElementCompleted', v: 1, key: task!.key }], created)).toThrow(/cannot go from activated to completed/);
  });
});
