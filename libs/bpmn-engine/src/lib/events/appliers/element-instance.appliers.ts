import type { ElementInstanceRecord, ElementInstanceState, EngineState } from '../../state/engine-state';
import { InconsistentStateError, must, type ApplierTable } from './applier';

type ElementEvents =
  | 'ProcessDeployed'
  | 'ElementActivating'
  | 'ElementActivated'
  | 'ElementCompleting'
  | 'ElementCompleted'
  | 'ElementTerminating'
  | 'ElementTerminated'
  | 'SequenceFlowTaken'
  | 'JoinTokensDiscarded'
  | 'EventTriggered'
  | 'EventTriggerCleared'
  | 'LoopStateUpdated';

/** The checked lifecycle: which state each transition may start from. */
const ALLOWED_FROM: Readonly<Record<ElementInstanceState, readonly ElementInstanceState[]>> = {
  activating: [],
  activated: ['activating'],
  completing: ['activated'],
  completed: ['completing'],
  terminating: ['activating', 'activated', 'completing'],
  terminated: ['terminating'],
};

function transition(state: EngineState, key: string, to: ElementInstanceState): ElementInstanceRecord {
  const instance = must(state.elementInstances[key], `element instance ${key}`);
  if (!ALLOWED_FROM[to].includes(instance.state)) {
    throw new InconsistentStateError(`Element instance ${key} (${instance.elementId}) cannot go from ${instance.state} to ${to}.`);
  }
  instance.state = to;
  return instance;
}

function remove(state: EngineState, key: string): void {
  delete state.elementInstances[key];
  delete state.variables[key];
}

export const elementInstanceAppliers: ApplierTable<ElementEvents> = {
  ProcessDeployed: (state, event) => {
    state.processes[event.processId] = {
      processDefinitionKey: event.processDefinitionKey,
      processId: event.processId,
      version: event.version,
    };
  },
  ElementActivating: (state, event) => {
    const { consumedFlows, ...record } = event;
    const { type: _type, v: _v, ...fields } = record;
    state.elementInstances[event.key] = { ...fields, state: 'activating' };
    if (consumedFlows && event.flowScopeKey) {
      const scope = must(state.elementInstances[event.flowScopeKey], 'flow scope');
      const tokens = scope.joins?.[event.elementId] ?? {};
      for (const flowId of consumedFlows) {
        const count = (tokens[flowId] ?? 0) - 1;
        if (count > 0) tokens[flowId] = count;
        else delete tokens[flowId];
      }
      if (scope.joins && Object.keys(tokens).length === 0) delete scope.joins[event.elementId];
      if (scope.joins && Object.keys(scope.joins).length === 0) delete scope.joins;
    }
  },
  ElementActivated: (state, event) => void transition(state, event.key, 'activated'),
  ElementCompleting: (state, event) => void transition(state, event.key, 'completing'),
  ElementCompleted: (state, event) => {
    transition(state, event.key, 'completed');
    remove(state, event.key);
  },
  ElementTerminating: (state, event) => void transition(state, event.key, 'terminating'),
  ElementTerminated: (state, event) => {
    transition(state, event.key, 'terminated');
    remove(state, event.key);
  },
  SequenceFlowTaken: (state, event) => {
    if (!event.join) return;
    const scope = must(state.elementInstances[event.flowScopeKey], 'flow scope');
    const joins = (scope.joins ??= {});
    const tokens = (joins[event.targetId] ??= {});
    tokens[event.flowId] = (tokens[event.flowId] ?? 0) + 1;
  },
  JoinTokensDiscarded: (state, event) => {
    delete must(state.elementInstances[event.flowScopeKey], 'flow scope').joins;
  },
  EventTriggered: (state, event) => {
    must(state.elementInstances[event.elementInstanceKey], 'triggered element instance').trigger = event.trigger;
  },
  EventTriggerCleared: (state, event) => {
    delete must(state.elementInstances[event.elementInstanceKey], 'element instance').trigger;
  },
  LoopStateUpdated: (state, event) => {
    must(state.elementInstances[event.elementInstanceKey], 'loop body').loop = event.loop;
  },
};
